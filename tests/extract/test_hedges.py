"""Hedges, bounds, ranges and the precision of the written digits (low/high)."""

import math

import pytest

from helpers import claim_at

# (lang, text, surface, approximate, lower, upper, low, high, hedge)
EXAMPLES = [
    ("de", "Das Budget beträgt rund 420 Millionen Dollar.", "420 Millionen Dollar", True, None, None, 410e6, 430e6, "rund"),
    ("de", "Umgerechnet 431 Mio. US-Dollar.", "431 Mio. US-Dollar", False, None, None, 430.5e6, 431.5e6, None),
    ("de", "Sie bestellten mehr als eine Million Pakete.", "eine Million", False, 1e6, None, 1e6, None, "mehr als"),
    ("de", "Es wurden mehr als 100.000 Einheiten geliefert.", "100.000", False, 100000.0, None, 100000.0, None, "mehr als"),
    ("de", "Es kamen etwa 3000 Gäste.", "3000", True, None, None, 2700.0, 3300.0, "etwa"),
    ("de", "Die Firma hat knapp 500 Mitarbeiter.", "500", True, None, 500.0, 450.0, 500.0, "knapp"),
    ("de", "Bis zu 35 °C werden erwartet.", "35 °C", False, None, 35.0, None, 35.0, "Bis zu"),
    ("de", "Das kostet mindestens 20 Euro.", "20 Euro", False, 20.0, None, 20.0, None, "mindestens"),
    ("de", "Die Aktie notiert bei 135,80 €.", "135,80 €", False, None, None, 135.795, 135.805, None),
    ("en", "The fund raised about $500 million.", "$500 million", True, None, None, 450e6, 550e6, "about"),
    ("en", "Nearly 2,000 homes lost power.", "2,000", True, None, 2000.0, 1800.0, 2000.0, "Nearly"),
    ("en", "More than 300 flights were cancelled.", "300", False, 300.0, None, 300.0, None, "More than"),
    ("en", "It can reach up to 40 km/h.", "40 km/h", False, None, 40.0, None, 40.0, "up to"),
    ("en", "At least 12 people died.", "12", False, 12.0, None, 12.0, None, "At least"),
    ("en", "Roughly 7.5 billion euros were paid.", "7.5 billion euros", True, None, None, 7.4e9, 7.6e9, "Roughly"),
    # a count crossing a mark: a lower bound
    ("en", "Quake death toll passes 100 as rescuers dig on.", "100", False, 100.0, None, 100.0, None, "passes"),
    ("en", "Ticket sales topped 2,000 on Friday.", "2,000", False, 2000.0, None, 2000.0, None, "topped"),
    ("de", "Die Zahl der Verletzten übersteigt 40.", "40", False, 40.0, None, 40.0, None, "übersteigt"),
    ("en", "Parliament passed 100 amendments.", "100", False, None, None, 100.0, 100.0, None),  # a count is exact
]


@pytest.mark.parametrize("lang,text,surface,approximate,lower,upper,low,high,hedge", EXAMPLES,
                         ids=[f"{e[0]}-{e[2]}" for e in EXAMPLES])
def test_hedges_and_precision(lang, text, surface, approximate, lower, upper, low, high, hedge):
    c = claim_at(text, lang, surface)
    assert (c.approximate, c.lower, c.upper, c.hedge) == (approximate, lower, upper, hedge)
    for got, want in ((c.low, low), (c.high, high)):
        assert (got is None) == (want is None) and (want is None or math.isclose(got, want, rel_tol=1e-9)), (c.low, c.high)


def test_a_range_bounds_its_second_figure():
    c = claim_at("Es kostet zwischen 2 und 3 Mio. Euro.", "de", "3 Mio. Euro")
    assert (c.lower, c.upper) == (2e6, 3e6)
    c = claim_at("Die Galaxie hat 100 bis 300 Milliarden Sterne.", "de", "300 Milliarden")
    assert (c.lower, c.upper) == (100e9, 300e9)
    c = claim_at("Walls eight to 10 feet tall", "en", "10 feet")
    assert (c.lower, c.upper) == (8.0, 10.0)
    c = claim_at("between 50 and 80% of the heat", "en", "80%")
    assert (c.lower, c.upper) == (50.0, 80.0)


def test_from_x_to_y_is_a_change_not_a_range():
    c = claim_at("Revenue rose from 1.2 to 1.8 billion dollars.", "en", "1.8 billion dollars")
    assert (c.lower, c.upper) == (None, None)


def test_the_hedge_word_is_not_part_of_the_surface():
    assert claim_at("Das sind rund 14 Millionen Dollar.", "de", "14 Millionen Dollar").start == 14

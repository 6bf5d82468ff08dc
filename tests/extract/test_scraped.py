"""Scraped news as it comes: line breaks inside quantities, invisible and no-break spaces,
foreign separators, currencies named once, markup leftovers, vague amounts."""

import pytest

from helpers import check_row, claim_at, claims_of, row

EXAMPLES = [
    # zero-width, no-break and narrow no-break spaces inside and around numbers
    row("en", "Airlines cancelled 1,\u200b180 flights.", "1,\u200b180", "number", 1180.0, None),
    row("en", "Some 2\u2060500 workers walked out.", "2\u2060500", "number", 2500.0, None),
    row("en", "The depot held 3\ufeff400 crates.", "3\ufeff400", "number", 3400.0, None),
    row("de", "Es kamen 1.\u200b250 Gäste.", "1.\u200b250", "number", 1250.0, None),
    row("de", "Der Umbau kostet\u200b 48\u200b Millionen Euro.", "48\u200b Millionen Euro", "money", 48e6, "EUR"),
    row("de", "Das Lager fasst 12\u00a0600 Paletten.", "12\u00a0600", "number", 12600.0, None),
    row("de", "Gezählt wurden 4\u202f812 Stimmen.", "4\u202f812", "number", 4812.0, None),
    row("de", "Es kamen 12 600 Besucher.", "12 600", "number", 12600.0, None),
    row("en", "The festival drew 4 812 visitors.", "4 812", "number", 4812.0, None),
    row("en", "It costs\u00a0$\u00a012\u202f600 a year.", "$\u00a012\u202f600", "money", 12600.0, "USD"),
    row("de", "Der Preis stieg um 7,5\u202f% im Jahr.", "7,5\u202f%", "percent", 7.5, "%"),
]


@pytest.mark.parametrize("lang,text,surface,kind,value,unit", EXAMPLES)
def test_scraped(lang, text, surface, kind, value, unit):
    check_row(lang, text, surface, kind, value, unit)


@pytest.mark.parametrize("leftover", ["&#x1b;[2J", "\x1b[2J", "\\033[2J"])
def test_terminal_control_sequences_are_no_claims(leftover):
    assert [c.surface for c in claims_of(f"The log showed {leftover} and then 5 J of energy.", "en")] == ["5 J"]


def test_a_reference_written_out_in_plain_text_reads_as_its_character():
    c = claim_at("Der Zuschuss betrug 5&nbsp;000 Euro.", "de", "5&nbsp;000 Euro")
    assert (c.kind, c.value, c.unit) == ("money", 5000.0, "EUR")
    c = claim_at("The levy rose 12&#37; this year.", "en", "12&#37;")
    assert (c.kind, c.value) == ("percent", 12.0)

"""Claim context: measure, subject, as-of date, qualifiers, relations (German and English)."""

from checker.context import annotate
from tests.compare.claims import claim, doc, ids


def annotated(d, *specs):
    claims = ids([claim(d, *spec[:-1], **spec[-1]) if isinstance(spec[-1], dict) else claim(d, *spec) for spec in specs])
    annotate([d], claims)
    return claims


def test_measure_comes_from_the_nearest_cue_de():
    d = doc("a.md", "Der Schlusskurs lag am Montag bei 142,00 Euro, der Umsatz bei 3 Mrd. Euro.", "2026-02-03")
    price, revenue = annotated(d, ("142,00 Euro", "money", 142.0, "EUR"), ("3 Mrd. Euro", "money", 3e9, "EUR"))
    assert price.measure == "share-price"
    assert revenue.measure == "revenue"


def test_multi_word_cue_beats_a_nearer_single_word_en():
    d = doc("a.md", "At the peak 150,000 households were without power.", "2026-02-09", "en")
    (c,) = annotated(d, ("150,000", "number", 150000.0, None))
    assert c.measure == "power-outage"


def test_measure_respects_the_kinds_it_applies_to():
    d = doc("a.md", "Die Aktie fiel um 6,22 % auf 135,80 € nach unten.", "2026-02-07")
    pct, price = annotated(d, ("6,22 %", "percent", 6.22, "%"), ("135,80 €", "money", 135.8, "EUR"))
    assert pct.measure == "change"
    assert price.measure == "share-price"


def test_competitor_figure_belongs_to_the_competitor_de():
    d = doc("b.md", "Lanxing gibt 4 Mrd. Yuan aus. Damit ist das Budget doppelt so groß wie bei Huoshan "
            "(2 Mrd. Yuan) und klar über Miaoke (700 Mio. Yuan).", "2026-02-02")
    own, huoshan, miaoke = annotated(d, ("4 Mrd. Yuan", "money", 4e9, "CNY"), ("2 Mrd. Yuan", "money", 2e9, "CNY"),
                                     ("700 Mio. Yuan", "money", 7e8, "CNY"))
    assert own.subject is None
    assert huoshan.subject == "other:huoshan"
    assert miaoke.subject == "other:miaoke"


def test_rival_cue_marks_another_subject_en():
    d = doc("b.md", "The rival Korvex Zenit P5 costs $899 in the US.", "2026-03-17", "en")
    (c,) = annotated(d, ("$899", "money", 899.0, "USD"))
    assert c.subject == "other:korvex"


def test_as_of_is_the_sentence_date_else_published():
    d = doc("a.md", "Tessanby shares closed Monday at $51.20 in New York. Revenue was $4.1 billion.", "2026-05-19", "en")
    monday, price, revenue = annotated(d, ("Monday", "date", {"date": "2026-05-18"}),
                                       ("$51.20", "money", 51.2, "USD"), ("$4.1 billion", "money", 4.1e9, "USD"))
    assert price.as_of == "2026-05-18"
    assert revenue.as_of == "2026-05-19"


def test_last_years_figure_is_qualified_prior_de():
    d = doc("a.md", "Im vergangenen Jahr lieferte der Hersteller 410.000 Fahrzeuge aus.", "2026-03-11")
    (c,) = annotated(d, ("410.000 Fahrzeuge", "number", 410000.0, None))
    assert "prior" in c.qualifiers


def test_stated_year_becomes_a_qualifier_en():
    d = doc("a.md", "Mooskirch paid 9 million euros for him in 2023.", "2026-07-08", "en")
    money, year = annotated(d, ("9 million euros", "money", 9e6, "EUR"), ("2023", "date", {"date": "2023"}))
    assert "year:2023" in money.qualifiers


def test_region_qualifier_separates_markets_en():
    d = doc("a.md", "In Denmark six people died.", "2026-02-11", "en")
    (c,) = annotated(d, ("six", "number", 6.0, None))
    assert "region:DK" in c.qualifiers
    assert c.measure == "deaths"


def test_conversion_in_parentheses_ties_both_amounts_de():
    d = doc("a.md", "Lanxing hat 4 Milliarden Yuan (rund 560 Millionen Dollar) eingeplant.", "2026-02-07")
    src, tgt = annotated(d, ("4 Milliarden Yuan", "money", 4e9, "CNY"),
                         ("560 Millionen Dollar", "money", 5.6e8, "USD", {"approximate": True}))
    assert [(r.type, r.other) for r in src.relations] == [("conversion", tgt.id)]
    assert [(r.type, r.other) for r in tgt.relations] == [("conversion", src.id)]
    assert src.measure == "investment"  # money set aside for a purpose


def test_same_currency_in_parentheses_is_not_a_conversion_en():
    d = doc("a.md", "Revenue rose to $4.1 billion ($3.9 billion a year earlier).", "2026-05-19", "en")
    a, b = annotated(d, ("$4.1 billion", "money", 4.1e9, "USD"), ("$3.9 billion", "money", 3.9e9, "USD"))
    assert not a.relations and not b.relations


def test_range_ties_its_ends_en():
    d = doc("a.md", "The IPO should raise $400 million to $450 million.", "2026-09-22", "en")
    lo, hi = annotated(d, ("$400 million", "money", 4e8, "USD"), ("$450 million", "money", 4.5e8, "USD"))
    assert [r.type for r in lo.relations] == ["range"]
    assert [r.type for r in hi.relations] == ["range"]


def test_ratio_word_ties_two_figures_with_its_factor_en():
    d = doc("a.md", "Its budget of $300 million is twice the $150 million of last year.", "2026-02-02", "en")
    a, b = annotated(d, ("$300 million", "money", 3e8, "USD"), ("$150 million", "money", 1.5e8, "USD"))
    assert [(r.type, r.factor) for r in a.relations] == [("ratio", 2.0)]


def test_table_cell_takes_its_measure_from_the_column_header_en():
    d = doc("a.md", "Prices by market:\n\n| Market | Price |\n|---|---|\n| United Kingdom | £849 |\n", "2026-03-17", "en")
    (c,) = annotated(d, ("£849", "money", 849.0, "GBP"))
    assert c.measure == "price"
    assert "region:GB" in c.qualifiers


def test_sub_count_does_not_drift_against_the_total_de():
    from checker.compare import compare

    a = doc("a.md", "Der Sturm hat mindestens 14 Menschen das Leben gekostet. Zwei Männer starben in ihrem Auto.", "2026-02-09")
    b = doc("b.md", "Die Zahl der Toten ist auf 23 gestiegen.", "2026-02-10")
    claims = ids([claim(a, "14", "number", 14.0, None, lower=14.0), claim(a, "Zwei", "number", 2.0, None),
                  claim(b, "23", "number", 23.0, None)])
    annotate([a, b], claims)
    drifts = [sorted(c.surface for c in claims if c.id in f.claims) for f in compare(claims) if f.kind == "drift"]
    assert drifts == [["14", "23"]]


def test_dateline_date_is_the_articles_own_not_an_event_de():
    d = doc("a.md", "Chengdu, 4. Februar 2026 – Lanxing gab die Kampagne bekannt.", "2026-02-04")
    (c,) = annotated(d, ("4. Februar 2026", "date", {"date": "2026-02-04"}))
    assert c.measure is None


def test_trailing_window_is_a_qualifier_even_when_spelled_as_a_number_en():
    d = doc("a.md", "The shares closed at €142.00, down 2.34% over the past seven days.", "2026-02-03", "en")
    _, pct, _ = annotated(d, ("€142.00", "money", 142.0, "EUR"), ("2.34%", "percent", 2.34, "%"),
                          ("seven", "number", 7.0, None))
    assert "window-week" in pct.qualifiers


def test_repeated_figure_shares_its_qualifiers_en():
    d = doc("a.md", "Vidora ended December with 48.3 million subscribers worldwide.\n\n- Paid subscribers: 48.3 million\n",
            "2026-01-23", "en")
    text, box = annotated(d, ("48.3 million", "number", 48.3e6, None), ("48.3 million", "number", 48.3e6, None, {"occurrence": 2}))
    assert "world" in text.qualifiers and "world" in box.qualifiers


def test_ratio_base_belongs_to_someone_else_en():
    d = doc("a.md", "The budget is twice the 2 billion yuan Miaoke has set aside.", "2026-02-03", "en")
    (c,) = annotated(d, ("2 billion yuan", "money", 2e9, "CNY"))
    assert c.subject == "other:miaoke"


def test_as_of_is_the_latest_date_stated_not_the_event_date_en():
    d = doc("a.md", "Rescuers said on Sunday that the landslide on Saturday had killed 12 people.", "2026-04-20", "en")
    _, _, c = annotated(d, ("Sunday", "date", {"date": "2026-04-19"}), ("Saturday", "date", {"date": "2026-04-18"}),
                        ("12", "number", 12.0, None))
    assert c.as_of == "2026-04-19"
    assert c.measure == "deaths"


def test_exact_cue_does_not_match_a_longer_word_en():
    d = doc("a.md", "The European Union is contributing €360m towards the cost.", "2026-03-12", "en")
    (c,) = annotated(d, ("€360m", "money", 360e6, "EUR"))
    assert c.measure == "aid"


def test_year_end_figure_holds_for_december_of_the_last_year_de():
    d = doc("a.md", "Zum Jahresende kam der Dienst auf 900.000 Abonnenten.", "2026-01-22")
    (c,) = annotated(d, ("900.000 Abonnenten", "number", 900000.0, None))
    assert c.as_of == "2025-12"
    assert "year-end" not in c.qualifiers


def test_stated_month_is_the_as_of_before_the_reporting_day_de():
    d = doc("a.md", "Ende Mai zählte der Verbund 263.000 Abonnenten, wie ein Sprecher am Mittwoch sagte.", "2026-06-03")
    _, c, _ = annotated(d, ("Ende Mai", "date", {"date": "2026-05"}), ("263.000 Abonnenten", "number", 263000.0, None),
                        ("Mittwoch", "date", {"date": "2026-06-03"}))
    assert c.as_of == "2026-05"


def test_sentence_opening_with_a_pronoun_takes_the_last_ones_event_de():
    d = doc("a.md", "Falk und Dorn treten in einer Stichwahl gegeneinander an. Sie findet am 11. Oktober statt.", "2026-09-29")
    (c,) = annotated(d, ("11. Oktober", "date", {"date": "2026-10-11"}))
    assert c.measure == "election"


def test_comparator_ties_two_figures_en():
    d = doc("a.md", "Its $431 million haul is more than the $290 million raised by rival Taiming.", "2026-09-22", "en")
    a, b = annotated(d, ("$431 million", "money", 4.31e8, "USD"), ("$290 million", "money", 2.9e8, "USD"))
    assert [r.type for r in a.relations] == ["comparison"]
    assert b.subject == "other:taiming"


def test_repeated_figure_keeps_the_date_its_text_states_de():
    d = doc("a.md", "Bis Dienstagabend wurden 212 Menschen behandelt.\n\n- Behandelte Hitzepatienten: 212\n", "2026-07-22")
    _, text, box = annotated(d, ("Dienstagabend", "date", {"date": "2026-07-21"}), ("212", "number", 212.0, None),
                             ("212", "number", 212.0, None, {"occurrence": 2}))
    assert text.as_of == box.as_of == "2026-07-21"

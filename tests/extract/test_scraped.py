"""Scraped news as it comes: line breaks inside quantities, invisible and no-break spaces,
foreign separators, currencies named once, markup leftovers, vague amounts."""

import pytest

from helpers import check_row, claim_at, claims_of, row

EXAMPLES = [
    # a quantity broken by a line break (a plain text keeps every break of the page it came from)
    row("de", "Die Stadt zahlte mehr als 69\nMillionen Euro für die Brücke.", "69\nMillionen Euro", "money", 69e6, "EUR"),
    row("de", "Die Stadt zahlte 69 Millionen\nEuro für die Brücke.", "69 Millionen\nEuro", "money", 69e6, "EUR"),
    row("de", "Es stimmten mehr als 90\nProzent dafür.", "90\nProzent", "percent", 90.0, "%"),
    row("de", "Der Tunnel ist 4,2 \n  Kilometer lang.", "4,2 \n  Kilometer", "quantity", 4.2, "km"),
    row("de", "Die Karten kosten zwischen 15 \nund 25 US-Dollar.", "25 US-Dollar", "money", 25.0, "USD"),
    row("de", "Die Halle kostete rund\n12 Millionen Euro.", "12 Millionen Euro", "money", 12e6, "EUR"),
    row("en", "The county spent about 310\n million on roads.", "310\n million", "number", 310e6, None),
    row("en", "The group raised $3.4\n      billion last year.", "$3.4\n      billion", "money", 3.4e9, "USD"),
    row("en", "The refit came to £4\nmillion in total.", "£4\nmillion", "money", 4e6, "GBP"),
    row("en", "Turnout was over 70\npercent.", "70\npercent", "percent", 70.0, "%"),
    row("en", "The plan costs US$\n2 billion.", "US$\n2 billion", "money", 2e9, "USD"),
    row("en", "Tickets cost between 15 \nand 25 dollars.", "25 dollars", "money", 25.0, "USD"),
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
    # a currency in brackets, a currency stated once for a list
    row("de", "Der Bund gibt 209 Milliarden (Euro) aus.", "209 Milliarden (Euro)", "money", 209e9, "EUR"),
    row("en", "The fund holds 12 billion (USD) in bonds.", "12 billion (USD)", "money", 12e9, "USD"),
    row("de", "Insgesamt 153 Milliarden, davon 81 Milliarden Euro als Zuschuss.", "153 Milliarden", "money", 153e9, "EUR"),
    row("de", "Geplant sind 10 Millionen, 20 Millionen und 30 Millionen Euro.", "10 Millionen", "money", 10e6, "EUR"),
    row("de", "Geplant sind 10 Millionen, 20 Millionen und 30 Millionen Euro.", "20 Millionen", "money", 20e6, "EUR"),
    row("en", "The loss was 2 million, or 3 million dollars.", "2 million", "money", 2e6, "USD"),
    row("de", "Die Stadt hat 3 Millionen Einwohner, die 2 Millionen Euro zahlen.", "3 Millionen", "number", 3e6, None),
    row("de", "Es waren 2 Millionen. Die 3 Millionen Euro fehlen.", "2 Millionen", "number", 2e6, None),
    row("en", "Some 5 million people paid 4 billion dollars.", "5 million", "number", 5e6, None),
    # an English thousands separator in German text (and the other way round)
    row("de", "Es demonstrierten 13,000 Menschen.", "13,000", "number", 13000.0, None),
    row("de", "Das Werk hat 1,150 Beschäftigte.", "1,150", "number", 1150.0, None),
    row("de", "Der Umbau kostete 24,500 Euro.", "24,500 Euro", "money", 24500.0, "EUR"),
    row("de", "Der Liter Diesel kostete 1,799 Euro.", "1,799 Euro", "money", 1.799, "EUR"),
    row("en", "Gas averaged $3.499 a gallon.", "$3.499", "money", 3.499, "USD"),
    row("de", "Die Strecke ist 5,000 Kilometer lang.", "5,000 Kilometer", "quantity", 5000.0, "km"),
    row("de", "Der Kurs liegt bei 1,150.", "1,150", "number", 1.15, None),
    row("de", "Die Dosis beträgt 1,150 Milligramm.", "1,150 Milligramm", "quantity", 1.15, "mg"),
    row("de", "Der Anteil lag bei 2,125 Prozent.", "2,125 Prozent", "percent", 2.125, "%"),
    row("de", "Das sind 1,150 Milliarden Euro.", "1,150 Milliarden Euro", "money", 1.15e9, "EUR"),
    row("en", "Police counted 13.000 protesters.", "13.000", "number", 13000.0, None),
    row("en", "The rate was 1.125 overall.", "1.125", "number", 1.125, None),
    row("en", "It costs\u00a0$\u00a012\u202f600 a year.", "$\u00a012\u202f600", "money", 12600.0, "USD"),
    row("de", "Der Preis stieg um 7,5\u202f% im Jahr.", "7,5\u202f%", "percent", 7.5, "%"),
]


@pytest.mark.parametrize("lang,text,surface,kind,value,unit", EXAMPLES)
def test_scraped(lang, text, surface, kind, value, unit):
    check_row(lang, text, surface, kind, value, unit)


def test_a_foreign_separator_keeps_the_precision_of_its_digits():
    c = claim_at("Das Werk hat 1,150 Beschäftigte.", "de", "1,150")
    assert (c.low, c.high) == (1145.0, 1155.0)


@pytest.mark.parametrize("lang,text,surface,mark", [
    ("de", "Es demonstrierten 13,000 Menschen.", "13,000", ","),
    ("de", "Der Umbau kostete 24,500 Euro.", "24,500 Euro", ","),
    ("en", "Police counted 13.000 protesters.", "13.000", "."),
    ("en", "The refit cost 24.000 dollars.", "24.000 dollars", "."),
    ("de", "Es demonstrierten 13.000 Menschen.", "13.000", None),  # the language's own separator
    ("de", "Der Liter Diesel kostete 1,799 Euro.", "1,799 Euro", None),  # a decimal reading
    ("en", "Police counted 13,000 protesters.", "13,000", None),
    ("en", "Gas averaged $3.499 a gallon.", "$3.499", None),
])
def test_the_claim_says_when_a_separator_was_foreign(lang, text, surface, mark):
    assert claim_at(text, lang, surface).foreign_separator == mark


def test_a_broken_range_keeps_its_bounds():
    c = claim_at("Die Karten kosten zwischen 15 \nund 25 US-Dollar.", "de", "25 US-Dollar")
    assert (c.lower, c.upper) == (15.0, 25.0)
    c = claim_at("Tickets cost between 15 \nand 25 dollars.", "en", "25 dollars")
    assert (c.lower, c.upper) == (15.0, 25.0)
    c = claim_at("Es zahlten mehr als 69\nMillionen Euro.", "de", "69\nMillionen Euro")
    assert c.lower == 69e6
    assert c.sentence == "Es zahlten mehr als 69 Millionen Euro."


@pytest.mark.parametrize("lang,page,surface,value", [
    ("en", "<article><p>The group raised $3.4\n      billion\n      last year.</p></article>", "$3.4\n      billion",
     3.4e9),
    ("de", "<article><p>Die Stadt zahlte mehr als 69\n      Millionen Euro.</p></article>", "69\n      Millionen Euro",
     69e6),
])
def test_a_quantity_broken_inside_html_reads_as_one(lang, page, surface, value):
    from factlint.checker.extract import extract
    from factlint.checker.ingest import parse_document
    from factlint.rules.loader import load_pack

    doc = parse_document(page, "a.html", "html", lang=lang)
    money = [c for c in extract(doc, load_pack(lang)) if c.kind == "money"]
    assert [(c.surface, c.value) for c in money] == [(surface, value)]


@pytest.mark.parametrize("lang,text", [
    ("de", "Bilanz 2024\nEuro-Zone wächst weiter."),  # a compound on the next line
    ("de", "Es waren 15\nund dann kamen mehr."),  # a joiner without a second number
    ("de", "Punkte: 5\n- 7 Teams dabei"),  # a list item
    ("en", "Chapter 3\nm is the mass."),  # a lone letter
    ("de", "Ein Bericht über\n2024 und die Folgen."),  # a year after a bound word
    ("en", "Results 2025\n\nMillion-dollar homes sold fast."),  # a blank line between
])
def test_other_line_breaks_stay(lang, text):
    for c in claims_of(text, lang):
        assert "\n" not in c.surface, (c.surface, c.kind)
        assert c.lower is None, (c.surface, c.lower)


@pytest.mark.parametrize("leftover", ["&#x1b;[2J", "\x1b[2J", "\\033[2J"])
@pytest.mark.parametrize("lang,text", [("en", "The log showed {} and then 5 J of energy."),
                                       ("de", "Das Protokoll zeigte {} und dann 5 J Energie.")])
def test_terminal_control_sequences_are_no_claims(leftover, lang, text):
    assert [c.surface for c in claims_of(text.format(leftover), lang)] == ["5 J"]


def test_a_reference_written_out_in_plain_text_reads_as_its_character():
    c = claim_at("Der Zuschuss betrug 5&nbsp;000 Euro.", "de", "5&nbsp;000 Euro")
    assert (c.kind, c.value, c.unit) == ("money", 5000.0, "EUR")
    c = claim_at("The levy rose 12&#37; this year.", "en", "12&#37;")
    assert (c.kind, c.value) == ("percent", 12.0)


VAGUE = [
    ("de", "Es kamen mehrere Tausend Menschen.", "mehrere Tausend", "number", None, 2e3, 1e4),
    ("de", "Hunderte blieben bis zum Abend.", "Hunderte", "number", None, 200.0, 1e3),
    ("de", "Zehntausende zogen durch die Stadt.", "Zehntausende", "number", None, 2e4, 1e5),
    ("de", "Es geht um Hunderte Millionen Euro.", "Hunderte Millionen Euro", "money", "EUR", 2e8, 1e9),
    ("de", "Millionen Menschen sahen zu.", "Millionen", "number", None, 2e6, 1e7),
    ("de", "Das Lager liegt einige hundert Kilometer entfernt.", "einige hundert Kilometer", "quantity", "km", 200.0, 1e3),
    ("de", "Es wurden tausende Euro gespendet.", "tausende Euro", "money", "EUR", 2e3, 1e4),
    ("en", "Dozens were hurt in the crash.", "Dozens", "number", None, 24.0, 120.0),
    ("en", "Tens of thousands fled the floods.", "Tens of thousands", "number", None, 2e4, 1e5),
    ("en", "The plan costs hundreds of millions of dollars.", "hundreds of millions of dollars", "money", "USD", 2e8, 1e9),
    ("en", "Several thousand fans waited outside.", "Several thousand", "number", None, 2e3, 1e4),
    ("en", "The firm cut a few hundred jobs.", "a few hundred", "number", None, 200.0, 1e3),
]


@pytest.mark.parametrize("lang,text,surface,kind,unit,low,high", VAGUE, ids=[f"{v[0]}-{v[2]}" for v in VAGUE])
def test_vague_amounts_are_claims_with_a_range(lang, text, surface, kind, unit, low, high):
    c = claim_at(text, lang, surface)
    assert (c.kind, c.unit, c.approximate) == (kind, unit, True)
    assert (c.low, c.high) == (low, high) == (c.lower, c.upper)
    assert c.value == low


@pytest.mark.parametrize("lang,text,surface,value", [
    ("de", "Die Stadt hat 69 Millionen Euro ausgegeben.", "69 Millionen Euro", 69e6),
    ("de", "Es kamen tausend Menschen.", "tausend", 1e3),
    ("en", "He bought 3 dozens of eggs.", "3 dozens", 36.0),
    ("en", "A thousand people came.", "A thousand", 1e3),
])
def test_a_scale_word_after_a_number_is_no_vague_amount(lang, text, surface, value):
    c = claim_at(text, lang, surface)
    assert (c.value, c.approximate) == (value, False)


def test_millions_after_a_determiner_refer_back_and_are_no_claim():
    assert claims_of("Die Millionen fließen in den Bau.", "de") == []
    assert claims_of("Die Milliarden sind verplant.", "de") == []


RATES = [
    ("de", "Die Inzidenz liegt bei 50 pro 100.000 Einwohner.", ["50"]),
    ("en", "There were 12 cases per 100,000 residents.", ["12"]),
    ("de", "Die 7-Tage-Inzidenz stieg auf 50.", ["50"]),
    ("de", "Das 24-Stunden-Rennen endete, der Kurs erreichte ein 10-Jahres-Hoch.", []),
    ("en", "The 7-Day-Average rose to 40.", ["40"]),
]


@pytest.mark.parametrize("lang,text,surfaces", RATES, ids=[r[1][:30] for r in RATES])
def test_windows_and_rate_denominators_are_no_counts(lang, text, surfaces):
    assert [c.surface for c in claims_of(text, lang)] == surfaces


@pytest.mark.parametrize("lang,text,surface", [
    ("de", "Die Karten kosten je 50 Besucher einen Euro.", "50"),  # not a round base: a count each
    ("en", "A 30-year-old man was hurt.", "30"),  # an age
    ("de", "Sie gewann mit einer 90-prozentigen Mehrheit.", "90-prozentigen"),
    ("en", "She won with a 90-percent majority.", "90-percent"),
])
def test_other_hyphens_and_per_words_keep_their_claim(lang, text, surface):
    assert surface in [c.surface for c in claims_of(text, lang)]


@pytest.mark.parametrize("lang,text,surface", [
    ("de", "Eine 90-prozentige Mehrheit stimmte zu.", "90-prozentige"),
    ("en", "A 90-percent majority agreed.", "90-percent"),
])
def test_a_percent_adjective_is_a_percentage(lang, text, surface):
    c = claim_at(text, lang, surface)
    assert (c.kind, c.value, c.unit) == ("percent", 90.0, "%")

"""Numbers: formats by language and shape, number words, scale words, fractions, counts."""

import pytest

from helpers import check_row, claim_at, claims_of, row

EXAMPLES = [
    # digit formats: the language decides, unless the shape does
    row("de", "Es kamen 1.500 Besucher.", "1.500", "number", 1500.0, None),
    row("de", "Der Wert liegt bei 2,75 je Aktie.", "2,75", "number", 2.75, None),
    row("de", "Es sind 1.234.567,89 insgesamt.", "1.234.567,89", "number", 1234567.89, None),
    row("de", "Es sind 1 414 021 100 Menschen.", "1 414 021 100", "number", 1414021100.0, None),
    row("de", "Gezählt wurden 12'500 Stimmen.", "12'500", "number", 12500.0, None),
    row("en", "There were 1,500 visitors.", "1,500", "number", 1500.0, None),
    row("en", "The ratio is 1.5 overall.", "1.5", "number", 1.5, None),
    row("en", "They wrote 1.234,56 in the German way.", "1.234,56", "number", 1234.56, None),
    row("en", "The result is 12,34,567.89", "12,34,567.89", "number", 1234567.89, None),
    row("en", "It reads -9.25 now.", "-9.25", "number", -9.25, None),
    # scale words
    row("de", "Die Region hat 3 Mio. Einwohner.", "3 Mio.", "number", 3e6, None),
    row("de", "Es gibt 40 Tsd. Anträge.", "40 Tsd.", "number", 40e3, None),
    row("de", "Der Staat schuldet 2,5 Billionen.", "2,5 Billionen", "number", 2.5e12, None),
    row("en", "About 1.2 billion people use it.", "1.2 billion", "number", 1.2e9, None),
    row("en", "The debt is 31 trillion.", "31 trillion", "number", 31e12, None),
    row("en", "It has 5k followers.", "5k", "number", 5e3, None),
    row("en", "The city has 2.1m residents.", "2.1m", "number", 2.1e6, None),
    row("en", "They built a 48m tower.", "48m", "quantity", 48.0, "m"),
    # spelled out
    row("de", "Es waren zwölf Teilnehmer.", "zwölf", "number", 12.0, None),
    row("de", "Es gibt drei Milliarden Nutzer.", "drei Milliarden", "number", 3e9, None),
    row("de", "Sie zählten dreihundertfünfundvierzig Stimmen.", "dreihundertfünfundvierzig", "number", 345.0, None),
    row("de", "Eine halbe Million Menschen kam.", "Eine halbe Million", "number", 5e5, None),
    row("de", "Zwei Drittel der Befragten stimmten zu.", "Zwei Drittel", "number", 2 / 3, None),
    row("de", "Ein Viertel der Stimmen fehlt.", "Ein Viertel", "number", 0.25, None),
    row("de", "Es dauerte dreieinhalb Jahre.", "dreieinhalb", "number", 3.5, None),
    row("en", "Twenty-six people were hurt.", "Twenty-six", "number", 26.0, None),
    row("en", "a dozen eggs", "a dozen", "number", 12.0, None),
    row("en", "two-thirds of voters", "two-thirds", "number", 2 / 3, None),
    row("en", "more than half the staff", "half", "number", 0.5, None),
    row("en", "one hundred and sixty-one", "one hundred and sixty-one", "number", 161.0, None),
    row("en", "4 thousand 3 hundred and 21 left", "4 thousand 3 hundred and 21", "number", 4321.0, None),
    row("en", "a quarter million visitors", "a quarter million", "number", 250000.0, None),
    row("en", "three quarters of the town", "three quarters", "number", 0.75, None),
    row("en", "1/2 of them", "1/2", "number", 0.5, None),
    row("en", "it is ⅔ full", "⅔", "number", 2 / 3, None),
]


@pytest.mark.parametrize("lang,text,surface,kind,value,unit", EXAMPLES)
def test_numbers(lang, text, surface, kind, value, unit):
    check_row(lang, text, surface, kind, value, unit)


def test_counted_numbers_carry_their_noun():
    assert claim_at("Es wurden 250.000 Geräte verkauft.", "de", "250.000").counted == "Geräte"
    assert claim_at("Es wurden 20 neue Filialen eröffnet.", "de", "20").counted == "Filialen"
    assert claim_at("They sold two million phones.", "en", "two million").counted == "phones"


def test_two_numbers_in_a_row_stay_apart():
    assert [c.value for c in claims_of("3 hundred and 2 hundred are two numbers", "en")] == [300.0, 200.0, 2.0]
    assert [c.value for c in claims_of("Im Jahr 2020 100 Filialen", "de") if c.kind == "number"][-1] == 100.0


def test_not_numbers():
    assert claims_of("The one you mentioned is fine.", "en") == []
    assert claims_of("Ein Haus und eine Katze.", "de") == []
    assert claims_of("Sie belegte den 3. Platz.", "de") == []
    assert claims_of("the 21st century", "en") == []
    assert claims_of("Call +49 30 1234567 today", "en") == []
    assert claims_of("ISBN 978-3-16-148410-0, Tel. 030-1234-567", "de") == []
    assert claims_of("Version 192.168.0.1 and 1.2.3", "en") == []
    assert claims_of("see https://example.com/a?q=30%25%2020%", "en") == []
    assert [c.kind for c in claims_of("Wir treffen uns um 14:30.", "de")] == []


def test_a_fraction_word_joined_to_a_word_names_a_period_not_a_number():
    assert [c.surface for c in claims_of("First-half revenue grew 9%; the half-year report follows.", "en")] == ["9%"]
    assert [c.value for c in claims_of("More than half of the staff left.", "en")] == [0.5]


def test_a_dash_opening_a_list_item_is_no_minus_sign():
    c = claim_at("Eckdaten:\n- 3 Milliarden Yuan Budget", "de", "3 Milliarden Yuan")
    assert c.value == 3e9


def test_times_names_and_prices_written_the_german_way():
    assert claims_of("Der Zug fährt um 14.30 Uhr ab.", "de") == []
    assert claims_of("We meet at 3 p.m. and 4 pm.", "en") == []
    assert claims_of("Nach COVID-19 flog die F-16 wieder.", "de") == []
    c = claim_at("Der Eintritt kostet 5,- €.", "de", "5,- €")
    assert (c.kind, c.value, c.unit) == ("money", 5.0, "EUR")


def test_a_capital_letter_before_a_bare_number_names_a_road_or_a_line():
    assert claims_of("06:45 Uhr – B 54 zwischen Altenau und Hesseln gesperrt.", "de") == []
    assert [c.surface for c in claims_of("Auf der A 7 staute sich der Verkehr auf 12 Kilometern.", "de")] == ["12 Kilometern"]
    assert [c.surface for c in claims_of("The S 5 line carries 40,000 riders a day.", "en")] == ["40,000"]
    assert [c.value for c in claims_of("A 20-year-old man was arrested.", "en")] == [20.0]
    assert [c.surface for c in claims_of("Die Grünen kamen auf 11 Prozent, die FB 6,0 Prozent.", "de")] == ["11 Prozent", "6,0 Prozent"]


def test_feet_and_inches_in_prime_signs():
    c = claim_at("He is 6'2\" tall.", "en", "6'2\"")
    assert (c.kind, c.unit) == ("quantity", "ft") and abs(c.value - (6 + 2 / 12)) < 1e-9

"""Money: amounts with symbols, codes and names before or after, scale words, subunits."""

import pytest

from helpers import check_row, claims_of, row

EXAMPLES = [
    # dollars of other countries, a scale letter for trillions
    row("en", "The toll is Mex$ 20 a car.", "Mex$ 20", "money", 20.0, "MXN"),
    row("en", "The fare is HK$ 12.", "HK$ 12", "money", 12.0, "HKD"),
    row("en", "Wellington spent NZ$3 million.", "NZ$3 million", "money", 3e6, "NZD"),
    row("en", "Congress passed a $2T package.", "$2T", "money", 2e12, "USD"),
    row("en", "Sales reached USD 3 bn.", "USD 3 bn", "money", 3e9, "USD"),
    # a currency's name run into its digits, as news agencies write it
    row("en", "Athens gets a euro110 billion loan package.", "euro110 billion", "money", 110e9, "EUR"),
    row("en", "Beijing set aside yuan3 billion for it.", "yuan3 billion", "money", 3e9, "CNY"),
    row("en", "The fee was ALL 500 per visa.", "ALL 500", "money", 500.0, "ALL"),
    # the same in German text
    row("de", "Die Maut kostet Mex$ 20 pro Auto.", "Mex$ 20", "money", 20.0, "MXN"),
    row("de", "Die Fahrt kostet 12 HK$.", "12 HK$", "money", 12.0, "HKD"),
    row("de", "Wellington gab NZ$3 Millionen aus.", "NZ$3 Millionen", "money", 3e6, "NZD"),
    row("de", "Der Umsatz erreichte USD 3 Mrd.", "USD 3 Mrd.", "money", 3e9, "USD"),
    row("de", "Der Kongress beschloss ein Paket über 2 Bio. Dollar.", "2 Bio. Dollar", "money", 2e12, "USD"),
    row("de", "Das Visum kostet 500 ALL.", "500 ALL", "money", 500.0, "ALL"),
    # English scale letters after a currency sign, quoted in a German article
    row("de", "Der Kongress beschloss ein Paket über $2T.", "$2T", "money", 2e12, "USD"),
    row("de", "Der Konzern ist $3bn wert.", "$3bn", "money", 3e9, "USD"),
    row("de", "Das Start-up sammelte £15m ein.", "£15m", "money", 15e6, "GBP"),
    # German: names after the number, scale words, symbols, codes
    row("de", "Der Konzern stellt 2 Milliarden Yuan für die Werbung bereit.", "2 Milliarden Yuan", "money", 2e9, "CNY"),
    row("de", "Das entspricht etwa 275 Millionen Dollar.", "275 Millionen Dollar", "money", 275e6, "USD"),
    row("de", "Umgerechnet sind das 288 Mio. US-Dollar.", "288 Mio. US-Dollar", "money", 288e6, "USD"),
    row("de", "Der Rivale gab 1,5 Mrd. Yuan aus.", "1,5 Mrd. Yuan", "money", 1.5e9, "CNY"),
    row("de", "Die Aktie fiel auf 98,40 € zurück.", "98,40 €", "money", 98.40, "EUR"),
    row("de", "Zum Handelsschluss kostete sie 101,00 Euro.", "101,00 Euro", "money", 101.0, "EUR"),
    row("de", "Der Etat wächst auf 12.500 EUR.", "12.500 EUR", "money", 12500.0, "EUR"),
    row("de", "Die Stadt leiht sich 4 Mio. Franken.", "4 Mio. Franken", "money", 4e6, "CHF"),
    row("de", "Das Paket kostet 20 Pfund Sterling.", "20 Pfund Sterling", "money", 20.0, "GBP"),
    row("de", "Ein Kaffee kostet drei Euro fünfzig.", "drei Euro fünfzig", "money", 3.5, "EUR"),
    row("de", "Sie zahlte elf Euro und zwanzig Cent.", "elf Euro und zwanzig Cent", "money", 11.2, "EUR"),
    row("de", "Der Bund gibt eine Billion Euro aus.", "eine Billion Euro", "money", 1e12, "EUR"),
    row("de", "Der Fonds hält 40 Millionen kanadische Dollar.", "40 Millionen kanadische Dollar", "money", 40e6, "CAD"),
    row("de", "Tickets kosten 35 $.", "35 $", "money", 35.0, "USD"),
    # English: symbols before, suffix scales, codes either side, names
    row("en", "The firm set aside $420 million for the campaign.", "$420 million", "money", 420e6, "USD"),
    row("en", "It raised £15m from investors.", "£15m", "money", 15e6, "GBP"),
    row("en", "The deal is worth €2.3bn.", "€2.3bn", "money", 2.3e9, "EUR"),
    row("en", "Tickets start at HK$ 480.", "HK$ 480", "money", 480.0, "HKD"),
    row("en", "The mine cost A$1.2 billion.", "A$1.2 billion", "money", 1.2e9, "AUD"),
    row("en", "Shares were priced at C$12.50 each.", "C$12.50", "money", 12.5, "CAD"),
    row("en", "The budget is USD 22.5 million.", "USD 22.5 million", "money", 22.5e6, "USD"),
    row("en", "Sales reached 9,800 yen per unit.", "9,800 yen", "money", 9800.0, "JPY"),
    row("en", "The rebate is 1,250 Swiss francs.", "1,250 Swiss francs", "money", 1250.0, "CHF"),
    row("en", "Profit rose to 361 million pounds.", "361 million pounds", "money", 361e6, "GBP"),
    row("en", "They bid 320 pence a share.", "320 pence", "money", 3.2, "GBP"),
    row("en", "A coffee costs four dollars and twenty cents.", "four dollars and twenty cents", "money", 4.2, "USD"),
    row("en", "The fee is 3 billion yuan.", "3 billion yuan", "money", 3e9, "CNY"),
    row("en", "It cost ¥ 5,000.", "¥ 5,000", "money", 5000.0, "JPY"),
    row("en", "Annual revenue is about 60 MEUR.", "60 MEUR", "money", 60e6, "EUR"),
]


@pytest.mark.parametrize("lang,text,surface,kind,value,unit", EXAMPLES)
def test_money(lang, text, surface, kind, value, unit):
    check_row(lang, text, surface, kind, value, unit)


def test_scale_letters_in_german_need_a_currency_sign():
    found = [(c.surface, c.kind, c.value) for c in claims_of("Die Piste ist 5 m breit, 2 T-Shirts, 5k Follower.", "de")]
    assert found[0] == ("5 m", "quantity", 5.0)
    assert all(kind != "money" and value < 1000 for _, kind, value in found)


def test_a_currency_code_needs_capitals_unless_it_is_a_common_one():
    assert [c.kind for c in claims_of("All 70 of us came, and Bob 3 times.", "en")] == ["number", "number"]
    assert claims_of("rmb 10 and usd 20", "en")[0].unit == "CNY"


def test_a_sign_before_the_next_number_belongs_to_it():
    found = [(c.surface, c.value) for c in claims_of("1 $10 bill", "en") if c.kind == "money"]
    assert found == [("$10", 10.0)]


def test_list_of_amounts_stays_apart():
    found = [c.value for c in claims_of("Banknotes: 5 €, 10 €, 20 €.", "en")]
    assert found == [5.0, 10.0, 20.0]


def test_tokenized_newswire_decimals():
    found = [(c.surface, c.value) for c in claims_of("a deficit of $ 46 . 8 million , up 6 . 2 % .", "en")]
    assert found == [("$ 46 . 8 million", 46.8e6), ("6 . 2 %", 6.2)]


def test_a_code_that_is_a_word_stays_a_word_before_a_counted_noun():
    assert [(c.surface, c.kind) for c in claims_of("ALL 20 passengers survived, TOP 10 songs", "en")] == [
        ("20", "number"), ("10", "number")]
    assert [(c.surface, c.kind) for c in claims_of("Die TOP 10 Songs, ALL 20 Teams", "de")] == [
        ("10", "number"), ("20", "number")]

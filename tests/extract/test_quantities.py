"""Quantities with physical units (pint unit strings), and counted numbers."""

import pytest

from factlint.checker.normalize.units import registry
from helpers import check_row, claim_at, claims_of, row
from factlint.rules.loader import load_pack, load_units

EXAMPLES = [
    row("de", "Die neue Trasse ist 14,5 km lang.", "14,5 km", "quantity", 14.5, "km"),
    row("de", "Bis zur Küste sind es zwölf Kilometer.", "zwölf Kilometer", "quantity", 12.0, "km"),
    row("de", "Der Läufer schaffte 26 Meilen.", "26 Meilen", "quantity", 26.0, "mi"),
    row("de", "Das Werk verarbeitet 3.200 Tonnen Stahl.", "3.200 Tonnen", "quantity", 3200.0, "t"),
    row("de", "Der Windpark liefert 480 MW.", "480 MW", "quantity", 480.0, "MW"),
    row("de", "Der Speicher fasst 1,2 GWh.", "1,2 GWh", "quantity", 1.2, "GWh"),
    row("de", "Heute werden es 31 °C.", "31 °C", "quantity", 31.0, "degC"),
    row("de", "Es waren nur 4 Grad Celsius.", "4 Grad Celsius", "quantity", 4.0, "degC"),
    row("de", "Die Halle hat 2.400 Quadratmeter.", "2.400 Quadratmeter", "quantity", 2400.0, "m**2"),
    row("de", "Der Zug fährt 230 Kilometer pro Stunde.", "230 Kilometer pro Stunde", "quantity", 230.0, "km/h"),
    row("de", "Der Tank fasst einen halben Liter.", "einen halben Liter", "quantity", 0.5, "l"),
    row("de", "Gefördert wurden 120.000 Barrel Öl.", "120.000 Barrel", "quantity", 120000.0, "barrel"),
    row("en", "The route is 9.3 miles long.", "9.3 miles", "quantity", 9.3, "mi"),
    row("en", "The plant will produce 1.1 GW.", "1.1 GW", "quantity", 1.1, "GW"),
    row("en", "It weighs 250 kg.", "250 kg", "quantity", 250.0, "kg"),
    row("en", "Output fell to 310,000 barrels a day.", "310,000 barrels a day", "quantity", 310000.0, "barrel/day"),
    row("en", "The bank holds 40 troy ounces of gold.", "40 troy ounces", "quantity", 40.0, "troy_ounce"),
    row("en", "Temperatures hit 102 degrees Fahrenheit.", "102 degrees Fahrenheit", "quantity", 102.0, "degF"),
    row("en", "The bag weighs 20 pounds.", "20 pounds", "quantity", 20.0, "lb"),
    row("en", "a 50-acre site", "50-acre", "quantity", 50.0, "acre"),
    row("en", "The wall is 6 ft 3 in tall.", "6 ft 3 in", "quantity", 6.25, "ft"),
    row("en", "The screen is 12 inches wide.", "12 inches", "quantity", 12.0, "in"),
    row("en", "He walked 0.5k miles.", "0.5k miles", "quantity", 500.0, "mi"),
    row("en", "Top speed is 160 km/h.", "160 km/h", "quantity", 160.0, "km/h"),
    row("en", "A tennis court measures 260.76 m².", "260.76 m²", "quantity", 260.76, "m**2"),
    # per-area, per-volume and consumption units, degree signs as scraped
    row("de", "Es fielen 180 Liter pro Quadratmeter.", "180 Liter pro Quadratmeter", "quantity", 180.0, "l/m**2"),
    row("de", "Gemessen wurden 20 l/m² Regen.", "20 l/m²", "quantity", 20.0, "l/m**2"),
    row("de", "Das Auto braucht 5,4 l/100 km.", "5,4 l/100 km", "quantity", 5.4, "cl/km"),
    row("de", "Er braucht 6 Liter auf 100 Kilometer.", "6 Liter auf 100 Kilometer", "quantity", 6.0, "cl/km"),
    row("de", "Es wurden 35 Grad C gemessen.", "35 Grad C", "quantity", 35.0, "degC"),
    row("de", "Es wurden 35 ºC gemessen.", "35 ºC", "quantity", 35.0, "degC"),
    row("en", "The car uses 6.5 litres per 100 km.", "6.5 litres per 100 km", "quantity", 6.5, "cl/km"),
    row("en", "The alloy weighs 2.7 kg/cm³.", "2.7 kg/cm³", "quantity", 2.7, "kg/cm**3"),
    row("en", "Rain reached 40 liters per square meter.", "40 liters per square meter", "quantity", 40.0, "l/m**2"),
    row("en", "It hit 95 ºF at noon.", "95 ºF", "quantity", 95.0, "degF"),
    row("en", "It hit 35 ℃ at noon.", "35 ℃", "quantity", 35.0, "degC"),
    # minus temperatures spelled out, areas, compound lengths and densities in both languages
    row("de", "Nachts wurden minus 70 Grad Celsius gemessen.", "minus 70 Grad Celsius", "quantity", -70.0, "degC"),
    row("en", "At night it was minus 70 degrees Celsius.", "minus 70 degrees Celsius", "quantity", -70.0, "degC"),
    row("de", "Der See ist 12 km² groß.", "12 km²", "quantity", 12.0, "km**2"),
    row("en", "The lake covers 12 km².", "12 km²", "quantity", 12.0, "km**2"),
    row("de", "Der Spieler misst 5 Fuß 11 Zoll.", "5 Fuß 11 Zoll", "quantity", 5 + 11 / 12, "ft"),
    row("en", "The player is 5 ft 11 in tall.", "5 ft 11 in", "quantity", 5 + 11 / 12, "ft"),
    row("de", "Die Legierung wiegt 2,7 kg/cm³.", "2,7 kg/cm³", "quantity", 2.7, "kg/cm**3"),
    row("de", "Es hatte 95 °F am Mittag.", "95 °F", "quantity", 95.0, "degF"),
    row("en", "It was 4 degrees C at dawn.", "4 degrees C", "quantity", 4.0, "degC"),
    row("en", "2½' (150\") field", "150\"", "quantity", 150.0, "arcsec",
        xfail="an inch sign after a number is read as inches, not arcseconds"),
]


@pytest.mark.parametrize("lang,text,surface,kind,value,unit", EXAMPLES)
def test_quantities(lang, text, surface, kind, value, unit):
    check_row(lang, text, surface, kind, value, unit)


def test_rain_per_square_metre_is_millimetres():
    c = claim_at("Es fielen 180 Liter pro Quadratmeter.", "de", "180 Liter pro Quadratmeter")
    assert abs(registry().Quantity(c.value, c.unit).to("mm").magnitude - 180) < 1e-9


def test_every_unit_string_in_the_rules_parses_in_pint():
    ureg = registry()
    units = set(load_units().symbols.values()) | set(load_units().names.values())
    for lang in ("de", "en"):
        p = load_pack(lang).units
        units |= set(p.names.values()) | {r.unit for a in p.ambiguous.values() for r in a.readings if r.unit}
    for unit in sorted(units):
        ureg.Quantity(1, unit)  # raises on an unknown unit


def test_pound_is_money_unless_the_sentence_speaks_of_weight():
    assert claim_at("Profit rose to 40 million pounds this year.", "en", "40 million pounds").unit == "GBP"
    assert claim_at("She lost 25 pounds before the race.", "en", "25 pounds").unit == "lb"
    assert claim_at("One pound of coal yields heat.", "en", "One pound").unit == "lb"


def test_hours_minutes_and_seconds_are_durations():
    assert [(c.kind, c.unit) for c in claims_of("Das Treffen dauerte 2 Stunden.", "de")] == [("quantity", "h")]


def test_days_are_durations_and_years_are_left_to_the_dates_stage():
    assert [(c.kind, c.unit) for c in claims_of("Das Treffen dauerte 3 Tage.", "de")] == [("quantity", "day")]
    assert [c.kind for c in claims_of("Das Projekt dauerte 3 Jahre.", "de")] != ["quantity"]


def test_letters_glued_to_digits_are_names_not_units():
    assert claims_of("Der Chip 810E und die H20 sind neu; 13F filing", "de") == []


def test_one_shared_registry_converts_to_a_canonical_form():
    from factlint.checker.normalize.units import convert, registry, to_base

    assert registry() is registry()
    assert abs(convert(5, "mi", "km") - 8.04672) < 1e-9
    value, unit = to_base(1.2, "GWh")
    assert abs(value - 4.32e12) < 1 and "kilogram" in unit


@pytest.mark.parametrize("lang, text, surface, unit", [
    ("en", "Temperatures at the fairground peaked at 34C in the late afternoon.", "34C", "degC"),
    ("en", "The heatwave broke records: the airfield station read 104.9F on Tuesday.", "104.9F", "degF"),
    ("en", "Gusts and -15C made the weather on the ridge severe.", "-15C", "degC"),
    ("de", "Bei der Hitze zeigte das Thermometer am Hafen 36C.", "36C", "degC"),
])
def test_a_temperature_without_degree_sign_is_read_near_a_weather_word(lang, text, surface, unit):
    c = claim_at(text, lang, surface)
    assert (c.kind, c.unit) == ("quantity", unit)


@pytest.mark.parametrize("text", [
    "The 13F filing lists the fund's holdings at the end of March.",
    "Funds from operations were 14.7C/ per security.",
    "Block C of the school has 12 C-grade pupils.",
    "It was 34 C in Paris, the heatwave went on.",  # a blank: the letter is no unit
])
def test_a_glued_letter_without_a_weather_word_or_not_glued_is_no_temperature(text):
    assert all(c.unit not in ("degC", "degF") for c in claims_of(text, "en"))


def test_grad_in_the_news_is_a_temperature_an_angle_only_near_turning_words():
    assert claim_at("Am Dienstag wurden am Flugplatz 41,3 Grad gemessen.", "de", "41,3 Grad").unit == "degC"
    assert claim_at("Das Schiff hat um 90 Grad gedreht.", "de", "90 Grad").unit == "degree"
    assert claim_at("Die Rampe hat eine Neigung von 12 Grad.", "de", "12 Grad").unit == "degree"

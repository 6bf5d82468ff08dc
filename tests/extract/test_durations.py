"""Durations written as clock readings (h:mm:ss), in seconds."""

import pytest

from helpers import claims_of


@pytest.mark.parametrize("lang, text, surface, seconds, low, high", [
    ("de", "Sie lief die Strecke in 2:11:05 Stunden.", "2:11:05", 7865.0, 7864.5, 7865.5),
    ("en", "He finished in 0:59:58.4, a national record.", "0:59:58.4", 3598.4, 3598.35, 3598.45),
])
def test_a_clock_reading_is_a_duration(lang, text, surface, seconds, low, high):
    [c] = [c for c in claims_of(text, lang) if c.surface == surface]
    assert (c.kind, c.unit) == ("quantity", "s")
    assert c.value == pytest.approx(seconds) and (c.low, c.high) == (pytest.approx(low), pytest.approx(high))


@pytest.mark.parametrize("lang, text", [
    ("de", "Der Zug fährt um 14:30:00 Uhr ab."),
    ("en", "The polls close at 8:00:00 p.m. sharp."),
])
def test_a_time_of_day_is_no_duration(lang, text):
    assert not [c for c in claims_of(text, lang) if c.unit == "s"]


@pytest.mark.parametrize("lang, text, surface, seconds", [
    ("de", "Sie lief die Strecke in 3:27 Stunden.", "3:27 Stunden", 12420.0),
    ("en", "He ran the mile in 4:05 minutes.", "4:05 minutes", 245.0),
    # no unit word, but the sentence says before it that it is a duration
    ("de", "Die Fahrzeit beträgt 3:27, sagte der Sprecher.", "3:27", 12420.0),
    ("de", "Die Sitzung dauerte 3:27.", "3:27", 12420.0),
    ("en", "The flight time is 3:27, the airline said.", "3:27", 12420.0),
    ("en", "The meeting lasted 3:27.", "3:27", 12420.0),
])
def test_two_parts_and_a_unit_word_or_a_duration_cue_are_a_duration(lang, text, surface, seconds):
    [c] = [c for c in claims_of(text, lang) if c.surface == surface]
    assert (c.kind, c.unit, c.value) == ("quantity", "s", seconds)


@pytest.mark.parametrize("lang, text", [
    ("de", "Anpfiff ist um 14:30 Uhr, es stand 2:1."),
    ("en", "The train leaves at 3:27 pm."),
    # a duration cue before a time of day
    ("de", "Die Sitzung dauerte bis 3:27 Uhr."),
    ("de", "Die Sitzung dauerte lange. Um 3:27 war sie vorbei."),  # the cue is in another sentence
    ("en", "The meeting lasted until 3:27."),
    ("en", "The match lasted long; at 3:27 it ended."),
])
def test_two_parts_without_a_duration_word_are_no_duration(lang, text):
    assert not [c for c in claims_of(text, lang) if c.kind == "quantity"]


@pytest.mark.parametrize("lang, text, surface, value, unit", [
    ("de", "Die Retter arbeiteten 80 Stunden am Stück.", "80 Stunden", 80.0, "h"),
    ("de", "Der Einsatz dauerte fast 100 Stunden.", "100 Stunden", 100.0, "h"),
    ("de", "Sie brauchte drei Stunden und 27 Minuten.", "drei Stunden und 27 Minuten", 3.45, "h"),
    ("de", "Er wartete 5 Minuten 30 Sekunden.", "5 Minuten 30 Sekunden", 5.5, "min"),
    ("en", "He finished in 3 hours, 27 minutes.", "3 hours, 27 minutes", 3.45, "h"),
    ("en", "He finished in three hours and 27 minutes.", "three hours and 27 minutes", 3.45, "h"),
    ("en", "The outage lasted 45 minutes.", "45 minutes", 45.0, "min"),
    ("en", "The heat is expected to last two weeks.", "two weeks", 2.0, "week"),
    ("en", "The strike lasted 10 days.", "10 days", 10.0, "day"),
    ("de", "Der Kapitän fällt sechs Wochen aus.", "sechs Wochen", 6.0, "week"),
    ("de", "Die Sperrung dauert 14 Tage.", "14 Tage", 14.0, "day"),
])
def test_hours_and_minutes_are_quantities(lang, text, surface, value, unit):
    [c] = [c for c in claims_of(text, lang) if c.surface == surface]
    assert (c.kind, c.unit) == ("quantity", unit) and c.value == pytest.approx(value)


def test_a_hedge_before_a_duration_bounds_it():
    [c] = [c for c in claims_of("Der Einsatz dauerte fast 100 Stunden.", "de") if c.unit == "h"]
    assert (c.upper, c.approximate) == (100.0, True)


def test_a_second_time_is_no_duration():
    assert claims_of("They met for a second time.", "en") == []


def test_the_three_spellings_of_one_duration_agree():
    spelled = [("en", "He finished in 3 hours, 27 minutes."), ("en", "He finished in three hours and 27 minutes."),
               ("en", "The race lasted 3:27."), ("de", "Das Rennen dauerte 3 Stunden und 27 Minuten."),
               ("de", "Das Rennen dauerte 3:27.")]
    from factlint.checker.normalize.units import convert

    seconds = set()
    for lang, text in spelled:
        [c] = [c for c in claims_of(text, lang) if c.kind == "quantity"]
        seconds.add(round(convert(c.value, c.unit, "s")))
    assert seconds == {12420}


@pytest.mark.parametrize("lang, text, surface, date", [
    ("en", "The deal closed 10 days ago.", "10 days ago", "2027-07-09"),
    ("de", "Vor zehn Tagen begann der Streik.", "Vor zehn Tagen", "2027-07-09"),
    ("de", "Die Frist endet in drei Wochen.", "in drei Wochen", "2027-08-09"),
])
def test_days_and_weeks_counted_from_a_day_stay_dates(lang, text, surface, date):
    [c] = claims_of(text, lang, published="2027-07-19")
    assert (c.surface, c.kind, c.date) == (surface, "date", date)


def test_two_weeks_and_fourteen_days_are_one_duration():
    from factlint.checker.normalize.units import convert

    [weeks] = claims_of("Die Sperrung dauert zwei Wochen.", "de")
    [days] = claims_of("The closure will last 14 days.", "en")
    assert convert(weeks.value, weeks.unit, days.unit) == pytest.approx(days.value)


@pytest.mark.parametrize("text, found", [
    ("2:11:05", ["2:11:05"]),  # at the very start of the text
    ("12:11:05 and 1:02:03.4", ["12:11:05", "1:02:03.4"]),
    ("x2:11:05", ["2:11:05"]),
    ("12:34:11:05", []), ("1.2:11:05", []), ("1,2:11:05", []), ("912:11:05", []), (":2:11:05", []),
])
def test_a_reading_starts_after_no_digit_colon_or_point(text, found):
    from factlint.checker.normalize.durations import DURATION

    assert [m.group() for m in DURATION.finditer(text)] == found


@pytest.mark.parametrize("text, found", [
    ("3:27", ["3:27"]), ("in 123:27 min", ["123:27"]), ("1234:27", []), ("1.3:27", []), (":3:27", []),
])
def test_a_two_part_reading_starts_after_no_digit_colon_or_point(text, found):
    from factlint.checker.normalize.durations import SHORT

    assert [m.group() for m in SHORT.finditer(text)] == found

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

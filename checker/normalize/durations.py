"""Durations written as a clock reading: race and finishing times ("2:05:41", "1:02:13,4"),
and two-part readings that a unit word marks as a duration ("3:27 Stunden", "4:05 minutes").

Hours, minutes and seconds (h:mm:ss) are a duration; a reading followed by a time-of-day
word of the language ("14:30:00 Uhr", "9:15:00 a.m.") is a time of day and no claim. The
value is in seconds, its precision the last written digit.
"""

from __future__ import annotations

import re

from checker.model import Claim
from rules.schema import LanguagePack

DURATION = re.compile(r"(?<![\d:.,])(\d{1,2}):([0-5]\d):([0-5]\d)(?:[.,](\d{1,3}))?(?![\d:]|[.,]\d)")
# Two parts only: a duration when a unit word says so ("3:27 Stunden" is h:mm, "4:05 minutes" m:ss).
SHORT = re.compile(r"(?<![\d:.,])(\d{1,3}):([0-5]\d)(?![\d:]|[.,]\d)")
SHORT_UNITS = {"h": 3600, "min": 60}
NEXT_WORD = re.compile(r"[^\S\n]*([^\s\d]+)")


def find_durations(text: str, pack: LanguagePack, published=None) -> list[Claim]:
    time_words = set(pack.numbers.time_words)
    out = []
    for m in DURATION.finditer(text):
        after = NEXT_WORD.match(text, m.end())
        word = after.group(1).lower() if after else ""
        if word in time_words or word.rstrip(".,;:") in time_words:
            continue
        hours, minutes, seconds, fraction = m.groups()
        value = int(hours) * 3600 + int(minutes) * 60 + int(seconds) + (float("0." + fraction) if fraction else 0.0)
        half = 0.5 * 10.0 ** -len(fraction or "")
        out.append(Claim(start=m.start(), end=m.end(), surface=m.group(), kind="quantity", value=value, unit="s",
                         low=value - half, high=value + half))
    if ":" in text:
        out.extend(_short_durations(text, pack))
    return out


def _short_durations(text: str, pack: LanguagePack) -> list[Claim]:
    """"3:27 Stunden", "in 4:05 minutes": two parts and a unit word after them, in seconds."""
    from checker.normalize.quantities import readers

    units = readers(pack).units
    out = []
    for m in SHORT.finditer(text):
        um = units.at(text, m.end(), min(len(text), m.end() + 20))
        if um is None or um.kind != "quantity" or um.unit not in SHORT_UNITS or um.start - m.end() > 3:
            continue
        big = SHORT_UNITS[um.unit]
        value = float(int(m.group(1)) * big + int(m.group(2)) * big // 60)
        half = big / 120
        out.append(Claim(start=m.start(), end=um.end, surface=text[m.start():um.end], kind="quantity", value=value,
                         unit="s", low=value - half, high=value + half))
    return out

"""Durations written as a clock reading: race and finishing times ("2:05:41", "1:02:13,4").

Hours, minutes and seconds (h:mm:ss) are a duration; a reading followed by a time-of-day
word of the language ("14:30:00 Uhr", "9:15:00 a.m.") is a time of day and no claim. The
value is in seconds, its precision the last written digit.
"""

from __future__ import annotations

import re

from checker.model import Claim
from rules.schema import LanguagePack

DURATION = re.compile(r"(?<![\d:.,])(\d{1,2}):([0-5]\d):([0-5]\d)(?:[.,](\d{1,3}))?(?![\d:]|[.,]\d)")
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
    return out

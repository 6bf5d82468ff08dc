"""Durations written as a clock reading: race and finishing times ("2:05:41", "1:02:13,4"),
two-part readings that a unit word marks as a duration ("3:27 Stunden", "4:05 minutes"),
and two-part readings whose sentence says before them that they are one ("Die Fahrzeit
beträgt 3:27", "the meeting lasted 3:27": the cue words and the order they imply, h:mm or
m:ss, come from the language pack's `[units.durations]`).

Hours, minutes and seconds (h:mm:ss) are a duration; a reading followed by a time-of-day
word of the language ("14:30:00 Uhr", "9:15:00 a.m.") is a time of day and no claim. The
value is in seconds, its precision the last written digit.
"""

from __future__ import annotations

import re

from factlint.checker.model import Claim
from factlint.rules.schema import LanguagePack

# A reading starts with a digit after none of [\d:.,]: the pattern opens with the digit and looks
# behind it (`\d(?<![\d:.,]\d)`), so that the regex engine skips to the digits of a text
# instead of trying the look-behind at every character (five times faster over an article).
DURATION = re.compile(r"(\d(?<![\d:.,]\d)\d?):([0-5]\d):([0-5]\d)(?:[.,](\d{1,3}))?(?![\d:]|[.,]\d)")
# Two parts only: a duration when a unit word says so ("3:27 Stunden" is h:mm, "4:05 minutes" m:ss).
SHORT = re.compile(r"(\d(?<![\d:.,]\d)\d{0,2}):([0-5]\d)(?![\d:]|[.,]\d)")
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
    from factlint.checker.normalize.quantities import readers

    units = readers(pack).units
    out = []
    for m in SHORT.finditer(text):
        um = units.at(text, m.end(), min(len(text), m.end() + 20))
        if um is not None and um.kind == "quantity" and um.unit in SHORT_UNITS and um.start - m.end() <= 3:
            big, end = SHORT_UNITS[um.unit], um.end
        else:
            first = _cued(text, m, pack)
            if first is None:
                continue
            big, end = SHORT_UNITS[first], m.end()
        value = float(int(m.group(1)) * big + int(m.group(2)) * big // 60)
        half = big / 120
        out.append(Claim(start=m.start(), end=end, surface=text[m.start():end], kind="quantity", value=value,
                         unit="s", low=value - half, high=value + half))
    return out


CUE_REACH = 80  # characters of the sentence read before the reading
_SENTENCE_STOP = re.compile(r"[.!?;]\s|\n")
_WORD_BEFORE = re.compile(r"([^\W\d_]+)[^\S\n]*\Z")
_CUES: dict[int, tuple] = {}  # id(pack) → (pack, cue pattern, not_after words, time words)


def _cued(text: str, m: re.Match, pack) -> str | None:
    """The unit of the first part ("h" or "min") when the sentence says before the reading
    that it is a duration, and no time-of-day word stands right before or after it."""
    rules = pack.units.durations
    if not rules.cues:
        return None
    got = _CUES.get(id(pack))
    if got is None or got[0] is not pack:
        from factlint.checker.normalize.phrases import trie_pattern

        cues = re.compile(rf"(?<!\w)({trie_pattern(sorted(k.lower() for k in rules.cues))})(?!\w)")
        got = (pack, cues, frozenset(w.lower() for w in rules.not_after),
               frozenset(w.lower() for w in pack.numbers.time_words))
        _CUES[id(pack)] = got
    _, cues, not_after, time_words = got
    window = text[max(0, m.start() - CUE_REACH):m.start()]
    stops = list(_SENTENCE_STOP.finditer(window))
    window = window[stops[-1].end():] if stops else window
    before = _WORD_BEFORE.search(window)
    if before and before.group(1).lower() in not_after:
        return None  # um 3:27, until 3:27
    after = NEXT_WORD.match(text, m.end())
    if after and after.group(1).lower().rstrip(".,;:") in time_words:
        return None  # 3:27 Uhr, 3:27 pm
    found = list(cues.finditer(window.lower()))
    if not found:
        return None
    cue = found[-1].group(1)
    return rules.cues.get(" ".join(cue.split())) or rules.cues.get(cue)

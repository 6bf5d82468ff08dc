"""Where the date patterns match: one pass over the text for trigger words and digit runs,
then each pattern is tried only at the triggers of its class (and a few words before them).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from checker.normalize.dates.grammar import WORD_TOKEN, Grammar


@dataclass
class Scan:
    """Every pattern's matches: `found[name]` for the fixed shapes, `phrases` for the
    pack's relative-date phrases. Matched on a lower-cased copy of the same length."""

    found: dict[str, list[re.Match]]
    phrases: list[tuple[object, re.Match]]


_DIGIT_CLASS = {1: "digits2", 2: "digits2", 4: "digits4", 8: "digits8"}
_DIGITS = re.compile(r"\d+")


def scan_text(text: str, g: Grammar) -> Scan:
    low = text.lower()
    if len(low) != len(text):  # a few letters grow when lower-cased (İ); keep those as they are
        low = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    where: dict[str, list[tuple[int, int]]] = {}
    starts: list[int] = []  # where each word starts, filled on first need

    def words_before(at: int, n: int) -> list[int]:
        """The starts of the (at most) n words before offset `at`."""
        if not starts:
            starts.extend(m.start() for m in WORD_TOKEN.finditer(low))
        i = bisect.bisect_left(starts, at)
        return starts[max(0, i - n):i]

    for m in g.trigger.finditer(low):
        word = m.group()
        for cls, back in g.classes[word]:
            if (word, cls) in g.multiword:  # a word of a longer entry: is the entry there?
                before = words_before(m.start(), back) if back else [m.start()]
                if len(before) < max(back, 1) or not g.entry[cls].match(low, before[0]):
                    continue
            where.setdefault(cls, []).append((m.start(), back))
    for m in _DIGITS.finditer(low):
        n = m.end() - m.start()
        if n in _DIGIT_CLASS:
            where.setdefault(_DIGIT_CLASS[n], []).append((m.start(), 0))
            if n <= 2 and low[m.end():m.end() + 1] in ("-", "/", "."):
                where.setdefault("digits2sep", []).append((m.start(), 0))
    def tried(cls: str, back: int):
        for at, extra in where.get(cls, ()):
            yield at
            n = back + extra
            if n:
                yield from words_before(at, n)

    found: dict[str, dict[tuple[int, int], re.Match]] = {}
    for name, pattern, cls, back in g.plan:
        spans = found.setdefault(name, {})
        for at in tried(cls, back):
            m = pattern.match(low, at)
            if m:
                spans.setdefault(m.span(), m)
    phrases: dict[tuple[int, int, int], tuple[object, re.Match]] = {}
    for i, (phrase, pattern, cls, back) in enumerate(g.phrase_plan):
        for at in tried(cls, back):
            m = pattern.match(low, at)
            if m:
                phrases.setdefault((i, *m.span()), (phrase, m))
    return Scan({k: list(v.values()) for k, v in found.items()}, list(phrases.values()))


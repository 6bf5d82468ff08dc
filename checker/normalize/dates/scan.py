"""Where the date patterns match: one pass over the text for trigger words and digit runs,
then each pattern is tried only at the triggers of its class (and a few words before them).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from factlint.checker.normalize.dates.grammar import RELATIVE, WORD_TOKEN, Grammar


@dataclass
class Scan:
    """Every pattern's matches: `found[name]` for the fixed shapes, `phrases` for the
    pack's relative-date phrases. Matched on a lower-cased copy of the same length."""

    found: dict[str, list[re.Match]]
    phrases: list[tuple[object, re.Match]]


_DIGIT_CLASS = {1: "digits2", 2: "digits2", 4: "digits4", 8: "digits8"}
_DIGITS = re.compile(r"\d+")


def scan_text(text: str, g: Grammar, relative: bool = True) -> Scan:
    """The matches of the date patterns in `text`; with `relative=False` only those that
    absolute dates read."""
    low = text.lower()
    if len(low) != len(text):  # a few letters grow when lower-cased (İ); keep those as they are
        low = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    looked: dict[int, tuple[int, list[int]]] = {}  # offset → (words asked for, the words before it)

    def before(at: int, n: int) -> list[int]:
        """The starts of the (at most) n words before offset `at`."""
        asked, words = looked.get(at, (0, []))
        if asked < n:
            words = words_before(low, at, n)
            looked[at] = (n, words)
        return words[-n:]

    where: dict[str, list[tuple[int, int]]] = {}
    for m in (g.trigger if relative else g.absolute_trigger).finditer(low):
        word = m.group()
        for cls, back in g.classes[word]:
            if (word, cls) in g.multiword:  # a word of a longer entry: is the entry there?
                preceding = before(m.start(), back) if back else [m.start()]
                if len(preceding) < max(back, 1) or not g.entry[cls].match(low, preceding[0]):
                    continue
            where.setdefault(cls, []).append((m.start(), back))
    for m in _DIGITS.finditer(low):
        n = m.end() - m.start()
        if n in _DIGIT_CLASS:
            where.setdefault(_DIGIT_CLASS[n], []).append((m.start(), 0))
            if n <= 2 and low[m.end():m.end() + 1] in ("-", "/", "."):
                where.setdefault("digits2sep", []).append((m.start(), 0))

    plan = [entry for entry in g.plan if relative or entry[0] not in RELATIVE]
    phrase_plan = g.phrase_plan if relative else []
    depth: dict[str, int] = {}  # class → the most words any of its patterns looks back
    for _, _, cls, back in plan + phrase_plan:
        depth[cls] = max(depth.get(cls, 0), back)
    tried: dict[tuple[str, int], list[int]] = {}  # (class, words back) → offsets, several patterns share them

    def offsets(cls: str, back: int) -> list[int]:
        """Where to try a pattern of class `cls`: each trigger and the `back` words before it, once."""
        got = tried.get((cls, back))
        if got is None:
            got = []
            for at, extra in where.get(cls, ()):
                got.append(at)
                if back + extra:  # (read as far back as the class needs, once)
                    got.extend(before(at, depth[cls] + extra)[-(back + extra):])
            tried[(cls, back)] = got
        return got

    found: dict[str, dict[tuple[int, int], re.Match]] = {}
    for name, pattern, cls, back in plan:
        spans = found.setdefault(name, {})
        match = pattern.match
        for m in [m for at in offsets(cls, back) if (m := match(low, at))]:
            spans.setdefault(m.span(), m)
    phrases: dict[tuple[int, int, int], tuple[object, re.Match]] = {}
    for i, (phrase, pattern, cls, back) in enumerate(phrase_plan):
        match = pattern.match
        for m in [m for at in offsets(cls, back) if (m := match(low, at))]:
            phrases.setdefault((i, *m.span()), (phrase, m))
    return Scan({k: list(v.values()) for k, v in found.items()}, list(phrases.values()))


def words_before(low: str, at: int, n: int) -> list[int]:
    """The starts of the (at most) n words (`WORD_TOKEN`s) that start before offset `at`.

    Read from a window before `at` that doubles until it holds n whole words, so the work
    is bounded by the distance back to the n-th word, not by the length of the text."""
    span = 8 * n
    while True:
        lo = max(0, at - span)
        starts = [m.start() for m in WORD_TOKEN.finditer(low, lo, at)]
        if starts and starts[0] == lo and lo > 0 and low[lo - 1].isalnum():
            del starts[0]  # the window cuts this word: its start lies further back
        if len(starts) >= n or lo == 0:
            return starts[-n:]
        span *= 2

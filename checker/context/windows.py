"""A "sentence" too long to be prose, cut into windows that context annotation reads one by one.

A run of text without a full stop can hold thousands of figures: a table flattened to one
line, minified HTML, a scraped list. Reading it as one sentence costs memory in proportion
to it and lets every figure's context range over the whole run (the latest date anywhere in
it, the first comparator), which says nothing about a figure in such text. A sentence
longer than `LONG` characters is therefore cut into windows of about `WINDOW` characters,
each ending at a gap between two figures (after the last clause mark in that gap, else at
its first blank), and each window is annotated as a sentence of its own. Sentences of prose
are far shorter (the longest in the bundled and evaluation corpora has 640 characters), so
their context is what it was.
"""

from __future__ import annotations

import bisect

from factlint.checker.model import Claim

LONG = 4000  # a sentence longer than this is cut into windows …
WINDOW = 2000  # … of about this many characters
CLAUSE_MARKS = ",;"


def windows(text: str, bounds: list[tuple[int, int]], claims: list[Claim]
            ) -> tuple[list[tuple[int, int]], set[int]]:
    """`bounds` with each sentence longer than `LONG` cut into windows between `claims`
    (sorted by start), and the indices of the windows that continue a sentence (no
    sentence starts there)."""
    if not any(e - s > LONG for s, e in bounds):
        return bounds, set()
    starts = [c.start for c in claims]
    out: list[tuple[int, int]] = []
    continued: set[int] = set()
    for s, e in bounds:
        if e - s <= LONG:
            out.append((s, e))
            continue
        first, last = bisect.bisect_left(starts, s), bisect.bisect_left(starts, e)
        cur = s
        for k in range(first + 1, last):
            before, after = claims[k - 1], claims[k]
            if after.start < cur + WINDOW or before.end > after.start or e - after.start < WINDOW // 2:
                continue
            cut = _cut(text, before.end, after.start)
            if cur != s:
                continued.add(len(out))
            out.append((cur, cut))
            cur = cut
        if cur != s:
            continued.add(len(out))
        out.append((cur, e))
    return out, continued


def _cut(text: str, lo: int, hi: int) -> int:
    """Where to end a window in the gap text[lo:hi] between two figures: after its last clause
    mark, else at its first blank, else at the later figure."""
    mark = max(text.rfind(m, lo, hi) for m in CLAUSE_MARKS)
    if mark >= 0:
        return mark + 1
    for i in range(lo, hi):
        if text[i].isspace():
            return i
    return hi

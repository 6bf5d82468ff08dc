"""Which cues and figures of a sentence stand near a given one, without looking at all of them.

`Sentence.cost` measures the distance between two token intervals in tokens outside
parenthesised asides when both start outside one, else in all tokens, and only adds to
that gap (clause boundaries) or takes off a little (a multi-word cue). So anything within a
cost of `reach` lies within `reach` plus a margin of tokens in one of the two counts, and
a sorted index per count finds it by bisection: the context of one figure costs the same
in a sentence of ten figures as in one of ten thousand.
"""

from __future__ import annotations

import bisect
from typing import Callable, Generic, Sequence, TypeVar

T = TypeVar("T")
FEW = 8  # up to this many items, `near` answers with all of them (a superset, in their order)


class Nearby(Generic[T]):
    """Items at token intervals [first, last], found by `near(first, last, reach)`: a superset
    of those whose cost from that interval can be at most `reach`, in their original order."""

    def __init__(self, items: Sequence[T], interval: Callable[[T], tuple[int, int]], inside: list[bool],
                 flat: list[int]):
        self.items = list(items)
        self.inside, self.flat = inside, flat
        self.interval = interval
        self.outside_keys: list[int] | None = None  # the index, built on the first question about many items

    def near(self, first: int, last: int, reach: float) -> list[T]:
        if len(self.items) <= FEW:
            return self.items  # every item is a superset, and cheaper than bisecting (callers only read it)
        if self.outside_keys is None:
            self._index()
        margin = int(reach + 2.5 * max(self.longest, last - first + 1)) + 2
        found = self._between(self.outside_keys, self.outside, self.flat[first] - margin, self.flat[last] + margin)
        found += self._between(self.within_keys, self.within, first - margin, last + margin)
        return [self.items[n] for n in sorted(found)]

    def _index(self) -> None:
        inside, flat = self.inside, self.flat
        spans = [self.interval(x) for x in self.items]
        self.longest = max((last - first + 1 for first, last in spans), default=1)
        outside = sorted((flat[first], n) for n, (first, _) in enumerate(spans) if not inside[first])
        within = sorted((first, n) for n, (first, _) in enumerate(spans) if inside[first])
        self.outside_keys, self.outside = [k for k, _ in outside], [n for _, n in outside]
        self.within_keys, self.within = [k for k, _ in within], [n for _, n in within]

    @staticmethod
    def _between(keys: list[int], indices: list[int], lo: int, hi: int) -> list[int]:
        return indices[bisect.bisect_left(keys, lo):bisect.bisect_right(keys, hi)]


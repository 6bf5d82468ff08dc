"""One block, two documents at a time: conflict, drift, agreement.

- conflict: a figure of one document fits nothing the other states for the block, and the
  other has a figure that fits nothing of the first: the mutually nearest such pair is
  flagged. When a document's figure is matched by the other's, the rest are taken to be
  other facts of the same measure (the maximum with add-ons, the 90-day premium), so nothing
  is flagged: precision before recall. Figures more than twice apart are two facts (bar an
  exact scale slip); a time-varying or windowed measure conflicts only at one as-of date; a
  generic event (an announcement) needs both sentences to share a name.
- drift: the measure is time-varying (rules/measures.toml), the as-of dates differ (or
  neither is known), and the point values differ beyond their written precision; each
  reading pairs with its mutually nearest one, leaving out ranges and sub-counts.
- agreement: figures of two or more documents fit each other.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from itertools import combinations

from checker.align import Block, similar, years_compatible
from checker.compare.findings import Checks, make, message
from checker.values import delta_pct, interval, overlap, point
from checker.model import Claim, Finding
from rules.schema import MeasureInfo

AMBIGUOUS = 3  # more unmatched figures than this on one side: too unclear to pair
ALL_PAIRS = 30  # documents in a block compared all with all
NEIGHBOURS = 8  # beyond that, each document with this many next in time
FAR_APART = 2.0  # a conflict's figures are at most this many times apart
PART = 3  # a figure a third of another of its document and date is a part of it, not a reading


class Ranges:
    """Interval overrides for claims that form a range with a partner ("$300 million to $350 million")."""

    def __init__(self, claims: list[Claim]):
        by_id = {c.id: c for c in claims}
        self.span: dict[str, tuple[Claim, Claim]] = {}
        self.cache: dict[tuple, tuple[float, float] | None] = {}
        for c in claims:
            for r in c.relations:
                other = by_id.get(r.other)
                if r.type == "range" and other is not None and other.start > c.start:
                    self.span[c.id] = (c, other)

    def interval(self, c: Claim, tolerance_pct: float, hedges: bool = True):
        key = (c.id, tolerance_pct, hedges)
        if key not in self.cache:
            self.cache[key] = self._interval(c, tolerance_pct, hedges)
        return self.cache[key]

    def _interval(self, c: Claim, tolerance_pct: float, hedges: bool):
        if c.id in self.span:
            lo_c, hi_c = self.span[c.id]
            lo, hi = interval(lo_c, tolerance_pct, hedges), interval(hi_c, tolerance_pct, hedges)
            if lo and hi:
                return (lo[0], hi[1])
        return interval(c, tolerance_pct, hedges)

    def members(self, c: Claim) -> list[Claim]:
        return list(self.span[c.id]) if c.id in self.span else [c]


def distinct(claims: list[Claim]) -> list[Claim]:
    """One claim per (value, as-of) in a document: key-figure boxes repeat the text."""
    seen, out = set(), []
    for c in sorted(claims, key=lambda c: c.start):
        key = (c.value, c.date, c.unit, c.as_of, c.approximate, c.lower, c.upper)
        if key not in seen:
            seen.add(key)
            out.append(c)
    return out


def check_block(block: Block, checks: Checks, measure: MeasureInfo, ranges: Ranges) -> list[Finding]:
    """Findings of one block; `windowed` measures (a seven-day change) are compared only
    between figures of the same as-of date, and never drift. A measure's own tolerance
    (a finishing time is exact to the second) replaces the conflict check's."""
    kind = block.key[0]
    time_varying, windowed, generic = measure.time_varying, measure.windowed, measure.generic
    conflict = checks.pick("date" if kind == "date" else "value", kind)
    if conflict and measure.tolerance_pct is not None:
        conflict = conflict.model_copy(
            update={"params": conflict.params.model_copy(update={"tolerance_pct": measure.tolerance_pct})})
    drift = checks.pick("drift", kind)
    agree = checks.pick("agreement", kind)
    docs = {d: distinct(cs) for d, cs in sorted(block.by_document().items())}
    pairs = document_pairs(docs)
    findings: list[Finding] = []
    for da, db in pairs:
        a, b = docs[da], docs[db]
        if conflict:
            findings += _conflicts(a, b, conflict, time_varying or windowed, ranges, need_name=generic)
        if drift and time_varying and kind != "date":
            findings += _drifts(a, b, drift, ranges)
    if agree:
        findings += _agreements(docs, pairs, agree, ranges, time_varying or windowed)
    return findings


def document_pairs(docs: dict[str, list[Claim]]) -> list[tuple[str, str]]:
    """Every pair of documents in a block of a few; in a large block (a measure that many
    documents of one story report), each document with its nearest neighbours in time, so
    the work stays linear in the number of documents."""
    names = list(docs)
    if len(names) <= ALL_PAIRS:
        return list(combinations(names, 2))
    names.sort(key=lambda d: (min((c.as_of or "" for c in docs[d]), default=""), d))
    return [(a, b) for i, a in enumerate(names) for b in names[i + 1:i + 1 + NEIGHBOURS]]


def _fits(x: Claim, y: Claim, tol: float, ranges: Ranges) -> bool:
    if x.kind == "date":
        return x.date == y.date
    return years_compatible(x, y) and overlap(ranges.interval(x, tol), ranges.interval(y, tol))


def _same_time(x: Claim, y: Claim, time_varying: bool) -> bool:
    return not time_varying or (x.as_of is not None and x.as_of == y.as_of)


def _conflicts(a: list[Claim], b: list[Claim], rule, time_varying: bool, ranges: Ranges,
               need_name: bool = False) -> list[Finding]:
    """`need_name`: the measure is generic (an announcement is made of many things), so the
    two sentences must also share a name to be about the same fact."""
    tol = rule.params.tolerance_pct
    out = []
    for x_side, y_side in _time_slices(a, b, time_varying):
        xs = [x for x in x_side if not any(_fits(x, y, tol, ranges) for y in y_side)]
        ys = [y for y in y_side if not any(_fits(x, y, tol, ranges) for x in x_side)]
        if not xs or not ys or len(xs) > AMBIGUOUS or len(ys) > AMBIGUOUS:
            continue
        for x, y in _mutual_nearest(xs, ys):
            if not years_compatible(x, y) or _weekday_a_week_off(x, y) or _too_far_apart(x, y):
                continue
            if need_name and not _shared_name(x, y):
                continue
            text = message(rule, x, y, delta_pct=delta_pct(x, y), detail=_detail(x, y))
            out.append(make(rule, ranges.members(x) + ranges.members(y), text))
    return out


def _time_slices(a: list[Claim], b: list[Claim], time_varying: bool):
    """For a time-varying measure, only figures of the same known as-of date can conflict."""
    if not time_varying:
        yield a, b
        return
    for day in sorted({x.as_of for x in a if x.as_of} & {y.as_of for y in b if y.as_of}):
        yield [x for x in a if x.as_of == day], [y for y in b if y.as_of == day]


def _mutual_nearest(xs: list[Claim], ys: list[Claim], allowed=lambda x, y: True):
    """Pairs (x, y) where y is x's nearest value among the allowed and x is y's."""
    def distance(x, y):
        if x.kind == "date":
            return abs(_ordinal(x.date) - _ordinal(y.date))
        return delta_pct(x, y) - similar(x, y) / 1000

    ok = {(id(x), id(y)) for x in xs for y in ys if allowed(x, y)}
    best_y = {id(x): min((y for y in ys if (id(x), id(y)) in ok), key=lambda y: distance(x, y), default=None) for x in xs}
    best_x = {id(y): min((x for x in xs if (id(x), id(y)) in ok), key=lambda x: distance(x, y), default=None) for y in ys}
    return [(x, best_y[id(x)]) for x in xs if best_y[id(x)] is not None and best_x[id(best_y[id(x)])] is x]


NAME = re.compile(r"(?<=[\w,;] )[A-ZÄÖÜ][\w-]{2,}")


def _shared_name(x: Claim, y: Claim) -> bool:
    """Both sentences name someone or something alike (a capitalised word inside the sentence
    other than the figures themselves)."""
    def names(c: Claim) -> set[str]:
        return {n.lower() for n in NAME.findall(c.sentence) if n not in c.surface}
    return bool(names(x) & names(y))


def _too_far_apart(x: Claim, y: Claim) -> bool:
    """Figures several times apart are more likely two facts than one misstated, except for the
    exact factor of a scale word taken for another (German Billion against English billion)."""
    px, py = point(x), point(y)
    if x.kind == "date" or not px or not py or (px > 0) != (py > 0):
        return False
    ratio = max(abs(px), abs(py)) / min(abs(px), abs(py))
    return ratio > FAR_APART and not any(math.isclose(ratio, k, rel_tol=1e-6) for k in (1e3, 1e6))


def _weekday_a_week_off(x: Claim, y: Claim) -> bool:
    """A bare weekday ("am Freitag") a week from the other date may just be resolved in the
    wrong direction (last or next Friday): too unclear to call a conflict."""
    if x.kind != "date":
        return False
    bare = not any(ch.isdigit() for ch in x.surface) or not any(ch.isdigit() for ch in y.surface)
    return bare and abs(_ordinal(x.date) - _ordinal(y.date)) == 7


def _ordinal(date: str | None) -> int:
    try:
        return dt.date.fromisoformat(date or "").toordinal()
    except ValueError:
        return 0


def _detail(x: Claim, y: Claim) -> str:
    px, py = x.value, y.value
    if px and py and x.unit == y.unit:
        ratio = max(abs(px), abs(py)) / min(abs(px), abs(py))
        for power in (1e3, 1e6):
            if math.isclose(ratio, power, rel_tol=1e-6):
                return f"a factor of {power:,.0f}: a scale word mistranslated (German Billion = 10^12, Milliarde = 10^9)?"
    if x.kind == "date":
        return f"{x.date} vs {y.date}"
    return ""


def _drifts(a: list[Claim], b: list[Claim], rule, ranges: Ranges) -> list[Finding]:
    """Each figure drifts against its nearest counterpart of another date, when that one's
    nearest is it too: a document's smaller sub-counts ("zwei Männer starben") stay out."""
    tol = rule.params.tolerance_pct
    a, b = _readings(a, ranges), _readings(b, ranges)

    def drifting(x: Claim, y: Claim) -> bool:
        if x.as_of is None and y.as_of is None:
            return years_compatible(x, y) and not overlap(  # dates unknown: may differ, so show it
                ranges.interval(x, tol, hedges=False), ranges.interval(y, tol, hedges=False))
        if x.as_of == y.as_of:
            return False  # same day: a conflict, if anything
        return years_compatible(x, y) and not overlap(
            ranges.interval(x, tol, hedges=False), ranges.interval(y, tol, hedges=False))

    out = []
    for x, y in _mutual_nearest(a, b, drifting):
        when = "dates unknown" if x.as_of is None and y.as_of is None else f"as of {x.as_of or 'unknown'} vs {y.as_of or 'unknown'}"
        text = message(rule, x, y, delta_pct=delta_pct(x, y), detail=when)
        out.append(make(rule, [x, y], text))
    return out


def _readings(claims: list[Claim], ranges: Ranges) -> list[Claim]:
    """Figures that read the measure at a date: not a range (an estimate), not a part much
    smaller than the document's largest figure of that date (two of fourteen victims)."""
    out = []
    for c in claims:
        if c.id in ranges.span or c.value is None:
            continue
        peers = [o.value for o in claims if o.as_of == c.as_of and o.value is not None]
        if c.value > 0 and c.value * PART < max(peers):
            continue
        out.append(c)
    return out


def _agreements(docs: dict[str, list[Claim]], pairs, rule, ranges: Ranges, time_varying: bool) -> list[Finding]:
    tol = rule.params.tolerance_pct
    claims = [c for cs in docs.values() for c in cs]
    index = {id(c): i for i, c in enumerate(claims)}
    parent = list(range(len(claims)))

    def find(i):
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for da, db in pairs:
        for x in docs[da]:
            for y in docs[db]:
                if _fits(x, y, tol, ranges) and _same_time(x, y, time_varying):
                    parent[find(index[id(x)])] = find(index[id(y)])
    groups: dict[int, list[Claim]] = {}
    for i, c in enumerate(claims):
        groups.setdefault(find(i), []).append(c)
    out = []
    for members in groups.values():
        per_doc = {}
        for c in members:
            per_doc.setdefault(c.document, c)
        if len(per_doc) >= rule.params.min_sources:
            chosen = list(per_doc.values())
            text = message(rule, chosen[0], chosen[1], detail=f"{len(chosen)} sources")
            out.append(make(rule, [m for c in chosen for m in ranges.members(c)], text))
    return out

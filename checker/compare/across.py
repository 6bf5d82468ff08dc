"""Linked figures of two documents → conflict, drift or agreement.

The aligner has decided that two figures state the same fact (checker/align). Here:

- agreement: the values fit (their intervals overlap: written precision, hedges, the check's
  tolerance); linked figures that fit form groups across documents;
- drift: they do not fit, and the evidence says the fact was read at different times: the
  as-of dates differ and either figure is a running reading ("so far", "bisher", "now",
  "rose to", a revision), or both sentences state their own day;
- conflict: they do not fit, and nothing says they hold at different times. A pair several
  times apart is more likely two facts than one misstated, unless the two are strongly alike.
  A dropped, added or swapped digit is named as a likely typo.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import defaultdict
from functools import lru_cache

from factlint.checker import rates
from factlint.checker.compare import explain
from factlint.checker.align import Figure, Link
from factlint.checker.compare.conversions import rate_day
from factlint.checker.compare.findings import Checks, make, message
from factlint.checker.values import delta_pct, interval, overlap, point, typo
from factlint.checker.model import Claim, Finding
from factlint.rules.schema import CheckRule

CHANGE = "change"  # the measure lexicon's label of a change ("rose", "fell", "gained")


class Ranges:
    """Interval overrides for claims that form a range with a partner ("$300 million to $350 million")."""

    def __init__(self, claims: list[Claim]):
        by_id = {c.id: c for c in claims}
        self.claims = claims
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

    def fits(self, x: Claim, y: Claim, tolerance_pct: float) -> bool:
        if x.kind == "date":
            return x.date == y.date
        if x.kind == "money" and x.unit != y.unit:
            rate = exchange(y, x.unit)
            if rate is None:
                return False
            lo, hi = self.interval(y, tolerance_pct + CONVERSION_SLACK_PCT)
            return overlap(self.interval(x, tolerance_pct), (lo * rate, hi * rate))
        return overlap(self.interval(x, tolerance_pct), self.interval(y, tolerance_pct))


CONVERSION_SLACK_PCT = 3.0  # outlets convert at their own rates and round: a few percent off the reference


def exchange(c: Claim, currency: str) -> float | None:
    """One unit of `c`'s currency in `currency` at the reference rate of its as-of day."""
    return _rate(c.unit or "", currency, rate_day(c.as_of))


@lru_cache(maxsize=4096)
def _rate(source: str, target: str, day) -> float | None:
    return rates.convert(1.0, source, target, day)


def tolerance(checks: Checks, x: Claim, y: Claim, exact: set[str] = frozenset()) -> float:
    """The conflict check's tolerance for two claims; none for measures stated to the last
    digit (`exact`: a finishing time)."""
    rule = checks.pick("date" if x.kind == "date" else "value", x.kind)
    return 0.0 if rule is None or x.measure in exact or y.measure in exact else rule.params.tolerance_pct


def check_links(links: list[Link], checks: Checks, ranges: Ranges, exact: set[str] = frozenset(),
                published: dict[str, str] | None = None) -> list[Finding]:
    """Findings of every link, and the agreements of the links whose values fit."""
    pairs: list[tuple[tuple, CheckRule, Link, str]] = []
    fitting: list[Link] = []
    drifted: set[tuple] = set()  # sentence pairs whose figures drift: their dates are reading times
    for link in sorted(links, key=lambda l: l.a.claim.kind == "date"):
        x, y = link.a.claim, link.b.claim
        conflict = checks.pick("date" if x.kind == "date" else "value", x.kind)
        if ranges.fits(x, y, tolerance(checks, x, y, exact)):
            fitting.append(link)
            continue
        if _windows_apart(x, y) or _another_time(x, y):
            continue  # two changes over different windows; a figure its sentence dates months apart
        drift = checks.pick("drift", x.kind) if x.kind != "date" else None
        if x.kind == "date" and _sentences(x, y) in drifted:
            continue  # "closed on Monday at …" vs "on Tuesday at …": the drift says it
        if drift and drifting(x, y):
            drifted.add(_sentences(x, y))
            when = "dates unknown" if x.as_of is None and y.as_of is None else \
                f"as of {x.as_of or 'unknown'} vs {y.as_of or 'unknown'}"
            pairs.append((link.fact, drift, link, when))
        elif conflict and not _excused(link, published or {}):
            pairs.append((link.fact, conflict, link, _detail(x, y)))
    explain = Explain(checks, ranges, exact, published or {})
    return per_fact(pairs, explain, _fact_figures(links)) + _agreements(fitting, checks, ranges)


def _fact_figures(links: list[Link]) -> dict[tuple, list[Figure]]:
    """Every figure of each fact, in link order: also one linked only to a figure it agrees
    with belongs to the fact's finding (the outlet repeating one side is a place to fix too)."""
    out: dict[tuple, dict[int, Figure]] = defaultdict(dict)
    for link in links:
        if link.fact:
            for fig in (link.a, link.b):
                out[link.fact].setdefault(id(fig), fig)
    return {fact: list(figs.values()) for fact, figs in out.items()}


class Explain:
    """What a finding's message needs beyond its claims: the checks' tolerances, the ranges,
    the documents' publication dates."""

    def __init__(self, checks: Checks, ranges: Ranges, exact: set[str], published: dict[str, str]):
        self.checks, self.ranges, self.exact, self.published = checks, ranges, exact, published
        self.dates: dict[tuple, list[Claim]] = {}  # the date claims of each sentence: where an as-of date was read
        for c in ranges.claims:
            if c.kind == "date":
                self.dates.setdefault((c.document, c.sentence_start), []).append(c)

    def bounds(self, figures: list[Claim], rule: CheckRule) -> str:
        """`Why: “bis zu 500” allows 450–500 (…); “600” allows exactly 600 (…); tolerance 0 %.`"""
        if figures[0].kind == "date":
            return "Why: " + "; ".join(explain.resolved(c, self.published) for c in figures) + "."
        tol = tolerance(self.checks, figures[0], figures[-1], self.exact)
        parts = [explain.allows(c, self.ranges.interval(c, 0.0), c.id in self.ranges.span) for c in figures]
        return f"Why: {'; '.join(parts)}; {explain.tolerance_words(tol)}: no one value fits them all."


def per_fact(pairs: list[tuple[tuple, CheckRule, Link, str]], explain_: Explain,
             members: dict[tuple, list[Figure]] | None = None) -> list[Finding]:
    """One finding per fact and check: a toll six outlets report at six times is one drift
    with every figure, not fifteen pairs. The first pair's message tells it; then every value
    of the fact (a drift's in time order, a conflict's grouped by value) and why."""
    groups: dict[tuple, list[tuple[CheckRule, Link, str]]] = {}
    for fact, rule, link, detail in pairs:
        groups.setdefault((fact or id(link), rule.code), []).append((rule, link, detail))
    out = []
    for (fact, _), entries in groups.items():
        rule, first, detail = entries[0]
        linked = [fig for _, link, _ in entries for fig in (link.a, link.b)] + (members or {}).get(fact, [])
        figures = list({id(fig): fig for fig in linked}.values())
        if rule.kind == "drift":
            figures.sort(key=lambda f: (f.claim.as_of is None, f.claim.as_of or "", f.document))
        else:
            figures.sort(key=lambda f: (_value(f.claim) or 0.0, f.document))
        told = [f.claim for f in figures]
        x, y = first.a.claim, first.b.claim
        text = message(rule, x, y, delta_pct=delta_pct(x, y), detail=detail)
        parts = [text.rstrip(" .") + "."]
        if rule.kind == "drift":
            if len(told) > 2:
                parts.append(f"In time: {explain.timeline(told)}.")
            parts.append(explain.why_drift(told, explain_.published, explain_.dates))
            shown = told
        else:
            groups_ = _by_value(told)
            if len(told) > 2:
                parts.append(f"Values: {explain.by_value(groups_)}.")
            shown = [g[0] for g in groups_]
        parts.append(explain_.bounds(shown, rule))
        text = " ".join(parts)
        finding = make(rule, _claims(figures, explain_.ranges), text)
        finding.per_fact = True
        out.append(finding)
    return out


def _value(c: Claim):
    return c.date if c.kind == "date" else point(c)


def _by_value(claims: list[Claim]) -> list[list[Claim]]:
    """Claims (sorted by value) grouped where their values are the same."""
    groups: list[list[Claim]] = []
    for c in claims:
        if groups and _value(c) == _value(groups[-1][0]):
            groups[-1].append(c)
        else:
            groups.append([c])
    return groups


def _sentences(x: Claim, y: Claim) -> tuple:
    return tuple(sorted(((x.document, x.sentence_start), (y.document, y.sentence_start))))


def _claims(figures: list, ranges: Ranges) -> list[Claim]:
    """Every mention of the figures, the told ones first (a reviewer sees every place to fix)."""
    out: list[Claim] = []
    for fig in figures:
        for c in fig.claims[:1]:
            out += ranges.members(c)
    for fig in figures:
        out += [m for c in fig.claims[1:] for m in ranges.members(c)]
    seen: set[str] = set()
    return [c for c in out if not (c.id in seen or seen.add(c.id))]


def drifting(x: Claim, y: Claim) -> bool:
    """The two figures were read at different times (see the module's docstring)."""
    if not _differ_in_time(x, y):
        return False
    running = _running(x) or _running(y)
    both_dated = "dated" in x.qualifiers and "dated" in y.qualifiers
    return running or both_dated


def _differ_in_time(x: Claim, y: Claim) -> bool:
    if x.as_of is None and y.as_of is None:
        return True  # both undated: they may differ, and a reader cannot tell
    if x.as_of is None or y.as_of is None:
        return False
    n = min(len(x.as_of), len(y.as_of))
    return x.as_of[:n] != y.as_of[:n]


PAST_DAYS = 60  # a figure its sentence dates this far from the other's is of another time


def _another_time(x: Claim, y: Claim) -> bool:
    """One sentence dates its figure ("In June 2012, a 3.0 quake …") months away from the
    other's: another event or period, neither the same fact nor its update."""
    if not ("dated" in x.qualifiers or "dated" in y.qualifiers) or x.kind == "date":
        return False
    a, b = _ordinal(_day(x.as_of)), _ordinal(_day(y.as_of))
    return bool(a and b) and abs(a - b) > PAST_DAYS


def _day(iso: str | None) -> str | None:
    if iso and len(iso) == 7:
        return iso + "-15"
    if iso and len(iso) == 4:
        return iso + "-07-01"
    return iso


def _windows_apart(x: Claim, y: Claim) -> bool:
    """Changes over a trailing window (seven days, twelve months) ending on different days, or
    changes each sentence dates to its own day ("rose 4.2 % on Monday", "closed down 3.8 % on
    Tuesday"): each is the change of its day, another fact, not a later reading of one."""
    windowed = any(q.startswith("window-") for q in x.qualifiers + y.qualifiers)
    daily = _change(x) and _change(y) and "dated" in x.qualifiers and "dated" in y.qualifiers
    return (windowed or daily) and _differ_in_time(x, y)


def _change(c: Claim) -> bool:
    return "delta" in c.qualifiers or c.measure == CHANGE


def _running(c: Claim) -> bool:
    """A reading of a running figure: the sentence says so ("so far", "bisher", "rose to", "revised")."""
    return "running" in c.qualifiers


def _excused(link: Link, published: dict[str, str]) -> bool:
    """Two articles each dating something on their own day were just published apart. (Figures
    far apart are linked only when strongly alike: checker/align/link.py.)"""
    x, y = link.a.claim, link.b.claim
    if x.weekday_mismatch or y.weekday_mismatch:
        return False  # a date whose weekday does not fit it is wrong, not dated by its own day
    return x.kind == "date" and (_weekday_a_week_off(x, y) or "today" in x.qualifiers and "today" in y.qualifiers
                                 or _posted_a_day_late(x, y) or _posted_a_day_late(y, x)
                                 or _years_either_side(x, y, published) or _planned_and_done(x, y, published))


def _planned_and_done(x: Claim, y: Claim, published: dict[str, str]) -> bool:
    """A day still ahead when one article appeared (the launch set for Sunday) and a day
    already past when the other did (the launch on Monday): the plan and what happened; a
    schedule that slipped is no misreport."""
    if len(x.date or "") != 10 or len(y.date or "") != 10:
        return False
    px, py = published.get(x.document), published.get(y.document)
    if not px or not py:
        return False
    return x.date > px and y.date <= py or y.date > py and x.date <= px


def _years_either_side(x: Claim, y: Claim, published: dict[str, str]) -> bool:
    """Two years on different sides of the articles' present (the last election in 2021 and
    this one in 2026; this year's chips and the 2014 roadmap): two events, not one misdated."""
    if len(x.date or "") != 4 or len(y.date or "") != 4:
        return False

    def side(c: Claim, other: Claim) -> int | None:
        now = (published.get(c.document) or published.get(other.document) or "")[:4]  # an undated page: the other's present
        return (c.date > now) - (c.date < now) if now.isdigit() else None

    sx, sy = side(x, y), side(y, x)
    return sx is not None and sy is not None and sx != sy


def _posted_a_day_late(x: Claim, y: Claim) -> bool:
    """"Today" (a day without digits, read as the article's own date) the day after the other
    date: an article is often dated the day it was posted, not the day it was written (the
    night's report, another time zone), so its "today" may be the day before."""
    relative = "today" in x.qualifiers and not any(ch.isdigit() for ch in x.surface)
    return relative and _ordinal(x.date) - _ordinal(y.date) == 1


def _weekday_a_week_off(x: Claim, y: Claim) -> bool:
    """A bare weekday ("am Freitag") a week from the other date may just be resolved in the
    wrong direction (last or next Friday): too unclear to call a conflict."""
    bare = not any(ch.isdigit() for ch in x.surface) or not any(ch.isdigit() for ch in y.surface)
    return bare and abs(_ordinal(x.date) - _ordinal(y.date)) == 7


def _ordinal(date: str | None) -> int:
    try:
        return dt.date.fromisoformat(date or "").toordinal()
    except ValueError:
        return 0


def _detail(x: Claim, y: Claim) -> str:
    px, py = x.value, y.value
    if x.kind == "money" and x.unit != y.unit:
        rate = exchange(y, x.unit or "")
        if px and py and math.isclose(px, py, rel_tol=0.02):
            return f"the same amount in {x.unit} and {y.unit}: a currency mixed up?"
        if rate and py:
            return f"{y.surface} is about {py * rate:,.0f} {x.unit} at the reference rate"
    if px and py and x.unit == y.unit:
        ratio = max(abs(px), abs(py)) / min(abs(px), abs(py))
        for power in (1e3, 1e6):
            if math.isclose(ratio, power, rel_tol=1e-6):
                return f"a factor of {power:,.0f}: a scale word mistranslated (German Billion = 10^12, Milliarde = 10^9)?"
    if x.kind == "date":
        return f"{x.date} vs {y.date}"
    if typo(x, y):
        return "the digits differ by one dropped, added or swapped digit: a likely typo"
    return ""


def _common(bounds: list) -> tuple[float, float] | None:
    """The interval all of `bounds` share (their ends, when they only touch)."""
    if any(b is None for b in bounds):
        return None
    lo, hi = max(b[0] for b in bounds), min(b[1] for b in bounds)
    return (min(lo, hi), max(lo, hi))


def _agreements(links: list[Link], checks: Checks, ranges: Ranges) -> list[Finding]:
    """Linked figures whose values fit, grouped across documents (one finding per group)."""
    parent: dict[int, int] = {}
    figs: dict[int, object] = {}

    def find(i: int) -> int:
        parent.setdefault(i, i)
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for link in links:
        figs[id(link.a)], figs[id(link.b)] = link.a, link.b
        parent[find(id(link.a))] = find(id(link.b))
    groups: dict[int, list] = {}
    for i, fig in figs.items():
        groups.setdefault(find(i), []).append(fig)
    out = []
    for members in groups.values():
        members.sort(key=lambda f: (f.document, f.claim.start))
        per_doc = {}
        for fig in members:
            per_doc.setdefault(fig.document, fig.claim)
        chosen = list(per_doc.values())
        rule = checks.pick("agreement", chosen[0].kind)
        if rule is None or len(chosen) < rule.params.min_sources:
            continue
        detail = f"{len(chosen)} sources"
        if chosen[0].kind != "date":
            tol = rule.params.tolerance_pct
            common = _common([ranges.interval(c, tol) for c in chosen])
            detail += f"; every value fits {explain.span(chosen[0], common)} with {explain.tolerance_words(tol)}"
        text = message(rule, chosen[0], chosen[1], detail=detail)
        out.append(make(rule, [m for c in chosen for m in ranges.members(c)], text))
    return out

"""Inconsistencies inside one article: a weekday that does not fit its date, a ratio that does
not fit its two figures ("doppelt so hoch wie bei Huoshan (2 Mrd. Yuan)" next to 4 Mrd.)."""

from __future__ import annotations

import datetime as dt

from factlint.checker.compare import explain
from factlint.checker.compare.findings import Checks, make, message
from factlint.checker.values import interval, overlap
from factlint.checker.model import Claim, Finding


def check_weekdays(claims: list[Claim], checks: Checks) -> list[Finding]:
    rule = checks.pick("weekday", "date")
    if rule is None:
        return []
    out = []
    for c in claims:
        if c.kind == "date" and c.weekday_mismatch:
            text = message(rule, c, None, detail=f"{c.date} is a {_weekday(c.date)}, not a {c.weekday or 'day of that name'}")
            out.append(make(rule, [c], text))
    return out


def check_ratios(claims: list[Claim], checks: Checks) -> list[Finding]:
    by_id = {c.id: c for c in claims}
    out = []
    for b in claims:
        for r in b.relations:
            if r.type != "ratio" or r.factor is None:
                continue
            a = by_id.get(r.other) if r.other else implicit_partner(b, claims)
            if a is None or a.start > b.start and r.other:
                continue  # each tie is checked once, from its second figure
            rule = checks.pick("ratio", b.kind)
            if rule is None or a.value is None or b.value is None:
                continue
            factor = 1 / r.factor  # the relation on b says b = r.factor × a, so a = factor × b
            expected = (b.value * factor - b.value * factor * rule.params.tolerance_pct / 100,
                        b.value * factor + b.value * factor * rule.params.tolerance_pct / 100)
            if not overlap(interval(a), expected):
                lo, hi = expected
                text = message(rule, a, b, detail=f"{a.surface} is not {_factor(factor)} {b.surface}: that would be "
                               f"{explain.amount(min(lo, hi))}–{explain.amount(max(lo, hi))} "
                               f"({explain.tolerance_words(rule.params.tolerance_pct)} for a ratio in words)")
                out.append(make(rule, [a, b], text))
    return out


def implicit_partner(b: Claim, claims: list[Claim]) -> Claim | None:
    """The figure a ratio compares with when it stands in an earlier sentence: the last one of
    the same measure, kind and unit that belongs to the article's own subject."""
    earlier = [a for a in claims if a.document == b.document and a.start < b.sentence_start
               and a.kind == b.kind and a.unit == b.unit and a.measure and a.measure == b.measure and not a.subject]
    return earlier[-1] if earlier else None


def _weekday(iso: str | None) -> str:
    try:
        return dt.date.fromisoformat(iso or "").strftime("%A")
    except ValueError:
        return "day of another name"


def _factor(f: float) -> str:
    return f"{f:g} ×"

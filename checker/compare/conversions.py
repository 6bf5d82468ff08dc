"""Currency conversions: checked against the ECB reference rate and against each other.

A conversion is a pair tied by a `conversion` relation ("3 Mrd. Yuan (rund 420 Mio. Dollar)").
Two documents that convert the same amount of the same currency into the same target
currency, with targets that do not fit each other, conflict; the reference rate of the
source's as-of date says which stated value it supports. A single conversion far from the
reference is an inconsistency inside its article.
"""

from __future__ import annotations

import datetime as dt
from itertools import combinations

from factlint.checker import rates
from factlint.checker.compare.findings import Checks, make, message
from factlint.checker.values import interval, overlap
from factlint.checker.model import Claim, Finding, RateCheck


def conversions(claims: list[Claim]) -> list[tuple[Claim, Claim]]:
    """(source, converted) pairs, one per distinct pair of values in a document."""
    by_id = {c.id: c for c in claims}
    seen, out = set(), []
    for c in claims:
        for r in c.relations:
            target = by_id.get(r.other)
            if r.type != "conversion" or target is None or target.start < c.start:
                continue
            key = (c.document, c.value, c.unit, target.value, target.unit)
            if key not in seen and c.value and target.value:
                seen.add(key)
                out.append((c, target))
    return out


def reference(source: Claim, target_currency: str) -> tuple[float, str] | None:
    day = rate_day(source.as_of)
    value = rates.convert(source.value, source.unit, target_currency, day)
    if value is None:
        return None
    return value, (day.isoformat() if day else "latest")


def deviation_pct(target: Claim, ref: float) -> float:
    return (target.value - ref) / ref * 100


def rate_check(source: Claim, targets: list[Claim], support_pct: float) -> RateCheck | None:
    ref = reference(source, targets[0].unit)
    if ref is None:
        return None
    value, day = ref
    deviations = {t.id: round(deviation_pct(t, value), 2) for t in targets}
    supported = [t.id for t in targets if overlap(interval(t, support_pct, hedges=False), (value, value))]
    return RateCheck(source_claim=source.id, rate_date=day, from_currency=source.unit,
                     to_currency=targets[0].unit, reference_value=round(value, 2),
                     supported=supported, deviations=deviations)


def verdict(source: Claim, targets: list[Claim], check: RateCheck | None) -> str:
    if check is None:
        return f"no reference rate for {source.unit}→{targets[0].unit}"
    parts = []
    for t in targets:
        if t.id in check.supported:
            parts.append(f"{t.surface} fits")
        else:
            parts.append(f"{t.surface} is {abs(check.deviations[t.id]):.1f} % off")
    return (f"{source.surface} on {check.rate_date} ≈ {_amount(check.reference_value)} {check.to_currency} "
            f"at the ECB reference rate: " + ", ".join(parts))


def check_conversions(claims: list[Claim], checks: Checks) -> list[Finding]:
    pairs = conversions(claims)
    out: list[Finding] = []
    conflict = checks.pick("conversion", "money")
    if conflict:
        tol = conflict.params.tolerance_pct
        for (s1, t1), (s2, t2) in combinations(pairs, 2):
            if s1.document == s2.document or s1.unit is None or s1.unit != s2.unit or t1.unit != t2.unit:
                continue  # (an amount whose currency sign was lost may be in any currency)
            if (s1.subject or "") != (s2.subject or "") or not overlap(interval(s1), interval(s2)):
                continue
            if overlap(interval(t1, tol, hedges=False), interval(t2, tol, hedges=False)):
                continue
            source = min((s1, s2), key=lambda s: s.as_of or "9999")  # the earlier date: when it was converted
            check = rate_check(source, [t1, t2], tol)
            text = message(conflict, t1, t2, delta_pct=abs(t1.value - t2.value) / max(t1.value, t2.value) * 100,
                           detail=verdict(source, [t1, t2], check) + f"; tolerance {tol:g} % between the two conversions")
            out.append(make(conflict, [t1, t2, s1, s2], text, check))
    off = checks.pick("reference", "money")
    if off:
        tol = off.params.tolerance_pct
        for s, t in pairs:
            if rate_day(s.as_of) is None:
                continue  # today's rate says nothing about an undated conversion
            check = rate_check(s, [t], tol)
            if check is not None and not check.supported:
                text = message(off, s, t, delta_pct=abs(check.deviations[t.id]),
                               detail=verdict(s, [t], check) + f" (more than the {tol:g} % that rates and rounding explain)")
                out.append(make(off, [s, t], text, check))
    return out


def rate_day(iso: str | None) -> dt.date | None:
    """A day to take the rate of: the day itself, or the middle of a stated month."""
    try:
        if iso and len(iso) == 7:
            return dt.date.fromisoformat(iso + "-15")
        return dt.date.fromisoformat(iso) if iso and len(iso) == 10 else None
    except ValueError:
        return None


def _amount(v: float) -> str:
    for size, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if abs(v) >= size:
            return f"{v / size:,.1f} {word}"
    return f"{v:,.2f}"

"""Why a finding was reported, in words a fact-checker can verify: the interval each value
allows and where it comes from (a hedge, the written precision, a range), the tolerance of
the check, how a relative date was resolved, which as-of dates make a drift and where each
came from, and all the values of a fact (in time order for a drift, grouped by value for a
conflict).
"""

from __future__ import annotations

from factlint.checker.model import Claim
from factlint.checker.values import unit_scale

SCALES = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))


def amount(v: float) -> str:
    """`4550000000` → `4.55 billion`, `3300` → `3,300`, `2.335` → `2.335`."""
    for size, word in SCALES:
        if abs(v) >= size:
            return f"{v / size:,.6g} {word}"
    return f"{v:,.6g}" if abs(v) < 1e6 else f"{v:,.0f}"


def quoted(c: Claim) -> str:
    """The figure as a reader finds it, with its hedge: “bis zu 500”."""
    surface = " ".join(c.surface.split())
    if c.hedge and c.hedge.casefold() not in surface.casefold():
        surface = f"{c.hedge} {surface}"
    return f"“{surface}”"


def own_units(c: Claim, bounds: tuple[float, float] | None) -> tuple[float, float] | None:
    """An interval of canonical units (values.interval) back in the claim's own unit."""
    if bounds is None:
        return None
    lo, hi = bounds
    if c.kind == "quantity" and c.unit:
        scale = unit_scale(c.unit)
        if scale and scale[1][0]:
            a, b = scale[1]
            lo, hi = (lo - b) / a, (hi - b) / a
    elif c.kind == "percent" and c.unit == "bp":
        lo, hi = lo * 100, hi * 100
    return min(lo, hi), max(lo, hi)


def span(c: Claim, bounds: tuple[float, float] | None) -> str:
    """`3,300–3,500 USD`, `at least 5 billion USD`, `exactly 600`."""
    unit = f" {c.unit}" if c.unit else ""
    bounds = own_units(c, bounds)
    if bounds is None:
        return "no value"
    lo, hi = bounds
    if lo == float("-inf"):
        return f"at most {amount(hi)}{unit}"
    if hi == float("inf"):
        return f"at least {amount(lo)}{unit}"
    if lo == hi:
        return f"exactly {amount(lo)}{unit}"
    return f"{amount(lo)}–{amount(hi)}{unit}"


def reason(c: Claim, is_range: bool) -> str:
    """Where a claim's interval comes from."""
    if is_range:
        return "a range"
    if c.hedge:
        if c.upper is not None and c.lower is None and not c.approximate:
            return f"‘{c.hedge}’: at most {amount(c.upper)}"
        if c.lower is not None and c.upper is None:
            return f"‘{c.hedge}’: at least {amount(c.lower)}"
        return f"‘{c.hedge}’"
    if c.lower is not None or c.upper is not None:
        return "a bound"
    return "written precision"


def allows(c: Claim, bounds: tuple[float, float] | None, is_range: bool = False) -> str:
    """`“bis zu 500” allows 450–500 (‘bis zu’: at most 500)`."""
    why = "as written" if bounds and bounds[0] == bounds[1] else reason(c, is_range)
    return f"{quoted(c)} allows {span(c, bounds)} ({why})"


def tolerance_words(pct: float) -> str:
    return f"tolerance {pct:g} %"


def resolved(c: Claim, published: dict[str, str]) -> str:
    """How a date claim became a day: `“Montag” → 2026-07-20, counted back from the publication
    date 2026-07-22`, or `“20. Juli” → 2026-07-20 as written`."""
    day = c.date or "an unknown day"
    if any(ch.isdigit() for ch in c.surface):
        return f"{quoted(c)} → {day} as written"
    pub = published.get(c.document)
    if pub is None:
        return f"{quoted(c)} → {day}, from the dates of the articles read with it (published date unknown)"
    direction = "the day of" if c.date == pub else "counted back from" if (c.date or "") < pub else "counted forward from"
    return f"{quoted(c)} → {day}, {direction} the publication date {pub}"


def as_of_origin(c: Claim, published: dict[str, str], dates: dict[tuple, list[Claim]] | None = None) -> str:
    """Where a figure's as-of date came from: `2026-07-21, stated in its sentence (“Dienstagabend”)`."""
    if c.as_of is None:
        return "date unknown"
    if "dated" in c.qualifiers:
        words = [quoted(d) for d in (dates or {}).get((c.document, c.sentence_start), [])
                 if d.date and d.date[:len(c.as_of)] == c.as_of[:len(d.date)]]
        return f"{c.as_of}, stated in its sentence" + (f" ({', '.join(dict.fromkeys(words))})" if words else "")
    if published.get(c.document) == c.as_of:
        return f"{c.as_of}, the article's publication date"
    return f"{c.as_of}, from the article's context"


def why_drift(claims: list[Claim], published: dict[str, str], dates: dict[tuple, list[Claim]] | None = None) -> str:
    """Why these figures are drift rather than conflict: their as-of dates, where each was read,
    and the cue."""
    running = [quoted(c) for c in claims if "running" in c.qualifiers]
    dates = "; ".join(f"{quoted(c)} as of {as_of_origin(c, published, dates)}" for c in claims)
    if running:
        cue = f"{', '.join(running)} {'is a running figure' if len(running) == 1 else 'are running figures'} " \
              f"(so far, bisher, rose to, revised)"
    elif all(c.as_of is None for c in claims):
        cue = "no article says when its figure holds"
    else:
        cue = "each sentence names its own day"
    return f"Drift, not conflict: {dates}; {cue}."


def timeline(claims: list[Claim]) -> str:
    """`212 (2026-07-21, a.md) → 287 (2026-07-22, b.md)`: the figures of a drift in time order."""
    return " → ".join(f"{quoted(c)} ({c.as_of or 'date unknown'}, {c.document})" for c in claims)


def by_value(groups: list[list[Claim]]) -> str:
    """`“3.400” in a.md, c.md · “4,300” in b.md`: the figures of a conflict grouped by value."""
    return " · ".join(f"{quoted(g[0])} in {', '.join(dict.fromkeys(c.document for c in g))}" for g in groups)

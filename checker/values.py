"""Canonical values and the intervals a claim is compatible with.

A claim covers more than its point value: the written precision ("420 Millionen" covers
415–425 Millionen; with a hedge, trailing zeros stop counting: "rund 15.000" covers
14.500–15.500) and the bounds of its hedge ("mehr als eine Million" covers a million and up).
Quantities are compared in base units (pint), so 95 km and 45 miles meet on one scale.
"""

from __future__ import annotations

import math
import re
from functools import lru_cache

from factlint.checker.model import Claim
from factlint.checker.normalize.units import registry
from factlint.checker.normalize.vague import ORDER_SPAN
from factlint.checker.tables import UnitTable

JUST_UNDER = 0.15  # "knapp 500" reaches down to 425
NEAR_BOUND = 0.10  # "more than 140", "bis zu 45.000": a value near its bound, within one rounding step or this share of it
DIGITS = re.compile(r"\d(?:[\d.,'’\u202f\u00a0 ]*\d)?")


@lru_cache(maxsize=4096)
def unit_scale(unit: str) -> tuple[str, tuple[float, float]] | None:
    """(dimensionality, (a, b)) of a pint unit string, where a·x + b is x in base units
    (b is non-zero only for offset units such as °C); None if pint refuses the unit. Pint's
    answer, kept between runs (checker/tables.py)."""
    answer = _SCALES.get(unit, _pint_scale, _is_scale)
    return None if answer is None else (answer[0], (answer[1], answer[2]))


def _pint_scale(unit: str) -> list | None:
    try:
        ureg = registry()
        base = ureg.Quantity(1.0, unit).to_base_units()
        zero = float(ureg.Quantity(0.0, unit).to(base.units).magnitude)
    except Exception:  # pint raises many types for unknown or malformed units
        return None
    return [str(base.dimensionality), float(base.magnitude) - zero, zero]


def _is_scale(answer) -> bool:
    return answer is None or (isinstance(answer, list) and len(answer) == 3 and isinstance(answer[0], str)
                              and isinstance(answer[1], float) and isinstance(answer[2], float))


_SCALES = UnitTable("unit-scales")


def unit_class(c: Claim) -> str | None:
    """What must match for two values to be compared directly: currency, %, pp, dimension."""
    if c.kind == "money":
        return c.unit
    if c.kind == "percent":
        return "pp" if c.unit in ("pp", "bp") else "%"
    if c.kind == "quantity":
        scale = unit_scale(c.unit) if c.unit else None
        return "dim:" + scale[0] if scale else None
    if c.kind == "number":
        return "n"
    return None


def to_canonical(c: Claim, x: float) -> float:
    if c.kind == "quantity" and c.unit:
        scale = unit_scale(c.unit)
        if scale:
            a, b = scale[1]
            return a * x + b
        return x
    if c.kind == "percent" and c.unit == "bp":
        return x / 100
    return x


def _offset_scale(c: Claim) -> bool:
    """Whether the claim's unit counts from a zero of its own (°C, °F): a percentage of it means nothing."""
    if c.kind != "quantity" or not c.unit:
        return False
    scale = unit_scale(c.unit)
    return bool(scale and scale[1][1])


def step(c: Claim) -> float:
    """The unit of the last significant written digit (0 when the claim is exact, like a time)."""
    if c.value is None or c.value == 0:
        return 0.0
    m = DIGITS.search(c.surface)
    if ":" in c.surface:
        return 0.0
    if not m:  # spelled out ("eine Million", "a dozen"): its order of magnitude
        return 10 ** math.floor(math.log10(abs(c.value)))
    digits = re.sub(r"\D", "", m.group()).lstrip("0")
    if c.approximate or c.lower is not None or c.upper is not None:
        digits = digits.rstrip("0")
    significant = max(len(digits), 1)
    return 10 ** (math.floor(math.log10(abs(c.value))) - significant + 1)


def interval(c: Claim, tolerance_pct: float = 0.0, hedges: bool = True) -> tuple[float, float] | None:
    """[low, high] of values compatible with the claim, in canonical units."""
    if c.value is None:
        return None
    hedged = c.approximate or c.lower is not None or c.upper is not None
    if c.low is not None and c.high is not None and (hedges or not hedged):
        lo, hi = c.low, c.high  # extraction's interval: written precision (capped) and hedge
    elif hedges and (c.low is None) != (c.high is None) and not (c.lower is not None and c.upper is not None):
        bound = c.low if c.low is not None else c.high  # one-sided: near its bound, not a half-line
        reach = max(step(c), abs(bound) * NEAR_BOUND)
        lo, hi = (bound, bound + reach) if c.low is not None else (bound - reach, bound)
    else:
        half = step(c) / 2
        lo, hi = c.value - half, c.value + half
        if hedges:
            lo, hi = _hedged(c, lo, hi)
    if not _offset_scale(c):  # a share of 41 °C is no share of 106 °F: on a scale with its own zero
        slack = abs(c.value) * tolerance_pct / 100  # a reading compares at its written precision
        lo, hi = lo - slack, hi + slack
    a = to_canonical(c, lo) if math.isfinite(lo) else lo
    b = to_canonical(c, hi) if math.isfinite(hi) else hi
    return (min(a, b), max(a, b))


def _hedged(c: Claim, lo: float, hi: float) -> tuple[float, float]:
    if c.lower is not None and c.upper is not None:  # "zwischen 3,1 und 3,5 Mrd."
        return min(lo, c.lower), max(hi, c.upper)
    if c.lower is not None:  # "mehr als", "at least": from the bound itself, up to a step above it
        return c.lower, c.lower + max(step(c), abs(c.lower) * NEAR_BOUND)
    if c.upper is not None:  # "bis zu" (near its bound); "knapp", "just under" (close below)
        reach = abs(c.upper) * JUST_UNDER if c.approximate else max(step(c), abs(c.upper) * NEAR_BOUND)
        return c.upper - reach, max(c.upper, c.value)
    return lo, hi


def point(c: Claim) -> float | None:
    return None if c.value is None else to_canonical(c, c.value)


def overlap(a: tuple[float, float] | None, b: tuple[float, float] | None) -> bool:
    """Whether two intervals share more than an end: 3.4 covers up to 3.45 and 3.5 from 3.45,
    yet two figures written to the same digit and differing in it disagree."""
    if a is None or b is None:
        return False
    if a[0] == a[1] or b[0] == b[1]:  # an exact value lies in an interval or not
        return a[0] <= b[1] and b[0] <= a[1]
    touch = 1e-9 * max(abs(a[0]), abs(a[1]), abs(b[0]), abs(b[1]))
    return a[0] < b[1] - touch and b[0] < a[1] - touch


def delta_pct(a: Claim, b: Claim) -> float:
    pa, pb = point(a), point(b)
    if pa is None or pb is None:
        return 0.0
    if _offset_scale(a):  # temperatures: apart on the first one's own scale, not in kelvin
        factor, zero = unit_scale(a.unit)[1]
        pa, pb = a.value, (pb - zero) / factor
    base = max(abs(pa), abs(pb)) or 1.0
    return abs(pa - pb) / base * 100


FAR_APART = 2.0  # figures more than this many times apart are more likely two facts than one misstated


def far_apart(x: Claim, y: Claim) -> bool:
    """Figures several times apart, except for the exact factor of a scale word taken for
    another (German Billion against English billion)."""
    px, py = point(x), point(y)
    if not px or not py or (px > 0) != (py > 0):
        return False
    ratio = max(abs(px), abs(py)) / min(abs(px), abs(py))
    return ratio > FAR_APART and not any(math.isclose(ratio, k, rel_tol=1e-6) for k in (1e3, 1e6))


ONE_DIGIT = re.compile(r"\d")


def by_order_only(c: Claim) -> bool:
    """An amount named by its order of magnitude only ("dozens", "Tausende", "hundreds of
    millions"): normalize/vague.py gives it the range between two multiples of its order."""
    low, high = ORDER_SPAN
    return (c.approximate and c.lower is not None and c.upper is not None and c.lower > 0
            and math.isclose(c.upper * low, c.lower * high) and not ONE_DIGIT.search(c.surface))


def typo(x: Claim, y: Claim) -> bool:
    """The written digits differ by one dropped, added or swapped digit (12.600 / 112.600, 657 / 675)."""
    a, b = "".join(ONE_DIGIT.findall(x.surface)), "".join(ONE_DIGIT.findall(y.surface))
    if a == b or min(len(a), len(b)) < 2 or max(len(a), len(b)) < 3 or x.unit != y.unit:
        return False
    if min(len(a.rstrip("0")), len(b.rstrip("0"))) < 2 and a.rstrip("0") != b.rstrip("0"):
        return False  # round figures (100, 1,400) differ by more than a slip of the pen
    if abs(len(a) - len(b)) == 1:
        short, long_ = sorted((a, b), key=len)
        return any(long_[:i] + long_[i + 1:] == short for i in range(len(long_)))
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        return len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]
    return False

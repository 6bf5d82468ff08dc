"""Calendar arithmetic for dates read from text: no language, no regular expressions.

A resolved date is a `When`: year, and month and day when the text states them, so
that "Februar 2026" stays a month and "2025" stays a year.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class When:
    year: int
    month: int | None = None
    day: int | None = None

    def iso(self) -> str:
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    def as_date(self) -> dt.date | None:
        return dt.date(self.year, self.month, self.day) if self.month and self.day else None

    @staticmethod
    def of(d: dt.date) -> When:
        return When(d.year, d.month, d.day)


def valid(year: int, month: int, day: int | None = None) -> bool:
    if not (1000 <= year <= 2999 and 1 <= month <= 12):
        return False
    return day is None or 1 <= day <= calendar.monthrange(year, month)[1]


def full_year(yy: int, ref: dt.date | None) -> int:
    """A two-digit year in the century that puts it at most 20 years after the reference;
    without a reference, 00–49 are 2000s and 50–99 1900s."""
    if ref is None:
        return (2000 if yy < 50 else 1900) + yy
    base = ref.year
    year = (base // 100) * 100 + yy
    if year > base + 20:
        year -= 100
    elif year <= base - 80:
        year += 100
    return year


def nearest_year(month: int, day: int | None, ref: dt.date, weekday: int | None = None) -> int | None:
    """The year that puts month/day closest to `ref` (a date stated without its year).

    Within half a year of the reference: "5. Januar" read in late December is next
    January, "20. Dezember" read in early January is last December. A weekday stated
    with the date picks a year it fits within eight months of the reference; beyond
    that the weekday is more likely wrong than the year far off.
    """
    best: tuple[bool, int, int] | None = None
    for year in (ref.year, ref.year - 1, ref.year + 1):
        if not valid(year, month, day):
            continue
        d = dt.date(year, month, day or 15)
        distance = abs((d - ref).days)
        misfit = weekday is not None and day is not None and (d.weekday() != weekday or distance > 250)
        rank = (misfit, distance, year)
        if best is None or rank < best:
            best = rank
    return best[2] if best else None


def add_months(d: dt.date, months: int) -> dt.date:
    index = d.year * 12 + d.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    return dt.date(year, month, min(d.day, calendar.monthrange(year, month)[1]))


def shift(d: dt.date, unit: str, n: int) -> dt.date:
    """`d` moved by n days, weeks, months or years."""
    if unit == "day":
        return d + dt.timedelta(days=n)
    if unit == "week":
        return d + dt.timedelta(weeks=n)
    if unit == "month":
        return add_months(d, n)
    return add_months(d, 12 * n)


def weekday_in_week(ref: dt.date, weekday: int, weeks: int) -> dt.date:
    """That weekday in the week (Monday to Sunday) `weeks` after the reference's."""
    monday = ref - dt.timedelta(days=ref.weekday())
    return monday + dt.timedelta(weeks=weeks, days=weekday)


def weekday_before(ref: dt.date, weekday: int, include_ref: bool) -> dt.date:
    back = (ref.weekday() - weekday) % 7
    if back == 0 and not include_ref:
        back = 7
    return ref - dt.timedelta(days=back)


def weekday_after(ref: dt.date, weekday: int, include_ref: bool) -> dt.date:
    ahead = (weekday - ref.weekday()) % 7
    if ahead == 0 and not include_ref:
        ahead = 7
    return ref + dt.timedelta(days=ahead)


def day_with_weekday(day: int, weekday: int, ref: dt.date) -> dt.date | None:
    """The date nearest `ref` whose day of the month is `day` and falls on `weekday`
    ("Friday the 22nd")."""
    best: dt.date | None = None
    for months in range(-14, 15):
        first = add_months(ref.replace(day=1), months)
        if not valid(first.year, first.month, day):
            continue
        d = first.replace(day=day)
        if d.weekday() == weekday and (best is None or abs((d - ref).days) < abs((best - ref).days)):
            best = d
    return best


def nth_weekday(year: int, month: int, n: int, weekday: int | None) -> dt.date | None:
    """The n-th (n = -1: the last) weekday of a month; without a weekday, the n-th day."""
    if not valid(year, month):
        return None
    last = calendar.monthrange(year, month)[1]
    if weekday is None:
        day = last if n == -1 else n
        return dt.date(year, month, day) if 1 <= day <= last else None
    if n == -1:
        d = dt.date(year, month, last)
        return d - dt.timedelta(days=(d.weekday() - weekday) % 7)
    first = dt.date(year, month, 1)
    d = first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
    return d if d.month == month else None


def easter(year: int) -> dt.date:
    """Western Easter Sunday (the anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    m = (32 + 2 * e + 2 * i - h - k) % 7
    n = (a + 11 * h + 22 * m) // 451
    month, day = divmod(h + m - 7 * n + 114, 31)
    return dt.date(year, month, day + 1)


def holiday(rule: str, year: int) -> dt.date | None:
    """A holiday's date in `year` from its rule: "12-25", "easter-2", "11/4/3+1"."""
    if rule.startswith("easter"):
        return easter(year) + dt.timedelta(days=int(rule[6:] or 0))
    if "/" in rule:
        month, n, rest = rule.split("/")
        weekday, sign, days = rest[0], rest[1:2], rest[2:]
        d = nth_weekday(year, int(month), int(n), int(weekday))
        return d + dt.timedelta(days=int(sign + days)) if d and sign else d
    month, day = int(rule[:2]), int(rule[3:])
    return dt.date(year, month, day) if valid(year, month, day) else None

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
    """A two-digit year in the century that puts it at most 20 years after the reference."""
    base = ref.year if ref else 2000
    year = (base // 100) * 100 + yy
    if year > base + 20:
        year -= 100
    elif year <= base - 80:
        year += 100
    return year


def nearest_year(month: int, day: int | None, ref: dt.date) -> int | None:
    """The year that puts month/day closest to `ref` (a date stated without its year).

    Within half a year of the reference: "5. Januar" read in late December is next
    January, "20. Dezember" read in early January is last December.
    """
    best: tuple[int, int] | None = None
    for year in (ref.year, ref.year - 1, ref.year + 1):
        if not valid(year, month, day):
            continue
        d = dt.date(year, month, day or 15)
        distance = abs((d - ref).days)
        if best is None or distance < best[0]:
            best = (distance, year)
    return best[1] if best else None


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

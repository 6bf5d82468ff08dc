"""Relative dates, resolved against the published date: heute, am Montag, last Friday,
in drei Wochen, the second Tuesday of March, Ostern nächsten Jahres.
"""

from __future__ import annotations

import datetime as dt
import re

from factlint.checker.normalize.dates.absolute import Hit, day_of, folded, words_ending_at, year_of
from factlint.checker.normalize.dates.calendar import (
    When, add_months, day_with_weekday, holiday, nearest_year, nth_weekday, shift, valid, weekday_after,
    weekday_before, weekday_in_week,
)
from factlint.checker.normalize.dates.grammar import Grammar, fold
from factlint.checker.normalize.dates.scan import Scan


def relative_dates(text: str, g: Grammar, ref: dt.date, scan: Scan) -> list[Hit]:
    hits: list[Hit] = []
    p = scan.found
    for m in p.get("relday", ()):
        word = fold(m.group("rel"))
        blockers = g.rules.not_after.get(word) or g.rules.not_after.get(m.group("rel"))
        if blockers and words_ending_at(text, m.start(), 2) & folded(blockers):
            continue
        offset = g.relative_days.get(word)
        hits.append(Hit(m.start(), m.end(), When.of(ref + dt.timedelta(days=offset))))
    for m in p.get("weekday", ()):
        hits.append(_weekday(text, g, m, ref))
    for m in p.get("weekday_day", ()):
        weekday, day = g.weekdays.get(m.group("weekday")), day_of(m, g)
        d = day_with_weekday(day, weekday, ref) if day else None
        if d:
            hits.append(Hit(m.start(), m.end(), When.of(d), weekday=text[m.start("weekday"):m.end("weekday")],
                            weekday_index=weekday))
    for phrase, m in scan.phrases:
        m = _without_period(m, g)
        when = _phrase_date(phrase, m, g, ref) if m else None
        if when:
            hits.append(Hit(m.start(), m.end(), when, vague=_vague(m, g)))
    return hits


def _vague(m: re.Match, g: Grammar) -> bool:
    """A duration counted without a number ("a few weeks ago", "vor einigen Tagen"): a day
    worked out from it is a guess."""
    duration = m.groupdict().get("duration")
    return bool(duration) and any(" ".join(part.group("n").lower().split()) in g.vague_counts
                                  for part in g.duration_part.finditer(duration))


def _without_period(m: re.Match, g: Grammar) -> re.Match | None:
    """A duration that starts right after a shift word ("the last 3 months and 2 days
    ago") opens with a period, not an offset: the phrase starts at its next part."""
    if "duration" not in m.re.groupindex or m.group("duration") is None or m.start("duration") != m.start():
        return m
    if not g.shift_before.search(m.string[max(0, m.start() - 24):m.start()]):
        return m
    parts = list(g.duration_part.finditer(m.string, m.start("duration"), m.end("duration")))
    return m.re.match(m.string, parts[1].start()) if len(parts) > 1 else None


def _weekday(text: str, g: Grammar, m: re.Match, ref: dt.date) -> Hit:
    """A weekday on its own: with a shift word before it (last Friday, diesen Montag) as
    the rules say; bare, the most recent such day (today included) as news report the
    past, or the next one when its clause speaks of the future (soll, will, is
    expected) or the most recent one lies PAST_DAYS or more back ("am Mittwoch" in a
    Tuesday article is tomorrow)."""
    weekday = g.weekdays.get(m.group("weekday"))
    start = m.start()
    before = g.shift_before.search(text[max(0, start - 24):start])
    if before:
        start -= len(before.group(0))
        word = before.group("shift")
        mode = g.weekday_shifts.get(word) or "week"
        if mode == "before":
            d = weekday_before(ref, weekday, include_ref=False)
        elif mode == "after":
            d = weekday_after(ref, weekday, include_ref=False)
        else:
            d = weekday_in_week(ref, weekday, g.shifts.get(word) or 0)
    else:
        d = _bare_weekday(text, g, weekday, m.start(), m.end(), ref)
    return Hit(start, m.end(), When.of(d))


def _bare_weekday(text: str, g: Grammar, weekday: int, start: int, end: int, ref: dt.date) -> dt.date:
    """A weekday without a shift word: the most recent one (today included), or the next one
    when its clause speaks of the future or the most recent one is PAST_DAYS or more back."""
    if g.future.search(_clause(text, start, end)) or (ref.weekday() - weekday) % 7 >= PAST_DAYS:
        return weekday_after(ref, weekday, include_ref=True)
    return weekday_before(ref, weekday, include_ref=True)


PAST_DAYS = 6

_CLAUSE_END = re.compile(r"[,.;:!?()\n–—]")


def _clause(text: str, start: int, end: int) -> str:
    left = text[max(0, start - 160):start]
    cut = max((mm.end() for mm in _CLAUSE_END.finditer(left)), default=0)
    right = text[end:end + 160]
    stop = _CLAUSE_END.search(right)
    return left[cut:] + " " + right[:stop.start() if stop else len(right)]


def _phrase_date(phrase, m: re.Match, g: Grammar, ref: dt.date) -> When | None:
    groups = m.groupdict()
    k = g.shifts.get(groups["shift"]) if groups.get("shift") else phrase.shift
    unit = g.units.get(groups["unit"]) if groups.get("unit") else None
    year = year_of(m, ref, g) if groups.get("year") or groups.get("syear") else None
    if phrase.means == "offset":
        base: dt.date | None = ref
        if groups.get("rel"):
            base = ref + dt.timedelta(days=g.relative_days.get(groups["rel"]))
        elif groups.get("holiday"):
            rule = g.holidays.get(groups["holiday"])
            candidates = [d for d in (holiday(rule, y) for y in (ref.year - 1, ref.year, ref.year + 1)) if d]
            base = min(candidates, key=lambda d: abs((d - ref).days), default=None)
        elif groups.get("weekday"):  # drei Tage nach Dienstag, two weeks from Monday
            base = _bare_weekday(m.string, g, g.weekdays.get(groups["weekday"]), m.start("weekday"),
                                 m.end("weekday"), ref)
        elif groups.get("month") and (groups.get("day") or groups.get("dayword")):
            month, day = g.months.get(groups["month"]), day_of(m, g)
            y = year or nearest_year(month, day, ref)
            base = dt.date(y, month, day) if y and day and valid(y, month, day) else None
        elif year is not None:  # "two years after 2011": counted from the year's start
            base = dt.date(year, 1, 1) if dt.MINYEAR <= year <= dt.MAXYEAR else None
        return When.of(_moved(base, groups["duration"], phrase.sign, g)) if base else None
    if phrase.means == "holiday":
        rule = g.holidays.get(groups["holiday"])
        if year:
            d = holiday(rule, year)
        elif unit == "year" or not groups.get("shift"):
            d = holiday(rule, ref.year + k)
        elif unit:
            return None
        else:
            d = _holiday_near(rule, ref, k, include_ref=False)
        return When.of(d) if d else None
    if phrase.means == "nth_month":
        n = g.day_words.get(groups["ordinal"])
        y = year or ref.year + k
        return When(y, n) if n and 1 <= n <= 12 else None
    if phrase.means == "nth_weekday":
        if groups.get("month"):
            month = g.months.get(groups["month"])
            y = year or nearest_year(month, None, ref)
        else:
            first = add_months(ref.replace(day=1), k)
            y, month = first.year, first.month
        n = g.day_words.get(groups["ordinal"]) or g.last_words.get(groups["ordinal"]) if groups.get("ordinal") \
            else day_of(m, g)
        weekday = g.weekdays.get(groups["weekday"]) if groups.get("weekday") else None
        d = nth_weekday(y, month, n, weekday) if y and n else None
        return When.of(d) if d else None
    if phrase.means == "weekday_of_week":
        if unit != "week":
            return None
        return When.of(weekday_in_week(ref, g.weekdays.get(groups["weekday"]), k))
    if phrase.means == "shifted_unit":
        if fold(groups["unit"]) in folded(g.rules.period_words):
            return None  # "die vergangenen Tage": a period
        if unit == "year":
            return When(ref.year + k)
        if unit == "month":
            d = add_months(ref, k)
            return When(d.year, d.month)
        if unit == "day":
            return When.of(ref + dt.timedelta(days=k))
        return None  # a week is not a date the contract can state
    if phrase.means in ("shifted_month", "month_of_shifted_year"):
        return When(ref.year + k, g.months.get(groups["month"]))
    if phrase.means == "day_of_shifted_month":
        first = add_months(ref.replace(day=1), k)
        day = day_of(m, g)
        return When(first.year, first.month, day) if day and valid(first.year, first.month, day) else None
    return None


def _holiday_near(rule: str, ref: dt.date, direction: int, include_ref: bool) -> dt.date | None:
    """The holiday's nearest date before (direction < 0) or after the reference."""
    for year in ((ref.year, ref.year + 1) if direction > 0 else (ref.year, ref.year - 1)):
        d = holiday(rule, year)
        if d and (d == ref and include_ref or (d > ref if direction > 0 else d < ref)):
            return d
    return None


def _moved(base: dt.date, duration: str, sign: int, g: Grammar) -> dt.date:
    """`base` moved by a duration such as "1 month, 21 days", largest units first."""
    parts = []
    for part in g.duration_part.finditer(duration):
        n = part.group("n")
        count = int(n) if n.isdigit() else g.counts.get(n)
        times, _, unit = g.units.get(part.group("unit")).rpartition(" ")
        parts.append((unit, count * int(times or 1)))
    order = {"year": 0, "month": 1, "week": 2, "day": 3}
    for unit, count in sorted(parts, key=lambda p: order[p[0]]):
        base = shift(base, unit, sign * count)
    return base


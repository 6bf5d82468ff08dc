"""The date finder: absolute and relative dates, years settled, overlaps resolved, as claims."""

from __future__ import annotations

import bisect
import datetime as dt

from factlint.checker.model import Claim
from factlint.checker.normalize.dates.absolute import Hit, absolute_dates
from factlint.checker.normalize.dates.calendar import When, nearest_year
from factlint.checker.normalize.dates.grammar import grammar_for
from factlint.checker.normalize.dates.relative import relative_dates
from factlint.checker.normalize.dates.scan import scan_text
from factlint.rules.schema import LanguagePack


# A reference this close to the calendar's ends (year 1, 9999) resolves nothing against itself:
# "am Sonntag", "nächstes Jahr" would fall outside the dates Python can hold.
CALENDAR_MARGIN = dt.timedelta(days=3 * 366)


def find_dates(text: str, pack: LanguagePack, published: dt.date | None) -> list[Claim]:
    """The date claims of `text`, in text order, none overlapping another."""
    if published is not None and not dt.date.min + CALENDAR_MARGIN <= published <= dt.date.max - CALENDAR_MARGIN:
        published = None
    g = grammar_for(pack)
    scan = scan_text(text, g, relative=published is not None)
    hits = absolute_dates(text, g, published, scan)
    if published is not None:
        hits += relative_dates(text, g, published, scan)
    ref = published or _anchor(hits)
    for h in hits:
        if h.when is None and h.month is not None and ref is not None:
            year = nearest_year(h.month, h.day, ref, h.weekday_index)
            h.when = When(year, h.month, h.day) if year else None
    claims = []
    for h in _longest_first(hits):
        if h.when is None and h.month is None:
            continue
        claim = Claim.made(start=h.start, end=h.end, surface=text[h.start:h.end], kind="date",
                           date=h.when.iso() if h.when else None)  # (values of the right types: not validated)
        if h.vague:
            claim.approximate = True  # "a few weeks ago": a day, but no one can check it
        if h.when is None and h.day is not None:  # no year to be had: month and day as ISO 8601 writes them
            claim.month_day = f"--{h.month:02d}-{h.day:02d}"
        if h.weekday is not None:
            claim.weekday = h.weekday
            d = h.when.as_date() if h.when else None
            claim.weekday_mismatch = d is not None and d.weekday() != h.weekday_index
        claims.append(claim)
    return claims


def _anchor(hits: list[Hit]) -> dt.date | None:
    """A stand-in reference for dates without a year when the published date is unknown:
    the middle of the article's own full dates; else the one year its month dates name
    (Januar 2025). A bare year is no anchor: "Haushalt 2027" is often written in 2026."""
    full = sorted(h.when.as_date() for h in hits if h.explicit and h.when and h.when.day)
    if full:
        return full[len(full) // 2]
    years = {h.when.year for h in hits if h.explicit and h.when}
    return dt.date(years.pop(), 7, 2) if len(years) == 1 else None



def _longest_first(hits: list[Hit]) -> list[Hit]:
    """Non-overlapping hits, the longest kept where they overlap; a weekday already
    read beside a date ("Montag (2. Februar)") is not claimed again on its own."""
    consumed = {h.consumed for h in hits if h.consumed}
    taken: list[Hit] = []
    occupied: list[tuple[int, int]] = []  # sorted, disjoint
    for h in sorted(hits, key=lambda h: (h.start - h.end, h.start)):
        i = bisect.bisect_left(occupied, (h.start, h.start))
        if (i < len(occupied) and occupied[i][0] < h.end) or (i > 0 and occupied[i - 1][1] > h.start):
            continue
        if h.weekday is None and any(s <= h.start and h.end <= e for s, e in consumed):
            continue
        occupied.insert(i, (h.start, h.end))
        taken.append(h)
    return sorted(taken, key=lambda h: h.start)


"""A date written with a weekday it does not fall on ("Mittwoch, 29. Oktober" where 29 October
is a Thursday) is wrong in one of its two parts. Another article of the story that states the
day the weekday names (28 October, "am Mittwochabend") most likely means the same day: the two
are linked, so their difference is reported as a conflict (issue 8: a weekday in one article
that contradicts the date in another)."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import Callable

from factlint.checker.align.gates import block_key
from factlint.checker.align.link import THRESHOLD, Figure, Link
from factlint.checker.model import Claim

WINDOW = 3  # days either side of the written date: the one day within them that has the written weekday


def misdated_links(claims: list[Claim], links: list[Link], weekdays: Callable[[str], dict[str, int]],
                   story_of: dict[str, int]) -> list[Link]:
    """Links from each misdated date to the dates of other articles that fall on its weekday
    near it, unless the aligner linked it to such a date already. `weekdays` gives a document's weekday
    names (lower case → 0 for Monday … 6)."""
    misdated = [c for c in claims if c.kind == "date" and c.weekday_mismatch and c.weekday and c.date and len(c.date) == 10]
    if not misdated:
        return []
    partners: dict[str, set[str | None]] = defaultdict(set)  # claim id -> the dates of the figures it is linked to
    for link in links:
        for x, y in ((link.a, link.b), (link.b, link.a)):
            for c in x.claims:
                partners[c.id].update(o.date for o in y.claims)
    days: dict[tuple[int, str], list[Claim]] = defaultdict(list)
    for c in claims:
        if c.kind == "date" and c.date and len(c.date) == 10 and block_key(c) is not None:
            days[(story_of.get(c.document, 0), c.date)].append(c)
    out = []
    for c in misdated:
        story = story_of.get(c.document, 0)
        key = block_key(c, story)
        weekday = weekdays(c.document).get(c.weekday.lower().rstrip("., "))
        if key is None or weekday is None:
            continue
        written = dt.date.fromisoformat(c.date)
        meant = next(d for k in range(-WINDOW, WINDOW + 1) if (d := written + dt.timedelta(days=k)).weekday() == weekday)
        if meant.isoformat() in partners[c.id]:
            continue  # the aligner found the day it names already: that finding tells it
        seen: set[str] = set()
        for other in days.get((story, meant.isoformat()), ()):
            if other.document == c.document or other.document in seen:
                continue
            seen.add(other.document)
            out.append(Link(Figure([c]), Figure([other]), THRESHOLD, key))
    return out

"""The hard distinctions: what two claims must share before their words are compared at all.

Claims are blocked by story, kind, unit class (currency, %, pp, physical dimension, date
precision), subject (a rival's figure is the rival's) and the qualifiers that make a figure
another fact (prior, plan, next, world…). Years, regions, periods, variants, denominators,
a score's other part, a person's sex, change vs level and a rate per period vs a running
total are compared pairwise (`compatible`): a tag on one side only does not separate.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from factlint.checker.model import Claim
from factlint.checker.values import unit_class

LOWER_WORD = re.compile(r"(?<![^\W\d_])[a-zäöüß][^\W\d_]*")  # a word that starts in lower case: not a name, not a German noun
# Tags compared pairwise (compatible) or read as evidence (running, dated), not blocked on.
SOFT_TAGS = ("said", "new", "who:", "with:", "sex:", "year:", "region:", "period:", "variant:", "per:", "delta", "level", "running", "total", "dated", "today", "issued")


def block_key(c: Claim, story: int = 0) -> tuple | None:
    """The block a claim is aligned in, or None when it states no comparable figure."""
    if "fragment" in c.qualifiers:
        return None  # a piece of a larger figure
    if c.kind == "date":
        if not c.date or len(c.date) not in (4, 7, 10) or "issued" in c.qualifiers or stamp(c):
            return None  # the date a text was issued or updated, no event
        if c.approximate or "said" in c.qualifiers or "since" in c.qualifiers and len(c.date) == 4:
            return None  # "a few weeks ago": no day to hold another against; "the worst since 2008": a baseline
        # "gesperrt seit Freitag", "closed since 12 September": the day a state began, an event
        # of the story, compared with other such days only (its tag stays in the key)
        cls = {4: "year", 7: "month", 10: "day"}[len(c.date)]  # dates compare at the precision they share
    elif c.kind == "money":  # amounts in different currencies are compared at the reference rate
        if c.value is None or not c.unit:
            return None
        cls = "money"
    else:
        if c.value is None:
            return None
        cls = unit_class(c)
        if cls is None:
            return None
    strong = tuple(sorted(q for q in c.qualifiers if not q.startswith(SOFT_TAGS)))
    return (story, c.kind, cls, c.subject or "", strong)


def stamp(c: Claim) -> bool:
    """A date standing alone on its line (a byline, "February 29, 2012 3:24 PM PST"): when the
    page was written, not when something happened. Its profile has no words, only figures, and
    its line no word in lower case beside it (a time zone, "PM", "GMT", is no event)."""
    if c.kind != "date":
        return False
    if not any(f[0] not in "=#" for f in c.about):
        return True
    return not LOWER_WORD.search((c.sentence or "").replace(c.surface, " "))


def is_derived(c: Claim, by_id: dict[str, Claim]) -> bool:
    """A converted amount, or the upper end of a range: compared through its partner."""
    for r in c.relations:
        other = by_id.get(r.other)
        if other is not None and other.document == c.document and other.start < c.start and r.type in ("conversion", "range"):
            return True
    return False


def compatible(a: Claim, b: Claim) -> bool:
    """Stated years must match, and so must stated regions and periods (Q3, first half), and a
    change ("um 5 %") never meets a level ("auf 460 %"). A year on one side only is fine
    unless it lies before the other's last year (2023's fee is not this year's); a region on
    one side only is fine."""
    return tags_compatible(Tags.of(a), Tags.of(b))


FAMILIES = ("who:", "region:", "period:", "variant:", "per:", "with:", "sex:")
MARKS = frozenset({"delta", "level"})


@dataclass(frozen=True, slots=True)
class Tags:
    """What `compatible` compares of a claim, read from its qualifiers once (the aligner asks
    about each claim against many others)."""

    families: tuple[frozenset[str], ...]  # the tags of each of FAMILIES, without the prefix
    marks: frozenset[str]  # "delta" (a change), "level" (what it came to)
    years: frozenset[str]
    ref: str  # the year of its as-of date ("" when unknown)
    rate: bool = False  # per a period ("40.000 Sandsäcke am Tag", "$25m a day")
    total: bool = False  # a running total ("bislang 130.000", "so far", "insgesamt") that is no rate

    @classmethod
    def of(cls, c: Claim) -> "Tags":
        ref = (c.as_of or "")[:4]
        ref = ref if ref.isdigit() else ""
        if not c.qualifiers:
            return cls(NO_FAMILIES, EMPTY, EMPTY, ref)
        found: dict[str, set[str]] = {}
        for q in c.qualifiers:
            family, colon, tag = q.partition(":")
            if colon:
                found.setdefault(family + colon, set()).add(tag)
        rate = any("@" not in d for d in found.get("per:", ()))  # a period has one name in every language; a noun has its language
        return cls(tuple(frozenset(found.get(family, ())) for family in FAMILIES), MARKS & frozenset(c.qualifiers),
                   frozenset(found.get("year:", ())), ref, rate,
                   not rate and ("running" in c.qualifiers or "total" in c.qualifiers))


EMPTY: frozenset[str] = frozenset()
NO_FAMILIES = (EMPTY,) * len(FAMILIES)


def tags_compatible(a: Tags, b: Tags) -> bool:
    """`compatible` of two claims' Tags."""
    for family, ta, tb in zip(FAMILIES, a.families, b.families):
        if family == "per:" and not _denominators_differ(ta, tb):
            continue
        if ta and tb and not ta & tb:
            return False
    if a.marks | b.marks == MARKS and a.marks != b.marks:
        return False  # "um 4,5 Prozent" (a change) is not "auf 460 Prozent" (a level)
    if a.rate and b.total or a.total and b.rate:
        return False  # 40.000 sandbags a day is not the 130.000 filled so far
    ya, yb = a.years, b.years
    if ya and yb:
        return bool(ya & yb)
    lone, other = (ya, b) if ya else (yb, a)
    if not lone or len(lone) > 1:
        return True  # a period of several years ("between 2021 and 2024") is a total, of no one year
    if not other.ref:
        return True  # the other's date is unknown: nothing to tell them apart
    return any(int(y) >= int(other.ref) - 1 for y in lone)


def _denominators_differ(ta: set[str], tb: set[str]) -> bool:
    """Two rates are per different things: no denominator shared, and two that can be told
    apart (periods have one name in every language; "je Stammaktie" and "per common share"
    are nouns of two languages, which cannot)."""
    if not ta or not tb or ta & tb:
        return False

    def lang(tag: str) -> str:
        return tag.partition("@")[2]  # "" for a period

    return any(not (lang(x) and lang(y) and lang(x) != lang(y)) for x in ta for y in tb)


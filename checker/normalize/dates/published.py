"""An article's own date, and years for the dates of a collection that states none."""

from __future__ import annotations

import datetime as dt
import re

from factlint.checker.model import Claim, Document
from factlint.checker.normalize.dates.absolute import absolute_dates
from factlint.checker.normalize.dates.find import find_dates
from factlint.checker.normalize.dates.grammar import Grammar, grammar_for
from factlint.checker.normalize.dates.scan import scan_text
from factlint.rules.schema import LanguagePack


def infer_published(doc: Document, pack: LanguagePack) -> dt.date | None:
    """The date an article gives itself near its top, or None when it does not say.

    Read, in this order: a line that starts with a published cue ("Stand:",
    "Published", "Aktualisiert") within the first twelve lines; else a full date (day,
    month and year) in the first two non-empty lines (title and dateline or lead).
    """
    g = grammar_for(pack)
    text = doc.scan or doc.text
    lines = [m.group() for m in re.finditer(r"[^\n]*\S[^\n]*", text[:4000])][:12]
    cued = [line for line in lines if g.published_line.search(line)]
    for line in cued + lines[:2]:
        full = _first_full_date(line, g)
        if full:
            return full
    return None


def _first_full_date(line: str, g: Grammar) -> dt.date | None:
    found = absolute_dates(line, g, None, scan_text(line, g, relative=False))
    hits = sorted((h for h in found if h.explicit and h.when and h.when.day), key=lambda h: h.start)
    return hits[0].when.as_date() if hits else None



def date_unknown_published(doc: Document, pack: LanguagePack) -> None:
    """Give `doc` the date its text states for itself when nothing else gave one
    (`published_from = "text"`); leave it unknown when the text does not say."""
    if doc.published is None:
        inferred = infer_published(doc, pack)
        if inferred is not None:
            doc.published, doc.published_from = inferred, "text"


def settle_years(docs: list[Document], claims: list[list[Claim]], packs: list[LanguagePack]) -> None:
    """Give a year to the dates left without one (an undated article that never states
    its year) from the collection the article came in: articles checked together tell
    one story, so the middle of their published dates (else of their full dates) is
    the best reference there is. When those dates span more than a year (an archive,
    not a story), or there are none, the dates stay unknown."""
    known = sorted(d.published for d in docs if d.published)
    if not known:
        known = sorted(dt.date.fromisoformat(c.date) for per_doc in claims for c in per_doc
                       if c.kind == "date" and c.date and len(c.date) == 10)
    if not known or (known[-1] - known[0]).days > 366:  # an archive of many stories: no one year
        return
    story = known[len(known) // 2]
    for doc, per_doc, pack in zip(docs, claims, packs):
        if doc.published is not None:
            continue
        for c in per_doc:
            if c.kind == "date" and c.date is None:
                again = find_dates(c.surface, pack, story)
                if again:
                    c.date, c.weekday_mismatch = again[0].date, again[0].weekday_mismatch
                    c.month_day = None if c.date else c.month_day

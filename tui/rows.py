"""A Report seen as the rows of the findings list: filter, sort and search without widgets.

Everything a row shows is computed once when the report arrives; filtering and sorting
then only produce a list of row indices, so 10 000 findings filter in milliseconds and the
list widget renders just the rows on screen.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field, replace
from typing import Literal

from factlint.checker.model import Claim, Document, Finding, Report
from factlint.checker.render import story as story_of
from factlint.checker.values import point

from factlint.tui.text import one_line

StatusFilter = Literal["open", "confirmed", "dismissed"] | None
SortKey = Literal["order", "story", "kind", "status", "measure", "values", "sources"]

SORT_KEYS: tuple[SortKey, ...] = ("story", "kind", "status", "measure", "values", "sources", "order")
DESCENDING: frozenset[str] = frozenset({"sources"})  # keys whose natural order is largest first
STATUS_CYCLE: tuple[StatusFilter, ...] = ("open", "confirmed", "dismissed", None)
KIND_RANK = {"conflict": 0, "inconsistency": 1, "drift": 2, "agreement": 3}
STATUS_RANK = {"open": 0, "confirmed": 1, "dismissed": 2}


@dataclass(frozen=True)
class Filters:
    """What the findings list shows: None means "any"."""

    status: StatusFilter = "open"
    kind: str | None = None
    document: str | None = None
    query: str = ""
    agreements: bool = False  # agreements are not open findings: shown only when asked for

    def describe(self) -> str:
        parts = [self.status or "any status", self.kind or "any kind"]
        if self.agreements and self.kind is None:
            parts.append("with agreements")
        if self.document:
            parts.append(f"in {self.document}")
        if self.query:
            parts.append(f"“{self.query}”")
        return " · ".join(parts)


@dataclass
class Row:
    index: int
    finding: Finding
    story: str
    measure: str
    values: str
    documents: tuple[str, ...]
    outlets: str
    number: float  # the smallest value of the finding's claims, for sorting by value
    search: str = field(repr=False)

    @property
    def sources(self) -> int:
        return len(self.documents)


class FindingIndex:
    """The report's findings, claims and documents, cross-referenced for the UI."""

    def __init__(self, report: Report):
        self.report = report
        self.claims: dict[str, Claim] = {c.id: c for c in report.claims}
        self.documents: dict[str, Document] = {d.path: d for d in report.documents}
        self.rows: list[Row] = [self._row(i, f) for i, f in enumerate(report.findings)]
        self.by_id: dict[str, Row] = {r.finding.id: r for r in self.rows}
        self.by_document: dict[str, list[Row]] = defaultdict(list)
        for r in self.rows:
            for d in r.documents:
                self.by_document[d].append(r)
        self.claims_by_document: dict[str, list[Claim]] = defaultdict(list)
        for c in report.claims:
            self.claims_by_document[c.document].append(c)
        for claims in self.claims_by_document.values():
            claims.sort(key=lambda c: c.start)

    def _row(self, i: int, f: Finding) -> Row:
        claims = [self.claims[c] for c in f.claims if c in self.claims]
        docs = tuple(dict.fromkeys(c.document for c in claims))
        story = story_of(f, self.claims, self.documents)
        measure = f.measure or next((c.measure for c in claims if c.measure), None) or "—"
        values = " ↔ ".join(dict.fromkeys(one_line(c.surface) for c in claims)) or "—"
        outlets = ", ".join(dict.fromkeys(_outlet(self.documents.get(d), d) for d in docs)) or "—"
        numbers = [p for p in (point(c) for c in claims) if p is not None]
        number = min(numbers) if numbers else float("inf")
        search = " ".join([f.id, f.kind, f.code, f.name, story, f.subject or "", measure, values, outlets,
                           f.message, f.note or "", *docs])
        return Row(i, f, one_line(story), one_line(measure), values, docs, one_line(outlets), number,
                   search.casefold())

    def claims_of(self, finding: Finding) -> list[Claim]:
        return [self.claims[c] for c in finding.claims if c in self.claims]

    def counts(self) -> dict[str, int]:
        """Findings per status; "open" counts discrepancies only (what fails the check)."""
        out = {"open": 0, "confirmed": 0, "dismissed": 0}
        for r in self.rows:
            f = r.finding
            if f.status != "open" or f.kind != "agreement":
                out[f.status] += 1
        return out

    def open_count(self) -> int:
        return self.counts()["open"]

    def kinds(self) -> list[str]:
        return sorted({r.finding.kind for r in self.rows}, key=lambda k: KIND_RANK.get(k, 9))

    def view(self, filters: Filters, sort: SortKey = "order", reverse: bool = False) -> list[int]:
        """Indices of the rows that pass `filters`, in sort order."""
        words = filters.query.casefold().split()
        rows = self.rows
        if filters.document is not None:
            rows = self.by_document.get(filters.document, [])
        agreements = filters.agreements or filters.kind == "agreement"
        picked = [
            r for r in rows
            if (agreements if r.finding.kind == "agreement" else
                filters.status is None or r.finding.status == filters.status)
            and (filters.kind is None or r.finding.kind == filters.kind)
            and all(w in r.search for w in words)
        ]
        if sort != "order":
            picked.sort(key=_SORTERS[sort])
        elif filters.document is not None:
            picked.sort(key=lambda r: r.index)
        if reverse:
            picked.reverse()
        return [r.index for r in picked]


def _outlet(doc: Document | None, path: str) -> str:
    """The outlet of an article (its `source`), else its file name."""
    if doc is not None and doc.source:
        return doc.source
    return path.rsplit("/", 1)[-1]


_SORTERS = {
    "story": lambda r: (r.story.casefold(), KIND_RANK.get(r.finding.kind, 9), r.index),
    "kind": lambda r: (KIND_RANK.get(r.finding.kind, 9), r.index),
    "status": lambda r: (STATUS_RANK[r.finding.status], r.index),
    "measure": lambda r: (r.measure.casefold(), r.index),
    "values": lambda r: (r.number, r.index),
    "sources": lambda r: (-r.sources, r.index),
}


def arrow(key: str, reverse: bool) -> str:
    """▲ when the list runs from small to large (A to Z, early to late), ▼ when largest first."""
    return "▼" if (key in DESCENDING) != reverse else "▲"


def next_in_cycle(options: tuple, current):
    return options[(options.index(current) + 1) % len(options)] if current in options else options[0]


def with_filter(filters: Filters, **changes) -> Filters:
    return replace(filters, **changes)

"""Match a factlint report against a story's `expected.json`, the way the evaluation scorer does.

An expectation names facts by anchors: a document (path relative to the story folder,
`/` separators) and the quantity expression as it stands in the file, with an optional
1-based `occurrence` among repeats. An anchor's span is that occurrence of the quote in
the file read as UTF-8 with any byte-order mark removed and newlines unchanged (front
matter included): the same offsets as a claim's `start`/`end`.

A finding *covers* an anchor when one of its claims sits in the anchor's document and
its `[start, end)` overlaps the anchor's span. A discrepancy is *found* when one finding
of kind conflict or drift covers all its anchors; a trap is *violated* when one such
finding covers both of its anchors.

Used by tests/corpus (the bundled sample corpus) and by scenario corpora under
tests/fixtures that carry an `expected.json` of the same shape.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from factlint.checker.model import Finding, Report

DISCREPANCY_KINDS = ("conflict", "drift")
FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n.*?^---[ \t]*(?:\r?\n|\Z)", re.S | re.M)


class Anchor(BaseModel):
    model_config = ConfigDict(extra="forbid")

    doc: str = Field(min_length=1)
    quote: str = Field(min_length=1)
    occurrence: int = Field(default=1, ge=1)


class Discrepancy(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str
    kind: Literal["conflict", "drift"]
    anchors: list[Anchor] = Field(min_length=2)
    note: str = ""


class Trap(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str
    anchors: list[Anchor] = Field(min_length=2, max_length=2)
    why: str = Field(min_length=1)


class Agreement(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str
    anchors: list[Anchor] = Field(min_length=2)
    note: str = ""


class Expected(BaseModel):
    """The contents of one `expected.json`."""

    model_config = ConfigDict(extra="forbid")

    case: str = Field(min_length=1)
    description: str = Field(min_length=1)
    discrepancies: list[Discrepancy] = Field(default_factory=list)
    traps: list[Trap] = Field(default_factory=list)
    agreements: list[Agreement] = Field(default_factory=list)


def load_expected(path: Path) -> Expected:
    """Read and validate an expected.json; a problem is one line naming the file and the key."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise ValueError(f"{path}: not JSON: {exc}") from None
    try:
        return Expected.model_validate(data)
    except ValidationError as exc:
        err = exc.errors()[0]
        key = ".".join(str(p) for p in err["loc"]) or "(top level)"
        raise ValueError(f"{path}: {key}: {err['msg']}") from None


def read_text(path: Path) -> str:
    """A file as factlint reads it: UTF-8, byte-order mark removed, newlines unchanged."""
    text = path.read_bytes().decode("utf-8")
    return text[1:] if text.startswith("\ufeff") else text


@dataclass(frozen=True)
class Span:
    doc: str
    start: int
    end: int


@dataclass
class Story:
    """A folder of articles and its expectations, with every anchor resolved to a span."""

    root: Path
    expected: Expected
    texts: dict[str, str] = field(default_factory=dict)

    @classmethod
    def load(cls, root: Path, expected_name: str = "expected.json") -> "Story":
        return cls(root=root, expected=load_expected(root / expected_name))

    def text(self, doc: str) -> str:
        if doc not in self.texts:
            self.texts[doc] = read_text(self.root / doc)
        return self.texts[doc]

    def span(self, anchor: Anchor) -> Span:
        """The anchor's span; LookupError when the document or the occurrence is missing."""
        path = self.root / anchor.doc
        if not path.is_file():
            raise LookupError(f"{anchor.doc}: no such article")
        text = self.text(anchor.doc)
        start = -1
        for _ in range(anchor.occurrence):
            start = text.find(anchor.quote, start + 1)
            if start < 0:
                raise LookupError(f"{anchor.doc}: {anchor.quote!r} occurrence {anchor.occurrence} not found")
        return Span(anchor.doc, start, start + len(anchor.quote))

    def anchor_problems(self) -> list[str]:
        """Everything wrong with the anchors: unresolved, inside a longer number, in front matter."""
        problems: list[str] = []
        sections = [("discrepancies", self.expected.discrepancies), ("traps", self.expected.traps),
                    ("agreements", self.expected.agreements)]
        seen_ids: set[str] = set()
        for section, items in sections:
            for item in items:
                if item.id in seen_ids:
                    problems.append(f"{section} {item.id}: duplicate id")
                seen_ids.add(item.id)
                for anchor in item.anchors:
                    where = f"{section} {item.id} {anchor.doc} {anchor.quote!r}"
                    try:
                        span = self.span(anchor)
                    except LookupError as exc:
                        problems.append(f"{where}: {exc}")
                        continue
                    text = self.text(anchor.doc)
                    if inside_longer_number(text, span.start, span.end):
                        problems.append(f"{where}: matches inside a longer number")
                    fm = FRONT_MATTER.match(text) if anchor.doc.endswith(".md") else None
                    if fm and span.start < fm.end():
                        problems.append(f"{where}: points into the front matter (use occurrence)")
                if section == "discrepancies" and len({a.doc for a in item.anchors}) < 2:
                    problems.append(f"{section} {item.id}: anchors must name at least two documents")
        return problems


def inside_longer_number(text: str, start: int, end: int) -> bool:
    """True when text[start:end] begins or ends in the middle of a number (12 in 112, 1.5 in 1.500)."""
    def digit(i: int) -> bool:
        return 0 <= i < len(text) and text[i].isdigit()

    if text[start].isdigit() and (digit(start - 1) or (start >= 1 and text[start - 1] in ".,'" and digit(start - 2))):
        return True
    if text[end - 1].isdigit() and (digit(end) or (end < len(text) and text[end] in ".,'" and digit(end + 1))):
        return True
    return False


@dataclass
class Matching:
    """A report held against a story's expectations."""

    story: Story
    report: Report

    def __post_init__(self) -> None:
        self.claims = {c.id: c for c in self.report.claims}

    def discrepancy_findings(self) -> list[Finding]:
        return [f for f in self.report.findings if f.kind in DISCREPANCY_KINDS]

    def covers(self, finding: Finding, span: Span) -> bool:
        for claim_id in finding.claims:
            c = self.claims.get(claim_id)
            if c is not None and c.document == span.doc and c.start < span.end and span.start < c.end:
                return True
        return False

    def covering(self, anchors: list[Anchor]) -> list[Finding]:
        """Conflict/drift findings that cover every one of `anchors`."""
        spans = [self.story.span(a) for a in anchors]
        return [f for f in self.discrepancy_findings() if all(self.covers(f, s) for s in spans)]

    def discrepancy(self, gid: str) -> Discrepancy:
        return next(d for d in self.story.expected.discrepancies if d.id == gid)

    def trap(self, tid: str) -> Trap:
        return next(t for t in self.story.expected.traps if t.id == tid)

    def unexpected(self) -> list[Finding]:
        """Conflict/drift findings that match no expected discrepancy (the scorer's false positives)."""
        expected_spans = [[self.story.span(a) for a in d.anchors] for d in self.story.expected.discrepancies]
        return [f for f in self.discrepancy_findings()
                if not any(all(self.covers(f, s) for s in spans) for spans in expected_spans)]

    def describe(self, finding: Finding) -> str:
        """One line for a failure message: kind, and each claim as doc:line 'surface'."""
        parts = []
        for claim_id in finding.claims:
            c = self.claims.get(claim_id)
            parts.append(f"{c.document}:{c.line} {c.surface!r}" if c else f"<unknown claim {claim_id}>")
        return f"{finding.kind} [{', '.join(parts)}]"

    # The assertions both the bundled corpus and the scenario fixtures make.

    def assert_reported(self, gid: str) -> None:
        """The expected discrepancy `gid` is covered by a conflict/drift finding of its kind."""
        expected = self.discrepancy(gid)
        found = self.covering(expected.anchors)
        quotes = [f"{a.doc} {a.quote!r}" for a in expected.anchors]
        assert found, f"no conflict/drift finding covers {quotes}"
        assert any(f.kind == expected.kind for f in found), (
            f"covered, but as {sorted({f.kind for f in found})}, expected {expected.kind}: {quotes}")

    def assert_trap_avoided(self, tid: str) -> None:
        trap = self.trap(tid)
        violating = self.covering(trap.anchors)
        assert violating == [], f"{trap.why} Yet reported: {[self.describe(f) for f in violating]}"

    def assert_nothing_unexpected(self) -> None:
        assert [self.describe(f) for f in self.unexpected()] == []

"""One document through the stages that need nothing else: ingest → extract → ids → context."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from factlint.checker.errors import FactlintError, internal_error
from factlint.checker.model import Claim, Document
from factlint.rules.loader import RuleError, RuleSet


@dataclass
class Prepared:
    """What the per-document stages made of one file.

    `annotated` is False for an undated article with a date whose year only the collection can
    settle (normalize.dates.settle_years): its ids and context wait for that (`finish`)."""

    rel: str
    doc: Document | None = None
    claims: list[Claim] = field(default_factory=list)
    warnings: list[FactlintError] = field(default_factory=list)
    read_error: FactlintError | None = None  # the file could not be read: no document
    extract_error: FactlintError | None = None  # a bug met extracting it: a document without claims
    annotated: bool = False
    names: list[str] | None = None  # the names that tie it to its story (align/stories.py: doc_names)...
    names_key: str | None = None  # ...and their digest (a cached document's names are not kept: only this)


def prepare(path: Path, rel: str, rules: RuleSet, jobs: int = 1) -> Prepared:
    """Read, extract and annotate one file (a huge one on up to `jobs` processes). A broken rule
    file raises (it stops the run once)."""
    out = prepare_read(path, rel, rules)
    if out.doc is None:
        return out
    return prepare_document(out.doc, rules, out, jobs)


def prepare_read(path: Path, rel: str, rules: RuleSet) -> Prepared:
    """Only read the file: its document, or the error met reading it."""
    from factlint.checker.ingest import read_document

    out = Prepared(rel)
    try:
        out.doc = read_document(path, rel, rules, out.warnings)
    except RuleError:
        raise
    except FactlintError as exc:
        out.read_error = exc
    except Exception as exc:  # a bug on this file: report it, read the others
        out.read_error = internal_error(exc, rel)
    return out


def prepare_document(doc: Document, rules: RuleSet, out: Prepared | None = None, jobs: int = 1) -> Prepared:
    """Extract and annotate a document read already (a huge one in pieces, checker/engine/pieces.py)."""
    from factlint.checker import pipeline  # its `extract` is the one tests replace
    from factlint.checker.engine.pieces import HUGE

    from factlint.checker.align.stories import doc_names, names_digest

    out = out or Prepared(doc.path, doc)
    out.names = doc_names(doc)
    out.names_key = names_digest(out.names)
    if len((doc.scan or doc.text)) > HUGE and prepare_huge(doc, rules, out, jobs):
        return out
    errors: list[FactlintError] = []
    out.claims = pipeline.extract_one(doc, rules.pack(doc.lang), errors)
    out.extract_error = errors[0] if errors else None
    if not waits_for_years(doc, out.claims):
        annotate_or_drop(out, rules)
    return out


def prepare_huge(doc: Document, rules: RuleSet, out: Prepared, jobs: int) -> bool:
    """`prepare_document` of a huge document, in pieces; False (nothing done) for an undated one,
    whose context may wait for the collection's years."""
    from factlint.checker.engine.pieces import prepare_pieces
    from factlint.checker.normalize.dates import date_unknown_published

    try:
        date_unknown_published(doc, rules.pack(doc.lang))
        if doc.published is None:
            return False
        out.claims = prepare_pieces(doc, rules, jobs)
    except RuleError:
        raise
    except Exception as exc:  # a bug in one piece: this file's error, without claims
        out.claims = []
        out.extract_error = internal_error(exc, out.rel)
    out.annotated = True
    return True


def waits_for_years(doc: Document, claims: list[Claim]) -> bool:
    """An undated article with a date left without its year: the collection may settle it."""
    return doc.published is None and any(c.kind == "date" and c.date is None for c in claims)


def annotate_claims(doc: Document, claims: list[Claim], rules: RuleSet) -> None:
    """Ids and context of one document's claims (both look at that document only)."""
    from factlint.checker.context import annotate
    from factlint.checker.fingerprint import assign_claim_ids

    assign_claim_ids(claims)
    annotate([doc], claims, rules)


def annotate_or_drop(p: Prepared, rules: RuleSet) -> None:
    """`annotate_claims` of a prepared document; a bug met there is that file's error and its
    claims are dropped (as after a bug in extraction), so the other files go on."""
    try:
        annotate_claims(p.doc, p.claims, rules)
    except Exception as exc:
        p.claims = []
        p.extract_error = p.extract_error or internal_error(exc, p.rel)
    p.annotated = True

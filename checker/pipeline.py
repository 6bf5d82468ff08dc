"""The pipeline end to end: ingest → extract → context → align → compare → report."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from checker.extract import extract
from checker.ingest import ingest
from checker.model import Claim, Document, FileError, Report
from rules.loader import load_pack


@dataclass
class Options:
    rules_dirs: tuple[str, ...] = ()
    decisions: Path | None = None


def extract_documents(docs: list[Document], options: Options = Options()) -> list[list[Claim]]:
    """The claims of each document, in document order."""
    return [extract(doc, load_pack(doc.lang, options.rules_dirs)) for doc in docs]


def check(paths: list[str | Path], options: Options = Options()) -> Report:
    ingested = ingest(paths)
    docs = ingested.documents
    claims = [c for per_doc in extract_documents(docs, options) for c in per_doc]
    for i, c in enumerate(claims):
        c.id = f"c{i}"
    report = Report(
        root=str(paths[0]) if len(paths) == 1 else None,
        documents=docs,
        claims=claims,
        errors=[FileError(path=e.path or "", message=str(e)) for e in ingested.errors],
    )
    return report

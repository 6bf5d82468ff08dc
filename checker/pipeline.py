"""The pipeline end to end: ingest → extract → context → align → compare → report."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable
from pathlib import Path

from factlint.checker.errors import FactlintError, internal_error
from factlint.checker.extract import extract
from factlint.checker.normalize.dates import date_unknown_published, settle_years
from factlint.checker.fingerprint import assign_claim_ids
from factlint.checker.ingest import ingest
from factlint.checker.model import Claim, Document, FileError, Finding, Report
from factlint.checker.report import build_report, files_of
from factlint.checker.decisions import DecisionStore, default_path as default_decisions_path
from factlint.rules.loader import RuleSet


@dataclass
class Options:
    rules_dirs: tuple[str, ...] = ()
    decisions: Path | None = None
    exclude: tuple[str, ...] = ()  # globs of files and folders not to read (factlint.toml)
    config: Path | None = None  # the factlint.toml in use, if any (checker/config.py)
    follow_symlinks: bool = False  # read files that symbolic links in the corpus point to outside it
    # Called as progress(stage, done, total) while the pipeline runs (the review TUI's progress bar).
    progress: Callable[[str, int, int], None] | None = None


def extract_documents(docs: list[Document], options: Options = Options(), rules: RuleSet | None = None,
                      errors: list[FactlintError] | None = None) -> list[list[Claim]]:
    """The claims of each document, in document order. A bug met in one document gives it no
    claims and an error in `errors` (raised when no list is given); the others go on."""
    rules = rules or RuleSet.load(options.rules_dirs)
    out, packs = [], []
    for n, doc in enumerate(docs):
        if options.progress and n % 50 == 0:
            options.progress("extracting claims", n, len(docs))
        pack = rules.pack(doc.lang)
        out.append(extract_one(doc, pack, errors))
        packs.append(pack)
    settle_years(docs, out, packs)
    return out


def extract_one(doc: Document, pack, errors: list[FactlintError] | None) -> list[Claim]:
    try:
        date_unknown_published(doc, pack)
        return extract(doc, pack)
    except Exception as exc:
        if errors is None:
            raise
        errors.append(internal_error(exc, doc.path))
        return []


def compare_claims(docs: list[Document], claims: list[Claim], rules: RuleSet) -> list[Finding]:
    """context → align → compare: findings with `id=""` (the report assigns fingerprints)."""
    from factlint.checker.align import stories
    from factlint.checker.compare import compare
    from factlint.checker.context import annotate

    annotate(docs, claims, rules)
    return compare(claims, rules, stories(docs), {d.path: d.lang for d in docs})


def check(paths: list[str | Path], options: Options = Options()) -> Report:
    rules = RuleSet.load(options.rules_dirs)  # loaded once; every stage takes this value
    ingested = ingest(paths, options.exclude, rules, options.follow_symlinks)
    docs = ingested.documents
    claims = [c for per_doc in extract_documents(docs, options, rules, ingested.errors) for c in per_doc]
    assign_claim_ids(claims)
    if options.progress:
        options.progress("comparing claims", len(docs), len(docs))
    findings = compare_claims(docs, claims, rules)
    errors = [FileError(path=e.path or "", message=str(e)) for e in ingested.errors]
    store = DecisionStore.load(options.decisions or default_decisions_path(paths))
    report = build_report(docs, claims, findings, errors, root=str(paths[0]) if len(paths) == 1 else None,
                          decisions=store, files=files_of(paths, docs))
    report.warnings = [FileError(path=w.path or "", message=str(w)) for w in ingested.warnings]
    return report

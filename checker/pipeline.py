"""The pipeline end to end: ingest → extract → context → align → compare → report."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable
from pathlib import Path

from factlint.checker.errors import FactlintError, internal_error
from factlint.checker.extract import extract
from factlint.checker.normalize.dates import date_unknown_published, settle_years
from factlint.checker.fingerprint import assign_claim_ids
from factlint.checker.ingest import ingest
from factlint.checker.model import Claim, Document, FileError, Finding, Report
from factlint.checker.report import build_report
from factlint.checker.decisions import DecisionStore, default_path as default_decisions_path
from factlint.checker.select import Selection, is_selected, validate
from factlint.rules.loader import RuleSet


@dataclass
class Options:
    rules_dirs: tuple[str, ...] = ()
    decisions: Path | None = None
    exclude: tuple[str, ...] = ()  # globs of files and folders not to read (factlint.toml)
    config: Path | None = None  # the factlint.toml in use, if any (checker/config.py)
    follow_symlinks: bool = False  # read files that symbolic links in the corpus point to outside it
    # The corpus root (checker/config.py): document paths and finding ids are relative to it.
    # None: no root was found, and each document is named relative to the PATH that holds it.
    root: Path | None = None
    select: Selection = field(default_factory=Selection)  # --select / select = [...] in factlint.toml
    ignore: Selection = field(default_factory=Selection)  # --ignore / ignore = [...]
    # `check -`: the article read from standard input, as (file name, text).
    stdin: tuple[str, str] | None = None
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
    from factlint.checker.align.stories import stories, story_names
    from factlint.checker.compare import compare
    from factlint.checker.context import annotate

    annotate(docs, claims, rules)
    story_of = stories(docs)
    findings = compare(claims, rules, story_of, {d.path: d.lang for d in docs},
                       {d.path: d.published.isoformat() for d in docs if d.published})
    names, by_id = story_names(docs, story_of), {c.id: c for c in claims}
    for f in findings:
        first = by_id.get(f.claims[0]) if f.claims else None
        f.story = names.get(story_of.get(first.document, 0)) if first else None
    return findings


def check(paths: list[str | Path], options: Options = Options()) -> Report:
    """The report on the articles under `paths` (a PATH `-` is `options.stdin`), decisions applied."""
    rules = RuleSet.load(options.rules_dirs)  # loaded once; every stage takes this value
    ingested = ingest(paths, options.exclude, rules, options.follow_symlinks, root=options.root, stdin=options.stdin)
    folder_paths = [p for p in paths if str(p) != "-"] or ["."]
    store = DecisionStore.load(options.decisions or default_decisions_path(folder_paths))
    report = check_documents(ingested.documents, options, rules, ingested.errors, store)
    report.root = str(options.root) if options.root else (str(paths[0]) if len(paths) == 1 else None)
    report.files, report.named = ingested.files, ingested.named
    report.warnings = [FileError(path=w.path or "", message=str(w)) for w in ingested.warnings]
    return report


def check_documents(docs: list[Document], options: Options, rules: RuleSet,
                    errors: list[FactlintError] | None = None, store: DecisionStore | None = None) -> Report:
    """Documents → Report: claims with ids, the selected checks' findings with ids, decisions applied."""
    errors = [] if errors is None else errors
    for selection in (options.select, options.ignore):
        validate(selection.entries, selection.source, rules.checks)
    claims = [c for per_doc in extract_documents(docs, options, rules, errors) for c in per_doc]
    assign_claim_ids(claims)
    if options.progress:
        options.progress("comparing claims", len(docs), len(docs))
    findings = compare_claims(docs, claims, rules)
    select, ignore = options.select.entries, options.ignore.entries
    if select or ignore:
        findings = [f for f in findings if is_selected(f.code, f.name, select, ignore)]
    file_errors = [FileError(path=e.path or "", message=str(e)) for e in errors]
    in_scope = (lambda code, name: is_selected(code, name, select, ignore)) if select or ignore else None
    return build_report(docs, claims, findings, file_errors, decisions=store, selected=in_scope)

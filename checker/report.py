"""Findings + decisions → Report.

Every finding gets its fingerprint as `id` (checker/fingerprint.py); the decisions file
then sets its status and note, and decisions that match no finding are listed as stale.
The report's JSON Schema (docs/report.schema.json) is generated from the models here.
"""

from __future__ import annotations

from typing import Callable

from factlint.checker.decisions import DecisionStore, documents_of, migrate
from factlint.checker.fingerprint import assign_finding_ids
from factlint.checker.model import Claim, Document, FileError, Finding, Report, StaleDecision

def build_report(documents: list[Document], claims: list[Claim], findings: list[Finding],
                 errors: list[FileError], root: str | None = None,
                 decisions: DecisionStore | None = None, files: dict[str, str] | None = None,
                 selected: Callable[[str, str], bool] | None = None) -> Report:
    assign_finding_ids(findings, claims)
    report = Report(root=root, documents=documents, claims=claims if isinstance(claims, list) else [],
                    findings=findings, errors=errors, files=files or {})
    if not isinstance(claims, list):
        report.claims = claims  # a ClaimList (checker/engine/lazy.py): read from the cache when needed
    if decisions is not None:
        apply_decisions(report, decisions, selected)
    return report


def apply_decisions(report: Report, store: DecisionStore, selected: Callable[[str, str], bool] | None = None) -> None:
    """Set status, note and who/when of decided findings; list the stale decisions.

    A decision that matches no finding is stale only when its finding could have been found:
    every document it names was read, and its check is selected (`selected(code, name)`).
    So a check of one story, or of a few changed files, reports no decision of the others.
    Decisions under a finding's former id count for its id now (moved in `store`, saved when
    the caller saves)."""
    report.decisions_file = str(store.path)
    read = {d.path for d in report.documents}
    migrate(store, report.findings)
    for f in report.findings:
        d = store.get(f.id)
        if d is None:
            if f.status != "open" or f.note is not None or f.decided_by is not None or f.decided_at is not None:
                f.status, f.note, f.decided_by, f.decided_at = "open", None, None, None  # (most are as made)
        else:
            f.status, f.note, f.decided_by, f.decided_at = d.status, d.note, d.by, d.at
    report.stale_decisions = [
        StaleDecision(id=fid, status=d.status, kind=d.kind, code=d.code, surfaces=d.surfaces, note=d.note)
        for fid in store.stale(f.id for f in report.findings)
        for d in [store.get(fid)]
        if documents_of(d) <= read and (selected is None or not d.code or selected(d.code, d.name or ""))
    ]


def report_schema() -> dict:
    """JSON Schema of the report as serialized (`--format json`)."""
    schema = Report.model_json_schema(mode="serialization")
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema}

"""Findings + decisions → Report.

Every finding gets its fingerprint as `id` (checker/fingerprint.py); the decisions file
then sets its status and note, and decisions that match no finding are listed as stale.
The report's JSON Schema (docs/report.schema.json) is generated from the models here.
"""

from __future__ import annotations

from pathlib import Path

from factlint.checker.decisions import DecisionStore
from factlint.checker.fingerprint import assign_finding_ids
from factlint.checker.model import Claim, Document, FileError, Finding, Report, StaleDecision

def build_report(documents: list[Document], claims: list[Claim], findings: list[Finding],
                 errors: list[FileError], root: str | None = None,
                 decisions: DecisionStore | None = None, files: dict[str, str] | None = None) -> Report:
    assign_finding_ids(findings, claims)
    report = Report(root=root, documents=documents, claims=claims, findings=findings, errors=errors,
                    files=files or {})
    if decisions is not None:
        apply_decisions(report, decisions)
    return report


def apply_decisions(report: Report, store: DecisionStore) -> None:
    """Set status, note and who/when of decided findings; list the stale decisions."""
    report.decisions_file = str(store.path)
    for f in report.findings:
        d = store.get(f.id)
        if d is None:
            f.status, f.note, f.decided_by, f.decided_at = "open", None, None, None
        else:
            f.status, f.note, f.decided_by, f.decided_at = d.status, d.note, d.by, d.at
    report.stale_decisions = [
        StaleDecision(id=fid, status=d.status, kind=d.kind, code=d.code, surfaces=d.surfaces, note=d.note)
        for fid in store.stale(f.id for f in report.findings)
        for d in [store.get(fid)]
    ]


def files_of(paths: list[str | Path], documents: list[Document]) -> dict[str, str]:
    """Each document's file as the user named it: `<folder>/<report path>` or the file given."""
    given = [Path(p) for p in paths]
    out: dict[str, str] = {}
    for doc in documents:
        for p in given:
            if p.is_dir():
                candidate = p / doc.path
                if len(given) == 1 or candidate.is_file():
                    out[doc.path] = candidate.as_posix()
                    break
            elif p.name == doc.path:
                out[doc.path] = p.as_posix()
                break
    return out


def report_schema() -> dict:
    """JSON Schema of the report as serialized (`--format json`)."""
    schema = Report.model_json_schema(mode="serialization")
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema}

"""Findings + decisions → Report. (first version; see issue 4 for decisions)"""

from __future__ import annotations

from checker.fingerprint import finding_id
from checker.model import Claim, Document, FileError, Finding, Report


def build_report(documents: list[Document], claims: list[Claim], findings: list[Finding],
                 errors: list[FileError], root: str | None = None) -> Report:
    by_id = {c.id: c for c in claims}
    for f in findings:
        if not f.id:
            f.id = finding_id(f.code, [by_id[i] for i in f.claims])
    return Report(root=root, documents=documents, claims=claims, findings=findings, errors=errors)

"""SARIF 2.1.0 for GitHub code scanning.

One rule per check code, with `helpUri` to its section of docs/rules.md and a
`precision`; one result per discrepancy that fails the check (agreements are not
problems and are left out). Decided findings are left out too: GitHub code scanning
ignores SARIF suppressions, so a reviewed corpus would upload every decided finding as
an open alert; `include_decided` (`--include-decided`) writes them with an external,
accepted suppression carrying the reviewer's note, for tools that honour it. Every
claim of a finding is a location, the first one the primary one (GitHub shows only it);
the claims after the first, the other sources, are also related locations that the
message links to. Regions have `endLine`; columns count code points (`columnKind:
unicodeCodePoints`); the finding id goes in `partialFingerprints` so code scanning tracks
an alert across edits as factlint does.
"""

from __future__ import annotations

import json
from pathlib import PurePosixPath
from urllib.parse import quote

from factlint.checker.model import Finding, Report
from factlint.checker.render import Location, Locator, RenderOptions, provenance, rule_url, value_text
from factlint.checker.visible import json_escaped

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
FINGERPRINT = "factlintFindingId/v1"
LEVEL = {"error": "error", "warning": "warning", "info": "note"}
# How often a check's findings are real discrepancies (SARIF `precision`, shown by code
# scanning): value checks compare normalized figures that alignment paired (high); drift and
# the inconsistencies inside one article lean on context cues (medium); agreements are not alerts.
PRECISION = {"conflict": "high", "drift": "medium", "inconsistency": "medium", "agreement": "low"}


def render(report: Report, options: RenderOptions = RenderOptions()) -> str:
    # Compact: the indenting encoder is pure Python and triples the time on a large corpus.
    return json_escaped(json.dumps(sarif(report, options), ensure_ascii=False, separators=(",", ":"))) + "\n"


def sarif(report: Report, options: RenderOptions = RenderOptions()) -> dict:
    loc = Locator(report)
    findings = [f for f in report.findings
                if f.kind != "agreement" and (options.include_decided or f.fails(options.strict))]
    rules: list[dict] = []
    index: dict[str, int] = {}
    for f in findings:
        if f.code not in index:
            index[f.code] = len(rules)
            rules.append(rule(f, options.checks.get(f.code)))
    results = [result(f, index[f.code], loc, options.strict) for f in findings]
    run = {
        "tool": {"driver": {"name": "factlint", "version": _version(),
                            "rules": rules}},
        "columnKind": "unicodeCodePoints",
        "results": results,
    }
    notes = [{"level": "error", "message": {"text": e.message},
              "locations": [{"physicalLocation": {"artifactLocation": {"uri": uri(report.file_of(e.path))}}}]}
             for e in report.errors]
    if notes:
        run["invocations"] = [{"executionSuccessful": False, "toolExecutionNotifications": notes}]
    return {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}


def rule(f: Finding, check=None) -> dict:
    summary = getattr(check, "summary", None) or f"{f.kind} between sources ({f.name})"
    out = {
        "id": f.code,
        "name": _pascal(f.name),
        "shortDescription": {"text": summary},
        "defaultConfiguration": {"level": LEVEL.get(getattr(check, "level", None) or f.severity, "warning")},
        "helpUri": rule_url(f.code, f.name),
        "properties": {"tags": ["factlint", f.kind], "kind": f.kind, "factlintName": f.name,
                       "precision": PRECISION.get(f.kind, "medium")},
    }
    doc = getattr(check, "doc", None)
    if doc is not None:
        out["fullDescription"] = {"text": doc.why}
        help_text = f"{doc.why}\n\nFires: {doc.fires}\nPasses: {doc.passes}"
        out["help"] = {"text": help_text,
                       "markdown": f"{doc.why}\n\n**Fires:** {doc.fires}\n\n**Passes:** {doc.passes}"}
    return out


def result(f: Finding, rule_index: int, loc: Locator, strict: bool) -> dict:
    claims = loc.claims_of(f)
    places = [loc.locate(c) for c in claims]
    related = [{"id": i, **location(p, f"{c.surface} = {value_text(c)} · {provenance(loc.document(c.document))}")}
               for i, (c, p) in enumerate(zip(claims[1:], places[1:]), start=1)]
    links = ", ".join(f"[{p.file}:{p.line}]({i})" for i, p in enumerate(places[1:], start=1))
    text = f.message + (f" (other sources: {links})" if links else "")
    out = {
        "ruleId": f.code,
        "ruleIndex": rule_index,
        "level": LEVEL.get(f.severity, "warning"),
        "message": {"text": text},
        "locations": [location(p, f"{c.surface} = {value_text(c)} · {provenance(loc.document(c.document))}")
                      for c, p in zip(claims, places)],
        "partialFingerprints": {FINGERPRINT: f.id},
        "properties": {"findingId": f.id, "kind": f.kind, "status": f.status},
    }
    if related:
        out["relatedLocations"] = related
    if f.note:
        out["properties"]["note"] = f.note
    if not f.fails(strict) and f.status != "open":
        justification = f"{f.status}" + (f" by {f.decided_by}" if f.decided_by else "") + (f": {f.note}" if f.note else "")
        out["suppressions"] = [{"kind": "external", "status": "accepted", "justification": justification}]
    return out


def location(p: Location, message: str) -> dict:
    region = {"startLine": p.line, "startColumn": p.column, "endLine": p.end_line, "endColumn": p.end_column}
    return {"physicalLocation": {"artifactLocation": {"uri": uri(p.file)}, "region": region},
            "message": {"text": message}}


def uri(path: str) -> str:
    """A relative path as a relative URI reference; an absolute one as a file: URI."""
    p = PurePosixPath(path.replace("\\", "/"))
    if p.is_absolute():
        return "file://" + quote(p.as_posix(), safe="/")
    return quote(p.as_posix(), safe="/")


def _pascal(name: str) -> str:
    return "".join(part.capitalize() for part in name.split("-"))


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("factlint")
    except PackageNotFoundError:
        return "0"

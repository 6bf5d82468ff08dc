"""GitLab Code Quality: a JSON array of issues (`artifacts: reports: codequality`).

One issue per finding that fails the check (decided ones too with `include_decided`),
at the first claim's place, the other places named in the description. The
`fingerprint` is the finding id, so GitLab tracks an issue across edits as factlint does
(ruff's GitLab output does the same with its own fingerprint). Paths are the files as
named on the command line: run factlint from the repository's top folder.
"""

from __future__ import annotations

import json

from factlint.checker.model import Report
from factlint.checker.render import Locator, RenderOptions, also_text

SEVERITY = {"error": "major", "warning": "minor", "info": "info"}


def render(report: Report, options: RenderOptions = RenderOptions()) -> str:
    loc = Locator(report)
    issues = []
    for f in report.findings:
        if not (f.fails(options.strict) or options.include_decided or f.kind == "agreement"):
            continue
        places = [loc.locate(c) for c in loc.claims_of(f)]
        if not places:
            continue
        first = places[0]
        status = "" if f.status == "open" else f" [{f.status}{': ' + f.note if f.note else ''}]"
        issues.append({
            "type": "issue",
            "check_name": f.code,
            "description": f"{f.code} {f.name}: {f.message}{status} ({f.id}{also_text(places)})",
            "categories": ["Bug Risk"],
            "severity": SEVERITY.get(f.severity, "minor") if f.fails(options.strict) else "info",
            "fingerprint": f.id,
            "location": {"path": first.file,
                         "positions": {"begin": {"line": first.line, "column": first.column},
                                       "end": {"line": first.end_line, "column": first.end_column}}},
        })
    for e in report.errors:
        issues.append({"type": "issue", "check_name": "input-error", "description": e.message,
                       "categories": ["Bug Risk"], "severity": "blocker",
                       "fingerprint": f"input-error:{e.path}",
                       "location": {"path": report.file_of(e.path), "lines": {"begin": 1}}})
    return json.dumps(issues, ensure_ascii=False, indent=2) + "\n"

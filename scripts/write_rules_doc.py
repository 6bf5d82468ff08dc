"""Write docs/rules.md, one section per check, from the check files (rules/checks/*.toml).

SARIF's `helpUri` points to these sections (`docs/rules.md#fl101-money-conflict`), and the
README's rule table links to them; a test regenerates the file and fails when the committed
one differs. After adding or changing a check, run:  python scripts/write_rules_doc.py
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DOC_PATH = ROOT / "docs" / "rules.md"

KINDS = {"conflict": "FL1xx: conflicts", "drift": "FL2xx: drift", "agreement": "FL3xx: agreements",
         "inconsistency": "FL4xx: inconsistencies inside one article"}


def rules_text() -> str:
    from factlint.rules.loader import load_checks

    checks = load_checks()
    lines = ["# The checks", "",
             "Generated from `rules/checks/*.toml` by `scripts/write_rules_doc.py`; do not edit by hand.",
             "`factlint rules` lists them, `factlint rules CODE` shows one; `--select` and `--ignore`",
             "(or `select`/`ignore` in factlint.toml) take codes, code prefixes (`FL1`) or names.", "",
             "| code | name | kind | level | summary |", "|---|---|---|---|---|"]
    for rule in checks.values():
        lines.append(f"| [{rule.code}](#{rule.code.lower()}-{rule.name}) | {rule.name} | {rule.kind} | "
                     f"{rule.level} | {rule.summary} |")
    kind = None
    for rule in checks.values():
        if rule.kind != kind:
            kind = rule.kind
            lines += ["", f"## {KINDS.get(kind, kind)}"]
        lines += ["", f"### {rule.code} {rule.name}", "", rule.summary, "",
                  f"- kind: {rule.kind}; level: {rule.level}; applies to: {', '.join(rule.applies_to)}",
                  f"- why it fires: {rule.doc.why}", f"- fires: {rule.doc.fires}", f"- passes: {rule.doc.passes}"]
        params = rule.params.model_dump(exclude_defaults=True)
        if params:
            lines.append("- params: " + ", ".join(f"`{k} = {v}`" for k, v in params.items()))
        if rule.aliases:
            lines.append("- former names: " + ", ".join(rule.aliases))
    return "\n".join(lines) + "\n"


def main() -> int:
    sys.path.insert(0, str(ROOT))
    DOC_PATH.write_text(rules_text(), encoding="utf-8")
    print(f"wrote {DOC_PATH.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

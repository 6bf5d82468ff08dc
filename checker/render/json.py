"""The JSON report of ../shared/eval/CONTRACT.md: schema_version, documents, claims,
findings (and extra fields, described by docs/report.schema.json)."""

from __future__ import annotations

from checker.model import Report
from checker.render import RenderOptions


def render(report: Report, options: RenderOptions = RenderOptions()) -> str:
    return report.model_dump_json(indent=2) + "\n"

"""GitHub Actions workflow commands.

The summary comes first (GitHub shows only the first annotations of each type per
step), then an annotation for each finding that fails the check, up to `CAP` per type;
the rest of the report follows as plain lines, so the log still holds all of it.
"""

from __future__ import annotations

from factlint.checker.model import Report
from factlint.checker.render import Locator, also_text, RenderOptions, ordered, sources_text, stale_lines, summary

CAP = 10  # annotations GitHub shows per type and step
COMMAND = {"error": "error", "warning": "warning", "info": "notice"}


def render(report: Report, options: RenderOptions = RenderOptions()) -> str:
    loc = Locator(report)
    documents = {d.path: d for d in report.documents}
    lines = [f"factlint: {summary(report, options.strict)}"]
    shown: dict[str, int] = {}
    rest: list[str] = []
    for e in report.errors:
        if _take(shown, "error"):
            lines.append(f"::error file={prop(report.file_of(e.path))},title=factlint input error::{data(e.message)}")
        else:
            rest.append(f"error: {e.message}")
    for f in ordered(report, options.strict):
        places = [loc.locate(c) for c in loc.claims_of(f)]
        also = also_text(places)
        status = "agreement" if f.kind == "agreement" else f.status
        plain = f"{_where(places)}: {f.code} [{status}] {f.message} ({f.id}{also})"
        command = COMMAND.get(f.severity, "warning")
        if f.fails(options.strict) and places and _take(shown, command):
            p = places[0]
            props = (f"file={prop(p.file)},line={p.line},col={p.column},"
                     f"endLine={p.end_line},endColumn={p.end_column},title={prop(f'{f.code} {f.name}')}")
            sources = sources_text(f, loc, documents)
            lines.append(f"::{command} {props}::{data(f'{f.message} {sources} ({f.id}{also})')}")
        else:
            rest.append(plain)
    capped = sum(1 for f in report.failing(options.strict)) + len(report.errors) - sum(shown.values())
    if capped > 0:
        rest.insert(0, f"{capped} more finding{'s' if capped != 1 else ''} not annotated "
                       f"(GitHub shows {CAP} per type); all are listed below")
    if options.quiet:
        return "\n".join(lines[1:]) + "\n" if len(lines) > 1 else ""
    return "\n".join(lines + rest + stale_lines(report)) + "\n"


def _take(shown: dict[str, int], command: str) -> bool:
    if shown.get(command, 0) >= CAP:
        return False
    shown[command] = shown.get(command, 0) + 1
    return True


def _where(places) -> str:
    return f"{places[0].file}:{places[0].line}:{places[0].column}" if places else "(no claim)"


def data(text: str) -> str:
    """Escape a workflow command's message."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def prop(text: str) -> str:
    """Escape a workflow command's property value."""
    return data(text).replace(":", "%3A").replace(",", "%2C")


def step_summary(report: Report, options: RenderOptions = RenderOptions(), limit: int = 50) -> str:
    """Markdown for the job's summary page ($GITHUB_STEP_SUMMARY): the summary line and a
    table of the findings that fail the check (the first `limit`)."""
    loc = Locator(report)
    failing = [f for f in ordered(report, options.strict) if f.fails(options.strict)]
    lines = ["### factlint", "", summary(report, options.strict), ""]
    if failing:
        lines += ["| finding | check | where | message |", "|---|---|---|---|"]
        for f in failing[:limit]:
            where = "<br>".join(f"`{p.file}:{p.line}`" for p in (loc.locate(c) for c in loc.claims_of(f)))
            lines.append(f"| `{f.id}` | {f.code} {f.name} | {where} | {_cell(f.message)} |")
        if len(failing) > limit:
            lines.append(f"\n{len(failing) - limit} more in the log.")
        lines += ["", "Review with `factlint review PATH` or `factlint decide ID… --status confirmed|dismissed PATH`."]
    return "\n".join(lines) + "\n"


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")

"""One line per finding: `file:line:col: CODE [status] message (id; also file:line …)`."""

from __future__ import annotations

from factlint.checker.model import Report
from factlint.checker.render import Locator, also_text, RenderOptions, ordered, stale_lines, summary


def render(report: Report, options: RenderOptions = RenderOptions()) -> str:
    loc = Locator(report)
    lines = []
    for f in ordered(report, options.strict):
        if options.quiet and not f.fails(options.strict):
            continue
        places = [loc.locate(c) for c in loc.claims_of(f)]
        first = f"{places[0].file}:{places[0].line}:{places[0].column}" if places else "(no claim)"
        status = "agreement" if f.kind == "agreement" else f.status
        also = also_text(places)
        lines.append(f"{first}: {f.code} [{status}] {f.message} ({f.id}{also})")
    if not options.quiet:
        lines += stale_lines(report)
        lines.append(summary(report, options.strict))
    return "\n".join(lines) + "\n" if lines else ""

"""The default format: per finding, each side's file:line, the sentence with the number
marked, the normalized value, the reason in one line, and the review status."""

from __future__ import annotations

from factlint.checker.model import Finding, Report
from factlint.checker.render import (Locator, RenderOptions, marked_sentence, ordered, provenance, stale_lines,
                                     summary, value_text)

ANSI = {"bold": "1", "red": "31", "yellow": "33", "green": "32", "cyan": "36", "dim": "2"}
SEVERITY_COLOR = {"error": "red", "warning": "yellow", "info": "cyan"}


def render(report: Report, options: RenderOptions = RenderOptions()) -> str:
    paint = _painter(options.color)
    loc = Locator(report)
    documents = {d.path: d for d in report.documents}
    shown = [f for f in ordered(report, options.strict) if f.fails(options.strict) or not options.quiet]
    blocks = [finding_block(f, loc, paint, options.strict, documents) for f in shown]
    if options.quiet:
        return "\n\n".join(blocks) + "\n" if blocks else ""
    tail = stale_lines(report)  # file errors go to stderr (cli); the summary counts them
    tail.append(paint("bold", summary(report, options.strict)))
    return "\n\n".join(blocks + ["\n".join(tail)]) + "\n"


def finding_block(f: Finding, loc: Locator, paint, strict: bool, documents: dict | None = None) -> str:
    status = f.status if f.kind != "agreement" else "info"
    color = SEVERITY_COLOR.get(f.severity, "bold") if f.fails(strict) else "dim"
    head = f"{paint(color, f'{f.kind} {f.code} {f.name}')}  [{status}]  {f.id}"
    about = " · ".join(x for x in (f.subject, f.measure) if x)
    lines = [head, f"  {f.message}" + (f"  ({about})" if about else "")]
    for c in loc.claims_of(f):
        where = loc.locate(c)
        lines.append(f"  --> {where.file}:{where.line}:{where.column}")
        if documents is not None:
            lines.append(f"      {provenance(documents.get(c.document))}")
        lines.append(f"      {marked_sentence(c, lambda s: paint('bold', f'»{s}«'))}")
        lines.append(f"      = {value_text(c)}" + (f"  as of {c.as_of}" if c.as_of else ""))
    if f.rate_check:
        lines.append(f"  reference: {rate_text(f, loc)}")
    if f.status != "open":
        who = " ".join(x for x in (f"by {f.decided_by}" if f.decided_by else "",
                                   f"on {f.decided_at}" if f.decided_at else "") if x)
        lines.append(f"  {f.status}{' ' + who if who else ''}" + (f": {f.note}" if f.note else ""))
    return "\n".join(lines)


def rate_text(f: Finding, loc: Locator) -> str:
    """`3,000,000,000 CNY at the ECB rate of 2026-02-02 = 432,000,000 USD; supports a.md:7; b.md:5 is 2.8 % off`."""
    from factlint.checker.render import number, significant

    r = f.rate_check
    source = loc.claims.get(r.source_claim)
    amount = f"{number(source.value)} {r.from_currency}" if source and source.value is not None else r.from_currency
    text = f"{amount} at the ECB rate of {r.rate_date} ≈ {number(significant(r.reference_value))} {r.to_currency}"

    def at(claim_id: str) -> str:
        c = loc.claims.get(claim_id)
        if c is None:
            return claim_id
        where = loc.locate(c)
        return f"{where.file}:{where.line} ({c.surface})"

    if r.supported:
        text += "; supports " + ", ".join(at(i) for i in r.supported)
    for claim_id, pct in r.deviations.items():
        if claim_id not in r.supported:
            text += f"; {at(claim_id)} is {abs(pct):.1f} % off"
    return text


def _painter(color: bool):
    def paint(style: str, text: str) -> str:
        return f"\x1b[{ANSI[style]}m{text}\x1b[0m" if color else text
    return paint

"""How values, intervals and verdicts read on screen (plain strings and Text, no markup)."""

from __future__ import annotations

from rich.text import Text

from factlint.checker.model import Claim, Document, Finding

from factlint.tui.text import highlighted, one_line


def number(v: float | None) -> str:
    """`420000000.0` → `420,000,000`, `432123456.7` → `432,123,457`, `6.22` → `6.22`.

    Grouped with commas, not spaces: a wrapping line never splits a number.
    """
    if v is None:
        return "?"
    if abs(v) >= 1e15:
        return f"{v:.4g}"
    if abs(v) >= 10_000:
        return f"{v:,.0f}"
    return f"{v:,.6g}"


def value(c: Claim) -> str:
    """The normalized value: `420,000,000 USD`, `6.22 %`, `2026-02-02`."""
    if c.kind == "date":
        return c.date or "?"
    unit = c.unit or ""
    return f"{number(c.value)} {unit}".strip()


def interval(c: Claim) -> str | None:
    """The interval the statement is compatible with, `415,000,000 – 425,000,000 USD`, if known."""
    low = c.low if c.low is not None else c.lower
    high = c.high if c.high is not None else c.upper
    if low is None and high is None:
        return None
    unit = f" {c.unit}" if c.unit and c.kind != "date" else ""
    lo = "−∞" if low is None else number(low)
    hi = "∞" if high is None else number(high)
    return f"{lo} – {hi}{unit}"


def context(c: Claim, doc: Document | None) -> tuple[str, int]:
    """The claim's sentence and the offset of that sentence in the article.

    Falls back to the claim's line of the article when extraction left no sentence.
    """
    if c.sentence:
        return c.sentence, c.sentence_start
    if doc is not None and doc.text:
        start = doc.text.rfind("\n", 0, c.start) + 1
        end = doc.text.find("\n", c.end)
        return doc.text[start:end if end >= 0 else len(doc.text)], start
    return c.surface, c.start


def sentence_text(c: Claim, doc: Document | None, marked: list[Claim] | tuple[Claim, ...] = (),
                  others: list[Claim] | tuple[Claim, ...] = ()) -> Text:
    """`c`'s sentence as literal text: `c` and `marked` highlighted, `others` underlined."""
    sentence, offset = context(c, doc)
    strong = {x.id for x in marked} | {c.id}
    spans = [(o.start - offset, o.end - offset, "underline") for o in others if o.id not in strong]
    unique = {x.id: x for x in (c, *marked)}.values()
    spans += [(x.start - offset, x.end - offset, "bold reverse") for x in unique]
    return highlighted(sentence, spans)


def rate_verdict(finding: Finding, claims: dict[str, Claim]) -> Text | None:
    """`Reference rate 2026-02-02: 3 Mrd. Yuan = 432,064,226 USD (CNY→USD); supports 431 Mio. US-Dollar; …`."""
    rc = finding.rate_check
    if rc is None:
        return None
    source = claims.get(rc.source_claim)
    text = Text(end="")
    text.append(f"Reference rate {rc.rate_date}: ", style="bold")
    if source is not None:
        text.append(f"{one_line(source.surface)} = ")
    text.append(f"{number(rc.reference_value)} {rc.to_currency}")
    text.append(f" ({rc.from_currency}→{rc.to_currency})", style="dim")
    if rc.supported:
        text.append("; supports ")
        text.append(", ".join(one_line(claims[i].surface) if i in claims else i for i in rc.supported), style="green")
    for claim_id, pct in sorted(rc.deviations.items()):
        if claim_id in rc.supported:
            continue
        name = one_line(claims[claim_id].surface) if claim_id in claims else claim_id
        text.append(f"; {name} is {abs(pct):.1f} % off", style="red")
    return text

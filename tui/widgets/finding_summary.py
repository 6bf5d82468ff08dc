"""The head of the detail screen: kind, check, status, subject and measure, why it fired."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from checker.model import Claim, Finding

from tui.format import rate_verdict
from tui.text import literal, one_line

STATUS_STYLE = {"open": "bold yellow", "confirmed": "bold red", "dismissed": "bold green"}
KIND_STYLE = {"conflict": "bold red", "drift": "bold yellow", "agreement": "bold green", "inconsistency": "bold magenta"}


class FindingSummary(Static):
    """Several lines: `CONFLICT FL101 money-conflict · open`, subject/measure, message, rate verdict, note."""

    def show(self, finding: Finding, claims: dict[str, Claim], position: str) -> None:
        text = Text(end="")
        text.append(finding.kind.upper(), style=KIND_STYLE.get(finding.kind, "bold"))
        text.append(f"  {finding.code} {finding.name}  ", style="dim")
        text.append(finding.status, style=STATUS_STYLE.get(finding.status, ""))
        text.append(f"   {position}  id {finding.id}", style="dim")
        if finding.subject or finding.measure:
            text.append("\n")
            text.append("subject ", style="dim")
            text.append(one_line(finding.subject or "—"))
            text.append("  measure ", style="dim")
            text.append(one_line(finding.measure or "—"))
        text.append("\n")
        text.append_text(literal(finding.message))
        verdict = rate_verdict(finding, claims)
        if verdict is not None:
            text.append("\n")
            text.append_text(verdict)
        if finding.note:
            text.append("\n")
            text.append("note ", style="dim")
            text.append_text(literal(finding.note, style="italic"))
        self.update(text)

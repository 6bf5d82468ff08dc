"""The head of the detail screen: kind, check, status, subject and measure, why it fired."""

from __future__ import annotations

from rich.text import Text
from textual.widget import Widget

from factlint.checker.model import Claim, Finding

from factlint.tui.format import rate_verdict
from factlint.tui.text import literal, one_line

STATUS_STYLE = {"open": "bold yellow", "confirmed": "bold red", "dismissed": "bold green"}
KIND_STYLE = {"conflict": "bold red", "drift": "bold yellow", "agreement": "bold green", "inconsistency": "bold magenta"}


class FindingSummary(Widget):
    """Several lines: `CONFLICT FL101 money-conflict · open`, subject/measure, message, rate verdict, note.

    With `fixed_height` (the list's preview, a fixed number of lines in the CSS) a new
    finding only repaints the widget: no layout pass while the cursor runs down the list.
    """

    def __init__(self, *, fixed_height: bool = False, id: str | None = None) -> None:
        super().__init__(id=id)
        self.fixed_height = fixed_height
        self._text = Text()

    def render(self) -> Text:
        return self._text

    def update(self, text: Text | str) -> None:
        self._text = Text(text) if isinstance(text, str) else text
        self.refresh(layout=not self.fixed_height)

    def show(self, finding: Finding, claims: dict[str, Claim], position: str) -> None:
        text = Text(end="")
        text.append(finding.kind.upper(), style=KIND_STYLE.get(finding.kind, "bold"))
        text.append(f"  {finding.code} {finding.name}  ", style="dim")
        text.append(finding.status, style=STATUS_STYLE.get(finding.status, ""))
        text.append(f"   {position}  id {finding.id}", style="dim")
        if finding.story or finding.measure:
            text.append("\n")
            text.append("story ", style="dim")
            text.append(one_line(finding.story or "—"))
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

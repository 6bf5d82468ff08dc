"""One claim of a finding: where it stands, its sentence with the number marked, its value."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from checker.model import Claim, Document

from tui.format import interval, sentence_text, value
from tui.text import one_line


class ClaimCard(Static, can_focus=True):
    """`a.md:12  (published 2026-02-02)`, the sentence, then value, interval, subject, measure, as of."""

    def __init__(self, claim: Claim, document: Document | None, others: list[Claim]) -> None:
        super().__init__(classes="claim-card")
        self.claim = claim
        self.document = document
        self.border_title = one_line(f"{claim.document}:{claim.line}")
        if document is not None and document.published:
            self.border_subtitle = f"published {document.published.isoformat()}"
        self.update(self._content(others))

    def _content(self, others: list[Claim]) -> Text:
        c = self.claim
        text = Text(end="")
        if self.document is not None and self.document.title:
            text.append(one_line(self.document.title), style="italic dim")
            text.append("\n")
        text.append_text(sentence_text(c, self.document, others))
        text.append("\n")
        facts = [("value", value(c))]
        if (span := interval(c)) is not None:
            facts.append(("interval", span))
        if c.hedge or c.approximate:
            facts.append(("hedge", one_line(c.hedge) if c.hedge else "approximate"))
        for label, field in (("subject", c.subject), ("measure", c.measure), ("as of", c.as_of)):
            if field:
                facts.append((label, one_line(field)))
        for i, (label, shown) in enumerate(facts):
            if i:
                text.append("  ")
            text.append(f"{label} ", style="dim")
            text.append(shown, style="bold" if label == "value" else "")
        return text

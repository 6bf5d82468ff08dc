"""One source of a finding: where it stands, its sentence with the numbers marked, their values.

Claims of the finding that share a sentence (a conversion: "3 Mrd. Yuan (431 Mio.
US-Dollar)") share a card; each gets its own line of normalized facts.
"""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from factlint.checker.model import Claim, Document
from factlint.checker.render import provenance

from factlint.tui.format import context, interval, sentence_text, value
from factlint.tui.text import one_line



def group_by_sentence(claims: list[Claim], documents: dict[str, Document]) -> list[list[Claim]]:
    """The claims in groups that share a document and a sentence, in first-seen order."""
    groups: dict[tuple[str, int], list[Claim]] = {}
    for c in claims:
        _, start = context(c, documents.get(c.document))
        groups.setdefault((c.document, start), []).append(c)
    return list(groups.values())


class ClaimCard(Static, can_focus=True):
    """`a.md:12`, the outlet, title, date and URL, the sentence, then per claim: value, interval,
    hedge, subject, as of."""

    def __init__(self, claims: list[Claim], document: Document | None, others: list[Claim]) -> None:
        super().__init__(classes="claim-card")
        self.claims = claims
        self.claim = claims[0]
        self.document = document
        self.border_title = one_line(f"{self.claim.document}:{self.claim.line}")
        self.border_subtitle = (f"published {document.published.isoformat()}" if document and document.published
                                else "published date unknown")
        self.update(self._content(others))

    def _content(self, others: list[Claim]) -> Text:
        text = Text(end="")
        text.append(one_line(provenance(self.document)), style="italic dim")
        text.append("\n")
        text.append_text(sentence_text(self.claim, self.document, self.claims, others))
        for c in self.claims:
            text.append("\n")
            if len(self.claims) > 1:
                text.append(one_line(c.surface), style="bold")
                text.append(": ")
            text.append_text(facts(c))
        return text


def facts(c: Claim) -> Text:
    """`value 420,000,000 USD  interval 410,000,000 – 430,000,000 USD  hedge rund  as of 2026-02-07`."""
    shown = [("value", value(c))]
    if (span := interval(c)) is not None:
        shown.append(("interval", span))
    if c.hedge or c.approximate:
        shown.append(("hedge", one_line(c.hedge) if c.hedge else "approximate"))
    for label, field in (("subject", c.subject), ("measure", c.measure), ("as of", c.as_of)):
        if field:
            shown.append((label, one_line(field)))
    text = Text(end="")
    for i, (label, content) in enumerate(shown):
        if i:
            text.append("  ")
        text.append(label + " ", style="dim")
        text.append(content, style="bold" if label == "value" else "")
    return text

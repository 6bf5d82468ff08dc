"""A whole article as literal text, every claim marked, one claim current and scrolled to.

What extraction did not read (front matter, HTML markup) is shown dimmed.

One `Static` per line of the file, so scrolling to a claim is scrolling to its line's
widget, whatever the wrapping width.
"""

from __future__ import annotations

from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.reactive import reactive
from textual.widgets import Static

from factlint.checker.model import Claim, Document

from factlint.tui.text import highlighted

CLAIM_STYLE = "underline"
IN_FINDING_STYLE = "bold underline yellow"
CURRENT_STYLE = "bold reverse"
NOT_READ_STYLE = "dim"  # front matter and HTML markup: shown, but not article text


class ArticleLine(Static):
    """One line of the article (a paragraph, in most files)."""


class ArticleView(VerticalScroll, can_focus=True):
    """The article with its claims marked; `n`/`p` move the current claim."""

    BINDINGS = [
        Binding("n", "move(1)", "Next claim", id="article-next-claim", tooltip="Mark and scroll to the next claim"),
        Binding("p", "move(-1)", "Prev claim", id="article-previous-claim",
                tooltip="Mark and scroll to the previous claim"),
    ]

    current: reactive[int] = reactive(-1, init=False)

    def __init__(self, document: Document, claims: list[Claim], in_findings: set[str], *, id: str | None = None):
        super().__init__(id=id)
        self.document = document
        self.claims = claims
        self.in_findings = in_findings
        self.lines: list[tuple[int, int]] = []
        offset = 0
        for raw in document.text.split("\n"):
            end = offset + len(raw)
            self.lines.append((offset, end - 1 if raw.endswith("\r") else end))
            offset = end + 1

    def compose(self):
        for i in range(len(self.lines)):
            yield ArticleLine(self._line_text(i), classes="article-line")

    @property
    def current_claim(self) -> Claim | None:
        return self.claims[self.current] if 0 <= self.current < len(self.claims) else None

    def line_of(self, offset: int) -> int:
        """0-based index of the line holding code-point `offset`."""
        return max(0, self.document.text.count("\n", 0, offset))

    def _line_text(self, i: int):
        start, end = self.lines[i]
        spans = [(a - start, b - start, NOT_READ_STYLE) for a, b in self._not_read(start, end)]
        for n, c in enumerate(self.claims):
            if c.end <= start or c.start >= end:
                continue
            style = CURRENT_STYLE if n == self.current else IN_FINDING_STYLE if c.id in self.in_findings else CLAIM_STYLE
            spans.append((c.start - start, c.end - start, style))
        spans.sort(key=lambda s: s[2] == CURRENT_STYLE)  # the current claim's style wins
        return highlighted(self.document.text[start:end], spans)

    def _not_read(self, start: int, end: int) -> list[tuple[int, int]]:
        """Runs of [start, end) that extraction did not read (front matter, HTML markup)."""
        scan = self.document.scan
        if not scan or scan[start:end] == self.document.text[start:end]:
            return []
        runs, run_start = [], None
        for pos in range(start, end):
            hidden = scan[pos] == " " and self.document.text[pos] != " "
            if hidden and run_start is None:
                run_start = pos
            elif not hidden and run_start is not None:
                runs.append((run_start, pos))
                run_start = None
        if run_start is not None:
            runs.append((run_start, end))
        return runs

    def _redraw_claim(self, n: int) -> None:
        if not 0 <= n < len(self.claims):
            return
        c = self.claims[n]
        lines = self.query(ArticleLine)
        for i in range(self.line_of(c.start), min(self.line_of(c.end) + 1, len(self.lines))):
            lines[i].update(self._line_text(i))

    def watch_current(self, old: int, new: int) -> None:
        self._redraw_claim(old)
        self._redraw_claim(new)
        claim = self.current_claim
        if claim is not None and self.is_mounted:
            line = self.query(ArticleLine)[self.line_of(claim.start)]
            self.call_after_refresh(self.scroll_to_widget, line, animate=False, center=True)

    def show_claim(self, claim_id: str) -> None:
        for n, c in enumerate(self.claims):
            if c.id == claim_id:
                self.current = n
                return

    def action_move(self, step: int) -> None:
        if self.claims:
            self.current = (self.current + step) % len(self.claims) if self.current >= 0 else 0

"""One article in full, its claims marked, and the findings that involve it."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from factlint.tui.rows import FindingIndex
from factlint.tui.text import one_line
from factlint.tui.widgets.article_view import ArticleView
from factlint.tui.widgets.findings_list import KIND_LABEL, STATUS_MARK
from factlint.tui.widgets.title_bar import TitleBar


class DocumentScreen(Screen):
    """Title line, the article (scrolled to the claim), the findings of this article below."""

    BINDINGS = [
        Binding("escape,q", "app.pop_screen", "Back", id="document-back", tooltip="Back to where you came from"),
        Binding("f", "filter_list", "List its findings", id="document-filter",
                tooltip="Back to the findings list, showing only findings that involve this article"),
    ]

    def __init__(self, index: FindingIndex, path: str, claim_id: str | None = None) -> None:
        super().__init__()
        self.index = index
        self.path = path
        self.claim_id = claim_id

    def compose(self) -> ComposeResult:
        doc = self.index.documents[self.path]
        rows = self.index.by_document.get(self.path, [])
        in_findings = {c for r in rows for c in r.finding.claims}
        yield TitleBar()
        yield Static(self._title(), id="document-title")
        yield ArticleView(doc, self.index.claims_by_document.get(self.path, []), in_findings, id="article")
        options = [Option(self._option(r), id=r.finding.id) for r in rows]
        other = OptionList(*options, id="document-findings")
        other.border_title = f"{len(rows)} findings involve this article (enter opens one)"
        yield other
        yield Footer(compact=True)

    def _title(self) -> Text:
        doc = self.index.documents[self.path]
        text = Text(no_wrap=True, overflow="ellipsis", end="")
        text.append(one_line(doc.path), style="bold")
        if doc.title:
            text.append("  " + one_line(doc.title), style="italic")
        facts = [f"published {doc.published.isoformat()}" if doc.published else "no date",
                 doc.lang, f"{len(self.index.claims_by_document.get(self.path, []))} claims"]
        text.append("  " + " · ".join(facts), style="dim")
        return text

    def _option(self, row) -> Text:
        f = row.finding
        text = Text(no_wrap=True, overflow="ellipsis", end="")
        text.append(f"{STATUS_MARK.get(f.status, '?')} {KIND_LABEL.get(f.kind, f.kind):<11} ")
        text.append(row.values, style="bold")
        text.append(f"  {row.story} · {row.measure}", style="dim")
        return text

    def on_mount(self) -> None:
        article = self.query_one(ArticleView)
        if self.claim_id:
            article.show_claim(self.claim_id)
        elif article.claims:
            article.current = 0
        article.focus()

    def decision_saved(self, finding_id: str, advance: bool, follow: bool = True) -> None:
        """Show the new status in the list of this article's findings."""
        options = self.query_one("#document-findings", OptionList)
        row = self.index.by_id[finding_id]
        if self.path in row.documents:
            options.replace_option_prompt(finding_id, self._option(row))

    @on(OptionList.OptionSelected, "#document-findings")
    def _open_finding(self, event: OptionList.OptionSelected) -> None:
        self.app.open_finding(event.option.id)

    def action_filter_list(self) -> None:
        self.app.show_list(document=self.path)

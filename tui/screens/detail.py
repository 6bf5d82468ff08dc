"""One finding in full: every claim, one card per source, and why it was flagged."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Container, VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer

from factlint.tui.rows import FindingIndex
from factlint.tui.screens.decide import DECISION_BINDINGS, DecisionKeys
from factlint.tui.widgets.claim_card import ClaimCard, group_by_sentence
from factlint.tui.widgets.finding_summary import FindingSummary
from factlint.tui.widgets.title_bar import TitleBar


class DetailScreen(DecisionKeys, Screen):
    """The finding's summary on top, then its claims (side by side on wide terminals)."""

    BINDINGS = [
        Binding("escape,q", "app.pop_screen", "Back", id="detail-back", tooltip="Back to the findings list"),
        *DECISION_BINDINGS,
        Binding("right_square_bracket", "step(1)", "Next", id="detail-next",
                tooltip="The next open finding of the list (the next one when none is open)"),
        Binding("left_square_bracket", "step(-1)", "Previous", show=False, id="detail-previous",
                tooltip="The previous open finding of the list (the previous one when none is open)"),
    ]

    def __init__(self, index: FindingIndex, finding_id: str) -> None:
        super().__init__()
        self.index = index
        self.finding_id = finding_id

    def compose(self) -> ComposeResult:
        yield TitleBar()
        yield FindingSummary(id="detail-summary")
        yield VerticalScroll(id="claims")
        yield Footer(compact=True)

    async def on_mount(self) -> None:
        await self.show(self.finding_id)

    def current_finding_id(self) -> str | None:
        return self.finding_id

    def current_claim_id(self) -> str | None:
        focused = self.focused
        return focused.claim.id if isinstance(focused, ClaimCard) else None

    async def show(self, finding_id: str) -> None:
        """Show `finding_id` (claims rebuilt, first claim focused)."""
        self.finding_id = finding_id
        f = self.index.by_id[finding_id].finding
        self.refresh_summary()
        claims = self.index.claims_of(f)
        box = self.query_one("#claims", VerticalScroll)
        await box.remove_children()
        groups = group_by_sentence(claims, self.index.documents)
        cards = [ClaimCard(group, self.index.documents.get(group[0].document), claims) for group in groups]
        await box.mount_all([Container(*cards[i:i + 2], classes="claim-pair") for i in range(0, len(cards), 2)])
        box.scroll_home(animate=False)
        if cards:
            cards[0].focus()
        self.refresh_bindings()

    def refresh_summary(self) -> None:
        f = self.index.by_id[self.finding_id].finding
        lst = self.app.findings_screen.findings_list
        pos = lst.position_of(f.id)
        where = f"{pos + 1}/{len(lst.order)}" if pos is not None else "not in the filtered list"
        self.query_one(FindingSummary).show(f, self.index.claims, where)

    async def decision_saved(self, finding_id: str, advance: bool, follow: bool = True) -> None:
        """After a decision: with `advance`, show the next open finding, or go back when none is left;
        with `follow` (an undo), show the finding that changed."""
        if not advance:
            if finding_id == self.finding_id:
                self.refresh_summary()
            elif follow:
                await self.show(finding_id)
            self.refresh_bindings()
            return
        current = self.app.findings_screen.current_finding_id()
        nxt = self.index.by_id[current].finding if current else None
        if nxt is None or nxt.status != "open":
            self.app.pop_screen()
            self.app.notify("No open findings left in this list.", title="Reviewed")
            return
        await self.show(current)

    async def action_step(self, step: int) -> None:
        lst = self.app.findings_screen.findings_list
        pos = lst.position_of(self.finding_id)
        if pos is None or not lst.order:
            return
        target = self.app.findings_screen.next_open(lst.order, pos, step)
        if target is None or not lst.select(target):
            lst.cursor = (pos + step) % len(lst.order)
        await self.show(lst.current.finding.id)

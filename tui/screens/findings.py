"""The findings list: what the reviewer works through, filtered, sorted and searchable."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Footer, Input

from factlint.tui.messages import FindingChosen, FindingHighlighted, SortRequested
from factlint.tui.rows import (SORT_KEYS, STATUS_CYCLE, Filters, FindingIndex, SortKey, arrow, next_in_cycle,
                               with_filter)
from factlint.tui.screens.decide import DECISION_BINDINGS, DecisionKeys
from factlint.tui.widgets.finding_summary import FindingSummary
from factlint.tui.widgets.findings_header import FindingsHeader
from factlint.tui.widgets.findings_list import FindingsList
from factlint.tui.widgets.summary_bar import SummaryBar
from factlint.tui.widgets.title_bar import TitleBar


class FindingsScreen(DecisionKeys, Screen):
    """Summary line, search box, the list, a preview of the highlighted finding, the footer."""

    BINDINGS = [
        *DECISION_BINDINGS,
        Binding("slash", "search", "Search", id="search",
                tooltip="Show only findings with these words (story, outlets, values, files, message)"),
        Binding("f", "cycle_status", "Status", id="filter-status",
                tooltip="Show open → confirmed → dismissed → all findings"),
        # Kind and sort stay out of the footer so that F1 and quit fit in 80 columns (F1 lists them).
        Binding("t", "cycle_kind", "Kind", show=False, id="filter-kind",
                tooltip="Show one kind (conflict, drift, …) at a time, then all"),
        Binding("a", "toggle_agreements", "Agreements", show=False, id="filter-agreements",
                tooltip="Show or hide agreements (never open: sources that corroborate each other)"),
        Binding("right_square_bracket", "step_open(1)", "Next open", show=False, id="list-next-open",
                tooltip="Jump to the next open finding"),
        Binding("left_square_bracket", "step_open(-1)", "Previous open", show=False, id="list-previous-open",
                tooltip="Jump to the previous open finding"),
        Binding("s", "cycle_sort", "Sort", show=False, id="sort", tooltip="Sort by the next column"),
        Binding("S", "reverse_sort", "Reverse", show=False, id="sort-reverse", tooltip="Reverse the sort order"),
        Binding("escape", "leave_search", "Back to list", id="leave-search",
                tooltip="Leave the search box, keeping its words"),
        Binding("ctrl+l", "clear_filters", "Clear filters", show=False, id="clear-filters",
                tooltip="Show all open findings again"),
    ]

    AUTO_FOCUS = "#findings"

    def __init__(self, index: FindingIndex) -> None:
        super().__init__()
        self.index = index
        self.filters = Filters()
        self.sort: SortKey = "story"  # grouped by story, conflicts first within one
        self.reverse = False
        self._binding_signature: tuple | None = None  # what the footer showed last (refresh_bindings_if_changed)

    def compose(self) -> ComposeResult:
        yield TitleBar()
        yield SummaryBar(id="summary")
        yield Input(placeholder="search: words in story, outlets, values, files, message", id="search")
        yield FindingsHeader(id="columns")
        yield FindingsList(self.index, id="findings")
        yield FindingSummary(fixed_height=True, id="preview")
        yield Footer(compact=True)

    @property
    def findings_list(self) -> FindingsList:
        return self.query_one(FindingsList)

    def on_mount(self) -> None:
        self.apply(keep=None)
        self.findings_list.focus()

    # ------------------------------------------------------------------ state

    def current_finding_id(self) -> str | None:
        row = self.findings_list.current if self.is_mounted else None
        return row.finding.id if row else None

    def apply(self, keep: str | None = None) -> None:
        """Recompute the rows shown from filters and sort; keep finding `keep` selected if shown."""
        order = self.index.view(self.filters, self.sort, self.reverse)
        self.findings_list.show(order, keep=keep or self.current_finding_id())
        header = self.query_one(FindingsHeader)
        header.sort_key, header.reverse = self.sort, self.reverse
        self.refresh_summary()
        self.query_one("#search", Input).display = bool(self.filters.query) or self.focused is self.query_one(
            "#search")
        self.refresh_bindings_if_changed()

    def refresh_summary(self) -> None:
        order = self.findings_list.order
        self.query_one(SummaryBar).update(len(order), len(self.index.rows), self.filters.describe(),
                                          f"{self.sort} {arrow(self.sort, self.reverse)}")
        self._preview(self.current_finding_id())

    def set_filters(self, **changes) -> None:
        self.filters = with_filter(self.filters, **changes)
        self.apply()

    def decision_saved(self, finding_id: str, advance: bool) -> None:
        """Refresh after a decision on `finding_id`; with `advance`, select the next open finding."""
        lst = self.findings_list
        old_order, old_pos = lst.order, lst.position_of(finding_id)
        if not advance or old_pos is None:
            self.apply(keep=finding_id)
            return
        target = self.next_open(old_order, old_pos)
        self.apply(keep=target or finding_id)

    def next_open(self, order: list[int], position: int, step: int = 1) -> str | None:
        """The first open finding after (`step` -1: before) `position` in `order`, wrapping
        around; agreements are never open."""
        rows = self.index.rows
        n = len(order)
        for k in range(1, n):
            f = rows[order[(position + step * k) % n]].finding
            if f.status == "open" and f.kind != "agreement":
                return f.id
        return None

    def _preview(self, finding_id: str | None) -> None:
        preview = self.query_one(FindingSummary)
        if finding_id is None:
            preview.update("No findings match. Press f, t or ctrl+l to change the filters.")
            return
        f = self.index.by_id[finding_id].finding
        position = self.findings_list.cursor + 1
        preview.show(f, self.index.claims, f"{position}/{len(self.findings_list.order)}")

    # ------------------------------------------------------------------ events

    @on(FindingHighlighted)
    def _highlighted(self, event: FindingHighlighted) -> None:
        self._preview(event.finding_id)
        self.refresh_bindings_if_changed()

    def refresh_bindings_if_changed(self) -> None:
        """Refresh the footer only when what applies changed: recomposing it on every cursor move is slow."""
        fid = self.current_finding_id()
        signature = (fid is not None and self.index.by_id[fid].finding.status, self.focused,
                     self.filters != Filters(), bool(self.app.review and self.app.review.history))
        if signature != self._binding_signature:
            self._binding_signature = signature
            self.refresh_bindings()

    @on(FindingChosen)
    def _chosen(self, event: FindingChosen) -> None:
        self.app.open_finding(event.finding_id)

    @on(SortRequested)
    def _sort_requested(self, event: SortRequested) -> None:
        key = "order" if event.key not in SORT_KEYS else event.key
        if key == self.sort:
            self.reverse = not self.reverse
        else:
            self.sort, self.reverse = key, False
        self.apply()

    @on(Input.Changed, "#search")
    def _search_changed(self, event: Input.Changed) -> None:
        self.filters = with_filter(self.filters, query=event.value)
        self.apply()

    @on(Input.Submitted, "#search")
    def _search_submitted(self) -> None:
        self.findings_list.focus()

    # ------------------------------------------------------------------ actions

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "leave_search":
            return self.is_mounted and self.focused is self.query_one("#search")
        if action == "clear_filters":
            return self.filters != Filters()
        return super().check_action(action, parameters)

    def action_search(self) -> None:
        box = self.query_one("#search", Input)
        box.display = True
        self.set_focus(box)  # not box.focus(): a widget still hidden at this moment refuses it
        self.refresh_bindings()

    def action_leave_search(self) -> None:
        self.findings_list.focus()
        self.query_one("#search", Input).display = bool(self.filters.query)
        self.refresh_bindings()

    def action_cycle_status(self) -> None:
        self.set_filters(status=next_in_cycle(STATUS_CYCLE, self.filters.status))

    def action_cycle_kind(self) -> None:
        kinds = (*self.index.kinds(), None)
        self.set_filters(kind=next_in_cycle(kinds, self.filters.kind))

    def action_cycle_sort(self) -> None:
        self.sort, self.reverse = next_in_cycle(SORT_KEYS, self.sort), False
        self.apply()

    def action_toggle_agreements(self) -> None:
        self.set_filters(agreements=not self.filters.agreements)

    def action_step_open(self, step: int) -> None:
        lst = self.findings_list
        if not lst.order:
            return
        target = self.next_open(lst.order, lst.cursor, step)
        if target is None:
            self.notify("No other open finding in this list.", timeout=3)
            return
        lst.select(target)

    def action_reverse_sort(self) -> None:
        self.reverse = not self.reverse
        self.apply()

    def action_clear_filters(self) -> None:
        self.query_one("#search", Input).value = ""
        self.filters = Filters()
        self.apply()
        self.findings_list.focus()

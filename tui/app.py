"""`factlint review`: the Textual app over a Report and the decisions file.

Thin by design: the check runs in a worker thread (`checker.pipeline.check`), the report
becomes a `FindingIndex`, and key presses become decisions saved through
`checker.decisions` at once.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Iterable

from textual import work
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from factlint.checker.decisions import DecisionStore
from factlint.checker.decisions import default_path as default_decisions_path
from factlint.checker.errors import FactlintError
from factlint.checker.model import Report
from factlint.checker.pipeline import Options, check

from factlint.tui.review import Review
from factlint.tui.rows import STATUS_CYCLE, Filters, FindingIndex
from factlint.tui.screens.decide import DECISION_BINDINGS
from factlint.tui.screens.detail import DetailScreen
from factlint.tui.screens.document import DocumentScreen
from factlint.tui.screens.findings import FindingsScreen
from factlint.tui.screens.help import HelpScreen
from factlint.tui.screens.loading import LoadingScreen
from factlint.tui.screens.note import NoteScreen
from factlint.tui.text import one_line
from factlint.tui.widgets.article_view import ArticleView
from factlint.tui.widgets.findings_list import FindingsList
from factlint.tui.widgets.title_bar import TitleBar


class ReviewApp(App):
    """Review the findings of `paths` (or of a ready `report`) against a decisions file."""

    CSS_PATH = "app.tcss"
    TITLE = "factlint review"
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (120, "-wide")]

    BINDINGS = [
        Binding("f1,question_mark", "help", "Help", id="help", tooltip="Every key of every screen"),
        Binding("q", "quit", "Quit", id="quit", tooltip="Leave; every decision is already saved"),
        Binding("ctrl+c", "quit", "Quit", show=False, priority=True, id="quit-ctrl-c",
                tooltip="Leave; every decision is already saved"),
    ]

    def __init__(self, paths: Iterable[str | Path] = (), *, options: Options | None = None,
                 decisions: str | Path | None = None, report: Report | None = None) -> None:
        super().__init__()
        self.paths = [str(p) for p in paths]
        self.options = options or Options()
        if decisions is None and self.paths:
            decisions = default_decisions_path(self.paths)
        self.decisions_path = Path(decisions) if decisions is not None else None
        self.report = report
        self.index: FindingIndex | None = None
        self.review: Review | None = None
        self.findings_screen: FindingsScreen | None = None
        self.error: str | None = None  # why the check could not run, for the command line after quitting

    # ------------------------------------------------------------------ loading

    async def on_mount(self) -> None:
        await self.push_screen(LoadingScreen())
        if self.report is None:
            self.run_check()
            return
        try:
            store = self._load_store()
        except FactlintError as exc:
            self._failed(str(exc))
            return
        await self.start(self.report, store)

    def _load_store(self) -> DecisionStore:
        if self.decisions_path is None:
            raise FactlintError("no decisions file given and no paths to find one from")
        return DecisionStore.load(self.decisions_path)

    @work(thread=True, exclusive=True, name="check")
    def run_check(self) -> None:
        """Load the decisions, run the pipeline with progress, hand the report to the UI thread."""
        def progress(stage: str, done: int, total: int) -> None:
            self.call_from_thread(self._progress, stage, done, total)

        progress("reading articles", 0, 0)
        try:
            store = self._load_store()
            options = dataclasses.replace(self.options, decisions=self.decisions_path, progress=progress)
            report = check(self.paths, options)
        except FactlintError as exc:
            self.call_from_thread(self._failed, str(exc))
            return
        progress("indexing findings", len(report.findings), len(report.findings))
        review = Review(FindingIndex(report), store)  # built here too: a large report must not stall the UI
        self.call_from_thread(self.start, report, store, review)

    def _progress(self, stage: str, done: int, total: int) -> None:
        if isinstance(self.screen, LoadingScreen):
            self.screen.progress(stage, done, total)

    def _failed(self, message: str) -> None:
        self.error = message
        if isinstance(self.screen, LoadingScreen):
            self.screen.failed(f"factlint: {message}  (q quits)")
        self.notify(message, title="Cannot review", severity="error", timeout=30)

    async def start(self, report: Report, store: DecisionStore, review: Review | None = None) -> None:
        """Show `report` for review against `store` (`review`: the two already indexed)."""
        self.report = report
        self.review = review or Review(FindingIndex(report), store)
        self.index = self.review.index
        self.findings_screen = FindingsScreen(self.index)
        await self.switch_screen(self.findings_screen)
        self.update_title()
        for e in report.errors:
            self.notify(one_line(e.message), title="Not read", severity="warning", timeout=10)
        if report.stale_decisions:
            n = len(report.stale_decisions)
            self.notify(f"{n} decision{'s' * (n != 1)} in the decisions file match no finding now; "
                        "`factlint decisions prune` drops them.", title="Stale decisions", timeout=10)

    def update_title(self) -> None:
        """The open count lives in the header, visible on every screen."""
        if self.index is not None:
            counts = self.index.counts()
            self.sub_title = f"{counts['open']} open · {counts['confirmed']} confirmed · {counts['dismissed']} dismissed"
            for screen in self.screen_stack:
                for bar in screen.query(TitleBar):
                    bar.refresh()

    # ------------------------------------------------------------------ navigation

    def open_finding(self, finding_id: str) -> None:
        self.findings_screen.findings_list.select(finding_id)
        if isinstance(self.screen, DetailScreen):
            self.call_later(self.screen.show, finding_id)
        else:
            self.push_screen(DetailScreen(self.index, finding_id))

    def open_document_for(self, finding_id: str, claim_id: str | None = None) -> None:
        f = self.review.finding(finding_id)
        claim_id = claim_id or (f.claims[0] if f.claims else None)
        claim = self.index.claims.get(claim_id) if claim_id else None
        if claim is None or claim.document not in self.index.documents:
            self.notify("This finding has no article to show.", severity="warning")
            return
        self.open_document(claim.document, claim.id)

    def open_document(self, path: str, claim_id: str | None = None) -> None:
        self.push_screen(DocumentScreen(self.index, path, claim_id))

    def show_list(self, **filters) -> None:
        """Back to the findings list (closing other screens), with `filters` changed."""
        while self.screen is not self.findings_screen and len(self.screen_stack) > 2:
            self.pop_screen()
        self.findings_screen.set_filters(**filters)
        self.findings_screen.findings_list.focus()

    def action_help(self) -> None:
        if isinstance(self.screen, HelpScreen):
            return
        sections = [
            ("Findings list (the decision keys work in the detail too)",
             [*FindingsScreen.BINDINGS, *FindingsList.BINDINGS]),
            ("Finding detail", [b for b in DetailScreen.BINDINGS if b not in DECISION_BINDINGS]),
            ("Article", [*DocumentScreen.BINDINGS, *ArticleView.BINDINGS]),
            ("Everywhere", [*self.BINDINGS, Binding("ctrl+p", "command_palette", "Commands",
                                                    tooltip="Command palette: filters, sort, jump to an article"),
                            Binding("tab", "focus_next", "Next", tooltip="Move to the next part of the screen")]),
        ]
        self.push_screen(HelpScreen(sections, str(self.decisions_path) if self.decisions_path else None))

    # ------------------------------------------------------------------ decisions

    def decide(self, finding_id: str, status: str, note: str | None = None) -> None:
        try:
            changed = self.review.set_status(finding_id, status, note)
        except (FactlintError, OSError) as exc:
            self.not_saved(exc)
            return
        if changed:
            self._saved(finding_id, advance=status != "open")

    def edit_note(self, finding_id: str, status: str | None = None) -> None:
        """Ask for a note; with `status`, decide with it, else change the note of a decided finding."""
        f = self.review.finding(finding_id)
        heading = f"{f.kind} · {self.index.by_id[finding_id].values}"
        title = {"confirmed": "Confirm: note", "dismissed": "Dismiss: note"}.get(status or "", f"{f.status.capitalize()}: note")

        def done(note: str | None) -> None:
            if note is None:
                return
            if status is not None:
                self.decide(finding_id, status, note)
                return
            try:
                changed = self.review.set_note(finding_id, note)
            except (FactlintError, OSError) as exc:
                self.not_saved(exc)
                return
            if changed:
                self._saved(finding_id, advance=False)

        self.push_screen(NoteScreen(heading, f.note, title), done)

    def undo(self) -> None:
        try:
            finding_id = self.review.undo()
        except (FactlintError, OSError) as exc:
            self.not_saved(exc)
            return
        if finding_id is not None:
            self._saved(finding_id, advance=False)
            if self.findings_screen.findings_list.position_of(finding_id) is None:
                self.notify("Undone; the current filter hides this finding.", timeout=4)

    def not_saved(self, exc: Exception) -> None:
        """A decision could not be written: say so; the screens keep showing what the file holds."""
        if isinstance(exc, OSError):
            where = f"{exc.filename}: " if exc.filename else f"{self.decisions_path}: "
            exc = FactlintError(f"{where}cannot write the decisions file: {exc.strerror or exc}")
        self.notify(str(exc), title="Not saved", severity="error", timeout=15)

    def _saved(self, finding_id: str, advance: bool) -> None:
        """Refresh every screen after a saved change; the list moves on to the next open finding.

        Only the screen in front follows the change (shows the next or the undone finding);
        screens below it just refresh what they show.
        """
        self.update_title()
        self.findings_screen.decision_saved(finding_id, advance)
        for screen in self.screen_stack:
            if screen is not self.findings_screen and hasattr(screen, "decision_saved"):
                self.call_later(screen.decision_saved, finding_id, advance and screen is self.screen,
                                screen is self.screen)
        getattr(self.screen, "refresh_bindings_if_changed", self.screen.refresh_bindings)()

    # ------------------------------------------------------------------ command palette

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        if self.findings_screen is None:
            return
        fs = self.findings_screen
        for status in STATUS_CYCLE:
            label = status or "all statuses"
            yield SystemCommand(f"Filter: {label}", f"Show {label} findings",
                                lambda s=status: self.show_list(status=s))
        for kind in (*self.index.kinds(), None):
            label = kind or "any kind"
            yield SystemCommand(f"Filter kind: {label}", f"Show {label} findings",
                                lambda k=kind: self.show_list(kind=k))
        yield SystemCommand("Filter: clear all", "Open findings of every kind and article, no search",
                            lambda: self.show_list(**dataclasses.asdict(Filters())))
        yield SystemCommand("Sort: next column", "Sort the list by the next column", fs.action_cycle_sort)
        for path in self.index.documents:
            name = one_line(path)
            yield SystemCommand(f"Filter document: {name}", "Show only findings that involve this article",
                                lambda p=path: self.show_list(document=p), discover=False)
            yield SystemCommand(f"Open article: {name}", "Show the whole article with its claims marked",
                                lambda p=path: self.open_document(p), discover=False)

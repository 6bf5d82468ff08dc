"""Shown while the check runs in a worker: what it is doing and how far it got."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Center, Middle
from textual.screen import Screen
from textual.widgets import Footer, ProgressBar, Static

from factlint.tui.widgets.title_bar import TitleBar


class LoadingScreen(Screen):
    """A progress bar and a line; on failure the one-line error and how to leave."""

    BINDINGS = [Binding("q,escape", "app.quit", "Quit", id="loading-quit", tooltip="Stop and leave")]

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with Middle():
            with Center():
                yield Static(Text("Checking…"), id="loading-stage")
            with Center():
                yield ProgressBar(total=None, show_eta=False, id="loading-progress")
        yield Footer(compact=True)

    def progress(self, stage: str, done: int, total: int) -> None:
        self.query_one("#loading-stage", Static).update(Text(f"{stage} {done}/{total}" if total else stage))
        bar = self.query_one(ProgressBar)
        bar.update(total=total or None, progress=done)

    def failed(self, message: str) -> None:
        self.query_one("#loading-stage", Static).update(Text(message, style="bold red"))
        self.query_one(ProgressBar).display = False

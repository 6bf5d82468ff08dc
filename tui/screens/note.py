"""A small dialog for a decision's note; enter saves, escape cancels."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static


class NoteScreen(ModalScreen[str | None]):
    """Returns the note typed (empty: remove it), or None when cancelled. Titled by the decision
    it belongs to ("Dismiss: note"); an old note stays, unselected, with the cursor after it, so
    typing adds to it."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="note-cancel", tooltip="Close without saving")]

    def __init__(self, heading: str, note: str | None, title: str = "Note") -> None:
        super().__init__()
        self.heading = heading
        self.note = f"{note} " if note else ""
        self.box_title = title

    def compose(self) -> ComposeResult:
        with Vertical(id="note-dialog") as box:
            box.border_title = self.box_title
            yield Static(Text(self.heading), id="note-heading")
            yield Input(value=self.note, placeholder="why: a source, a correction, a reason", id="note-input",
                        select_on_focus=False)
            yield Static(Text("enter saves · escape cancels · empty removes the note", style="dim"))

    def on_mount(self) -> None:
        box = self.query_one(Input)
        box.focus()
        box.cursor_position = len(box.value)

    @on(Input.Submitted)
    def _submit(self, event: Input.Submitted) -> None:
        self.dismiss(event.value)

    def action_cancel(self) -> None:
        self.dismiss(None)

"""F1: every key of every screen, generated from the bindings so it cannot drift."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

INTRO = (
    "factlint review: work through the findings of a check. Each decision is written to the "
    "decisions file at once; `factlint check` then fails only on findings still open.\n"
    "Confirm a real, known discrepancy; dismiss what is not one. Mouse works, keys are enough."
)


def keys_table(title: str, bindings: list[Binding], display) -> Table:
    """`display(Binding) -> str` shows a key as the footer does (`/`, `[`, `^p`)."""
    table = Table(title=title, title_justify="left", show_header=False, box=None, expand=True, padding=(0, 1))
    table.add_column("key", style="bold", no_wrap=True, width=14)
    table.add_column("does", ratio=1)
    for b in bindings:
        keys = ", ".join(display(Binding(k.strip(), b.action)) for k in b.key.split(","))
        table.add_row(Text(keys), Text(b.tooltip or b.description))
    return table


class HelpScreen(ModalScreen[None]):
    """The keys of the list, detail and article screens, and of the whole app."""

    BINDINGS = [Binding("escape,f1,question_mark,q", "dismiss", "Close", id="help-close", tooltip="Close the help")]

    def __init__(self, sections: list[tuple[str, list[Binding]]], decisions: str | None = None) -> None:
        super().__init__()
        self.sections = sections
        self.decisions = decisions

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-body") as body:
            body.border_title = "Help · escape closes"
            intro = Text(INTRO)
            if self.decisions:
                intro.append("\nDecisions file: ", style="dim")
                intro.append(self.decisions)
            yield Static(intro, id="help-intro")
            for title, bindings in self.sections:
                yield Static(keys_table(title, bindings, self.app.get_key_display), classes="help-section")

    def on_mount(self) -> None:
        self.query_one("#help-body").focus()

"""Column headings of the findings list, with the sort column marked; click one to sort."""

from __future__ import annotations

from rich.cells import set_cell_size
from rich.text import Text
from textual import events
from textual.reactive import reactive
from textual.widget import Widget

from factlint.tui.messages import SortRequested
from factlint.tui.rows import arrow
from factlint.tui.widgets.findings_list import COLUMNS, column_at, column_widths


class FindingsHeader(Widget):
    """One line of headings aligned with `FindingsList`'s columns."""

    sort_key: reactive[str] = reactive("order")
    reverse: reactive[bool] = reactive(False)

    def render(self) -> Text:
        text = Text(no_wrap=True, end="")
        for i, ((key, heading, _), width) in enumerate(zip(COLUMNS, column_widths(self.size.width))):
            label = heading
            if key == self.sort_key:
                label = f"{heading} {arrow(key, self.reverse)}"
            cell = label
            text.append(set_cell_size(cell, width), style="bold" if key == self.sort_key else "")
            if i < len(COLUMNS) - 1:
                text.append(" ")
        return text

    def on_click(self, event: events.Click) -> None:
        key = column_at(event.x, self.size.width)
        if key:
            self.post_message(SortRequested(key))

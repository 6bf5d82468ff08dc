"""The line above the findings list: how many rows are shown, the filter and sort in force."""

from __future__ import annotations

from rich.text import Text
from textual.widget import Widget


class SummaryBar(Widget):
    """`showing 12 of 16 │ open · any kind │ sort: story ▲` (the counts are in the title bar)."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._text = Text()

    def update(self, shown: int, total: int, filters: str, sort: str) -> None:
        text = Text(no_wrap=True, overflow="ellipsis", end="")
        text.append(f"showing {shown} of {total}", style="bold")
        text.append(" │ ", style="dim")
        text.append(filters)
        text.append(f" │ sort: {sort}", style="dim")
        self._text = text
        self.refresh()

    def render(self) -> Text:
        return self._text

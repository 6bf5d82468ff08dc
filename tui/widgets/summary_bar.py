"""The line above the findings list: open count, totals, filter and sort in force."""

from __future__ import annotations

from rich.text import Text
from textual.widget import Widget


class SummaryBar(Widget):
    """`12 open · 3 confirmed · 1 dismissed │ showing 12 of 16: open · any kind │ sort: kind`."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._text = Text()

    def update(self, counts: dict[str, int], shown: int, total: int, filters: str, sort: str) -> None:
        text = Text(no_wrap=True, overflow="ellipsis", end="")
        text.append(f"{counts['open']} open", style="bold")
        text.append(f" · {counts['confirmed']} confirmed · {counts['dismissed']} dismissed")
        text.append(f" │ showing {shown} of {total}: ", style="dim")
        text.append(filters)
        text.append(f" │ sort: {sort}", style="dim")
        self._text = text
        self.refresh()

    def render(self) -> Text:
        return self._text

"""The top line of every screen: the app's name and the open count, always visible."""

from __future__ import annotations

from rich.text import Text
from textual.widget import Widget


class TitleBar(Widget):
    """`factlint review — 12 open · 3 confirmed · 1 dismissed`, read from the app at each render.

    The app calls `refresh()` after every decision; no watcher, so nothing fires while a
    screen is being replaced.
    """

    def render(self) -> Text:
        text = Text(justify="center", no_wrap=True, overflow="ellipsis", end="")
        text.append(self.app.title, style="bold")
        if self.app.sub_title:
            text.append(" — " + self.app.sub_title)
        return text

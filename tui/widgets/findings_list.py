"""The findings list: a Line API widget that renders only the rows on screen.

The rows come from `tui.rows.FindingIndex`; the widget holds the current order (a list
of row indices) and a cursor. Changing the filter swaps the order list, so with 10 000
findings neither opening nor filtering builds 10 000 widgets or cells.
"""

from __future__ import annotations

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding
from textual.geometry import Region, Size
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from factlint.tui.messages import FindingChosen, FindingHighlighted
from factlint.tui.rows import FindingIndex, Row

STATUS_MARK = {"open": "●", "confirmed": "✓", "dismissed": "✗"}
AGREEMENT_MARK = "="  # an agreement is not a discrepancy: never open
KIND_LABEL = {"conflict": "conflict", "drift": "drift", "agreement": "agreement", "inconsistency": "inconsist."}

# (key, heading, fixed width or share of the remaining width)
COLUMNS: tuple[tuple[str, str, int | float], ...] = (
    ("status", "", 2),
    ("kind", "kind", 11),
    ("story", "story", 0.22),
    ("measure", "measure", 0.18),
    ("values", "values", 0.38),
    ("sources", "outlets", 0.22),
)


def column_widths(total: int) -> list[int]:
    """Cell widths of the columns (one space between them) for a list `total` cells wide."""
    fixed = sum(w for _, _, w in COLUMNS if isinstance(w, int))
    spare = max(0, total - fixed - (len(COLUMNS) - 1))
    widths = [w if isinstance(w, int) else int(spare * w) for _, _, w in COLUMNS]
    widths[4] += max(0, spare - sum(w for (_, _, s), w in zip(COLUMNS, widths) if isinstance(s, float)))
    return widths


def fit(text: str, width: int) -> str:
    """`text` in exactly `width` cells; a cut text ends with `…`."""
    if cell_len(text) <= width:
        return set_cell_size(text, width)
    return set_cell_size(text, max(0, width - 1)) + "…" if width > 0 else ""


def column_at(x: int, total: int) -> str | None:
    """The key of the column under cell `x`."""
    left = 0
    for (key, _, _), width in zip(COLUMNS, column_widths(total)):
        if left <= x < left + width + 1:
            return key
        left += width + 1
    return None


class FindingsList(ScrollView, can_focus=True):
    """Findings, one per line: status, kind, story, measure, values, outlets."""

    COMPONENT_CLASSES = {
        "findings-list--cursor",
        "findings-list--open",
        "findings-list--confirmed",
        "findings-list--dismissed",
        "findings-list--conflict",
        "findings-list--drift",
        "findings-list--agreement",
        "findings-list--inconsistency",
    }

    BINDINGS = [
        Binding("up,k", "cursor(-1)", "Up", show=False, id="list-up", tooltip="Previous finding"),
        Binding("down,j", "cursor(1)", "Down", show=False, id="list-down", tooltip="Next finding"),
        Binding("pageup", "page(-1)", "Page up", show=False, id="list-page-up", tooltip="One screen up"),
        Binding("pagedown", "page(1)", "Page down", show=False, id="list-page-down", tooltip="One screen down"),
        Binding("home", "jump(0)", "First", show=False, id="list-first", tooltip="First finding"),
        Binding("end", "jump(-1)", "Last", show=False, id="list-last", tooltip="Last finding"),
        Binding("enter", "choose", "Open", show=False, id="open-finding", tooltip="Show every claim of this finding"),
    ]

    cursor: reactive[int] = reactive(0, always_update=True, init=False, repaint=False)  # watch_cursor repaints 2 lines

    def __init__(self, index: FindingIndex, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.index = index
        self.order: list[int] = []

    # ------------------------------------------------------------------ data

    def show(self, order: list[int], keep: str | None = None) -> None:
        """Show the rows `order` (indices into the index), keeping finding `keep` selected if shown."""
        previous = self.cursor
        self.order = order
        self.virtual_size = Size(self.size.width, len(order))
        position = self.position_of(keep) if keep else None
        self.cursor = position if position is not None else min(previous, max(0, len(order) - 1))
        self.refresh()

    def position_of(self, finding_id: str) -> int | None:
        row = self.index.by_id.get(finding_id)
        if row is None:
            return None
        try:
            return self.order.index(row.index)
        except ValueError:
            return None

    @property
    def current(self) -> Row | None:
        if not self.order:
            return None
        return self.index.rows[self.order[min(self.cursor, len(self.order) - 1)]]

    def select(self, finding_id: str) -> bool:
        position = self.position_of(finding_id)
        if position is None:
            return False
        self.cursor = position
        return True

    # ------------------------------------------------------------------ cursor

    def validate_cursor(self, value: int) -> int:
        return max(0, min(value, len(self.order) - 1)) if self.order else 0

    def watch_cursor(self, old: int, new: int) -> None:
        self.refresh_line(old)
        self.refresh_line(new)
        self._scroll_cursor_into_view()
        row = self.current
        self.post_message(FindingHighlighted(row.finding.id if row else None))

    def refresh_line(self, y: int) -> None:
        self.refresh(Region(0, y - int(self.scroll_y), self.size.width, 1))

    def _scroll_cursor_into_view(self) -> None:
        height = max(1, self.scrollable_content_region.height)
        top = int(self.scroll_y)
        if self.cursor < top:
            self.scroll_to(y=self.cursor, animate=False, immediate=True)
        elif self.cursor >= top + height:
            self.scroll_to(y=self.cursor - height + 1, animate=False, immediate=True)

    def action_cursor(self, delta: int) -> None:
        self.cursor += delta

    def action_page(self, direction: int) -> None:
        self.cursor += direction * max(1, self.scrollable_content_region.height - 1)

    def action_jump(self, where: int) -> None:
        self.cursor = 0 if where == 0 else len(self.order) - 1

    def action_choose(self) -> None:
        row = self.current
        if row is not None:
            self.post_message(FindingChosen(row.finding.id))

    def on_click(self, event: events.Click) -> None:
        y = event.y + int(self.scroll_y)
        if 0 <= y < len(self.order):
            self.cursor = y
            if event.chain >= 2:
                self.action_choose()

    def on_resize(self) -> None:
        self.virtual_size = Size(self.size.width, len(self.order))

    # ------------------------------------------------------------------ rendering

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        line = y + int(self.scroll_y)
        base = self.rich_style
        if line >= len(self.order):
            return Strip.blank(width, base)
        row = self.index.rows[self.order[line]]
        f = row.finding
        widths = column_widths(width)
        mark = AGREEMENT_MARK if f.kind == "agreement" and f.status == "open" else STATUS_MARK.get(f.status, "?")
        cells = [mark, KIND_LABEL.get(f.kind, f.kind), row.story, row.measure, row.values, row.outlets]
        status_style = self.get_component_rich_style(f"findings-list--{f.status}", partial=True)
        kind_style = self.get_component_rich_style(f"findings-list--{f.kind}", partial=True, default=Style())
        styles = [status_style, kind_style, Style(), Style(), Style(bold=True), Style()]
        row_style = base
        if line == self.cursor:
            row_style = base + self.get_component_rich_style("findings-list--cursor")
        segments: list[Segment] = []
        for i, (text, w, style) in enumerate(zip(cells, widths, styles)):
            segments.append(Segment(fit(text, w), row_style + style if line != self.cursor else row_style))
            if i < len(cells) - 1:
                segments.append(Segment(" ", row_style))
        return Strip(segments).adjust_cell_length(width, row_style)

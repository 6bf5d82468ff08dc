"""Messages the review widgets send up to their screens."""

from __future__ import annotations

from textual.message import Message


class FindingHighlighted(Message):
    """The cursor of the findings list moved onto a finding (None: the list is empty)."""

    def __init__(self, finding_id: str | None) -> None:
        self.finding_id = finding_id
        super().__init__()


class FindingChosen(Message):
    """The reviewer asked to open a finding (enter or double click)."""

    def __init__(self, finding_id: str) -> None:
        self.finding_id = finding_id
        super().__init__()


class SortRequested(Message):
    """A column heading was clicked."""

    def __init__(self, key: str) -> None:
        self.key = key
        super().__init__()


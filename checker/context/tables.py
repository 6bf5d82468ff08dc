"""Markdown tables: the header cell above a figure that stands in a table row.

A row is a line whose first character other than blanks is "|"; the header is the first
row of the run of rows a figure's line belongs to. Lines, rows and the bars of a line are
indexed once per document, so a table of many rows or a row of megabytes costs a few
bisections per figure.
"""

from __future__ import annotations

import bisect
import re

from factlint.checker.model import Claim

ROW = re.compile(r"\s*\|")
BAR = re.compile(r"\|")


class Tables:
    def __init__(self, text: str):
        self.text = text
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", text)]
        self.line_ends = [s - 1 for s in self.line_starts[1:]] + [len(text)]
        self.first_bar = [self._first_bar(n) for n in range(len(self.line_starts))]
        self.top: list[int] = []  # the first row of the run of rows each line belongs to
        for n, bar in enumerate(self.first_bar):
            self.top.append(self.top[-1] if bar is not None and n and self.first_bar[n - 1] is not None else n)
        self.bars: dict[int, list[int]] = {}
        self.cells: dict[int, list[str]] = {}

    def _first_bar(self, n: int) -> int | None:
        m = ROW.match(self.text, self.line_starts[n], self.line_ends[n])
        return m.end() - 1 if m else None

    def header(self, c: Claim) -> str | None:
        """The header cell of the Markdown table column `c` stands in, if it stands in one."""
        n = bisect.bisect_right(self.line_starts, c.start) - 1
        bar = self.first_bar[n]
        if bar is None or bar >= c.start or self.top[n] == n:
            return None
        column = bisect.bisect_left(self._bars(n), c.start)
        cells = self._cells(self.top[n])
        return cells[column] if column < len(cells) else None

    def _bars(self, n: int) -> list[int]:
        if n not in self.bars:
            self.bars[n] = [m.start() for m in BAR.finditer(self.text, self.line_starts[n], self.line_ends[n])]
        return self.bars[n]

    def _cells(self, n: int) -> list[str]:
        if n not in self.cells:
            self.cells[n] = self.text[self.line_starts[n]:self.line_ends[n]].split("|")
        return self.cells[n]

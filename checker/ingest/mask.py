"""Same-length masking for plain text and Markdown: spans blanked to spaces, newlines kept,
so an offset into the scan is an offset into the file."""

from __future__ import annotations

import re

URL = re.compile(r"(?:https?://|www\.)[^\s<>\"')\]]+")


def blank_urls(text: str) -> str:
    """URLs carry digits that are no claims (dates in paths, ids): blank them."""
    return blank_spans(text, [m.span() for m in URL.finditer(text)])


def blank_spans(text: str, spans: list[tuple[int, int]]) -> str:
    """`text` with each [start, end) of `spans` replaced by spaces, newlines kept."""
    if not spans:
        return text
    chars = list(text)
    for start, end in spans:
        for i in range(start, end):
            if chars[i] not in "\r\n":
                chars[i] = " "
    return "".join(chars)

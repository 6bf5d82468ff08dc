"""Markdown → scan: front matter, link targets, markup characters, notes and URLs blanked.

A line break inside a paragraph (a wrapped line) becomes a space, so a sentence
wrapped over two lines stays one sentence.
"""

from __future__ import annotations

import re

from factlint.checker.ingest.mask import URL, blank_spans, spaces_at

# No alternative crosses the character that could start another match ("[", "(", "<"):
# a failed attempt stops there, so blanking stays linear in the length of the text.
MD_LINK = re.compile(r'(!?\[)([^\[\]\n]*)(\]\([^()\s]*(?:\s+"[^"\n]*")?\))')
# Footnote marks ([^1], [1]) and reference-link labels ([text][2]) carry numbers that are no claims.
MD_NOTE = re.compile(r"\[\^[^\[\]\s]+\]|\[\d{1,3}\]|\]\[[^\[\]\n]*\]")
MD_REFDEF = re.compile(r"^[ \t]{0,3}\[(?!\^)[^\]\n]+\]:[^\n]*", re.M)  # a footnote's text stays
MD_LINE_MARKS = re.compile(r"^[ \t]{0,3}(?:#{1,6}|>+)(?=[ \t])", re.M)
MD_MARK_START = re.compile(r"[*`_<]")  # a class first: the engine skips to candidates fast
MD_INLINE_MARK = re.compile(r"\*{1,3}|`+|(?<!\w)_{1,3}|_{1,3}(?!\w)|</?[A-Za-z][^<>\n]*>")


def markdown_scan(text: str, body_start: int) -> str:
    """`text` with the front matter, link targets, markup characters and URLs blanked."""
    spans = [(0, body_start)]
    for m in MD_LINK.finditer(text, body_start):
        spans += [(m.start(1), m.end(1)), (m.start(3), m.end(3))]
    spans += [m.span() for m in MD_REFDEF.finditer(text, body_start)]
    spans += [m.span() for m in MD_NOTE.finditer(text, body_start)]
    spans += [m.span() for m in MD_LINE_MARKS.finditer(text, body_start)]
    spans += inline_marks(text, body_start)
    spans += [m.span() for m in URL.finditer(text, body_start)]
    spans += html_comments(text, body_start)
    scan = blank_spans(text, spans)
    return spaces_at(scan, soft_breaks(text, body_start))  # breaks read from the marks, before they were blanked


MD_BLOCK_START = re.compile(r"[ \t]{0,3}(?:[#>|<]|```|~~~|[-*+•][ \t]|\d{1,9}[.)][ \t])")


def soft_breaks(text: str, start: int) -> list[int]:
    """Offsets of the line breaks inside Markdown paragraphs (a wrapped line): read as spaces,
    so a sentence wrapped over two lines stays one sentence. A blank line, a heading, a list
    item, a quote, a table row, a fence or a hard break (two spaces, a backslash) ends a line."""
    out: list[int] = []
    fenced = False
    lines = []  # (offset from start, line with its "\n"); found with str.find: linear on any input
    body_text = text[start:]
    at = 0
    while (end := body_text.find("\n", at)) >= 0:
        lines.append((at, body_text[at:end + 1]))
        at = end + 1
    for (at, line), (_, following) in zip(lines, lines[1:]):
        body = line.rstrip("\r\n")
        if body.lstrip().startswith(("```", "~~~")):
            fenced = not fenced
            continue
        if fenced or not body.strip() or not following.strip() or MD_BLOCK_START.match(following):
            continue
        if body.lstrip().startswith(("#", "|")) or body.endswith(("  ", "\\")):
            continue
        newline = start + at + len(body)
        out.extend(range(newline, start + at + len(line)))
    return out


def inline_marks(text: str, start: int) -> list[tuple[int, int]]:
    """Spans of emphasis and code marks and inline HTML tags from `start`."""
    spans: list[tuple[int, int]] = []
    end = start
    for candidate in MD_MARK_START.finditer(text, start):
        if candidate.start() < end:
            continue
        m = MD_INLINE_MARK.match(text, candidate.start())
        if m:
            spans.append(m.span())
            end = m.end()
    return spans


def html_comments(text: str, start: int) -> list[tuple[int, int]]:
    """Spans of `<!-- … -->` from `start`; an unclosed one runs to the end."""
    spans = []
    while (open_at := text.find("<!--", start)) >= 0:
        close = text.find("-->", open_at + 4)
        start = len(text) if close < 0 else close + 3
        spans.append((open_at, start))
    return spans

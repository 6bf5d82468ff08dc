"""Same-length masking for plain text and Markdown: spans blanked to spaces, newlines kept,
so an offset into the scan is an offset into the file."""

from __future__ import annotations

import re
from functools import lru_cache

URL = re.compile(r"(?:https?://|www\.)[^\s<>\"')\]]+")


def blank_urls(text: str) -> str:
    """URLs carry digits that are no claims (dates in paths, ids): blank them."""
    if "://" not in text and "www." not in text:
        return text  # the common case, told without the regular expression
    return blank_spans(text, [m.span() for m in URL.finditer(text)])


def blank_spans(text: str, spans: list[tuple[int, int]]) -> str:
    """`text` with each [start, end) of `spans` replaced by spaces, newlines kept."""
    if not spans:
        return text
    if len(spans) > 64:  # many spans (a page of markup): one pass over a list of characters
        chars = list(text)
        for start, end in spans:
            for i in range(start, end):
                if chars[i] not in "\r\n":
                    chars[i] = " "
        return "".join(chars)
    parts, at = [], 0  # a few spans: slices, without a list as long as the text
    for start, end in sorted(spans):
        start = max(start, at)
        if end <= start:
            continue
        parts.append(text[at:start])
        piece = text[start:end]
        parts.append(_NOT_LINE_END.sub(" ", piece) if "\n" in piece or "\r" in piece else " " * (end - start))
        at = end
    parts.append(text[at:])
    return "".join(parts)


_NOT_LINE_END = re.compile(r"[^\r\n]")


def spaces_at(text: str, offsets: list[int]) -> str:
    """`text` with the character at each of `offsets` (ascending) read as a space (a line
    break that does not end a line: a wrapped Markdown line, a quantity cut in two)."""
    if not offsets:
        return text
    if len(offsets) > 64:
        chars = list(text)
        for i in offsets:
            chars[i] = " "
        return "".join(chars)
    parts, at = [], 0
    for i in offsets:
        parts += (text[at:i], " ")
        at = i + 1
    parts.append(text[at:])
    return "".join(parts)


# Leftovers of scraping that a page never shows, and that carry digits no claim has.
# A terminal control sequence: ESC (as the character, or spelled as an escape) "[", its
# numeric parameters and a final letter (`ESC[2J` clears a screen; it is no 2 joules).
CONTROL_SEQUENCE = re.compile(r"(?:\x1b|&#[xX]0*1[bB];?|&#0*27;?|\\x1[bB]|\\u001[bB]|\\033|\\e|\^\[)[^\S\n]*\[[0-9;?]*[A-Za-z@~]?")
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# Zero-width characters (and a byte-order mark inside the text): a space on the page,
# except inside a number, where they sit between digit groups (`1,\u200b180`).
ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff"
INVISIBLE_RUN = re.compile(f"[{ZERO_WIDTH}]+")
GROUP_MARKS = ".,'’"
# A character reference left as text by a scraper (`&nbsp;`, `&#8364;`, `&#x1b;`); the
# closing semicolon is required outside HTML, so prose such as "R&D" stays as written.
TEXT_CHAR_REF = re.compile(r"&(?:#[xX][0-9a-fA-F]{1,6}|#\d{1,7}|[A-Za-z][A-Za-z0-9]{1,31});")
# Escaped twice (`&amp;#8364;`, `&amp;nbsp;`): in any format, no number hides in it.
DOUBLE_REF = re.compile(r"&amp;(?:#[xX][0-9a-fA-F]{1,6}|#\d{1,7}|[A-Za-z][A-Za-z0-9]{1,31});")
SHOWN_SPACES = "\u00a0\u202f\u2009"
# A tag left in a plain text (`<img width="640">`, `</p>`): its attributes are no claims.
TEXT_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:[^\S\n][^<>\n]{0,300})?/?>")  # space-like characters that digit groups may keep


def clean_scan(text: str, scan: str, references: bool = True, tags: bool = False) -> str:
    """The scan of `text` (same length) without scraping leftovers: character references
    written out as text become the character they stand for followed by spaces (as in an
    HTML scan; only with `references`), terminal control sequences (found in the text, where
    their escape is still visible) and other control characters are blanked, and zero-width
    characters become spaces unless they sit inside a number. With `tags` (a plain text),
    HTML tags left in the text are blanked too."""
    if tags and "<" in scan:
        scan = blank_spans(scan, [m.span() for m in TEXT_TAG.finditer(scan)])
    if "&amp;" in text:
        spans = [m.span() for m in DOUBLE_REF.finditer(text)]
        if spans:
            chars = list(scan)
            for start, end in spans:
                chars[start:end] = _reference(text[start:end], twice=True)
            scan = "".join(chars)
    if references and "&" in scan:
        scan = TEXT_CHAR_REF.sub(lambda m: _reference(m.group()), scan)
    if "[" in text and ("\x1b" in text or "\\" in text or "&#" in text or "^[" in text):
        scan = blank_spans(scan, [m.span() for m in CONTROL_SEQUENCE.finditer(text)])
    if CONTROL.search(scan):
        scan = CONTROL.sub(" ", scan)
    if INVISIBLE_RUN.search(scan):
        scan = blank_spans(scan, [m.span() for m in INVISIBLE_RUN.finditer(scan) if not _between_digits(scan, m)])
    return scan


@lru_cache(maxsize=1024)  # a scraped text repeats the same few references (&nbsp;, &#8364;)
def _reference(ref: str, twice: bool = False) -> str:
    import html

    char = html.unescape(html.unescape(ref) if twice else ref)
    if char == ref:
        return ref
    if len(char) != 1 or (char.isspace() and char not in SHOWN_SPACES):
        char = " "
    return char + " " * (len(ref) - 1)


def _between_digits(scan: str, m: re.Match) -> bool:
    """Does a run of zero-width characters sit between digit groups (kept), or elsewhere (a space)?"""
    s, e = m.start(), m.end()
    before = scan[s - 1] if s else ""
    if before in GROUP_MARKS and s >= 2:
        before = scan[s - 2]
    return before.isdigit() and e < len(scan) and scan[e].isdigit()

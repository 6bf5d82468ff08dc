"""Text from articles, file names and decisions as a terminal may show it.

A control character written to a terminal is obeyed, not shown: `ESC[2J` clears the
screen, `ESC]0;…BEL` retitles the window, OSC 8 plants links, a bidi override reorders
what the reader sees. Every human-readable output (the full, concise and github formats,
`extract`'s table, one-line errors, the review TUI) passes what it did not write itself
through `visible`, which replaces each such character, one for one, by a visible stand-in:
C0 controls and DEL by their Unicode symbols (ESC → ␛), C1 controls and bidi overrides and
isolates by U+FFFD. Lengths are kept, so offsets into the text still index the result.

JSON, SARIF and JUnit XML stay faithful: they carry the text as it is, but write every such
character that their syntax allows raw (JSON must escape only C0; C1, DEL and bidi controls
may stand raw) as an escape (`\u009b`, `&#x9b;`), which a parser reads back to the same
character while a terminal that shows the file (`cat report.json`, a CI log) obeys nothing.
U+2028 and U+2029 are escaped too: JavaScript before ES2019 ends a string at them.
"""

from __future__ import annotations

import re

BIDI = (0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069)
SHOWN_AS_REPLACEMENT = "\N{REPLACEMENT CHARACTER}"


def _stand_in(code: int) -> str:
    if code < 0x20:
        return chr(0x2400 + code)  # ␀ … ␟
    if code == 0x7F:
        return "\N{SYMBOL FOR DELETE}"
    return SHOWN_AS_REPLACEMENT  # C1 controls, bidi overrides and isolates


_TABLE = {c: _stand_in(c) for c in [*range(0x20), 0x7F, *range(0x80, 0xA0), *BIDI] if chr(c) not in "\n\t"}
_LINE_TABLE = {**_TABLE, ord("\n"): "\N{SYMBOL FOR NEWLINE}"}


def visible(s: str) -> str:
    """`s` with every control character but newline and tab replaced by a visible symbol."""
    return s.translate(_TABLE)


def visible_line(s: str) -> str:
    """`visible`, and a newline shown as ␤: a one-line message stays one line."""
    return s.translate(_LINE_TABLE)


_ESCAPED = [0x7F, *range(0x80, 0xA0), *BIDI, 0x2028, 0x2029]
_JSON_TABLE = {c: f"\\u{c:04x}" for c in _ESCAPED}
# Any of _ESCAPED: most text holds none, and searching for them costs a fraction of `translate`.
_ANY_ESCAPED = re.compile("[" + "".join(re.escape(chr(c)) for c in _ESCAPED) + "]")
_XML_TABLE = {c: f"&#x{c:x};" for c in _ESCAPED}
# The same characters in UTF-8: DEL, C1 controls (U+0080-U+009F), U+2028-U+202E, U+2066-U+2069.
_ANY_ESCAPED_UTF8 = re.compile(rb"\x7f|\xc2[\x80-\x9f]|\xe2\x80[\xa8-\xae]|\xe2\x81[\xa6-\xa9]")


def json_escaped(text: str) -> str:
    """JSON text with C1 controls, DEL, bidi controls and line separators written as `\\uXXXX`
    escapes. Outside strings JSON holds only ASCII, so this changes no structure and a parser
    reads the same values."""
    if text.isascii() and "\x7f" not in text or not _ANY_ESCAPED.search(text):
        return text
    return text.translate(_JSON_TABLE)


def json_escaped_utf8(data: bytes) -> bytes:
    """`json_escaped` of UTF-8 JSON text, as UTF-8: the text is decoded only when it holds a
    character to escape (article text mostly holds none)."""
    if not _ANY_ESCAPED_UTF8.search(data):
        return data
    return json_escaped(data.decode("utf-8")).encode("utf-8")


def xml_escaped(text: str) -> str:
    """XML text with those characters written as character references (`&#x9b;`); XML outside
    text and attribute values is ASCII here, so a parser reads the same document."""
    return text.translate(_XML_TABLE)

"""Article text as literal, styled text: never markup, never terminal escapes.

Everything an article says reaches the screen through `literal()`: a `rich.text.Text`
built from the plain string (markup such as `[bold]` stays visible as written) with
control characters replaced one for one by visible stand-ins, so offsets into the
article still index the displayed text.
"""

from __future__ import annotations

from rich.text import Text

# Bidirectional overrides and isolates can reorder what the reader sees.
_BIDI = {0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069}
SHOWN_AS_REPLACEMENT = "\N{REPLACEMENT CHARACTER}"


def _visible(ch: str) -> str:
    code = ord(ch)
    if code < 0x20:
        return chr(0x2400 + code)  # ␀ … ␟, e.g. ESC → ␛
    if code == 0x7F:
        return "\N{SYMBOL FOR DELETE}"
    if 0x80 <= code < 0xA0 or code in _BIDI:
        return SHOWN_AS_REPLACEMENT
    return ch


_TABLE = {c: _visible(chr(c)) for c in [*range(0x20), 0x7F, *range(0x80, 0xA0), *_BIDI] if chr(c) not in "\n\t"}


def visible(s: str) -> str:
    """`s` with control characters (except newline and tab) replaced by visible symbols.

    The result has the same length as `s`: every offset into `s` is an offset into it.
    """
    return s.translate(_TABLE)


def literal(s: str, style: str = "") -> Text:
    """A Text showing `s` exactly as written (no markup, no escapes interpreted)."""
    return Text(visible(s), style=style, no_wrap=False, end="")


def one_line(s: str) -> str:
    """`s` on one line with runs of whitespace collapsed (for table cells)."""
    return " ".join(visible(s).split())


def highlighted(s: str, spans: list[tuple[int, int, str]]) -> Text:
    """`s` as literal text with each (start, end, style) span styled; offsets into `s`."""
    text = literal(s)
    for start, end, style in spans:
        start, end = max(0, start), min(len(s), end)
        if start < end:
            text.stylize(style, start, end)
    return text

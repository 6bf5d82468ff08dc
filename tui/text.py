"""Article text as literal, styled text: never markup, never terminal escapes.

Everything an article says reaches the screen through `literal()`: a `rich.text.Text`
built from the plain string (markup such as `[bold]` stays visible as written) with
control characters replaced one for one by visible stand-ins (`checker.visible`, the
same as every other human-readable output), so offsets into the article still index
the displayed text.
"""

from __future__ import annotations

from rich.text import Text

from factlint.checker.visible import visible


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

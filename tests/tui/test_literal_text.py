"""Article text that looks like markup or terminal escapes is shown as written, never interpreted."""

from __future__ import annotations

import pytest
from textual.geometry import Region

from factlint.checker.fingerprint import assign_claim_ids
from factlint.checker.model import Claim, Document, Finding, Report
from factlint.tui.app import ReviewApp
from factlint.tui.screens.detail import DetailScreen
from factlint.tui.screens.document import DocumentScreen
from factlint.tui.text import visible
from factlint.tui.widgets.article_view import ArticleLine
from factlint.tui.widgets.claim_card import ClaimCard
from factlint.tui.widgets.findings_list import FindingsList

TRICKY = ("Sales [bold]rose[/bold] to 12 million euros, see [link=https://x]the filing[/link].\n"
          "The board \x1b[31mwarned\x1b[0m of 3 closures.\n")
PLAIN = "Sales reached 14 million euros last year.\n"


def tricky_report() -> Report:
    a = Document(id="tricky.txt", path="tricky.txt", text=TRICKY, scan=TRICKY, source="[bold]Acme[/bold]")
    b = Document(id="plain.txt", path="plain.txt", text=PLAIN, scan=PLAIN)
    a_surface = "12 million euros"
    claims = [
        Claim(document="tricky.txt", start=TRICKY.index(a_surface), end=TRICKY.index(a_surface) + len(a_surface),
              line=1, surface=a_surface, kind="money", value=12e6, unit="EUR", subject="[bold]Acme[/bold]"),
        Claim(document="tricky.txt", start=TRICKY.index("3 closures"), end=TRICKY.index("3 closures") + 1, line=2,
              surface="3", kind="number", value=3),
        Claim(document="plain.txt", start=PLAIN.index("14"), end=PLAIN.index("14") + 16, line=1,
              surface="14 million euros", kind="money", value=14e6, unit="EUR"),
    ]
    assign_claim_ids(claims)
    finding = Finding(id="tricky000001", kind="conflict", code="FL101", name="money-conflict", severity="error",
                      claims=[claims[0].id, claims[2].id], message="[link=https://x]12[/link] and 14 differ \x1b[5m")
    return Report(documents=[a, b], claims=claims, findings=[finding])


def rendered(widget) -> tuple[str, list]:
    """The text a widget puts on screen, and its segments' styles."""
    strips = widget.render_lines(Region(0, 0, widget.size.width, widget.size.height))
    return "\n".join(s.text for s in strips), [seg.style for s in strips for seg in s if seg.style]


@pytest.mark.asyncio
async def test_markup_and_escapes_in_an_article_are_shown_literally(tmp_path):
    app = ReviewApp(report=tricky_report(), decisions=tmp_path / "decisions.json")
    async with app.run_test(size=(120, 32)) as pilot:
        list_text, _ = rendered(app.screen.query_one(FindingsList))
        assert "[bold]Acme[/bold]" in list_text

        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, DetailScreen)
        card_text, card_styles = rendered(app.screen.query(ClaimCard).first())
        squeezed = "".join(card_text.replace("│", "").split())  # the card wraps its sentence
        assert "Sales[bold]rose[/bold]to12millioneuros,see[link=https://x]thefiling[/link]." in squeezed
        assert not any(style.link for style in card_styles)

        await pilot.press("v")
        await pilot.pause()
        assert isinstance(app.screen, DocumentScreen)
        lines = list(app.screen.query(ArticleLine))
        first, styles = rendered(lines[0])
        second, _ = rendered(lines[1])
        assert "Sales [bold]rose[/bold] to" in first
        assert "[link=https://x]the filing[/link]" in first
        assert "\x1b" not in second and "The board ␛[31mwarned␛[0m of" in second
        assert not any(style.link for style in styles)
        strips = lines[0].render_lines(Region(0, 0, lines[0].size.width, lines[0].size.height))
        rose = [seg for strip in strips for seg in strip if "rose" in seg.text]
        assert rose and not any(seg.style and seg.style.bold for seg in rose)


def test_control_characters_become_visible_one_for_one():
    text = "a\x1b[31mb\x07c\x9bd\u202ee\tf\ng"
    shown = visible(text)
    assert len(shown) == len(text)
    assert shown == "a␛[31mb␇c\ufffdd\ufffde\tf\ng"

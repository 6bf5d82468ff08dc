"""Every key binding documents itself: id (for keymaps), short description (footer), tooltip (help)."""

from __future__ import annotations

from factlint.tui.app import ReviewApp
from factlint.tui.screens.detail import DetailScreen
from factlint.tui.screens.document import DocumentScreen
from factlint.tui.screens.findings import FindingsScreen
from factlint.tui.screens.help import HelpScreen
from factlint.tui.screens.loading import LoadingScreen
from factlint.tui.screens.note import NoteScreen
from factlint.tui.widgets.article_view import ArticleView
from factlint.tui.widgets.findings_list import FindingsList


def test_every_binding_has_an_id_a_short_description_and_a_tooltip():
    classes = [ReviewApp, FindingsScreen, DetailScreen, DocumentScreen, HelpScreen, NoteScreen, LoadingScreen,
               FindingsList, ArticleView]
    for cls in classes:
        for b in cls.BINDINGS:
            assert b.id and b.tooltip and 0 < len(b.description) <= 20, (cls.__name__, b)

"""The review app driven by Pilot: decisions reach the file, the list moves on, screens stack."""

from __future__ import annotations

import json
import threading

import pytest
from textual.widgets._footer import FooterKey

from factlint.checker.decisions import DecisionStore
from factlint.checker.model import Decision
from tests.tui.reports import harbour_report
from factlint.tui.app import ReviewApp
from factlint.tui.screens.detail import DetailScreen
from factlint.tui.screens.document import DocumentScreen
from factlint.tui.screens.findings import FindingsScreen
from factlint.tui.screens.help import HelpScreen
from factlint.tui.screens.note import NoteScreen
from factlint.tui.screens.loading import LoadingScreen
from factlint.tui.widgets.article_view import ArticleLine, ArticleView
from factlint.tui.widgets.findings_header import FindingsHeader
from factlint.tui.widgets.findings_list import FindingsList

pytestmark = pytest.mark.asyncio


def stored(path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))["decisions"] if path.exists() else {}


def selected(app: ReviewApp) -> str | None:
    return app.findings_screen.current_finding_id()


def footer_actions(app: ReviewApp) -> set[str]:
    """Actions of the bindings the footer shows now."""
    return {b.action for (_, b, enabled, _) in app.screen.active_bindings.values() if b.show and enabled}


async def test_confirm_saves_at_once_and_moves_to_next_open(report, decisions_file):
    app = ReviewApp(report=report, decisions=decisions_file)
    async with app.run_test(size=(100, 32)) as pilot:
        assert selected(app) == "f1conflict00"
        await pilot.press("c")
        assert stored(decisions_file)["f1conflict00"]["status"] == "confirmed"
        assert stored(decisions_file)["f1conflict00"]["surfaces"] == ["240 million euros", "260 Millionen Euro"]
        assert selected(app) == "f2conversion"
        # the default filter shows open findings: the confirmed one left the list
        assert "f1conflict00" not in [app.index.rows[i].finding.id for i in app.findings_screen.findings_list.order]
        assert app.sub_title.startswith("1 open · 1 confirmed")


async def test_dismiss_in_detail_shows_next_open_then_returns_to_list(report, decisions_file):
    app = ReviewApp(report=report, decisions=decisions_file)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.press("enter")
        assert isinstance(app.screen, DetailScreen) and app.screen.finding_id == "f1conflict00"
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, DetailScreen) and app.screen.finding_id == "f2conversion"
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, DetailScreen) and app.screen.finding_id == "f3agreement0"
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, FindingsScreen)
        assert {k: v["status"] for k, v in stored(decisions_file).items()} == {
            "f1conflict00": "dismissed", "f2conversion": "dismissed", "f3agreement0": "confirmed"}


async def test_undo_restores_file_and_selection_and_is_hidden_when_empty(report, decisions_file):
    app = ReviewApp(report=report, decisions=decisions_file)
    async with app.run_test(size=(100, 32)) as pilot:
        assert "undo" not in footer_actions(app)
        await pilot.press("d")
        assert "undo" in footer_actions(app)
        assert "f1conflict00" in stored(decisions_file)
        await pilot.press("u")
        assert stored(decisions_file) == {}
        assert selected(app) == "f1conflict00"
        assert app.review.finding("f1conflict00").status == "open"
        assert "undo" not in footer_actions(app)


async def test_undo_puts_back_someone_elses_decision_unchanged(report, decisions_file):
    earlier = Decision(status="dismissed", note="checked with the port authority", by="Ada", at="2026-01-05")
    store = DecisionStore.load(decisions_file)
    store.set("f1conflict00", earlier)
    store.save()
    app = ReviewApp(report=report, decisions=decisions_file)
    async with app.run_test(size=(100, 32)) as pilot:
        app.findings_screen.set_filters(status=None)
        app.findings_screen.findings_list.select("f1conflict00")
        assert app.review.finding("f1conflict00").status == "dismissed"
        await pilot.press("r")  # reopen removes the entry
        assert "f1conflict00" not in stored(decisions_file)
        await pilot.press("u")
        assert stored(decisions_file)["f1conflict00"] == earlier.model_dump(exclude_none=True)


async def test_decide_with_note_then_edit_the_note(report, decisions_file):
    app = ReviewApp(report=report, decisions=decisions_file)
    async with app.run_test(size=(100, 32)) as pilot:
        assert "note" not in footer_actions(app)  # an open finding has nowhere to keep a note
        await pilot.press("D")
        assert isinstance(app.screen, NoteScreen)
        await pilot.press(*"typo", "enter")
        assert stored(decisions_file)["f1conflict00"] == {**stored(decisions_file)["f1conflict00"],
                                                          "status": "dismissed", "note": "typo"}
        app.findings_screen.set_filters(status="dismissed")
        await pilot.pause()
        assert selected(app) == "f1conflict00"
        await pilot.press("n")
        await pilot.press("ctrl+u", *"typo in EN", "enter")
        assert stored(decisions_file)["f1conflict00"]["note"] == "typo in EN"
        await pilot.press("n", "escape")  # cancel keeps the note
        assert isinstance(app.screen, FindingsScreen)
        assert stored(decisions_file)["f1conflict00"]["note"] == "typo in EN"


async def test_filters_sort_and_search(report, decisions_file):
    app = ReviewApp(report=report, decisions=decisions_file)
    async with app.run_test(size=(100, 32)) as pilot:
        fs = app.findings_screen
        shown = lambda: [app.index.rows[i].finding.id for i in fs.findings_list.order]  # noqa: E731
        assert shown() == ["f1conflict00", "f2conversion", "f3agreement0"]
        await pilot.press("t")  # first kind: conflict
        assert fs.filters.kind == "conflict" and shown() == ["f1conflict00", "f2conversion"]
        await pilot.press("slash", *"dollar")
        assert shown() == ["f2conversion"]
        await pilot.press("enter")
        assert fs.focused is fs.findings_list
        await pilot.press("ctrl+l")
        assert fs.filters.query == "" and fs.filters.kind is None and len(shown()) == 3
        await pilot.press("f")  # open → confirmed
        assert fs.filters.status == "confirmed" and shown() == []
        await pilot.press("f", "f")  # → dismissed → all
        assert fs.filters.status is None
        assert fs.sort == "kind"  # the default: conflicts first
        await pilot.press("s")
        assert fs.sort == "status"
        await pilot.press("S")
        assert fs.reverse and shown() == ["f3agreement0", "f2conversion", "f1conflict00"]


async def test_document_view_marks_claim_and_jumps_to_other_findings(report, decisions_file):
    app = ReviewApp(report=report, decisions=decisions_file)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.press("down", "v")  # the conversion finding: its first claim is in harbour-de.md
        assert isinstance(app.screen, DocumentScreen) and app.screen.path == "harbour-de.md"
        article = app.screen.query_one(ArticleView)
        assert article.current_claim.surface == "260 Millionen Euro"
        await pilot.press("n")
        assert article.current_claim.surface == "rund 283 Mio. Dollar"
        await pilot.press("tab")  # to the findings of this article
        await pilot.press("down", "enter")
        await pilot.pause()
        assert isinstance(app.screen, DetailScreen) and app.screen.finding_id == "f2conversion"
        await pilot.press("escape")
        assert isinstance(app.screen, DocumentScreen)
        await pilot.press("f")
        assert isinstance(app.screen, FindingsScreen)
        assert app.findings_screen.filters.document == "harbour-de.md"


async def test_help_opens_and_escape_closes(report, decisions_file):
    app = ReviewApp(report=report, decisions=decisions_file)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.press("f1")
        assert isinstance(app.screen, HelpScreen)
        assert len(app.screen_stack) == 3
        assert str(decisions_file) in str(app.screen.query_one("#help-intro").render())
        await pilot.press("escape")
        assert isinstance(app.screen, FindingsScreen)


async def test_command_palette_filters_by_document(report, decisions_file):
    app = ReviewApp(report=report, decisions=decisions_file)
    async with app.run_test(size=(100, 32)) as pilot:
        commands = {c.title: c for c in app.get_system_commands(app.screen)}
        assert "Open article: harbour-en.md" in commands
        await pilot.press("ctrl+p")
        await pilot.press(*"filter document harbour-en")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert app.findings_screen.filters.document == "harbour-en.md"
        assert isinstance(app.screen, FindingsScreen)


async def test_decisions_already_in_the_file_are_shown(report, decisions_file):
    store = DecisionStore.load(decisions_file)
    store.set("f2conversion", Decision(status="confirmed", note="known"))
    store.save()
    app = ReviewApp(report=report, decisions=decisions_file)
    async with app.run_test(size=(100, 32)):
        assert app.review.finding("f2conversion").status == "confirmed"
        assert app.sub_title.startswith("1 open · 1 confirmed")


async def test_usable_at_80x24(report, decisions_file):
    app = ReviewApp(report=report, decisions=decisions_file)
    async with app.run_test(size=(80, 24)) as pilot:
        assert {"decide('confirmed')", "decide('dismissed')", "view_document"} <= footer_actions(app)
        visible = {k.description for k in app.screen.query(FooterKey) if k.region.right <= 80 and k.region.width}
        assert {"Confirm", "Dismiss", "Article"} <= visible
        await pilot.press("enter", "c")
        await pilot.pause()
        assert isinstance(app.screen, DetailScreen) and app.screen.finding_id == "f2conversion"
        assert stored(decisions_file)["f1conflict00"]["status"] == "confirmed"


async def test_mouse_click_selects_double_click_opens_heading_click_sorts(report, decisions_file):
    app = ReviewApp(report=report, decisions=decisions_file)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.click(FindingsList, offset=(10, 1))
        assert selected(app) == "f2conversion"
        await pilot.click(FindingsHeader, offset=(40, 0))  # the "measure" heading
        assert app.findings_screen.sort == "measure"
        await pilot.click(FindingsList, offset=(10, 0), times=2)
        await pilot.pause()
        assert isinstance(app.screen, DetailScreen) and app.screen.finding_id == selected(app)


async def test_the_check_runs_in_a_worker_while_the_ui_answers(report, decisions_file, monkeypatch, tmp_path):
    release = threading.Event()

    def slow_check(paths, options):
        options.progress("extracting claims", 3, 8)
        release.wait(10)
        return report

    monkeypatch.setattr("factlint.tui.app.check", slow_check)
    app = ReviewApp([tmp_path], decisions=decisions_file)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause(0.2)
        assert isinstance(app.screen, LoadingScreen)
        assert "extracting claims 3/8" in str(app.screen.query_one("#loading-stage").render())
        await pilot.press("f1")  # the UI answers while the check runs
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        release.set()
        for _ in range(100):
            if isinstance(app.screen, FindingsScreen):
                break
            await pilot.pause(0.05)
        assert isinstance(app.screen, FindingsScreen) and selected(app) == "f1conflict00"



async def test_a_decision_that_cannot_be_written_is_reported_and_not_shown_as_made(report, decisions_file):
    app = ReviewApp(report=report, decisions=decisions_file)
    async with app.run_test(size=(100, 32)) as pilot:
        decisions_file.parent.parent.joinpath(".factlint").write_text("a file where the folder should be")
        await pilot.press("c")
        assert app.review.finding("f1conflict00").status == "open"
        assert selected(app) == "f1conflict00" and not app.review.history
        assert [n.title for n in app._notifications] == ["Not saved"]
        assert isinstance(app.screen, FindingsScreen)


async def test_the_list_moves_on_to_open_discrepancies_before_agreements(report, decisions_file):
    app = ReviewApp(report=report, decisions=decisions_file)
    async with app.run_test(size=(100, 32)) as pilot:
        app.findings_screen.sort = "sources"  # conflict (2 sources), agreement (2), conversion (1)
        app.findings_screen.apply()
        await pilot.press("home")
        assert selected(app) == "f1conflict00"
        await pilot.press("c")  # the agreement comes next in the list, but the conversion is the open discrepancy
        assert selected(app) == "f2conversion"
        await pilot.press("c")
        assert selected(app) == "f3agreement0"


async def test_a_damaged_decisions_file_is_reported_and_left_alone(report, decisions_file):
    decisions_file.parent.mkdir(parents=True)
    decisions_file.write_text('{"version": 99, "decisions": {}}', encoding="utf-8")
    app = ReviewApp(report=report, decisions=decisions_file)
    async with app.run_test(size=(100, 32)) as pilot:
        assert isinstance(app.screen, LoadingScreen)
        assert "version: 99 is not a version this factlint reads" in app.error
        await pilot.press("q")
    assert decisions_file.read_text(encoding="utf-8") == '{"version": 99, "decisions": {}}'


async def test_a_decision_made_meanwhile_by_another_writer_shows_after_the_next_save(report, decisions_file):
    app = ReviewApp(report=report, decisions=decisions_file)
    async with app.run_test(size=(100, 32)) as pilot:
        other = DecisionStore.load(decisions_file)  # e.g. `factlint decide` in another terminal
        other.set("f2conversion", Decision(status="dismissed", note="rate of the wrong day"))
        other.save()
        await pilot.press("c")
        assert {k: v["status"] for k, v in stored(decisions_file).items()} == {
            "f1conflict00": "confirmed", "f2conversion": "dismissed"}
        assert app.review.finding("f2conversion").status == "dismissed"
        assert app.sub_title.startswith("0 open · 1 confirmed · 1 dismissed")


async def test_the_article_view_scrolls_to_the_claim(decisions_file):
    report = harbour_report()
    doc = report.documents[1]
    filler = "".join(f"Absatz {i} ohne Zahlen über den Hafen.\n" for i in range(120))
    shift = len(filler)
    doc.text = doc.scan = filler + doc.text
    for c in report.claims:
        if c.document == doc.path:
            c.start, c.end, c.sentence_start = c.start + shift, c.end + shift, c.sentence_start + shift
    app = ReviewApp(report=report, decisions=decisions_file)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.press("down", "v")
        await pilot.pause()
        article = app.screen.query_one(ArticleView)
        line = article.query(ArticleLine)[article.line_of(article.current_claim.start)]
        assert article.scroll_y > 100
        assert article.region.contains_region(line.region)


async def test_a_report_without_findings_opens_an_empty_list(decisions_file):
    from factlint.checker.model import Report

    app = ReviewApp(report=Report(), decisions=decisions_file)
    async with app.run_test(size=(80, 24)) as pilot:
        assert isinstance(app.screen, FindingsScreen) and selected(app) is None
        assert not {"decide('confirmed')", "view_document", "undo"} & footer_actions(app)
        await pilot.press("enter", "c", "d", "v", "u", "f", "t", "s", "slash", *"x", "escape", "ctrl+l")
        assert isinstance(app.screen, FindingsScreen)
        assert app.sub_title.startswith("0 open")
        assert not decisions_file.exists()

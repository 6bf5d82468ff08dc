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
        await pilot.press("d")  # the agreement is next in the report, but it is never open
        await pilot.pause()
        assert isinstance(app.screen, FindingsScreen)
        assert {k: v["status"] for k, v in stored(decisions_file).items()} == {
            "f1conflict00": "dismissed", "f2conversion": "dismissed"}


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
        assert shown() == ["f1conflict00", "f2conversion"]  # agreements are hidden: they are not open
        await pilot.press("t")  # first kind: conflict
        assert fs.filters.kind == "conflict" and shown() == ["f1conflict00", "f2conversion"]
        await pilot.press("slash", *"dollar")
        assert shown() == ["f2conversion"]
        await pilot.press("enter")
        assert fs.focused is fs.findings_list
        await pilot.press("ctrl+l")
        assert fs.filters.query == "" and fs.filters.kind is None and len(shown()) == 2
        await pilot.press("f")  # open → confirmed
        assert fs.filters.status == "confirmed" and shown() == []
        await pilot.press("f", "f")  # → dismissed → all
        assert fs.filters.status is None
        assert fs.sort == "story"  # the default: grouped by story, conflicts first within one
        await pilot.press("s")
        assert fs.sort == "kind"
        await pilot.press("S")
        assert fs.reverse and shown() == ["f2conversion", "f1conflict00"]
        await pilot.press("a")  # the agreements filter
        assert shown() == ["f3agreement0", "f2conversion", "f1conflict00"]
        await pilot.press("a")
        assert shown() == ["f2conversion", "f1conflict00"]


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
        for _ in range(100):  # the findings screen comes, then its list is filled (later on a busy machine)
            if isinstance(app.screen, FindingsScreen) and selected(app) is not None:
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


async def test_the_list_moves_on_to_open_discrepancies_never_to_agreements(report, decisions_file):
    app = ReviewApp(report=report, decisions=decisions_file)
    async with app.run_test(size=(100, 32)) as pilot:
        app.findings_screen.set_filters(agreements=True)
        app.findings_screen.sort = "sources"  # conflict (2 sources), agreement (2), conversion (1)
        app.findings_screen.apply()
        await pilot.press("home")
        assert selected(app) == "f1conflict00"
        await pilot.press("c")  # the agreement comes next in the list, but the conversion is the open discrepancy
        assert selected(app) == "f2conversion"
        await pilot.press("c")
        assert app.sub_title.startswith("0 open · 2 confirmed")
        assert [app.index.rows[i].finding.id for i in app.findings_screen.findings_list.order] == ["f3agreement0"]


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


# ----------------------------------------------------------------------------- the review flow (issue 12)

def rows_text(app: ReviewApp) -> list[str]:
    from textual.geometry import Region

    lst = app.findings_screen.findings_list
    return [s.text for s in lst.render_lines(Region(0, 0, lst.size.width, len(lst.order)))]


async def test_the_first_screen_matches_the_header_and_agreements_are_never_open(report, decisions_file):
    app = ReviewApp(report=report, decisions=decisions_file)
    async with app.run_test(size=(100, 32)) as pilot:
        assert app.sub_title.startswith("2 open")
        assert len(app.findings_screen.findings_list.order) == 2
        assert all(line.lstrip().startswith("●") for line in rows_text(app))
        await pilot.press("a")
        lines = rows_text(app)
        assert len(lines) == 3 and sum(line.lstrip().startswith("●") for line in lines) == 2
        assert app.sub_title.startswith("2 open")


async def test_brackets_jump_to_the_next_and_previous_open_finding(report, decisions_file):
    store = DecisionStore.load(decisions_file)
    store.set("f1conflict00", Decision(status="confirmed"))
    store.save()
    app = ReviewApp(report=report, decisions=decisions_file)
    async with app.run_test(size=(100, 32)) as pilot:
        app.findings_screen.set_filters(status=None, agreements=True)  # f1 (confirmed), f2 (open), f3 (agreement)
        await pilot.press("end")
        assert selected(app) == "f3agreement0"
        await pilot.press("right_square_bracket")
        assert selected(app) == "f2conversion"  # wraps past the confirmed one
        await pilot.press("home", "left_square_bracket")
        assert selected(app) == "f2conversion"
        await pilot.press("right_square_bracket")  # the only open one: stays, and says so
        assert selected(app) == "f2conversion"


async def test_question_mark_opens_and_closes_the_help(report, decisions_file):
    app = ReviewApp(report=report, decisions=decisions_file)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("question_mark")
        assert isinstance(app.screen, FindingsScreen)
        await pilot.press("slash", "question_mark")  # in the search box it is a character
        assert app.findings_screen.filters.query == "?" and isinstance(app.screen, FindingsScreen)


async def test_cut_values_end_with_an_ellipsis(report, decisions_file):
    app = ReviewApp(report=report, decisions=decisions_file)
    async with app.run_test(size=(80, 24)):
        first = rows_text(app)[0]
        assert "240 million euros ↔ 260 Millionen Euro" not in first
        assert "240 million euros ↔" in first and "…" in first


async def test_the_note_box_is_titled_by_its_decision_and_typing_appends(report, decisions_file):
    from textual.containers import Vertical
    from textual.widgets import Input

    app = ReviewApp(report=report, decisions=decisions_file)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.press("D")
        assert app.screen.query_one("#note-dialog", Vertical).border_title == "Dismiss: note"
        await pilot.press(*"typo", "enter")
        app.findings_screen.set_filters(status="dismissed")
        await pilot.pause()
        await pilot.press("n")
        assert app.screen.query_one("#note-dialog", Vertical).border_title == "Dismissed: note"
        box = app.screen.query_one(Input)
        assert box.value == "typo " and box.cursor_position == len("typo ") and not box.selected_text
        await pilot.press(*"in EN", "enter")
        assert stored(decisions_file)["f1conflict00"]["note"] == "typo in EN"


async def test_the_detail_names_outlet_title_and_date_or_says_the_date_is_unknown(report, decisions_file):
    from factlint.tui.widgets.claim_card import ClaimCard

    report.documents[0].source = "Harbour Times"
    report.documents[1].published = None
    app = ReviewApp(report=report, decisions=decisions_file)
    async with app.run_test(size=(140, 32)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        cards = {c.claim.document: c for c in app.screen.query(ClaimCard)}
        assert "Harbour Times · “Harbour expansion approved” · 2026-03-02" in str(cards["harbour-en.md"].render())
        assert cards["harbour-de.md"].border_subtitle == "published date unknown"
        assert "published date unknown" in str(cards["harbour-de.md"].render())


async def test_values_sort_by_number_and_the_header_arrow_follows_the_order(report, decisions_file):
    app = ReviewApp(report=report, decisions=decisions_file)
    async with app.run_test(size=(100, 32)) as pilot:
        fs = app.findings_screen
        await pilot.click(FindingsHeader, offset=(60, 0))  # the "values" heading
        assert fs.sort == "values"
        header = str(app.screen.query_one(FindingsHeader).render())
        assert "values ▲" in header
        shown = [app.index.rows[i].finding.id for i in fs.findings_list.order]
        assert shown == ["f1conflict00", "f2conversion"]  # 240 million before 260 million
        await pilot.press("S")
        assert "values ▼" in str(app.screen.query_one(FindingsHeader).render())
        assert [app.index.rows[i].finding.id for i in fs.findings_list.order] == ["f2conversion", "f1conflict00"]

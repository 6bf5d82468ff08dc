"""Layout snapshots (layout only; behaviour is asserted in test_app.py).

Update only after reading the report: `pytest tests/tui/test_snapshots.py --snapshot-update`.
"""

from __future__ import annotations

from importlib.metadata import version

import pytest

from textual.widgets import Input

from factlint.tui.app import ReviewApp

from tests.tui.reports import harbour_report

RECORDED_WITH = "8.2."  # Textual's rendering changes between releases; re-record, then read the diff

pytestmark = pytest.mark.skipif(not version("textual").startswith(RECORDED_WITH),
                                reason=f"layout snapshots were recorded with Textual {RECORDED_WITH}x")


def app(tmp_path) -> ReviewApp:
    return ReviewApp(report=harbour_report(), decisions=tmp_path / "decisions.json")


async def freeze_cursors(pilot) -> None:
    """Stop every text cursor blinking, so a snapshot never catches it half-way."""
    for box in pilot.app.screen.query(Input):
        box.cursor_blink = False
    await pilot.pause()


def test_findings_list(snap_compare, tmp_path):
    assert snap_compare(app(tmp_path), terminal_size=(100, 32))


def test_findings_list_at_80x24(snap_compare, tmp_path):
    assert snap_compare(app(tmp_path), terminal_size=(80, 24))


def test_detail_stacked(snap_compare, tmp_path):
    assert snap_compare(app(tmp_path), terminal_size=(100, 32), press=["down", "enter"])


def test_detail_side_by_side_on_a_wide_terminal(snap_compare, tmp_path):
    assert snap_compare(app(tmp_path), terminal_size=(140, 32), press=["enter"])


def test_document_view(snap_compare, tmp_path):
    assert snap_compare(app(tmp_path), terminal_size=(100, 32), press=["down", "v"])


def test_search_box_in_use(snap_compare, tmp_path):
    async def search(pilot) -> None:
        await pilot.press("slash", *"dollar")
        await freeze_cursors(pilot)

    assert snap_compare(app(tmp_path), terminal_size=(100, 32), run_before=search)


def test_note_dialog(snap_compare, tmp_path):
    async def note(pilot) -> None:
        await pilot.press("D", *"plan vs actual")
        await freeze_cursors(pilot)

    assert snap_compare(app(tmp_path), terminal_size=(100, 32), run_before=note)

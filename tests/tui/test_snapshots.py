"""Layout snapshots (layout only; behaviour is asserted in test_app.py).

Update only after reading the report: `pytest tests/tui/test_snapshots.py --snapshot-update`.
"""

from __future__ import annotations

from tui.app import ReviewApp

from tests.tui.reports import harbour_report


def app(tmp_path) -> ReviewApp:
    review = ReviewApp(report=harbour_report(), decisions=tmp_path / "decisions.json")
    review.cursor_blink = False
    return review


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

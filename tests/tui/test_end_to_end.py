"""End to end: review every finding of a small corpus in the app, quit, and the check passes."""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import pytest

from factlint.checker.cli import main
from factlint.tui.app import ReviewApp
from factlint.tui.screens.findings import FindingsScreen

CORPUS = Path(__file__).parent.parent / "fixtures" / "review-corpus"


def check_exit_code(path: Path) -> int:
    with pytest.raises(SystemExit) as exit_:
        main(["check", str(path), "--format", "concise"])
    return exit_.value.code


async def wait_for_list(app: ReviewApp, pilot, seconds: float = 90) -> None:
    """Wait for the worker's check to finish and the list to open (slow on a loaded machine)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if isinstance(app.screen, FindingsScreen):
            await pilot.pause()  # let the new screen finish mounting
            return
        if app.error:
            break
        await pilot.pause(0.05)
    raise AssertionError(f"the findings list did not open: {app.error or 'still checking'}; "
                         f"screens {app.screen_stack}")


@pytest.mark.asyncio
async def test_review_runs_the_check_in_a_worker_and_opens_the_list(tmp_path):
    shutil.copytree(CORPUS, tmp_path / "corpus")
    app = ReviewApp([tmp_path / "corpus"])
    async with app.run_test(size=(100, 32)) as pilot:
        await wait_for_list(app, pilot)
        assert sorted(d.path for d in app.report.documents) == ["elster-kurier.md", "riverside-gazette.md"]
        assert app.decisions_path == tmp_path / "corpus" / ".factlint" / "decisions.json"


@pytest.mark.asyncio
async def test_deciding_every_finding_in_the_app_makes_check_pass(tmp_path, capsys):
    corpus = tmp_path / "corpus"
    shutil.copytree(CORPUS, corpus)
    assert check_exit_code(corpus) == 1, "the corpus states 18 and 21 million euros for the same bridge"

    app = ReviewApp([corpus])
    async with app.run_test(size=(100, 32)) as pilot:
        await wait_for_list(app, pilot)
        assert app.index.open_count() >= 1
        for turn in range(len(app.index.rows)):
            if app.index.open_count() == 0:
                break
            await pilot.press("c" if turn % 2 else "d")  # decide; the list moves to the next open finding
        assert app.index.open_count() == 0
        await pilot.press("q")

    assert (corpus / ".factlint" / "decisions.json").is_file()
    assert check_exit_code(corpus) == 0


def test_review_refuses_a_damaged_decisions_file_in_one_line(tmp_path, capsys):
    shutil.copytree(CORPUS, tmp_path / "corpus")
    damaged = tmp_path / "corpus" / ".factlint" / "decisions.json"
    damaged.parent.mkdir()
    damaged.write_text("{ not json", encoding="utf-8")
    with pytest.raises(SystemExit) as exit_:
        main(["review", str(tmp_path / "corpus")])
    assert exit_.value.code == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "decisions.json" in err and "not valid JSON" in err
    assert damaged.read_text(encoding="utf-8") == "{ not json"

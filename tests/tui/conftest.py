"""Fixtures of the review app's tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from factlint.checker.model import Report
from tests.tui.reports import harbour_report


@pytest.fixture
def report() -> Report:
    return harbour_report()


@pytest.fixture
def decisions_file(tmp_path: Path) -> Path:
    return tmp_path / ".factlint" / "decisions.json"

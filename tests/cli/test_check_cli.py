"""`factlint check`, `decide` and `decisions prune` end to end on a small corpus of our own.

tests/fixtures/corpora/review-cycle: two articles about one bridge; the cost differs
(431 vs 420 million euros), the length agrees. The CLI runs in-process with a small
stand-in comparison engine (below) so that these tests pin down the review cycle (exit
codes, decisions, fingerprints across edits) whatever the real engine finds.
"""

from __future__ import annotations

import itertools
import json
import shutil
from pathlib import Path

import pytest

from factlint.checker import pipeline as engine
from factlint.checker import report as report_stage
from factlint.checker.cli import main
from factlint.checker.model import Finding

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "corpora" / "review-cycle"
TOPICS = {"cost": ("kostet", "cost"), "length": (" lang.", " long.")}


def stand_in_engine(docs, claims, options, errors=None):
    """Claims whose sentences name the same topic, across documents: a conflict when the
    values differ, an agreement when they match."""
    findings = []
    for topic, cues in TOPICS.items():
        about = [c for c in claims if c.kind != "date" and c.value is not None
                 and any(cue in c.sentence for cue in cues)]
        for a, b in itertools.combinations(about, 2):
            if a.document == b.document:
                continue
            same = a.value == b.value
            findings.append(Finding(
                id="", kind="agreement" if same else "conflict", code="FL301" if same else "FL101",
                name="agreement" if same else "value-conflict", severity="info" if same else "error",
                claims=[a.id, b.id], subject="bridge", measure=topic,
                message=f"{a.surface} and {b.surface} {'agree' if same else 'differ'}"))
    return findings


@pytest.fixture
def corpus(tmp_path, monkeypatch):
    monkeypatch.setattr(engine, "compare_claims", stand_in_engine)
    monkeypatch.setenv("NO_COLOR", "1")
    root = tmp_path / "corpus"
    shutil.copytree(FIXTURE, root)
    return root


def run(capsys, *argv) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exit_:
        main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return exit_.value.code, out, err


def report(capsys, *argv) -> tuple[int, dict]:
    code, out, _ = run(capsys, "check", *argv, "--format", "json")
    return code, json.loads(out)


def open_ids(data: dict) -> list[str]:
    return [f["id"] for f in data["findings"] if f["status"] == "open" and f["kind"] != "agreement"]


def test_review_cycle_decide_then_change_a_number(corpus, capsys):
    code, data = report(capsys, corpus)
    assert code == 1
    first = open_ids(data)
    assert len(first) == 1

    code, out, err = run(capsys, "decide", first[0][:6], "--status", "dismissed", "--note", "old estimate", corpus)
    assert code == 0, err
    assert out.startswith(f"{first[0]} dismissed (FL101 value-conflict: harbour-de.md:")
    code, data = report(capsys, corpus)
    assert code == 0 and open_ids(data) == []
    assert [f["note"] for f in data["findings"] if f["id"] == first[0]] == ["old estimate"]

    de = corpus / "harbour-de.md"
    de.write_text(de.read_text(encoding="utf-8").replace("431 Mio.", "435 Mio."), encoding="utf-8")
    code, data = report(capsys, corpus)
    assert code == 1
    now_open = open_ids(data)
    assert len(now_open) == 1 and now_open != first
    assert [s["id"] for s in data["stale_decisions"]] == [first[0]]
    assert [f["kind"] for f in data["findings"] if f["status"] == "open"] == ["conflict", "agreement"]


def test_decisions_survive_moving_and_rewording_text(corpus, capsys):
    _, data = report(capsys, corpus)
    run(capsys, "decide", *open_ids(data), "--status", "confirmed", corpus)
    en = corpus / "harbour-en.md"
    text = en.read_text(encoding="utf-8")
    head, body = text.split("---\n", 2)[1:]
    paragraphs = body.strip().split("\n\n")
    paragraphs[1] = "Officials now say the construction cost is 420 million euros, up from earlier plans."
    en.write_text("---\n" + head + "---\n" + "\n\n".join(reversed(paragraphs)) + "\n", encoding="utf-8")
    code, data = report(capsys, corpus)
    assert code == 0
    assert [f["status"] for f in data["findings"] if f["kind"] == "conflict"] == ["confirmed"]


def test_strict_fails_on_confirmed_findings(corpus, capsys):
    _, data = report(capsys, corpus)
    run(capsys, "decide", open_ids(data)[0], "--status", "confirmed", corpus)
    assert run(capsys, "check", corpus)[0] == 0
    assert run(capsys, "check", corpus, "--strict")[0] == 1


def test_reopen_and_prune(corpus, capsys):
    _, data = report(capsys, corpus)
    fid = open_ids(data)[0]
    run(capsys, "decide", fid, "--status", "dismissed", corpus)
    decisions = corpus / ".factlint" / "decisions.json"
    assert fid in json.loads(decisions.read_text())["decisions"]
    run(capsys, "decide", fid, "--status", "open", corpus)
    assert json.loads(decisions.read_text())["decisions"] == {}

    run(capsys, "decide", fid, "--status", "dismissed", corpus)
    de = corpus / "harbour-de.md"
    de.write_text(de.read_text(encoding="utf-8").replace("431 Mio.", "435 Mio."), encoding="utf-8")
    code, out, _ = run(capsys, "check", corpus)
    assert code == 1 and f"stale decision {fid} (dismissed, FL101" in out
    code, out, _ = run(capsys, "decisions", "prune", corpus)
    assert code == 0 and f"pruned 1 stale decision from {decisions}" in out and fid in out
    assert json.loads(decisions.read_text())["decisions"] == {}
    assert "no stale decisions" in run(capsys, "decisions", "prune", corpus)[1]


def test_check_never_writes_the_decisions_file(corpus, capsys):
    _, data = report(capsys, corpus)
    run(capsys, "decide", open_ids(data)[0], "--status", "dismissed", corpus)
    decisions = corpus / ".factlint" / "decisions.json"
    before = (decisions.read_bytes(), decisions.stat().st_mtime_ns)
    (corpus / "harbour-de.md").write_text("Die Baukosten liegen bei 500 Mio. Euro.\n", encoding="utf-8")
    run(capsys, "check", corpus)
    assert (decisions.read_bytes(), decisions.stat().st_mtime_ns) == before


def test_decisions_option_chooses_the_file(corpus, capsys, tmp_path):
    elsewhere = tmp_path / "review" / "bridge.json"
    _, data = report(capsys, corpus)
    run(capsys, "decide", open_ids(data)[0], "--status", "dismissed", "--decisions", elsewhere, corpus)
    assert elsewhere.exists() and not (corpus / ".factlint").exists()
    assert run(capsys, "check", corpus, "--decisions", elsewhere)[0] == 0
    assert run(capsys, "check", corpus)[0] == 1


def test_damaged_decisions_file_is_one_line_exit_2_and_untouched(corpus, capsys):
    decisions = corpus / ".factlint" / "decisions.json"
    decisions.parent.mkdir()
    decisions.write_bytes(b'{"version": 1, "decisions": {')
    for argv in (["check", corpus], ["decide", "abcd", "--status", "dismissed", corpus], ["decisions", "prune", corpus]):
        code, _, err = run(capsys, *argv)
        assert code == 2
        assert err.count("\n") == 1 and str(decisions) in err and "not valid JSON" in err
    assert decisions.read_bytes() == b'{"version": 1, "decisions": {'


def test_unknown_id_and_missing_path_are_one_line_errors(corpus, capsys):
    code, _, err = run(capsys, "decide", "zzzz", "--status", "dismissed", corpus)
    assert code == 2 and "no finding has an id starting with 'zzzz'" in err and err.count("\n") == 1
    code, _, err = run(capsys, "decide", "abcd", "--status", "dismissed")
    assert code == 2 and "needs the corpus PATH" in err


def test_file_errors_exit_2_after_the_report(corpus, capsys):
    (corpus / "broken.md").write_bytes(b"Die Kosten: 3 Mio. \xe4\n")
    code, out, err = run(capsys, "check", corpus, "--format", "concise")
    assert code == 2
    assert "broken.md" in err and "not UTF-8" in err
    assert "1 file error" in out


@pytest.mark.parametrize("fmt, probe", [
    ("sarif", lambda text: json.loads(text)["version"] == "2.1.0"),
    ("junit", lambda text: text.startswith("<?xml")),
    ("json", lambda text: json.loads(text)["schema_version"] == "1"),
])
def test_output_file_gets_the_report_and_stdout_the_summary(corpus, capsys, tmp_path, fmt, probe):
    target = tmp_path / f"report.{fmt}"
    code, out, _ = run(capsys, "check", corpus, "--format", fmt, "--output", target)
    assert code == 1
    assert probe(target.read_text(encoding="utf-8"))
    assert out.startswith("1 finding needs review (1 conflict)") and str(target) in out


def test_github_format_annotates_the_open_finding(corpus, capsys):
    code, out, _ = run(capsys, "check", corpus, "--format", "github")
    lines = out.splitlines()
    assert code == 1 and lines[0].startswith("factlint: 1 finding needs review")
    assert lines[1].startswith(f"::error file={corpus.as_posix()}/harbour-de.md,line=")


def test_review_cycle_with_the_real_engine(tmp_path, capsys, monkeypatch):
    """The same cycle through the whole pipeline: decide every finding, change one number,
    and only the findings about that number open again."""
    monkeypatch.setenv("NO_COLOR", "1")
    root = tmp_path / "corpus"
    shutil.copytree(FIXTURE, root)
    code, data = report(capsys, root)
    assert code == 1
    surfaces = {c["id"]: c["surface"] for c in data["claims"]}
    cost = [f for f in data["findings"] if f["kind"] == "conflict"
            and {surfaces[i] for i in f["claims"]} == {"431 Mio. Euro", "420 million euros"}]
    assert len(cost) == 1

    assert run(capsys, "decide", *open_ids(data), "--status", "confirmed", root)[0] == 0
    assert report(capsys, root)[0] == 0

    de = root / "harbour-de.md"
    de.write_text(de.read_text(encoding="utf-8").replace("431 Mio.", "435 Mio."), encoding="utf-8")
    code, data = report(capsys, root)
    assert code == 1
    changed = {c["id"] for c in data["claims"] if c["surface"] == "435 Mio. Euro"}
    reopened = [f for f in data["findings"] if f["status"] == "open" and f["kind"] != "agreement"]
    assert reopened and all(changed & set(f["claims"]) for f in reopened)
    assert cost[0]["id"] in {s["id"] for s in data["stale_decisions"]}


def test_ambiguous_prefix_is_a_one_line_error(corpus, capsys, monkeypatch):
    def many(docs, claims, options, errors=None):
        a, b = claims[0], claims[-1]
        return [Finding(id="", kind="conflict", code=f"FL1{i:02d}", name=f"check-{i}", severity="error",
                        claims=[a.id, b.id], message=f"finding {i}") for i in range(3)]

    def ids_sharing_a_prefix(findings, claims):  # `decide` needs 4 characters: make 4 shared
        for n, f in enumerate(findings):
            f.id = f"abcd{n:08x}"

    monkeypatch.setattr(engine, "compare_claims", many)
    monkeypatch.setattr(report_stage, "assign_finding_ids", ids_sharing_a_prefix)
    shared = "abcd"
    code, _, err = run(capsys, "decide", shared, "--status", "dismissed", corpus)
    assert code == 2 and f"id prefix '{shared}' is ambiguous" in err and err.count("\n") == 1
    assert not (corpus / ".factlint" / "decisions.json").exists()


def test_github_format_appends_a_job_summary_when_actions_asks_for_one(corpus, capsys, monkeypatch, tmp_path):
    page = tmp_path / "summary.md"
    page.write_text("earlier step\n", encoding="utf-8")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(page))
    assert run(capsys, "check", corpus, "--format", "github")[0] == 1
    text = page.read_text(encoding="utf-8")
    assert text.startswith("earlier step\n### factlint\n") and "FL101 value-conflict" in text


def test_the_bundled_corpus_is_reviewed(capsys, monkeypatch):
    """`factlint check corpus/` (also run by .ci/run) exits 0: every finding has a decision in
    corpus/.factlint/decisions.json. After a change to the engine or the corpus, review the
    new findings (`factlint review corpus/` or `factlint decide`) and drop decisions that
    went stale (`factlint decisions prune corpus/`; stale ones do not fail the check)."""
    monkeypatch.setenv("NO_COLOR", "1")
    corpus = Path(__file__).resolve().parents[2] / "corpus"
    code, data = report(capsys, corpus)
    open_now = [f"{f['code']} {f['id']}: {f['message']}" for f in data["findings"]
                if f["status"] == "open" and f["kind"] != "agreement"]
    assert open_now == [] and code == 0


def test_a_note_of_bytes_that_are_no_text_is_refused_and_nothing_decided(corpus, capsys):
    fid = open_ids(report(capsys, corpus)[1])[0]
    code, out, err = run(capsys, "decide", fid, "--status", "dismissed", "--note", "bad \udc85 byte", corpus)
    assert code == 2 and "--note" in err and len(err.strip().splitlines()) == 1
    assert not (Path(corpus) / ".factlint" / "decisions.json").exists()

"""CLI conventions (ruff, eslint and Vale as the model), each flag through a real subprocess:
--select/--ignore, agreements hidden unless --agreements, -q, --exit-zero, --color,
--statistics, the progress line on a terminal, `check -`, and `decide`'s id prefix."""

from __future__ import annotations

import json
import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
BRIDGE = {"a.md": "---\npublished: 2026-03-05\nlang: de\n---\nDie Brücke kostet 431 Millionen Euro. Sie ist 2 Kilometer lang.\n",
          "b.md": "---\npublished: 2026-03-05\nlang: en\n---\nThe bridge costs 420 million euros. It is 2 kilometres long.\n"}


@pytest.fixture
def corpus(tmp_path) -> Path:
    """One story: a money conflict (FL101) and an agreement on the length (FL301), under a root."""
    root = tmp_path / "news"
    (root / "bridge").mkdir(parents=True)
    (root / ".factlint").mkdir()
    for name, text in BRIDGE.items():
        (root / "bridge" / name).write_text(text, encoding="utf-8")
    return root


def factlint(*argv, stdin: str | None = None, env: dict | None = None, cwd=None) -> subprocess.CompletedProcess:
    base = {"PATH": os.environ.get("PATH", "/usr/bin:/bin")}
    return subprocess.run([sys.executable, "-m", "factlint.checker.cli", *map(str, argv)], input=stdin,
                          capture_output=True, text=True, env={**base, **(env or {})}, cwd=cwd)


def finding_ids(corpus: Path, kind: str) -> list[str]:
    data = json.loads(factlint("check", corpus, "--format", "json").stdout)
    return [f["id"] for f in data["findings"] if f["kind"] == kind]


def test_agreements_are_hidden_unless_asked_and_json_keeps_them(corpus):
    concise = factlint("check", corpus, "--format", "concise")
    assert concise.returncode == 1
    assert "FL101" in concise.stdout and "FL301" not in concise.stdout and "[agreement]" not in concise.stdout
    assert "agreement" not in concise.stdout.splitlines()[-1]  # not counted in the summary
    shown = factlint("check", corpus, "--format", "concise", "--agreements")
    assert "FL301 [agreement]" in shown.stdout and "1 agreement" in shown.stdout
    full = factlint("check", corpus)
    assert "FL301" not in full.stdout and "agreement" not in full.stdout.splitlines()[-1]
    data = json.loads(factlint("check", corpus, "--format", "json").stdout)  # the evaluation contract
    assert {f["kind"] for f in data["findings"]} == {"conflict", "agreement"}


def test_select_and_ignore_take_codes_prefixes_and_names(corpus):
    ignored = factlint("check", corpus, "--format", "concise", "--ignore", "FL1")
    assert ignored.returncode == 0 and "FL101" not in ignored.stdout
    selected = factlint("check", corpus, "--format", "json", "--select", "value-agreement,FL2")
    assert {f["code"] for f in json.loads(selected.stdout)["findings"]} == {"FL301"}
    assert selected.returncode == 0
    narrower = factlint("check", corpus, "--format", "concise", "--ignore", "FL1", "--select", "FL101")
    assert narrower.returncode == 1 and "FL101" in narrower.stdout  # the more specific entry wins
    bad = factlint("check", corpus, "--select", "FL9")
    assert bad.returncode == 2 and bad.stderr.count("\n") == 1
    assert "--select: 'FL9' matches no check" in bad.stderr


def test_select_in_factlint_toml_and_the_command_line_replaces_it(corpus):
    (corpus / "factlint.toml").write_text('ignore = ["money-conflict"]\n', encoding="utf-8")
    assert factlint("check", corpus / "bridge", "--format", "concise").returncode == 0
    assert factlint("check", corpus / "bridge", "--format", "concise", "--ignore", "FL3").returncode == 1
    (corpus / "factlint.toml").write_text('select = ["FL9"]\n', encoding="utf-8")
    bad = factlint("check", corpus)
    assert bad.returncode == 2 and "factlint.toml: select: 'FL9' matches no check" in bad.stderr


def test_quiet_prints_only_failing_findings(corpus, tmp_path):
    (corpus / "bridge" / "empty.md").write_text("", encoding="utf-8")
    loud = factlint("check", corpus, "--format", "concise")
    assert "warning:" in loud.stderr and "need" in loud.stdout
    quiet = factlint("check", corpus, "--format", "concise", "-q")
    assert quiet.returncode == 1 and quiet.stderr == ""
    assert quiet.stdout.count("\n") == 1 and quiet.stdout.startswith(str(corpus / "bridge"))
    fid = finding_ids(corpus, "conflict")[0]
    assert factlint("decide", fid, "--status", "dismissed", corpus).returncode == 0
    done = factlint("check", corpus, "--quiet")
    assert done.returncode == 0 and done.stdout == ""


def test_exit_zero_keeps_errors_at_two(corpus):
    assert factlint("check", corpus, "--exit-zero").returncode == 0
    (corpus / "bridge" / "bad.md").write_bytes(b"caf\xe9 12 %\n")
    broken = factlint("check", corpus, "--exit-zero")
    assert broken.returncode == 2 and "bad.md" in broken.stderr


@pytest.mark.parametrize("flag, env, colored", [
    ("always", {}, True), ("always", {"NO_COLOR": "1"}, True), ("never", {}, False),
    ("auto", {}, False),  # not a terminal
])
def test_color_flag(corpus, flag, env, colored):
    out = factlint("check", corpus, "--color", flag, env=env).stdout
    assert ("\x1b[" in out) is colored


def test_color_auto_on_a_terminal_honours_no_color(corpus):
    for env, colored in (({}, True), ({"NO_COLOR": "1"}, False)):
        primary, secondary = pty.openpty()
        proc = subprocess.Popen([sys.executable, "-m", "factlint.checker.cli", "check", str(corpus)], stdout=secondary, stderr=subprocess.DEVNULL,
                                env={"PATH": os.environ.get("PATH", ""), **env})
        os.close(secondary)
        out = read_all(primary)
        assert proc.wait() == 1
        assert ("\x1b[" in out) is colored


def read_all(fd: int) -> str:
    chunks = []
    while True:
        try:
            data = os.read(fd, 65536)
        except OSError:  # the other side closed
            break
        if not data:
            break
        chunks.append(data)
    os.close(fd)
    return b"".join(chunks).decode("utf-8", "replace")


def test_progress_line_on_a_terminal_only(corpus):
    primary, secondary = pty.openpty()
    proc = subprocess.Popen([sys.executable, "-m", "factlint.checker.cli", "check", str(corpus), "--format", "json"],
                            stdout=subprocess.DEVNULL, stderr=secondary, env={"PATH": os.environ.get("PATH", "")})
    os.close(secondary)
    err = read_all(primary)
    assert proc.wait() == 1
    assert "factlint: extracting claims 0/2" in err and err.endswith("\r\x1b[K")
    piped = factlint("check", corpus, "--format", "json")
    assert piped.stderr == ""


def test_statistics_counts_findings_per_check(corpus):
    stats = factlint("check", corpus, "--statistics", "--agreements")
    assert stats.returncode == 1
    lines = stats.stdout.splitlines()
    assert any(line.split()[:3] == ["1", "FL101", "money-conflict"] and line.endswith("1 open") for line in lines)
    assert any(line.split()[:3] == ["1", "FL301", "value-agreement"] for line in lines)
    assert "»" not in stats.stdout  # no findings, just the table and the summary
    assert factlint("check", corpus, "--statistics", "--format", "json").returncode == 2


def test_check_stdin_with_its_file_name_uses_the_corpus_decisions(corpus):
    fid = finding_ids(corpus, "conflict")[0]
    assert factlint("decide", fid, "--status", "confirmed", corpus).returncode == 0
    article = corpus / "bridge" / "a.md"
    alone = factlint("check", "-", "--stdin-filename", article, "--format", "json", stdin=BRIDGE["a.md"])
    assert alone.returncode == 0
    data = json.loads(alone.stdout)
    assert [d["path"] for d in data["documents"]] == ["a.md"]
    assert data["stale_decisions"] == []  # b.md was not read: its decision is not stale
    # The buffer stands for the file beside the others: the changed number makes a new finding.
    edited = BRIDGE["a.md"].replace("431", "455")
    both = factlint("check", "-", corpus / "bridge", "--stdin-filename", article, "--format", "concise", stdin=edited)
    assert both.returncode == 1 and "455" in both.stdout and "stale decision" in both.stdout
    assert factlint("check", corpus / "bridge", "--stdin-filename", article).returncode == 2
    plain = factlint("check", "-", "--format", "concise", stdin="Es waren 5 Prozent.\n", cwd=corpus.parent)
    assert plain.returncode == 0 and "1 document" in plain.stdout


def test_decide_needs_four_characters_and_leaves_agreements_alone(corpus):
    conflict = finding_ids(corpus, "conflict")[0]
    short = factlint("decide", conflict[:3], "--status", "dismissed", corpus)
    assert short.returncode == 2 and "at least 4 characters" in short.stderr and short.stderr.count("\n") == 1
    assert factlint("decide", conflict[:4], "--status", "dismissed", corpus).returncode == 0
    agreement = finding_ids(corpus, "agreement")[0]
    refused = factlint("decide", agreement, "--status", "confirmed", corpus)
    assert refused.returncode == 2 and "is an agreement" in refused.stderr
    assert factlint("decide", agreement, "--status", "confirmed", "--agreements", corpus).returncode == 0


def test_help_cites_no_file_the_project_does_not_ship():
    text = factlint("check", "--help").stdout
    assert "CONTRACT" not in text and "gitlab" in text and "--exit-zero" in text


def test_sarif_leaves_decided_out_and_include_decided_brings_them_back_suppressed(corpus):
    fid = finding_ids(corpus, "conflict")[0]
    assert factlint("decide", fid, "--status", "dismissed", "--note", "old figure", corpus).returncode == 0
    plain = factlint("check", corpus, "--format", "sarif")
    assert plain.returncode == 0 and json.loads(plain.stdout)["runs"][0]["results"] == []
    kept = json.loads(factlint("check", corpus, "--format", "sarif", "--include-decided").stdout)
    (result,) = kept["runs"][0]["results"]
    assert result["partialFingerprints"] == {"factlintFindingId/v1": fid}
    assert result["suppressions"][0]["justification"].endswith("old figure")


def test_gitlab_code_quality_report(corpus):
    done = factlint("check", corpus, "--format", "gitlab")
    assert done.returncode == 1
    (issue,) = json.loads(done.stdout)  # the agreement is no issue
    assert issue["check_name"] == "FL101" and issue["severity"] == "major"
    assert issue["fingerprint"] == finding_ids(corpus, "conflict")[0]
    where = {str(corpus / "bridge" / "a.md"): {"line": 5, "column": 19},
             str(corpus / "bridge" / "b.md"): {"line": 5, "column": 18}}
    assert issue["location"]["positions"]["begin"] == where[issue["location"]["path"]]
    shown = json.loads(factlint("check", corpus, "--format", "gitlab", "--agreements").stdout)
    assert sorted(i["check_name"] for i in shown) == ["FL101", "FL301"]


def test_pre_commit_hook_output_has_no_agreement_lines(corpus):
    import yaml

    (hook,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    entry = hook["entry"].split()
    assert entry[:2] == ["factlint", "check"]
    done = factlint(*entry[1:], *hook["args"][:-1], corpus / "bridge")
    assert done.returncode == 1 and "FL101" in done.stdout
    assert "[agreement]" not in done.stdout and "agreement" not in done.stdout.splitlines()[-1]

"""`factlint extract`: the readable table, `--jsonl` as CONTRACT.md §1 says, one-line errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from factlint.checker.cli import format_value, main
from factlint.checker.model import Claim

FIXTURES = Path(__file__).parent.parent / "fixtures"
CONTRACT_FIELDS = {"start", "end", "surface", "kind", "value", "unit", "date", "approximate", "lower", "upper"}


def run(argv: list[str], capsys) -> tuple[int, str, str]:
    """factlint in this process: exit status, stdout, stderr."""
    with pytest.raises(SystemExit) as info:
        main(argv)
    out, err = capsys.readouterr()
    return info.value.code, out, err


def factlint(*args: str, stdin: bytes = b"") -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "factlint.checker.cli", *args], input=stdin, capture_output=True, timeout=120)


# ------------------------------------------------------------------------- table

def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_table_has_aligned_columns_with_file_and_line(tmp_path, capsys):
    write(tmp_path, "a.txt", "Erste Zeile.\nAm 2026-02-06 begann die Aktion.\n")
    write(tmp_path, "sub/b.md", "---\nlang: en\n---\nIt ended on 2026-02-15.\n")
    code, out, err = run(["extract", str(tmp_path), "--kind", "date"], capsys)
    assert code == 0
    lines = out.splitlines()
    header, rows, summary = lines[0], lines[1:-1], lines[-1]
    assert header.split() == ["FILE:LINE", "KIND", "SURFACE", "VALUE"]
    assert [r.split()[0] for r in rows] == ["a.txt:2", "sub/b.md:4"]
    assert [r.split()[-1] for r in rows] == ["2026-02-06", "2026-02-15"]
    for column in ("KIND", "SURFACE", "VALUE"):
        at = header.index(column)
        assert all(r[at - 2:at] == "  " and r[at] != " " for r in rows), column
    assert summary == "2 claims in 2 files"


def test_unknown_published_date_is_said(tmp_path, capsys):
    write(tmp_path, "a.txt", "Am Montag kamen 5 Leute.\n")
    write(tmp_path, "b.md", "---\npublished: 2026-02-07\n---\nAm Montag kamen 5 Leute.\n")
    code, _, err = run(["extract", str(tmp_path)], capsys)
    assert code == 0
    assert err.splitlines() == ["factlint: note: a.txt: published date unknown (no front matter, meta tag or "
                                "dateline states it): relative dates stay unresolved, missing years come from "
                                "the other articles' dates"]


def test_jsonl_reads_the_published_date_the_text_states():
    doc = {"id": "s", "text": "Lage am Abend\nStand: 2026-02-11\n\nAm Montag kamen 5 Leute.", "lang": "de",
           "published": None}
    result = factlint("extract", "--jsonl", stdin=json.dumps(doc).encode() + b"\n")
    claims = json.loads(result.stdout)["claims"]
    monday = [c for c in claims if c["surface"] == "Montag"]
    assert monday and monday[0]["date"] == "2026-02-09"


def test_table_shows_html_surfaces_as_the_reader_sees_them(tmp_path, capsys):
    write(tmp_path, "a.html", "<p>Der Kurs stieg um <b>12</b>&nbsp;Prozent.</p>")
    code, out, _ = run(["extract", str(tmp_path), "--kind", "percent"], capsys)
    assert code == 0 and out.splitlines()[1].split()[:4] == ["a.html:1", "percent", "12", "Prozent"]


def test_kind_filter_leaves_out_other_kinds(tmp_path, capsys):
    write(tmp_path, "a.txt", "Am 2026-02-06 kamen 5 Leute.\n")
    code, out, _ = run(["extract", str(tmp_path / "a.txt"), "--kind", "money"], capsys)
    assert code == 0 and out.splitlines()[-1] == "0 claims in 1 file"


def test_bad_files_are_reported_and_the_others_listed(tmp_path, capsys):
    good = write(tmp_path, "good.txt", "Am 2026-02-06 begann es.\n")
    code, out, err = run(["extract", str(FIXTURES / "bad"), str(good)], capsys)
    assert code == 2
    assert "good.txt:1" in out
    errors = [line for line in err.splitlines() if not line.startswith("factlint: warning:")]
    assert len(errors) == 8 and all(line.startswith("factlint: ") for line in errors)
    assert "factlint: latin1.txt: not UTF-8" in err
    assert "factlint: warning: empty.md: empty file, skipped" in err
    assert out.splitlines()[-1] == "1 claim in 1 file (8 unreadable; 2 warnings)"


def test_missing_path_is_one_line_and_exit_2(tmp_path, capsys):
    code, out, err = run(["extract", str(tmp_path / "nope")], capsys)
    assert code == 2 and out == ""
    assert err == f"factlint: {tmp_path / 'nope'}: no such file or folder\n"


def test_usage_errors_are_one_line(capsys):
    for argv in (["extract"], ["frobnicate"], ["extract", "--kind", "weight", "x"]):
        code, _, err = run(argv, capsys)
        assert code == 2 and err.count("\n") == 1 and err.startswith("factlint: "), argv


def test_version(capsys):
    code, out, _ = run(["--version"], capsys)
    assert code == 0 and out.startswith("factlint ")


def test_closed_pipe_ends_quietly(tmp_path):
    text = "".join(f"Am 2026-02-{d:02d} zählte man {d} Fälle.\n" for d in range(1, 29)) * 400
    write(tmp_path, "long.txt", text)
    proc = subprocess.Popen([sys.executable, "-m", "factlint.checker.cli", "extract", str(tmp_path)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    proc.stdout.readline()
    proc.stdout.close()
    err = proc.stderr.read().decode()
    proc.wait(timeout=120)
    assert "Traceback" not in err and "BrokenPipe" not in err
    assert proc.returncode in (0, 141)


def test_corpus_config_excludes_files(tmp_path, capsys):
    write(tmp_path, "factlint.toml", 'exclude = ["drafts"]\n')
    write(tmp_path, "a.txt", "Am 2026-02-06 begann es.\n")
    write(tmp_path, "drafts/b.txt", "Am 2026-02-07 endete es.\n")
    code, out, _ = run(["extract", str(tmp_path), "--kind", "date"], capsys)
    assert code == 0 and "drafts" not in out and out.splitlines()[-1] == "1 claim in 1 file"


def test_corpus_rules_from_factlint_toml_teach_a_currency_name(tmp_path, capsys):
    write(tmp_path, "a.txt", "Die Insel gab 40 Millionen Muschelgeld für Schulen aus.\n")
    code, out, _ = run(["extract", str(tmp_path), "--kind", "money"], capsys)
    assert code == 0 and out.splitlines()[-1] == "0 claims in 1 file"
    write(tmp_path, "factlint.toml", 'rules = ["my-rules"]\n')
    write(tmp_path, "my-rules/lang/de/money.toml", '[money.names]\nmuschelgeld = "MMK"\n')
    code, out, _ = run(["extract", str(tmp_path), "--kind", "money"], capsys)
    assert code == 0 and "40 000 000 MMK" in out.splitlines()[1]


def test_bad_corpus_config_is_one_line(tmp_path, capsys):
    write(tmp_path, "factlint.toml", "exclude = 3\n")
    write(tmp_path, "a.txt", "Text.\n")
    code, out, err = run(["extract", str(tmp_path)], capsys)
    assert code == 2 and out == ""
    assert err.startswith(f"factlint: {tmp_path / 'factlint.toml'}: exclude: ") and err.count("\n") == 1


# ------------------------------------------------------------------- value column

@pytest.mark.parametrize("claim, shown", [
    (Claim(start=0, end=1, surface="x", kind="money", value=3e9, unit="CNY"), "3 000 000 000 CNY"),
    (Claim(start=0, end=1, surface="x", kind="money", value=420e6, unit="USD", approximate=True,
           low=415e6, high=425e6, hedge="rund"), "≈ 420 000 000 USD  [415 000 000, 425 000 000]  (rund)"),
    (Claim(start=0, end=1, surface="x", kind="number", value=1e6, lower=1e6, hedge="mehr als",
           counted="Bestellungen"), "≥ 1 000 000 Bestellungen  (mehr als)"),
    (Claim(start=0, end=1, surface="x", kind="percent", value=6.22, unit="%"), "6.22 %"),
    (Claim(start=0, end=1, surface="x", kind="percent", value=-0.25, unit="pp"), "-0.25 pp"),
    (Claim(start=0, end=1, surface="x", kind="quantity", value=20, unit="GWh", lower=10, upper=20), "10–20 GWh"),
    (Claim(start=0, end=1, surface="x", kind="date", date="2026-02-02", weekday="Montag"), "2026-02-02  (Montag)"),
    (Claim(start=0, end=1, surface="x", kind="date", date="2026-02-03", weekday="Montag", weekday_mismatch=True),
     "2026-02-03  (Montag: does not match the date)"),
    (Claim(start=0, end=1, surface="x", kind="number", value=2026), "2026"),
    (Claim(start=0, end=1, surface="x", kind="date", month_day="--02-06"), "--02-06"),
    (Claim(start=0, end=1, surface="x", kind="number", value=13000, foreign_separator=","),
     "13 000  (',' groups thousands here)"),
])
def test_value_column_shows_value_unit_hedge_and_interval(claim, shown):
    assert format_value(claim) == shown


# -------------------------------------------------------------------------- jsonl

def test_jsonl_answers_every_line_in_order_with_contract_fields():
    lines = [
        {"id": "d1", "text": "Am 2026-02-06 begann die Aktion.", "lang": "de", "published": "2026-02-07"},
        {"id": "d2", "text": "It ended on 2026-02-15.", "lang": None, "published": None},
        {"id": 3, "text": "", "lang": "en"},
    ]
    result = factlint("extract", "--jsonl", stdin="\n".join(json.dumps(x) for x in lines).encode() + b"\n")
    assert result.returncode == 0, result.stderr
    answers = [json.loads(line) for line in result.stdout.decode().splitlines()]
    assert [a["id"] for a in answers] == ["d1", "d2", 3]
    assert answers[2]["claims"] == []
    for a, doc in zip(answers[:2], lines):
        dates = [c for c in a["claims"] if c["kind"] == "date"]
        assert dates and CONTRACT_FIELDS <= set(dates[0])
        c = dates[0]
        assert doc["text"][c["start"]:c["end"]] == c["surface"]
    assert answers[1]["lang"] == "en"


def test_jsonl_keeps_month_and_day_of_a_date_without_a_year_and_says_a_separator_was_foreign():
    lines = [
        {"id": "de", "text": "Die Wahl ist am 6. Februar, es kamen 13,000 Menschen.", "lang": "de", "published": None},
        {"id": "en", "text": "The vote is on February 6; police counted 13.000 protesters.", "lang": "en",
         "published": None},
        {"id": "dated", "text": "The vote is on February 6; 13,000 people came.", "lang": "en",
         "published": "2026-03-01"},
    ]
    result = factlint("extract", "--jsonl", stdin="\n".join(json.dumps(x) for x in lines).encode() + b"\n")
    answers = [json.loads(line) for line in result.stdout.decode().splitlines()]
    dates = [[c["date"] for c in a["claims"] if c["kind"] == "date"] for a in answers]
    assert dates == [["--02-06"], ["--02-06"], ["2026-02-06"]]
    numbers = [[(c["value"], c["foreign_separator"]) for c in a["claims"] if c["kind"] == "number"] for a in answers]
    assert numbers == [[(13000.0, ",")], [(13000.0, ".")], [(13000.0, None)]]


def test_jsonl_bad_lines_answer_an_error_and_exit_1():
    stdin = b"\n".join([
        b"not json",
        b"[1, 2]",
        b'{"id": "t", "text": 5}',
        b'{"id": "m"}',
        b'{"id": "l", "text": "x", "lang": 7}',
        b'{"id": "f", "text": "x", "lang": "fr"}',
        b'{"id": "p", "text": "x", "published": "gestern"}',
        b'{"id": "u", "text": "Stra\xdfe"}',
        b"",
        b'{"id": "ok", "text": "Am 2026-02-06.", "lang": "de"}',
    ]) + b"\n"
    result = factlint("extract", "--jsonl", stdin=stdin)
    assert result.returncode == 1
    answers = [json.loads(line) for line in result.stdout.decode().splitlines()]
    assert len(answers) == 9  # the blank line has no answer
    assert [a.get("id") for a in answers] == [None, None, "t", "m", "l", "f", "p", None, "ok"]
    assert all("error" in a for a in answers[:8]) and "claims" in answers[8]
    assert answers[3]["error"] == "line 4: missing 'text'"
    assert "lang" in answers[4]["error"] and "published" in answers[6]["error"]
    assert "not UTF-8" in answers[7]["error"]
    assert result.stderr == b""


def test_jsonl_takes_no_paths(capsys):
    code, _, err = run(["extract", "--jsonl", "somewhere"], capsys)
    assert code == 2 and "give no PATH" in err

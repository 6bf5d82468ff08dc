"""Safe on any input (issue 10): every probe of a hostile tester, as a regression test.

Exit 1 means open discrepancies and nothing else: a bad file is a one-line error naming
it (the others go on, exit 2 at the end); a bug is one line and exit 2, its traceback only
with --debug. Where the probe is about exit codes or the terminal, factlint runs as a
subprocess, as CI runs it.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from xml.etree import ElementTree

import pytest

from factlint.checker import pipeline as engine
from factlint.checker.cli import main

ARTICLE = "---\npublished: 2026-02-06\n---\nDie Brücke kostet 431 Millionen Euro.\n"
OTHER = "---\npublished: 2026-02-06\n---\nDie Brücke kostet 420 Millionen Euro.\n"


def factlint(*args, stdin=subprocess.DEVNULL, timeout=120) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "factlint.checker.cli", *map(str, args)], stdin=stdin,
                          capture_output=True, timeout=timeout, text=True, errors="replace")


def write(root: Path, name: str | bytes, text: str = ARTICLE) -> Path:
    path = Path(os.fsdecode(os.path.join(os.fsencode(root), os.fsencode(name))))
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def one_line_error(proc: subprocess.CompletedProcess, *names: str) -> None:
    assert proc.returncode == 2, proc.stderr
    assert "Traceback" not in proc.stderr
    errors = [line for line in proc.stderr.splitlines() if not line.startswith("factlint: note:")]
    for name in names:
        assert sum(name in line for line in errors) == 1, proc.stderr


def run(capsys, *argv) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exit_:
        main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return exit_.value.code, out, err


# ---------------------------------------------------------------- crashes in the engine

def test_two_cues_of_one_measure_tying_do_not_crash(tmp_path):
    write(tmp_path, "a.md", "---\npublished: 2026-02-06\n---\nIn der Nacht waren es minus 70 Grad Celsius.\n")
    write(tmp_path, "b.md", "---\npublished: 2026-02-06\n---\nNachts wurden minus 70 Grad Celsius gemessen.\n")
    proc = factlint("check", tmp_path)
    assert proc.returncode == 0 and "Traceback" not in proc.stderr


@pytest.mark.parametrize("money", ["€12²", "EUR 5²", "£12³"])
def test_currency_amount_before_a_footnote_digit(tmp_path, money):
    write(tmp_path, "a.md", f"Der Eintritt kostet {money} pro Person.\n")
    proc = factlint("extract", tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert money.rstrip("²³") in proc.stdout


@pytest.mark.parametrize("published", ["0001-01-01", "0001-01-03", "9999-12-31", "9999-12-25"])
def test_relative_dates_at_the_ends_of_the_calendar(tmp_path, published):
    write(tmp_path, "a.md", f"---\npublished: {published}\n---\nAm Sonntag kamen 5 Leute, nächste Woche 7.\n")
    proc = factlint("check", tmp_path)
    assert proc.returncode == 0 and "Traceback" not in proc.stderr, proc.stderr


def test_lone_surrogate_in_a_jsonl_id_loses_nothing():
    lines = '{"id": "\\ud800", "text": "5 Euro"}\n{"id": "b", "text": "7 Euro"}\n'
    proc = subprocess.run([sys.executable, "-m", "factlint.checker.cli", "extract", "--jsonl"], input=lines.encode(),
                          capture_output=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    answers = [json.loads(line) for line in proc.stdout.decode("utf-8").splitlines()]
    assert [a["id"] for a in answers] == ["\ud800", "b"]
    assert [len(a["claims"]) for a in answers] == [1, 1]


# ---------------------------------------------------------------- the file system

def test_symlink_loop_is_one_error_and_the_others_go_on(tmp_path):
    write(tmp_path, "a.md")
    (tmp_path / "loop.md").symlink_to("loop.md")
    proc = factlint("extract", tmp_path)
    one_line_error(proc, "loop.md")
    assert "431 Millionen Euro" in proc.stdout


def test_file_name_that_is_not_utf8_is_shown_escaped(tmp_path):
    write(tmp_path, b"b\xff.md", OTHER)
    write(tmp_path, "a.md")
    proc = factlint("check", tmp_path, "--format", "json")
    assert proc.returncode == 1, proc.stderr
    report = json.loads(proc.stdout)
    assert {d["path"] for d in report["documents"]} == {"a.md", "b\\xff.md"}


def test_fifo_named_like_an_article_does_not_hang(tmp_path):
    write(tmp_path, "a.md")
    os.mkfifo(tmp_path / "x.md")
    proc = factlint("check", tmp_path, timeout=60)
    one_line_error(proc, "x.md: not a regular file")


def test_symlink_out_of_the_corpus_is_not_followed(tmp_path):
    corpus, outside = tmp_path / "corpus", tmp_path / "secret"
    write(corpus, "a.md")
    write(outside, "secret.md", "Das Passwort lautet 271828 Euro.\n")
    (corpus / "b.md").symlink_to(outside / "secret.md")
    (corpus / "c.md").symlink_to("a.md")  # inside the corpus: read (once)
    proc = factlint("extract", corpus)
    one_line_error(proc, "b.md: symbolic link to a file outside the corpus")
    assert "271828" not in proc.stdout and proc.stdout.count("431 Millionen Euro") == 1
    followed = factlint("extract", corpus, "--follow-symlinks")
    assert followed.returncode == 0 and "271828" in followed.stdout


@pytest.mark.parametrize("tail", [b"\x00\x1b[2J" * 10, b"\x1b[2J" * 3000], ids=["nul", "escapes"])
def test_binary_after_the_first_8_kb_is_still_binary(tmp_path, tail):
    (tmp_path / "a.txt").write_bytes(b"Es kostet 5 Euro.\n" * 1000 + tail)
    proc = factlint("extract", tmp_path)
    one_line_error(proc, "a.txt: binary file")


def test_report_is_written_atomically(tmp_path, capsys, monkeypatch):
    write(tmp_path / "corpus", "a.md")
    out = tmp_path / "report.json"
    out.write_text("the previous report\n")

    def disk_full(report, fmt, stream, options):
        stream.write('{"version": ')
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("factlint.checker.render.write", disk_full)
    code, _, err = run(capsys, "check", tmp_path / "corpus", "--format", "json", "-o", out)
    assert code == 2 and err == f"factlint: {out}: cannot write: No space left on device (the file is unchanged)\n"
    assert out.read_text() == "the previous report\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["corpus", "report.json"]  # no temp file left


@pytest.mark.parametrize("exchange", [True, False], ids=["exchanged", "renamed"])
def test_a_report_replaces_the_previous_one_whole_and_keeps_its_mode(tmp_path, monkeypatch, exchange):
    """A report is exchanged with the previous one in one step where the system can (Linux; it
    spares ext4 allocating a large report's blocks at once), else renamed over it."""
    from factlint.checker import atomic

    out = tmp_path / "report.json"
    out.write_text("the previous report\n")
    out.chmod(0o640)
    if not exchange:
        monkeypatch.setattr(atomic, "_exchanged", lambda tmp, path: False)
    with atomic.atomic_writer(out, durable=False) as f:
        f.write("the new report\n")
    assert out.read_text() == "the new report\n" and out.stat().st_mode & 0o777 == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"]  # the previous one removed, no temp file left


def test_two_files_are_exchanged_in_one_step_on_linux(tmp_path):
    from factlint.checker import atomic

    a, b = tmp_path / "a", tmp_path / "b"
    a.write_text("A")
    b.write_text("B")
    swapped = atomic._exchanged(str(a), b)
    assert swapped == sys.platform.startswith("linux")
    assert (a.read_text(), b.read_text()) == (("B", "A") if swapped else ("A", "B"))
    assert not atomic._exchanged(str(a), tmp_path / "missing") and a.exists()  # nothing to exchange with


def finding_id(corpus: Path) -> str:
    proc = factlint("check", corpus, "--format", "json")
    return json.loads(proc.stdout)["findings"][0]["id"]


@pytest.fixture
def conflict(tmp_path) -> Path:
    corpus = tmp_path / "corpus"
    write(corpus, "a.md")
    write(corpus, "b.md", OTHER)
    return corpus


def test_decide_reports_success_only_after_the_save(conflict, capsys, monkeypatch):
    fid = finding_id(conflict)

    def disk_full(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", disk_full)
    code, out, err = run(capsys, "decide", fid, "--status", "confirmed", conflict)
    decisions = conflict / ".factlint" / "decisions.json"
    assert code == 2 and out == ""
    assert err.endswith(f"factlint: {decisions}: cannot write: No space left on device (the file is unchanged)\n")


def test_decide_does_not_make_folders_for_a_mistyped_decisions_path(conflict):
    fid = finding_id(conflict)
    missing = conflict.parent / "no-such-folder" / "deeper" / "x.json"
    proc = factlint("decide", fid, "--status", "confirmed", conflict, "--decisions", missing)
    one_line_error(proc, str(missing))
    assert not missing.parent.parent.exists()


def test_decisions_file_with_a_byte_order_mark_is_read(conflict):
    fid = finding_id(conflict)
    decisions = conflict / ".factlint" / "decisions.json"
    decisions.parent.mkdir()
    decisions.write_bytes(b'\xef\xbb\xbf{"decisions": {"%s": {"status": "confirmed"}}, "version": 1}' % fid.encode())
    assert factlint("check", conflict).returncode == 0


@pytest.mark.parametrize("damage", ["[" * 100_000 + "]" * 100_000,
                                    '{"version": 1, "decisions": {}, "score": NaN}'], ids=["nested", "nan"])
def test_damaged_decisions_file_is_one_line_and_kept(conflict, damage):
    fid = finding_id(conflict)
    decisions = conflict / ".factlint" / "decisions.json"
    decisions.parent.mkdir()
    decisions.write_text(damage)
    for argv in (["check", conflict], ["decide", fid, "--status", "dismissed", conflict]):
        one_line_error(factlint(*argv), str(decisions))
    assert decisions.read_text() == damage


def test_nan_is_never_written_to_the_decisions_file(tmp_path):
    from factlint.checker.decisions import DecisionStore
    from factlint.checker.model import Decision

    store = DecisionStore.load(tmp_path / "d.json")
    store.set("abc", Decision.model_validate({"status": "confirmed", "score": float("nan")}))
    store.save()
    saved = json.loads((tmp_path / "d.json").read_text(), parse_constant=lambda c: pytest.fail(f"{c} written"))
    assert saved["decisions"]["abc"]["score"] is None


def test_review_without_a_terminal_is_one_line(conflict):
    proc = factlint("review", conflict, timeout=60)
    assert proc.returncode == 2 and proc.stderr.count("\n") == 1 and "terminal" in proc.stderr


def test_closed_pipe_exits_141(tmp_path):
    """A report larger than the pipe holds, its reader gone after one line: 141, as documented."""
    text = "---\npublished: 2026-02-06\n---\n" + "".join(
        f"Das Werk {n} lieferte {n * 37 + 11} Tonnen Stahl nach Ort{n}.\n" for n in range(150))
    write(tmp_path, "a.md", text)
    write(tmp_path, "b.md", text)
    proc = subprocess.Popen([sys.executable, "-m", "factlint.checker.cli", "check", str(tmp_path), "--format", "full",
                             "--agreements"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, env={**os.environ, "NO_COLOR": "1"})
    proc.stdout.readline()
    proc.stdout.close()
    err = proc.stderr.read().decode()
    proc.wait(timeout=120)
    assert proc.returncode == 141 and "Traceback" not in err


# ---------------------------------------------------------------- bugs: one line, exit 2

def test_bug_in_the_run_is_one_line_and_exit_2(conflict, capsys, monkeypatch):
    def bug(*args, **kwargs):
        raise ZeroDivisionError("division by zero")

    monkeypatch.setattr(engine, "compare_claims", bug)
    code, _, err = run(capsys, "check", conflict)
    assert code == 2
    assert err == ("factlint: internal error in `check`: ZeroDivisionError: division by zero "
                   "(run with --debug for the traceback)\n")
    code, _, err = run(capsys, "check", conflict, "--debug")
    assert code == 2 and "Traceback" in err and 'raise ZeroDivisionError("division by zero")' in err


def test_bug_in_one_file_is_that_files_error_and_the_others_go_on(conflict, capsys, monkeypatch):
    real = engine.extract

    def bug_in_b(doc, pack):
        if doc.path == "b.md":
            raise KeyError("oops")
        return real(doc, pack)

    monkeypatch.setattr(engine, "extract", bug_in_b)
    code, out, err = run(capsys, "extract", conflict)
    assert code == 2 and "431 Millionen Euro" in out
    assert err.splitlines()[-1] == "factlint: b.md: internal error: KeyError: 'oops' (the other files go on; please report it)"


@pytest.fixture
def context_bug_in_c(monkeypatch):
    """Context annotation fails on the document c.md only."""
    from factlint.checker import context

    real = context.annotate_document

    def bug_in_c(doc, *args):
        if doc.path == "c.md":
            raise IndexError("list index out of range")
        return real(doc, *args)

    monkeypatch.setattr(context, "annotate_document", bug_in_c)


def test_bug_in_one_files_context_is_that_files_error_and_the_others_go_on(tmp_path, capsys, context_bug_in_c):
    write(tmp_path, "a.md", ARTICLE)
    write(tmp_path, "b.md", OTHER)
    write(tmp_path, "c.md", "---\npublished: 2026-02-06\n---\nDie Brücke kostet 500 Millionen Euro.\n")
    code, out, err = run(capsys, "check", tmp_path, "--format", "json")
    report = json.loads(out)
    assert code == 2 and "Traceback" not in err
    assert [e["path"] for e in report["errors"]] == ["c.md"]
    assert "internal error: IndexError" in report["errors"][0]["message"]
    assert {c["document"] for c in report["claims"]} == {"a.md", "b.md"}
    assert [f["kind"] for f in report["findings"]] == ["conflict"]  # 431 vs 420 still compared


def test_bug_in_one_documents_context_through_the_python_api(context_bug_in_c):
    import factlint
    report = factlint.check_texts({"a.md": ARTICLE, "b.md": OTHER, "c.md": ARTICLE})
    assert [e.path for e in report.errors] == ["c.md"]
    assert {c.document for c in report.claims} == {"a.md", "b.md"} and len(report.findings) == 1


def test_bug_comparing_one_story_is_one_error_and_the_other_stories_go_on(tmp_path, capsys, monkeypatch):
    from factlint.checker import compare as stage

    real = stage.compare

    def bug_in_storm(claims, *args):
        if any(c.document.startswith("storm/") for c in claims):
            raise ZeroDivisionError("division by zero")
        return real(claims, *args)

    monkeypatch.setattr(stage, "compare", bug_in_storm)
    for story in ("bridge", "storm", "budget"):  # three folders of two: a story each
        write(tmp_path, f"{story}/a.md", ARTICLE)
        write(tmp_path, f"{story}/b.md", OTHER)
    code, out, err = run(capsys, "check", tmp_path, "--format", "json")
    report = json.loads(out)
    assert code == 2 and "Traceback" not in err
    assert [(e["path"], e["message"]) for e in report["errors"]] == [(
        "storm/a.md", "storm/a.md: internal error comparing its story with storm/b.md: ZeroDivisionError: "
        "division by zero (the other stories go on; please report it)")]
    assert sorted({report["claims"][[c["id"] for c in report["claims"]].index(f["claims"][0])]["document"].split("/")[0]
                   for f in report["findings"]}) == ["bridge", "budget"]
    assert err.count("\n") == 1 and "storm/a.md: internal error comparing its story" in err


# ---------------------------------------------------------------- terminal injection

CONTROLS = {*range(0x20), 0x7F, *range(0x80, 0xA0), *range(0x202A, 0x202F), *range(0x2066, 0x206A)} - {0x0A, 0x09}
HOSTILE = ("---\npublished: 2026-02-06\n---\nDie neue Brücke über den Fluss im Norden der Stadt wird nach Angaben "
           "der Verwaltung deutlich teurer als geplant. Die Brücke \x1b[2J kostet \x1b]0;pwned\x07 431 Millionen "
           "Euro \u202e laut \x1b]8;;http://evil.example\x1b\\Link\x1b]8;;\x1b\\ und \x9b das ist viel Geld für "
           "eine Stadt dieser Größe, sagen die Kritiker im Rat.\n")


def raw_controls(text: str) -> str:
    return "".join(ch for ch in text if ord(ch) in CONTROLS)


@pytest.fixture
def hostile(tmp_path) -> Path:
    corpus = tmp_path / "corpus"
    write(corpus, "a\x1b[31m\u202e.md", HOSTILE)
    write(corpus, "b.md", OTHER)
    return corpus


@pytest.mark.parametrize("fmt", ["full", "concise", "github"])
def test_report_for_reading_shows_control_characters(hostile, fmt):
    proc = factlint("check", hostile, "--format", fmt)
    assert proc.returncode == 1, proc.stderr
    assert raw_controls(proc.stdout + proc.stderr) == ""
    assert "a␛[31m" in proc.stdout


def test_extract_table_and_errors_show_control_characters(hostile):
    write(hostile, "c\x1b]0;x\x07.txt", "\x00binary")
    proc = factlint("extract", hostile)
    assert proc.returncode == 2
    assert raw_controls(proc.stdout + proc.stderr) == ""
    assert "c␛]0;x␇.txt: binary file" in proc.stderr


def test_json_report_stays_faithful(hostile):
    proc = factlint("check", hostile, "--format", "json")
    report = json.loads(proc.stdout)
    assert "a\x1b[31m\u202e.md" in {d["path"] for d in report["documents"]}
    assert any("\x9b das ist" in c["sentence"] for c in report["claims"])


@pytest.mark.parametrize("fmt", ["json", "sarif", "junit"])
def test_machine_formats_escape_what_a_terminal_would_obey(hostile, fmt):
    """JSON may carry C1 and bidi controls raw, XML too; both are written as escapes that a
    parser reads back to the same character, so `cat report.json` steers no terminal."""
    out = factlint("check", hostile, "--format", fmt).stdout
    assert raw_controls(out) == ""
    assert ("&#x202e;" if fmt == "junit" else "\\u202e") in out
    if fmt == "junit":
        parsed = ElementTree.fromstring(out.encode())
        assert any("\u202e" in (e.get("name") or "") + (e.text or "") for e in parsed.iter())
    else:
        json.loads(out)


def test_report_file_escapes_what_a_terminal_would_obey(hostile, tmp_path):
    factlint("check", hostile, "--format", "json", "-o", tmp_path / "report.json")
    text = (tmp_path / "report.json").read_text(encoding="utf-8")
    assert raw_controls(text) == "" and "\\u009b" in text


@pytest.mark.parametrize("cache", [[], ["--no-cache"]])
def test_a_corpus_without_a_figure_gives_an_empty_json_report(tmp_path, capsys, cache):
    (tmp_path / "note.txt").write_text("Nothing to see here.\n", encoding="utf-8")
    code, out, err = run(capsys, "check", tmp_path, "--format", "json", *cache)
    assert code == 0, err
    report = json.loads(out)
    assert report["claims"] == [] and report["findings"] == [] and len(report["documents"]) == 1

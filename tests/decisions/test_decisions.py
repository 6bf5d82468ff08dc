"""The decisions file: round trip, stable text, unknown fields kept, damaged files refused,
crash safety (old or new file, never a broken one) and concurrent writers."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from factlint.checker import decisions as decisions_module
from factlint.checker.decisions import DecisionStore, dumps, make_decision, read, resolve_id, update
from factlint.checker.errors import FactlintError
from factlint.checker.model import Decision
from tests.render.sample import sample_report

ROOT = Path(__file__).resolve().parents[2]


def decision(status="dismissed", note=None, **extra) -> Decision:
    return Decision(status=status, note=note, by="Rev <rev@example.org>", at="2026-03-07", kind="conflict",
                    surfaces=["180 Mio. Euro", "€176 million"], excerpts=["a.md: …"], **extra)


def test_round_trip_keeps_every_field(tmp_path):
    path = tmp_path / ".factlint" / "decisions.json"
    store = DecisionStore.load(path)
    assert len(store) == 0 and not path.exists()
    store.set("bbb111", decision("confirmed", note="known, the yard corrected it"))
    store.set("aaa000", decision())
    store.save()
    again = DecisionStore.load(path)
    assert again.decisions == store.decisions
    assert again.get("bbb111").note == "known, the yard corrected it"
    assert again.status("aaa000") == "dismissed" and again.status("ccc") == "open"


def test_file_is_sorted_stable_and_has_no_positions(tmp_path):
    path = tmp_path / "decisions.json"
    update(path, {"bbb": decision(), "aaa": decision("confirmed")})
    first = path.read_bytes()
    update(path, {})
    assert path.read_bytes() == first
    data = json.loads(first)
    assert data["version"] == 1
    assert list(data["decisions"]) == ["aaa", "bbb"]
    assert list(data["decisions"]["aaa"]) == sorted(data["decisions"]["aaa"])
    assert first.endswith(b"\n") and b"line" not in first


def test_unknown_fields_survive_an_update(tmp_path):
    path = tmp_path / "decisions.json"
    path.write_text(json.dumps({"version": 1, "reviewed_by_team": "desk",
                                "decisions": {"aaa": {"status": "dismissed", "ticket": "NEWS-12"}}}))
    update(path, {"aaa": decision("confirmed"), "bbb": decision()})
    data = json.loads(path.read_text())
    assert data["reviewed_by_team"] == "desk"
    assert data["decisions"]["aaa"]["ticket"] == "NEWS-12"
    assert data["decisions"]["aaa"]["status"] == "confirmed"


def test_set_returns_the_previous_decision_for_undo(tmp_path):
    store = DecisionStore.load(tmp_path / "d.json")
    assert store.set("aaa", decision()) is None
    previous = store.set("aaa", decision("confirmed"))
    assert previous.status == "dismissed"
    store.set("aaa", previous)
    store.save()
    assert DecisionStore.load(tmp_path / "d.json").status("aaa") == "dismissed"
    store.set("aaa", None)
    store.save()
    assert "aaa" not in DecisionStore.load(tmp_path / "d.json")


def test_open_is_not_a_stored_status(tmp_path):
    with pytest.raises(ValueError):
        DecisionStore.load(tmp_path / "d.json").set("aaa", Decision(status="open"))


def test_save_merges_with_a_writer_that_came_in_between(tmp_path):
    path = tmp_path / "d.json"
    tui, cli = DecisionStore.load(path), DecisionStore.load(path)
    tui.set("aaa", decision())
    cli.set("bbb", decision("confirmed"))
    cli.save()
    tui.save()
    assert set(DecisionStore.load(path).decisions) == {"aaa", "bbb"}
    assert set(tui.decisions) == {"aaa", "bbb"}


def test_stale_decisions_are_reported(tmp_path):
    path = tmp_path / "d.json"
    report = sample_report()
    conflict = next(f for f in report.findings if f.kind == "conflict")
    update(path, {conflict.id: make_decision(conflict, report, "dismissed", "rounding", by="Rev"),
                  "0123456789ab": decision()})
    report = sample_report(DecisionStore.load(path))
    assert [s.id for s in report.stale_decisions] == ["0123456789ab"]
    assert report.stale_decisions[0].surfaces == ["180 Mio. Euro", "€176 million"]
    assert next(f for f in report.findings if f.id == conflict.id).status == "dismissed"


def test_a_decision_carries_what_a_reader_needs_and_no_line_numbers():
    report = sample_report()
    conflict = next(f for f in report.findings if f.kind == "conflict")
    d = make_decision(conflict, report, "confirmed", "asked the desk", by="Rev")
    assert d.surfaces == ["rund 180 Millionen Euro", "€176 million"]
    assert d.excerpts[0] == "a.md: Umgerechnet sind das rund 180 Millionen Euro."
    assert (d.kind, d.code, d.name, d.by) == ("conflict", "FL102", "conversion-conflict", "Rev")
    assert "line" not in d.model_dump()


@pytest.mark.parametrize("content, problem", [
    (b'{"version": 1, "decisions": {"aaa": {"status": "dismis', "not valid JSON"),
    (b'{"version": 7, "decisions": {}}', "version: 7"),
    (b'[1, 2]', "expected a JSON object"),
    (b'{"version": 1, "decisions": {"aaa": {"status": "maybe"}}}', "decisions.aaa.status"),
    (b'{"version": 1, "decisions": {"aaa": {"status": "open"}}}', "decisions.aaa.status"),
    (b'\xff\xfe{}', "not UTF-8"),
])
def test_damaged_file_is_refused_and_left_as_it_was(tmp_path, content, problem):
    path = tmp_path / "decisions.json"
    path.write_bytes(content)
    with pytest.raises(FactlintError) as err:
        DecisionStore.load(path)
    message = str(err.value)
    assert str(path) in message and problem in message and "\n" not in message
    with pytest.raises(FactlintError):
        update(path, {"bbb": decision()})
    assert path.read_bytes() == content
    assert sorted(p.name for p in tmp_path.iterdir()) == ["decisions.json", "decisions.json.lock"]


def test_crash_between_write_and_replace_leaves_the_old_file(tmp_path, monkeypatch):
    path = tmp_path / "decisions.json"
    update(path, {"aaa": decision()})
    before = path.read_bytes()

    def crash(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(decisions_module.os, "replace", crash)
    with pytest.raises(FactlintError, match=r"decisions\.json: cannot write: No space left on device"):
        update(path, {"bbb": decision()})
    assert path.read_bytes() == before
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


WRITER = textwrap.dedent("""
    import sys
    from factlint.checker.decisions import update
    from factlint.checker.model import Decision
    path, tag, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
    for i in range(count):
        # a large file, so that a kill often lands in the middle of writing it
        update(path, {f"{tag}{i:04d}": Decision(status="dismissed", note="x" * 2000, surfaces=[tag] * 20)})
        if i == 0:
            print("started", flush=True)
    print("done", flush=True)
""")


def run_writer(path: Path, tag: str, count: int) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", WRITER, str(path), tag, str(count)], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def test_process_killed_while_writing_leaves_old_or_new_file(tmp_path):
    path = tmp_path / "decisions.json"
    seen_counts = set()
    for delay in (0.0, 0.05, 0.1, 0.2, 0.3):
        writer = run_writer(path, f"k{delay}-", 100000)
        assert writer.stdout.readline().strip() == "started"
        time.sleep(delay)
        os.kill(writer.pid, signal.SIGKILL)
        writer.wait()
        if path.exists():
            decisions, _ = read(path)  # parses: the old file or the new one, never a torn one
            assert all(d.status == "dismissed" for d in decisions.values())
            seen_counts.add(len(decisions))
    assert seen_counts and max(seen_counts) > 0


STALLED_WRITER = textwrap.dedent("""
    import os, sys, time
    from factlint.checker import decisions
    from factlint.checker.model import Decision

    def stall(fd):  # the new text is written to the temp file; stop before it replaces the old file
        print("written", flush=True)
        time.sleep(60)

    decisions.os.fsync = stall
    decisions.update(sys.argv[1], {"new000": Decision(status="confirmed")})
""")


def test_process_killed_between_write_and_replace_leaves_the_old_file(tmp_path):
    path = tmp_path / "decisions.json"
    update(path, {"old000": decision()})
    before = path.read_bytes()
    writer = subprocess.Popen([sys.executable, "-c", STALLED_WRITER, str(path)], cwd=ROOT,
                              stdout=subprocess.PIPE, text=True)
    assert writer.stdout.readline().strip() == "written"
    assert [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]  # the half-done write exists
    os.kill(writer.pid, signal.SIGKILL)
    writer.wait()
    assert path.read_bytes() == before
    update(path, {"next00": decision()})  # the next writer is not blocked and clears the leftover
    assert set(read(path)[0]) == {"old000", "next00"}
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_two_concurrent_writers_keep_both_decisions(tmp_path):
    path = tmp_path / "decisions.json"
    writers = [run_writer(path, tag, 25) for tag in ("tui-", "cli-")]
    for w in writers:
        out, errors = w.communicate(timeout=120)
        assert w.returncode == 0, errors
    decisions, _ = read(path)
    assert len(decisions) == 50
    assert {k[:4] for k in decisions} == {"tui-", "cli-"}


def test_resolve_id_by_unique_prefix():
    ids = {"3fa2c9d1e0b4", "3fb000000000", "77aa00000000"}
    assert resolve_id("77", ids) == "77aa00000000"
    assert resolve_id("3fa2c9d1e0b4", ids) == "3fa2c9d1e0b4"
    with pytest.raises(FactlintError, match="ambiguous"):
        resolve_id("3f", ids)
    with pytest.raises(FactlintError, match="no finding"):
        resolve_id("zz", ids)


def test_dumps_writes_utf8_as_is():
    text = dumps({"aaa": decision(note="Schätzung der Behörde")})
    assert "Schätzung" in text and text.endswith("\n")


def test_lock_and_temp_files_are_kept_out_of_git_in_the_default_folder(tmp_path):
    path = tmp_path / ".factlint" / "decisions.json"
    update(path, {"aaa": decision()})
    assert (tmp_path / ".factlint" / ".gitignore").read_text().splitlines()[1:] == ["*.lock", "*.tmp"]
    assert sorted(p.name for p in path.parent.iterdir()) == [".gitignore", "decisions.json", "decisions.json.lock"]


def test_reviewer_comes_from_git_config_else_the_login_name(monkeypatch):
    config = {"user.name": "Ada Muster", "user.email": "ada@example.org"}
    monkeypatch.setattr(decisions_module, "_git_config", config.get)
    decisions_module.who.cache_clear()
    assert decisions_module.who() == "Ada Muster <ada@example.org>"
    config.clear()
    monkeypatch.setenv("USER", "ada")
    decisions_module.who.cache_clear()
    assert decisions_module.who() == "ada"
    decisions_module.who.cache_clear()


def test_default_file_is_at_the_corpus_root(tmp_path):
    from factlint.checker.decisions import default_path

    (tmp_path / "news" / "de").mkdir(parents=True)
    (tmp_path / "news" / "en").mkdir()
    article = tmp_path / "news" / "de" / "a.md"
    article.write_text("x")
    assert default_path([tmp_path / "news"]) == tmp_path / "news" / ".factlint" / "decisions.json"
    assert default_path([article]) == tmp_path / "news" / "de" / ".factlint" / "decisions.json"
    assert default_path([tmp_path / "news" / "de", tmp_path / "news" / "en"]) == \
        (tmp_path / "news" / ".factlint" / "decisions.json").absolute()


TRICKY = ["Schätzung", "“zitiert”", 'quote " and \\ backslash', "tab\tand\nnewline", "esc \x1b[31m", "\u2028 line sep",
          "🚢 astral", "", "\x7f del", "\ud7ff edge"]


@pytest.mark.parametrize("text", TRICKY)
def test_fast_writer_writes_what_the_json_module_would(text):
    """dumps() serializes with pydantic when it can; the text must equal json.dumps(sort_keys=True)."""
    ds = {"bbb": decision(note=text), "aaa": Decision(status="confirmed", surfaces=[text], excerpts=[f"a.md: {text}"])}
    data = {"version": 1, "decisions": {k: v.model_dump(mode="json", exclude_none=True) for k, v in ds.items()}}
    assert dumps(ds) == json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
    assert {k: v for k, v in read_text_back(dumps(ds)).items()} == ds


def read_text_back(text: str) -> dict:
    from factlint.checker.decisions import parse

    return parse(text.encode("utf-8"), "mem")[0]


def test_decision_fields_are_declared_in_sorted_order():
    """The fast writer relies on it (it falls back to sorting when they are not)."""
    assert list(Decision.model_fields) == sorted(Decision.model_fields)


def test_a_file_changed_behind_our_back_is_read_again(tmp_path):
    path = tmp_path / "d.json"
    update(path, {"aaa": decision()})
    assert set(read(path)[0]) == {"aaa"}
    path.write_text(dumps({"zzz": decision("confirmed")}), encoding="utf-8")  # another tool, same size
    assert set(read(path)[0]) == {"zzz"}


def test_reload_shows_other_writers_and_keeps_unsaved_changes(tmp_path):
    path = tmp_path / "d.json"
    tui = DecisionStore.load(path)
    tui.set("aaa", decision())
    update(path, {"bbb": decision("confirmed"), "aaa": decision("confirmed")})  # the CLI, meanwhile
    tui.reload()
    assert tui.status("bbb") == "confirmed" and tui.status("aaa") == "dismissed"
    tui.save()
    assert read(path)[0]["aaa"].status == "dismissed"


def test_figures_of_one_sentence_share_one_excerpt():
    from factlint.checker.model import Claim, Finding, Report

    sentence = "Die Stadt zahlt 3 Mio. Euro (rund 3,4 Mio. Dollar)."
    claims = [Claim(id=i, document="a.md", start=s, end=e, surface=sentence[s:e], kind="money", value=v, unit=u,
                    sentence=sentence, sentence_start=0)
              for i, s, e, v, u in (("x", 16, 27, 3e6, "EUR"), ("y", 34, 49, 3.4e6, "USD"))]
    finding = Finding(id="f", kind="conflict", code="FL106", name="conversion-conflict", severity="error",
                      claims=["x", "y"], message="m")
    d = make_decision(finding, Report(claims=claims, findings=[finding]), "confirmed", by="Rev")
    assert d.surfaces == ["3 Mio. Euro", "3,4 Mio. Dollar"]
    assert d.excerpts == [f"a.md: {sentence}"]

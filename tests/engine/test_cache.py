"""The corpus cache: a re-check reads and compares only what changed, and reports the same."""

from __future__ import annotations

import json
import math
import shutil
import subprocess
import sys
import zlib
from pathlib import Path

import pytest

import factlint.checker.compare as compare_module
from factlint.checker.cli import main
from factlint.checker.engine import local
from factlint.checker.engine.cache import PARTS_MARK, TEXT_END, TEXT_MARK, decode, all_finite, claim_row, encode
from factlint.checker.model import Claim
from factlint.checker.pipeline import Options, check

CORPUS = Path(__file__).resolve().parents[2] / "corpus"
STORIES = ("qwen-neujahr", "lumora-batteriewerk", "hitzewelle-aubrac")


@pytest.fixture
def corpus(tmp_path, monkeypatch):
    monkeypatch.delenv("FACTLINT_NO_CACHE")
    root = tmp_path / "corpus"
    for story in STORIES:
        shutil.copytree(CORPUS / story, root / story)
    (root / ".factlint").mkdir()  # a corpus root, as `factlint decide` makes one
    return root


@pytest.fixture
def calls(monkeypatch):
    """How many documents were prepared and stories compared."""
    seen = {"prepared": [], "compared": 0}
    real_prepare, real_compare = local.prepare, compare_module.compare

    def prepare(path, rel, rules, jobs=1):
        seen["prepared"].append(rel)
        return real_prepare(path, rel, rules, jobs)

    def compare(*args, **kwargs):
        seen["compared"] += 1
        return real_compare(*args, **kwargs)

    monkeypatch.setattr(local, "prepare", prepare)
    monkeypatch.setattr(compare_module, "compare", compare)
    return seen


def entries(root: Path) -> list[Path]:
    return [p for p in (root / ".factlint" / "cache").rglob("*") if p.is_file() and p.name != ".gitignore"]


def parts_of(data: bytes) -> dict[str, bytes]:
    """The parts of a document's file (cache.py: `Cache.write_parts`), by name."""
    head, _, rest = data[len(PARTS_MARK):].partition(b"\n")
    parts, offset = {}, 0
    for item in head.decode().split():
        name, length = item.split(":")
        parts[name] = rest[offset:offset + int(length)]
        offset += int(length)
    assert offset == len(rest)
    return parts


def with_parts(parts: dict[str, bytes]) -> bytes:
    header = " ".join(f"{name}:{len(data)}" for name, data in parts.items()).encode()
    return PARTS_MARK + header + b"\n" + b"".join(parts.values())


def change_part(root: Path, name: str, change) -> int:
    """Replace part `name` of every document's file by `change(its bytes)` (None: drop it)."""
    changed = 0
    for entry in entries(root):
        data = entry.read_bytes()
        if data.startswith(PARTS_MARK):
            parts = parts_of(data)
            if name in parts:
                new = change(parts[name])
                if new is None:
                    del parts[name]
                else:
                    parts[name] = new
                entry.write_bytes(with_parts(parts))
                changed += 1
    return changed


def test_a_recheck_reads_nothing_again_and_reports_the_same(corpus, calls):
    first = check([corpus])
    assert len(calls["prepared"]) > 5 and calls["compared"] == len(STORIES)
    calls["prepared"].clear()
    calls["compared"] = 0
    again = check([corpus])
    assert calls["prepared"] == [] and calls["compared"] == 0
    assert again.model_dump_json() == first.model_dump_json()
    assert again.model_dump_json() == check([corpus], Options(cache=False)).model_dump_json()


def test_one_changed_file_is_read_again_and_only_its_story_compared(corpus, calls):
    check([corpus])
    article = sorted((corpus / "qwen-neujahr").glob("*.md"))[0]
    article.write_text(article.read_text(encoding="utf-8").replace("2", "3", 1), encoding="utf-8")
    calls["prepared"].clear()
    calls["compared"] = 0
    changed = check([corpus])
    assert calls["prepared"] == [f"qwen-neujahr/{article.name}"] and calls["compared"] == 1
    assert changed.model_dump_json() == check([corpus], Options(cache=False)).model_dump_json()


def test_no_cache_neither_reads_nor_writes_it(corpus, calls, capsys):
    with pytest.raises(SystemExit):
        main(["check", str(corpus), "--no-cache"])
    assert not (corpus / ".factlint" / "cache").exists()


def test_the_cache_ignores_itself_in_git_and_holds_no_pickle(corpus, tmp_path):
    report = json.loads(cli_check(corpus, tmp_path / "report.json"))
    assert (corpus / ".factlint" / "cache" / ".gitignore").read_text(encoding="utf-8").splitlines()[-1] == "*"
    texts = 0

    def load(data: bytes):
        return json.loads(data if data[:1] in b"{[ " else zlib.decompress(data))

    for entry in entries(corpus):  # data, never code: JSON (compressed or not), or a report's JSON text
        data = entry.read_bytes()
        if data.startswith(TEXT_MARK):
            json.loads(b"[" + data[len(TEXT_MARK):-len(TEXT_END)] + b"]")
        elif data.startswith(PARTS_MARK) and parts_of(data).keys() == {"entry", "text"}:
            # a story's: its findings, and the report's JSON text of each (two pieces of fields)
            parts = parts_of(data)
            findings = load(parts["entry"])
            pieces = parts["text"].split(b"\x1e") if findings else []
            assert len(pieces) == 2 * len(findings)
            for piece in pieces:
                assert json.loads(b"{" + piece.rstrip(b",") + b"}")
        elif data.startswith(PARTS_MARK):  # a document's: its entry, claims, text and report text
            parts = parts_of(data)
            assert {"entry", "claims", "text"} <= parts.keys() <= {"entry", "claims", "text", "json"}
            for name in ("entry", "claims", "text"):
                load(parts[name])
            if "json" in parts:
                json.loads(b"[" + parts["json"] + b"]")
                texts += 1
        else:
            load(data)
    assert texts == len({c["document"] for c in report["claims"]})  # one per document with claims


@pytest.mark.parametrize("value", [
    [[1, 2.5, -0.0, 1e16, 0.1 + 0.2, "Umsatz 12,4 Mrd. €", None, True, {"a": 0.25}]],
    [float("nan"), float("inf"), -float("inf")],  # orjson would write null
    [2 ** 64, -(2 ** 63) - 1],  # orjson refuses to write them, and would read them as floats
    ["\udcff.md", "\ud800"],  # a lone surrogate (a file name read with surrogateescape)
    {1: "story", "2": "other"},  # the json module writes the key 1 as "1"
])
@pytest.mark.parametrize("compress", [True, False])
def test_an_entry_reads_back_as_the_json_module_read_it(value, compress):
    finite = not any(isinstance(v, float) and not math.isfinite(v) for v in value)
    got = decode(encode(value, compress, finite=finite))
    assert repr(got) == repr(json.loads(json.dumps(value, allow_nan=True)))


def test_claims_with_a_float_that_is_not_finite_are_kept_as_they_are():
    claims = [Claim.made(start=0, end=1, surface="1", kind="number", value=1.0),
              Claim.made(start=2, end=3, surface="x", kind="number", value=float("inf"))]
    assert all_finite(claims[:1]) and not all_finite(claims)
    claims[1].value = 2.0
    claims[1].about = {"word": float("nan")}
    assert not all_finite(claims)
    rows = [claim_row(c) for c in claims]
    assert repr(decode(encode(rows, finite=all_finite(claims)))) == repr(rows)


def test_a_damaged_entry_is_a_miss(corpus, calls):
    first = check([corpus]).model_dump_json()
    for entry in entries(corpus):
        entry.write_bytes(b"\x00garbage")
    calls["prepared"].clear()
    assert check([corpus]).model_dump_json() == first
    assert len(calls["prepared"]) > 5


def test_other_rules_do_not_read_entries_made_with_the_shipped_ones(corpus, tmp_path, calls):
    check([corpus])
    calls["prepared"].clear()
    extra = tmp_path / "other-rules" / "lang" / "en"
    extra.mkdir(parents=True)
    (extra / "hedges.toml").write_text("[hedges]\n", encoding="utf-8")
    check([corpus], Options(rules_dirs=(str(tmp_path / "other-rules"),)))
    assert len(calls["prepared"]) > 5


def test_cache_clear_removes_it(corpus, capsys):
    check([corpus])
    n = len(entries(corpus))
    with pytest.raises(SystemExit) as done:
        main(["cache", "clear", str(corpus)])
    assert done.value.code == 0 and f"removed {n} entries" in capsys.readouterr().out
    assert not (corpus / ".factlint" / "cache").exists()


def test_runs_at_once_share_the_cache_safely(corpus):
    """Four checks at once on one corpus (CI jobs sharing a folder): each reports what a run
    without the cache reports, and so does the next one, from the entries they left."""
    cmd = [sys.executable, "-m", "factlint.checker.cli", "check", str(corpus), "--format", "json", "-j", "1"]
    expected = json.loads(subprocess.run(cmd + ["--no-cache"], capture_output=True, timeout=600).stdout)
    runs = [subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE) for _ in range(4)]
    outputs = [r.communicate(timeout=600) for r in runs]
    runs.append(subprocess.run(cmd, capture_output=True, timeout=600))
    outputs.append((runs[-1].stdout, runs[-1].stderr))
    for out, err in outputs:
        assert json.loads(out) == expected, err.decode()
    assert not [p for p in (corpus / ".factlint" / "cache").rglob(".tmp-*")]


def test_a_folder_that_is_no_corpus_root_is_not_written_into(tmp_path, monkeypatch):
    """A folder without `.factlint/` or factlint.toml (a scraped folder, a scorer's case) gets
    no cache folder of its own: its cache lives in the user's cache folder."""
    monkeypatch.delenv("FACTLINT_NO_CACHE", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "user-cache"))
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "a.md").write_text("Der Umsatz stieg auf 12,4 Mrd. Euro.\n", encoding="utf-8")
    check([articles])
    assert sorted(p.name for p in articles.rglob("*")) == ["a.md"]
    assert [p for p in (tmp_path / "user-cache" / "factlint").rglob("*") if p.is_file()]


# ------------------------------------------------------------ the CLI: claims left in the cache


def articles(corpus: Path) -> list[Path]:
    return sorted(p for p in corpus.rglob("*") if p.suffix in (".md", ".txt", ".html") and ".factlint" not in p.parts)


def cli_check(corpus: Path, out: Path, *extra: str) -> bytes:
    """`factlint check CORPUS --format json --output OUT` in this process: the report's bytes."""
    with pytest.raises(SystemExit) as done:
        main(["check", str(corpus), "--format", "json", "--output", str(out), "-j", "1", *extra])
    assert done.value.code in (0, 1)
    return out.read_bytes()


def test_a_cli_recheck_reads_no_file_and_compares_nothing(corpus, calls, tmp_path):
    expected = cli_check(corpus, tmp_path / "fresh.json", "--no-cache")
    assert cli_check(corpus, tmp_path / "first.json") == expected
    calls["prepared"].clear()
    calls["compared"] = 0
    assert cli_check(corpus, tmp_path / "again.json") == expected
    assert calls["prepared"] == [] and calls["compared"] == 0


def test_a_cli_recheck_with_one_file_changed_compares_its_story_only(corpus, calls, tmp_path):
    cli_check(corpus, tmp_path / "first.json")
    article = sorted((corpus / "lumora-batteriewerk").glob("*.md"))[0]
    article.write_text(article.read_text(encoding="utf-8").replace("2", "7", 1), encoding="utf-8")
    calls["prepared"].clear()
    calls["compared"] = 0
    changed = cli_check(corpus, tmp_path / "changed.json")
    assert calls["prepared"] == [f"lumora-batteriewerk/{article.name}"] and calls["compared"] == 1
    assert changed == cli_check(corpus, tmp_path / "fresh.json", "--no-cache")


@pytest.mark.parametrize("damaged", ["every entry", "claims", "report text", "manifest"])
def test_a_damaged_entry_is_a_miss_on_the_cli_too(corpus, tmp_path, capsys, damaged):
    """Entries damaged between runs (a full disk, a crash, a hand edit): the report is the one
    a run without the cache writes, and no traceback."""
    expected = cli_check(corpus, tmp_path / "fresh.json", "--no-cache")
    cli_check(corpus, tmp_path / "first.json")
    if damaged == "claims":  # that part of each document's file, the file still whole
        assert change_part(corpus, "claims", lambda data: b"\x00garbage" + data[:len(data) // 2]) > 0
    for entry in entries(corpus):
        data = entry.read_bytes()
        if (damaged == "every entry" or (damaged == "manifest" and entry.name == "manifest")
                or (damaged == "report text" and data.startswith(PARTS_MARK) and "json" in parts_of(data))):
            entry.write_bytes(data[: len(data) // 2] + b"\x00garbage")  # cut short (a full disk, a crash)
    capsys.readouterr()
    assert cli_check(corpus, tmp_path / "again.json") == expected
    assert "Traceback" not in capsys.readouterr().err
    assert cli_check(corpus, tmp_path / "third.json") == expected  # and the entries made again read back


def test_the_manifest_spares_reading_unchanged_files_but_sees_a_changed_one(corpus, tmp_path, monkeypatch):
    """Files changed before the racy window are known unchanged by their `stat`; an edit changes
    the `stat` (times, size or inode), and the file is read again."""
    import os
    import time

    from factlint.checker.engine import manifest as manifest_module

    monkeypatch.setattr(manifest_module, "RACY_NS", 0)  # files written before the run counts as old enough
    time.sleep(0.05)
    cli_check(corpus, tmp_path / "first.json")
    made = manifest_module._load(corpus / ".factlint" / "cache" / "manifest")
    assert len(made) == len(articles(corpus))
    reads = []
    real_open = open

    def counting_open(name, mode="r", *args, **kwargs):
        if str(name).endswith((".md", ".txt", ".html")):
            reads.append(str(name))
        return real_open(name, mode, *args, **kwargs)

    monkeypatch.setattr(manifest_module, "open", counting_open, raising=False)
    cli_check(corpus, tmp_path / "again.json")
    assert reads == []
    article = sorted(corpus.rglob("*.md"))[0]
    article.write_text(article.read_text(encoding="utf-8").replace("2", "7", 1), encoding="utf-8")
    time.sleep(0.05)
    assert cli_check(corpus, tmp_path / "changed.json") == cli_check(corpus, tmp_path / "fresh.json", "--no-cache")
    assert reads == [os.path.abspath(article)]


def test_changed_rules_recompute_everything_on_the_cli(corpus, tmp_path, calls):
    cli_check(corpus, tmp_path / "first.json")
    calls["prepared"].clear()
    calls["compared"] = 0
    rules = tmp_path / "other-rules" / "lang" / "en"
    rules.mkdir(parents=True)
    (rules / "hedges.toml").write_text("[hedges]\n", encoding="utf-8")
    cli_check(corpus, tmp_path / "other.json", "--rules", str(tmp_path / "other-rules"))
    assert len(calls["prepared"]) == len(articles(corpus)) and calls["compared"] == len(STORIES)


def clear_loaded_rules() -> None:
    from factlint.rules import loader

    for f in (loader._rule_set, loader.load_pack, loader.load_checks, loader.load_measures, loader.load_currencies,
              loader.load_units):
        f.cache_clear()


def test_a_recheck_reads_no_rule_file_the_cache_saw_validate(corpus, tmp_path, monkeypatch):
    from factlint.rules import loader

    cli_check(corpus, tmp_path / "first.json")
    read = []
    real_read = loader.read_toml
    monkeypatch.setattr(loader, "read_toml", lambda path, label: read.append(label) or real_read(path, label))
    clear_loaded_rules()
    assert cli_check(corpus, tmp_path / "again.json") == (tmp_path / "first.json").read_bytes()
    assert read == []
    clear_loaded_rules()


def test_a_rule_file_broken_since_the_last_run_still_stops_the_run(corpus, tmp_path, capsys):
    rules = tmp_path / "own-rules" / "lang" / "en"
    rules.mkdir(parents=True)
    (rules / "hedges.toml").write_text("[hedges]\n", encoding="utf-8")
    cli_check(corpus, tmp_path / "first.json", "--rules", str(tmp_path / "own-rules"))
    (rules / "hedges.toml").write_text("[hedges\n", encoding="utf-8")
    clear_loaded_rules()
    capsys.readouterr()
    with pytest.raises(SystemExit) as done:
        main(["check", str(corpus), "--rules", str(tmp_path / "own-rules")])
    err = capsys.readouterr().err
    assert done.value.code == 2 and "hedges.toml" in err and "not valid TOML" in err and "Traceback" not in err
    clear_loaded_rules()


# ------------------------------------------------------------ a report file that is up to date


def test_an_up_to_date_report_file_is_left_as_it_is(corpus, tmp_path, calls, capsys, monkeypatch):
    from factlint.checker import pipeline

    out = tmp_path / "report.json"
    expected = cli_check(corpus, out)
    said = capsys.readouterr()
    before = out.stat()
    monkeypatch.setattr(pipeline, "cached_documents", lambda *a, **k: pytest.fail("read the documents' entries"))
    calls["prepared"].clear()
    assert cli_check(corpus, out) == expected
    assert out.stat().st_mtime_ns == before.st_mtime_ns and out.stat().st_ino == before.st_ino
    assert capsys.readouterr() == said  # the same summary, warnings and exit code
    assert calls["prepared"] == []


@pytest.mark.parametrize("change", ["report edited", "decisions", "article", "another format"])
def test_a_report_file_is_written_again_when_anything_it_is_made_from_changed(corpus, tmp_path, change):
    out = tmp_path / "report.json"
    cli_check(corpus, out)
    extra: tuple[str, ...] = ()
    if change == "report edited":
        out.write_bytes(b"{}")
    elif change == "decisions":
        report = json.loads(out.read_bytes())
        finding = next(f for f in report["findings"] if f["kind"] == "conflict")
        with pytest.raises(SystemExit):
            main(["decide", finding["id"], "--status", "dismissed", "--note", "checked", str(corpus)])
    elif change == "article":
        article = sorted(corpus.rglob("*.md"))[0]
        article.write_text(article.read_text(encoding="utf-8").replace("2", "7", 1), encoding="utf-8")
    else:
        extra = ("--agreements",)  # shapes a report: another key
    again = cli_check(corpus, out, *extra)
    assert again == cli_check(corpus, tmp_path / "fresh.json", "--no-cache", *extra)
    if change == "decisions":
        assert '"status": "dismissed"' in again.decode()


def test_a_recheck_reads_an_articles_text_only_when_a_format_shows_it(corpus, tmp_path, monkeypatch, capsys):
    """The JSON report needs no article text, so a re-check reads none; the full format locates
    each claim in its text, read then from the cache (or from the file when that entry is gone)."""
    from factlint.checker.engine.cache import Cache

    with pytest.raises(SystemExit):
        main(["check", str(corpus), "--no-cache"])
    expected = capsys.readouterr().out
    cli_check(corpus, tmp_path / "first.json")
    texts = []
    real_read = Cache.read_json_part
    monkeypatch.setattr(Cache, "read_json_part", lambda self, key, name: (texts.append(key) if name == b"text" else None)
                        or real_read(self, key, name))
    assert cli_check(corpus, tmp_path / "again.json") == cli_check(corpus, tmp_path / "fresh.json", "--no-cache")
    assert texts == []
    capsys.readouterr()
    with pytest.raises(SystemExit):
        main(["check", str(corpus)])
    assert capsys.readouterr().out == expected and texts
    assert change_part(corpus, "text", lambda data: None) > 0
    with pytest.raises(SystemExit):
        main(["check", str(corpus)])
    assert capsys.readouterr().out == expected


def test_documents_are_read_from_one_index_file(corpus, calls, tmp_path):
    """A re-check opens the index, not one entry per document: with those entries gone it still
    reads no article again."""
    expected = cli_check(corpus, tmp_path / "first.json")
    assert change_part(corpus, "entry", lambda data: None) > 0
    calls["prepared"].clear()
    assert cli_check(corpus, tmp_path / "again.json") == expected
    assert calls["prepared"] == []


def test_stories_are_grouped_again_only_when_a_name_changes(corpus, tmp_path, monkeypatch):
    import importlib

    stories_module = importlib.import_module("factlint.checker.align.stories")  # (the package exports a function of that name)
    grouped = []
    real = stories_module.stories
    monkeypatch.setattr(stories_module, "stories", lambda docs, names=None: grouped.append(1) or real(docs, names))
    cli_check(corpus, tmp_path / "first.json")
    assert grouped == [1]
    article = sorted((corpus / "lumora-batteriewerk").glob("*.md"))[0]
    text = article.read_text(encoding="utf-8")
    article.write_text(text.replace("2", "7", 1), encoding="utf-8")
    cli_check(corpus, tmp_path / "figure.json")
    assert grouped == [1]
    article.write_text(text + "\nDas sagte auch der Bürgermeister Quentin Zorbas am Abend.\n", encoding="utf-8")
    named = cli_check(corpus, tmp_path / "name.json")
    assert grouped == [1, 1]
    assert named == cli_check(corpus, tmp_path / "fresh.json", "--no-cache")


def test_a_recheck_decodes_a_findings_details_only_when_a_format_shows_them(corpus, tmp_path, monkeypatch, capsys):
    """A story's findings come back from the cache with their message, claims, subject, measure
    and rate check left in their report text (checker/engine/findings.py). The JSON report is
    written from that text, so a re-check with one file changed decodes none of them; the full
    format prints them, read then, and reports what a run without the cache reports."""
    from factlint.checker.engine import findings as findings_module

    cli_check(corpus, tmp_path / "first.json")
    decoded = []
    real = findings_module.details
    monkeypatch.setattr(findings_module, "details", lambda text: decoded.append(text) or real(text))
    article = sorted((corpus / "lumora-batteriewerk").glob("*.md"))[0]
    article.write_text(article.read_text(encoding="utf-8").replace("2", "7", 1), encoding="utf-8")
    assert cli_check(corpus, tmp_path / "changed.json") == cli_check(corpus, tmp_path / "fresh.json", "--no-cache")
    assert decoded == []
    capsys.readouterr()
    with pytest.raises(SystemExit):
        main(["check", str(corpus), "--no-cache"])
    expected = capsys.readouterr().out
    with pytest.raises(SystemExit):
        main(["check", str(corpus)])
    assert capsys.readouterr().out == expected and decoded


def test_a_cached_finding_equals_the_one_made_again_once_its_details_are_read(corpus):
    from factlint.checker.model import DETAILS, DETAILS_SOURCE

    check([corpus])
    cached, fresh = check([corpus]).findings, check([corpus], Options(cache=False)).findings
    assert cached and all(DETAILS_SOURCE in f.__dict__ for f in cached)  # nothing has asked for a detail yet
    assert [f.model_dump() for f in cached] == [f.model_dump() for f in fresh]
    assert not any(DETAILS_SOURCE in f.__dict__ for f in cached)
    assert any(f.rate_check is not None for f in fresh) and any(f.measure for f in fresh)  # (details of every kind)
    again = check([corpus]).findings
    assert [f.message for f in again] == [f.message for f in fresh]
    fields = [{name: value for name, value in f if name != "text"} for f in check([corpus]).findings]  # (iterating a model)
    assert fields == [{name: value for name, value in f if name != "text"} for f in fresh]
    one = check([corpus]).findings[0]
    copy = one.model_copy(update={"message": "edited"})
    assert copy.message == "edited" and copy.claims == fresh[0].claims and one.message == fresh[0].message
    assert list(DETAILS) == [n for n in type(one).model_fields if n in DETAILS]


def test_a_story_whose_findings_text_is_damaged_is_compared_again(corpus, calls, tmp_path):
    """A finding's details are read from its text only when asked for, long after the entry was
    read: an entry whose text does not read as a finding's is a miss when it is read."""
    expected = cli_check(corpus, tmp_path / "first.json")
    damaged = 0
    for entry in entries(corpus):
        data = entry.read_bytes()
        if data.startswith(PARTS_MARK) and parts_of(data).keys() == {"entry", "text"} and parts_of(data)["text"]:
            parts = parts_of(data)
            entry.write_bytes(with_parts({**parts, "text": b"x" + parts["text"][1:]}))
            damaged += 1
    assert damaged == len(STORIES)
    calls["compared"] = 0
    assert cli_check(corpus, tmp_path / "again.json") == expected and calls["compared"] == len(STORIES)

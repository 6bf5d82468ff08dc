"""The corpus cache: a re-check reads and compares only what changed, and reports the same."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import zlib
from pathlib import Path

import pytest

import factlint.checker.compare as compare_module
from factlint.checker.cli import main
from factlint.checker.engine import local
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

    def prepare(path, rel, rules):
        seen["prepared"].append(rel)
        return real_prepare(path, rel, rules)

    def compare(*args, **kwargs):
        seen["compared"] += 1
        return real_compare(*args, **kwargs)

    monkeypatch.setattr(local, "prepare", prepare)
    monkeypatch.setattr(compare_module, "compare", compare)
    return seen


def entries(root: Path) -> list[Path]:
    return [p for p in (root / ".factlint" / "cache").rglob("*") if p.is_file() and p.name != ".gitignore"]


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


def test_the_cache_ignores_itself_in_git_and_holds_no_pickle(corpus):
    check([corpus])
    assert (corpus / ".factlint" / "cache" / ".gitignore").read_text(encoding="utf-8").splitlines()[-1] == "*"
    for entry in entries(corpus):
        json.loads(zlib.decompress(entry.read_bytes()))  # data, never code


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

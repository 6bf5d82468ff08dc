"""A check makes no reference cycles per article, claim or finding: the CLI runs it with the
cyclic garbage collector off (cli.py: `few_collections`), so such a cycle would be memory
never given back (a sentence that referred to itself once made every sentence of a corpus
garbage that only the collector could free). What one invocation makes once (its argument
parser) is no matter: the tests compare a corpus of one story with the whole bundled corpus."""

from __future__ import annotations

import gc
import shutil
from pathlib import Path

import pytest

from factlint.checker.cli import main

CORPUS = Path(__file__).resolve().parents[2] / "corpus"


@pytest.fixture(autouse=True)
def watched(monkeypatch):
    monkeypatch.setattr("factlint.checker.cli.few_collections", lambda: None)  # the test watches the collector


def check_quietly(*args: str) -> None:
    with pytest.raises(SystemExit):
        main(["check", *args])


def cyclic_garbage(run) -> int:
    """The objects the collector finds after `run()` (its second time: the first imports modules and fills caches)."""
    run()
    gc.collect()
    enabled = gc.isenabled()
    gc.disable()
    try:
        run()
        return gc.collect()
    finally:
        if enabled:
            gc.enable()


def corpora(tmp_path: Path) -> tuple[Path, Path]:
    small, whole = tmp_path / "small", tmp_path / "whole"
    story = next(p for p in sorted(CORPUS.iterdir()) if p.is_dir() and any(p.glob("*.md")))
    shutil.copytree(story, small / story.name)
    shutil.copytree(CORPUS, whole)
    for corpus in (small, whole):
        (corpus / ".factlint").mkdir(exist_ok=True)
    return small, whole


@pytest.mark.parametrize("fmt", ["json", "full"])
def test_a_first_run_and_a_recheck_make_no_cycles_per_article(tmp_path, monkeypatch, capsys, fmt):
    monkeypatch.delenv("FACTLINT_NO_CACHE", raising=False)
    edits = iter(range(100))

    def runs(corpus: Path):
        article = sorted(corpus.rglob("*.md"))[0]
        original = article.read_text(encoding="utf-8")

        def run() -> None:
            shutil.rmtree(corpus / ".factlint" / "cache", ignore_errors=True)
            check_quietly(str(corpus), "--format", fmt, "--jobs", "1", "-o", str(tmp_path / "first"))
            article.write_text(original.replace("\n\n", f"\n\nEdited {next(edits)}: 17 new jobs.\n\n", 1),
                               encoding="utf-8")
            check_quietly(str(corpus), "--format", fmt, "--jobs", "1", "-o", str(tmp_path / "again"))
            capsys.readouterr()

        return run

    small, whole = corpora(tmp_path)
    assert cyclic_garbage(runs(whole)) == cyclic_garbage(runs(small))


def test_a_run_without_the_cache_makes_no_cycles_per_article(tmp_path, capsys):
    def runs(corpus: Path):
        def run() -> None:
            check_quietly(str(corpus), "--no-cache", "--format", "json", "--jobs", "1", "-o", str(tmp_path / "report"))
            capsys.readouterr()

        return run

    small, whole = corpora(tmp_path)
    assert cyclic_garbage(runs(whole)) == cyclic_garbage(runs(small))

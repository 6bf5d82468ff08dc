"""The per-document stages on several processes give the report of one process."""

from __future__ import annotations

import pickle
import shutil
from pathlib import Path

import pytest

from factlint.checker.engine import local
from factlint.checker.errors import FactlintError
from factlint.checker.pipeline import Options, check

CORPUS = Path(__file__).resolve().parents[2] / "corpus"


def as_json(report) -> str:
    return report.model_dump_json()


@pytest.fixture
def small_batches(monkeypatch):
    """The bundled corpus is smaller than a pool is worth: make the pool start anyway."""
    monkeypatch.setattr(local, "POOL_FROM", 2)
    monkeypatch.setattr(local, "BATCH", 3)


def test_a_pool_gives_the_report_of_one_process(small_batches):
    one = check([CORPUS], Options(jobs=1))
    two = check([CORPUS], Options(jobs=2))
    assert len(one.findings) > 20 and as_json(one) == as_json(two)
    assert [f.id for f in one.findings] == [f.id for f in two.findings]


def test_errors_and_warnings_come_back_from_the_workers_in_file_order(small_batches, tmp_path):
    root = tmp_path / "c"
    shutil.copytree(CORPUS / "qwen-neujahr", root)
    (root / "a-binary.md").write_bytes(b"\xff\xfe\x00bad")
    (root / "b-empty.md").write_text("", encoding="utf-8")
    one = check([root], Options(jobs=1))
    two = check([root], Options(jobs=2))
    assert one.errors and one.warnings
    assert one.errors == two.errors and one.warnings == two.warnings and as_json(one) == as_json(two)
    assert one.errors[0].path == "a-binary.md"


def test_an_error_keeps_its_file_across_processes():
    error = pickle.loads(pickle.dumps(FactlintError("not UTF-8 text", "a.md")))
    assert error.path == "a.md" and str(error) == "a.md: not UTF-8 text"


def test_a_few_files_are_read_in_process(monkeypatch):
    def no_pool(*args, **kwargs):
        raise AssertionError("a pool was started for a few files")

    monkeypatch.setattr(local, "ProcessPoolExecutor", no_pool)
    report = check([CORPUS / "qwen-neujahr"], Options(jobs=4))
    assert report.claims


def test_workers_keep_the_claims_in_the_cache_and_compare_the_stories_there(small_batches, tmp_path, monkeypatch):
    """With a cache, the workers write each document's entries (its claims never travel to the
    main process) and compare the stories from them: the report of one process without a
    cache, and the next run's from the cache."""
    import json

    from factlint.checker.cli import main

    monkeypatch.delenv("FACTLINT_NO_CACHE")
    root = tmp_path / "corpus"
    shutil.copytree(CORPUS, root, ignore=shutil.ignore_patterns("cache"))  # (a check of corpus/ leaves one there)
    (root / ".factlint").mkdir(exist_ok=True)
    started = []
    real_pool = local.ProcessPoolExecutor
    monkeypatch.setattr(local, "ProcessPoolExecutor", lambda *a, **k: started.append(1) or real_pool(*a, **k))

    def report(name: str, *extra: str) -> dict:
        with pytest.raises(SystemExit):
            main(["check", str(root), "--format", "json", "--output", str(tmp_path / name), *extra])
        return json.loads((tmp_path / name).read_text(encoding="utf-8"))

    expected = report("one.json", "--no-cache", "-j", "1")
    assert report("pool.json", "-j", "2") == expected
    assert len(started) == 2  # documents, then stories
    article = sorted((root / "qwen-neujahr").glob("*.md"))[0]
    article.write_text(article.read_text(encoding="utf-8").replace("2", "7", 1), encoding="utf-8")
    assert report("changed.json", "-j", "2") == report("changed-one.json", "--no-cache", "-j", "1")
    assert report("again.json", "-j", "2") == report("changed-one.json", "--no-cache", "-j", "1")

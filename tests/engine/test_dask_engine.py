"""The Dask engine (a two-worker local cluster) reports what the in-process run reports, finding
ids included, on the bundled corpus and on a generated corpus of many stories."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

pytest.importorskip("distributed")

from factlint.checker.engine import cluster  # noqa: E402
from factlint.checker.engine.cluster import dask_engine  # noqa: E402
from factlint.checker.errors import FactlintError  # noqa: E402
from factlint.checker.pipeline import Options, _check, check  # noqa: E402
from factlint.rules.loader import RuleSet  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "benchmarks"))
from bench_check import generate  # noqa: E402


@pytest.fixture(scope="module")
def engine():
    with dask_engine(RuleSet.load(), workers=2) as e:
        yield e


@pytest.fixture
def partitions(monkeypatch):
    monkeypatch.setattr(cluster, "BATCH", 7)  # both workers get partitions of a small corpus


def same_reports(path: Path, engine) -> None:
    local = check([path], Options(jobs=1))
    distributed = _check([path], Options(), RuleSet.load(), engine)
    assert local.findings and local.model_dump_json() == distributed.model_dump_json()
    assert [f.id for f in local.findings] == [f.id for f in distributed.findings]
    workers = engine.client.run(lambda: 1)
    assert len(workers) == 2


def test_the_bundled_corpus_on_a_cluster(engine, partitions):
    same_reports(ROOT / "corpus", engine)


def test_a_generated_corpus_of_many_stories_on_a_cluster(engine, partitions, tmp_path):
    generate(tmp_path, 90, seed=3)
    same_reports(tmp_path, engine)


def test_with_the_cache_the_workers_write_the_entries_and_read_the_stories_claims(engine, partitions, tmp_path,
                                                                                   monkeypatch):
    """With the cache (as `factlint check` runs), no claim travels to the client: the workers
    write each document's entry, story tasks name entries, and the report is the local run's."""
    import shutil

    from factlint.checker.engine.lazy import CachedClaims, ClaimList

    (tmp_path / "archive").mkdir()
    generate(tmp_path / "archive", 90, seed=5)
    shutil.copytree(ROOT / "corpus" / "qwen-neujahr", tmp_path / "archive" / "qwen-neujahr")
    (tmp_path / "archive" / ".factlint").mkdir()
    local = check([tmp_path / "archive"], Options(jobs=1, cache=False, root=tmp_path / "archive"))
    monkeypatch.delenv("FACTLINT_NO_CACHE", raising=False)
    sent = []
    real_compare_stories = engine.compare_stories
    monkeypatch.setattr(engine, "compare_stories", lambda stories, *a: sent.append(stories) or real_compare_stories(stories, *a))
    distributed = _check([tmp_path / "archive"], Options(lazy=True, root=tmp_path / "archive"), RuleSet.load(), engine)
    assert isinstance(distributed.claims, ClaimList)
    parts = [part for _, part in distributed.claims.parts]
    assert parts and all(isinstance(p, CachedClaims) and p._claims is None for p in parts)  # never read here
    assert sent == []  # every story compared from the cache
    assert local.findings and [f.model_dump() for f in local.findings] == [f.model_dump() for f in distributed.findings]
    assert [c.model_dump() for c in local.claims] == [c.model_dump() for c in distributed.claims]
    again = _check([tmp_path / "archive"], Options(lazy=True, root=tmp_path / "archive"), RuleSet.load(), engine)
    assert [f.model_dump() for f in again.findings] == [f.model_dump() for f in local.findings]


def test_the_local_clusters_workers_keep_no_statistical_profile(engine):
    def profiling(dask_worker):
        import dask

        return dask.config.get("distributed.worker.profile.enabled"), len(dask_worker.profile_history)

    assert set(engine.client.run(profiling).values()) == {(False, 0)}


def test_an_unreachable_scheduler_is_one_line():
    with pytest.raises(FactlintError, match="cannot reach the Dask scheduler"):
        with dask_engine(RuleSet.load(), scheduler="tcp://127.0.0.1:9"):
            pass


def test_a_scheduler_without_the_dask_engine_is_a_usage_error(capsys):
    from factlint.checker.cli import main

    with pytest.raises(SystemExit) as done:
        main(["check", str(ROOT / "corpus"), "--scheduler", "tcp://127.0.0.1:8786"])
    assert done.value.code == 2 and "add --engine dask" in capsys.readouterr().err

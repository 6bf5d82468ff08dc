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


def test_an_unreachable_scheduler_is_one_line():
    with pytest.raises(FactlintError, match="cannot reach the Dask scheduler"):
        with dask_engine(RuleSet.load(), scheduler="tcp://127.0.0.1:9"):
            pass


def test_a_scheduler_without_the_dask_engine_is_a_usage_error(capsys):
    from factlint.checker.cli import main

    with pytest.raises(SystemExit) as done:
        main(["check", str(ROOT / "corpus"), "--scheduler", "tcp://127.0.0.1:8786"])
    assert done.value.code == 2 and "add --engine dask" in capsys.readouterr().err

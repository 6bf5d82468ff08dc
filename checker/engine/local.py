"""The per-document stages on all cores of this machine: a process pool whose workers load the
rule set once each and take the files in batches, in order (the results are those of one
process, in the same order). With a cache, each worker writes the entries of the documents it
prepared and sends back only their rows (checker/engine/cache.py: `store`): the claims never
travel to the main process, which reads them from the cache story by story."""

from __future__ import annotations

import multiprocessing
import os
import threading
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Callable, Iterator

from factlint.checker.engine.cache import Stored, store
from factlint.checker.engine.prepare import Prepared, prepare
from factlint.rules.loader import RuleSet

BATCH = 40  # files per task: large enough that sending results back costs little, small enough to share the work
POOL_FROM = 2 * BATCH  # fewer files than this are read in process: starting workers would cost more...
POOL_BYTES = 256 * 1024  # ...unless they are this large together (a few long articles are worth the workers too)
TASKS_PER_WORKER = 4  # a small run is cut into at least this many tasks per worker, so that they share the work


def default_jobs() -> int:
    """The cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not Linux
        return max(1, os.cpu_count() or 1)


def prepare_all(found: list[tuple[Path, str]], rules: RuleSet, jobs: int | None = None,
                progress: Callable[[int, int], None] | None = None, cache=None,
                keys: list[str | None] | None = None) -> Iterator[Prepared | Stored]:
    """`prepare` each file, in the order given; `jobs` processes (None: every core, 1: this one).
    With a `cache` and the files' `keys`, a document whose entries could be written is `Stored`."""
    jobs = default_jobs() if jobs is None else max(1, jobs)
    keys = keys if keys is not None and cache is not None else [None] * len(found)
    if jobs == 1 or len(found) < 2 or (len(found) < POOL_FROM and _size(found) < POOL_BYTES):
        for n, ((path, rel), key) in enumerate(zip(found, keys)):
            if progress and n % 50 == 0:
                progress(n, len(found))
            yield stored(prepare(path, rel, rules, jobs), cache, key)
        return
    size = max(1, min(BATCH, -(-len(found) // (jobs * TASKS_PER_WORKER))))
    tasks = [(path, rel, key) for (path, rel), key in zip(found, keys)]
    batches = [tasks[i:i + size] for i in range(0, len(tasks), size)]
    with ProcessPoolExecutor(max_workers=min(jobs, len(batches)), mp_context=_context(),
                             initializer=_start_worker, initargs=(rules.dirs, cache)) as pool:
        done = 0
        for results in pool.map(_prepare_batch, batches):
            yield from results
            done += len(results)
            if progress:
                progress(done, len(found))


def _size(found: list[tuple[Path, str]]) -> int:
    """The bytes of the files (one that cannot be read counts nothing: `prepare` reports it)."""
    total = 0
    for path, _ in found:
        try:
            total += os.stat(path).st_size
        except OSError:
            pass
    return total


def _context():
    """fork where it is safe (one thread: the workers inherit the loaded modules and rules at no
    cost), else spawn (the review app runs the pipeline beside its own threads)."""
    methods = multiprocessing.get_all_start_methods()
    if "fork" in methods and threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")


COMPARE_BATCH = 20  # stories per task


def compare_all(tasks: list, rules: RuleSet, cache, jobs: int | None = None) -> Iterator[tuple]:
    """`compare_stored` of each story (pipeline.StoryTask), in order, on `jobs` processes that read
    the claims from the cache and keep the findings there."""
    jobs = default_jobs() if jobs is None else max(1, jobs)
    size = max(1, min(COMPARE_BATCH, -(-len(tasks) // (jobs * TASKS_PER_WORKER))))
    batches = [tasks[i:i + size] for i in range(0, len(tasks), size)]
    with ProcessPoolExecutor(max_workers=min(jobs, len(batches)), mp_context=_context(),
                             initializer=_start_worker, initargs=(rules.dirs, cache)) as pool:
        for results in pool.map(_compare_batch, batches):
            yield from results


def _compare_batch(batch: list) -> list[tuple]:
    from factlint.checker.pipeline import compare_stored

    assert _rules is not None
    return [compare_stored(task, _rules, _cache) for task in batch]


def stored(p: Prepared, cache, key: str | None) -> Prepared | Stored:
    """`p`, or its entries written into the cache (when it has a key and can be kept)."""
    if key is None:
        return p
    return store(p, cache, key) or p


_rules: RuleSet | None = None
_cache = None


def _start_worker(dirs: tuple[str, ...], cache) -> None:
    """The rule set, each table read when first used: the main process validated these files."""
    global _rules, _cache
    _rules = RuleSet.load(dirs, lazy=True)
    _cache = cache


def _prepare_batch(batch: list[tuple[Path, str, str | None]]) -> list[Prepared | Stored]:
    assert _rules is not None
    return [stored(prepare(path, rel, _rules), _cache, key) for path, rel, key in batch]

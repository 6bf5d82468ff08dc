"""The pipeline on a Dask cluster (dask.distributed): `factlint check ARCHIVE --engine dask
[--scheduler ADDRESS]`.

The same functions as a local run, on the cluster's workers:

1. the files are split into partitions of BATCH; each worker reads, extracts and annotates a
   partition (`prepare`), loading the rule set once per worker process. With the cache (the
   default of `factlint check`), the worker writes each document's entry into it and sends back
   only the entry's row, as the local process pool does: the claims of the archive never
   travel to the client;
2. the client settles the years of undated articles and groups the documents into stories
   (checker/align/stories.py);
3. each story goes to a worker, which aligns and compares it: with the cache, the task names
   the entries of its documents and the worker reads their claims there (and keeps the
   story's findings there); without it (`--no-cache`), the client sends the story's claims,
   which it then holds, every one of the archive, as a local run without the cache does.
   The client collects the findings in story order, as a local run lists them.

So the report is the one a local run writes, finding ids included. Without `--scheduler` a local
cluster of one worker process per core is started (and stopped at the end). Workers of a remote
cluster read the articles from their own file system: the archive must be at the same path on
every worker (a shared mount), and so must the cache folder (`.factlint/cache/` at the
archive's root, or the user's cache folder), which the workers write; the workers need factlint
installed (`pip install 'factlint[dask]'`), the same version as the client's.
"""

from __future__ import annotations

import time
from collections import deque
from contextlib import contextmanager
from itertools import islice
from pathlib import Path
from typing import Callable, Iterable, Iterator

from factlint.checker.engine.cache import Stored
from factlint.checker.engine.prepare import Prepared, prepare
from factlint.checker.errors import FactlintError
from factlint.checker.model import Claim, Finding
from factlint.rules.loader import RuleSet

BATCH = 200  # files per partition
COMPARE_BATCH = 50  # stories per task
AHEAD = 4  # tasks submitted per worker before the first result is back


class DaskEngine:
    """A connection to a cluster: per-document partitions and per-story comparisons."""

    def __init__(self, client, rules: RuleSet):
        self.client = client
        self.rules = rules
        self._window: tuple[int, float] | None = None  # (tasks to keep submitted, until when that holds)

    def prepare_all(self, found: list[tuple[Path, str]], rules: RuleSet, jobs: int | None = None,
                    progress: Callable[[int, int], None] | None = None, cache=None,
                    keys: list[str | None] | None = None) -> Iterator[Prepared | Stored]:
        """`prepare` each file on the cluster, in the order given. With a `cache` and the files'
        `keys`, the workers write each document's entries there and send back only its row (`Stored`)."""
        keys = keys if keys is not None and cache is not None else [None] * len(found)
        batches = ([(path, rel, key) for (path, rel), key in zip(found[i:i + BATCH], keys[i:i + BATCH])]
                   for i in range(0, len(found), BATCH))
        done = 0
        for results in self.in_order(prepare_partition, batches, dirs=rules.dirs, cache=cache):
            yield from results  # in order: the report lists documents as a local run does
            done += len(results)
            if progress:
                progress(done, len(found))

    def compare_stored(self, tasks: Iterable, cache) -> Iterator[tuple[list[Finding] | None, list[FactlintError]]]:
        """`compare_stored` of each story (pipeline.StoryTask: its documents' entries, not their
        claims) on the cluster, in order: the workers read the claims from the cache, keep the
        findings there and send back the findings."""
        for results in self.in_order(compare_stored_partition, chunks(tasks, COMPARE_BATCH), dirs=self.rules.dirs,
                                     cache=cache):
            yield from results

    def in_order(self, fn: Callable, batches: Iterable[list], **kwargs) -> Iterator:
        """`fn(batch, **kwargs)` of each batch on the cluster, the results in order. Only a few
        batches per worker are submitted ahead (a first one as each result comes back): the
        client (and a local cluster's scheduler, which runs in its process) never holds the
        tasks of the whole archive, nor do finished results wait in the workers."""
        pending: deque = deque()
        for batch in batches:
            pending.append(self.client.submit(fn, batch, pure=False, **kwargs))
            if len(pending) >= self.window():
                yield _result(pending.popleft())
        while pending:
            yield _result(pending.popleft())

    def window(self) -> int:
        """The tasks to keep submitted: AHEAD per worker (the cluster may grow or shrink meanwhile)."""
        if self._window is None or time.monotonic() > self._window[1]:
            workers = len(self.client.scheduler_info().get("workers", {}))
            self._window = (AHEAD * max(1, workers), time.monotonic() + 10)
        return self._window[0]

    def compare_stories(self, stories: list[list[Claim]], story_of: dict[str, int], langs: dict[str, str],
                        published: dict[str, str]) -> list[list[Finding]]:
        """Each story's findings from its claims, sent along (no cache, or a story whose claims
        are not all in it)."""
        tasks = []
        for claims in stories:
            docs = {c.document for c in claims}
            tasks.append((claims, *({d: table[d] for d in docs if d in table} for table in (story_of, langs, published))))
        futures = self.client.map(compare_partition, tasks, dirs=self.rules.dirs, pure=False)
        out = []
        for future in futures:
            out.append(future.result())
            future.release()
        return out


def _result(future):
    result = future.result()
    future.release()
    return result


def chunks(items: Iterable, size: int) -> Iterator[list]:
    """`items` in lists of `size` (the last one shorter)."""
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


def prepare_partition(batch: list[tuple[Path, str, str | None]], dirs: tuple[str, ...], cache=None
                      ) -> list[Prepared | Stored]:
    from factlint.checker.engine.local import stored

    rules = RuleSet.load(dirs)  # loaded once per worker process (RuleSet.load keeps it)
    return [stored(prepare(path, rel, rules), cache, key) for path, rel, key in batch]


def compare_stored_partition(batch: list, dirs: tuple[str, ...], cache) -> list[tuple]:
    from factlint.checker.pipeline import compare_stored

    rules = RuleSet.load(dirs)
    return [compare_stored(task, rules, cache) for task in batch]


def compare_partition(task: tuple[list[Claim], dict[str, int], dict[str, str], dict[str, str]],
                      dirs: tuple[str, ...]) -> list[Finding]:
    from factlint.checker.compare import compare

    claims, story_of, langs, published = task
    return compare(claims, RuleSet.load(dirs), story_of, langs, published)


@contextmanager
def dask_engine(rules: RuleSet, scheduler: str | None = None, workers: int | None = None) -> Iterator[DaskEngine]:
    """A client of the cluster at `scheduler`, else of a local cluster of `workers` processes
    (one per core by default) started for this run."""
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise FactlintError("--engine dask needs dask.distributed: pip install 'factlint[dask]'") from None
    from factlint.checker.engine.local import default_jobs

    cluster = None
    try:
        if scheduler:
            try:
                client = Client(scheduler, timeout="20s")
            except (OSError, TimeoutError, ValueError) as exc:
                raise FactlintError(f"cannot reach the Dask scheduler: {exc}", scheduler) from None
        else:
            import dask

            # Dask's statistical profiler samples each worker's stack every 10 ms and keeps the
            # samples: on an archive it spent CPU and grew each worker by kilobytes per article
            # (docs/performance.md). The nannies hand this setting to the workers they start.
            with dask.config.set({"distributed.worker.profile.enabled": False}):
                cluster = LocalCluster(n_workers=workers or default_jobs(), threads_per_worker=1, processes=True,
                                       dashboard_address=None, silence_logs=50)
            client = Client(cluster)
        with client:
            yield DaskEngine(client, rules)
    finally:
        if cluster is not None:
            cluster.close()

"""Tasks 0 … n-1 shared between this process and a pool's workers, taken from both ends.

This process does tasks from the last one back; each worker is given one task at a time from
the first one on, the next as soon as it has sent one back (a thread of this process waits for
it). The two meet wherever their speed brings them, so a core that other work slows does less,
and at the end at most one task per worker is left to wait for. (A pool given every task at once
queues some for its workers ahead of time: this process then waits for those at the end.)
"""

from __future__ import annotations

import threading
from concurrent.futures import Future
from typing import Callable, TypeVar

T = TypeVar("T")


class Ends:
    """The tasks not yet taken: `first()` takes the lowest, `last()` the highest, None when none is left."""

    def __init__(self, n: int):
        self.lo, self.hi = 0, n
        self.lock = threading.Lock()

    def first(self) -> int | None:
        with self.lock:
            if self.lo >= self.hi:
                return None
            self.lo += 1
            return self.lo - 1

    def last(self) -> int | None:
        with self.lock:
            if self.lo >= self.hi:
                return None
            self.hi -= 1
            return self.hi

    def stop(self) -> None:
        """Leave the tasks not yet taken to nobody (a task failed)."""
        with self.lock:
            self.hi = self.lo


def from_both_ends(n: int, here: Callable[[int], T], there: Callable[[int], Future], workers: int) -> list[T]:
    """The results of tasks 0 … n-1 in order: `here(i)` does task i in this process, `there(i)`
    submits it to a worker. Raises what a task raised (the tasks not yet begun are not done)."""
    ends, done, failed = Ends(n), {}, []

    def feed(i: int, future: Future) -> None:
        try:
            while True:
                done[i] = future.result()
                i = ends.first()
                if i is None:
                    return
                future = there(i)
        except BaseException as exc:  # noqa: BLE001 - raised again below, in this process's thread
            ends.stop()
            failed.append(exc)

    # the first tasks are submitted from this thread, before any other runs: a pool that forks
    # its workers forks them then
    started = [(i, there(i)) for i in (ends.first() for _ in range(workers)) if i is not None]
    threads = [threading.Thread(target=feed, args=pair, daemon=True) for pair in started]
    for t in threads:
        t.start()
    try:
        while (i := ends.last()) is not None:
            done[i] = here(i)
    except BaseException:
        ends.stop()
        raise
    finally:
        for t in threads:
            t.join()
    if failed:
        raise failed[0]
    return [done[i] for i in range(n)]

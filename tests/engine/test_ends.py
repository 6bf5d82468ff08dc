"""Tasks shared between this process and workers from both ends (checker/engine/ends.py): every
task done once, results in order, the side that is slowed does less, a failure raised."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest

from factlint.checker.engine.ends import Ends, from_both_ends


def test_ends_hand_out_each_task_once_from_either_end():
    ends = Ends(5)
    assert [ends.first(), ends.last(), ends.first(), ends.last(), ends.first()] == [0, 4, 1, 3, 2]
    assert ends.first() is None and ends.last() is None


@pytest.mark.parametrize("workers", [1, 3])
def test_every_task_is_done_once_and_the_results_come_in_order(workers):
    seen: list[tuple[str, int]] = []
    with ThreadPoolExecutor(workers) as pool:
        out = from_both_ends(40, lambda i: seen.append(("here", i)) or i * i,
                             lambda i: pool.submit(lambda: seen.append(("there", i)) or i * i), workers)
    assert out == [i * i for i in range(40)]
    assert sorted(i for _, i in seen) == list(range(40))


def test_a_slowed_worker_leaves_the_rest_to_this_process():
    """The worker's first task waits until this process has done ten: this process goes on taking
    tasks from the end meanwhile, instead of waiting for tasks given to the worker in advance."""
    here: list[int] = []
    ten_done = threading.Event()

    def mine(i: int) -> int:
        here.append(i)
        if len(here) == 10:
            ten_done.set()
        return i

    def slow(i: int) -> int:
        ten_done.wait(timeout=60)
        return i

    with ThreadPoolExecutor(1) as pool:
        out = from_both_ends(12, mine, lambda i: pool.submit(slow, i), 1)
    assert out == list(range(12))
    assert here[:10] == list(range(11, 1, -1)) and len(here) >= 10


def test_a_task_failing_on_a_worker_is_raised():
    def fail(i: int) -> int:
        raise ValueError(f"task {i}")

    with ThreadPoolExecutor(1) as pool, pytest.raises(ValueError, match="task 0"):
        from_both_ends(6, lambda i: i, lambda i: pool.submit(fail, i), 1)


def test_a_task_failing_here_is_raised_and_the_workers_stop_taking_tasks():
    there: list[int] = []
    begun = threading.Event()  # the worker waits until this thread has taken its task: on a
    # loaded machine it could otherwise take all fifty before this thread takes one

    def fail(i: int) -> int:
        begun.set()
        raise KeyError(i)

    def append(i: int) -> None:
        begun.wait(10)
        there.append(i)

    with ThreadPoolExecutor(1) as pool, pytest.raises(KeyError):
        from_both_ends(50, fail, lambda i: pool.submit(append, i), 1)
    assert len(there) < 50


def test_fewer_tasks_than_workers():
    with ThreadPoolExecutor(4) as pool:
        assert from_both_ends(2, lambda i: -i, lambda i: pool.submit(lambda: i), 4) == [0, 1]
        assert from_both_ends(0, lambda i: i, lambda i: pool.submit(lambda: i), 4) == []

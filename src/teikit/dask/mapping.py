"""Apply a function to every file of a batch run on a Dask cluster; results in the given order.

Files go out in batches (``batches.plan``), a few per worker at a time: the scheduler never holds
more than that window of tasks, so its memory stays flat however many files the run has, and
only the finished results wait on the caller's side until the ones before them arrive.

A worker that dies takes its running batch with it; the scheduler gives the batch to another
worker, which redoes it whole (outputs are written atomically, so a file the dead worker had
written is replaced by the same bytes, and nothing is left half-written). A batch that kills
workers again and again (Dask gives up after ``distributed.scheduler.allowed-failures``) is
split into single files. Dask counts a death against every task queued on the dying worker, so
a single file given up on may only have stood beside the one that kills; each such file is tried
once more at the end of the run, alone on the cluster, and only a file that kills workers there
too is lost and reported through ``on_lost``.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any, TypeVar

from distributed import Client, Future, as_completed
from distributed.scheduler import KilledWorker

from .batches import plan
from .connect import ClusterError
from .worker import Context, run_batch

T = TypeVar("T")
R = TypeVar("R")

Progress = Callable[[Any, int], Iterable[Any]]


def map_ordered(
    client: Client,
    work: Callable[[T], R],
    items: Sequence[T],
    *,
    sizes: Sequence[int] | None = None,
    progress: Progress | None = None,
    on_lost: Callable[[T, str], R] | None = None,
    shared_files: bool = True,
) -> Iterator[R]:
    """``work(item)`` for every item on ``client``'s workers, yielded in the order of ``items``
    as soon as every earlier one is done. ``progress`` wraps the stream of results as they
    arrive (a progress bar), given that stream and the item count. ``work`` must pickle
    (cloudpickle: a closure will do) and teikit must be installed on the workers. With
    ``shared_files`` false (the items are URLs) a worker that cannot enter the caller's
    working directory works in its own."""
    batches = plan(sizes if sizes is not None else [0] * len(items), len(client.nthreads()))
    context = Context.here(shared_files=shared_files)
    arrived: list[int] = []

    def arrivals() -> Iterator[R]:
        for index, result in _run(client, work, items, batches, context, on_lost):
            arrived.append(index)
            yield result

    done: dict[int, R] = {}
    following = 0
    stream = arrivals()
    for result in progress(stream, len(items)) if progress else stream:
        done[arrived.pop()] = result
        while following in done:
            yield done.pop(following)
            following += 1


def _run(
    client: Client,
    work: Callable[[T], R],
    items: Sequence[T],
    batches: list[list[int]],
    context: Context,
    on_lost: Callable[[T, str], R] | None,
) -> Iterator[tuple[int, R]]:
    """(index, result) pairs in the order batches finish, two batches queued per worker thread
    (counted again every few seconds: workers an adaptive cluster adds get work too)."""
    waiting = list(reversed(batches))
    running: dict[Future, list[int]] = {}
    finished = as_completed()
    window = _Window(client)

    def submit(batch: list[int]) -> None:
        chunk = [items[i] for i in batch]
        future = client.submit(run_batch, work, chunk, context, pure=False)
        running[future] = batch
        finished.add(future)

    suspects: list[int] = []
    try:
        while waiting and len(running) < window.size():
            submit(waiting.pop())
        for future in finished:
            batch = running.pop(future)
            if _killed_workers(future):
                if len(batch) > 1:
                    waiting.extend([i] for i in batch)
                else:
                    suspects.append(batch[0])
            else:
                yield from zip(batch, future.result(), strict=True)
            future.release()
            while waiting and len(running) < window.size():
                submit(waiting.pop())
        for index in suspects:  # one at a time, nothing else running
            submit([index])
            future = next(finished)
            running.pop(future)
            if not _killed_workers(future):
                yield index, future.result()[0]
            elif on_lost is None:
                future.result()
            else:
                yield index, on_lost(items[index], _lost_message(future.exception()))
    finally:
        for future in running:
            future.cancel()


def _killed_workers(future: Future) -> bool:
    """Whether Dask gave up on the task because workers died running it; any other failure is
    raised here."""
    if future.status == "cancelled":
        raise ClusterError(
            "the Dask scheduler dropped this run's tasks "
            "(it was restarted, or the connection to it was lost)"
        )
    if future.status != "error":
        return False
    if not isinstance(future.exception(), KilledWorker):
        future.result()  # raises the worker's exception here
    return True


class _Window:
    """How many batches to keep queued: two per worker thread, looked up at most every few
    seconds (asking the scheduler costs a round trip)."""

    EVERY = 5.0

    def __init__(self, client: Client) -> None:
        self.client = client
        self.asked = -self.EVERY
        self.value = 2

    def size(self) -> int:
        now = time.monotonic()
        if now - self.asked >= self.EVERY:
            self.asked = now
            self.value = 2 * max(sum(self.client.nthreads().values()), 1)
        return self.value


def _lost_message(failure: BaseException | None) -> str:
    return (
        "a Dask worker died each time it processed this file (out of memory, or a crash); "
        f"the scheduler gave up: {failure}"
    )

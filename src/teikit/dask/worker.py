"""What runs on a Dask worker: one batch of files, in the caller's directory and environment.

Paths travel as the user typed them, so every diagnostic, error line and output name is the one a
run on one machine gives. A worker therefore enters the caller's working directory for the
batch (the cluster shares a file system, where the same directory exists; a run whose files are
all fsspec URLs needs none, and stays in the worker's own directory if the caller's is not
there) and sees the caller's values of the environment variables that change teikit's output
(``SOURCE_DATE_EPOCH`` fixes the encoding date). Both are process-wide, so a worker process runs
one teikit batch at a time and puts both back afterwards; teikit's work is pure Python, which
holds the GIL anyway, so a worker loses nothing by it (start workers with ``--nthreads 1`` and
one process per core).

Compiled schemas stay in ``teikit.validate.schemas``' cache of the worker process, so each worker
compiles a schema on the first file that needs it and reuses it for every later batch.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TypeVar

from ..errors import TeikitError

T = TypeVar("T")
R = TypeVar("R")

# Environment variables whose value changes what teikit writes or reports.
FORWARDED = ("SOURCE_DATE_EPOCH", "TEIKIT_CATALOG")

_ONE_BATCH_AT_A_TIME = threading.Lock()


class WorkerSetupError(TeikitError):
    """A worker cannot enter the caller's directory: it does not share the caller's files."""


@dataclass(frozen=True)
class Context:
    """The caller's working directory and forwarded environment, as a batch needs them; whether
    the batch needs that directory (not when its files are URLs)."""

    cwd: str
    environment: Mapping[str, str | None] = field(default_factory=dict)
    shared_files: bool = True

    @staticmethod
    def here(shared_files: bool = True) -> Context:
        environment = {name: os.environ.get(name) for name in FORWARDED}
        return Context(os.getcwd(), environment, shared_files)


def run_batch(work: Callable[[T], R], items: Sequence[T], context: Context) -> list[R]:
    """``work(item)`` for each item, in order, inside ``context``."""
    with _ONE_BATCH_AT_A_TIME, _inside(context):
        return [work(item) for item in items]


@contextmanager
def _inside(context: Context) -> Iterator[None]:
    try:
        previous = os.getcwd()
    except OSError:  # the worker's own directory was removed; go back to its home instead
        previous = os.path.expanduser("~")
    try:
        os.chdir(context.cwd)
    except OSError as exc:
        if context.shared_files:
            raise WorkerSetupError(
                f"a Dask worker cannot enter {context.cwd} ({exc.strerror or exc}): "
                "the workers need the same file system as the machine that starts the run",
            ) from exc
    saved = {name: os.environ.get(name) for name in context.environment}
    try:
        _set_environment(context.environment)
        yield
    finally:
        _set_environment(saved)
        os.chdir(previous)


def _set_environment(values: Mapping[str, str | None]) -> None:
    for name, value in values.items():
        if value is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = value

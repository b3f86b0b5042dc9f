"""Validate a batch of files in worker processes, each schema compiled once for all of them.

Where the platform forks (Linux), the schemas named on the command line are compiled in this
process before the workers start, so every worker inherits them instead of compiling its own.
Files are handed out one at a time, largest first, so a 2 MB novel does not start last and keep
one worker busy while the other is idle. Results come back in the order the files were given.
"""

from __future__ import annotations

import multiprocessing
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from pathlib import Path
from typing import TypeVar

from ..errors import SchemaError
from ..io import file_sizes
from .schemas import load_schema

R = TypeVar("R")


def fork_context() -> multiprocessing.context.BaseContext | None:
    """Fork where it is safe and available; elsewhere the platform's default (spawn), where
    workers compile the schemas themselves."""
    if sys.platform.startswith("linux") and "fork" in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("fork")
    return None


def precompile(schema_paths: Iterable[Path]) -> None:
    """Compile schemas into load_schema's cache so forked workers start with them (without fork
    there is nothing to share). A schema that fails here fails again in each file's
    validation, which reports it; nothing is lost."""
    if fork_context() is None:
        return
    for path in schema_paths:
        try:
            load_schema(path)
        except SchemaError:
            continue


def run_in_workers(
    work: Callable[[str], R],
    files: Sequence[Path | str],
    jobs: int,
    progress: Callable[[Iterable[R], int], Iterable[R]] | None = None,
) -> list[R]:
    """``work(str(file))`` for every file in ``jobs`` processes; ``progress`` sees each result
    as it arrives. ``work`` must pickle: a module-level function, or a partial of one."""
    results: list[R | None] = [None] * len(files)
    sizes = file_sizes(files)
    order = sorted(range(len(files)), key=lambda i: -sizes[i])
    with ProcessPoolExecutor(max_workers=jobs, mp_context=fork_context()) as pool:
        futures: dict[Future[R], int] = {pool.submit(work, str(files[i])): i for i in order}

        def arrivals() -> Iterator[R]:
            for future in as_completed(futures):
                result = results[futures[future]] = future.result()
                yield result

        stream = arrivals()
        for _ in progress(stream, len(files)) if progress else stream:
            pass
    return results  # type: ignore[return-value]

"""Helpers shared by the CLI commands: error reporting and exit codes, sources and outputs that
may be paths or fsspec URLs."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path
from typing import Any, NoReturn, TypeVar

import click

from ..errors import Diagnostic, TeikitError
from ..io import Location, is_url, write_atomic

EXIT_OK = 0
EXIT_INVALID = 1
EXIT_USAGE = 2

T = TypeVar("T")


def fail(message: str, code: int = EXIT_USAGE) -> NoReturn:
    click.echo(f"teikit: {message}", err=True)
    sys.exit(code)


class PathOrURL(click.Path):
    """``click.Path(path_type=Path)`` that keeps an fsspec URL as the string typed (a ``Path``
    would fold its ``//``)."""

    def __init__(self) -> None:
        super().__init__(path_type=Path)

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if is_url(value):
            return value
        return super().convert(value, param, ctx)


PATH_OR_URL = PathOrURL()


def require_fsspec(values: Iterable[object]) -> None:
    """One line and exit 2 if any of ``values`` is a URL and fsspec is not installed."""
    if any(is_url(value) for value in values):
        from ..remote import MISSING, available

        if not available():
            fail(MISSING)


# Set on a Dask worker whose outputs are written on the client (cluster.recorded): the local
# files a command's work writes are recorded here, as (target, bytes), instead.
_streamed_back: ContextVar[list[tuple[str, bytes]] | None] = ContextVar(
    "teikit_streamed_back", default=None
)


def write_output(target: Location, data: bytes | str) -> None:
    """Write one of a command's output files atomically (a path or a URL). On a Dask worker
    that streams its outputs back, a local file is recorded for the client to write instead."""
    recorded = _streamed_back.get()
    if recorded is None or is_url(target):
        write_atomic(target, data)
    else:
        recorded.append((str(target), data.encode("utf-8") if isinstance(data, str) else data))


@contextmanager
def streaming_back(into: list[tuple[str, bytes]]) -> Iterator[None]:
    token = _streamed_back.set(into)
    try:
        yield
    finally:
        _streamed_back.reset(token)


@contextmanager
def user_errors() -> Iterator[None]:
    """Turn teikit's own exceptions into one line on stderr and exit 2 (never a traceback)."""
    try:
        yield
    except TeikitError as exc:
        fail(f"error: {exc}")
    except KeyboardInterrupt:
        fail("interrupted", 130)


def echo_diagnostics(
    diagnostics: list[Diagnostic], *, emit: Callable[[str], None] | None = None
) -> None:
    out = emit or (lambda line: click.echo(line, err=True))
    for diagnostic in diagnostics:
        out(str(diagnostic))


def run_batch(
    items: Sequence[T], label: str, work: Callable[[T], None], client: object = None
) -> int:
    """Apply ``work`` to every item, with a progress bar on a terminal. A failing item (a teikit
    error) is reported in one line and the others go on; returns how many failed. With
    ``client`` (``--dask``), the items are worked on its Dask cluster, with the same output."""
    from .progress import track

    if client is not None:
        from .cluster import run_batch_on

        return run_batch_on(client, items, label, work)

    failed = 0
    for item in track(items, len(items), label):
        try:
            work(item)
        except TeikitError as exc:
            click.echo(f"teikit: error: {exc}", err=True)
            failed += 1
        except KeyboardInterrupt:
            fail("interrupted", 130)
    if len(items) > 1 and failed:
        click.echo(f"teikit: {failed} of {len(items)} file(s) failed", err=True)
    return failed

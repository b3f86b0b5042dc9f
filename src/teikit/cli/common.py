"""Helpers shared by the CLI commands: error reporting and exit codes."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import NoReturn, TypeVar

import click

from ..errors import Diagnostic, TeikitError

EXIT_OK = 0
EXIT_INVALID = 1
EXIT_USAGE = 2

T = TypeVar("T")


def fail(message: str, code: int = EXIT_USAGE) -> NoReturn:
    click.echo(f"teikit: {message}", err=True)
    sys.exit(code)


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

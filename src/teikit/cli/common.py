"""Helpers shared by the CLI commands: error reporting and exit codes."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import NoReturn

import click

from ..errors import Diagnostic, TeikitError

EXIT_OK = 0
EXIT_INVALID = 1
EXIT_USAGE = 2


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

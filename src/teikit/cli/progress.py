"""A progress bar for long batch runs: drawn on an interactive terminal, silent everywhere else.

CI logs, pipes and redirected stderr get nothing (a bar there is just noise), and so do runs of a
single file. ``TEIKIT_PROGRESS=1`` forces the bar on and ``TEIKIT_PROGRESS=0`` off.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TypeVar

import click

T = TypeVar("T")

# Environment variables set by common CI systems (GitHub Actions, GitLab, Jenkins, Travis, …).
_CI_VARIABLES = ("CI", "GITHUB_ACTIONS", "GITLAB_CI", "JENKINS_URL", "BUILD_NUMBER", "TF_BUILD")


def wanted(total: int) -> bool:
    forced = os.environ.get("TEIKIT_PROGRESS")
    if forced is not None:
        return forced not in ("", "0", "false", "no")
    if total < 2 or any(os.environ.get(name) for name in _CI_VARIABLES):
        return False
    return sys.stderr.isatty()


def track(items: Iterable[T], total: int, label: str) -> Iterator[T]:
    """Yield ``items`` unchanged, drawing a bar on stderr when :func:`wanted`."""
    if not wanted(total):
        yield from items
        return
    with click.progressbar(
        items,
        length=total,
        label=label,
        file=sys.stderr,
        show_pos=True,
        show_eta=True,
        item_show_func=_name,
        update_min_steps=1,
    ) as bar:
        yield from bar


def _name(item: object) -> str | None:
    if item is None:
        return None
    path = getattr(item, "path", item)
    return Path(str(path)).name if isinstance(path, str | os.PathLike) else None

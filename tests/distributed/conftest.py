"""One LocalCluster of two worker processes for every test in this package, closed after them.

The scheduler gives up on a task after two worker deaths (``allowed-failures`` 1, Dask's default
is 3), so the test of a file that kills every worker it meets needs four restarts, not eight; a
single killed worker, as in the other tests, is retried as usual.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import dask
import pytest
from click.testing import CliRunner, Result
from distributed import Client

from teikit.cli import main
from teikit.dask import LOCAL, open_client


@pytest.fixture(scope="package")
def client() -> Iterator[Client]:
    """A client of a LocalCluster of two worker processes, started as ``--dask local`` starts
    one (teikit.dask.open_client)."""
    with (
        dask.config.set({"distributed.scheduler.allowed-failures": 1}),
        open_client(LOCAL, workers=2) as connected,
    ):
        yield connected


@pytest.fixture
def address(client: Client) -> str:
    """The scheduler's address, with both workers up (a test may have killed one)."""
    client.wait_for_workers(2, timeout=180)  # restarts are slow on a loaded machine
    return str(client.scheduler.address)


def run(*args: str | os.PathLike[str]) -> Result:
    return CliRunner().invoke(main, [str(a) for a in args])


def same_tree(left: Path, right: Path) -> None:
    """Both directories hold the same file names with the same bytes."""
    names = sorted(p.relative_to(left).as_posix() for p in left.rglob("*") if p.is_file())
    assert names == sorted(p.relative_to(right).as_posix() for p in right.rglob("*") if p.is_file())
    for name in names:
        assert (left / name).read_bytes() == (right / name).read_bytes(), name

"""A Dask client for a batch run: a running scheduler's address, or ``local`` for a LocalCluster.

``local`` starts one worker process per core, one thread each: teikit's work is pure Python, so
threads in one process would wait on each other's GIL. Dask's dashboard and its log lines below
errors are off, so a run's output is teikit's alone, as it is with ``-j``.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager

from distributed import Client, LocalCluster

from ..errors import TeikitError

LOCAL = "local"
CONNECT_TIMEOUT = "10s"


class ClusterError(TeikitError):
    """The Dask scheduler cannot be reached or the local cluster cannot start."""


@contextmanager
def open_client(address: str, *, workers: int | None = None) -> Iterator[Client]:
    """A client of the scheduler at ``address`` (``tcp://host:8786``), or of a LocalCluster of
    ``workers`` processes (default: one per core) when ``address`` is ``local``; the cluster
    is shut down again on leaving."""
    with ExitStack() as stack:
        stack.enter_context(_quiet_dask_logs())
        try:
            if address == LOCAL:
                cluster = stack.enter_context(
                    LocalCluster(
                        n_workers=workers or os.cpu_count() or 1,
                        threads_per_worker=1,
                        processes=True,
                        dashboard_address=None,
                        # its health and metrics pages on any free port, not always on 8787
                        scheduler_kwargs={"dashboard_address": "127.0.0.1:0", "dashboard": False},
                        silence_logs=logging.ERROR,
                    )
                )
                client = stack.enter_context(Client(cluster))
            else:
                client = stack.enter_context(Client(address, timeout=CONNECT_TIMEOUT))
        except (OSError, TimeoutError, ValueError) as exc:
            where = "start a local Dask cluster" if address == LOCAL else f"reach {address}"
            raise ClusterError(f"cannot {where}: {exc}") from exc
        yield client


@contextmanager
def _quiet_dask_logs() -> Iterator[None]:
    """Dask's client-side warnings off for the run ("Couldn't gather 1 keys, rescheduling" when a
    worker dies mid-batch): teikit reports what was lost itself, and a run's stderr is its
    diagnostics alone. Dask sets levels on its own loggers, so each is raised, then restored."""
    loggers = [logging.getLogger("distributed")] + [
        logging.getLogger(name)
        for name in list(logging.root.manager.loggerDict)
        if name.startswith("distributed.")
    ]
    levels = [logger.level for logger in loggers]
    for logger in loggers:
        logger.setLevel(logging.ERROR)
    try:
        yield
    finally:
        for logger, level in zip(loggers, levels, strict=True):
            logger.setLevel(level)

"""The cyclic garbage collector, paused while one document is read or written."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector for the block.

    Reading a document builds tens of thousands of small acyclic objects (lines, blocks, labels,
    a converter's reading tree), all freed by reference counting; while they grow, the collector
    keeps rescanning them and finds nothing. A collector the caller already disabled stays
    disabled; the few cycles made meanwhile are collected once it runs again.
    """
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()

"""Cut a list of files into the batches that travel to Dask workers as one task each.

A task costs the scheduler and the network a few milliseconds whatever it holds, about what
encoding a small transcription costs, so one file per task would double a run of many small
files. Batches hold up to ``MAX_FILES`` files; the largest files come first and a batch closes
early once it holds its share of the bytes, so a long novel travels alone instead of holding up
fifty small files behind it, and the last batches of a run are small ones that even out the
workers' finishing times.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..io import file_sizes

__all__ = ["MAX_FILES", "file_sizes", "plan"]

# Past about fifty small files a task's own overhead is under 2% of its work (bench_scale.py).
MAX_FILES = 50
# Enough batches per worker that a slow batch at the end does not leave the others idle.
BATCHES_PER_WORKER = 8


def plan(sizes: Sequence[int], workers: int) -> list[list[int]]:
    """Indices into ``sizes`` grouped into batches, largest files first."""
    if not sizes:
        return []
    workers = max(workers, 1)
    order = sorted(range(len(sizes)), key=lambda i: (-sizes[i], i))
    share = max(sum(sizes) // (workers * BATCHES_PER_WORKER), 1)
    count = min(max(len(sizes) // (workers * BATCHES_PER_WORKER), 1), MAX_FILES)
    batches: list[list[int]] = []
    current: list[int] = []
    held = 0
    for index in order:
        current.append(index)
        held += sizes[index]
        if len(current) >= count or held >= share:
            batches.append(current)
            current, held = [], 0
    if current:
        batches.append(current)
    return batches

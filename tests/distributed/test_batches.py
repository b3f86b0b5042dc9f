"""How files are cut into the batches that travel to the workers."""

from __future__ import annotations

import random

from teikit.dask.batches import MAX_FILES, plan


def test_every_file_once_largest_first() -> None:
    sizes = [random.Random(seed).randint(1, 50_000) for seed in range(1000)]
    batches = plan(sizes, workers=2)
    flat = [i for batch in batches for i in batch]
    assert sorted(flat) == list(range(1000))
    assert [sizes[i] for i in flat] == sorted(sizes, reverse=True)


def test_many_small_files_travel_fifty_at_a_time() -> None:
    batches = plan([4000] * 10_000, workers=2)
    assert len(batches) == 200 and {len(b) for b in batches} == {MAX_FILES}


def test_few_files_still_spread_over_the_workers() -> None:
    assert len(plan([4000] * 40, workers=2)) == 20
    assert plan([10], workers=8) == [[0]]
    assert plan([], workers=2) == []


def test_a_big_file_travels_alone() -> None:
    sizes = [30_000_000] + [5_000] * 500
    batches = plan(sizes, workers=2)
    assert batches[0] == [0]
    assert all(len(b) <= 31 for b in batches[1:])

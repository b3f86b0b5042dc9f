"""Conversion of the TEI samples vs lxml parsing and serialising them (the physical floor).

Usage: TEIKIT_CORPUS=../shared/corpus python benchmarks/bench_convert.py [--rounds N]
Prints per-format seconds for the whole samples folder, each format's ratio to the lxml floor, and
whether HTML, Markdown, JSON and text meet their target (at most 3x the floor, issues 8 and 20).

Each file is parsed and serialised (the floor) and converted to every format in turn, round
after round after one warm-up round; each measure keeps its best time per file, summed over the
folder. Timed one after the other, whole folder by whole folder, the first measure ran on a cold
machine and the ratios moved by half their value between runs on this shared machine. The
median round's ratio is printed too, to show how noisy the machine was.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

from lxml import etree

from teikit.convert import CONVERTERS, convert

# Issue 8: ``teikit convert --to html`` costs at most this many times the lxml floor; issue 20
# asks the same of Markdown and JSON, and of text where it came cheaply (it shares their
# whitespace helpers). The package formats (epub, docx) and LaTeX have none yet.
TARGETS = {"html": 3.0, "markdown": 3.0, "json": 3.0, "text": 3.0}


def main() -> int:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--rounds", type=int, default=15)
    rounds = options.parse_args().rounds
    corpus = Path(
        os.environ.get("TEIKIT_CORPUS", Path(__file__).resolve().parents[2] / "shared" / "corpus")
    )
    files = sorted((corpus / "tei" / "samples").glob("*/*.xml"))
    if not files:
        print(f"no samples under {corpus}; set TEIKIT_CORPUS", file=sys.stderr)
        return 2
    size = sum(f.stat().st_size for f in files) / 1e6

    def floor_of(f: Path) -> object:
        return etree.tostring(etree.parse(str(f)))

    measures: dict[str, Callable[[Path], object]] = {"floor": floor_of}
    for fmt in sorted(CONVERTERS):
        measures[fmt] = lambda f, fmt=fmt: convert(f, fmt)
    # best[name][i]: measure ``name``'s best time on file i; rounds_total[name]: each round's sum.
    best: dict[str, list[float]] = {name: [float("inf")] * len(files) for name in measures}
    rounds_total: dict[str, list[float]] = {name: [] for name in measures}
    for round_ in range(rounds + 1):
        total = dict.fromkeys(measures, 0.0)
        for i, f in enumerate(files):
            for name, measure in measures.items():
                start = time.perf_counter()
                measure(f)
                elapsed = time.perf_counter() - start
                total[name] += elapsed
                if round_:  # the first round warms the caches and the allocator
                    best[name][i] = min(best[name][i], elapsed)
        if round_:
            for name in measures:
                rounds_total[name].append(total[name])
    floor = sum(best["floor"])
    print(
        f"{len(files)} samples, {size:.1f} MB; per file best of {rounds} interleaved rounds, "
        "summed (median round in brackets)"
    )
    print(
        f"{'lxml parse + serialise (floor)':32} {floor:6.3f} s  {size / floor:6.1f} MB/s   1.00x"
        f"  ({statistics.median(rounds_total['floor']):.3f} s)"
    )
    for fmt in sorted(CONVERTERS):
        seconds = sum(best[fmt])
        ratio = seconds / floor
        median_ratio = statistics.median(rounds_total[fmt]) / statistics.median(
            rounds_total["floor"]
        )
        target = TARGETS.get(fmt)
        verdict = (
            f"  target <= {target:.0f}x: {'met' if ratio <= target else 'NOT met'}"
            if target
            else ""
        )
        print(
            f"{'teikit convert --to ' + fmt:32} {seconds:6.3f} s  {size / seconds:6.1f} MB/s  "
            f"{ratio:5.2f}x  ({median_ratio:.2f}x median){verdict}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())

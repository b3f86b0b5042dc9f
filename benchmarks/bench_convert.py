"""HTML conversion of the TEI samples vs lxml parsing and serialising them (the physical floor).

Usage: TEIKIT_CORPUS=../shared/corpus python benchmarks/bench_convert.py
Prints per-format seconds for the whole samples folder, each format's ratio to the lxml floor, and
whether HTML meets its target (at most 3x the floor, issue 8). Timings are the best of five runs;
on a busy machine the pure-Python converters slow down more than the floor, so the ratios rise.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

from lxml import etree

from teikit.convert import CONVERTERS, convert

# Issue 8: ``teikit convert --to html`` costs at most this many times the lxml floor.
TARGETS = {"html": 3.0}


def main() -> int:
    corpus = Path(
        os.environ.get("TEIKIT_CORPUS", Path(__file__).resolve().parents[2] / "shared" / "corpus")
    )
    files = sorted((corpus / "tei" / "samples").glob("*/*.xml"))
    if not files:
        print(f"no samples under {corpus}; set TEIKIT_CORPUS", file=sys.stderr)
        return 2
    size = sum(f.stat().st_size for f in files) / 1e6

    def best(fn, repeat: int = 5) -> float:
        times = []
        for _ in range(repeat):
            start = time.perf_counter()
            fn()
            times.append(time.perf_counter() - start)
        return min(times)

    floor = best(lambda: [etree.tostring(etree.parse(str(f))) for f in files])
    print(f"{len(files)} samples, {size:.1f} MB")
    print(f"{'lxml parse + serialise (floor)':32} {floor:6.3f} s  {size / floor:6.1f} MB/s   1.00x")
    for fmt in sorted(CONVERTERS):
        seconds = best(lambda fmt=fmt: [convert(f, fmt) for f in files])
        ratio = seconds / floor
        target = TARGETS.get(fmt)
        verdict = (
            f"  target <= {target:.0f}x: {'met' if ratio <= target else 'NOT met'}"
            if target
            else ""
        )
        print(
            f"{'teikit convert --to ' + fmt:32} {seconds:6.3f} s  {size / seconds:6.1f} MB/s  "
            f"{ratio:5.2f}x{verdict}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())

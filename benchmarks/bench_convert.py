"""HTML conversion of the TEI samples vs lxml parsing and serialising them (the physical floor).

Usage: TEIKIT_CORPUS=../shared/corpus python benchmarks/bench_convert.py
Prints per-format seconds for the whole samples folder and the ratio to the lxml floor.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

from lxml import etree

from teikit.convert import CONVERTERS, convert


def main() -> int:
    corpus = Path(
        os.environ.get("TEIKIT_CORPUS", Path(__file__).resolve().parents[2] / "shared" / "corpus")
    )
    files = sorted((corpus / "tei" / "samples").glob("*/*.xml"))
    if not files:
        print(f"no samples under {corpus}; set TEIKIT_CORPUS", file=sys.stderr)
        return 2
    size = sum(f.stat().st_size for f in files) / 1e6

    def best(fn, repeat: int = 3) -> float:
        times = []
        for _ in range(repeat):
            start = time.perf_counter()
            fn()
            times.append(time.perf_counter() - start)
        return min(times)

    floor = best(lambda: [etree.tostring(etree.parse(str(f))) for f in files])
    print(f"{len(files)} samples, {size:.1f} MB")
    print(f"lxml parse + serialise (floor): {floor:.3f} s  ({size / floor:.1f} MB/s)")
    for fmt in sorted(CONVERTERS):
        seconds = best(lambda fmt=fmt: [convert(f, fmt) for f in files])
        print(
            f"teikit convert --to {fmt:8}: {seconds:.3f} s  ({size / seconds:.1f} MB/s)  "
            f"ratio to floor {seconds / floor:.1f}x (target <= 3x for html)"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())

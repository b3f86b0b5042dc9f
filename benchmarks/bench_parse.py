"""Parse + encode throughput on the whole text corpus, side by side with pandoc.

Run as a script (not a test): ``python benchmarks/bench_parse.py [CORPUS]`` (default
``$TEIKIT_CORPUS`` or ``../shared/corpus``). Prints MB/s for teikit (parse + encode, in process)
and for ``pandoc -f markdown -t tei`` on the same files, and the ratio. Target: >= 10x pandoc.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

from teikit.encode import encode
from teikit.encode.options import EncodeOptions
from teikit.parse import parse_file


def main() -> int:
    root = Path(sys.argv[1] if len(sys.argv) > 1 else os.environ.get("TEIKIT_CORPUS", "../shared/corpus"))
    files = sorted((root / "text").rglob("*.txt"))
    files = [f for f in files if f.name != "PROVENANCE.md"]
    if not files:
        print(f"no texts under {root / 'text'}")
        return 2
    size = sum(f.stat().st_size for f in files) / 1e6
    options = EncodeOptions(when="2026-01-01")
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        for f in files:
            encode(parse_file(f), options)
        best = min(best, time.perf_counter() - start)
    ours = size / best
    print(f"teikit parse+encode: {len(files)} files, {size:.2f} MB in {best:.2f} s = {ours:.2f} MB/s")
    pandoc = shutil.which("pandoc")
    if pandoc is None:
        print("pandoc not installed: no comparison")
        return 0
    start = time.perf_counter()
    for f in files:
        subprocess.run([pandoc, "-f", "markdown", "-t", "tei", str(f)], capture_output=True, check=False)
    theirs = size / (time.perf_counter() - start)
    print(f"pandoc -f markdown -t tei: {theirs:.2f} MB/s")
    print(f"ratio teikit/pandoc: {ours / theirs:.1f}x (target >= 10x)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

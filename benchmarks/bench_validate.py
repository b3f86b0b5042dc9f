"""`teikit validate` vs jing on tei_all: one small file cold, and the whole samples folder.

Usage: TEIKIT_CORPUS=../shared/corpus python benchmarks/bench_validate.py
Both run as separate processes, as a user would run them; ratios are teikit / jing.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path


def timed(cmd: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, capture_output=True, check=False)
    return time.perf_counter() - start


def main() -> int:
    corpus = Path(
        os.environ.get("TEIKIT_CORPUS", Path(__file__).resolve().parents[2] / "shared" / "corpus")
    )
    schema = corpus / "tei" / "schemas" / "tei_all.rng"
    samples = sorted((corpus / "tei" / "samples").glob("*/*.xml"))
    jing = shutil.which("jing")
    teikit = str(Path(sys.executable).with_name("teikit"))
    if not samples or jing is None:
        print("needs TEIKIT_CORPUS and jing (apt-get install jing)", file=sys.stderr)
        return 2
    small = corpus / "tei" / "samples" / "misc" / "tei-validate-action_valid.xml"
    cases = [("one small file, cold", [small]), (f"{len(samples)} samples batch", samples)]
    for label, files in cases:
        j = min(timed([jing, str(schema), *map(str, files)]) for _ in range(2))
        t = min(
            timed([teikit, "validate", "--schema", str(schema), *map(str, files)]) for _ in range(2)
        )
        print(f"{label:28}  jing {j:6.2f} s   teikit {t:6.2f} s   teikit/jing {t / j:5.1f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())

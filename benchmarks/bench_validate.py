"""`teikit validate` (its own RELAX NG engine) vs jing on tei_all, side by side.

Usage: TEIKIT_CORPUS=../shared/corpus python benchmarks/bench_validate.py [--libxml2]

Both run as separate processes, as a user would run them (best of three, wall clock and CPU);
ratios are teikit / jing wall clock, below 1.0 means teikit is faster. Cases:
- one small file, cold (the whole process: start, schema load, validation);
- the samples folder as a batch, -j1 and -j2. jing stops its whole batch at the first file
  whose DOCTYPE names a missing DTD ("fatal"), so the batch is also timed without those files,
  which is the fair comparison;
- throughput in MB/s on the largest sample, in process (parse + validate, schema warm).
--libxml2 adds lxml's RelaxNG (libxml2) for reference; it compiles tei_all for ~10 s.
"""

from __future__ import annotations

import os
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path


def timed(cmd: list[str], runs: int = 3) -> tuple[float, float]:
    """Best wall-clock and best CPU seconds (user+sys of the process and its workers) of
    ``runs`` runs. The machine is shared, so CPU time is the steadier of the two figures."""
    best_wall = best_cpu = float("inf")
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run(cmd, capture_output=True, check=False)
        wall = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        best_wall, best_cpu = min(best_wall, wall), min(best_cpu, cpu)
    return best_wall, best_cpu


def throughput(schema: Path, path: Path) -> tuple[float, float]:
    from teikit.io import parse_xml_file
    from teikit.validate.relaxng import compile_schema

    compiled = compile_schema(schema)
    compiled.check(parse_xml_file(path), str(path))  # warm: content models compiled
    start = time.perf_counter()
    tree = parse_xml_file(path)
    parsed = time.perf_counter()
    compiled.check(tree, str(path))
    done = time.perf_counter()
    size = path.stat().st_size / 1e6
    return size / (done - start), size / (done - parsed)


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
    judgeable = [p for p in samples if b"<!DOCTYPE" not in p.read_bytes()[:4096]]
    small = corpus / "tei" / "samples" / "misc" / "tei-validate-action_valid.xml"
    size = sum(p.stat().st_size for p in judgeable) / 1e6
    cases = [
        ("one small file, cold", [small]),
        (f"{len(samples)} samples (jing stops early)", samples),
        (f"{len(judgeable)} samples jing judges ({size:.1f} MB)", judgeable),
    ]
    print(
        f"schema: {schema.name}; best of 3 runs: wall-clock seconds, then CPU seconds "
        "(user+sys, workers included) in brackets"
    )
    for label, files in cases:
        j, j_cpu = timed([jing, str(schema), *map(str, files)])
        row = f"{label:38}  jing {j:5.2f} s [{j_cpu:5.2f}]"
        for jobs in ("1", "2") if len(files) > 1 else ("1",):
            cmd = [teikit, "validate", "--no-xml-model", "-j", jobs, "--schema", str(schema)]
            t, t_cpu = timed(cmd + [str(f) for f in files])
            row += f"   teikit -j{jobs} {t:5.2f} s [{t_cpu:5.2f}] ({t / j:4.2f}x)"
        print(row, flush=True)
    largest = max(judgeable, key=lambda p: p.stat().st_size)
    total, validate_only = throughput(schema, largest)
    print(
        f"throughput on {largest.name} ({largest.stat().st_size / 1e6:.1f} MB): "
        f"{total:.1f} MB/s parse+validate, {validate_only:.1f} MB/s validation alone"
    )
    if "--libxml2" in sys.argv:
        code = (
            "import sys; from lxml import etree; "
            "s = etree.RelaxNG(etree.parse(sys.argv[1])); "
            "[s.validate(etree.parse(f)) for f in sys.argv[2:]]"
        )
        t, _ = timed([sys.executable, "-c", code, str(schema), str(small)], runs=1)
        print(f"libxml2 (lxml RelaxNG), one small file, cold: {t:.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())

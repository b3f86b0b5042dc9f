"""Batch scale: encode, validate and convert a corpus of N documents at -j1 and -j2.

Usage: python benchmarks/bench_scale.py [--docs N] [--quick] [--generated] [--keep DIR]

The corpus repeats the real transcriptions of $TEIKIT_CORPUS/text (each copy under its own name)
up to N documents; without the corpus, or with --generated, it is synthetic text shaped like a
transcription (title block, metadata lines, chapters, paragraphs, numbered items, speaker turns).
Each stage runs in a fresh process through the library API, as the CLI does: encode (parse_file →
encode → write_atomic), validate against the edition profile (validate_paths), convert to HTML.
-j2 spreads files over a process pool. Peak memory is ru_maxrss of the stage's process and of its
largest worker; it is measured at N/4 and at N documents so growth with corpus size shows.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from teikit.convert import convert
from teikit.encode import EncodeOptions, encode
from teikit.io import write_atomic
from teikit.parse import parse_file
from teikit.validate import validate_paths

WORDS = (
    "the of and to in that it was he for on are with as his they be at one have this from or had "
    "by word but what some we can out other were all there when up use your how said an each she "
    "which do their time if will way about many then them write would like so these her long make "
    "thing see him two has look more day could go come did number sound no most people my over "
    "know water than call first who may down side been now find any new work part take get place "
    "made live where after back little only round man year came show every good me give our under"
).split()
ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")
SPEAKERS = ("HAMLET", "HORATIO", "OPHELIA", "POLONIUS", "LAERTES")
SPEECHES = (
    "To be, or not to be, that is the question.",
    "My lord, I came to see your father's funeral.",
    "There are more things in heaven and earth than are dreamt of in your philosophy.",
    "Though this be madness, yet there is method in't.",
)


def sentence(rng: random.Random) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(6, 22))]
    return words[0].capitalize() + " " + " ".join(words[1:]) + rng.choice(".......?!")


def paragraph(rng: random.Random) -> str:
    return " ".join(sentence(rng) for _ in range(rng.randint(2, 7)))


def document(rng: random.Random, index: int) -> str:
    """One transcription of roughly 3–20 kB, its mix of units varying with the seed."""
    parts = [
        f"Author {index % 97}",
        "",
        f"A Study of Things, Number {index}",
        "",
        f"Source: Collected Works, Vol. {index % 40 + 1}, pp. {index % 300 + 1}-{index % 300 + 9}",
        f"First Published: Gazette, No. {index}, {1900 + index % 100}",
        "",
    ]
    for chapter in ROMAN[: rng.randint(2, 9)]:
        parts += [f"CHAPTER {chapter}", ""]
        for _ in range(rng.randint(3, 8)):
            parts += [paragraph(rng), ""]
        if rng.random() < 0.4:
            parts += [f"{n}) {sentence(rng)}\n" for n in range(1, rng.randint(3, 6))]
        if rng.random() < 0.3:
            for _ in range(rng.randint(2, 4)):
                parts += [f"{rng.choice(SPEAKERS)}. {rng.choice(SPEECHES)} {sentence(rng)}", ""]
    return "\n".join(parts) + "\n"


def generate(directory: Path, count: int, seed: int) -> int:
    rng = random.Random(seed)
    total = 0
    for index in range(count):
        data = document(rng, index).encode("utf-8")
        (directory / f"doc{index:05}.txt").write_bytes(data)
        total += len(data)
    return total


def from_corpus(directory: Path, count: int, corpus: Path) -> int:
    texts = sorted((corpus / "text").rglob("*.txt"))
    total = 0
    for index in range(count):
        source = texts[index % len(texts)]
        target = directory / f"{index:05}-{source.name}"
        shutil.copyfile(source, target)
        total += target.stat().st_size
    return total


# --- stage workers (run in a fresh process so each peak RSS is its own) ------------------------
OPTIONS = EncodeOptions.from_environment(when="2026-01-01")


def encode_one(paths: tuple[str, str]) -> None:
    source, target = map(Path, paths)
    write_atomic(target, encode(parse_file(source), OPTIONS))


def convert_one(paths: tuple[str, str]) -> None:
    source, target = map(Path, paths)
    write_atomic(target, convert(source, "html", file=str(source)).output)


def run_stage(stage: str, jobs: int, src: Path, dst: Path) -> dict:
    dst.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    if stage == "validate":
        report = validate_paths([str(src)], ("teikit",), use_xml_model=False, jobs=jobs)
        invalid = sum(not f.valid for f in report.files)
    else:
        pattern, suffix, work = {
            "encode": ("*.txt", ".xml", encode_one),
            "convert": ("*.xml", ".html", convert_one),
        }[stage]
        pairs = [(str(p), str(dst / (p.stem + suffix))) for p in sorted(src.glob(pattern))]
        if jobs > 1:
            with ProcessPoolExecutor(max_workers=jobs) as pool:
                list(pool.map(work, pairs, chunksize=8))
        else:
            for pair in pairs:
                work(pair)
        invalid = 0
    seconds = time.perf_counter() - started
    per_mb = 1024 * 1024 if sys.platform == "darwin" else 1024  # macOS reports bytes, Linux kB
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / per_mb
    workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / per_mb
    return {"seconds": seconds, "own_mb": own, "worker_mb": workers, "invalid": invalid}


def stage_in_subprocess(stage: str, jobs: int, src: Path, dst: Path) -> dict:
    command = [sys.executable, __file__, "--worker", stage, "--jobs", str(jobs)]
    out = subprocess.run(
        [*command, "--src", str(src), "--dst", str(dst)], capture_output=True, text=True, check=True
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def size_mb(directory: Path, pattern: str) -> float:
    return sum(p.stat().st_size for p in directory.glob(pattern)) / 1e6


def bench(root: Path, count: int, args: argparse.Namespace) -> dict[str, float]:
    """All stages over ``count`` documents; returns the peak memory of each stage's processes."""
    sources, tei, html = root / f"txt{count}", root / f"tei{count}", root / f"html{count}"
    sources.mkdir(parents=True, exist_ok=True)
    corpus = os.environ.get("TEIKIT_CORPUS")
    if corpus and not args.generated:
        text_bytes = from_corpus(sources, count, Path(corpus))
        origin = "copies of the corpus texts"
    else:
        text_bytes = generate(sources, count, args.seed)
        origin = "generated"
    print(f"\n{count} documents ({origin}), {text_bytes / 1e6:.1f} MB of text", flush=True)
    print(f"{'stage':22} {'-j':>3} {'seconds':>8} {'docs/s':>8} {'MB/s':>6} {'peak MB':>8}")
    peaks: dict[str, float] = {}
    for stage, src, dst, pattern in (
        ("encode", sources, tei, "*.txt"),
        ("validate", tei, root / "unused", "*.xml"),
        ("convert", tei, html, "*.xml"),
    ):
        megabytes = size_mb(src, pattern)
        timings = {}
        for jobs in (1, 2):
            result = stage_in_subprocess(stage, jobs, src, dst)
            timings[jobs] = result["seconds"]
            peak = max(result["own_mb"], result["worker_mb"])
            peaks[f"{stage} -j{jobs}"] = peak
            print(
                f"{stage:22} {jobs:>3} {result['seconds']:8.2f} {count / result['seconds']:8.1f} "
                f"{megabytes / result['seconds']:6.2f} {peak:8.0f}",
                flush=True,
            )
            if result["invalid"]:
                print(f"  {result['invalid']} of {count} outputs invalid", flush=True)
        print(f"{'':22} speedup -j2/-j1: {timings[1] / timings[2]:.2f}x", flush=True)
    return peaks


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=2000, help="documents (2000)")
    parser.add_argument("--quick", action="store_true", help="200 documents")
    parser.add_argument("--generated", action="store_true", help="synthetic text, not the corpus")
    parser.add_argument("--seed", type=int, default=1924)
    parser.add_argument("--keep", type=Path, help="work in this directory and keep the files")
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    parser.add_argument("--jobs", type=int, default=1, help=argparse.SUPPRESS)
    parser.add_argument("--src", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--dst", type=Path, help=argparse.SUPPRESS)
    args, _ = parser.parse_known_args(argv)  # run_all.py passes its own arguments to every script
    if args.worker:
        print(json.dumps(run_stage(args.worker, args.jobs, args.src, args.dst)))
        return 0
    count = 200 if args.quick else args.docs

    with tempfile.TemporaryDirectory(prefix="teikit-bench-") as scratch:
        root = args.keep or Path(scratch)
        small = bench(root, max(count // 4, 1), args)
        large = bench(root, count, args)
        print("\npeak memory per stage, N/4 → N documents (it should not grow with N):")
        for key in large:
            print(f"  {key:14} {small[key]:6.0f} MB → {large[key]:6.0f} MB")
        print(f"cores: {os.cpu_count()}, load average at end: {os.getloadavg()[0]:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

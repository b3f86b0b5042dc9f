"""Batch scale: encode, validate and convert a corpus of N documents at -j1, -j2 and on Dask.

Usage: python benchmarks/bench_scale.py [--docs N] [--sizes N,M] [--quick] [--generated]
                                        [--no-dask] [--keep DIR]

The corpus repeats the real transcriptions of $TEIKIT_CORPUS/text (each copy under its own name)
up to N documents; without the corpus, or with --generated, it is synthetic text shaped like a
transcription (title block, metadata lines, chapters, paragraphs, numbered items, speaker turns).
Each stage runs in a fresh process through the library API, as the CLI does: encode (parse_file →
encode → write_atomic), validate against the edition profile (validate_paths), convert to HTML.
-j2 spreads files over a process pool. Peak memory is ru_maxrss of the stage's process and of its
largest worker; it is measured at N/4 and at N documents (or at each of --sizes) so growth with
corpus size shows.

"dask2" runs the same work on a 2-worker LocalCluster (teikit.dask.map_ordered, as --dask does)
whose scheduler lives in a process of its own, started afresh for each stage, so the figures
are the scheduler's alone: its memory when idle and at its peak, each worker's peak, and the
peak of the client process that holds the file list and the results. The time excludes the
cluster's start (printed apart); "per file" is dask2's extra cost over -j2 per document. From
the two corpus sizes the script extrapolates what a million-file run would need. "cpu s" is the
CPU time of every process of a run (the stage's, its pool workers, or the Dask workers and
scheduler): on a machine shared with other work it is steadier than the wall clock. "inside
tasks" is the share of the run's time the Dask workers spent computing (Dask's task stream):
near 100% means no worker waited on the scheduler, so a slower wall clock is CPU taken by
other processes, not Dask's.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib.util
import json
import os
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

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


def run_stage(stage: str, jobs: int, src: Path, dst: Path, address: str | None = None) -> dict:
    """One stage over every file; with ``address``, on the Dask cluster there (jobs unused)."""
    dst.mkdir(parents=True, exist_ok=True)
    client: Any = None
    if address:
        from distributed import Client

        client = Client(address)
        idle = client.run_on_scheduler(_rss_mb)
        cluster_cpu = sum(client.run(_cpu_seconds).values()) + client.run_on_scheduler(_cpu_seconds)
    here_cpu = _cpu_seconds() + _cpu_seconds(resource.RUSAGE_CHILDREN)
    stream = contextlib.ExitStack()
    if client is not None:
        from distributed import get_task_stream

        tasks = stream.enter_context(get_task_stream(client))
    started = time.perf_counter()
    if stage == "validate":
        report = validate_paths(
            [str(src)], ("teikit",), use_xml_model=False, jobs=jobs, client=client
        )
        invalid = sum(not f.valid for f in report.files)
    else:
        pattern, suffix, work = {
            "encode": ("*.txt", ".xml", encode_one),
            "convert": ("*.xml", ".html", convert_one),
        }[stage]
        pairs = [(str(p), str(dst / (p.stem + suffix))) for p in sorted(src.glob(pattern))]
        if client is not None:
            from teikit.dask import map_ordered
            from teikit.dask.batches import file_sizes

            sizes = file_sizes([source for source, _ in pairs])
            list(map_ordered(client, work, pairs, sizes=sizes))
        elif jobs > 1:
            with ProcessPoolExecutor(max_workers=jobs) as pool:
                list(pool.map(work, pairs, chunksize=8))
        else:
            for pair in pairs:
                work(pair)
        invalid = 0
    seconds = time.perf_counter() - started
    stream.close()
    cpu = _cpu_seconds() + _cpu_seconds(resource.RUSAGE_CHILDREN) - here_cpu
    own = _peak_mb()
    workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / _PER_MB
    result = {"seconds": seconds, "own_mb": own, "worker_mb": workers, "invalid": invalid}
    if client is not None:
        cpu += sum(client.run(_cpu_seconds).values()) + client.run_on_scheduler(_cpu_seconds)
        cpu -= cluster_cpu
        computing = sum(
            part["stop"] - part["start"]
            for task in tasks.data
            for part in task["startstops"]
            if part["action"] == "compute"
        )
        result["busy"] = computing / (len(client.nthreads()) * seconds)
        result["worker_mb"] = max(client.run(_peak_mb).values())
        result["scheduler_idle_mb"] = idle
        result["scheduler_mb"] = client.run_on_scheduler(_peak_mb)
        client.close()
    result["cpu"] = cpu
    return result


_PER_MB = 1024 * 1024 if sys.platform == "darwin" else 1024  # macOS reports bytes, Linux kB


def _cpu_seconds(who: int = resource.RUSAGE_SELF) -> float:
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / _PER_MB


def _rss_mb() -> float:
    import psutil  # a dependency of distributed

    return float(psutil.Process().memory_info().rss) / 2**20  # MiB, as ru_maxrss below


def stage_in_subprocess(
    stage: str, jobs: int, src: Path, dst: Path, address: str | None = None
) -> dict:
    command = [sys.executable, __file__, "--worker", stage, "--jobs", str(jobs)]
    command += ["--src", str(src), "--dst", str(dst)]
    out = subprocess.run(
        [*command, *(["--address", address] if address else [])],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


@contextlib.contextmanager
def local_cluster() -> Iterator[tuple[str, float]]:
    """A 2-worker LocalCluster in a process of its own (its scheduler's memory is then its own);
    yields its address and how long it took to start."""
    started = time.perf_counter()
    host = subprocess.Popen(
        [sys.executable, __file__, "--cluster-host"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert host.stdout is not None and host.stdin is not None
    address = host.stdout.readline().strip()
    try:
        yield address, time.perf_counter() - started
    finally:
        host.stdin.close()
        host.wait(timeout=60)


def cluster_host() -> None:
    """Run a LocalCluster of two single-threaded worker processes until stdin closes."""
    from teikit.dask import LOCAL, open_client

    with open_client(LOCAL, workers=2) as client:
        print(client.scheduler.address, flush=True)
        sys.stdin.read()


def same_files(left: Path, right: Path) -> bool:
    names = sorted(p.name for p in left.iterdir())
    return names == sorted(p.name for p in right.iterdir()) and all(
        (left / name).read_bytes() == (right / name).read_bytes() for name in names
    )


def size_mb(directory: Path, pattern: str) -> float:
    return sum(p.stat().st_size for p in directory.glob(pattern)) / 1e6


def bench(root: Path, count: int, args: argparse.Namespace) -> dict[str, dict]:
    """All stages over ``count`` documents; returns each run's figures by 'stage run'."""
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
    print(
        f"{'stage':10} {'run':>6} {'seconds':>8} {'docs/s':>8} {'MB/s':>6} {'cpu s':>7} "
        f"{'peak MB':>8}"
    )
    figures: dict[str, dict] = {}
    for stage, src, dst, pattern in (
        ("encode", sources, tei, "*.txt"),
        ("validate", tei, root / "unused", "*.xml"),
        ("convert", tei, html, "*.xml"),
    ):
        megabytes = size_mb(src, pattern)
        runs = ["-j1", "-j2"] + ([] if args.no_dask else ["dask2"])
        for run in runs:
            if run == "dask2":
                apart = dst.with_name(dst.name + "-dask")
                with local_cluster() as (address, start):
                    result = stage_in_subprocess(stage, 2, src, apart, address)
                result["start"] = start
                if stage != "validate" and not same_files(dst, apart):
                    print(f"  {stage}: the Dask outputs differ from -j2's", flush=True)
            else:
                result = stage_in_subprocess(stage, int(run[2:]), src, dst)
            figures[f"{stage} {run}"] = result
            peak = max(result["own_mb"], result["worker_mb"])
            print(
                f"{stage:10} {run:>6} {result['seconds']:8.2f} {count / result['seconds']:8.1f} "
                f"{megabytes / result['seconds']:6.2f} {result['cpu']:7.2f} {peak:8.0f}",
                flush=True,
            )
            if result["invalid"]:
                print(f"  {result['invalid']} of {count} outputs invalid", flush=True)
        one, two = figures[f"{stage} -j1"], figures[f"{stage} -j2"]
        line = f"{'':10} -j2 vs -j1: {one['seconds'] / two['seconds']:.2f}x"
        if not args.no_dask:
            dask = figures[f"{stage} dask2"]
            extra = (dask["seconds"] - two["seconds"]) / count * 1000
            cpu = (dask["cpu"] - two["cpu"]) / count * 1000
            line += (
                f"; dask2 vs -j2: {two['seconds'] / dask['seconds']:.2f}x ({extra:+.2f} ms per "
                f"file, {cpu:+.2f} ms CPU per file; workers inside tasks {dask['busy']:.0%} of the "
                f"time; cluster start {dask['start']:.1f} s); "
                "memory: scheduler "
                f"{dask['scheduler_idle_mb']:.0f} MB idle, {dask['scheduler_mb']:.0f} MB peak; "
                f"worker {dask['worker_mb']:.0f} MB; client {dask['own_mb']:.0f} MB"
            )
        print(line, flush=True)
    return figures


def million(small: int, large: int, at: dict[int, dict[str, dict]]) -> None:
    """What a run of a million files would need: memory drawn through the two corpus sizes
    (growth below zero is noise and counts as none), time at the larger run's rate."""
    print(f"\ndask2 memory per 1,000 more files ({small} → {large}), and a million files on paper:")
    for stage in ("encode", "validate", "convert"):
        a, b = at[small][f"{stage} dask2"], at[large][f"{stage} dask2"]
        cells = []
        for key, name in (
            ("scheduler_mb", "scheduler"),
            ("worker_mb", "worker"),
            ("own_mb", "client"),
        ):
            per = (b[key] - a[key]) / (large - small) * 1000
            ahead = b[key] + max(per, 0.0) * (1_000_000 - large) / 1000
            cells.append(f"{name} {per:+5.2f} MB → {ahead:5.0f} MB")
        hours = b["seconds"] / large * 1_000_000 / 3600
        print(f"  {stage:9} " + ", ".join(cells) + f"; {hours:.1f} h on 2 workers")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=2000, help="documents (2000)")
    parser.add_argument("--quick", action="store_true", help="200 documents")
    parser.add_argument("--generated", action="store_true", help="synthetic text, not the corpus")
    parser.add_argument("--seed", type=int, default=1924)
    parser.add_argument("--keep", type=Path, help="work in this directory and keep the files")
    parser.add_argument("--sizes", help="corpus sizes, e.g. 1000,10000 (default: N/4 and N)")
    parser.add_argument("--no-dask", action="store_true", help="leave out the Dask runs")
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    parser.add_argument("--jobs", type=int, default=1, help=argparse.SUPPRESS)
    parser.add_argument("--src", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--dst", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--address", help=argparse.SUPPRESS)
    parser.add_argument("--cluster-host", action="store_true", help=argparse.SUPPRESS)
    args, _ = parser.parse_known_args(argv)  # run_all.py passes its own arguments to every script
    if args.cluster_host:
        cluster_host()
        return 0
    if args.worker:
        result = run_stage(args.worker, args.jobs, args.src, args.dst, args.address)
        print(json.dumps(result))
        return 0
    count = 200 if args.quick else args.docs
    if args.sizes:
        small, large = sorted(int(n) for n in args.sizes.split(","))[:2]
    else:
        small, large = max(count // 4, 1), count
    if not args.no_dask and importlib.util.find_spec("distributed") is None:
        print("distributed is not installed (pip install 'teikit[dask]'): no Dask runs")
        args.no_dask = True

    with tempfile.TemporaryDirectory(prefix="teikit-bench-") as scratch:
        root = args.keep or Path(scratch)
        figures = {small: bench(root, small, args), large: bench(root, large, args)}
        print(f"\npeak memory per stage, {small} → {large} documents (it should not grow):")
        for key in figures[large]:
            before, after = figures[small][key], figures[large][key]
            print(
                f"  {key:15} {max(before['own_mb'], before['worker_mb']):6.0f} MB → "
                f"{max(after['own_mb'], after['worker_mb']):6.0f} MB"
            )
        if not args.no_dask:
            million(small, large, figures)
        print(f"cores: {os.cpu_count()}, load average at end: {os.getloadavg()[0]:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

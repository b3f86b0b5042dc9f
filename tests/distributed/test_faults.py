"""Faults on a cluster: a worker killed mid-run loses and duplicates nothing, a file that kills
every worker it meets is the only one lost, and a worker without the caller's files says so."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from distributed import Client
from distributed.scheduler import KilledWorker

from teikit.dask import WorkerSetupError, map_ordered
from teikit.dask.worker import Context, run_batch

from .conftest import run, same_tree

COUNT = 600
TEMP_NAME = re.compile(r"^\.t\d{4}\.xml\..+\.tmp$")


def _texts(folder: Path) -> Path:
    folder.mkdir()
    for i in range(COUNT):
        paragraphs = "\n\n".join(f"Paragraph {j} of text {i}, " + "word " * 60 for j in range(12))
        (folder / f"t{i:04}.txt").write_text(f"Title {i}\n\nAuthor {i % 7}\n\n{paragraphs}\n")
    (folder / "t0300-binary.txt").write_bytes(b"\x00\x01\x02\xff" * 50)
    return folder


def test_a_killed_worker_loses_and_duplicates_nothing(
    tmp_path: Path, client: Client, address: str
) -> None:
    texts = _texts(tmp_path / "texts")
    reference = run("encode", texts, "--out-dir", tmp_path / "one", "--date", "2026-01-01")
    out = tmp_path / "dask"
    command = [sys.executable, "-m", "teikit", "encode", str(texts), "--out-dir", str(out)]
    process = subprocess.Popen(
        [*command, "--date", "2026-01-01", "--dask", address],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    pids = client.run(os.getpid)
    deadline = time.monotonic() + 120
    while len(list(out.glob("*.xml"))) < COUNT // 5 and process.poll() is None:
        assert time.monotonic() < deadline, "the run did not start"
        time.sleep(0.01)
    busy: list[str] = []
    while not busy and time.monotonic() < deadline:  # a worker in the middle of a batch
        busy = [worker for worker, keys in client.processing().items() if keys]
    victim = busy[0]
    os.kill(pids[victim], signal.SIGKILL)
    written_at_kill = len(list(out.glob("*.xml")))
    stdout, stderr = process.communicate(timeout=300)

    assert written_at_kill < COUNT - 1, "the run had finished before the kill"
    assert victim not in client.nthreads(), "the killed worker is still there"
    assert process.returncode == reference.exit_code == 2  # the binary file
    assert stdout == reference.stdout
    assert stderr == reference.stderr  # every line once, in order, nothing lost or doubled
    assert stderr.endswith(f"1 of {COUNT + 1} file(s) failed\n")
    strays = [p for p in out.iterdir() if p.suffix != ".xml"]
    assert all(TEMP_NAME.match(p.name) for p in strays), strays  # never a torn output
    for stray in strays:
        stray.unlink()
    same_tree(tmp_path / "one", out)


def test_a_file_that_kills_every_worker_is_the_only_one_lost(client: Client) -> None:
    def dies_on_seven(item: int) -> int:  # nested: cloudpickle sends it by value
        if item == 7:
            os._exit(1)  # as an out-of-memory kill or a crash in a C library would
        return item * item

    results = map_ordered(
        client,
        dies_on_seven,
        list(range(40)),
        on_lost=lambda item, message: -1 if "worker died" in message else -2,
    )
    assert list(results) == [-1 if i == 7 else i * i for i in range(40)]


def test_files_queued_beside_a_killing_file_are_not_lost(client: Client) -> None:
    """Eight files travel one a task, two queued on each worker: Dask counts each death
    against the file queued beside the killing one too, and gives up on it as well."""

    def dies_on_three(item: int) -> int:
        if item == 3:
            os._exit(1)
        return item + 100

    results = map_ordered(client, dies_on_three, list(range(8)), on_lost=lambda item, why: -1)
    assert list(results) == [-1 if i == 3 else i + 100 for i in range(8)]


def test_without_on_lost_the_failure_is_raised(client: Client) -> None:
    def dies(item: int) -> int:
        os._exit(1)

    with pytest.raises(KilledWorker):
        list(map_ordered(client, dies, [1]))


def test_a_worker_without_the_callers_files_says_so(tmp_path: Path) -> None:
    elsewhere = Context(str(tmp_path / "not-on-this-worker"))
    with pytest.raises(WorkerSetupError, match="same file system"):
        run_batch(str, ["a.txt"], elsewhere)


def test_a_batch_runs_in_the_callers_directory_and_environment(tmp_path: Path) -> None:
    before = os.getcwd(), os.environ.get("SOURCE_DATE_EPOCH")
    context = Context(str(tmp_path), {"SOURCE_DATE_EPOCH": "86400"})
    seen = run_batch(lambda _: (os.getcwd(), os.environ.get("SOURCE_DATE_EPOCH")), [1], context)
    assert seen == [(str(tmp_path), "86400")]
    assert (os.getcwd(), os.environ.get("SOURCE_DATE_EPOCH")) == before


def test_user_errors_are_one_line(
    tmp_path: Path, address: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = tmp_path / "a.txt"
    text.write_text("Title\n\nText.\n")
    both = run("validate", tmp_path, "-j", "2", "--dask", address)
    assert (
        both.exit_code == 2 and both.stderr == "teikit: use either -j/--jobs or --dask, not both\n"
    )

    monkeypatch.setattr("teikit.dask.connect.CONNECT_TIMEOUT", "1s")
    nobody = run("encode", text, "--dask", "tcp://127.0.0.1:9")
    assert nobody.exit_code == 2
    assert nobody.stderr.startswith("teikit: error: cannot reach tcp://127.0.0.1:9")
    assert nobody.stderr.count("\n") == 1

    monkeypatch.setattr("teikit.cli.cluster.find_spec", lambda name: None)
    for command in (["encode", text], ["convert", text, "--to", "text"], ["build", tmp_path]):
        missing = run(*command, "--dask", "local")
        assert missing.exit_code == 2
        assert missing.stderr == (
            "teikit: --dask needs the optional package 'distributed': "
            "pip install 'teikit[dask]' (or leave --dask out to run on this machine)\n"
        )


def test_a_schema_is_compiled_once_per_worker(tmp_path: Path, client: Client, address: str) -> None:
    """Each worker compiles the profile on its first file and reuses it for every later one."""
    from teikit.validate.schemas import _load

    for i in range(60):
        (tmp_path / f"f{i:02}.xml").write_text(
            '<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt>'
            "<title>t</title></titleStmt><publicationStmt><p>p</p></publicationStmt>"
            f"<sourceDesc><p>s</p></sourceDesc></fileDesc></teiHeader><text><body><p>{i}</p>"
            "</body></text></TEI>"
        )
    client.run(_load.cache_clear)
    result = run("validate", tmp_path, "--schema", "teikit", "--dask", address)
    assert result.exit_code in (0, 1), result.stderr
    calls = client.run(lambda: _load.cache_info())
    assert sum(info.hits + info.misses for info in calls.values()) == 60
    assert all(info.misses <= 1 for info in calls.values()), calls
    assert sum(info.hits for info in calls.values()) >= 58

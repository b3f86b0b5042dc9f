"""``--dask`` with sources given as fsspec URLs: the URL is what travels, each worker opens it,
and the outputs are those of a run on paths on one machine. A local output is streamed back and
written by the client (here the workers are stopped from writing local files at all, so a
file the client did not write would be missing); a URL output is written by the workers.

``memory://`` lives in one process, so the cluster reads ``file://`` URLs."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from distributed import Client

from teikit.cli.cluster import recorded
from teikit.cli.common import write_output
from teikit.dask import WorkerSetupError
from teikit.dask.worker import Context, run_batch
from teikit.io import write_atomic

from .conftest import run, same_tree


@pytest.fixture
def workers_without_local_files(client: Client) -> Iterator[None]:
    """The workers refuse to write any local file a command's work hands them (as workers that
    do not share the client's file system would fail to), and write URLs as before."""

    def forbid() -> None:
        import teikit.cli.common as common
        from teikit.errors import OutputError
        from teikit.io import is_url, write_atomic

        def guarded(target: object, data: bytes | str) -> None:
            if not is_url(target):
                raise OutputError("this worker cannot see the client's files", file=str(target))
            write_atomic(target, data)  # type: ignore[arg-type]

        common.write_atomic = guarded  # type: ignore[assignment]

    def allow() -> None:
        import teikit.cli.common as common
        import teikit.io

        common.write_atomic = teikit.io.write_atomic

    client.run(forbid)
    try:
        yield
    finally:
        client.run(allow)


@pytest.fixture
def texts(corpus: Path, tmp_path: Path) -> Path:
    folder = tmp_path / "texts"
    (folder / "more").mkdir(parents=True)
    for text in sorted((corpus / "text" / "mia").glob("*.txt"))[:8]:
        shutil.copyfile(text, folder / text.name)
    (folder / "teikit.toml").write_text('publisher = "Cluster Press"\n')
    (folder / "more" / "broken.txt").write_bytes(b"\x00\x01\x02\xff" * 50)
    return folder


@pytest.mark.corpus
def test_encode_of_file_urls_on_the_cluster(
    texts: Path,
    tmp_path: Path,
    address: str,
    workers_without_local_files: None,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    written_here: list[str] = []

    def spy(target: str, data: bytes) -> None:
        written_here.append(target)
        write_atomic(target, data)

    monkeypatch.setattr("teikit.cli.cluster.write_atomic", spy)
    options = ["--date", "2026-01-01"]
    alone = run("encode", texts, "--out-dir", tmp_path / "one", *options)
    assert alone.exit_code == 2 and "1 of 9 file(s) failed" in alone.stderr
    assert b"Cluster Press" in next((tmp_path / "one").glob("*.xml")).read_bytes()

    on_paths = run("encode", texts, "--out-dir", tmp_path / "paths", *options, "--dask", address)
    assert on_paths.stderr.count("cannot see the client's files") == 8  # the workers wrote

    url = f"file://{texts}"
    back = run("encode", url, "--out-dir", tmp_path / "back", *options, "--dask", address)
    assert back.exit_code == alone.exit_code
    assert back.stderr == alone.stderr.replace(str(texts), url)
    assert back.stdout == alone.stdout == ""
    same_tree(tmp_path / "one", tmp_path / "back")  # the client wrote them
    assert sorted(written_here) == sorted(str(p) for p in (tmp_path / "back").iterdir())
    written_here.clear()

    to_url = f"file://{tmp_path}/to-url"
    there = run("encode", url, "--out-dir", to_url, *options, "--dask", address)
    assert (there.exit_code, there.stderr) == (back.exit_code, back.stderr)
    same_tree(tmp_path / "one", tmp_path / "to-url")
    assert written_here == []  # the workers wrote them


@pytest.mark.corpus
def test_validate_of_file_urls_on_the_cluster(corpus: Path, tmp_path: Path, address: str) -> None:
    folder = corpus / "tei" / "samples" / "teic-p5-test"
    broken = tmp_path / "broken.xml"
    broken.write_text('<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader>')
    options = ["--schema", "teikit", "--format", "json"]
    two = run("validate", folder, broken, *options, "-j", "2")
    assert two.exit_code == 1
    urls = [f"file://{folder}", f"file://{broken}"]
    expected = two.stdout.replace(str(folder), urls[0]).replace(str(broken), urls[1])
    spread = run("validate", *urls, *options, "--dask", address)
    assert (spread.exit_code, spread.stdout, spread.stderr) == (1, expected, two.stderr)
    forked = run("validate", *urls, *options, "-j", "2")
    assert (forked.exit_code, forked.stdout, forked.stderr) == (1, expected, two.stderr)


@pytest.mark.corpus
def test_convert_of_file_urls_on_the_cluster(
    corpus: Path, tmp_path: Path, address: str, workers_without_local_files: None
) -> None:
    folder = tmp_path / "tei"
    shutil.copytree(corpus / "tei" / "samples" / "teic-p5-test", folder)
    (folder / "zz-broken.xml").write_text('<TEI xmlns="http://www.tei-c.org/ns/1.0"><text>')
    alone = run("convert", folder, "--to", "html", "--out-dir", tmp_path / "one")
    assert alone.exit_code == 2
    url = f"file://{folder}"
    back = run("convert", url, "--to", "html", "--out-dir", tmp_path / "back", "--dask", address)
    assert back.exit_code == alone.exit_code
    assert (back.stdout, back.stderr) == (alone.stdout, alone.stderr.replace(str(folder), url))
    assert "zz-broken.xml:1:" in back.stderr
    same_tree(tmp_path / "one", tmp_path / "back")


def test_a_run_of_urls_needs_no_shared_directory(tmp_path: Path) -> None:
    elsewhere = str(tmp_path / "not-on-this-worker")
    assert run_batch(lambda item: item * 2, [1, 2], Context(elsewhere, shared_files=False)) == [
        2,
        4,
    ]
    with pytest.raises(WorkerSetupError):
        run_batch(lambda item: item * 2, [1, 2], Context(elsewhere))


def test_streamed_back_outputs_are_recorded_not_written(tmp_path: Path) -> None:
    def work(name: str) -> None:
        write_output(tmp_path / name, "<TEI/>")
        write_output(f"file://{tmp_path}/url-{name}", b"<x/>")  # a URL: written where it runs

    outcome = recorded(work, "a.xml", stream_back=True)
    assert outcome.files == [(str(tmp_path / "a.xml"), b"<TEI/>")]
    assert [p.name for p in tmp_path.iterdir()] == ["url-a.xml"]
    assert recorded(work, "b.xml").files == []
    assert (tmp_path / "b.xml").read_bytes() == b"<TEI/>"

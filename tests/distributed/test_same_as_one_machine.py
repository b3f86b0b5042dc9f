"""``--dask`` gives what a run on one machine gives: the same files byte for byte, the same lines on
stdout and stderr in the same order, the same exit code, with a bad file among good ones."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from distributed import Client

from teikit.build import build_editions
from teikit.validate import validate_paths

from .conftest import run, same_tree

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def bad_texts(tmp_path: Path) -> Path:
    """A folder with a binary file posing as a transcription and a short good one."""
    folder = tmp_path / "more"
    folder.mkdir()
    (folder / "broken.txt").write_bytes(b"\x00\x01\x02\xff" * 50)
    (folder / "short.txt").write_text("A Short Title\n\nOne paragraph, and that is all.\n")
    return folder


@pytest.mark.corpus
def test_encode_of_the_mia_texts(
    corpus: Path, bad_texts: Path, tmp_path: Path, address: str
) -> None:
    sources = [corpus / "text" / "mia", bad_texts]
    options = ["--date", "2026-01-01", "--publisher", "Test Press"]
    alone = run("encode", *sources, "--out-dir", tmp_path / "one", *options)
    spread = run("encode", *sources, "--out-dir", tmp_path / "dask", *options, "--dask", address)
    assert alone.exit_code == spread.exit_code == 2  # the broken file
    assert spread.stderr == alone.stderr
    assert "broken.txt:1:1: binary file" in spread.stderr
    assert spread.stderr.endswith(
        f"1 of {len(list((tmp_path / 'one').iterdir())) + 1} file(s) failed\n"
    )
    assert spread.stdout == alone.stdout
    same_tree(tmp_path / "one", tmp_path / "dask")
    assert len(list((tmp_path / "dask").iterdir())) > 40


@pytest.mark.corpus
def test_encode_to_stdout_streams_back_in_order(
    corpus: Path, bad_texts: Path, address: str
) -> None:
    texts = sorted((corpus / "text" / "mia").glob("*.txt"))[:6]
    sources = [*texts, bad_texts / "broken.txt", bad_texts / "short.txt"]
    alone = run("encode", *sources, "--date", "2026-01-01")
    spread = run("encode", *sources, "--date", "2026-01-01", "--dask", address)
    assert (spread.exit_code, spread.stdout, spread.stderr) == (
        alone.exit_code,
        alone.stdout,
        alone.stderr,
    )
    assert spread.stdout.count("<TEI ") == 7


@pytest.mark.corpus
@pytest.mark.parametrize("fmt", ["text", "json"])
def test_validate_of_the_tei_samples(corpus: Path, tmp_path: Path, address: str, fmt: str) -> None:
    broken = tmp_path / "broken.xml"
    broken.write_text('<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader>')
    paths = [corpus / "tei" / "samples", broken]
    schema = ["--schema", corpus / "tei" / "schemas" / "tei_all.rng", "--format", fmt]
    two = run("validate", *paths, *schema, "-j", "2")
    spread = run("validate", *paths, *schema, "--dask", address)
    assert two.exit_code == spread.exit_code == 1
    assert spread.stdout == two.stdout
    assert spread.stderr == two.stderr
    assert str(broken) in spread.stdout


@pytest.mark.corpus
def test_validate_with_a_local_cluster_of_its_own(corpus: Path) -> None:
    """``--dask local`` starts a cluster for the run (one worker per core) and stops it."""
    paths = [corpus / "tei" / "samples" / "dracor", corpus / "tei" / "samples" / "misc"]
    two = run("validate", *paths, "--schema", "teikit", "-j", "2")
    local = run("validate", *paths, "--schema", "teikit", "--dask", "local")
    assert (local.exit_code, local.stdout, local.stderr) == (two.exit_code, two.stdout, two.stderr)


@pytest.mark.corpus
def test_convert_of_the_tei_samples(corpus: Path, tmp_path: Path, address: str) -> None:
    broken = tmp_path / "in" / "zz-broken.xml"
    broken.parent.mkdir()
    broken.write_text('<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><p>never closed')
    sources = [corpus / "tei" / "samples", broken.parent]
    alone = run("convert", *sources, "--to", "html", "--out-dir", tmp_path / "one")
    spread = run(
        "convert", *sources, "--to", "html", "--out-dir", tmp_path / "dask", "--dask", address
    )
    assert alone.exit_code == spread.exit_code == 2
    assert (spread.stdout, spread.stderr) == (alone.stdout, alone.stderr)
    assert "zz-broken.xml:1:" in spread.stderr
    same_tree(tmp_path / "one", tmp_path / "dask")


@pytest.mark.corpus
def test_build_of_editions_from_the_mia_texts(
    corpus: Path, tmp_path: Path, address: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Editions without a manifest (one folder each); the encoding date comes from
    SOURCE_DATE_EPOCH, set here after the workers started, so it must travel with the work."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    texts = sorted((corpus / "text" / "mia").glob("*.txt"))[:12]
    for name in ("one", "dask"):
        for text in texts:
            folder = tmp_path / name / "editions" / text.stem
            folder.mkdir(parents=True)
            shutil.copyfile(text, folder / text.name)
        broken = tmp_path / name / "editions" / "broken" / "broken.txt"
        broken.parent.mkdir()
        broken.write_bytes(b"\x00\x01\x02\xff" * 50)
    monkeypatch.chdir(tmp_path / "one")
    alone = run("build", "editions")
    monkeypatch.chdir(tmp_path / "dask")
    spread = run("build", "editions", "--dask", address)
    assert alone.exit_code == spread.exit_code == 1  # the broken edition
    assert (spread.stdout, spread.stderr) == (alone.stdout, alone.stderr)
    assert "broken: INVALID" in spread.stdout and "file(s) written" in spread.stdout
    same_tree(tmp_path / "one", tmp_path / "dask")
    assert b"2023-11-14" in next((tmp_path / "dask" / "editions").glob("*/*.xml")).read_bytes()
    check = run("build", "editions", "--check", "--dask", address)
    assert check.stdout.endswith("editions are up to date\n")


@pytest.mark.corpus
def test_python_api_takes_a_client(corpus: Path, client: Client) -> None:
    samples = [str(corpus / "tei" / "samples")]
    assert validate_paths(samples, ["teikit"], client=client) == validate_paths(
        samples, ["teikit"], jobs=2
    )
    editions = ROOT / "editions"
    spread = build_editions(editions, check=True, client=client)
    alone = build_editions(editions, check=True)
    assert spread.results == alone.results and not spread.changed

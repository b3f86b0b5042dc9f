"""`teikit encode` on good and bad input: one clear line, exit 2, no output file left behind."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree

from teikit.cli import main

TEI = "{http://www.tei-c.org/ns/1.0}"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_version_and_help() -> None:
    code, out, _ = run("--version")
    assert code == 0 and out.startswith("teikit, version ")
    for command in ("encode", "validate", "convert", "build"):
        code, out, _ = run(command, "--help")
        assert code == 0, command
        assert "Usage:" in out


def test_encode_to_stdout_is_tei(seed_source: Path) -> None:
    code, out, _ = run("encode", str(seed_source), "--date", "2026-01-01", "-q")
    assert code == 0
    root = etree.fromstring(out.encode())
    assert root.tag == f"{TEI}TEI"


def test_encode_to_file_and_out_dir(seed_source: Path, tmp_path: Path) -> None:
    target = tmp_path / "one.xml"
    assert run("encode", str(seed_source), "-o", str(target), "-q")[0] == 0
    assert etree.parse(str(target)).getroot().tag == f"{TEI}TEI"
    assert run("encode", str(seed_source), "--out-dir", str(tmp_path / "out"), "-q")[0] == 0
    assert (tmp_path / "out" / f"{seed_source.stem}.xml").exists()


def test_same_date_same_bytes(seed_source: Path) -> None:
    first = run("encode", str(seed_source), "--date", "2026-01-01", "-q")[1]
    second = run("encode", str(seed_source), "--date", "2026-01-01", "-q")[1]
    assert first == second


BAD_INPUTS = {
    "empty": b"",
    "blank": b"   \n\n \n",
    "binary": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00",
}


@pytest.mark.parametrize("kind", sorted(BAD_INPUTS))
def test_bad_input_is_one_line_exit_2_and_no_output(kind: str, tmp_path: Path) -> None:
    source = tmp_path / f"{kind}.txt"
    source.write_bytes(BAD_INPUTS[kind])
    target = tmp_path / "out.xml"
    code, _, err = run("encode", str(source), "-o", str(target))
    assert code == 2
    assert err.count("\n") == 1 and str(source) in err
    assert "Traceback" not in err
    assert not target.exists()
    assert list(tmp_path.iterdir()) == [source]  # no temp file left behind either


def test_missing_file_and_directory(tmp_path: Path) -> None:
    for path in (tmp_path / "missing.txt", tmp_path):
        code, _, err = run("encode", str(path), "-o", str(tmp_path / "x.xml"))
        assert code == 2 and str(path) in err and err.count("\n") == 1
        assert not (tmp_path / "x.xml").exists()


def test_undecodable_with_forced_encoding_names_position(tmp_path: Path) -> None:
    source = tmp_path / "latin.txt"
    source.write_bytes("Title\n\nCaf\xe9 society\n".encode("latin-1"))
    code, _, err = run("encode", str(source), "--encoding", "utf-8")
    assert code == 2 and f"{source}:3" in err


def test_failed_encode_keeps_previous_output(tmp_path: Path, seed_source: Path) -> None:
    target = tmp_path / "edition.xml"
    assert run("encode", str(seed_source), "-o", str(target), "-q")[0] == 0
    before = target.read_bytes()
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x01\x02")
    assert run("encode", str(bad), "-o", str(target))[0] == 2
    assert target.read_bytes() == before


def test_latin1_is_detected_without_mojibake(tmp_path: Path) -> None:
    source = tmp_path / "play.txt"
    source.write_bytes("A Play\n\nS\xf6ren said: na\xefve caf\xe9.\n".encode("latin-1"))
    code, out, _ = run("encode", str(source), "-q")
    assert code == 0
    text = "".join(etree.fromstring(out.encode()).find(f"{TEI}text").itertext())
    assert "Sören said: naïve café." in text

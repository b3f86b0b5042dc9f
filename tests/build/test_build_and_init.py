"""`teikit init` then `teikit build`: a new repository builds valid editions, rebuilds change
nothing, `--check` catches drift, and init never overwrites."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner
from lxml import etree

from teikit.cli import main

ROOT = Path(__file__).resolve().parents[2]


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_init_build_check_cycle(tmp_path: Path) -> None:
    assert run("init", str(tmp_path), "--publisher", "Example Press")[0] == 0
    assert run("init", str(tmp_path))[0] == 2  # never overwrites
    editions = tmp_path / "editions"
    code, out, err = run("build", str(editions))
    assert code == 0, out + err
    tei = editions / "example" / "example.xml"
    root = etree.parse(str(tei)).getroot()
    assert (
        root.xpath("string(//*[local-name()='publicationStmt']/*[local-name()='publisher'])")
        == "Example Press"
    )
    assert (editions / "example" / "example.html").exists() and (editions / "index.html").exists()
    before = tei.stat().st_mtime_ns
    assert run("build", str(editions), "--check")[0] == 0
    assert (
        run("build", str(editions))[0] == 0 and tei.stat().st_mtime_ns == before
    )  # unchanged: not rewritten
    source = editions / "example" / "example.txt"
    source.write_text(source.read_text() + "\nA new paragraph.\n")
    code, _, err = run("build", str(editions), "--check")
    assert code == 1 and "example.xml" in err
    assert tei.stat().st_mtime_ns == before  # --check writes nothing


def test_committed_editions_have_not_drifted() -> None:
    code, out, err = run("build", str(ROOT / "editions"), "--check")
    assert code == 0, out + err


def test_python_dash_m() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "teikit", "--version"], capture_output=True, text=True
    )
    assert result.returncode == 0 and result.stdout.startswith("teikit, version")


def test_check_mode_still_validates(tmp_path: Path) -> None:
    assert run("init", str(tmp_path))[0] == 0
    editions = tmp_path / "editions"
    assert run("build", str(editions))[0] == 0
    tei = editions / "example" / "example.xml"
    tei.write_text(tei.read_text().replace("<body>", "<body><blort/>"))
    code, out, err = run("build", str(editions), "--check")
    assert code == 1 and "INVALID" in out and "blort" in err

"""Batch runs: one bad file among a thousand does not stop the others, the summary counts it, the
exit code reflects it; progress bars only on a terminal."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from teikit.cli import main
from teikit.cli.progress import wanted

TEI_OPEN = (
    '<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>t</title>'
    "</titleStmt><publicationStmt><p>p</p></publicationStmt><sourceDesc><p>s</p></sourceDesc>"
    "</fileDesc></teiHeader><text><body>"
)


def _folder(root: Path, count: int, bad: str) -> Path:
    """``count`` small valid TEI files with one broken file sorted into the middle."""
    root.mkdir()
    for i in range(count - 1):
        (root / f"f{i:04}.xml").write_text(f"{TEI_OPEN}<p>text {i}</p></body></text></TEI>")
    (root / bad).write_text(TEI_OPEN + "<p>never closed")
    return root


def test_validate_one_bad_file_among_a_thousand(tmp_path: Path) -> None:
    folder = _folder(tmp_path / "tei", 1000, "f0500-broken.xml")
    result = CliRunner().invoke(main, ["validate", str(folder), "-j", "2"])
    assert result.exit_code == 1
    assert result.output.strip().splitlines()[-1].startswith("1000 files checked: 1 invalid")
    assert "f0500-broken.xml:1:" in result.output


def test_convert_one_bad_file_among_a_thousand(tmp_path: Path) -> None:
    folder = _folder(tmp_path / "tei", 1000, "f0500-broken.xml")
    out = tmp_path / "html"
    result = CliRunner().invoke(
        main, ["convert", str(folder), "--to", "html", "--out-dir", str(out)]
    )
    assert result.exit_code == 2
    assert sorted(p.name for p in out.iterdir()) == [f"f{i:04}.html" for i in range(999)]
    assert "f0500-broken.xml:1:" in result.stderr
    assert "1 of 1000 file(s) failed" in result.stderr


def test_encode_one_bad_file_among_a_thousand(tmp_path: Path) -> None:
    texts = tmp_path / "texts"
    texts.mkdir()
    for i in range(999):
        (texts / f"t{i:04}.txt").write_text(f"Title {i}\n\nA paragraph of text {i}.\n")
    (texts / "t0500-binary.txt").write_bytes(b"\x00\x01\x02\xff" * 50)
    out = tmp_path / "tei"
    result = CliRunner().invoke(main, ["encode", str(texts), "--out-dir", str(out)])
    assert result.exit_code == 2
    assert sorted(p.name for p in out.iterdir()) == [f"t{i:04}.xml" for i in range(999)]
    assert "t0500-binary.txt" in result.stderr and "1 of 1000 file(s) failed" in result.stderr


def test_several_sources_need_an_out_dir(tmp_path: Path) -> None:
    folder = _folder(tmp_path / "tei", 3, "f0001-broken.xml")
    result = CliRunner().invoke(main, ["convert", str(folder), "--to", "text"])
    assert result.exit_code == 2 and "--out-dir" in result.stderr


@pytest.mark.parametrize(
    "env, expected",
    [
        ({"TEIKIT_PROGRESS": "1"}, True),
        ({"TEIKIT_PROGRESS": "0"}, False),
        ({"CI": "true"}, False),
        ({"GITHUB_ACTIONS": "true"}, False),
        ({}, False),  # pytest's stderr is not a terminal
    ],
)
def test_progress_bar_only_on_a_terminal(
    env: dict[str, str], expected: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("TEIKIT_PROGRESS", "CI", "GITHUB_ACTIONS", "GITLAB_CI", "JENKINS_URL"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    assert wanted(100) is expected
    assert wanted(1) is (expected and "TEIKIT_PROGRESS" in env)


def test_progress_label_reaches_stderr_only_when_wanted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = _folder(tmp_path / "tei", 3, "f0001-broken.xml")
    monkeypatch.setenv("TEIKIT_PROGRESS", "1")
    shown = CliRunner().invoke(main, ["validate", str(folder), "-j", "1"])
    monkeypatch.setenv("TEIKIT_PROGRESS", "0")
    quiet = CliRunner().invoke(main, ["validate", str(folder), "-j", "1"])
    assert "validating" in shown.stderr and "validating" not in quiet.stderr
    assert shown.stdout == quiet.stdout  # the report itself never carries the bar

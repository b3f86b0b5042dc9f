"""Project teikit.toml < SOURCE.meta.toml sidecar < command-line options."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner
from lxml import etree

from teikit.cli import main

NS = {"t": "http://www.tei-c.org/ns/1.0"}
SOURCE = (
    "A. Writer\n\nA Title\n\nSource: Works, Vol. 1\n\n"
    "The body of the text, a paragraph of some length.\n"
)


def encode(*args: str) -> etree._Element:
    result = CliRunner().invoke(main, ["encode", *args, "-q", "--date", "2026-01-01"])
    assert result.exit_code == 0, result.stderr
    return etree.fromstring(result.stdout.encode())


def first(root: etree._Element, path: str) -> str:
    found = root.xpath(path, namespaces=NS)
    return (
        str(found[0])
        if found and not isinstance(found[0], etree._Element)
        else ("".join(found[0].itertext()) if found else "")
    )


def test_precedence(tmp_path: Path) -> None:
    project = tmp_path / "project"
    (project / "texts").mkdir(parents=True)
    (project / "teikit.toml").write_text('publisher = "Project Press"\nlicence = "CC BY 4.0"\n')
    source = project / "texts" / "speech.txt"
    source.write_text(SOURCE)
    root = encode(str(source))
    assert first(root, "//t:publicationStmt/t:publisher") == "Project Press"
    assert (
        first(root, "//t:availability/t:licence[starts-with(., 'Licence of this encoding')]")
        == "Licence of this encoding: CC BY 4.0"
    )
    (project / "texts" / "speech.meta.toml").write_text(
        'publisher = "Sidecar Press"\neditor = "Ana Editor"\nid = "speech-1"\n'
    )
    root = encode(str(source))
    assert first(root, "//t:publicationStmt/t:publisher") == "Sidecar Press"
    assert first(root, "//t:titleStmt/t:respStmt[t:resp='TEI encoding']/t:persName") == "Ana Editor"
    assert first(root, "/t:TEI/@xml:id") == "speech-1"
    assert first(root, "//t:publicationStmt/t:idno") == "speech-1"
    root = encode(str(source), "--publisher", "Command Line Press", "--id", "cli-id")
    assert first(root, "//t:publicationStmt/t:publisher") == "Command Line Press"
    assert first(root, "/t:TEI/@xml:id") == "cli-id"


def test_bad_sidecar_is_one_line_exit_2(tmp_path: Path) -> None:
    source = tmp_path / "s.txt"
    source.write_text(SOURCE)
    (tmp_path / "s.meta.toml").write_text('colour = "blue"\n')
    result = CliRunner().invoke(main, ["encode", str(source)])
    assert result.exit_code == 2 and "s.meta.toml" in result.stderr and "colour" in result.stderr


def test_the_header_names_what_the_source_was(tmp_path: Path) -> None:
    """revisionDesc says plain text or Markdown, as the source was."""
    from teikit import __version__

    ns = {"t": "http://www.tei-c.org/ns/1.0"}
    changes = {}
    for name, content in (
        ("notes.txt", "Notes\n\nA paragraph.\n"),
        ("notes.md", "# Notes\n\nA paragraph.\n"),
    ):
        source = tmp_path / name
        source.write_text(content, encoding="utf-8")
        out = tmp_path / f"{name}.xml"
        result = CliRunner().invoke(
            main, ["encode", str(source), "-o", str(out), "--date", "2026-01-01"]
        )
        assert result.exit_code == 0, result.output
        root = etree.fromstring(out.read_bytes())
        changes[name] = root.xpath("string(//t:revisionDesc/t:change)", namespaces=ns)
    assert changes == {
        "notes.txt": f"Encoded from plain text by teikit {__version__}.",
        "notes.md": f"Encoded from Markdown by teikit {__version__}.",
    }

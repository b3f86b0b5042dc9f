"""Word and Markdown → TEI (``teikit encode notes.docx`` / ``notes.md``) through the model: real
.docx files — written by teikit's docx writer from every corpus TEI file, and by pandoc from the
TEI Stylesheets' Markdown fixtures — and the Markdown fixtures themselves give TEI valid against
tei_all and teikit's profile, keeping their text; styles map to the model; hostile packages
are refused with one line."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree

from teikit.cli import main
from teikit.convert import convert
from teikit.encode import EncodeOptions, encode
from teikit.errors import InputError
from teikit.read import read_document
from teikit.validate import Options, validate_file

NS = {"t": "http://www.tei-c.org/ns/1.0"}
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MARKDOWN_FIXTURES = (
    "01_test/expected.md",
    "05_generalP5/expected.md",
    "10_mdtest1_markdown_to_tei/input.md",
)
PLAY = b"""<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt>
<title>A Play</title><author>A. Author</author></titleStmt><publicationStmt><p>x</p>
</publicationStmt><sourceDesc><p>y</p></sourceDesc></fileDesc></teiHeader><text><body>
<div type="act"><head>ACT I</head><stage>Enter ANNA.</stage><sp><speaker>ANNA.</speaker>
<p>Hello <note>A <hi rend="italic">note</hi>.</note>there.</p></sp><sp><speaker>BORIS</speaker>
<lg><l>one line</l><l>two line</l></lg></sp><sp><speaker>ANNA.</speaker><p>Again.</p></sp>
<list type="ordered"><item>first</item><item>second<list><item>inner</item></list></item></list>
<quote><p>Quoted words.</p></quote></div></body></text></TEI>"""


def squash(text: str) -> str:
    return re.sub(r"[\W_]+", "", text).lower()


def encoded(path: Path) -> bytes:
    return encode(read_document(path), EncodeOptions(when="2024-01-01"))


def errors(tei: bytes, where: Path, tei_all: Path) -> list[str]:
    where.write_bytes(tei)
    result = validate_file(where, Options((str(tei_all), "teikit")))
    return [str(d) for d in result.diagnostics if d.is_error]


def body_text(tei: bytes) -> str:
    root = etree.fromstring(tei)
    # a note's marker is text in TEI (<ref>5</ref>), a number Word draws in the .docx
    return " ".join(
        root.xpath("//t:text//text()[not(parent::t:ref[@type='noteAnchor'])]", namespaces=NS)
    )


def docx_paragraph_texts(data: bytes) -> list[str]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        document = etree.fromstring(archive.read("word/document.xml"))
    return ["".join(p.itertext()) for p in document.iter(f"{{{W_NS}}}p")]


def test_styles_map_to_the_model(tmp_path: Path) -> None:
    source = tmp_path / "play.docx"
    source.write_bytes(convert(PLAY, "docx").output)
    document = read_document(source)
    assert [m for m in document.metadata.front] and document.metadata.front[0].text == "A Play"
    root = etree.fromstring(encode(document, EncodeOptions(when="2024-01-01")))

    def xp(path: str) -> list[str]:
        return [" ".join(str(x).split()) for x in root.xpath(path, namespaces=NS)]

    assert xp("//t:titleStmt/t:title[@type='main']/text()") == ["A Play"]
    assert xp("//t:titleStmt/t:author/text()") == ["A. Author"]
    assert xp("//t:body/t:div/t:head/text()") == ["ACT I"]
    assert xp("//t:div/t:stage/text()") == ["Enter ANNA."]
    assert xp("//t:sp/t:speaker/text()") == ["ANNA.", "BORIS", "ANNA."]
    who = xp("//t:sp/@who")
    assert who[0] == who[2] != who[1]
    assert xp("//t:person/@xml:id") == ["anna", "boris"] and who == ["#anna", "#boris", "#anna"]
    assert xp("//t:sp[2]/t:lg/t:l/text()") == ["one line", "two line"]
    assert xp("//t:list[@type='ordered']/t:item/t:list/t:item/text()") == ["inner"]
    assert xp("//t:quote/t:p/text()") == ["Quoted words."]
    (note,) = root.xpath("//t:back//t:note", namespaces=NS)
    assert " ".join("".join(note.itertext()).split()) == "A note."
    assert xp("//t:note//t:emph/@rend") == ["italic"]
    assert xp("//t:sp[1]/t:p/t:ref/@target") == [
        "#" + note.get("{http://www.w3.org/XML/1998/namespace}id")
    ]


@pytest.mark.corpus
def test_docx_written_from_every_sample_gives_valid_tei_with_its_text(
    corpus: Path, tei_all: Path, tmp_path: Path
) -> None:
    problems = []
    sources = sorted((corpus / "tei" / "samples").glob("*/*.xml")) + sorted(
        (corpus / "tei" / "stylesheets-tests").glob("*/input.xml")
    )
    for index, sample in enumerate(sources):
        docx = tmp_path / f"{index:02d}-{sample.stem}.docx"
        data = convert(sample, "docx").output
        assert isinstance(data, bytes)
        docx.write_bytes(data)
        tei = encoded(docx)
        found = errors(tei, tmp_path / f"{index:02d}.xml", tei_all)
        if found:
            problems.append(f"{sample.name}: {len(found)} errors, first {found[0]}")
        haystack = squash(body_text(tei))
        lost = [
            t for t in (squash(p) for p in docx_paragraph_texts(data)) if t and t not in haystack
        ]
        if lost:
            problems.append(f"{sample.name}: {len(lost)} paragraphs lost, e.g. {lost[0][:60]}")
    assert not problems, "\n".join(problems)


@pytest.fixture(scope="session")
def pandoc() -> str:
    exe = shutil.which("pandoc")
    if exe is None:
        pytest.skip("pandoc is not installed (Debian package pandoc; .ci/run installs it)")
    return exe


@pytest.mark.corpus
@pytest.mark.parametrize("fixture", MARKDOWN_FIXTURES)
def test_docx_written_by_pandoc_gives_valid_tei(
    fixture: str, pandoc: str, corpus: Path, tei_all: Path, tmp_path: Path
) -> None:
    markdown = corpus / "tei" / "stylesheets-tests" / fixture
    docx = tmp_path / "notes.docx"
    # cwd is an empty folder: pictures the Markdown names are not found (pandoc keeps their
    # description) and nothing is fetched.
    subprocess.run(
        [pandoc, "-f", "markdown", "-t", "docx", str(markdown), "-o", str(docx)],
        cwd=tmp_path,
        check=True,
        capture_output=True,
    )
    tei = encoded(docx)
    assert errors(tei, tmp_path / "notes.xml", tei_all) == []
    root = etree.fromstring(tei)
    # pandoc's Markdown headings are Word headings, and those are TEI divisions with their heads
    heads = pandoc_heads(pandoc, markdown, tmp_path)
    assert [
        " ".join("".join(h.itertext()).split())
        for h in root.xpath("//t:body//t:head", namespaces=NS)
    ] == heads
    words = squash(body_text(tei))
    plain = subprocess.run(
        [pandoc, "-f", "markdown", "-t", "plain", str(markdown)],
        cwd=tmp_path,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    paragraphs = [squash(p) for p in plain.split("\n\n") if squash(p)]
    kept = sum(p in words for p in paragraphs)
    assert kept / len(paragraphs) >= 0.9, f"{kept} of {len(paragraphs)} paragraphs kept"


def pandoc_heads(pandoc: str, markdown: Path, where: Path) -> list[str]:
    html = subprocess.run(
        [pandoc, "-f", "markdown", "-t", "html", str(markdown)],
        cwd=where,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    page = etree.fromstring(f"<div>{html}</div>".encode(), etree.HTMLParser())
    return [
        " ".join("".join(h.itertext()).split()) for h in page.xpath("//h1|//h2|//h3|//h4|//h5|//h6")
    ]


@pytest.mark.corpus
@pytest.mark.parametrize("fixture", MARKDOWN_FIXTURES)
def test_markdown_gives_valid_tei(
    fixture: str, corpus: Path, tei_all: Path, tmp_path: Path
) -> None:
    source = corpus / "tei" / "stylesheets-tests" / fixture
    tei = encoded(source)
    assert errors(tei, tmp_path / "notes.xml", tei_all) == []


@pytest.mark.corpus
def test_markdown_fixture_matches_the_stylesheets_structure(corpus: Path) -> None:
    """mdtest1 against the TEI Stylesheets' own markdowntotei output: the same heads in the same
    nesting, the same list items, the quotation, every word of their body text in order."""
    case = corpus / "tei" / "stylesheets-tests" / "10_mdtest1_markdown_to_tei"
    ours = etree.fromstring(encoded(case / "input.md"))
    theirs = etree.parse(str(case / "expected.xml")).getroot()

    def shape(root: etree._Element, path: str) -> list[str]:
        return [" ".join("".join(n.itertext()).split()) for n in root.xpath(path, namespaces=NS)]

    for path in ("//t:body/t:div/t:head", "//t:div/t:div/t:head", "//t:list/t:item"):
        assert shape(ours, path) == shape(theirs, path), path
    assert squash(" ".join(shape(theirs, "//t:q"))) == squash(" ".join(shape(ours, "//t:quote")))
    assert squash(" ".join(theirs.xpath("//t:body//text()", namespaces=NS))) == squash(
        " ".join(ours.xpath("//t:body//text()", namespaces=NS))
    )


def zip_with(tmp_path: Path, name: str, parts: dict[str, bytes]) -> Path:
    path = tmp_path / name
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for part, data in parts.items():
            archive.writestr(part, data)
    return path


def test_hostile_packages_are_refused_with_one_line(tmp_path: Path) -> None:
    good = convert(PLAY, "docx").output
    with zipfile.ZipFile(io.BytesIO(good)) as archive:
        parts = {info.filename: archive.read(info) for info in archive.infolist()}
    bomb = zip_with(tmp_path, "bomb.docx", {**parts, "word/document.xml": b" " * 50_000_000})
    entities = (
        parts["word/document.xml"]
        .replace(
            b"<w:document",
            b'<!DOCTYPE w:document [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;">]><w:document',
            1,
        )
        .replace(b"ANNA.</w:t>", b"&b;</w:t>", 1)
    )
    entity = zip_with(tmp_path, "entity.docx", {**parts, "word/document.xml": entities})
    external = zip_with(
        tmp_path,
        "external.docx",
        {
            **parts,
            "word/document.xml": parts["word/document.xml"]
            .replace(
                b"<w:document",
                b'<!DOCTYPE w:document [<!ENTITY x SYSTEM "file:///etc/passwd">]><w:document',
                1,
            )
            .replace(b"ANNA.</w:t>", b"&x;</w:t>", 1),
        },
    )
    notzip = tmp_path / "text.docx"
    notzip.write_text("not a zip")
    noword = zip_with(tmp_path, "noword.docx", {"a.txt": b"x"})
    broken = zip_with(tmp_path, "broken.docx", {**parts, "word/document.xml": b"<w:document"})
    for path, words in [
        (bomb, "zip bomb"),
        (entity, "entity"),
        (external, "entity"),
        (notzip, "not a zip package"),
        (noword, "no word/document.xml"),
        (broken, "not well-formed"),
    ]:
        with pytest.raises(InputError, match=words):
            read_document(path)
        out = tmp_path / "out.xml"
        result = CliRunner().invoke(main, ["encode", str(path), "-o", str(out)])
        assert result.exit_code == 2, (path, result.output)
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and str(path) in lines[0], lines
        assert not out.exists()


def test_cli_encodes_docx_and_markdown(tmp_path: Path) -> None:
    docx = tmp_path / "play.docx"
    docx.write_bytes(convert(PLAY, "docx").output)
    markdown = tmp_path / "notes.md"
    markdown.write_text("# Notes\n\nSome *words*.[^1]\n\n- a\n- b\n\n[^1]: A note.\n")
    for source in (docx, markdown):
        out = tmp_path / f"{source.stem}.xml"
        result = CliRunner().invoke(
            main, ["encode", str(source), "-o", str(out), "--date", "2024-01-01"]
        )
        assert result.exit_code == 0, result.output
        assert etree.parse(str(out)).getroot().tag == "{http://www.tei-c.org/ns/1.0}TEI"
    root = etree.parse(str(tmp_path / "notes.xml")).getroot()
    assert root.xpath("string(//t:titleStmt/t:title)", namespaces=NS) == "Notes"
    assert root.xpath("//t:body//t:item/text()", namespaces=NS) == ["a", "b"]
    assert root.xpath("string(//t:back//t:note)", namespaces=NS).strip() == "A note."

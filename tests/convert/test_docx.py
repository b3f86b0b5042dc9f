"""--to docx: every corpus sample opens in python-docx with the text of every p, l, head and
speaker, in real styles; notes are Word footnotes; the writer's own constructs on a small case."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from lxml import etree

from teikit.convert import convert

docx = pytest.importorskip("docx", reason="python-docx is in the [test] extra")
W = {"w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main"}
SMALL = b"""<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt>
<title>A Play</title><author>A. Author</author></titleStmt><publicationStmt><p>x</p>
</publicationStmt><sourceDesc><p>y</p></sourceDesc></fileDesc></teiHeader><text><body>
<div type="act"><head>ACT I</head><div type="scene"><head>Scene 1</head>
<stage>Enter ANNA.</stage><sp who="#a"><speaker>ANNA.</speaker><p>Hello <note n="1">A
<hi rend="bold">note</hi>.</note>there, <hi rend="italic">friend</hi>.</p></sp>
<sp who="#b"><speaker>BORIS</speaker><lg><l>one line</l><l>two line</l></lg></sp>
<list type="ordered"><item>first</item><item>second<list><item>inner</item></list></item></list>
<list><label>(a)</label><item>labelled</item></list>
<quote><p>Quoted words.</p></quote><p>See <ref target="https://example.org/x?a=1&amp;b=2">the
site</ref> and <ref target="#nowhere">there</ref>.</p>
<table><row><cell>a</cell><cell>b</cell></row><row><cell>c</cell></row></table>
</div></div></body></text></TEI>"""


def body_texts(document: object) -> list[tuple[str, str]]:
    """(style name, text) of every paragraph of the body, tables' cells included, in order."""
    out: list[tuple[str, str]] = []
    for item in document.iter_inner_content():  # type: ignore[attr-defined]
        if hasattr(item, "rows"):
            for row in item.rows:
                for cell in row.cells:
                    out.extend((p.style.name, p.text) for p in cell.paragraphs)
        else:
            out.append((item.style.name, item.text))
    return out


def footnotes(data: bytes) -> etree._Element:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return etree.fromstring(archive.read("word/footnotes.xml"))


def test_small_play_has_real_styles_and_footnotes() -> None:
    result = convert(SMALL, "docx")
    document = docx.Document(io.BytesIO(result.output))
    paragraphs = body_texts(document)
    assert paragraphs[:4] == [
        ("Title", "A Play"),
        ("Author", "A. Author"),
        ("Heading 1", "ACT I"),
        ("Heading 2", "Scene 1"),
    ]
    assert ("Stage Direction", "Enter ANNA.") in paragraphs
    speech = next(p for p in document.paragraphs if p.text.startswith("ANNA."))
    assert speech.runs[0].style.name == "Speaker" and speech.runs[0].text == "ANNA."
    assert speech.text == "ANNA. Hello there, friend."
    assert any(r.italic and r.text == "friend" for r in speech.runs)
    assert [t for s, t in paragraphs if s == "Verse"] == ["one line", "two line"]
    boris = next(p for p in document.paragraphs if p.text == "BORIS")
    assert boris.runs[0].style.name == "Speaker"
    assert ("Quote", "Quoted words.") in paragraphs
    assert ("List Paragraph", "(a)\tlabelled") in paragraphs
    numbered = [p for p in document.paragraphs if p.text in ("first", "second", "inner")]
    levels = [p._p.xpath("string(w:pPr/w:numPr/w:ilvl/@w:val)") for p in numbered]
    assert levels == ["0", "0", "1"]
    assert [t for _, t in paragraphs][-5:] == ["a", "b", "c", "", ""]  # a padded cell, a spacer
    # the note is a Word footnote, cited where it stood, its bold kept
    notes = footnotes(result.output)
    (note,) = notes.xpath("w:footnote[@w:id > 0]", namespaces=W)
    assert " ".join("".join(note.itertext()).split()) == "A note."
    assert note.xpath("boolean(.//w:r[w:rPr/w:b][w:t='note'])", namespaces=W)
    assert speech._p.xpath("count(.//w:footnoteReference)") == 1
    # an absolute URL is a link, a pointer to nothing keeps its words
    see = next(p for p in document.paragraphs if p.text.startswith("See"))
    assert see.text == "See the site and there."
    links = [r for r in document.part.rels.values() if r.reltype.endswith("/hyperlink")]
    assert [r.target_ref for r in links] == ["https://example.org/x?a=1&b=2"]
    assert convert(SMALL, "docx").output == result.output  # deterministic


def test_figure_picture_is_a_warning_with_its_line() -> None:
    tei = SMALL.replace(
        b"<quote>", b'<figure><graphic url="x.png"/><figDesc>A map</figDesc>\n</figure><quote>'
    )
    result = convert(tei, "docx")
    assert [(d.code, d.line) for d in result.diagnostics] == [("convert-not-shown", 10)]
    assert ("Caption", "A map") in body_texts(docx.Document(io.BytesIO(result.output)))


@pytest.mark.corpus
def test_every_sample_opens_with_the_text_of_every_block(
    tei_samples: list[Path],
    wanted_texts: Callable[[Path], list[str]],
    squashed: Callable[[str], str],
) -> None:
    problems = []
    for path in tei_samples:
        result = convert(path, "docx")
        document = docx.Document(io.BytesIO(result.output))
        notes = "".join(footnotes(result.output).itertext())  # a note's verse lines are wanted
        haystack = squashed(" ".join(text for _, text in body_texts(document)) + notes)
        wanted = wanted_texts(path)
        lost = [w for w in wanted if w not in haystack]
        if lost:
            problems.append(f"{path.name}: {len(lost)} of {len(wanted)} lost, e.g. {lost[0][:60]}")
        # every note cited in running text is a footnote, cited once
        cited = len(document.element.xpath(".//w:footnoteReference"))
        written = len(footnotes(result.output).xpath("w:footnote[@w:id > 0]", namespaces=W))
        if cited != written:
            problems.append(f"{path.name}: {cited} footnote references, {written} footnotes")
    assert not problems, "\n".join(problems)

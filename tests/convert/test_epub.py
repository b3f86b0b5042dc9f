"""--to epub: every corpus sample is an EPUB 3 that epubcheck passes (Debian package epubcheck;
.ci/run installs it) with the text of every p, l, head and speaker; package metadata, navigation,
footnotes, cross-file links and figures on small cases."""

from __future__ import annotations

import io
import shutil
import struct
import subprocess
import zipfile
import zlib
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from lxml import etree

from teikit.convert import convert

EPUBCHECK_JAR = Path("/usr/share/java/epubcheck.jar")
XHTML = {"h": "http://www.w3.org/1999/xhtml", "epub": "http://www.idpf.org/2007/ops"}
OPF = {"o": "http://www.idpf.org/2007/opf", "dc": "http://purl.org/dc/elements/1.1/"}
SMALL = b"""<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:lang="de"><teiHeader><fileDesc>
<titleStmt><title>Ein Buch</title><author>A. Autor</author></titleStmt><publicationStmt>
<publisher>P</publisher><idno>https://example.org/id/1</idno><availability><licence>CC BY 4.0
</licence></availability></publicationStmt><sourceDesc><p>y</p></sourceDesc></fileDesc>
</teiHeader><text><front><titlePage><docTitle><titlePart>Ein Buch</titlePart></docTitle>
</titlePage></front><body><div><head>Eins</head><p>Erster <note>Die Note.</note> Satz,
siehe <ref target="#zwei">dort</ref> und <ref target="other.xml">da</ref>.</p>
<figure><graphic url="bild.png"/><figDesc>Ein Bild</figDesc></figure></div>
<div xml:id="zwei"><head>Zwei</head><div><head>Zwei A</head><p>Text.</p></div></div>
</body></text></TEI>"""


def epubcheck() -> list[str]:
    java = shutil.which("java")
    if java is None or not EPUBCHECK_JAR.exists():
        pytest.skip("epubcheck is not installed (Debian package epubcheck; .ci/run installs it)")
    # The C1 compiler alone halves the JVM's start-up, most of a small book's check.
    return [java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar", str(EPUBCHECK_JAR)]


def check(command: list[str], book: Path) -> str:
    """epubcheck's errors and warnings for one book ('' when it passes)."""
    result = subprocess.run([*command, str(book)], capture_output=True, text=True, timeout=300)
    messages = [
        line
        for line in (result.stdout + result.stderr).splitlines()
        if line.startswith(("ERROR", "FATAL", "WARNING"))
    ]
    if result.returncode != 0 and not messages:
        messages = [result.stdout[-500:] + result.stderr[-500:]]
    return "\n".join(messages)


# Note markers and the target an empty <ptr> shows are not the source's words.
BODY_TEXT = (
    "//h:body//text()[not(ancestor::h:a[@epub:type='noteref'])][not(parent::h:span[@class='ptr'])]"
)


def one_pixel_png() -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)  # 1x1, 8-bit RGB
    pixels = zlib.compress(b"\x00\xff\xff\xff")
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )


def spine_pages(data: bytes) -> list[etree._Element]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        opf = etree.fromstring(archive.read("OEBPS/content.opf"))
        hrefs = {i.get("id"): i.get("href") for i in opf.xpath("//o:item", namespaces=OPF)}
        return [
            etree.fromstring(archive.read("OEBPS/" + hrefs[ref]))
            for ref in opf.xpath("//o:itemref/@idref", namespaces=OPF)
        ]


def test_small_book_metadata_navigation_notes_links_and_figures(tmp_path: Path) -> None:
    (tmp_path / "bild.png").write_bytes(one_pixel_png())
    source = tmp_path / "buch.xml"
    source.write_bytes(SMALL)
    result = convert(source, "epub")
    data = result.output
    assert isinstance(data, bytes)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        first = archive.infolist()[0]
        assert (first.filename, first.compress_type) == ("mimetype", zipfile.ZIP_STORED)
        opf = etree.fromstring(archive.read("OEBPS/content.opf"))
        nav = etree.fromstring(archive.read("OEBPS/nav.xhtml"))
        assert archive.read("OEBPS/images/figure-1.png").startswith(b"\x89PNG")

    def dc(name: str) -> list[str]:
        return [" ".join(t.split()) for t in opf.xpath(f"//dc:{name}/text()", namespaces=OPF)]

    assert dc("title") == ["Ein Buch"] and dc("creator") == ["A. Autor"]
    assert dc("language") == ["de"] and dc("identifier") == ["https://example.org/id/1"]
    assert dc("rights") == ["CC BY 4.0"] and dc("publisher") == ["P"]
    labels = [" ".join(a.text.split()) for a in nav.xpath("//h:nav//h:a", namespaces=XHTML)]
    assert labels == ["Title page", "Title page", "Eins", "Zwei", "Zwei A"]
    pages = spine_pages(data)
    eins = next(p for p in pages if p.xpath("//h:h2[.='Eins']", namespaces=XHTML))
    (ref,) = eins.xpath("//h:a[@epub:type='noteref']", namespaces=XHTML)
    (aside,) = eins.xpath("//h:aside[@epub:type='footnote']", namespaces=XHTML)
    assert ref.get("href") == "#" + aside.get("id") and "Die Note." in "".join(aside.itertext())
    # "#zwei" lives in another file; "other.xml" is nowhere in the book: its words stay
    links = {
        a.text: a.get("href")
        for a in eins.xpath("//h:section//h:p//h:a[not(@epub:type)]", namespaces=XHTML)
    }
    assert links == {"dort": "part-003.xhtml#zwei"}
    assert "da." in "".join(eins.itertext())
    assert eins.xpath("//h:img/@src", namespaces=XHTML) == ["images/figure-1.png"]
    assert result.diagnostics == []
    assert convert(source, "epub").output == data  # deterministic
    # Without the picture: a warning, and the description is still there.
    (tmp_path / "bild.png").unlink()
    again = convert(source, "epub")
    assert [d.code for d in again.diagnostics] == ["convert-figure-missing"]
    assert any("Ein Bild" in "".join(p.itertext()) for p in spine_pages(again.output))
    command = epubcheck()
    book = tmp_path / "buch.epub"
    book.write_bytes(data)
    assert check(command, book) == ""
    # The checker can fail: a link into nothing is refused.
    broken = tmp_path / "broken.epub"
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(broken, "w") as dst:
        for info in src.infolist():
            content = src.read(info)
            if info.filename.endswith("part-002.xhtml"):
                content = content.replace(b"part-003.xhtml#zwei", b"part-003.xhtml#nirgends")
            dst.writestr(info, content)
    assert "ERROR" in check(command, broken)


@pytest.mark.corpus
@pytest.mark.slow
def test_every_sample_passes_epubcheck_with_the_text_of_every_block(
    tei_samples: list[Path],
    wanted_texts: Callable[[Path], list[str]],
    squashed: Callable[[str], str],
    tmp_path: Path,
) -> None:
    problems = []
    books = []
    for index, path in enumerate(tei_samples):
        data = convert(path, "epub").output
        assert isinstance(data, bytes)
        book = tmp_path / f"{index:02d}-{path.stem}.epub"
        book.write_bytes(data)
        books.append((path, book))
        text = " ".join(
            " ".join(page.xpath(BODY_TEXT, namespaces=XHTML)) for page in spine_pages(data)
        )
        haystack = squashed(text)
        lost = [w for w in wanted_texts(path) if w not in haystack]
        if lost:
            problems.append(f"{path.name}: {len(lost)} lost, e.g. {lost[0][:60]}")
    assert not problems, "\n".join(problems)
    command = epubcheck()
    with ThreadPoolExecutor(2) as pool:  # the machine has two cores
        verdicts = list(pool.map(lambda item: (item[0], check(command, item[1])), books))
    failures = [f"{path}:\n{messages}" for path, messages in verdicts if messages]
    assert not failures, "\n".join(failures)

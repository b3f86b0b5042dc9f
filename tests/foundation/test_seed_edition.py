"""The seed edition shows what issue 2 asks for, checked from outside with XPath and jing."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from lxml import etree

from teikit.encode import EncodeOptions, encode
from teikit.parse import parse_file

NS = {"t": "http://www.tei-c.org/ns/1.0"}


@pytest.fixture(scope="module")
def seed_xml(seed_source: Path) -> bytes:
    return encode(parse_file(seed_source), EncodeOptions(when="2026-11-25"))


@pytest.fixture(scope="module")
def root(seed_xml: bytes) -> etree._Element:
    return etree.fromstring(seed_xml)


def one(root: etree._Element, path: str) -> etree._Element:
    found = root.xpath(path, namespaces=NS)
    assert len(found) >= 1, f"nothing at {path}"
    return found[0]


def text_of(node: etree._Element) -> str:
    return " ".join("".join(node.itertext()).split())


def test_title_statement(root: etree._Element) -> None:
    stmt = "/t:TEI/t:teiHeader/t:fileDesc/t:titleStmt"
    assert text_of(one(root, f"{stmt}/t:title[@type='main']")) == "The Discussion"
    assert (
        text_of(one(root, f"{stmt}/t:title[@type='sub']")) == "Interview With a Rosta Correspondent"
    )
    assert text_of(one(root, f"{stmt}/t:author")) == "J. V. Stalin"
    resp = root.xpath(
        f"{stmt}/t:respStmt[t:persName='Brian Reid' or t:name='Brian Reid']", namespaces=NS
    )
    assert resp and "transcription" in text_of(resp[0].find("t:resp", NS)).lower()


def test_printed_source_and_first_publication(root: etree._Element) -> None:
    desc = "/t:TEI/t:teiHeader/t:fileDesc/t:sourceDesc"
    bibls = root.xpath(f"{desc}//t:bibl", namespaces=NS)
    printed = [b for b in bibls if b.xpath(".//t:biblScope[@unit='volume']", namespaces=NS)]
    assert printed, "no bibl with a volume"
    p = printed[0]
    assert text_of(one(p, ".//t:title")) == "Works"
    assert one(p, ".//t:biblScope[@unit='volume']").get("n") == "6"
    page = one(p, ".//t:biblScope[@unit='page']")
    assert (page.get("from"), page.get("to")) == ("1", "2")
    assert text_of(one(p, ".//t:publisher")) == "Foreign Languages Publishing House"
    assert text_of(one(p, ".//t:pubPlace")) == "Moscow"
    assert p.xpath(".//t:date[@when='1954']", namespaces=NS)
    first = [
        b for b in bibls if b.xpath(".//t:title[normalize-space()='Zarya Vostoka']", namespaces=NS)
    ]
    assert first and first[0] is not p
    assert first[0].xpath(".//t:date[@when='1924-01-10']", namespaces=NS)
    assert first[0].xpath(".//*[@n='473' or normalize-space()='No. 473']", namespaces=NS)


def test_profile_encoding_and_revision(root: etree._Element) -> None:
    header = "/t:TEI/t:teiHeader"
    assert one(root, f"{header}/t:profileDesc/t:creation//t:date").get("when") == "1924-01-09"
    licence = text_of(one(root, f"{header}/t:fileDesc/t:publicationStmt/t:availability"))
    assert "Public Domain" in licence and "Marxists Internet Archive" in licence
    app = one(root, f"{header}/t:encodingDesc/t:appInfo/t:application[@ident='teikit']")
    assert re.fullmatch(r"\d+\.\d+\.\d+.*", app.get("version", ""))
    assert root.xpath(f"{header}/t:revisionDesc/t:change[@when]", namespaces=NS)


def test_body_paragraphs_items_and_speaker(root: etree._Element, seed_source: Path) -> None:
    source = seed_source.read_text(encoding="utf-8")
    body = one(root, "/t:TEI/t:text/t:body")
    body_paragraphs = [
        line for line in source.split("\n")[14:] if line.strip() and not re.match(r"^\d\)", line)
    ]
    tei_paragraphs = body.xpath(".//t:p", namespaces=NS)
    assert len(tei_paragraphs) == len(body_paragraphs)
    items = body.xpath(".//t:list/t:item", namespaces=NS)
    assert len(items) == 2
    assert [text_of(label) for label in body.xpath(".//t:list/t:label", namespaces=NS)] == [
        "1)",
        "2)",
    ]
    ids = set(root.xpath("//@xml:id", namespaces=NS))
    whos = root.xpath("//t:text//@who", namespaces=NS)
    assert whos, "no speaker marked in the body"
    for who in whos:
        for pointer in who.split():
            assert pointer.startswith("#") and pointer[1:] in ids
    persons = root.xpath("//t:particDesc//t:person", namespaces=NS)
    speaking = {w[1:] for who in whos for w in who.split()}
    stalin = [p for p in persons if p.get("{http://www.w3.org/XML/1998/namespace}id") in speaking]
    assert stalin and "Stalin" in text_of(stalin[0])


def test_valid_against_tei_all(seed_xml: bytes, tei_all: Path, jing: str, tmp_path: Path) -> None:
    target = tmp_path / "seed.xml"
    target.write_bytes(seed_xml)
    result = subprocess.run([jing, str(tei_all), str(target)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout

"""``encode/persons.py``: particDesc from persons, checked as trees and against tei_all."""

from __future__ import annotations

import subprocess
from pathlib import Path

from lxml import etree

from teikit.encode.persons import write_partic_desc
from teikit.encode.tei import NSMAP, tei
from teikit.model import Person

NS = {"t": "http://www.tei-c.org/ns/1.0"}
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"

PERSONS = (
    Person(
        "j-v-stalin",
        "J. V. Stalin",
        ("Comrade Stalin", "STALIN"),
        role="interviewee",
        is_author=True,
    ),
    Person("rosta-correspondent", "Rosta correspondent", role="interviewer"),
    Person("all", "ALL", group=True, role="character"),
    Person("lane", "Lane", ("Lane",), role="character", description="Manservant"),
)


def _profile() -> etree._Element:
    profile = etree.Element(tei("profileDesc"), nsmap=NSMAP)
    write_partic_desc(profile, PERSONS)
    return profile


def test_persons_groups_variants_and_author_role() -> None:
    profile = _profile()
    people = profile.xpath("t:particDesc/t:listPerson/*", namespaces=NS)
    assert [etree.QName(p).localname for p in people] == ["person", "person", "personGrp", "person"]
    assert [p.get(XML_ID) for p in people] == ["j-v-stalin", "rosta-correspondent", "all", "lane"]
    stalin = people[0]
    assert stalin.get("role") == "interviewee author"
    assert [(n.text, n.get("type")) for n in stalin.xpath("t:persName", namespaces=NS)] == [
        ("J. V. Stalin", None),
        ("Comrade Stalin", "variant"),
        ("STALIN", "variant"),
    ]
    assert [n.text for n in people[2].xpath("t:name", namespaces=NS)] == ["ALL"]
    lane = people[3]
    assert [n.text for n in lane.xpath("t:persName", namespaces=NS)] == ["Lane"]
    assert lane.xpath("string(t:note)", namespaces=NS) == "Manservant"


def test_no_persons_no_partic_desc() -> None:
    profile = etree.Element(tei("profileDesc"), nsmap=NSMAP)
    write_partic_desc(profile, ())
    assert len(profile) == 0


def test_partic_desc_is_valid_tei(tei_all: Path, jing: str, tmp_path: Path) -> None:
    root = etree.Element(tei("TEI"), nsmap=NSMAP)
    header = etree.SubElement(root, tei("teiHeader"))
    file_desc = etree.SubElement(header, tei("fileDesc"))
    for tag in ("titleStmt", "publicationStmt", "sourceDesc"):
        node = etree.SubElement(file_desc, tei(tag))
        child = etree.SubElement(node, tei("title" if tag == "titleStmt" else "p"))
        child.text = "x"
    header.append(_profile())
    text = etree.SubElement(root, tei("text"))
    body = etree.SubElement(text, tei("body"))
    sp = etree.SubElement(body, tei("sp"), who="#j-v-stalin #all")
    etree.SubElement(sp, tei("p")).text = "x"
    target = tmp_path / "persons.xml"
    target.write_bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8"))
    result = subprocess.run([jing, str(tei_all), str(target)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout

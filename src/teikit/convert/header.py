"""Facts from any teiHeader for the HTML header panel and the JSON output.

Reads by TEI path, tolerating whatever a project's header omits: every value may be missing.
"""

from __future__ import annotations

import copy
from typing import Any

from lxml import etree

TEI = {"t": "http://www.tei-c.org/ns/1.0"}
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"


# A node's text as one string, joined in C: ``"".join(node.itertext())`` resumed a Python
# iterator per text node, a third of reading a header.
_STRING = etree.XPath("string()", smart_strings=False)


def _text(node: etree._Element) -> str:
    return " ".join(_STRING(node).split())


# Compiled XPath expressions: compiling one costs more than running it on a header.
_XPATHS: dict[str, etree.XPath] = {}


def _xpath(root: etree._Element, path: str) -> list[Any]:
    compiled = _XPATHS.get(path)
    if compiled is None:
        compiled = _XPATHS[path] = etree.XPath(path, namespaces=TEI)
    return compiled(root)


def _all(root: etree._Element, path: str) -> list[str]:
    return [t for t in (_text(n) for n in _xpath(root, path)) if t]


def _names(root: etree._Element, path: str) -> list[str]:
    """Names as a reader sees them: an author's ``idno`` (DraCor's Wikidata id "Q692") is not
    part of the name."""
    out = []
    for node in _xpath(root, path):
        if node.find(".//t:idno", TEI) is not None:
            node = copy.deepcopy(node)
            for idno in node.findall(".//t:idno", TEI):
                _remove_keeping_tail(idno)
        text = _text(node)
        if text:
            out.append(text)
    return out


def _remove_keeping_tail(node: etree._Element) -> None:
    parent, previous, tail = node.getparent(), node.getprevious(), node.tail or ""
    if previous is not None:
        previous.tail = (previous.tail or "") + tail
    else:
        parent.text = (parent.text or "") + tail
    parent.remove(node)


def read_header(root: etree._Element) -> dict[str, Any]:
    # teiCorpus: its own header describes the whole; fall back to the first TEI's.
    header = root.find("t:teiHeader", TEI)
    if header is None:
        header = root.find(".//t:teiHeader", TEI)
    if header is None:
        return {
            "title": "",
            "subtitles": [],
            "authors": [],
            "editors": [],
            "respStmts": [],
            "publisher": [],
            "date": "",
            "licence": [],
            "availability": "",
            "sources": [],
            "creation": "",
            "languages": [],
            "participants": [],
            "keywords": [],
            "changes": [],
        }
    fd = "t:fileDesc"
    titles = _xpath(header, f"{fd}/t:titleStmt/t:title")
    main = [t for t in titles if t.get("type") in (None, "main")] or titles
    subtitles = [_text(t) for t in titles if t.get("type") == "sub"]
    participants = []
    for person in _xpath(header, ".//t:particDesc//t:person | .//t:particDesc//t:personGrp"):
        names = _xpath(person, "t:persName | t:name")
        participants.append(
            {
                "id": person.get(XML_ID, ""),
                "name": _text(names[0]) if names else _text(person),
                "role": person.get("role", ""),
                "sex": person.get("sex", ""),
                "group": etree.QName(person).localname == "personGrp",
            }
        )
    return {
        "title": _text(main[0]) if main else "",
        "subtitles": subtitles,
        "authors": _names(header, f"{fd}/t:titleStmt/t:author"),
        "editors": _names(header, f"{fd}/t:titleStmt/t:editor"),
        "respStmts": [
            {
                "resp": _text(r.find("t:resp", TEI)) if r.find("t:resp", TEI) is not None else "",
                "names": _resp_names(r),
            }
            for r in _xpath(header, f"{fd}/t:titleStmt/t:respStmt")
        ],
        "publisher": _all(
            header,
            f"{fd}/t:publicationStmt/t:publisher | {fd}/t:publicationStmt/t:distributor"
            f" | {fd}/t:publicationStmt/t:authority",
        ),
        "date": next(iter(_all(header, f"{fd}/t:publicationStmt/t:date")), ""),
        "availability": next(
            iter(_xpath(header, f"{fd}/t:publicationStmt/t:availability/@status")), ""
        ),
        "licence": _all(header, f"{fd}/t:publicationStmt/t:availability/*"),
        "sources": _all(header, f"{fd}/t:sourceDesc/*"),
        "creation": next(iter(_all(header, "t:profileDesc/t:creation")), ""),
        "languages": [
            str(x) for x in _xpath(header, "t:profileDesc/t:langUsage/t:language/@ident")
        ],
        "participants": participants,
        "keywords": _all(header, "t:profileDesc/t:textClass//t:term"),
        "changes": _all(header, "t:revisionDesc//t:change"),
    }


def _resp_names(resp_stmt: etree._Element) -> list[str]:
    """Who is credited: the credit as printed where a note keeps it ("Einde O'Callaghan for the
    Marxists' Internet Archive"), which holds the names too; else each name."""
    children = [c for c in resp_stmt if isinstance(c.tag, str)]
    notes = [c for c in children if etree.QName(c).localname == "note"]
    if notes:
        return [_text(n) for n in notes]
    return [_text(c) for c in children if etree.QName(c).localname != "resp"]

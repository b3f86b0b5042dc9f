"""Small helpers for building TEI trees with lxml (namespace, element factory, ids)."""

from __future__ import annotations

import re
from typing import Any

from lxml import etree

TEI_NS = "http://www.tei-c.org/ns/1.0"
XML_NS = "http://www.w3.org/XML/1998/namespace"
XML_ID = f"{{{XML_NS}}}id"
XML_LANG = f"{{{XML_NS}}}lang"
NSMAP = {None: TEI_NS}


_TAGS: dict[str, str] = {}  # local name → Clark name, made once per name


def tei(tag: str) -> str:
    name = _TAGS.get(tag)
    if name is None:
        name = _TAGS[tag] = f"{{{TEI_NS}}}{tag}"
    return name


_SubElement = etree.SubElement


def el(
    parent: etree._Element | None, tag: str, text: str | None = None, **attrs: Any
) -> etree._Element:
    """Create a TEI element (as a child of ``parent`` when given). ``xml_id``/``xml_lang`` map to
    ``xml:id``/``xml:lang``; attributes whose value is None or "" are left out."""
    attributes = {}
    if attrs:
        for key, value in attrs.items():
            if value is None or value == "":
                continue
            if key == "xml_id":
                key = XML_ID
            elif key == "xml_lang":
                key = XML_LANG
            else:
                key = key.rstrip("_")
            attributes[key] = str(value)
    if parent is None:
        node = etree.Element(tei(tag), attributes, nsmap=NSMAP)
    elif attributes:
        node = _SubElement(parent, tei(tag), attributes)
    else:
        node = _SubElement(parent, tei(tag))  # most elements have no attributes
    if text:
        node.text = text
    return node


def append_text(node: etree._Element, text: str) -> None:
    """Append character data after the last child (or to the text when there is none)."""
    if not text:
        return
    if len(node):
        last = node[-1]
        last.tail = (last.tail or "") + text
    else:
        node.text = (node.text or "") + text


_NCNAME_BAD = re.compile(r"[^A-Za-z0-9._-]+")


def ncname(value: str, fallback: str = "id") -> str:
    """A readable NCName from arbitrary text ("Lady Bracknell" → "lady-bracknell")."""
    slug = _NCNAME_BAD.sub("-", value.strip().lower()).strip("-.")
    if not slug or not (slug[0].isalpha() or slug[0] == "_"):
        slug = f"{fallback}-{slug}" if slug else fallback
    return slug

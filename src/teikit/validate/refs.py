"""TEI reference checks that no schema makes: ids unique, local pointers resolve, header order.

Codes: ``tei-duplicate-id``, ``tei-dangling-pointer``, ``tei-header-order``, ``tei-empty-required``,
``tei-duplicate-id-corpus`` (with ``--corpus``, across files).
"""

from __future__ import annotations

from typing import Any

from lxml import etree

from ..errors import Diagnostic, error, warning

TEI_NS = "http://www.tei-c.org/ns/1.0"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
POINTER_ATTRIBUTES = (
    "who",
    "ref",
    "target",
    "corresp",
    "resp",
    "source",
    "ana",
    "facs",
    "hand",
    "sameAs",
    "copyOf",
    "next",
    "prev",
    "synch",
    "scheme",
    "wit",
    "edRef",
    "decls",
    "inst",
    "spanTo",
    "from",
    "to",
    "active",
    "passive",
    "mutual",
    "parts",
    "change",
    "select",
    "start",
    "end",
    "rendition",
)
_POINTER_ORDER = {name: i for i, name in enumerate(POINTER_ATTRIBUTES)}
HEADER_ORDER = ["fileDesc", "encodingDesc", "profileDesc", "xenoData", "revisionDesc"]
FILEDESC_ORDER = [
    "titleStmt",
    "editionStmt",
    "extent",
    "publicationStmt",
    "seriesStmt",
    "notesStmt",
    "sourceDesc",
]


def element_path(node: etree._Element) -> str:
    parts = []
    while node is not None and isinstance(node.tag, str):
        parent = node.getparent()
        name = etree.QName(node).localname
        if parent is not None:
            same = [c for c in parent if isinstance(c.tag, str) and c.tag == node.tag]
            name += f"[{same.index(node) + 1}]" if len(same) > 1 else ""
        parts.append(name)
        node = parent
    return "/" + "/".join(reversed(parts))


def _at(node: etree._Element, file: str) -> dict[str, Any]:
    """Where a reference diagnostic points: the element's line, its path, this checker."""
    return {
        "file": file,
        "line": node.sourceline or 0,
        "col": 1,
        "xpath": element_path(node),
        "schema": "teikit-refs",
    }


def _scan(tree: etree._ElementTree) -> tuple[dict[str, list[etree._Element]], list]:
    """One pass over the elements: xml:id owners, and the elements with a pointer attribute
    holding a '#'. Looping over each element's own attributes, rather than asking every element
    for the 31 pointer attributes, is what keeps this cheap on 65,000-element batches."""
    ids: dict[str, list[etree._Element]] = {}
    pointing: list[etree._Element] = []
    for node in tree.iter(etree.Element):
        marked = False
        for name, value in node.items():
            if name == XML_ID:
                ids.setdefault(value, []).append(node)  # type: ignore[arg-type]
            elif not marked and name in _POINTER_ORDER and "#" in value:
                pointing.append(node)
                marked = True
    return ids, pointing


def collect_ids(tree: etree._ElementTree) -> dict[str, list[etree._Element]]:
    return _scan(tree)[0]


def check_references(tree: etree._ElementTree, file: str) -> list[Diagnostic]:
    out: list[Diagnostic] = []
    ids, pointing = _scan(tree)
    for value, nodes in ids.items():
        for node in nodes[1:]:
            first = nodes[0]
            out.append(
                error(
                    "tei-duplicate-id",
                    f'xml:id "{value}" on <{etree.QName(node).localname}> is already used by '
                    f"<{etree.QName(first).localname}> on line {first.sourceline}",
                    **_at(node, file),
                )
            )
    for node in pointing:
        named = [a for a in node.keys() if a in _POINTER_ORDER]
        for attribute in sorted(named, key=_POINTER_ORDER.__getitem__):
            value = node.get(attribute)
            if "#" not in value:
                continue
            for token in value.split():
                if token.startswith("#") and len(token) > 1 and token[1:] not in ids:
                    parent = node.getparent()
                    parent_name = etree.QName(parent).localname if parent is not None else "(root)"
                    out.append(
                        error(
                            "tei-dangling-pointer",
                            f'@{attribute}="{token}" on <{etree.QName(node).localname}> '
                            f"(in <{parent_name}>) points to no xml:id in this document",
                            **_at(node, file),
                        )
                    )
    out.extend(_header_order(tree, file))
    return out


def _header_order(tree: etree._ElementTree, file: str) -> list[Diagnostic]:
    out = []
    for header in tree.iter(f"{{{TEI_NS}}}teiHeader"):
        out.extend(_order(header, HEADER_ORDER, file))
        for file_desc in header.findall(f"{{{TEI_NS}}}fileDesc"):
            out.extend(_order(file_desc, FILEDESC_ORDER, file))
            title = file_desc.find(f"{{{TEI_NS}}}titleStmt/{{{TEI_NS}}}title")
            if title is not None and not "".join(title.itertext()).strip():
                out.append(
                    warning(
                        "tei-empty-required",
                        "the main <title> in <titleStmt> is empty",
                        **_at(title, file),
                    )
                )
    return out


def _order(parent: etree._Element, order: list[str], file: str) -> list[Diagnostic]:
    out = []
    last = -1
    for child in parent:
        if not isinstance(child.tag, str) or etree.QName(child).namespace != TEI_NS:
            continue
        name = etree.QName(child).localname
        if name not in order:
            continue
        index = order.index(name)
        if index < last:
            out.append(
                error(
                    "tei-header-order",
                    f"<{name}> in <{etree.QName(parent).localname}> must come before "
                    f"<{order[last]}> (TEI order: {', '.join(order)})",
                    **_at(child, file),
                )
            )
        last = max(last, index)
    return out

"""Schemas a document declares in ``<?xml-model href=… schematypens=…?>`` instructions.

Relative ``href``s resolve against the document; for a document read from an fsspec URL, against
that URL (a ``file://`` URL's folder is local; on any other store the schema is remote). Remote
URLs are looked up in a catalog (a TOML or plain ``URL = path`` file, ``--catalog``, plus
``$TEIKIT_CATALOG`` and the user catalog ``~/.config/teikit/catalog.toml``) so CI works offline;
an uncatalogued remote schema is reported, never fetched. The TEI Consortium's own schema URLs
map to the locally configured release through the built-in catalog (catalog.py).
"""

from __future__ import annotations

import os
import posixpath
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse

from lxml import etree

from .catalog import builtin
from .locations import Resources
from .schemas import RNG_NS, SCH_NS, XSD_NS

_PSEUDO_ATTR = re.compile(r'(\w[\w-]*)\s*=\s*(?:"([^"]*)"|\'([^\']*)\')')
_KINDS = {
    RNG_NS: "relaxng",
    SCH_NS: "schematron",
    XSD_NS: "xsd",
    "http://www.ascc.net/xml/schematron": "schematron",
    "http://www.tei-c.org/ns/1.0": "odd",  # an ODD declared as the schema (RELAX NG + Schematron)
}
_TYPES = {"application/xml-dtd": "dtd", "application/relax-ng-compact-syntax": "rnc"}


@dataclass(frozen=True)
class ModelDeclaration:
    href: str
    kind: str  # relaxng, schematron, xsd, dtd, rnc, unknown
    line: int
    resolved: Path | None  # local file, or None when remote and not in the catalog


def read_declarations(
    tree: etree._ElementTree,
    document: Path | str,
    catalog: dict[str, Path],
    resources: Resources | None = None,
) -> list[ModelDeclaration]:
    """The document's declarations in order. A remote href resolves through ``catalog``, then
    through the built-in catalog of TEI Consortium URLs (catalog.py) to ``resources``."""
    out = []
    node = tree.getroot().getprevious()
    pis = []
    while node is not None:
        if isinstance(node, etree._ProcessingInstruction) and node.target == "xml-model":
            pis.append(node)
        node = node.getprevious()
    for pi in reversed(pis):
        attrs = {
            m.group(1): m.group(2) if m.group(2) is not None else m.group(3)
            for m in _PSEUDO_ATTR.finditer(pi.text or "")
        }
        href = attrs.get("href", "")
        if not href:
            continue
        kind = _KINDS.get(attrs.get("schematypens", ""), "")
        if not kind:
            kind = _TYPES.get(attrs.get("type", ""), "")
        if not kind:
            kind = {
                ".rng": "relaxng",
                ".sch": "schematron",
                ".xsd": "xsd",
                ".dtd": "dtd",
                ".rnc": "rnc",
                ".odd": "odd",
            }.get(Path(urlparse(href).path).suffix.lower(), "unknown")
        resolved = resolve(href, document, catalog)
        if resolved is None and resources is not None:
            resolved = builtin(href, resources)
        out.append(ModelDeclaration(href, kind, pi.sourceline or 0, resolved))
    return out


def resolve(href: str, document: Path | str, catalog: dict[str, Path]) -> Path | None:
    """The local file ``href`` names for ``document`` (a path, or an fsspec URL string)."""
    if href in catalog:
        return catalog[href]
    parsed = urlparse(href)
    if parsed.scheme in ("http", "https", "ftp"):
        return _catalogued(href, catalog)
    if parsed.scheme == "file":
        return Path(parsed.path)
    if isinstance(document, str):
        return _beside_url(href, document, catalog)
    return (document.parent / href).resolve()


def _catalogued(url: str, catalog: dict[str, Path]) -> Path | None:
    if url in catalog:
        return catalog[url]
    # Catalog entries may map a whole prefix ("https://vault.tei-c.org/P5/" = "/schemas/").
    for prefix, local in catalog.items():
        if prefix.endswith("/") and url.startswith(prefix):
            return local / url[len(prefix) :]
    return None


def _beside_url(href: str, document: str, catalog: dict[str, Path]) -> Path | None:
    """A relative ``href`` of a document at an fsspec URL: a local file beside a ``file://``
    document, else a URL on the document's store, which only the catalog can map."""
    from ..remote import local_path

    local = local_path(document)
    if local is not None:
        return (local.parent / href).resolve()
    if "://" in href:
        return _catalogued(href, catalog)
    scheme, _, rest = document.split("?", 1)[0].partition("://")
    folder = posixpath.dirname(rest)
    return _catalogued(f"{scheme}://{posixpath.normpath(posixpath.join(folder, href))}", catalog)


def load_catalog(extra: Path | None = None) -> dict[str, Path]:
    paths = [Path.home() / ".config" / "teikit" / "catalog.toml"]
    if os.environ.get("TEIKIT_CATALOG"):
        paths.append(Path(os.environ["TEIKIT_CATALOG"]))
    if extra:
        paths.append(extra)
    catalog: dict[str, Path] = {}
    for path in paths:
        if path.is_file():
            data = tomllib.loads(path.read_text(encoding="utf-8"))
            entries = data.get("schemas", data)
            for url, local in entries.items():
                if isinstance(local, str):
                    catalog[url] = (path.parent / local).resolve()
    return catalog

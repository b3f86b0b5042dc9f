"""Document model → TEI P5 (bytes), with ``<?xml-model?>`` instructions for its schemas.

``header`` builds the teiHeader (provenance), ``body`` the text, ``persons`` the participants.
"""

from __future__ import annotations

from lxml import etree

from ..model import Document
from .body import build_text
from .header import build_header
from .options import EncodeOptions
from .tei import NSMAP, ncname, tei

TEI_ALL_URL = "http://www.tei-c.org/release/xml/tei/custom/schema/relaxng/tei_all.rng"
PROFILE_URL = "https://teikit.readthedocs.io/schemas/teikit.rng"
RNG_NS = "http://relaxng.org/ns/structure/1.0"
SCH_NS = "http://purl.oclc.org/dsdl/schematron"


def encode_tree(document: Document, options: EncodeOptions | None = None) -> etree._ElementTree:
    options = options or EncodeOptions.from_environment()
    root = etree.Element(tei("TEI"), nsmap=NSMAP)
    root.set(
        "{http://www.w3.org/XML/1998/namespace}id",
        options.edition_id
        or ncname(document.source_name.rsplit(".", 1)[0] or "edition", "edition"),
    )
    if document.language:
        root.set("{http://www.w3.org/XML/1998/namespace}lang", document.language)
    build_header(document, options, root)
    build_text(document, root, keep_linebreaks=options.keep_linebreaks)
    return etree.ElementTree(root)


def encode(document: Document, options: EncodeOptions | None = None) -> bytes:
    options = options or EncodeOptions.from_environment()
    tree = encode_tree(document, options)
    etree.indent(tree, space="  ")
    body = etree.tostring(tree, encoding="unicode")
    models = ""
    if options.xml_models:
        models = (
            f'<?xml-model href="{TEI_ALL_URL}" type="application/xml" schematypens="{RNG_NS}"?>\n'
            f'<?xml-model href="{TEI_ALL_URL}" type="application/xml" schematypens="{SCH_NS}"?>\n'
        )
    return ('<?xml version="1.0" encoding="UTF-8"?>\n' + models + body + "\n").encode("utf-8")


__all__ = ["EncodeOptions", "encode", "encode_tree"]

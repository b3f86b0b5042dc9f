"""Document metadata → ``teiHeader`` (provenance: who, what, where from, under what licence).

Order follows TEI: fileDesc (titleStmt, editionStmt, publicationStmt, notesStmt, sourceDesc),
encodingDesc, profileDesc, revisionDesc. Every metadata field lands in a mapped element or in
``notesStmt/note`` — never dropped.
"""

from __future__ import annotations

import re

from lxml import etree

from ..model import Document, Field
from .bibl import write_imprint_parts, write_source_bibl
from .dates import parse_date
from .options import EncodeOptions
from .persons import write_partic_desc
from .tei import el

TOOL_URL = "https://pypi.org/project/teikit/"

# Responsibility labels → the wording of <resp>.
_RESP = {
    "transcription_markup": "Transcription/Markup",
    "transcription": "Transcription",
    "html_markup": "HTML Markup",
    "proofread": "Proofreading",
    "translated": "Translation",
    "edited": "Editing",
}
_LICENCE_KEYS = ("public_domain", "copyleft", "fair_use", "copyright", "licence")
_CREATION_KEYS = ("written", "spoken", "delivered")
_USED_ELSEWHERE = {"source", "publisher", "first_published", "published", *_CREATION_KEYS,
                   *_RESP, *_LICENCE_KEYS}


def build_header(document: Document, options: EncodeOptions, parent: etree._Element) -> etree._Element:
    header = el(parent, "teiHeader")
    file_desc = el(header, "fileDesc")
    _title_stmt(file_desc, document, options)
    _publication_stmt(file_desc, document, options)
    _notes_stmt(file_desc, document)
    _source_desc(file_desc, document)
    _encoding_desc(header, document, options)
    _profile_desc(header, document)
    _revision_desc(header, options)
    return header


def _title_stmt(file_desc: etree._Element, document: Document, options: EncodeOptions) -> None:
    meta = document.metadata
    stmt = el(file_desc, "titleStmt")
    title = meta.front_text("title") or _fallback_title(document)
    el(stmt, "title", title, type="main")
    subtitle = meta.front_text("subtitle")
    if subtitle:
        el(stmt, "title", subtitle, type="sub")
    author = meta.front_text("author")
    if author:
        el(stmt, "author", author)
    for f in meta.fields:
        if f.key in _RESP:
            resp_stmt = el(stmt, "respStmt")
            el(resp_stmt, "resp", f.label or _RESP[f.key])
            for name in _names(f.value):
                el(resp_stmt, "persName", name)
    resp_stmt = el(stmt, "respStmt")
    el(resp_stmt, "resp", "TEI encoding")
    el(resp_stmt, "name", options.editor or "teikit", type=None if options.editor else "software")


def _fallback_title(document: Document) -> str:
    return document.source_name.rsplit(".", 1)[0] or "Untitled"


def _names(value: str) -> list[str]:
    parts = re.split(r"\s*(?:,|;|\band\b|&)\s*", value)
    return [p.strip(" .") for p in parts if p.strip(" .")] or [value]


def _publication_stmt(file_desc: etree._Element, document: Document, options: EncodeOptions) -> None:
    stmt = el(file_desc, "publicationStmt")
    origin_publisher = {"mia": "Marxists Internet Archive", "gutenberg": "Project Gutenberg"}
    el(stmt, "publisher", options.publisher or origin_publisher.get(document.metadata.origin, "teikit"))
    if options.edition_id:
        el(stmt, "idno", options.edition_id, type="teikit")
    el(stmt, "date", options.when, when=options.when)
    licence_fields = [f for f in document.metadata.fields if f.key in _LICENCE_KEYS]
    status = "free" if any(f.key in ("public_domain", "copyleft") for f in licence_fields) else "unknown"
    availability = el(stmt, "availability", status=status)
    for f in licence_fields:
        el(availability, "licence", f"{f.label}: {f.value}" if f.label else f.value)
    if not licence_fields:
        el(availability, "p", "No licence statement in the source.")


def _notes_stmt(file_desc: etree._Element, document: Document) -> None:
    unmapped = [f for f in document.metadata.fields if f.key not in _USED_ELSEWHERE]
    if not unmapped:
        return
    stmt = el(file_desc, "notesStmt")
    for f in unmapped:
        el(stmt, "note", f"{f.label}: {f.value}" if f.label else f.value, type=f.key)


def _source_desc(file_desc: etree._Element, document: Document) -> None:
    meta = document.metadata
    desc = el(file_desc, "sourceDesc")
    wrote = False
    source = meta.first("source")
    publisher = meta.first("publisher")
    if source or publisher:
        bibl = (
            write_source_bibl(desc, source.value, type_="printedSource", level="m")
            if source
            else el(desc, "bibl", type="printedSource")
        )
        if publisher:
            if source:
                _tail(bibl, "; ")
            write_imprint_parts(bibl, publisher.value)
        wrote = True
    for key, type_ in (("first_published", "firstPublication"), ("published", "publication")):
        f = meta.first(key)
        if f:
            write_source_bibl(desc, f.value, type_=type_, level="j")
            wrote = True
    if not wrote:
        el(desc, "p", f"Born-digital encoding of the plain-text file {document.source_name or '(unnamed)'}.")


def _tail(node: etree._Element, text: str) -> None:
    if len(node):
        node[-1].tail = (node[-1].tail or "") + text
    else:
        node.text = (node.text or "") + text


def _encoding_desc(header: etree._Element, document: Document, options: EncodeOptions) -> None:
    desc = el(header, "encodingDesc")
    app_info = el(desc, "appInfo")
    app = el(app_info, "application", xml_id="teikit", ident="teikit", version=options.version, when=options.when)
    el(app, "label", "teikit")
    el(app, "desc", "Plain text to TEI P5 encoder; structure, metadata and speakers detected automatically.")
    decl = el(desc, "editorialDecl")
    norm = el(decl, "normalization")
    notes = list(document.normalisations) or ["none"]
    el(norm, "p", "Source normalisation: " + "; ".join(notes) + ".")


def _profile_desc(header: etree._Element, document: Document) -> None:
    profile = el(header, "profileDesc")
    created = _creation_field(document)
    if created:
        creation = el(profile, "creation")
        date = parse_date(created.value)
        el(creation, "date", created.value, **(date.attributes() if date else {}))
    if document.language:
        usage = el(profile, "langUsage")
        el(usage, "language", document.language, ident=document.language)
    write_partic_desc(profile, document.persons)
    if document.genre:
        keywords = el(el(profile, "textClass"), "keywords")
        el(keywords, "term", document.genre, type="genre")


def _creation_field(document: Document) -> Field | None:
    meta = document.metadata
    for key in _CREATION_KEYS:
        f = meta.first(key)
        if f:
            return f
    dateline = meta.front_text("dateline")
    if dateline:
        return Field("dateline", "", dateline)
    return None


def _revision_desc(header: etree._Element, options: EncodeOptions) -> None:
    desc = el(header, "revisionDesc")
    el(desc, "change", f"Encoded from plain text by teikit {options.version}.",
       when=options.when, who="#teikit")

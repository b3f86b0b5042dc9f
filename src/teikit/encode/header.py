"""Document metadata → ``teiHeader`` (provenance: who, what, where from, under what licence).

Order follows TEI: fileDesc (titleStmt, editionStmt, publicationStmt, notesStmt, sourceDesc),
encodingDesc, profileDesc, revisionDesc. Every metadata field lands in a mapped element or in
``notesStmt/note`` — never dropped.
"""

from __future__ import annotations

import os
import re
from collections import Counter

from lxml import etree

from ..model import Document, Field, FrontLine
from .bibl import write_imprint_parts, write_source_bibl, write_wording
from .dates import find_date, parse_date
from .options import EncodeOptions
from .persons import write_partic_desc
from .tei import append_text, el

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
_USED_ELSEWHERE = {
    "source",
    "publisher",
    "first_published",
    "published",
    *_CREATION_KEYS,
    *_RESP,
    *_LICENCE_KEYS,
    "title",
    "author",
    "edition",
    "distributor",
}


def build_header(
    document: Document, options: EncodeOptions, parent: etree._Element
) -> etree._Element:
    header = el(parent, "teiHeader")
    file_desc = el(header, "fileDesc")
    _title_stmt(file_desc, document, options)
    _edition_stmt(file_desc, document)
    _publication_stmt(file_desc, document, options)
    _notes_stmt(file_desc, document)
    _source_desc(file_desc, document)
    _encoding_desc(header, document, options)
    _profile_desc(header, document)
    _revision_desc(header, document, options)
    return header


def _title_stmt(file_desc: etree._Element, document: Document, options: EncodeOptions) -> None:
    meta = document.metadata
    stmt = el(file_desc, "titleStmt")
    title_field = meta.first("title")
    # A Gutenberg "Title:" field holds the main title, then a subtitle on each further line.
    main, *subtitles = (title_field.value if title_field else "").split("\n")
    # The header's own Title:/Author: lines (Gutenberg) name the work; a title page prints it.
    from_fields = bool(main)
    title = main or meta.front_text("title") or _fallback_title(document)
    el(stmt, "title", title, type="main")
    if from_fields:
        for subtitle in subtitles:
            el(stmt, "title", subtitle, type="sub")
    else:
        for line in meta.front:
            if line.role == "subtitle":
                el(stmt, "title", line.text, type="sub")
    author_field = meta.first("author")
    author = (
        (author_field.value if author_field else "")
        or meta.front_text("author")
        or _letter_writer(meta.front)
    )
    # "Vladimir Lenin’s" / "“Left-Wing” Communism": the title page's possessive is not the name
    author = _POSSESSIVE.sub("", author)
    if author:
        el(stmt, "author", author)
    for f in meta.fields:
        if f.key in _RESP:
            resp_stmt = el(stmt, "respStmt")
            el(resp_stmt, "resp", f.label or _RESP[f.key])
            names = _names(f.value)
            for name in names:
                el(resp_stmt, "persName" if _is_person(name) else "name", name)
            if _says_more(f.value, names):
                # "Einde O’Callaghan (September 2015)", "David Price, email ccx074@pglaf.org",
                # "… for the Marxists’ Internet Archive": the credit as printed, so its date,
                # address and purpose are kept beside the names taken from it
                write_wording(el(resp_stmt, "note"), f.value)
    resp_stmt = el(stmt, "respStmt")
    el(resp_stmt, "resp", "TEI encoding")
    if options.editor:
        el(resp_stmt, "persName", options.editor)
    el(resp_stmt, "name", "teikit", type="software")


def _fallback_title(document: Document) -> str:
    return document.source_name.rsplit(".", 1)[0] or "Untitled"


# "Einde O’Callaghan for the Marxists’ Internet Archive." → the person, not the purpose.
_PURPOSE = re.compile(
    r"\s+(?:for|of|from|at|in|with)\s+(?:the\s+)?(?:Marxist|MIA\b|Internet|Encyclopa|[A-Z][a-z]+\s+Internet).*$"
)


# "W. Lough from the German", "Joe Smith (2004)": what is said of the work, not the name.
_FROM_LANGUAGE = re.compile(r"\s+(?:from|out of)\s+(?:the\s+)?[A-Z][a-z]+(?:\s+original)?\.?;?$")


def _names(value: str) -> list[str]:
    value = _FROM_LANGUAGE.sub("", _PURPOSE.sub("", value.strip().rstrip(";")))
    # "David Price, email ccx074@pglaf.org", "… Team at http://www.pgdp.net": not names
    value = re.sub(r",?\s*(?:e-?mail\s+)?\S+@\S+|\s+at\s+https?://\S+|\s+https?://\S+", "", value)
    # "2006 by Einde O’Callaghan", "by Joe Auciello": the year and the "by" are not the name
    # "Produced by Jane Doe", "Scanned and proofed by …": the words before "by" are the role
    value = re.sub(
        r"^(?:(?:1[89]|20)\d\d\s*,?\s*)?(?:(?:[\w-]+\s+){0,3}by\s+)?", "", value, flags=re.I
    )
    # "Einde O’Callaghan (September 2015)": when, not who
    value = re.sub(r"\s*\([^()]*\b(?:1[89]|20)\d\d\)\.?$|,?\s*\b(?:1[89]|20)\d\d\.?$", "", value)
    parts = re.split(r"\s*(?:,|;|\band\b|&|(?<=\w)/(?=[A-Z]))\s*", value)
    # "Steve Palmer *": a note marker after the name
    names = [p.strip(" .*†") for p in parts if p.strip(" .*†")]
    # "Örn Ólafsson, Rósa Lúxembúrg á íslensku, 2007": after the first, only name-shaped parts
    # are names (a title or a phrase stays in the credit's printed wording, see _says_more)
    return [n for i, n in enumerate(names) if i == 0 or _name_shaped(n)] or [value]


# Lower-case words a name may hold ("Ludwig van Beethoven", "Maria da Silva").
_PARTICLES = frozenset(
    "van von der den de du des da das do dos di del della la le ter ten bin ibn al el y e".split()
)


def _name_shaped(text: str) -> bool:
    """A person's name, or a body's ("the Online Distributed Proofreading Team at DP Europe")."""
    words = text.split()
    if words[:1] == ["the"] or _ORGANISATION.search(text):
        return True
    return bool(words) and all(
        w[:1].isupper() or not w[:1].isalpha() or w in _PARTICLES for w in words
    )


def _says_more(value: str, names: list[str]) -> bool:
    """Whether a credit has words besides its names (a date, an address, "and", "by")."""
    words = Counter(_WORD.findall(value))
    words.subtract(w for name in names for w in _WORD.findall(name))
    return any(count > 0 for count in words.values())


_WORD = re.compile(r"[^\W_]+")


_ORGANISATION = re.compile(
    r"(?i)archive|project|press|publish|team|staff|volunteers|library|institute|society|"
    r"foundation|centre|center|university|college|committee|collective|league|website"
)


def _is_person(name: str) -> bool:
    words = name.split()
    return 1 <= len(words) <= 5 and not _ORGANISATION.search(name)


def _edition_stmt(file_desc: etree._Element, document: Document) -> None:
    editions = document.metadata.all("edition")
    if editions:
        stmt = el(file_desc, "editionStmt")
        for f in editions:
            el(stmt, "edition", f"{f.label}: {f.value}" if f.label else f.value)


def _publication_stmt(
    file_desc: etree._Element, document: Document, options: EncodeOptions
) -> None:
    stmt = el(file_desc, "publicationStmt")
    origin_publisher = {"mia": "Marxists Internet Archive", "gutenberg": "Project Gutenberg"}
    el(
        stmt,
        "publisher",
        options.publisher or origin_publisher.get(document.metadata.origin, "teikit"),
    )
    if options.edition_id:
        el(stmt, "idno", options.edition_id, type="teikit")
    el(stmt, "date", options.when, when=options.when)
    licence_fields = [f for f in document.metadata.fields if f.key in _LICENCE_KEYS]
    keys = {f.key for f in licence_fields}
    status = (
        "free"
        if keys & {"public_domain", "copyleft"} or document.metadata.origin == "gutenberg"
        else "restricted"
        if keys & {"copyright", "fair_use"}
        else "unknown"
    )
    availability = el(stmt, "availability", status=status)
    for f in licence_fields:
        el(availability, "licence", f"{f.label}: {f.value}" if f.label else f.value)
    if options.licence:
        el(availability, "licence", f"Licence of this encoding: {options.licence}")
    elif not licence_fields:
        el(availability, "p", "No licence statement in the source.")


def _notes_stmt(file_desc: etree._Element, document: Document) -> None:
    unmapped = [f for f in document.metadata.fields if f.key not in _USED_ELSEWHERE]
    boilerplate = document.metadata.boilerplate
    if not unmapped and not boilerplate:
        return
    stmt = el(file_desc, "notesStmt")
    for f in unmapped:
        el(stmt, "note", f"{f.label}: {f.value}" if f.label else f.value, type=f.key)
    # Licence and header prose kept out of the body (Gutenberg), verbatim, one note per part.
    for key in dict.fromkeys(f.key for f in boilerplate):
        el(stmt, "note", "\n".join(f.value for f in boilerplate if f.key == key), type=key)


_BIBL_TYPES = {
    "source": ("printedSource", "m"),
    "first_published": ("firstPublication", "j"),
    "published": ("publication", "j"),
}


# "Lettera di Trotsky a Maurice Paz", "Letter from Lenin to Gorky", "Brief von Marx an Engels":
# a title block with no author line names the letter's writer.
_LETTER_FROM = re.compile(
    r"\b(?i:letter|lettera|lettre|brief|carta|bréf|bref)\s+(?i:of|from|by|di|da|de|du|von|frá|fra|av)"
    r"\s+(?P<name>(?:[A-Z][\w’'.-]*\s+){0,3}[A-Z][\w’'-]+)\s+(?i:to|a|à|an|al|til)\b"
)


def _letter_writer(front: tuple[FrontLine, ...]) -> str:
    for line in front:
        if line.role in ("title", "subtitle"):
            found = _LETTER_FROM.search(line.text)
            if found and found["name"].split()[0] not in ("The", "A", "An"):
                return found["name"]
    return ""


_POSSESSIVE = re.compile(r"(?<=\w)[’']s$")


def _source_desc(file_desc: etree._Element, document: Document) -> None:
    """One typed bibl per source line; the first publisher line joins the first printed source."""
    meta = document.metadata
    desc = el(file_desc, "sourceDesc")
    publishers = list(meta.all("publisher"))
    author_field = meta.first("author")
    author = meta.front_text("author") or (author_field.value if author_field else "")
    wrote = False
    for f in meta.fields:
        if f.key not in _BIBL_TYPES or not any(c.isalnum() for c in f.value):
            continue  # "Fyrstur útgefandi: ." names no source
        type_, level = _BIBL_TYPES[f.key]
        if f.label.lower().endswith(" by"):  # "Published by the Young Socialist Alliance, …"
            bibl = el(desc, "bibl", type=type_)
            _lead_in(bibl, f.label)
            write_imprint_parts(bibl, f.value)
            wrote = True
            continue
        bibl = write_source_bibl(desc, f.value, type_=type_, level=level, author=author)
        _lead_in(bibl, f.label)
        if f.key == "source" and publishers:
            _tail(bibl, "; ")
            write_imprint_parts(bibl, publishers.pop(0).value)
        wrote = True
    for f in publishers:  # a publisher line with no source line of its own
        write_imprint_parts(el(desc, "bibl", type="printedSource"), f.value)
        wrote = True
    for f in meta.all("distributor"):  # "Distributed by Merit Publishers, 873 Broadway, …"
        bibl = el(desc, "bibl", type="distribution")
        _lead_in(bibl, f.label)
        name, _, rest = f.value.partition(",")
        el(bibl, "distributor", name.strip())
        if rest:
            append_text(bibl, "," + rest)
        wrote = True
    if meta.origin == "gutenberg":
        _gutenberg_bibl(desc, document)
        wrote = True
    wrote = _printed_edition_bibl(desc, document) or wrote
    if not wrote:
        el(
            desc,
            "p",
            f"Born-digital encoding of the {_source_kind(document)[0]} "
            f"{document.source_name or '(unnamed)'}.",
        )


# "Downloaded with thanks from", "Distributed by", "Published in", "From": a prose credit's
# opening words run into what they introduce; a label printed as a field name ("Source:") does not.
_RUNS_INTO_VALUE = re.compile(r"(?i:\b(?:from|by|in|as|at|of))$")


def _lead_in(bibl: etree._Element, label: str) -> None:
    """A prose credit's opening words, kept as the start of its bibl (the typed bibl already says
    what a field name such as "Source" or "Distributor" says)."""
    if _RUNS_INTO_VALUE.search(label):
        bibl.text = f"{label} {bibl.text or ''}"


# "Transcribed from the 1908 Longmans, Green, and Co. edition by": the printed edition a
# transcription was made from, named in its credit.
_FROM_EDITION = re.compile(
    r"\bfrom\s+(?:the\s+)?(?:(?P<year>1[4-9]\d\d|20\d\d)\s+)?(?P<publisher>[A-Z][^,]*(?:,[^,]+)*?)"
    r"\s+(?P<edition>edition|printing|impression)\b"
)


def _printed_edition_bibl(desc: etree._Element, document: Document) -> bool:
    """A ``bibl[@type='printedSource']`` for the edition a credit says the text was transcribed
    from (the credit itself stays in its respStmt)."""
    for f in document.metadata.fields:
        if not _is_credit_field(f):
            continue
        found = _FROM_EDITION.search(f.label)
        if found is None:
            continue
        bibl = el(desc, "bibl", type="printedSource")
        meta = document.metadata
        for key, tag in (("author", "author"), ("title", "title")):
            field_ = meta.first(key)
            if field_:  # the work itself, as the header names it
                el(
                    bibl,
                    tag,
                    field_.value.replace("\n", ": "),
                    level="m" if tag == "title" else None,
                )
                append_text(bibl, ". ")
        if found["year"]:
            el(bibl, "date", found["year"], when=found["year"]).tail = " "
        el(bibl, "publisher", found["publisher"]).tail = f" {found['edition']}"
        return True
    return False


def _is_credit_field(f: Field) -> bool:
    return f.key in _RESP and bool(f.label)


def _gutenberg_bibl(desc: etree._Element, document: Document) -> None:
    meta = document.metadata
    bibl = el(desc, "bibl", type="digitalSource")
    for key, tag in (("title", "title"), ("author", "author"), ("translated", "editor")):
        f = meta.first(key)
        if f:
            value = f.value.replace("\n", ": ")
            node = el(bibl, tag, value, role="translator" if key == "translated" else None)
            node.tail = ". "
    el(bibl, "publisher", "Project Gutenberg").tail = ", "
    release = meta.first("release_date")
    if release:
        ebook = re.search(r"(?:EBook|eBook|Etext)\s*#\s*(\d+)", release.value)
        date_text = re.sub(r"\s*\[.*$", "", release.value).strip()
        date = parse_date(date_text)
        el(bibl, "date", date_text, **(date.attributes() if date else {}))
        if ebook:
            _tail(bibl, ", ")
            el(bibl, "idno", ebook.group(1), type="gutenberg")


def _tail(node: etree._Element, text: str) -> None:
    if len(node):
        node[-1].tail = (node[-1].tail or "") + text
    else:
        node.text = (node.text or "") + text


def _encoding_desc(header: etree._Element, document: Document, options: EncodeOptions) -> None:
    desc = el(header, "encodingDesc")
    app_info = el(desc, "appInfo")
    app = el(
        app_info,
        "application",
        xml_id="teikit",
        ident="teikit",
        version=options.version,
        when=options.when,
    )
    el(app, "label", "teikit")
    el(
        app,
        "desc",
        "Plain text to TEI P5 encoder; structure, metadata and speakers detected automatically.",
    )
    decl = el(desc, "editorialDecl")
    norm = el(decl, "normalization")
    notes = list(document.normalisations) or ["none"]
    el(norm, "p", "Source normalisation: " + "; ".join(notes) + ".")


def _profile_desc(header: etree._Element, document: Document) -> None:
    profile = el(header, "profileDesc")
    created = _creation_fields(document)
    if created:
        creation = el(profile, "creation")
        for i, f in enumerate(created):
            # "Written: …; Delivered: …": each date says what it dates, in the source's words
            # ("Discussed: April 23 through July 20, 1938").
            append_text(creation, ("; " if i else "") + (f"{f.label}: " if f.label else ""))
            found = find_date(f.value)
            if found:
                # "by Marx in the Spring of 1845, but slightly edited by Engels": the date is a
                # date, the rest of the wording stays beside it
                date, start, end = found
                append_text(creation, f.value[:start])
                el(creation, "date", f.value[start:end], **date.attributes())
                append_text(creation, f.value[end:])
            else:
                el(creation, "date", f.value, **(found[0].attributes() if found else {}))
    if document.language:
        usage = el(profile, "langUsage")
        from ..languages import LANGUAGE_NAMES

        el(
            usage,
            "language",
            LANGUAGE_NAMES.get(document.language, document.language),
            ident=document.language,
        )
    write_partic_desc(profile, document.persons)
    if document.genre:
        keywords = el(el(profile, "textClass"), "keywords")
        el(keywords, "term", document.genre, type="genre")


def _creation_fields(document: Document) -> list[Field]:
    """Every Written/Spoken/Delivered line in source order, else the title block's dateline."""
    meta = document.metadata
    fields = [f for f in meta.fields if f.key in _CREATION_KEYS]
    if fields:
        return fields
    dateline = meta.front_text("dateline")
    return [Field("dateline", "", dateline)] if dateline else []


# What the source was, by its file name: (as a noun with "file", as "Encoded from …").
_SOURCE_KINDS = {
    ".docx": ("Word document", "a Word document"),
    ".md": ("Markdown file", "Markdown"),
    ".markdown": ("Markdown file", "Markdown"),
}


def _source_kind(document: Document) -> tuple[str, str]:
    suffix = os.path.splitext(document.source_name)[1].casefold()
    return _SOURCE_KINDS.get(suffix, ("plain-text file", "plain text"))


def _revision_desc(header: etree._Element, document: Document, options: EncodeOptions) -> None:
    desc = el(header, "revisionDesc")
    el(
        desc,
        "change",
        f"Encoded from {_source_kind(document)[1]} by teikit {options.version}.",
        when=options.when,
        who="#teikit",
    )

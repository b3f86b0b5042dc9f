"""Bibliographic strings ("Works, Vol. 6, January-November, 1924, pp. 1-2") → TEI ``bibl`` parts.

Each recognised part gets its own element (title with ``@level``, ``biblScope`` with ``@unit``
and ``@n``/``@from``/``@to``, ``publisher``, ``pubPlace``, ``date @when``); the separators and
anything unrecognised stay as text inside the ``bibl``, so the wording is kept verbatim.
"""

from __future__ import annotations

import re

from lxml import etree

from .dates import find_date
from .tei import append_text, el

_PLACE_CITIES = re.compile(
    r"\b(Moscow|London|New York|Paris|Berlin|Peking|Beijing|Chicago|Petrograd|Leningrad|Havana|"
    r"Calcutta|Delhi|Colombo|Sydney|Melbourne|Toronto|Glasgow|Edinburgh|Dublin|Santiago|Mexico|"
    r"Madrid|Rome|Vienna|Prague|Tirana|Hanoi|Pyongyang|Tokyo|Boston|San Francisco|Washington)\b"
)


def scope_attributes(unit: str, raw: str) -> dict[str, str]:
    parts = re.split(r"\s*[-–]\s*", raw.strip())
    if len(parts) == 2 and unit in ("page", "volume", "issue"):
        start, end = parts
        # "pp. 208-12" abbreviates the upper bound: 208 to 212.
        if start.isdigit() and end.isdigit() and len(end) < len(start) and int(end) < int(start):
            end = start[: len(start) - len(end)] + end
        return {"unit": unit, "from": start, "to": end}
    return {"unit": unit, "n": raw.strip()}


def write_source_bibl(
    parent: etree._Element, text: str, *, type_: str, level: str, author: str = ""
) -> etree._Element:
    """A ``bibl`` for a citation ("Lenin’s Collected Works, Progress Publishers, 1964, Moscow,
    Volume 24, pp. 19-26", "April 7, 1917 in Pravda No. 26"). Dates and volume, issue, page and
    chapter references are found anywhere in it; of the rest, split at commas, the first part is
    the title (after the author's name when the citation begins with it: "E. Belfort Bax, The
    German SDP, Justice, …" is an article in a journal), a publisher's name is the publisher and
    a city after it the place. Every character of ``text`` stays, in order."""
    bibl = el(parent, "bibl", type=type_)
    imprint = _IMPRINT.match(text)
    if imprint and (
        _PLACE_CITIES.fullmatch(imprint.group("place"))
        or (_has_year(text) and _is_publisher(imprint.group("rest").split(",")[0]))
    ):
        # "London: Leonard Smithers and Co, 1899": an imprint, place first
        el(bibl, "pubPlace", imprint.group("place"))
        append_text(bibl, imprint.group("sep"))
        write_imprint_parts(bibl, imprint.group("rest"))
        return bibl
    pieces = _pieces(text)
    chunks = [c for kind, c in pieces if kind == "text" for c in _chunks(c) if _words(c)]
    by_author = bool(chunks) and bool(author) and _same_name(chunks[0], author)
    # "Author, Article, Periodical, date, page": an article in a journal, not a monograph.
    article = by_author and len(chunks) >= 3 and pieces[0][0] == "text"
    if level == "m" and _is_periodical(pieces, chunks):
        level = "j"
    state = _BiblState(levels=["a", "j"] if article else [level], author_first=by_author)
    _write_pieces(bibl, pieces, state)
    return bibl


_EDITOR_NEXT = re.compile(r"\s*\(?(?:eds?|editors?)\b\.?\)?(?:[\s,;(]|$)", re.I)
# A person's name: two to five capitalised words or initials ("Eric Bentley", "E. H. Carr").
_PERSON_NAME = re.compile(r"(?:(?:[A-Z]\.|[A-Z][\w’'-]+)\s+){1,4}[A-Z][\w’'-]+")


# Titles of books that collect dated pieces ("Speeches & Documents of the Sixth Conference,
# May 17-19, 1924"): dated to the month, still monographs.
_COLLECTION_WORDS = re.compile(
    r"\b(?:works|writings|speeches|documents|selected|collected|proceedings|reports?|"
    r"anthology|letters|papers|essays|volume|book)\b",
    re.I,
)


def _is_periodical(pieces: list[tuple[str, str]], chunks: list[str]) -> bool:
    """Whether a source citation names a periodical: it cites an issue ("Labour Monthly, Vol.
    XXXV, No. 4"), or it is dated to the month or day without a publisher ("Time Out, 11 June
    1976", "Marxism Today, April 1986"), as newspapers and magazines are and books are not."""
    if any(_is_publisher(c.strip(" ,;.")) for c in chunks):
        return False
    if chunks and _COLLECTION_WORDS.search(chunks[0]):
        return False
    if any(kind == "issue" for kind, _ in pieces):
        return True
    for kind, piece in pieces:
        if kind == "date":
            found = find_date(piece)
            if found and "-" in (found[0].when or found[0].not_before):
                return True
    return False


def _write_pieces(bibl: etree._Element, pieces: list[tuple[str, str]], state: _BiblState) -> None:
    for kind, piece in pieces:
        if kind == "text":
            chunks = _chunks(piece)
            for i, chunk in enumerate(chunks):
                # "Eric Bentley, ed. (New York: …": the name before "ed." is the editor's
                if i + 1 < len(chunks) and _EDITOR_NEXT.match(chunks[i + 1]):
                    core = chunk.strip(" ,;")
                    if _PERSON_NAME.fullmatch(core):
                        start = chunk.index(core)
                        append_text(bibl, chunk[:start])
                        el(bibl, "editor", core)
                        append_text(bibl, chunk[start + len(core) :])
                        continue
                state.write_chunk(bibl, chunk)
        elif kind == "date":
            found = find_date(piece)
            el(bibl, "date", piece, **(found[0].attributes() if found else {}))
        else:
            match = _SCOPE_ANYWHERE[kind].fullmatch(piece)
            assert match is not None
            el(bibl, "biblScope", piece, **scope_attributes(kind, match.group("n")))


_IMPRINT = re.compile(
    r"^(?P<place>[A-Z][\w'.-]+(?:\s+[A-Z][\w'.-]+){0,2})(?P<sep>\s*:\s+)(?P<rest>[^:]+)$"
)


def _has_year(text: str) -> bool:
    return re.search(r"\b(?:1[5-9]|20)\d\d\b", text) is not None


def _same_name(segment: str, author: str) -> bool:
    def key(name: str) -> str:
        return "".join(c for c in name.lower() if c.isalpha())

    return bool(key(author)) and key(segment) == key(author)


# References found anywhere in a citation; each needs its keyword and a number.
_NUMERAL = r"(?:\d+[A-Za-z]?|[IVXLC]+)"
_SCOPE_ANYWHERE = {
    "volume": re.compile(
        rf"\b(?:Vol(?:ume)?s?\.?|Tome|Bd\.|Band)\s*(?P<n>{_NUMERAL}(?:\s*[-–]\s*{_NUMERAL})?)\b"
    ),
    "issue": re.compile(
        r"(?:\b(?:Nos?|Nr|Number|Issue|Heft)\.?\s*|#\s*)(?P<n>\d+[A-Za-z]?(?:\s*[-–/]\s*\d+)?)\b"
    ),
    "page": re.compile(
        r"\b(?:pp?\.\s*|pages?\s+|S\.\s*)"
        r"(?P<n>\d+(?:\s*[-–]\s*\d+)?|[ivxlc]+(?:\s*[-–]\s*[ivxlc]+)?)\b"
    ),
    "chapter": re.compile(r"\b(?:Ch(?:apter)?\.?|Chap\.)\s*(?P<n>\d+|[IVXLC]+)\b"),
}


def _pieces(text: str) -> list[tuple[str, str]]:
    """``text`` cut into ("text" | "date" | a scope unit, wording) pieces, in order."""
    out: list[tuple[str, str]] = []
    for kind, piece in _scope_pieces(text):
        if kind == "text":
            out.extend(_date_pieces(piece))
        else:
            out.append((kind, piece))
    return out


def _scope_pieces(text: str) -> list[tuple[str, str]]:
    found = sorted(
        (m.start(), m.end(), unit)
        for unit, pattern in _SCOPE_ANYWHERE.items()
        for m in pattern.finditer(text)
    )
    out: list[tuple[str, str]] = []
    at = 0
    for start, end, unit in found:
        if start < at:
            continue  # overlaps a reference already taken
        if start > at:
            out.append(("text", text[at:start]))
        out.append((unit, text[start:end]))
        at = end
    if at < len(text):
        out.append(("text", text[at:]))
    return out


# A number after these is an address or a reference, not a year ("Box 1377 G.P.O.").
_NOT_A_YEAR_BEFORE = re.compile(r"(?:\bBox|\bNo\.?|\bNos\.?|#|ISBN)\s*$", re.I)


def _date_pieces(text: str) -> list[tuple[str, str]]:
    found = find_date(text)
    if found is None:
        return [("text", text)] if text else []
    _, start, end = found
    if _NOT_A_YEAR_BEFORE.search(text[:start]):
        return [("text", text[:end]), *_date_pieces(text[end:])]
    return [*_date_pieces(text[:start]), ("date", text[start:end]), *_date_pieces(text[end:])]


def _chunks(text: str) -> list[str]:
    """The text between references, split after each comma or semicolon (kept in the chunk)."""
    return [c for c in re.split(r"(?<=[,;])", text) if c]


def _words(chunk: str) -> bool:
    return any(c.isalpha() for c in chunk)


_CONNECTOR = re.compile(
    r"^(?P<lead>[\s,;.:–—-]*(?i:(?:first\s+)?(?:published|printed|appeared)\s+|"
    r"(?:downloaded|taken|reproduced|scanned|transcribed|copied)(?:\s+with\s+thanks)?\s+|"
    r"(?:this\s+\w+\s+)?originates?\s+)?"
    r"(?:in|from|by|as|In|From|By|As)?\s+|[\s,;.:–—-]*)"
    r"(?P<core>.*?)(?P<trail>(?:\s+(?:in|by))?[\s,;.:–—-]*)$",
    re.S,
)
_PUBLISHER_WORDS = re.compile(
    r"\b(?:Publish\w*|Press|Verlag\w*|Books|Editions?|Éditions|Edizioni|Editori\w*|Editorial|"
    r"Ediciones|Editora|Forlag|Förlag|Printers|Printing|House|Co\.|Company|Ltd\.?|Inc\.?|Limited|"
    r"Buchhandlung|Bookshop|Booksellers?)\b"
)


_CORPORATE = re.compile(r"(?:Ltd|Limited|Inc|Co|& Co|GmbH|S\.A|Publishers?)\.?", re.I)


def _is_publisher(chunk: str) -> bool:
    """ "Progress Publishers", "Party Publishing House", "Lawrence & Wishart": a name whose last
    word says it is a publisher, that says it publishes, or a firm of two names; "International
    Press Correspondence" is a periodical and "House" alone a chamber of Congress."""
    words = chunk.split()
    return len(words) >= 2 and (
        bool(_PUBLISHER_WORDS.fullmatch(words[-1].strip(".,;")))
        or "publish" in chunk.lower()
        or bool(_FIRM.fullmatch(chunk))
    )


# "Lawrence & Wishart", "Allen & Unwin", "Harper & Brothers": a firm of two names.
_FIRM = re.compile(r"[A-Z][\w'’.-]+\s+&\s+[A-Z][\w'’.-]+")


_QUOTED_IN = re.compile(
    r"(?P<open>[\"“«„‘])(?P<title>[^\"“”«»„‘’]+?)(?P<close>[\"”»“’])(?P<in>\s+in\s+)(?P<host>\S.*)"
)


# "published by NAME [PLACE]" inside a chunk of a citation; a bracketed place is an editor's.
_PUBLISHED_BY = re.compile(
    r"(?P<phrase>\s*\b(?i:published|printed|issued)\s+by\s+)(?P<name>[^\[\]]*[^\s\[\]])"
    r"(?:(?P<gap>\s*)(?P<place>\[[^\[\]]+\]))?$"
)


_PAREN_IMPRINT = re.compile(
    r"(?P<pre>[^()]*\()(?P<place>[A-Z][^():,]*[^():,\s])(?P<colon>\s*:\s*)(?P<name>[^():]*[^():\s])"
)


class _BiblState:
    """What a citation has given so far, so each chunk of text knows what it can be."""

    def __init__(self, levels: list[str], author_first: bool, publisher_first: bool = False):
        self.levels = levels
        self.author_first = author_first
        self.publisher_first = publisher_first  # an imprint names its publisher first
        self.publisher = False

    def write_chunk(self, bibl: etree._Element, chunk: str) -> None:
        match = _CONNECTOR.match(chunk)
        assert match is not None
        lead, core, trail = match.group("lead"), match.group("core"), match.group("trail")
        if not _words(core):
            append_text(bibl, chunk)
            return
        append_text(bibl, lead)
        by = None if self.publisher or self.publisher_first else _PUBLISHED_BY.search(core)
        if by is not None and by.start() > 0:
            # "… United States An uncopyrighted pamphlet published by Merit Publishers [New
            # York]": what precedes is read as before, the name after is the publisher.
            self.write_chunk(bibl, core[: by.start()])
            append_text(bibl, by.group("phrase"))
            el(bibl, "publisher", by.group("name"))
            self.publisher, self.levels = True, []
            if by.group("place"):
                append_text(bibl, by.group("gap"))
                el(bibl, "pubPlace", by.group("place"))
        elif (paren := _PAREN_IMPRINT.fullmatch(core)) and _looks_like_place(paren["place"]):
            # "ed. (New York: Viking Press, 1971)": an imprint in brackets, place first
            append_text(bibl, paren["pre"])
            el(bibl, "pubPlace", paren["place"])
            append_text(bibl, paren["colon"])
            el(bibl, "publisher", paren["name"])
            self.publisher, self.levels = True, []
        elif self.author_first:
            el(bibl, "author", core)
            self.author_first = False
        elif self.publisher_first:
            el(bibl, "publisher", core)
            self.publisher_first, self.publisher = False, True
        elif self.publisher and _CORPORATE.fullmatch(core):
            append_text(bibl, core)  # "Lawrence & Wishart, Ltd": still the publisher's name
        elif self.publisher and (
            _PLACE_CITIES.fullmatch(core.strip(". ")) or _looks_like_place(core)
        ):
            el(bibl, "pubPlace", core)
        elif self.levels and (quoted := _QUOTED_IN.fullmatch(core)):
            # '"The Letter of A. Joffe" in International Press Correspondence': an article
            # (its quotation marks kept outside the title) in the periodical or book after it
            append_text(bibl, quoted.group("open"))
            el(bibl, "title", quoted.group("title"), level="a")
            append_text(bibl, quoted.group("close") + quoted.group("in"))
            el(bibl, "title", quoted.group("host"), level=self.levels.pop(0))
        elif self.levels and not _is_publisher(core):
            el(bibl, "title", core, level=self.levels.pop(0))
        elif not self.publisher and _is_publisher(core):
            el(bibl, "publisher", core)
            self.publisher = True
            self.levels = []
        elif _PLACE_CITIES.fullmatch(core.strip(". ")):
            el(bibl, "pubPlace", core)
        else:
            append_text(bibl, core)
        append_text(bibl, trail)


_EMAIL = r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
# A URL stops before brackets, quotes and the punctuation that closes its sentence.
_URL = r"(?:https?://|www\.)[^\s<>\"'()\[\]]*[^\s<>\"'()\[\].,;:!?]"
_ADDRESS = re.compile(rf"(?P<email>{_EMAIL})|(?P<url>{_URL})")


def write_wording(node: etree._Element, text: str) -> None:
    """Append free wording (a credit, an address) to ``node`` with what TEI has elements for
    marked: dates as ``date`` (``@when`` or a span), e-mail addresses as ``email``, URLs as
    ``ref @target``. Every character of ``text`` stays, in order."""
    at = 0
    for match in _ADDRESS.finditer(text):
        _write_dated(node, text[at : match.start()])
        if match["email"]:
            el(node, "email", match["email"])
        else:
            url = match["url"]
            el(node, "ref", url, target=url if "://" in url else f"http://{url}")
        at = match.end()
    _write_dated(node, text[at:])


def _write_dated(node: etree._Element, text: str) -> None:
    for kind, piece in _date_pieces(text):
        if kind == "date":
            found = find_date(piece)
            el(node, "date", piece, **(found[0].attributes() if found else {}))
        else:
            append_text(node, piece)


def write_imprint_parts(bibl: etree._Element, text: str) -> None:
    """ "Foreign Languages Publishing House, Moscow, 1954" → publisher, pubPlace, date."""
    state = _BiblState(levels=[], author_first=False, publisher_first=True)
    _write_pieces(bibl, _pieces(text), state)


def _looks_like_place(segment: str) -> bool:
    words = segment.split()
    return 0 < len(words) <= 3 and all(w[:1].isupper() for w in words)

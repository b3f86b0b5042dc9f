"""Bibliographic strings ("Works, Vol. 6, January-November, 1924, pp. 1-2") → TEI ``bibl`` parts.

Each recognised part gets its own element (title with ``@level``, ``biblScope`` with ``@unit``
and ``@n``/``@from``/``@to``, ``publisher``, ``pubPlace``, ``date @when``); the separators and
anything unrecognised stay as text inside the ``bibl``, so the wording is kept verbatim.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from lxml import etree

from .dates import parse_date
from .tei import append_text, el

_SCOPES = [
    (
        "volume",
        re.compile(
            r"\b(?:Vol(?:ume)?s?\.?|Tome|Bd\.)\s*(?P<n>[0-9IVXLC]+(?:\s*[-–]\s*[0-9IVXLC]+)?)", re.I
        ),
    ),
    (
        "issue",
        re.compile(r"\b(?:No|Nr|Number|Issue|#)\.?\s*(?P<n>\d+[A-Za-z]?(?:\s*[-–/]\s*\d+)?)", re.I),
    ),
    (
        "page",
        re.compile(r"\b(?:pp?|pages?|S)\.?\s*(?P<n>[0-9ivxlc]+(?:\s*[-–]\s*[0-9ivxlc]+)?)", re.I),
    ),
    ("chapter", re.compile(r"\b(?:Ch(?:apter)?|Chap)\.?\s*(?P<n>[0-9IVXLC]+)", re.I)),
]
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
    """A ``bibl`` for a "Title, Vol. 6, …, pp. 1-2" string; the leading segment is the title,
    after the author's name when the citation begins with it ("E. Belfort Bax, The German SDP")."""
    bibl = el(parent, "bibl", type=type_)
    parts = [p for p in _split_keeping_dates(text) if p and not _SEPARATOR.fullmatch(p)]
    by_author = bool(parts) and bool(author) and _same_name(parts[0], author)
    # "Author, Article, Periodical, date, page": an article in a journal, not a monograph.
    article = by_author and len(parts) >= 3 and all(_plain(p) for p in parts[1:3])
    levels = ["a", "j"] if article else [level]
    for index, segment in enumerate(_segments(bibl, text)):
        if index == 0 and by_author:
            el(bibl, "author", segment)
        elif levels and not _is_date(segment):
            el(bibl, "title", segment, level=levels.pop(0))
        else:
            _write_part(bibl, segment)
            levels = []  # titles come before the date and scope parts
    return bibl


def _plain(segment: str) -> bool:
    """A segment that is neither a date nor a volume, issue or page reference."""
    return not any(c.isdigit() for c in segment)


def _same_name(segment: str, author: str) -> bool:
    def key(name: str) -> str:
        return "".join(c for c in name.lower() if c.isalpha())

    return bool(key(author)) and key(segment) == key(author)


# "January 10, 1924" must stay one segment although it contains the separator.
_MONTH_DAY_YEAR = re.compile(r"[A-Z][a-z]{2,8}\.?\s+\d{1,2},\s*\d{4}")


_SEPARATOR = re.compile(r",\s*")


def _split_keeping_dates(text: str) -> list[str]:
    protected = {m.start(): m.end() for m in _MONTH_DAY_YEAR.finditer(text)}
    segments: list[str] = []
    current = ""
    i = 0
    while i < len(text):
        if i in protected:
            current += text[i : protected[i]]
            i = protected[i]
            continue
        if text[i] == ",":
            sep = _SEPARATOR.match(text, i)
            assert sep is not None
            segments.extend([current, sep.group(0)])
            current = ""
            i = sep.end()
            continue
        current += text[i]
        i += 1
    segments.append(current)
    return segments


def _segments(bibl: etree._Element, text: str) -> Iterator[str]:
    """The comma-separated parts of ``text``; the separators go straight into ``bibl`` as text."""
    for segment in _split_keeping_dates(text):
        if _SEPARATOR.fullmatch(segment):
            append_text(bibl, segment)
        elif segment:
            yield segment


def _is_date(segment: str) -> bool:
    """ "1933", "January 10, 1924", "Spring 1917": the whole segment is a date."""
    return parse_date(segment) is not None and bool(
        re.fullmatch(
            r"(?:(?:[A-Z][a-z]+\.?|\d{1,2}(?:st|nd|rd|th)?)[ ,]+){0,3}\d{4}\.?", segment.strip()
        )
    )


def _write_part(bibl: etree._Element, segment: str) -> None:
    for unit, pattern in _SCOPES:
        match = pattern.search(segment)
        if match and match.start() == 0 and match.end() == len(segment.rstrip(". ")):
            el(bibl, "biblScope", segment, **scope_attributes(unit, match.group("n")))
            return
    date = parse_date(segment)
    if date and len(segment) < 40:
        el(bibl, "date", segment, **date.attributes())
        return
    append_text(bibl, segment)


def write_imprint_parts(bibl: etree._Element, text: str) -> None:
    """ "Foreign Languages Publishing House, Moscow, 1954" → publisher, pubPlace, date."""
    publisher_done = False
    for segment in _segments(bibl, text):
        date = parse_date(segment)
        if date and re.fullmatch(r"[\w .]*\d{4}\.?", segment):
            el(bibl, "date", segment, **date.attributes())
        elif _PLACE_CITIES.fullmatch(segment.strip(". ")) or (
            publisher_done and _looks_like_place(segment)
        ):
            el(bibl, "pubPlace", segment)
        elif not publisher_done:
            el(bibl, "publisher", segment)
            publisher_done = True
        else:
            append_text(bibl, segment)


def _looks_like_place(segment: str) -> bool:
    words = segment.split()
    return 0 < len(words) <= 3 and all(w[:1].isupper() for w in words)

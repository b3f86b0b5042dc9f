"""Tables of contents: a ``Contents`` heading followed by entry lines.

Entries are lines of at most 100 characters that end with a page number, open with a numeral or a
chapter keyword, or are set in capitals. Each line becomes an item of a simple list (verbatim, so
nothing is lost); the whole is a ``Division(type="contents")``.
"""

from __future__ import annotations

import re

from ..model import Division, Item, ListBlock, Paragraph, Span
from .lines import Group

_HEAD = re.compile(r"^(?:table\s+of\s+)?contents\.?:?$|^index$", re.IGNORECASE)
_ENTRY = re.compile(
    r"(?:\s\d{1,4}|\s[ivxlc]{1,6})$|^(?:[IVXLC]{1,7}|\d{1,3})[.:)]?\s|^(?:chapter|chap\.|part|book|act|scene)\b",
    re.IGNORECASE,
)


def is_contents_heading(group: Group) -> bool:
    return len(group.lines) == 1 and bool(_HEAD.match(group.lines[0].stripped))


def is_entry_group(group: Group) -> bool:
    return all(len(line.stripped) <= 100 and _is_entry(line.stripped) for line in group.lines)


def _is_entry(text: str) -> bool:
    if _ENTRY.search(text):
        return True
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


def contents_division(head: Group, entries: list[Group]) -> Division:
    items = tuple(
        Item(
            "",
            (Paragraph((line.stripped,), Span.of_lines(line.number)),),
            Span.of_lines(line.number),
        )
        for group in entries
        for line in group.lines
    )
    span = Span(entries[0].start, entries[-1].end)
    return Division(
        "contents",
        (head.lines[0].stripped,),
        (ListBlock(items, "simple", span),),
        "",
        Span(head.start, span.end),
    )

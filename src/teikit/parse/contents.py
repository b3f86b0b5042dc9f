"""Tables of contents: a ``Contents`` heading followed by entry lines.

Entries are lines of at most 100 characters that end with a page number, open with a numeral or a
chapter keyword, or are set in capitals. Each line becomes an item of a simple list (verbatim, so
nothing is lost); the whole is a ``Division(type="contents")``.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable
from functools import partial
from itertools import islice

from ..model import Division, Item, ListBlock, Paragraph, SectionBreak, Span
from .lines import Group

# The heading of a table of contents in the languages e-texts come in, accents optional.
_HEAD = re.compile(
    r"^_?(?:(?:table\s+of\s+)?contents|index|table(?:\s+des\s+mati[eè]res)?|sommaire|"
    r"inhalt(?:sverzeichnis)?|[ií]ndice(?:\s+general)?|sumario|conte[uú]do|contenido|"
    r"indholds?(?:fortegnelse)?|inneh[aå]ll|sis[aä]llys|inhoud|spis\s+tre[sś]ci|"
    r"содержание|оглавление|obsah|tartalom|tartalomjegyzék|cuprins|kazalo|зміст|"
    # a list of the book's pictures is a table of contents too, of its plates
    r"(?:list\s+of\s+)?(?:illustrations|plates)|table\s+des\s+(?:gravures|illustrations)|"
    r"verzeichnis\s+der\s+(?:abbildungen|illustrationen))_?\s*[.:]?$",
    re.IGNORECASE,
)
# An entry line opens with a number or keyword, or ends with its page ("Ab initio      3").
_ENTRY_START = re.compile(
    r"(?:[IVXLC]{1,7}|\d{1,3})[.:)]?(?:\s|--|[—–])|(?:chapter|chap\.|part|book|act|scene)\b",
    re.IGNORECASE,
)
_ROMAN_PAGE = frozenset("ivxlcIVXLC")


def _entry_shaped(text: str) -> bool:
    """Numbered, keyed or paged (read for every line of a text: the page is looked for in the
    last word, not by a regular expression searched along the line)."""
    if _ENTRY_START.match(text):
        return True
    last = text[-1:]
    if not (last.isdecimal() or last in _ROMAN_PAGE):
        return False  # (most lines: no page number can end them)
    parts = text.rsplit(None, 1)
    if len(parts) < 2 or not text[-1:].strip():
        return False
    page = parts[1]
    return (len(page) <= 4 and page.isdecimal()) or (
        len(page) <= 6 and all(c in _ROMAN_PAGE for c in page)
    )


def is_contents_heading(group: Group) -> bool:
    """A contents heading alone, or over its entries with no blank line between ("Inhalt:" /
    "1. Akt" / "2. Akt")."""
    first = group.lines[0].stripped
    if first.lstrip("_")[:1].lower()[:1] not in _HEAD_INITIALS or not _HEAD.match(first):
        return False
    return len(group.lines) == 1 or all(_is_entry(line.stripped) for line in group.lines[1:])


# The letters ``_HEAD``'s words open with, lower-cased, with the few others ``re.I`` takes for
# them ("ſ", "ı", two old Cyrillic letters): a first line opening with any other cannot match.
_HEAD_INITIALS = frozenset("ticsсоokзlpvíſıᲂᲃ")

_PAGE = re.compile(
    r"(?:\s|\.)(?:pag\.?|p\.|s\.)?\s*(?:\d{1,4}|[ivxlc]{1,6}|_?frontispiece_?)\.?$", re.IGNORECASE
)


def is_entry_group(group: Group) -> bool:
    """Entry lines; or one entry run over several lines, or printed on one long line (an
    e-text that does not wrap), whose last line ends with its page ("Capitulo II.--Declaram-se
    typicas … viagens.      19")."""
    lines = group.lines
    if all(len(line.stripped) <= 100 and _is_entry(line.stripped) for line in lines):
        return True
    return (
        len(lines) <= 12
        and all(len(line.stripped) <= _MAX_LONG_ENTRY for line in lines)
        and _PAGE.search(lines[-1].stripped) is not None
        and "   " in lines[-1].text.rstrip()  # the page set apart, as contents print it
    )


_MAX_LONG_ENTRY = 1000  # a chapter's summary of its matters, on a line of its own


def _is_entry(text: str) -> bool:
    if _entry_shaped(text):
        return True
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


def contents_division(
    head: Group, entries: list[Group], underline: SectionBreak | None = None
) -> Division:
    """The contents as a division of one simple list: an item for each entry line, or for each
    entry run over several lines; ``underline``, a rule under the heading, goes before it."""
    if len(head.lines) > 1:
        entries = [Group(head.lines[1:], 0, head.blank_after), *entries]
        head = Group(head.lines[:1], head.blank_before, 0)
    items: list[Item] = []
    for group in entries:
        if all(_is_entry(line.stripped) for line in group.lines):
            items.extend(
                Item(
                    "",
                    (Paragraph((line.stripped,), Span.of_lines(line.number)),),
                    Span.of_lines(line.number),
                )
                for line in group.lines
            )
        else:
            span = Span(group.start, group.end)
            items.append(Item("", (Paragraph((group.text,), span),), span))
    span = Span(entries[0].start, entries[-1].end)
    return Division(
        "contents",
        (head.lines[0].stripped,),
        (*([underline] if underline else []), ListBlock(tuple(items), "simple", span)),
        "",
        Span(head.start, span.end),
    )


_KEY = re.compile(r"[^\W_]+")
_PAGE_END = re.compile(r"(?:\s+(?:pag\.?|p\.)?\s*(?:\d{1,4}|[ivxlc]{1,6})\.?)$", re.IGNORECASE)
# The last characters a page number may have (with the dotted and dotless i that ``re.I`` also
# takes for "i"), and any decimal digit.
_PAGE_END_CHARS = _ROMAN_PAGE | frozenset(".İı")
_MIN_ENTRIES = 3
_MAX_ENTRY = 100


def entry_key(text: str) -> str:
    """An entry or heading as words only, its page number dropped: "I. Ab initio      3",
    "I.--Ab initio." and "i ab initio" are the same key."""
    last = text[-1:]
    if last in _PAGE_END_CHARS or last.isdecimal():  # (else the pattern tries every space)
        text = _PAGE_END.sub("", text)
    return " ".join(_KEY.findall(text.casefold()))


def unheaded_contents(groups: list[Group]) -> dict[int, int]:
    """Tables of contents printed without a heading: runs of short groups (three entries at
    least) whose entries come back further on, most of them, as lines of the text itself (the
    headings they list). Where each run starts (index into ``groups``) and how many groups it
    takes. A run that merely looks like headings (chapters one after another) has nothing of
    it printed again later."""
    # The first words (up to 14) of each group's first line, sorted, with the group's index:
    # built on first need (most texts have no run to check). A heading opens its group, so an
    # entry "comes back" when a later group opens with its words.
    opening: list[tuple[str, int]] = []

    def comes_back(key: str, after: int) -> bool:
        if not opening:
            for index, group in enumerate(groups):
                first = group.lines[0].stripped
                if len(first) <= _MAX_ENTRY:  # a heading is short
                    opening.append((" ".join(entry_key(first).split()[:14]), index))
            opening.append(("", -1))  # (built, even for a text whose every first line is long)
            opening.sort()
        if not key or key.count(" ") >= 14:
            return False
        size = len(key)
        for text, index in islice(opening, bisect_left(opening, (key, -2)), None):
            if not text.startswith(key) or (len(text) > size and text[size] != " "):
                return False  # past the words that open with ``key`` (sorted: they are one run)
            if index >= after:
                return True
        return False

    runs: dict[int, int] = {}
    count = len(groups)
    a = 0
    while a < count:
        if not _entry_like(groups[a]):
            a += 1
            continue
        # A stretch of entry-like groups, none set apart by more than two blank lines: every
        # run starting inside it ends where it ends.
        b = a + 1
        while b < count and groups[b].blank_before <= 2 and _entry_like(groups[b]):
            b += 1
        start = _first_run(groups[a:b], partial(comes_back, after=b))
        if start is not None:
            runs[a + start] = b - a - start
        a = b
    return runs


def _first_run(stretch: list[Group], comes_back: Callable[[str], bool]) -> int | None:
    """The first group of ``stretch`` from which on the groups hold three entries at least and
    two thirds of them come back later as lines of the text, or None."""
    if sum(len(group.lines) for group in stretch) < _MIN_ENTRIES:
        return None
    lines = entries = 0
    found: list[tuple[int, int]] = []  # (entries, entries that come back) from each group on
    for group in reversed(stretch):
        lines += len(group.lines)
        entries += sum(1 for line in group.lines if comes_back(entry_key(line.stripped)))
        found.append((lines, entries))
    found.reverse()
    for i, (total, back) in enumerate(found):
        if total >= _MIN_ENTRIES and back * 3 >= total * 2:
            return i
    return None


def _entry_like(group: Group) -> bool:
    """Lines an entry is printed as without a heading over them: numbered, keyed ("Chapter")
    or paged — capitals alone are also a play's names over their speeches."""
    if len(group.lines) > 12:
        return False
    for line in group.lines:  # (every group of a text is asked: the cheapest test first)
        text = line.stripped
        if len(text) > _MAX_ENTRY or not _entry_shaped(text.strip("_*")):
            return False
        if len(text.split()) > 14:
            return False
    return True


def unheaded_division(entries: list[Group]) -> Division:
    """The run as a contents division without a heading, an item for each line."""
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
    return Division("contents", (), (ListBlock(items, "simple", span),), "", span)

"""Tables of contents: a ``Contents`` heading followed by entry lines.

Entries are lines of at most 100 characters that end with a page number, open with a numeral or a
chapter keyword, or are set in capitals. Each line becomes an item of a simple list (verbatim, so
nothing is lost); the whole is a ``Division(type="contents")``.
"""

from __future__ import annotations

import re

from ..model import Division, Item, ListBlock, Paragraph, SectionBreak, Span
from .lines import Group

# The heading of a table of contents in the languages e-texts come in, accents optional.
_HEAD = re.compile(
    r"^_?(?:(?:table\s+of\s+)?contents|index|table(?:\s+des\s+mati[eè]res)?|sommaire|"
    r"inhalt(?:sverzeichnis)?|[ií]ndice(?:\s+general)?|sumario|conte[uú]do|contenido|"
    r"indholds?(?:fortegnelse)?|inneh[aå]ll|sis[aä]llys|inhoud|spis\s+tre[sś]ci|"
    r"содержание|оглавление)_?\s*[.:]?$",
    re.IGNORECASE,
)
_ENTRY = re.compile(
    r"(?:\s\d{1,4}|\s[ivxlc]{1,6})$|^(?:[IVXLC]{1,7}|\d{1,3})[.:)]?(?:\s|--|[—–])|"
    r"^(?:chapter|chap\.|part|book|act|scene)\b",
    re.IGNORECASE,
)


def is_contents_heading(group: Group) -> bool:
    """A contents heading alone, or over its entries with no blank line between ("Inhalt:" /
    "1. Akt" / "2. Akt")."""
    if not _HEAD.match(group.lines[0].stripped):
        return False
    return len(group.lines) == 1 or all(_is_entry(line.stripped) for line in group.lines[1:])


_PAGE = re.compile(r"(?:\s|\.)(?:pag\.?|p\.|s\.)?\s*(?:\d{1,4}|[ivxlc]{1,6})\.?$", re.IGNORECASE)


def is_entry_group(group: Group) -> bool:
    """Entry lines; or one entry run over several lines, whose last line ends with its page
    ("Capitulo II.--Declaram-se typicas … viagens.      19")."""
    lines = group.lines
    if all(len(line.stripped) <= 100 and _is_entry(line.stripped) for line in lines):
        return True
    return (
        len(lines) <= 12
        and all(len(line.stripped) <= 100 for line in lines)
        and _PAGE.search(lines[-1].stripped) is not None
        and "   " in lines[-1].text.rstrip()  # the page set apart, as contents print it
    )


def _is_entry(text: str) -> bool:
    if _ENTRY.search(text):
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
_MIN_ENTRIES = 3
_MAX_ENTRY = 100


def entry_key(text: str) -> str:
    """An entry or heading as words only, its page number dropped: "I. Ab initio      3",
    "I.--Ab initio." and "i ab initio" are the same key."""
    return " ".join(_KEY.findall(_PAGE_END.sub("", text).casefold()))


def unheaded_contents(groups: list[Group]) -> dict[int, int]:
    """Tables of contents printed without a heading: runs of short groups (three entries at
    least) whose entries come back further on, most of them, as lines of the text itself (the
    headings they list). Where each run starts (index into ``groups``) and how many groups it
    takes. A run that merely looks like headings (chapters one after another) has nothing of
    it printed again later."""
    last: dict[str, int] = {}  # built on first need: most texts have no run to check

    def comes_back(key: str, after: int) -> bool:
        if not last:
            # The last group each key (and each run of a key's first words) opens: a heading
            # opens its group, so an entry "comes back" when a later group opens with its words.
            for index, group in enumerate(groups):
                first = group.lines[0].stripped
                if len(first) <= _MAX_ENTRY:  # a heading is short
                    words = entry_key(first).split()
                    for k in range(1, min(len(words), 14) + 1):
                        last[" ".join(words[:k])] = index
            last[""] = -1  # (built, even for a text whose every first line is long)
        return bool(key) and last.get(key, -1) >= after

    like = [_entry_like(group) for group in groups]
    runs: dict[int, int] = {}
    i = 0
    while i < len(groups):
        j = i
        while j < len(groups) and like[j] and (j == i or groups[j].blank_before <= 2):
            j += 1
        if sum(len(group.lines) for group in groups[i:j]) >= _MIN_ENTRIES:
            entries = [entry_key(line.stripped) for group in groups[i:j] for line in group.lines]
            found = sum(1 for key in entries if comes_back(key, j))
            if found * 3 >= len(entries) * 2:
                runs[i] = j - i
                i = j
                continue
        i += 1
    return runs


def _entry_like(group: Group) -> bool:
    """Lines an entry is printed as without a heading over them: numbered, keyed ("Chapter")
    or paged — capitals alone are also a play's names over their speeches."""
    return len(group.lines) <= 12 and all(
        len(line.stripped) <= _MAX_ENTRY
        and len(line.stripped.split()) <= 14
        and _ENTRY.search(line.stripped.strip("_*")) is not None
        for line in group.lines
    )


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

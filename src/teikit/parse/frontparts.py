"""The parts a printed book sets before its text, which the segmenter reads as plain sections:
the half-title (the book's title set again over the text), the title page printed again after
the contents, and the dedication ("To …").

Each is named only where the segmenter made a plain section of it, before any division of the
text itself (only a contents list may come before): a half-title is an empty section headed by
the book's title; a title page printed again, a short section opening with the title or headed
by the author, and the short sections after it; a dedication, a section whose heading
addresses someone.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from ..model import Block, Division, Line, LineGroup, Metadata, Paragraph, walk
from .titlepage import is_title, title_key

# "To Grant B. Schley", "_To_ =Grant B. Schley=", "TO MY WIFE", "Dedicated to …", "À mon père",
# "Pour ma mère", "AO …", "Para …", "Für …", "Aan …" (not "A" nor "An": English articles open
# many titles)
_ADDRESSED = re.compile(
    r"^[_=*\s]*(?:(?:dedicated|inscribed)\s+)?(?:to|à|pour|alla|ao|para|für|aan|till)[_=*]*\s+\S",
    re.I,
)
_MAX_DEDICATION_HEAD = 80
_FRONT = ("contents", "dedication", "titlepage")


@dataclass(frozen=True)
class _Book:
    """The header's title (first line, whole) and author, as ``title_key`` compares them."""

    title: str
    whole_title: str
    author: str

    @classmethod
    def of(cls, metadata: Metadata) -> _Book:
        field = metadata.first("title")
        title = field.value if field is not None else (metadata.front_text("title") or "")
        by = metadata.first("author")
        author = by.value if by is not None else (metadata.front_text("author") or "")
        return cls(title_key(title.split("\n")[0]), title_key(title), title_key(author))


def mark_front_parts(blocks: tuple[Block, ...], metadata: Metadata) -> tuple[Block, ...]:
    book = _Book.of(metadata)
    out: list[Block] = []
    text_begun = False  # a division of the text itself was seen
    title_page = False  # the section before this one was part of a title page
    for block in blocks:
        if isinstance(block, Division):
            kind = _front_kind(block, book, text_begun, title_page)
            title_page = kind == "titlepage" and not text_begun
            if kind is not None:
                block = Division(kind, block.head, block.blocks, block.n, block.span)
            if block.type not in _FRONT:
                text_begun = True
            if block.type in ("preface", "introduction") and block.blocks:
                # a half-title after the preface, inside it
                inner = mark_front_parts(block.blocks, metadata)
                if inner != block.blocks:
                    block = Division(block.type, block.head, inner, block.n, block.span)
        out.append(block)
    return tuple(out)


def _front_kind(block: Division, book: _Book, text_begun: bool, title_page: bool) -> str | None:
    """ "titlepage" or "dedication" where the plain section ``block`` is one, else None."""
    if block.type != "section" or block.n:
        return None
    head = " ".join(i for i in block.head if isinstance(i, str))
    if book.title and not block.blocks and is_title(head, book.title, book.whole_title):
        return "titlepage"  # a half-title
    if text_begun:
        return None
    if book.title and _size(block.blocks) <= _MAX_TITLE_PAGE_SECTION:
        # The title page printed again after the contents ("GANCONAGH" / "JOHN SHERMAN AND
        # DHOYA" / "_SECOND EDITION_" / "LONDON …"), cut into short sections at its capitals.
        if (
            title_page
            or is_title(_first_text(block), book.title, book.whole_title)
            or (book.author and title_key(head) == book.author)
        ):
            return "titlepage"
    if len(head) <= _MAX_DEDICATION_HEAD and _ADDRESSED.match(head):
        return "dedication"
    return None


# Characters of text a section of a title page holds at most (a title, an imprint; not a page of
# prose or a publisher's list of forty titles).
_MAX_TITLE_PAGE_SECTION = 300


def _texts(blocks: tuple[Block, ...]) -> Iterator[str]:
    for block in walk(blocks):
        if isinstance(block, Paragraph):
            yield " ".join(i for i in block.content if isinstance(i, str))
        elif isinstance(block, LineGroup):
            yield " ".join(
                i
                for line in block.lines
                if isinstance(line, Line)
                for i in line.content
                if isinstance(i, str)
            )


def _size(blocks: tuple[Block, ...]) -> int:
    return sum(len(text) for text in _texts(blocks))


def _first_text(block: Division) -> str:
    """The words of the section's first block, as one line (under "GANCONAGH", the lines
    "JOHN SHERMAN" / "AND" / "DHOYA" give "JOHN SHERMAN AND DHOYA")."""
    return next(_texts(block.blocks[:1]), "")


__all__ = ["mark_front_parts"]

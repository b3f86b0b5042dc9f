"""The parts a printed book sets before its text, which the segmenter reads as plain sections:
the half-title (the book's title set again over the text) and the dedication ("To …").

Both are named only where the segmenter made a plain section of them: a half-title is an empty
one whose heading is the book's title, a dedication one whose heading addresses someone, before
any division of the text itself (only a contents list or a title may come before it).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..model import Block, Division, Line, LineGroup, Metadata, Paragraph, walk
from .titlepage import is_title, title_key

# "To Grant B. Schley", "_To_ =Grant B. Schley=", "TO MY WIFE", "À mon père", "AO …", "Aan …"
# (not "A" nor "An": English articles open many titles)
_ADDRESSED = re.compile(r"^[_=*\s]*(?:to|à|alla|ao|aan|till)[_=*]*\s+\S", re.I)
_MAX_DEDICATION_HEAD = 80


def mark_front_parts(blocks: tuple[Block, ...], metadata: Metadata) -> tuple[Block, ...]:
    field = metadata.first("title")
    title = field.value if field is not None else (metadata.front_text("title") or "")
    wanted, whole = title_key(title.split("\n")[0]), title_key(title)
    by = metadata.first("author")
    author = title_key(by.value if by is not None else (metadata.front_text("author") or ""))
    out: list[Block] = []
    text_begun = False  # a division of the text itself was seen: a dedication comes first
    title_page = False  # the sections seen last are a title page printed again
    for block in blocks:
        if isinstance(block, Division):
            plain = block.type == "section" and not block.n
            if not plain or text_begun or _size(block.blocks) > _MAX_TITLE_PAGE_SECTION:
                title_page = False
            if plain:
                head = " ".join(i for i in block.head if isinstance(i, str))
                if wanted and not block.blocks and is_title(head, wanted, whole):
                    block = Division("titlepage", block.head, (), block.n, block.span)
                    title_page = not text_begun
                elif (
                    wanted
                    and not text_begun
                    and _size(block.blocks) <= _MAX_TITLE_PAGE_SECTION
                    and (
                        title_page
                        or is_title(_first_text(block), wanted, whole)
                        or (author and title_key(head) == author)
                    )
                ):
                    # The title page printed again after the contents ("GANCONAGH" / "JOHN
                    # SHERMAN AND DHOYA" / "_SECOND EDITION_" / "LONDON …"), which the
                    # segmenter cut into short sections at its capitals.
                    title_page = True
                    block = Division("titlepage", block.head, block.blocks, block.n, block.span)
                elif (
                    not text_begun and len(head) <= _MAX_DEDICATION_HEAD and _ADDRESSED.match(head)
                ):
                    block = Division("dedication", block.head, block.blocks, block.n, block.span)
            if block.type not in ("contents", "dedication", "titlepage"):
                text_begun = True
            if block.type in ("preface", "introduction") and block.blocks:
                # a half-title after the preface, inside it
                inner = mark_front_parts(block.blocks, metadata)
                if inner != block.blocks:
                    block = Division(block.type, block.head, inner, block.n, block.span)
        out.append(block)
    return tuple(out)


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

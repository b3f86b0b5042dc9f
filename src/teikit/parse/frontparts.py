"""The parts a printed book sets before its text, which the segmenter reads as plain sections:
the half-title (the book's title set again over the text) and the dedication ("To …").

Both are named only where the segmenter made a plain section of them: a half-title is an empty
one whose heading is the book's title, a dedication one whose heading addresses someone, before
any division of the text itself (only a contents list or a title may come before it).
"""

from __future__ import annotations

import re

from ..model import Block, Division, Metadata
from .titlepage import is_title, title_key

# "To Grant B. Schley", "_To_ =Grant B. Schley=", "TO MY WIFE", "À mon père", "AO …", "Aan …"
# (not "A" nor "An": English articles open many titles)
_ADDRESSED = re.compile(r"^[_=*\s]*(?:to|à|alla|ao|aan|till)[_=*]*\s+\S", re.I)
_MAX_DEDICATION_HEAD = 80


def mark_front_parts(blocks: tuple[Block, ...], metadata: Metadata) -> tuple[Block, ...]:
    field = metadata.first("title")
    title = field.value if field is not None else (metadata.front_text("title") or "")
    wanted, whole = title_key(title.split("\n")[0]), title_key(title)
    out: list[Block] = []
    text_begun = False  # a division of the text itself was seen: a dedication comes first
    for block in blocks:
        if isinstance(block, Division):
            if block.type == "section" and not block.n:
                head = " ".join(i for i in block.head if isinstance(i, str))
                if wanted and not block.blocks and is_title(head, wanted, whole):
                    block = Division("titlepage", block.head, (), block.n, block.span)
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


__all__ = ["mark_front_parts"]

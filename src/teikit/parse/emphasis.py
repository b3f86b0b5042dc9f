"""Emphasis marked with underscores (``_Une chambre à coucher._``, ``_Enter LUCIO._``), as Project
Gutenberg's plain texts print italics, becomes ``Emphasis`` inlines that keep their marker
(encoded ``<emph rend="_">``; the text writer prints the marker again), so nothing is lost.

Run last, on the finished body: the speaker rules read the markers themselves ("_Duke._" is a
label in italics), and a speaker's label stays as printed. A marker opens before a character
that is no space and after one that is no letter or digit, and closes the other way round, in
one run of text: ``file_name_here`` and ``____`` are no emphasis; underscores left unpaired (an
e-text that lost a closing one, italics nested in italics) stay text.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..model import (
    Block,
    CastList,
    Division,
    Emphasis,
    Heading,
    Inline,
    Inlines,
    Item,
    Line,
    LineGroup,
    ListBlock,
    Note,
    Paragraph,
    Quote,
    Said,
    Speech,
    Stage,
    Trailer,
)

# The opening marker first, then the look behind it (no letter, digit or marker before it): a
# pattern opening with its literal lets the engine skip ahead to each "_".
_MARKED = re.compile(r"_(?<![\w_]_)(?=[^\s_])(?P<inner>[^_\n]*?[^\s_])_(?![\w_])")


def mark_emphasis(blocks: tuple[Block, ...]) -> tuple[Block, ...]:
    return tuple(_block(block) for block in blocks)


def _block(block: Block) -> Block:
    if isinstance(block, (Paragraph, Heading, Stage, Trailer)):
        content = mark_inlines(block.content)
        return block if content is block.content else replace(block, content=content)
    if isinstance(block, Division):
        return replace(block, head=mark_inlines(block.head), blocks=mark_emphasis(block.blocks))
    if isinstance(block, (Speech, Quote, Note)):
        return replace(block, blocks=mark_emphasis(block.blocks))
    if isinstance(block, LineGroup):
        return replace(block, lines=tuple(_line(line) for line in block.lines))
    if isinstance(block, ListBlock):
        return replace(block, items=tuple(_item(item) for item in block.items))
    if isinstance(block, CastList):
        return replace(block, head=mark_inlines(block.head))
    return block


def _line(line: Line | LineGroup) -> Line | LineGroup:
    if isinstance(line, LineGroup):
        return replace(line, lines=tuple(_line(inner) for inner in line.lines))
    content = mark_inlines(line.content)
    return line if content is line.content else replace(line, content=content)


def _item(item: Item) -> Item:
    return replace(item, blocks=mark_emphasis(item.blocks))


def mark_inlines(content: Inlines) -> Inlines:
    """``content`` with its marked runs as ``Emphasis``; ``content`` itself where it has none."""
    if not any(
        isinstance(inline, Said) or (isinstance(inline, str) and "_" in inline)
        for inline in content
    ):
        return content  # (most text: no underscore at all)
    out: list[Inline] = []
    for inline in content:
        if isinstance(inline, Said):
            out.append(replace(inline, content=mark_inlines(inline.content)))
        elif isinstance(inline, str) and "_" in inline:
            out.extend(_runs(inline))
        else:
            out.append(inline)
    return tuple(out)


def _runs(text: str) -> list[Inline]:
    out: list[Inline] = []
    last = 0
    for match in _MARKED.finditer(text):
        if match.start() > last:
            out.append(text[last : match.start()])
        out.append(Emphasis((match.group("inner"),), "_"))
        last = match.end()
    if last < len(text):
        out.append(text[last:])
    return out

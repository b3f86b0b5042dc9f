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
    unchanged,
)

# The opening marker first, then the look behind it (no letter, digit or marker before it): a
# pattern opening with its literal lets the engine skip ahead to each "_".
_MARKED = re.compile(r"_(?<![\w_]_)(?=[^\s_])(?P<inner>[^_\n]*?[^\s_])_(?![\w_])")


def mark_emphasis(blocks: tuple[Block, ...]) -> tuple[Block, ...]:
    """``blocks`` with their marked runs as ``Emphasis``; ``blocks`` itself (the very tuple)
    where there are none, so an unchanged container is not copied (most are not changed)."""
    marked = tuple(_block(block) for block in blocks)
    return blocks if unchanged(marked, blocks) else marked


def _block(block: Block) -> Block:
    if isinstance(block, (Paragraph, Heading, Stage, Trailer)):
        content = mark_inlines(block.content)
        return block if content is block.content else replace(block, content=content)
    if isinstance(block, Division):
        head, blocks = mark_inlines(block.head), mark_emphasis(block.blocks)
        if head is block.head and blocks is block.blocks:
            return block
        return replace(block, head=head, blocks=blocks)
    if isinstance(block, (Speech, Quote, Note)):
        blocks = mark_emphasis(block.blocks)
        return block if blocks is block.blocks else replace(block, blocks=blocks)
    if isinstance(block, LineGroup):
        lines = tuple(_line(line) for line in block.lines)
        return block if unchanged(lines, block.lines) else replace(block, lines=lines)
    if isinstance(block, ListBlock):
        items = tuple(_item(item) for item in block.items)
        return block if unchanged(items, block.items) else replace(block, items=items)
    if isinstance(block, CastList):
        head = mark_inlines(block.head)
        return block if head is block.head else replace(block, head=head)
    return block


def _line(line: Line | LineGroup) -> Line | LineGroup:
    if isinstance(line, LineGroup):
        lines = tuple(_line(inner) for inner in line.lines)
        return line if unchanged(lines, line.lines) else replace(line, lines=lines)
    content = mark_inlines(line.content)
    return line if content is line.content else replace(line, content=content)


def _item(item: Item) -> Item:
    blocks = mark_emphasis(item.blocks)
    return item if blocks is item.blocks else replace(item, blocks=blocks)


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

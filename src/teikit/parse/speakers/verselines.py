"""One-line speeches of a play in verse are verse lines.

The segmenter knows verse by its lines (several, each opening with a capital, broken by their
author), so a speech of one line ("How?", "Be not amaz'd; this woman 's of my counsel") is a
paragraph to it. In a play whose longer speeches are nearly all verse, such a line is a verse
line too, often a part of one shared between speakers, as editions encode it.
"""

from __future__ import annotations

from dataclasses import replace

from ...model import Block, Division, Line, LineBreak, LineGroup, Paragraph, Speech, walk

# The share of a play's speeches of several lines that must be verse. Measured on the pairs:
# plays of verse and prose 0.25-0.45 (Twelfth Night, As You Like It, Measure for Measure), plays
# in verse 0.55-0.94 (most of their verse the segmenter cannot tell from wrapped prose).
_VERSE_PLAY = 0.5
# Speeches of several lines a play shows at least before its habit is read from them.
_MIN_LONGER = 10


def one_line_speeches_as_verse(blocks: tuple[Block, ...]) -> tuple[Block, ...]:
    """``blocks`` with each one-line paragraph of a speech made a verse line, where the play's
    speeches of several lines are verse (``_VERSE_PLAY``); else ``blocks`` itself."""
    verse = prose = 0
    for block in walk(blocks):
        if isinstance(block, Speech):
            for inner in block.blocks:
                if isinstance(inner, LineGroup):
                    verse += 1
                elif isinstance(inner, Paragraph) and inner.span.end > inner.span.start:
                    prose += 1
    if verse + prose < _MIN_LONGER or verse < _VERSE_PLAY * (verse + prose):
        return blocks
    return _rewrite(blocks)


def _rewrite(blocks: tuple[Block, ...]) -> tuple[Block, ...]:
    out: list[Block] = []
    for block in blocks:
        if isinstance(block, Division):
            block = replace(block, blocks=_rewrite(block.blocks))
        elif isinstance(block, Speech):
            block = replace(block, blocks=tuple(_as_line(b) for b in block.blocks))
        out.append(block)
    return tuple(out)


def _as_line(block: Block) -> Block:
    if (
        isinstance(block, Paragraph)
        and block.span.start == block.span.end
        and not any(isinstance(i, LineBreak) for i in block.content)
    ):
        return LineGroup((Line(block.content, block.span),), "stanza", block.span)
    return block

"""One-line speeches of a play in verse are verse lines.

The segmenter knows verse by its lines (several, each opening with a capital, broken by their
author), so a speech of one line ("How?", "Be not amaz'd; this woman 's of my counsel") is a
paragraph to it. In a play whose longer speeches are nearly all verse, such a line is a verse
line too, often a part of one shared between speakers, as editions encode it.
"""

from __future__ import annotations

from dataclasses import replace

from ...model import (
    Block,
    Division,
    Editorial,
    Inlines,
    Line,
    LineGroup,
    Paragraph,
    Span,
    Speech,
    Stage,
    walk,
)
from .inlines import keeps_every_line, lines_of, strip

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
            block = replace(
                block, blocks=tuple(b for inner in block.blocks for b in _as_verse(inner))
            )
        out.append(block)
    return tuple(out)


def _as_verse(block: Block) -> list[Block]:
    """A paragraph of one line, or of lines all broken where the source breaks them (a text
    that does not wrap its lines), as verse, a line that is only a bracketed direction
    ("[Exit.]") set between as a stage direction; any other block as it is."""
    if not isinstance(block, Paragraph):
        return [block]
    if not keeps_every_line(block.content, block.span.start, block.span.end):
        return [block]  # (prose: wrapped lines joined)
    out: list[Block] = []
    verse: list[Line] = []
    for k, line in enumerate(lines_of(block.content)):
        number = block.span.start + k
        if _only_direction(line):
            if verse:
                out.append(_group(verse))
                verse = []
            # the direction's own text, brackets and all (no direction inside a direction)
            text = "".join(i.text if isinstance(i, Editorial) else str(i) for i in strip(line))
            out.append(Stage((text,), Span(number, number)))
        else:
            verse.append(Line(line, Span(number, number)))
    if verse:
        out.append(_group(verse))
    return out


def _group(lines: list[Line]) -> LineGroup:
    return LineGroup(tuple(lines), "stanza", Span(lines[0].span.start, lines[-1].span.end))


def _only_direction(line: Inlines) -> bool:
    """The line is a bracketed direction and nothing else ("[Exeunt ANTONIO and DELIO.]")."""
    kinds = [i for i in line if not (isinstance(i, str) and not i.strip())]
    return bool(kinds) and all(isinstance(i, Editorial) and i.kind == "stage" for i in kinds)

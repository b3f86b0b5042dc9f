"""Block quotations and verse set off by indentation in hard-wrapped texts.

A group every line of which is indented at least two columns more than ordinary prose is a block
quotation; if its lines end where the author broke them (each line short, not wrapped), it is
verse (``LineGroup``), otherwise prose. Consecutive indented groups form one quotation (stanzas
of one poem). Indented groups that open with a bracket (stage directions) or whose lines start
with names in capitals (cast lists) are left to the paragraph rule.
"""

from __future__ import annotations

import re

from ..model import Block, Line, LineGroup, Paragraph, Span
from .lines import Group
from .wrapping import Layout, group_inlines, inline_lines

_CAPITAL_NAME = re.compile(r"^[A-Z][A-Z'’.-]+\b")


def is_indented_block(group: Group, layout: Layout) -> bool:
    if group.indent < layout.base_indent + 2 or group.indent > 40:
        return False
    first = group.lines[0].stripped
    if first[0] in "[(_" or first.startswith(("_[", "_(")):
        return False
    names = sum(1 for line in group.lines if _CAPITAL_NAME.match(line.stripped))
    return names * 2 < len(group.lines) or len(group.lines) == 1 and names == 0


def is_verse(group: Group, layout: Layout) -> bool:
    """Lines the author broke: in a hard-wrapped text, at most a third of them fill the measure
    (prose quoted with an indent is wrapped like the rest) and most open with a capital."""
    lines = group.lines
    if len(lines) < 2:
        return False
    if not layout.hard_wrapped:
        return all(len(line.stripped) <= 60 for line in lines)
    if all(not layout.wrapped_after(a, b) for a, b in zip(lines, lines[1:], strict=False)):
        return True
    full = sum(1 for line in lines[:-1] if len(line.text) >= layout.width * 0.85)
    capitals = sum(1 for line in lines if line.stripped[0].isupper() or line.stripped[0] in "‘“'\"")
    return full * 3 <= len(lines) - 1 and capitals * 4 >= len(lines) * 3


_LABEL_START = re.compile(r"^(?:[A-Z][\w'’-]*\.\s|[A-Z][A-Z'’ -]+[.:]\s|\[|\(|_)")
_CAST_HEAD = re.compile(r"persons|characters|dramatis|cast\b|personae", re.IGNORECASE)


def is_plain_verse(group: Group, layout: Layout, previous: str) -> bool:
    """Unindented verse in a hard-wrapped text: three or more lines, every break the author's,
    every line opening with a capital or a quotation mark; not a cast list (after its heading)
    and not a scene printed without blank lines (lines opening with speaker labels)."""
    lines = group.lines
    if not layout.hard_wrapped or len(lines) < 2:
        return False
    # The cheapest tests first (most prose fails them): every test must pass, so order is free.
    width = layout.width
    for line in lines:
        text = line.stripped
        if not (text[0].isupper() or text[0] in "‘“'\"«–—") or len(text) > width:
            return False
    if _CAST_HEAD.search(previous):
        return False
    if any(layout.wrapped_after(a, b) for a, b in zip(lines, lines[1:], strict=False)) and not (
        _ragged(group, layout) or _punctuated(group)
    ):
        return False
    return not any(_LABEL_START.match(line.stripped) for line in lines)


def _ragged(group: Group, layout: Layout) -> bool:
    """Lines of very uneven length although wrapping would have filled them: verse in a text
    whose measured wrap width comes from verse itself (a verse play)."""
    lengths = [len(line.text) for line in group.lines]
    longest = max(lengths)
    if longest < layout.width * 0.75:
        return True
    return len(lengths) >= 3 and any(n < longest * 0.75 for n in lengths[:-1])


def _punctuated(group: Group) -> bool:
    """Verse of even lines (alexandrines): many line ends are punctuation, where wrapped prose
    mostly breaks between words (the capitals at line starts are checked by the caller)."""
    inner = group.lines[:-1]
    ends = sum(1 for line in inner if line.text[-1] in ",;:.!?»”’—-")
    return len(group.lines) >= 3 and ends * 5 >= len(inner) * 2


def verse_block(group: Group, layout: Layout) -> LineGroup:
    return LineGroup(
        tuple(
            Line(inline_lines([line], layout), Span.of_lines(line.number)) for line in group.lines
        ),
        "stanza",
        Span(group.start, group.end),
    )


def quoted_block(group: Group, layout: Layout) -> Block:
    span = Span(group.start, group.end)
    if is_verse(group, layout):
        return LineGroup(
            tuple(
                Line(inline_lines([line], layout), Span.of_lines(line.number))
                for line in group.lines
            ),
            "stanza",
            span,
        )
    return Paragraph(group_inlines(group, layout), span)

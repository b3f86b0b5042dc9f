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
    lines = group.lines
    if len(lines) < 2:
        return False
    if layout.hard_wrapped:
        return all(not layout.wrapped_after(a, b) for a, b in zip(lines, lines[1:]))
    return all(len(line.stripped) <= 60 for line in lines)


def quoted_block(group: Group, layout: Layout) -> Block:
    span = Span(group.start, group.end)
    if is_verse(group, layout):
        return LineGroup(tuple(Line(inline_lines([line], layout), Span.of_lines(line.number)) for line in group.lines),
                         "stanza", span)
    return Paragraph(group_inlines(group, layout), span)

"""Side notes: ``[Sidenote: _Afternoon Tea_]``, as Gutenberg transcribers mark a marginal note.

A printed book's marginal note (a running summary, a date, a keyword) is transcribed as a
bracketed line or lines, usually at the start of the paragraph it stood beside, sometimes as a
group of its own. It is no part of the paragraph's text: it becomes ``note[@place='margin']``
before the paragraph, its words kept verbatim (brackets and label too, as footnote blocks are).
"""

from __future__ import annotations

import re

from .lines import Group, SourceLine

_SIDENOTE = re.compile(r"^\[(?:Side-?\s?note|Margin(?:al)?\s+note|Marginal)\s*:", re.I)


def leading_sidenote(lines: tuple[SourceLine, ...]) -> int:
    """How many of the first lines are one side note (0 when they do not open with one): its
    bracket must close at the end of a line, within four lines."""
    if not lines or not _SIDENOTE.match(lines[0].stripped):
        return 0
    depth = 0
    for k, line in enumerate(lines[:4]):
        for char in line.stripped:
            depth += (char == "[") - (char == "]")
        if depth <= 0:
            return k + 1 if line.stripped.endswith("]") else 0
    return 0


def cut_sidenotes(groups: list[Group]) -> list[Group]:
    """Groups with the side notes they open with cut off into groups of their own (a group
    may open with several, one under another)."""
    out: list[Group] = []
    for group in groups:
        lines = group.lines
        before = group.blank_before
        while len(lines) > 1 and (taken := leading_sidenote(lines)) and taken < len(lines):
            out.append(Group(lines[:taken], before, 0))
            lines, before = lines[taken:], 0
        out.append(group if lines is group.lines else Group(lines, before, group.blank_after))
    return out


def is_sidenote(group: Group) -> bool:
    return leading_sidenote(group.lines) == len(group.lines)


__all__ = ["cut_sidenotes", "is_sidenote", "leading_sidenote"]

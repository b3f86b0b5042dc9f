"""Illustration markers: ``[Illustration]``, ``[Illustration: caption …]``, ``[Frontispiece: …]``.

Gutenberg transcribers mark where a picture stood by a bracketed line; the caption may wrap over
several lines of its group and ends with the closing bracket. The title page (``titlepage``) and
the body (``blocks.figure``) both read them here; the text is kept verbatim, line breaks too.
"""

from __future__ import annotations

import re

from ..model import Figure, Span
from .lines import Group

_ILLUSTRATION = re.compile(r"^\[(?:Illustration|Frontispiece|Image)\b", re.I)


def opens_illustration(text: str) -> bool:
    """Whether ``text`` starts with an illustration marker (its bracket may close later)."""
    return bool(_ILLUSTRATION.match(text))


def figure_of(group: Group) -> Figure | None:
    """The group as a figure when it is one illustration marker and nothing else: its first
    bracket closes at its very end ("[Illustration] He came in." is a paragraph)."""
    text = group.text
    if not text.endswith("]") or not _ILLUSTRATION.match(text) or _closes_at(text) != len(text):
        return None
    verbatim = "\n".join(line.stripped for line in group.lines)
    return Figure(verbatim, Span(group.start, group.end))


def _closes_at(text: str) -> int:
    """The index just after the bracket that closes the first one (a caption may hold
    brackets of its own); 0 when it never closes."""
    depth = 0
    for i, char in enumerate(text):
        if char == "[":
            depth += 1
        elif char == "]":
            depth -= 1
            if depth == 0:
                return i + 1
    return 0

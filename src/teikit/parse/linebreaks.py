"""Original line breaks kept as ``LineBreak`` on request (``teikit encode --keep-linebreaks``).

Runs after every other stage, so no rule mistakes a wrapper's break for the author's. In each
paragraph, stage direction, heading and trailer (also inside divisions, speeches, quotes, list
items and notes) whose span covers several source lines, the space that joined two of its lines
becomes a ``LineBreak``. Each boundary is found by the end of one line and the start of the next;
one that cannot be found (a rule moved words out of the block, or a note marker stands at the
line end) keeps its space, so nothing is ever lost — only that ``<lb/>`` is missing.
"""

from __future__ import annotations

from dataclasses import fields, replace
from typing import Any

from .. import model as m
from .lines import SourceLine

# Enough of each side of a boundary to find it again, little enough to stay cheap.
_TAIL = 24
_HEAD = 12


def keep_line_breaks(document: m.Document, lines: list[SourceLine]) -> m.Document:
    """The document with every soft line break of its source kept as a ``LineBreak``."""
    by_number = {line.number: line for line in lines}
    keeper = _Keeper(by_number)
    return replace(
        document,
        body=tuple(keeper.block(b) for b in document.body),
        notes=tuple(keeper.block(n) for n in document.notes),
    )


class _Keeper:
    def __init__(self, lines: dict[int, SourceLine]) -> None:
        self.lines = lines

    def block(self, block: Any) -> Any:
        if isinstance(block, (m.Paragraph, m.Stage, m.Heading, m.Trailer)):
            return self.with_breaks(block)
        changes = {}
        for f in fields(block):
            value = getattr(block, f.name)
            if f.name in ("blocks", "items", "lines") and isinstance(value, tuple):
                changes[f.name] = tuple(
                    self.block(v) if not isinstance(v, tuple) else v for v in value
                )
        return replace(block, **changes) if changes else block

    def with_breaks(self, block: Any) -> Any:
        span = block.span
        if span.end <= span.start:
            return block
        texts = [
            self.lines[n].stripped
            for n in range(span.start, span.end + 1)
            if n in self.lines and not self.lines[n].blank
        ]
        if len(texts) < 2:
            return block
        content = _split_at_boundaries(block.content, texts)
        return block if content is None else replace(block, content=content)


def _split_at_boundaries(content: m.Inlines, texts: list[str]) -> m.Inlines | None:
    """``content`` with a LineBreak where each pair of consecutive ``texts`` was joined by a
    space; None when no boundary was found."""
    out: list[m.Inline] = []
    boundary = 0  # the next boundary to find: between texts[boundary] and texts[boundary + 1]
    found = False
    for inline in content:
        if not isinstance(inline, str) or boundary >= len(texts) - 1:
            out.append(inline)
            continue
        rest = inline
        while boundary < len(texts) - 1:
            tail, head = texts[boundary][-_TAIL:], texts[boundary + 1][:_HEAD]
            at = rest.find(f"{tail} {head}")
            if at < 0:
                # this boundary is not inside this string (an existing break, a note marker)
                if _boundary_is_later(rest, texts, boundary):
                    boundary += 1
                    continue
                break
            cut = at + len(tail)
            out.append(rest[:cut])
            out.append(m.LineBreak())
            rest = rest[cut + 1 :]
            boundary += 1
            found = True
        if rest:
            out.append(rest)
    return tuple(out) if found else None


def _boundary_is_later(rest: str, texts: list[str], boundary: int) -> bool:
    """True when a later boundary is in ``rest``: the current one lies elsewhere, skip it."""
    for later in range(boundary + 1, len(texts) - 1):
        if f"{texts[later][-_TAIL:]} {texts[later + 1][:_HEAD]}" in rest:
            return True
    return False

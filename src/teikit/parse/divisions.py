"""Flat blocks and division openings → nested ``Division``s.

Each ``Opening`` has a depth (0 volume … 4 plain section); an opening closes every open division
at its depth or deeper, so a scene nests in its act and a chapter closes the previous chapter.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..model import Block, Division, Inlines, Span

PLAIN_SECTION = 4  # the depth of a heading with no keyword: the deepest division


@dataclass(frozen=True, slots=True)
class Opening:
    type: str
    head: Inlines
    n: str
    level: int
    span: Span


@dataclass(slots=True)
class _Open:
    opening: Opening
    blocks: list[Block] = field(default_factory=list)

    def close(self) -> Division:
        end = max([self.opening.span.end] + [_end(b) for b in self.blocks])
        o = self.opening
        return Division(o.type, o.head, tuple(self.blocks), o.n, Span(o.span.start, end))


@dataclass(frozen=True, slots=True)
class CloseAll:
    """Closes every open division at ``level`` or deeper: all of them by default (a trailing
    notes section belongs to the whole text); from the plain sections' depth, the sections a
    table of contents follows (a dedication's), not the volume or part it may list."""

    level: int = 0


def _end(block: Block) -> int:
    return block.span.end


def nest(flat: list[Block | Opening | CloseAll]) -> list[Block]:
    top: list[Block] = []
    stack: list[_Open] = []

    def emit(block: Block) -> None:
        (stack[-1].blocks if stack else top).append(block)

    for entry in flat:
        if isinstance(entry, CloseAll):
            while stack and stack[-1].opening.level >= entry.level:
                emit_closed = stack.pop().close()
                emit(emit_closed)
        elif isinstance(entry, Opening):
            while stack and stack[-1].opening.level >= entry.level:
                emit_closed = stack.pop().close()
                emit(emit_closed)
            stack.append(_Open(entry))
        else:
            emit(entry)
    while stack:
        closed = stack.pop().close()
        emit(closed)
    return top

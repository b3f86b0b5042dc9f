"""Body lines → blocks (first version: paragraphs and numbered items)."""

from __future__ import annotations

import re

from ..model import Block, Item, ListBlock, Paragraph, Span
from .lines import SourceLine, blocks_of

_ITEM = re.compile(r"^(?P<label>\(?(?:\d{1,3}|[a-z]|[ivxlc]{1,6})[).])\s+(?P<text>\S.*)$")


def segment(lines: list[SourceLine]) -> list[Block]:
    out: list[Block] = []
    pending: list[Item] = []
    for group in blocks_of(lines):
        text = " ".join(line.stripped for line in group)
        span = Span(group[0].number, group[-1].number)
        match = _ITEM.match(text)
        if match:
            pending.append(Item(match.group("label"), (Paragraph((match.group("text"),), span),), span))
            continue
        if pending:
            out.append(_list_of(pending))
            pending = []
        out.append(Paragraph((text,), span))
    if pending:
        out.append(_list_of(pending))
    return out


def _list_of(items: list[Item]) -> ListBlock:
    return ListBlock(tuple(items), "ordered", Span(items[0].span.start, items[-1].span.end))

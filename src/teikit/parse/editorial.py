"""Editorial brackets inside running text: ``[sic]``, ``[illegible]``, ``[…]``, ``[Applause]``,
``[only]``, ``[Editor's note: …]`` become ``Editorial`` inlines that keep the brackets verbatim.

Kinds: "sic"; "gap" (illegible, unclear, missing, an ellipsis, a question mark); "stage"
(applause, laughter, cheers, interruptions); "comment" (editor's, translator's notes);
"supplied" (up to four words without sentence punctuation). Anything else stays text, and so
does a bracket that opens its paragraph (stage directions, which the speaker rules handle), a
note anchor (``[1]``) and a page marker.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..model import (
    Block,
    Division,
    Editorial,
    Inline,
    Inlines,
    Item,
    ListBlock,
    Note,
    Paragraph,
    Quote,
    unchanged,
)

_BRACKET = re.compile(r"\[(?P<body>[^\[\]\n]{1,120})\]")
_GAP = re.compile(
    r"^(?:illegible|unclear|indecipherable|missing|gap|text missing|words? missing|…|\.{3,}|\?+|"
    r"\.\s\.\s\.)$",
    re.IGNORECASE,
)
_STAGE = re.compile(
    r"\b(?:applause|laughter|cheers?|cheering|laughs|interruptions?|uproar|ovation|"
    r"hear,? hear|shouts?|commotion|noise)\b",
    re.IGNORECASE,
)
_COMMENT = re.compile(
    r"^(?:ed\.|eds\.|editor|editors|editorial|note|n\.b\.|trans\.|translator|"
    r"transcriber|tr\.|mia)\b",
    re.IGNORECASE,
)
_SUPPLIED = re.compile(r"^[\w’'-]+(?:\s[\w’'-]+){0,3}$")
_SKIP = re.compile(
    r"^(?:\d{1,4}\*?|[a-z]|page\s.*|p\.\s?\d+|footnote.*|illustration.*)$", re.IGNORECASE
)


def kind_of(body: str) -> str | None:
    text = body.strip()
    if _SKIP.match(text):
        return None
    if text.lower().rstrip("!.") == "sic":
        return "sic"
    if _GAP.match(text):
        return "gap"
    if _STAGE.search(text) and len(text) <= 60:
        return "stage"
    if _COMMENT.match(text):
        return "comment"
    if _SUPPLIED.match(text) and not text.isdigit():
        return "supplied"
    return None


def mark(blocks: tuple[Block, ...]) -> tuple[Block, ...]:
    return tuple(_block(block) for block in blocks)


def _block(block: Block) -> Block:
    if isinstance(block, Paragraph):
        if not any(isinstance(i, str) and "[" in i for i in block.content):
            return block
        return replace(block, content=mark_inlines(block.content))
    if isinstance(block, (Division, Quote, Note)):
        blocks = mark(block.blocks)
        return block if unchanged(blocks, block.blocks) else replace(block, blocks=blocks)
    if isinstance(block, ListBlock):
        items = tuple(_item(item) for item in block.items)
        return block if unchanged(items, block.items) else replace(block, items=items)
    return block


def _item(item: Item) -> Item:
    blocks = mark(item.blocks)
    return item if unchanged(blocks, item.blocks) else replace(item, blocks=blocks)


def mark_inlines(content: Inlines) -> Inlines:
    out: list[Inline] = []
    for index, inline in enumerate(content):
        if not isinstance(inline, str) or "[" not in inline:
            out.append(inline)
            continue
        last = 0
        for match in _BRACKET.finditer(inline):
            if index == 0 and not inline[: match.start()].strip():
                continue  # a bracket that opens the paragraph is a direction or an aside
            kind = kind_of(match.group("body"))
            if kind is None:
                continue
            if match.start() > last:
                out.append(inline[last : match.start()])
            out.append(Editorial(kind, match.group(0)))
            last = match.end()
        if last < len(inline):
            out.append(inline[last:])
    return tuple(out)

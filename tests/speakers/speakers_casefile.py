"""Case files for the speaker tests: a tiny document format in, a readable JSON rendering out.

A case file (``cases/NAME.txt``) holds short passages rewritten from the corpus. Lines starting
with ``#`` before the first paragraph give the title block (``# author: J. V. Stalin``,
``# subtitle: …``); ``# div act: ACT I`` anywhere opens a division that holds the paragraphs up to
the next ``# div``; ``# lines`` makes the next paragraph keep its line breaks (a cast list as it
would come from a segmenter that keeps lines); ``# verse`` makes it a stanza (``LineGroup``), one
line per source line, as the segmenter groups verse. Paragraphs are separated by blank lines
and their lines are joined with one space, as teikit's segmenter does.

The document is built directly (not through the text parser), so these tests exercise
``attribute_speakers`` alone and stay stable while the segmenter changes.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from teikit.model import (
    Block,
    CastItem,
    CastList,
    Division,
    Document,
    Editorial,
    Emphasis,
    FrontLine,
    Inline,
    Inlines,
    Line,
    LineBreak,
    LineGroup,
    Metadata,
    NoteRef,
    Paragraph,
    Said,
    Span,
    Speech,
    Stage,
)

CASES = Path(__file__).parent / "cases"


def load(path: Path) -> Document:
    front: list[FrontLine] = []
    top: list[Block] = []
    division: tuple[str, str, list[Block]] | None = None
    keep_lines = False
    verse = False
    lines = path.read_text(encoding="utf-8").split("\n")
    group: list[tuple[int, str]] = []

    def flush() -> None:
        nonlocal keep_lines, verse
        if not group:
            return
        span = Span(group[0][0], group[-1][0])
        if verse:
            stanza = tuple(Line((text.strip(),), Span(n, n)) for n, text in group)
            (division[2] if division else top).append(LineGroup(stanza, span=span))
            verse = False
            group.clear()
            return
        content: Inlines
        if keep_lines:
            items: list[Inline] = []
            for k, (_, text) in enumerate(group):
                if k:
                    items.append(LineBreak())
                items.append(text.strip())
            content = tuple(items)
            keep_lines = False
        else:
            content = (" ".join(text.strip() for _, text in group),)
        (division[2] if division else top).append(Paragraph(content, span))
        group.clear()

    for number, line in enumerate(lines, start=1):
        if line.startswith("# "):
            flush()
            directive = line[2:]
            if directive.startswith("div "):
                if division:
                    top.append(Division(division[0], (division[1],), tuple(division[2])))
                kind, _, head = directive[4:].partition(":")
                division = (kind.strip(), head.strip(), [])
            elif directive.strip() == "lines":
                keep_lines = True
            elif directive.strip() == "verse":
                verse = True
            else:
                role, _, text = directive.partition(":")
                front.append(FrontLine(role.strip(), text.strip()))
            continue
        if not line.strip():
            flush()
            continue
        group.append((number, line))
    flush()
    if division:
        top.append(Division(division[0], (division[1],), tuple(division[2])))
    return Document(Metadata(front=tuple(front)), tuple(top), source_name=path.name)


def inline_text(content: Inlines) -> str:
    out: list[str] = []
    for inline in content:
        if isinstance(inline, str):
            out.append(inline)
        elif isinstance(inline, Said):
            out.append(f"<said {inline.who}>{inline_text(inline.content)}</said>")
        elif isinstance(inline, Editorial):
            out.append(f"<{inline.kind}>{inline.text}</{inline.kind}>")
        elif isinstance(inline, Emphasis):
            out.append(f"<emph>{inline_text(inline.content)}</emph>")
        elif isinstance(inline, NoteRef):
            out.append(f"<ref {inline.target}>{inline.label}</ref>")
        elif isinstance(inline, LineBreak):
            out.append("<lb/>")
        else:
            out.append(f"<{type(inline).__name__}>")
    return "".join(out)


def render_block(block: Block) -> Any:
    if isinstance(block, Speech):
        return {
            "sp": block.who,
            "speaker": block.speaker,
            "blocks": [render_block(b) for b in block.blocks],
        }
    if isinstance(block, Stage):
        return {"stage": inline_text(block.content)}
    if isinstance(block, LineGroup):
        return {"lg": [inline_text(ln.content) for ln in block.lines if isinstance(ln, Line)]}
    if isinstance(block, Paragraph):
        return {"p": inline_text(block.content)}
    if isinstance(block, Division):
        return {
            "div": block.type,
            "head": inline_text(block.head),
            "blocks": [render_block(b) for b in block.blocks],
        }
    if isinstance(block, CastList):
        return {
            "castList": inline_text(block.head),
            "items": [
                [i.role, i.description, i.who]
                if isinstance(i, CastItem)
                else inline_text(i.content)
                for i in block.items
            ],
        }
    return {type(block).__name__: repr(block)}


def render(document: Document) -> dict[str, Any]:
    return {
        "genre": document.genre,
        "persons": [
            {
                k: v
                for k, v in {
                    "id": p.id,
                    "name": p.name,
                    "names": list(p.names),
                    "role": p.role,
                    "group": p.group,
                    "is_author": p.is_author,
                }.items()
                if v not in ((), [], "", False)
            }
            for p in document.persons
        ],
        "warnings": [f"line {d.line}: {d.message}" for d in document.warnings],
        "body": [render_block(b) for b in document.body],
    }


def dumps(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def source_paragraphs(path: Path) -> list[str]:
    """The case's paragraphs and division heads as plain text (other directives dropped), for
    the lossless check."""
    document = load(path)
    out: list[str] = []

    def walk(blocks: tuple[Block, ...]) -> None:
        for block in blocks:
            if isinstance(block, Paragraph):
                out.append(inline_plain(block.content))
            elif isinstance(block, LineGroup):
                out.extend(inline_plain(ln.content) for ln in block.lines if isinstance(ln, Line))
            elif isinstance(block, Division):
                out.append(inline_plain(block.head))
                walk(block.blocks)

    walk(document.body)
    return out


def inline_plain(content: Inlines) -> str:
    parts: list[str] = []
    for inline in content:
        if isinstance(inline, str):
            parts.append(inline)
        elif isinstance(inline, (Said, Emphasis)):
            parts.append(inline_plain(inline.content))
        elif isinstance(inline, Editorial):
            parts.append(inline.text)
        elif isinstance(inline, NoteRef):
            parts.append(inline.label)
        elif isinstance(inline, LineBreak):
            parts.append(" ")
    return "".join(parts)


def output_text(blocks: tuple[Block, ...]) -> str:
    """What a text converter prints: speaker verbatim, a space, the speech; cast entries."""
    parts: list[str] = []
    for block in blocks:
        if isinstance(block, Speech):
            parts.append(block.speaker)
            parts.append(output_text(block.blocks))
        elif isinstance(block, (Paragraph, Stage)):
            parts.append(inline_plain(block.content))
        elif isinstance(block, LineGroup):
            parts.extend(inline_plain(ln.content) for ln in block.lines if isinstance(ln, Line))
        elif isinstance(block, Division):
            parts.append(inline_plain(block.head))
            parts.append(output_text(block.blocks))
        elif isinstance(block, CastList):
            parts.append(inline_plain(block.head))
            for item in block.items:
                if isinstance(item, CastItem):
                    parts.extend([item.role, item.description])
                else:
                    parts.append(inline_plain(item.content))
    return " ".join(p for p in parts if p)

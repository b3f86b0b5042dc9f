"""A stable, readable dump of segmented blocks for golden case files (one block a line, nested
blocks indented), and the plain text of an encoded TEI document for the lossless checks."""

from __future__ import annotations

from lxml import etree

from teikit import model as m

TEI = "{http://www.tei-c.org/ns/1.0}"


def inline_text(content: m.Inlines) -> str:
    out: list[str] = []
    for inline in content:
        if isinstance(inline, str):
            out.append(inline)
        elif isinstance(inline, m.LineBreak):
            out.append(" / ")
        elif isinstance(inline, m.NoteRef):
            out.append(f"{{ref {inline.label}->{inline.target}}}")
        elif isinstance(inline, m.Editorial):
            out.append(f"{{{inline.kind} {inline.text}}}")
        elif isinstance(inline, m.PageBreakInline):
            out.append(f"{{pb {inline.n}}}")
        elif isinstance(inline, m.Emphasis):
            out.append(f"{{emph {inline_text(inline.content)}}}")
        elif isinstance(inline, m.Said):
            out.append(f"{{said {inline_text(inline.content)}}}")
        else:
            raise TypeError(type(inline).__name__)
    return "".join(out)


def dump(blocks: tuple[m.Block, ...] | list[m.Block], depth: int = 0) -> list[str]:
    pad = "  " * depth
    out: list[str] = []
    for b in blocks:
        where = f"{b.span.start}-{b.span.end}"
        if isinstance(b, m.Paragraph):
            out.append(f"{pad}p {where}: {inline_text(b.content)}")
        elif isinstance(b, m.Heading):
            out.append(f"{pad}heading {where}: {inline_text(b.content)}")
        elif isinstance(b, m.Division):
            n = f" n={b.n}" if b.n else ""
            out.append(f"{pad}div {b.type}{n} {where}: {inline_text(b.head)}")
            out.extend(dump(b.blocks, depth + 1))
        elif isinstance(b, m.ListBlock):
            out.append(f"{pad}list {b.kind} {where}")
            for item in b.items:
                out.append(f"{pad}  item {item.label!r} {item.span.start}-{item.span.end}")
                out.extend(dump(item.blocks, depth + 2))
        elif isinstance(b, m.Quote):
            out.append(f"{pad}quote {where}")
            out.extend(dump(b.blocks, depth + 1))
        elif isinstance(b, m.LineGroup):
            out.append(f"{pad}lg {b.kind} {where}")
            for line in b.lines:
                if isinstance(line, m.Line):
                    out.append(f"{pad}  l: {inline_text(line.content)}")
                else:
                    out.extend(dump([line], depth + 1))
        elif isinstance(b, m.SectionBreak):
            out.append(f"{pad}break {where}: {b.text}")
        elif isinstance(b, m.PageBreak):
            out.append(f"{pad}pb n={b.n} {where}: {b.text}")
        elif isinstance(b, m.LetterPart):
            parts = " | ".join(f"{role}={inline_text(c)}" for role, c in b.lines)
            out.append(f"{pad}{b.kind} {where}: {parts}")
        elif isinstance(b, m.Note):
            out.append(f"{pad}note {b.id} {b.label!r} {b.place} {where}")
            out.extend(dump(b.blocks, depth + 1))
        elif isinstance(b, m.Table):
            out.append(f"{pad}table {b.kind} {where}")
        elif isinstance(b, m.Figure):
            out.append(f"{pad}figure {where}: {b.text!r}")
        elif isinstance(b, m.Trailer):
            out.append(f"{pad}trailer {where}: {inline_text(b.content)}")
        elif isinstance(b, m.Stage):
            out.append(f"{pad}stage {where}: {inline_text(b.content)}")
        elif isinstance(b, m.Speech):
            out.append(f"{pad}sp {b.speaker!r} {where}")
            out.extend(dump(b.blocks, depth + 1))
        elif isinstance(b, m.CastList):
            out.append(f"{pad}castList {where}: {inline_text(b.head)}")
        else:
            raise TypeError(type(b).__name__)
    return out


def tei_text(xml: bytes) -> str:
    """Every text node of the TEI ``text`` element (front, body, back), in document order."""
    root = etree.fromstring(xml)
    text = root.find(f"{TEI}text")
    assert text is not None
    return "".join(text.itertext())

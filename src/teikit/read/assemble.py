"""A flat run of styled paragraphs (what Word and Markdown give) → teikit's document model.

Both readers turn their input into ``Item``s in reading order: a heading with its level, a
paragraph, a list item with its level, a quotation or verse paragraph, a stage direction, a
speaker's paragraph, a table, a figure. Here they become the model's nested blocks: headings open
``Division``s (a deeper level nests), consecutive list items a ``ListBlock`` (deeper items nest
in the last item), quotation paragraphs a ``Quote``, verse paragraphs a ``LineGroup``, and a
paragraph opened by a speaker's label a ``Speech`` that goes on until the next label or heading.
Title, subtitle, author and date paragraphs before the text are its title page (``FrontLine``s).

Then the plain-text pipeline's own steps: ``attribute_speakers`` where the input marked no
speaker (labels in the text, as in a transcription) and ``detect_language``.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from .. import model as m
from ..encode.tei import ncname
from ..errors import Diagnostic
from ..parse.language import detect_language
from ..parse.speakers import attribute_speakers


@dataclass
class Item:
    """One paragraph of the input. ``kind``: heading, p, item, quote, verse, stage, speech,
    front (``role`` title/subtitle/author/dateline), table, figure.
    """

    kind: str
    content: m.Inlines = ()
    line: int = 0
    level: int = 0  # heading level (1…), list nesting (0…)
    role: str = ""  # front: title, subtitle, author, dateline; item: "ordered"/"bulleted"
    label: str = ""  # list item's printed label; speech's speaker label
    rows: tuple[tuple[m.Inlines, ...], ...] = ()
    lines: tuple[m.Inlines, ...] = ()  # verse: the lines of one paragraph


@dataclass
class Parts:
    items: list[Item] = field(default_factory=list)
    notes: list[m.Note] = field(default_factory=list)
    fields: list[m.Field] = field(default_factory=list)
    warnings: list[Diagnostic] = field(default_factory=list)


def build_document(parts: Parts, source_name: str) -> m.Document:
    items = parts.items
    front: list[m.FrontLine] = []
    start = 0
    while start < len(items) and items[start].kind == "front":
        item = items[start]
        text = _plain(item.content).strip()
        if text:
            front.append(m.FrontLine(item.role, text, _span(item.line)))
        start += 1
    body, persons = _divisions(items[start:])
    document = m.Document(
        metadata=m.Metadata(origin="plain", front=tuple(front), fields=tuple(parts.fields)),
        body=tuple(body),
        notes=tuple(parts.notes),
        persons=tuple(persons),
        source_name=source_name,
        line_count=max((i.line for i in items), default=0),
    )
    if not persons:  # no speaker marked in the input: labels in the text, as in a transcription
        document = attribute_speakers(document)
    return replace(
        document,
        language=detect_language(document),
        warnings=(*parts.warnings, *document.warnings),
    )


def _span(line: int) -> m.Span:
    return m.Span(line, line)


def _plain(content: m.Inlines) -> str:
    out = []
    for inline in content:
        if isinstance(inline, str):
            out.append(inline)
        elif isinstance(inline, m.Emphasis):
            out.append(_plain(inline.content))
        elif isinstance(inline, m.LineBreak):
            out.append(" ")
    return "".join(out)


def _divisions(items: list[Item]) -> tuple[list[m.Block], list[m.Person]]:
    """Headings open divisions; a deeper heading nests in the one before it."""
    persons: dict[str, m.Person] = {}
    root: list[m.Block] = []
    # Open divisions: (level, head, blocks so far, line)
    stack: list[tuple[int, m.Inlines, list[m.Block], int]] = []

    def close(to_level: int) -> None:
        while stack and stack[-1][0] >= to_level:
            level, head, blocks, line = stack.pop()
            division = m.Division("section", head, tuple(blocks), span=_span(line))
            (stack[-1][2] if stack else root).append(division)

    run: list[Item] = []

    def flush() -> None:
        if run:
            (stack[-1][2] if stack else root).extend(_blocks(run, persons))
            run.clear()

    for item in items:
        if item.kind == "heading":
            flush()
            close(item.level)
            stack.append((item.level, item.content, [], item.line))
        else:
            run.append(item)
    flush()
    close(0)
    return root, list(persons.values())


def _blocks(items: list[Item], persons: dict[str, m.Person]) -> list[m.Block]:
    out: list[m.Block] = []
    i = 0
    while i < len(items):
        item = items[i]
        if item.kind == "item":
            j = i
            while j < len(items) and items[j].kind == "item":
                j += 1
            out.append(_list(items[i:j], 0))
            i = j
        elif item.kind == "quote":
            j = i
            while j < len(items) and items[j].kind == "quote":
                j += 1
            quoted = tuple(m.Paragraph(q.content, _span(q.line)) for q in items[i:j])
            out.append(m.Quote(quoted, m.Span(item.line, items[j - 1].line)))
            i = j
        elif item.kind == "verse":
            j = i
            while j < len(items) and items[j].kind == "verse":
                j += 1
            lines = tuple(
                m.Line(line, _span(v.line)) for v in items[i:j] for line in v.lines or (v.content,)
            )
            out.append(m.LineGroup(lines, span=m.Span(item.line, items[j - 1].line)))
            i = j
        elif item.kind == "speech":
            j = i + 1
            while j < len(items) and items[j].kind not in ("speech",):
                j += 1
            out.append(_speech(item, items[i + 1 : j], persons))
            i = j
        else:
            out.append(_block(item))
            i += 1
    return out


def _block(item: Item) -> m.Block:
    if item.kind == "stage":
        return m.Stage(item.content, _span(item.line))
    if item.kind == "table":
        return m.Table(item.rows, span=_span(item.line))
    if item.kind == "break":
        return m.SectionBreak(_plain(item.content) or "* * *", _span(item.line))
    if item.kind == "figure":
        return m.Figure(_plain(item.content), _span(item.line))
    if item.kind == "front":  # a title-like paragraph inside the text
        return m.Paragraph(item.content, _span(item.line))
    return m.Paragraph(item.content, _span(item.line))


def _speech(item: Item, rest: list[Item], persons: dict[str, m.Person]) -> m.Speech:
    name = item.label.strip().rstrip(".:,;").strip() or item.label.strip()
    key = name.lower()
    person = persons.get(key)
    if person is None:
        base = ncname(name, "speaker")
        ident, n = base, 1
        while any(p.id == ident for p in persons.values()):
            n += 1
            ident = f"{base}-{n}"
        person = persons[key] = m.Person(ident, name, (name,), role="speaker")
    blocks: list[m.Block] = []
    if any(_plain(item.content).strip() for _ in (0,)):
        blocks.append(m.Paragraph(item.content, _span(item.line)))
    blocks.extend(_blocks(rest, persons))
    end = rest[-1].line if rest else item.line
    return m.Speech(person.id, item.label.strip(), tuple(blocks), m.Span(item.line, end))


def _list(items: list[Item], level: int) -> m.ListBlock:
    """Items at ``level`` with the deeper ones after each nested in it."""
    entries: list[m.Item] = []
    i = 0
    while i < len(items):
        item = items[i]
        j = i + 1
        while j < len(items) and items[j].level > item.level:
            j += 1
        blocks: list[m.Block] = [m.Paragraph(item.content, _span(item.line))]
        if j > i + 1:
            blocks.append(_list(items[i + 1 : j], item.level + 1))
        entries.append(m.Item(item.label, tuple(blocks), _span(item.line)))
        i = j
    kind = items[0].role or "bulleted"
    return m.ListBlock(tuple(entries), kind, m.Span(items[0].line, items[-1].line))

"""Model blocks and inlines → TEI ``text`` (front, body, back).

Every class in ``model.BLOCK_TYPES`` and ``model.INLINE_TYPES`` has a writer here; anything else
raises ``TypeError`` so a new model type can never be dropped silently. Note markers stay where the
source had them (``ref`` to the note); the notes themselves go to ``back/div[@type='notes']``, in
source order, so reading order is the source's.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from lxml import etree

from .. import model as m
from .dates import parse_date
from .tei import append_text, el, tei

Writer = Callable[[etree._Element, Any], None]


def build_text(document: m.Document, parent: etree._Element, keep_linebreaks: bool = False) -> None:
    text = el(parent, "text", type=document.genre if document.genre != "prose" else None)
    front_lines = document.metadata.front
    if front_lines:
        _write_front(el(text, "front"), front_lines)
    body = el(text, "body")
    blocks, trailing_notes = _split_trailing_notes(document.body)
    blocks, after_the_end = _split_after_the_end(blocks)
    if blocks:
        write_blocks(body, blocks)
    else:
        el(body, "p")  # TEI requires content in body; an empty source has none
    if document.notes or trailing_notes or after_the_end:
        back = el(text, "back")
        _write_back_matter(back, after_the_end)
        for division in trailing_notes:
            write_block(back, division)
        if document.notes:
            notes = el(back, "div", type="notes")
            for note in document.notes:
                write_block(notes, note)


def _split_trailing_notes(
    blocks: tuple[m.Block, ...],
) -> tuple[tuple[m.Block, ...], tuple[m.Block, ...]]:
    """A notes section that ends the text (``Notes`` and its notes) belongs in ``back``."""
    cut = len(blocks)
    while cut > 0 and _is_notes_division(blocks[cut - 1]):
        cut -= 1
    if cut == 0:
        return blocks, ()
    return blocks[:cut], blocks[cut:]


def _split_after_the_end(
    blocks: tuple[m.Block, ...],
) -> tuple[tuple[m.Block, ...], tuple[m.Block, ...]]:
    """What a book prints after its closing "THE END" (other books by the author, the
    publisher's advertisements) is back matter, not the work's text: it belongs in ``back``."""
    for k in range(len(blocks) - 1, -1, -1):
        if _ends_with_the_end(blocks[k]):
            return (blocks[: k + 1], blocks[k + 1 :]) if k + 1 < len(blocks) else (blocks, ())
    return blocks, ()


def _ends_with_the_end(block: m.Block) -> bool:
    if isinstance(block, m.Trailer):
        return block.work
    if isinstance(block, m.Division) and block.blocks:
        return _ends_with_the_end(block.blocks[-1])
    return False


def _write_back_matter(back: etree._Element, blocks: tuple[m.Block, ...]) -> None:
    """Divisions as they are; the blocks between them in a division of their own (``back``
    holds divisions, not bare paragraphs)."""
    loose: list[m.Block] = []
    for block in blocks:
        if isinstance(block, m.Division):
            if loose:
                write_blocks(el(back, "div", type="backMatter"), tuple(loose))
                loose = []
            write_block(back, block)
        else:
            loose.append(block)
    if loose:
        write_blocks(el(back, "div", type="backMatter"), tuple(loose))


def _write_front(front: etree._Element, lines: tuple[m.FrontLine, ...]) -> None:
    page = el(front, "titlePage")
    for line in lines:
        if line.role in ("title", "subtitle"):
            # Consecutive title lines share one docTitle, as printed title pages do.
            last = page[-1] if len(page) else None
            doc_title = (
                last if last is not None and last.tag == tei("docTitle") else el(page, "docTitle")
            )
            el(doc_title, "titlePart", line.text, type="main" if line.role == "title" else "sub")
        elif line.role == "author":
            el(page, "docAuthor", line.text)
        elif line.role == "dateline":
            date = parse_date(line.text)
            el(page, "docDate", line.text, **(date.attributes() if date else {}))
        elif line.role == "imprint":
            el(page, "docImprint", line.text)
        elif line.role == "edition":
            el(page, "docEdition", line.text)
        elif line.role == "figure":
            _figure_with(page, line.text)
        else:
            el(page, "byline", line.text)


def _is_notes_division(block: m.Block) -> bool:
    return isinstance(block, m.Division) and block.type == "notes"


def write_blocks(parent: etree._Element, blocks: tuple[m.Block, ...]) -> None:
    """Write blocks in order. TEI allows no paragraph-level content between or after ``div``s of
    one parent, so blocks that follow a division are kept in an unheaded ``div`` of their own
    (reading order and text unchanged)."""
    pending: list[m.Block] = []
    seen_division = False
    divisional = etree.QName(parent).localname in ("div", "body", "back", "front")
    for i, block in enumerate(blocks):
        if isinstance(block, m.Trailer):
            if pending:
                _write_continuation(parent, pending)
                pending = []
            _write_trailer(parent, block, divisional and _closes_blocks(blocks, i))
        elif isinstance(block, m.LetterPart) and not (divisional and _letter_part_fits(blocks, i)):
            if seen_division:
                pending.append(block)
            else:
                _letter_part_as_block(parent, block)
        elif isinstance(block, m.Division):
            if pending:
                _write_continuation(parent, pending)
                pending = []
            seen_division = True
            write_block(parent, block)
        elif seen_division:
            pending.append(block)
        else:
            write_block(parent, block)
    if pending:
        _write_continuation(parent, pending)


def _write_continuation(parent: etree._Element, blocks: list[m.Block]) -> None:
    node = el(parent, "div", type="continued")
    write_blocks(node, tuple(blocks))


def _letter_part_fits(blocks: tuple[m.Block, ...], i: int) -> bool:
    """TEI puts ``opener`` before a division's content and ``closer`` after it, nowhere else."""
    block = blocks[i]
    assert isinstance(block, m.LetterPart)
    if block.kind == "opener":
        return all(isinstance(b, m.LetterPart) and b.kind == "opener" for b in blocks[:i])
    return all(isinstance(b, m.LetterPart) and b.kind == "closer" for b in blocks[i + 1 :]) and any(
        not isinstance(b, m.LetterPart) for b in blocks[:i]
    )


def _closes_blocks(blocks: tuple[m.Block, ...], i: int) -> bool:
    """TEI puts ``trailer`` after a division's content (or its subdivisions), nothing but other
    trailers after it."""
    return all(isinstance(b, m.Trailer) for b in blocks[i + 1 :]) and any(
        not isinstance(b, _NOT_CONTENT) for b in blocks[:i]
    )


# What TEI does not count as a division's content (heads, milestones, figures, notes…).
_NOT_CONTENT = (m.Trailer, m.Figure, m.PageBreak, m.SectionBreak, m.Note, m.LetterPart, m.Heading)


def _write_trailer(parent: etree._Element, block: m.Trailer, fits: bool) -> None:
    # Where TEI allows no trailer (inside a speech or a quotation, before more text) the line
    # stays an ``ab`` typed as one, its text kept.
    node = el(parent, "trailer") if fits else el(parent, "ab", type="trailer")
    write_inlines(node, block.content)


def _letter_part_as_block(parent: etree._Element, block: m.LetterPart) -> None:
    """A salutation or closing in mid-text (a letter quoted in a novel): an ``ab`` that keeps
    its lines, typed by its role, since ``opener``/``closer`` would not be valid there."""
    node = el(parent, "ab", type=block.kind)
    for i, (_role, content) in enumerate(block.lines):
        if i:
            el(node, "lb").tail = "\n"
        write_inlines(node, content)


def write_block(parent: etree._Element, block: m.Block) -> None:
    writer = _BLOCK_WRITERS.get(type(block))
    if writer is None:
        raise TypeError(f"no TEI writer for block type {type(block).__name__}")
    writer(parent, block)


def write_inlines(node: etree._Element, content: m.Inlines) -> None:
    for inline in content:
        if isinstance(inline, str):
            append_text(node, inline)
            continue
        writer = _INLINE_WRITERS.get(type(inline))
        if writer is None:
            raise TypeError(f"no TEI writer for inline type {type(inline).__name__}")
        writer(node, inline)


# -- blocks ----------------------------------------------------------------------------------------


def _paragraph(parent: etree._Element, block: m.Paragraph) -> None:
    content = block.content
    if len(content) == 1 and isinstance(content[0], str):
        el(parent, "p", content[0])  # the commonest paragraph: one string, the element's text
    else:
        write_inlines(el(parent, "p"), content)


def _heading(parent: etree._Element, block: m.Heading) -> None:
    # TEI allows <head> only at the start of a division; elsewhere a heading-like line is an <ab>.
    tag = "head" if not _has_content_children(parent) else "ab"
    node = el(parent, tag, type="heading" if tag == "ab" else None)
    write_inlines(node, block.content)


def _has_content_children(parent: etree._Element) -> bool:
    return any(etree.QName(child).localname != "head" for child in parent)


def _list(parent: etree._Element, block: m.ListBlock) -> None:
    node = el(parent, "list", type=block.kind)
    for item in block.items:
        if item.label:
            el(node, "label", item.label)
        _item_body(el(node, "item"), item.blocks)


def _item_body(node: etree._Element, blocks: tuple[m.Block, ...]) -> None:
    if len(blocks) == 1 and isinstance(blocks[0], m.Paragraph):
        write_inlines(node, blocks[0].content)
    else:
        write_blocks(node, blocks)


def _quote(parent: etree._Element, block: m.Quote) -> None:
    quote = el(parent, "quote")
    if any(isinstance(b, m.LetterPart) for b in block.blocks):
        # A letter quoted in the text keeps its salutation and signature as opener and closer:
        # TEI allows them at the start and end of a floatingText's body, not in a bare quote.
        write_blocks(el(el(quote, "floatingText", type="letter"), "body"), block.blocks)
    else:
        write_blocks(quote, block.blocks)


def _line_group(parent: etree._Element, block: m.LineGroup) -> None:
    node = el(parent, "lg", type=block.kind or None)
    for line in block.lines:
        if isinstance(line, m.LineGroup):
            _line_group(node, line)
        else:
            write_inlines(el(node, "l"), line.content)


def _section_break(parent: etree._Element, block: m.SectionBreak) -> None:
    el(parent, "milestone", unit="section", rend=block.text)


def _page_break(parent: etree._Element, block: m.PageBreak) -> None:
    el(parent, "pb", n=block.n or None, rend=block.text or None)


def _trailer(parent: etree._Element, block: m.Trailer) -> None:
    _write_trailer(parent, block, False)  # alone, outside ``write_blocks``: no place to close


def _figure(parent: etree._Element, block: m.Figure) -> None:
    _figure_with(parent, block.text)


def _figure_with(parent: etree._Element, text: str) -> None:
    # "[Illustration: …]": the transcriber's words, brackets and all, describe the picture.
    el(el(parent, "figure"), "figDesc", text)


def _stage(parent: etree._Element, block: m.Stage) -> None:
    write_inlines(el(parent, "stage"), block.content)


def _speech(parent: etree._Element, block: m.Speech) -> None:
    who = " ".join(f"#{w}" for w in block.who.split()) if block.who else None
    node = el(parent, "sp", who=who)
    if block.speaker:
        el(node, "speaker", block.speaker)
    write_blocks(node, block.blocks)


def _cast_list(parent: etree._Element, block: m.CastList) -> None:
    node = el(parent, "castList")
    if block.head:
        write_inlines(el(node, "head"), block.head)
    for item in block.items:
        if isinstance(item, m.CastItem):
            cast = el(node, "castItem")
            role = el(cast, "role", item.role, corresp=f"#{item.who}" if item.who else None)
            del role  # keeps the element; ``corresp`` links the role to particDesc
            if item.description:
                el(cast, "roleDesc", item.description)
        else:
            # Free text inside a cast list (e.g. "Scene: London") is kept as a castItem of its own.
            write_inlines(el(node, "castItem"), item.content)


_LETTER_ROLES = {"salute": "salute", "dateline": "dateline", "signed": "signed"}


def _letter_part(parent: etree._Element, block: m.LetterPart) -> None:
    node = el(parent, block.kind if block.kind in ("opener", "closer") else "closer")
    for i, (role, content) in enumerate(block.lines):
        tag = _LETTER_ROLES.get(role)
        if tag:
            write_inlines(el(node, tag), content)
        else:
            if i:
                el(node, "lb")
            write_inlines(node, content)


def _note(parent: etree._Element, block: m.Note) -> None:
    node = el(
        parent,
        "note",
        xml_id=block.id,
        n=block.label or None,
        place=block.place or None,
        type=block.type or None,
    )
    _item_body(node, block.blocks)


def _table(parent: etree._Element, block: m.Table) -> None:
    node = el(parent, "table", type=block.kind if block.kind != "table" else None)
    for row in block.rows:
        row_node = el(node, "row")
        for cell in row:
            write_inlines(el(row_node, "cell"), cell)


def _division(parent: etree._Element, block: m.Division) -> None:
    node = el(parent, "div", type=block.type or None, n=block.n or None)
    if block.head:
        write_inlines(el(node, "head"), block.head)
    if block.blocks:
        write_blocks(node, block.blocks)
    elif not block.head:
        el(node, "p")


_BLOCK_WRITERS: dict[type, Writer] = {
    m.Paragraph: _paragraph,
    m.Heading: _heading,
    m.ListBlock: _list,
    m.Quote: _quote,
    m.LineGroup: _line_group,
    m.SectionBreak: _section_break,
    m.PageBreak: _page_break,
    m.Figure: _figure,
    m.Trailer: _trailer,
    m.Stage: _stage,
    m.Speech: _speech,
    m.CastList: _cast_list,
    m.LetterPart: _letter_part,
    m.Note: _note,
    m.Table: _table,
    m.Division: _division,
}

# -- inlines ---------------------------------------------------------------------------------------


def _note_ref(node: etree._Element, inline: m.NoteRef) -> None:
    el(node, "ref", inline.label, type="noteAnchor", target=f"#{inline.target}")


def _said(node: etree._Element, inline: m.Said) -> None:
    said = el(
        node,
        "said",
        who=f"#{inline.who}" if inline.who else None,
        direct="false" if not inline.direct else None,
    )
    write_inlines(said, inline.content)


def _line_break(node: etree._Element, inline: m.LineBreak) -> None:
    # The newline keeps the words on either side apart for any text extraction (lb is empty).
    el(node, "lb").tail = "\n"


def _page_break_inline(node: etree._Element, inline: m.PageBreakInline) -> None:
    el(node, "pb", n=inline.n or None)


def _editorial(node: etree._Element, inline: m.Editorial) -> None:
    if inline.kind == "stage":
        el(node, "stage", inline.text)
    else:
        el(node, "seg", inline.text, type="editorial", subtype=inline.kind or None)


def _emphasis(node: etree._Element, inline: m.Emphasis) -> None:
    write_inlines(el(node, "emph", rend=inline.marker or None), inline.content)


_INLINE_WRITERS: dict[type, Writer] = {
    m.NoteRef: _note_ref,
    m.Said: _said,
    m.LineBreak: _line_break,
    m.PageBreakInline: _page_break_inline,
    m.Editorial: _editorial,
    m.Emphasis: _emphasis,
}

assert set(_BLOCK_WRITERS) == set(m.BLOCK_TYPES), "every block type needs a TEI writer"
assert set(_INLINE_WRITERS) | {str} == set(m.INLINE_TYPES), "every inline type needs a TEI writer"

"""The block tree → plain text (teikit's documented text profile, see docs/convert.md).

Blocks are separated by a blank line; a speech is its speaker label, a space, then its first
paragraph; list items are their label, a space, the item; line breaks are kept; page breaks and
page breaks print nothing; a section milestone prints its own marker when ``@rend`` is one made of
symbols (``* * *``, as teikit records the source's), else nothing, and so does emphasis around its
text (``<emph rend="_">`` for the source's ``_word_``, see ``reader.Span.plain``);
notes found inside
running text print their marker ``[n]`` in place and their text at the end, after a line "Notes".
"""

from __future__ import annotations

from .reader import Block, Reading
from .spaces import squeeze_xml_lines

_SILENT = {"pb"}


def render(reading: Reading) -> str:
    paragraphs: list[str] = []
    for block in reading.blocks:
        _block(block, paragraphs)
    if reading.notes:
        paragraphs.append("Notes")
        for note in reading.notes:
            body: list[str] = []
            _block_content(note, body)
            paragraphs.append(f"[{note.attrs.get('n', '')}] " + "\n\n".join(body))
    text = "\n\n".join(filter(None, map(squeeze_xml_lines, paragraphs)))
    return text + "\n" if text else ""


# Kinds ``_block`` writes its own way; any other block is its children's text, or its own.
_OWN_WAY = frozenset({*_SILENT, "milestone", "sp", "list"})


def _block(block: Block, out: list[str]) -> None:
    if not block.children and block.kind not in _OWN_WAY:
        # ``_block_content`` spelt out for the usual block (a paragraph, a line, a speaker): two
        # calls per block cost more than the rest of its writing.
        inlines = block.inlines
        text = inlines[0] if len(inlines) == 1 else block.plain()
        if not isinstance(text, str):  # one inline element
            text = block.plain()
        if text and not text.isspace():  # ``text.strip()`` without copying the text
            out.append(text)
        return
    if block.kind in _SILENT:
        return
    if block.kind == "milestone":
        rend = block.attrs.get("rend", "")
        if (
            block.attrs.get("unit") == "section"
            and rend.strip()
            and not any(c.isalnum() for c in rend)
        ):
            out.append(rend)
        return
    if block.kind == "sp":
        _speech(block, out)
        return
    if block.kind == "list":
        _list(block, out)
        return
    _block_content(block, out)


def _block_content(block: Block, out: list[str]) -> None:
    if block.children:
        for child in block.children:
            _block(child, out)
    else:
        text = block.plain()
        if text and not text.isspace():  # ``text.strip()`` without copying the text
            out.append(text)


def _speech(block: Block, out: list[str]) -> None:
    children = list(block.children)
    label = ""
    if children and children[0].kind == "speaker":
        label = children.pop(0).plain().strip()
    inner: list[str] = []
    for child in children:
        _block(child, inner)
    if label and inner:
        inner[0] = f"{label} {inner[0]}"
    elif label:
        inner = [label]
    out.extend(inner)


def _list(block: Block, out: list[str]) -> None:
    pending_label = ""
    for child in block.children:
        if child.kind == "label":
            pending_label = child.plain().strip()
            continue
        inner: list[str] = []
        _block(child, inner)
        if pending_label:
            inner = [f"{pending_label} {inner[0]}", *inner[1:]] if inner else [pending_label]
            pending_label = ""
        out.extend(inner)
    if pending_label:
        out.append(pending_label)

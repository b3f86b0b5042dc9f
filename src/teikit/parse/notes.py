"""Footnotes and endnotes, and the anchors that point at them.

* A trailing notes section: a heading line ``Notes``, ``Footnotes:``, ``Endnotes``… followed by
  groups that open with a note label (``[1]``, ``[1*]``, ``1.``, ``3)``, ``(4)``, ``*``). Every
  labelled group starts a note; an unlabelled group continues the note before it.
* A footnote block in place: a group ``[Footnote 1: text]`` (Gutenberg's convention).
* A footnote printed after the paragraph that cites it: a group opening with ``[1]`` whose
  marker stands in a paragraph since the last heading (a bracketed number alone proves nothing).
* Anchors: bracketed markers in running text (``[1]``, ``[1*]``) whose label names a note become
  ``NoteRef``; everything else stays text.

Note ids are ``note-1``, ``note-2``… in source order; labels stay verbatim.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from ..model import (
    Block,
    Division,
    Inline,
    Inlines,
    ListBlock,
    Note,
    NoteRef,
    Paragraph,
    Quote,
    Span,
)
from .lines import Group

_NOTES_HEAD = re.compile(
    r"^(?:notes?|foot-?notes?|end-?notes?|notes and references|editor[’']?s notes?"
    r"|references|notas|anmerkungen|fu(?:ß|ss)noten|remarques|примечания)\s*[:.]?$",
    re.IGNORECASE,
)
_NOTE_LABEL = re.compile(
    # "*Nota A.*", "Note 12.", "Anm. 3": a note's own heading line, its text below
    r"^(?:(?P<word>[*_]?(?:Nota|Note|Anm\.|Anmerkung|Remarque)\s+[A-Z0-9]{1,3}[.:]?[*_]?)"
    r"(?:\s+(?P<after>\S.*))?"
    r"|(?P<label>\[\d{1,3}\*?\]|\d{1,3}[.)]|\(\d{1,3}\)|\*{1,3}|[†‡])\s*(?P<text>\S.*))$"
)
_FOOTNOTE = re.compile(
    r"^\[(?:Foot-?note|Note)\s*(?P<label>[0-9A-Za-z*†‡]{1,4})?\s*[:.]", re.IGNORECASE
)
_ANCHOR = re.compile(r"\[(?P<key>\d{1,3}\*?)\]")


def is_notes_heading(group: Group) -> bool:
    return len(group.lines) == 1 and bool(_NOTES_HEAD.match(group.lines[0].stripped))


def note_label(text: str) -> tuple[str, str] | None:
    match = _NOTE_LABEL.match(text)
    if match is None:
        return None
    if match.group("word"):
        return match.group("word"), match.group("after") or ""
    return match.group("label"), match.group("text")


def label_key(label: str) -> str:
    """``[12]``, ``12.``, ``(12)``, ``12)`` all name note 12; ``[1*]`` stays ``1*``."""
    return label.strip("[]().")


def footnote_block(group: Group) -> str | None:
    """The label of a ``[Footnote 1: …]`` group, "" when unnumbered, None when not one."""
    first = group.lines[0].stripped
    if not first.startswith("["):  # as _FOOTNOTE requires, found faster
        return None
    match = _FOOTNOTE.match(first)
    if not match or not group.lines[-1].stripped.endswith("]"):
        return None
    return match.group("label") or ""


_BRACKET_LABEL = re.compile(r"^(?P<label>\[(?P<key>\d{1,3}\*?)\])\s+\S")


def bracketed_footnote(group: Group, referenced: Callable[[str], bool]) -> str | None:
    """The label of a footnote printed in place after the text that cites it ("[1] The inn
    was called the Red Lion."), when ``referenced(key)`` says an earlier paragraph carries
    the marker; None otherwise (a bracketed number alone proves nothing)."""
    first = group.lines[0].stripped
    if not first.startswith("["):
        return None
    match = _BRACKET_LABEL.match(first)
    if match is None or not referenced(match.group("key")):
        return None
    return match.group("label")


def link_anchors(blocks: tuple[Block, ...], targets: dict[str, str]) -> tuple[Block, ...]:
    """Turn ``[n]`` markers whose note exists into ``NoteRef`` inlines, in every block."""
    if not targets:
        return blocks
    return tuple(_link_block(block, targets) for block in blocks)


def _link_block(block: Block, targets: dict[str, str]) -> Block:
    if isinstance(block, Paragraph):
        if not any(isinstance(i, str) and "[" in i for i in block.content):
            return block  # no anchor to link (link_inlines would give the same content)
        return replace(block, content=link_inlines(block.content, targets))
    if isinstance(block, Division):
        return replace(block, blocks=link_anchors(block.blocks, targets))
    if isinstance(block, Quote):
        return replace(block, blocks=link_anchors(block.blocks, targets))
    if isinstance(block, ListBlock):
        items = tuple(
            replace(item, blocks=link_anchors(item.blocks, targets)) for item in block.items
        )
        return replace(block, items=items)
    return block


def link_inlines(content: Inlines, targets: dict[str, str]) -> Inlines:
    out: list[Inline] = []
    for inline in content:
        if not isinstance(inline, str) or "[" not in inline:
            out.append(inline)
            continue
        last = 0
        for match in _ANCHOR.finditer(inline):
            target = targets.get(match.group("key"))
            if target is None:
                continue
            if match.start() > last:
                out.append(inline[last : match.start()])
            out.append(NoteRef(match.group(0), target))
            last = match.end()
        if last < len(inline):
            out.append(inline[last:])
    return tuple(out)


def make_note(number: int, label: str, blocks: tuple[Block, ...], place: str, span: Span) -> Note:
    return Note(f"note-{number}", label, blocks, place, span)

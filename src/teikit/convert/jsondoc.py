"""The block tree → JSON (schema: schemas/teikit-json.schema.json).

``{"format": "teikit-json", "version": 1, "header": {...}, "participants": [...],
"blocks": [{"type", "text", "id", "who", "n", "line", "children"}...], "notes": [...]}``.
``text`` is the block's plain text; ``who`` lists speaker ids without "#".

The output is ``json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True)`` byte for byte,
but the blocks are written here straight from the tree: with an indent, the standard library
encodes in Python generators nested as deep as the data (a speech's verse line is six levels
down), and that cost more than twice the whole HTML conversion.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from functools import lru_cache
from json.encoder import encode_basestring  # the C encoder of a string, as ``dumps`` uses
from typing import Any

from .reader import Block, Reading
from .spaces import SPACES, squeeze_printable

FORMAT_VERSION = 1


def render(reading: Reading) -> str:
    header = dict(reading.header)
    participants = header.pop("participants", [])
    # Keys in sorted order, as sort_keys writes them.
    out = ['{\n "blocks": ']
    _blocks(reading.blocks, 1, out)
    out.append(f',\n "format": {_dumps("teikit-json")}')
    out.append(f',\n "header": {_dumps(header)}')
    out.append(',\n "notes": ')
    _blocks(reading.notes, 1, out)
    out.append(f',\n "participants": {_dumps(participants)}')
    out.append(f',\n "version": {_dumps(FORMAT_VERSION)}\n}}\n')
    return "".join(out)


def _dumps(value: Any) -> str:
    """``value`` as ``json.dumps`` writes it one level deep: every line after the first indented
    by one space more (a JSON string never holds a raw newline)."""
    return json.dumps(value, ensure_ascii=False, indent=1, sort_keys=True).replace("\n", "\n ")


class _Level:
    """The fixed strings of a list of blocks whose ``[`` stands ``level`` deep (indent=1: one
    space a level), made once per level rather than once per list."""

    __slots__ = (
        "item",
        "separator",
        "key",
        "opening",
        "text_key",
        "type_key",
        "closing",
        "n_key",
        "end",
    )

    def __init__(self, level: int) -> None:
        self.item = "\n" + " " * (level + 1)  # before each object
        self.separator = "," + self.item
        self.key = "\n" + " " * (level + 2)  # before each key of an object
        self.opening = self.separator + "{" + self.key
        # A text is written between ``text_key`` and ``type_key``, which hold its quotes.
        self.text_key = "," + self.key + '"text": "'
        self.type_key = '",' + self.key + '"type": "'
        self.closing = '"' + self.item + "}"
        self.n_key = "," + self.key + '"n": '
        self.end = "\n" + " " * level + "]"


_LEVELS: list[_Level] = []


def _level(level: int) -> _Level:
    while level >= len(_LEVELS):
        _LEVELS.append(_Level(len(_LEVELS)))
    return _LEVELS[level]


# Attributes of the blocks ``_blocks`` writes itself.
_ID_AND_N = frozenset({"id", "n"})


def _blocks(blocks: Sequence[Block], level: int, out: list[str]) -> None:
    """A list of blocks whose ``[`` stands ``level`` deep.

    The usual block (a paragraph, verse line or speaker, with no attributes but ``xml:id`` and
    ``n``) is written here, as one string, rather than by ``_block``: a call per block cost more
    than the writing. Keys in sorted order: id, line, n, text, type.
    """
    if not blocks:
        out.append("[]")
        return
    strings = _level(level)
    separator = strings.separator
    opening = strings.opening
    text_key = strings.text_key
    type_key = strings.type_key
    closing = strings.closing
    append = out.append
    first = len(out)
    for block in blocks:
        attrs = block.attrs
        if block.children or (attrs and not attrs.keys() <= _ID_AND_N):
            append(separator)
            _block(block, level + 1, out)
            continue
        inlines = block.inlines
        if len(inlines) == 1 and isinstance(text := inlines[0], str):
            # ``_text`` spelt out for the usual block, one run of text: a verse line or a
            # speaker, or a paragraph over the lines of a pretty-printed file (its lines
            # trimmed, the empty ones dropped, one space between; by C loops, which here cost
            # less than ``LINE_BREAKS``). Calls per block cost more than the writing.
            if "\n" in text:
                text = " ".join(filter(None, map(str.strip, text.split("\n"))))
            else:
                text = text.strip()
            # Is its only whitespace the space (runs of it left to squeeze), with no control
            # character to escape? A reading's texts come from an XML tree, which holds no
            # control character but tab, line feed and carriage return (libxml2 and lxml refuse
            # the others): an ASCII text answers by two memchr rather than a Unicode table
            # lookup per character.
            if text.isascii():
                spaced = "\t" not in text and "\r" not in text
            else:
                spaced = text.isprintable()
            if spaced:
                if "  " in text:  # a gap of two spaces, or a space before a break
                    text = SPACES.sub(" ", text)
                if "\\" in text:
                    text = text.replace("\\", "\\\\")
                if '"' in text:
                    text = text.replace('"', '\\"')
            else:  # other whitespace (a tab, a no-break space) or a control character
                text = _text(text)
        else:
            text = _text(block.plain())
        # ``kind`` is an XML name, which holds nothing JSON escapes: quoting it is encoding it.
        if not attrs:
            append(f'{opening}"line": {block.line}{text_key}{text}{type_key}{block.kind}{closing}')
            continue
        ident = attrs.get("id")
        n = attrs.get("n")
        append(
            opening
            + (f'"id": {encode_basestring(ident)},{strings.key}' if ident is not None else "")
            + f'"line": {block.line}'
            + (strings.n_key + encode_basestring(n) if n is not None else "")
            + f"{text_key}{text}{type_key}{block.kind}{closing}"
        )
    out[first] = "[" + out[first][1:]  # the first object without a comma before it
    append(strings.end)


def _text(text: str) -> str:
    """A block's text as JSON string content (no quotes): whitespace squeezed, escaped."""
    text, printable = squeeze_printable(text)
    # ``encode_basestring`` changes quotes, backslashes and control characters alone, and no
    # control character is printable: most texts only need their quotes escaped, if any.
    if not printable:
        return encode_basestring(text)[1:-1]
    if "\\" in text:
        text = text.replace("\\", "\\\\")
    if '"' in text:
        text = text.replace('"', '\\"')
    return text


def _block(block: Block, level: int, out: list[str]) -> None:
    """One block as a JSON object whose ``{`` stands ``level`` deep; keys in sorted order:
    children, id, line, n, place, rend, subtype, text, type, unit, who. Written as one string
    grown in place (``+=`` on a string nothing else holds), not parts joined."""
    strings = _level(level - 1)
    key = strings.key
    attrs = block.attrs
    children = block.children
    if children:
        out.append("{" + key + '"children": ')
        _blocks(children, level + 1, out)
        written = "," + key
    else:
        written = "{" + key
    if not attrs:
        written += f'"line": {block.line}'
    else:
        if "id" in attrs:
            written += f'"id": {encode_basestring(attrs["id"])},{key}'
        written += f'"line": {block.line}'
        if "n" in attrs:
            written += f"{strings.n_key}{encode_basestring(attrs['n'])}"
        if "place" in attrs:
            written += f',{key}"place": {encode_basestring(attrs["place"])}'
        if "rend" in attrs:
            written += f',{key}"rend": {encode_basestring(attrs["rend"])}'
        if "type" in attrs:
            written += f',{key}"subtype": {encode_basestring(attrs["type"])}'
    if not children:
        written += f'{strings.text_key}{_text(block.plain())}"'
    written += f',{key}"type": "{block.kind}"'
    if attrs:
        if "unit" in attrs:
            written += f',{key}"unit": {encode_basestring(attrs["unit"])}'
        if "who" in attrs:
            written += f',{key}"who": {_who(attrs["who"], level)}'
    out.append(written + strings.item + "}")


# A play names the same few speakers in thousands of speeches: each list is written once.
@lru_cache(maxsize=1024)
def _who(who: str, level: int) -> str:
    """``@who``'s ids without "#" as a JSON list whose ``[`` stands ``level`` deep."""
    if who.isprintable() and " " not in who and who:  # the usual speech: one speaker
        return f"[{_level(level).key}{encode_basestring(who.lstrip('#'))}{_level(level - 1).key}]"
    ids = [w.lstrip("#") for w in who.split()]
    if not ids:
        return "[]"
    item = _level(level).key
    listed = ("," + item).join(map(encode_basestring, ids))
    return f"[{item}{listed}{_level(level - 1).key}]"

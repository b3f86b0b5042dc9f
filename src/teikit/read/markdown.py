"""Markdown (CommonMark with footnotes, tables and strikethrough) → ``Parts``, by markdown-it-py.

Headings are headings (a lone level-1 heading opening the file is its title); paragraphs,
block quotes, bullet and ordered lists (the printed marker kept as the item's label), footnotes
as notes, emphasis (``*``/``_``) and strong emphasis as emphasis with their markers, hard line
breaks as line breaks, thematic breaks as section breaks, tables with their rows. A paragraph
that is all lines of verse has no Markdown form and is read as the text has it.

What has no place in teikit's model keeps its text and warns once, at its first line: code
(kept with its line breaks), a link's target (its words stay), an image (its description stays),
struck-out text, raw HTML.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .. import model as m
from ..errors import InputError, warning
from ..io import read_bytes
from ..parse.decode import decode_bytes
from .assemble import Item, Parts

MAX_MARKDOWN_BYTES = 64 * 1024 * 1024


def _parser() -> Any:
    try:
        from markdown_it import MarkdownIt
        from mdit_py_plugins.footnote import footnote_plugin
    except ImportError as exc:  # the [markdown] extra
        raise InputError(
            "reading Markdown needs markdown-it-py and mdit-py-plugins: "
            "pip install 'teikit[markdown]'"
        ) from exc
    return MarkdownIt("commonmark").enable(["table", "strikethrough"]).use(footnote_plugin)


class _Reader:
    def __init__(self, file: str) -> None:
        self.file = file
        self.parts = Parts()
        self._warned: set[str] = set()
        self.note_ids: dict[int, str] = {}

    def warn(self, key: str, message: str, line: int) -> None:
        if key not in self._warned:
            self._warned.add(key)
            self.parts.warnings.append(
                warning("read-unmapped", message, file=self.file, line=line, col=1)
            )

    def read(self, text: str) -> Parts:
        tokens = _parser().parse(text)
        body, notes = _split_footnotes(tokens)
        for label, note_tokens in notes:
            self.note(label, note_tokens)
        self.blocks(body, 0, "p")
        items = self.parts.items
        headings = [i for i in items if i.kind == "heading" and i.level == 1]
        if items and items[0].kind == "heading" and items[0].level == 1 and len(headings) == 1:
            items[0] = Item("front", items[0].content, items[0].line, role="title")
        return self.parts

    def note(self, label: int, tokens: list[Any]) -> None:
        saved = self.parts.items
        self.parts.items = []
        self.blocks(tokens, 0, "p")
        blocks = tuple(m.Paragraph(i.content, m.Span(i.line, i.line)) for i in self.parts.items)
        self.parts.items = saved
        ident = f"fn{label + 1}"
        line = blocks[0].span.start if blocks else 0
        self.parts.notes.append(
            m.Note(ident, str(label + 1), blocks or (m.Paragraph(()),), "foot", m.Span(line, line))
        )
        self.note_ids[label] = ident

    def blocks(
        self, tokens: list[Any], level: int, kind: str, ordered: str = "", marker: str = ""
    ) -> None:
        i = 0
        number = 0
        while i < len(tokens):
            token = tokens[i]
            line = token.map[0] + 1 if token.map else 0
            t = token.type
            if t == "heading_open":
                content = self.inlines(tokens[i + 1])
                self.parts.items.append(Item("heading", content, line, int(token.tag[1])))
                i += 3
                continue
            if t == "paragraph_open":
                content = self.inlines(tokens[i + 1])
                if kind == "item":
                    label = marker if ordered == "bulleted" else f"{number}{marker}"
                    self.parts.items.append(Item("item", content, line, level, ordered, label))
                    kind = "p"  # the item's further paragraphs are plain
                else:
                    self.parts.items.append(Item(kind, content, line))
                i += 3
                continue
            end = _matching(tokens, i)
            inner = tokens[i + 1 : end]
            if t == "blockquote_open":
                self.blocks(inner, level, "quote")
            elif t in ("bullet_list_open", "ordered_list_open"):
                start = int(token.attrs.get("start", 1) or 1) if t == "ordered_list_open" else 1
                self.a_list(inner, level, t, start, token.markup)
            elif t in ("fence", "code_block"):
                self.warn(
                    "code",
                    f"line {line}: code has no place in teikit's model; "
                    "kept as a paragraph with its line breaks",
                    line,
                )
                lines = token.content.rstrip("\n").split("\n")
                code: list[m.Inline] = []
                for n, text in enumerate(lines):
                    if n:
                        code.append(m.LineBreak())
                    code.append(text)
                self.parts.items.append(Item("p", tuple(code), line))
            elif t == "hr":
                self.parts.items.append(Item("break", (token.markup,), line))
            elif t == "html_block":
                self.warn(
                    "html",
                    f"line {line}: raw HTML has no place in teikit's model; its text is kept",
                    line,
                )
                self.parts.items.append(Item("p", (token.content.strip(),), line))
            elif t == "table_open":
                self.table(inner, line)
            i = end + 1 if end > i else i + 1

    def a_list(self, tokens: list[Any], level: int, kind: str, start: int, markup: str) -> None:
        ordered = "ordered" if kind == "ordered_list_open" else "bulleted"
        i = 0
        number = start
        while i < len(tokens):
            if tokens[i].type == "list_item_open":
                end = _matching(tokens, i)
                inner = tokens[i + 1 : end]
                before = len(self.parts.items)
                self.item(
                    inner, level, ordered, f"{number}{markup}" if ordered == "ordered" else ""
                )
                if len(self.parts.items) == before:  # an empty item
                    line = tokens[i].map[0] + 1 if tokens[i].map else 0
                    self.parts.items.append(Item("item", (), line, level, ordered, ""))
                number += 1
                i = end + 1
            else:
                i += 1

    def item(self, tokens: list[Any], level: int, ordered: str, label: str) -> None:
        first = True
        i = 0
        while i < len(tokens):
            token = tokens[i]
            line = token.map[0] + 1 if token.map else 0
            if first and token.type == "paragraph_open":
                content = self.inlines(tokens[i + 1])
                self.parts.items.append(Item("item", content, line, level, ordered, label))
                first = False
                i += 3
                continue
            end = _matching(tokens, i)
            if token.type in ("bullet_list_open", "ordered_list_open"):
                if first:
                    self.parts.items.append(Item("item", (), line, level, ordered, label))
                    first = False
                start = (
                    int(token.attrs.get("start", 1) or 1)
                    if token.type == "ordered_list_open"
                    else 1
                )
                self.a_list(tokens[i + 1 : end], level + 1, token.type, start, token.markup)
            else:
                self.blocks(tokens[i : end + 1], level, "p")
                first = False
            i = end + 1

    def table(self, tokens: list[Any], line: int) -> None:
        rows: list[tuple[m.Inlines, ...]] = []
        cells: list[m.Inlines] = []
        for token in tokens:
            if token.type == "tr_open":
                cells = []
            elif token.type == "inline":
                cells.append(self.inlines(token))
            elif token.type == "tr_close":
                rows.append(tuple(cells))
        self.parts.items.append(Item("table", (), line, rows=tuple(rows)))

    def inlines(self, token: Any) -> m.Inlines:
        line = token.map[0] + 1 if token.map else 0
        out: list[m.Inline] = []
        stack: list[tuple[str, list[m.Inline]]] = []
        target = out
        for child in token.children or []:
            t = child.type
            if t == "text":
                target.append(child.content)
            elif t == "softbreak":
                target.append(" ")
            elif t == "hardbreak":
                target.append(m.LineBreak())
            elif t in ("em_open", "strong_open"):
                stack.append((child.markup, target))
                target = []
            elif t in ("em_close", "strong_close"):
                marker, outer = stack.pop()
                outer.append(m.Emphasis(tuple(target), marker))
                target = outer
            elif t == "code_inline":
                self.warn(
                    "code", f"line {line}: code has no place in teikit's model; kept as text", line
                )
                target.append(child.content)
            elif t == "link_open":
                href = child.attrs.get("href", "")
                self.warn(
                    "link",
                    f"line {line}: a link keeps its words; "
                    f"its target ({href}) has no place in teikit's model",
                    line,
                )
            elif t == "image":
                self.warn(
                    "image",
                    f"line {line}: an image has no place in teikit's model; "
                    "its description is kept",
                    line,
                )
                target.append(f"[{child.content}]")
            elif t in ("s_open", "s_close"):
                self.warn(
                    "struck",
                    f"line {line}: struck-out text has no place in teikit's model; kept as text",
                    line,
                )
            elif t == "html_inline":
                self.warn(
                    "html",
                    f"line {line}: raw HTML has no place in teikit's model; its text is kept",
                    line,
                )
                target.append(child.content)
            elif t == "footnote_ref":
                label = child.meta["id"]
                ident = self.note_ids.get(label, f"fn{label + 1}")
                target.append(m.NoteRef(str(label + 1), ident))
        while stack:  # unbalanced (cannot happen with markdown-it): keep the words
            _marker, outer = stack.pop()
            outer.extend(target)
            target = outer
        return tuple(out)


def _matching(tokens: list[Any], i: int) -> int:
    """Index of the token closing ``tokens[i]`` (``i`` itself for a token that opens nothing)."""
    if tokens[i].nesting != 1:
        return i
    depth = 0
    for j in range(i, len(tokens)):
        depth += tokens[j].nesting
        if depth == 0:
            return j
    return len(tokens) - 1


def _split_footnotes(tokens: list[Any]) -> tuple[list[Any], list[tuple[int, list[Any]]]]:
    body: list[Any] = []
    notes: list[tuple[int, list[Any]]] = []
    i = 0
    while i < len(tokens):
        token = tokens[i]
        if token.type == "footnote_block_open":
            end = _matching(tokens, i)
            j = i + 1
            while j < end:
                if tokens[j].type == "footnote_open":
                    close = _matching(tokens, j)
                    inner = [t for t in tokens[j + 1 : close] if t.type != "footnote_anchor"]
                    notes.append((tokens[j].meta["id"], inner))
                    j = close + 1
                else:
                    j += 1
            i = end + 1
        else:
            body.append(token)
            i += 1
    return body, notes


def read_markdown(path: Path | str) -> Parts:
    data = read_bytes(path, limit=MAX_MARKDOWN_BYTES)
    text = decode_bytes(data, file=str(path)).text
    return _Reader(str(path)).read(text)

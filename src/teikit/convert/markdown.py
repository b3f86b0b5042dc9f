"""The block tree → CommonMark: headings, lists, block quotes, bold speakers, reference notes."""

from __future__ import annotations

import re
from collections.abc import Sequence

from .reader import Block, Inline, Reading
from .spaces import collapse_blanks, collapse_spaces

_ESCAPE = re.compile(r"([\\`*_\[\]<>#|])")
_LINE_START = re.compile(r"^(\s*)([-+=]|\d+[.)])(\s)", re.M)
_DIVS = frozenset({"div", "div1", "div2", "div3", "div4", "div5", "div6", "div7"})
# Kinds ``_block`` writes its own way even without children; any other childless block is a
# paragraph of its inline text.
_OWN_WAY = _DIVS | {"head", "sp", "list", "lg", "code", "stage", "pb", "milestone"}


def render(reading: Reading) -> str:
    out: list[str] = []
    if reading.header.get("title"):
        out.append(f"# {_escape(reading.header['title'])}")
    _blocks(reading.blocks, out, 2, 2)
    if reading.notes:
        for index, note in enumerate(reading.notes, start=1):
            body = (
                _inlines(note.inlines)
                if not note.children
                else " ".join(_inlines(c.inlines) for c in _leaves(note))
            )
            out.append(f"[^{index}]: {body.strip()}")
    # ``p.strip()`` without copying every block: is there anything but whitespace?
    return "\n\n".join([p for p in out if p and not p.isspace()]) + "\n"


def _leaves(block: Block) -> list[Block]:
    if not block.children:
        return [block]
    return [leaf for child in block.children for leaf in _leaves(child)]


def _text(text: str) -> str:
    """A run of text as Markdown: ``_escape(collapse_blanks(text))``, with the usual cases
    (no line break, nothing to escape) spelt out: a call per step cost more than the step.
    Collapsing before escaping is the same: escaping adds no blank and reads blanks only as
    ``\\s``."""
    if "\n" in text:
        text = collapse_blanks(text)
    elif "\t" in text or "  " in text:
        text = collapse_spaces(text)
    # Few texts hold a character to escape. Each is asked for (a memchr) and backslashed by
    # ``str.replace``, not by ``_ESCAPE``: its character class is matched against every character
    # in turn, and its replacement is a Python call per match (a novel quoting with backticks
    # has thousands). The backslash goes first, so that no backslash added is escaped again.
    if "\\" in text:
        text = text.replace("\\", "\\\\")
    if "`" in text:
        text = text.replace("`", "\\`")
    if "*" in text:
        text = text.replace("*", "\\*")
    if "_" in text:
        text = text.replace("_", "\\_")
    if "[" in text:
        text = text.replace("[", "\\[")
    if "]" in text:
        text = text.replace("]", "\\]")
    if "<" in text:
        text = text.replace("<", "\\<")
    if ">" in text:
        text = text.replace(">", "\\>")
    if "#" in text:
        text = text.replace("#", "\\#")
    if "|" in text:
        text = text.replace("|", "\\|")
    # With no line break left, a marker can only stand where the text starts, after one gap at
    # most: a text that starts with a gap and a word (a tail, " and then") needs no pattern.
    first = text[:1]
    if first == " ":
        first = text[1:2]
    if (
        first
        and (first in "-+=" or first.isdecimal() or first.isspace())
        and _LINE_START.match(text)
    ):
        text = _LINE_START.sub(_marker_escaped, text)
    return text


def _escape(text: str) -> str:
    if _ESCAPE.search(text):
        text = _ESCAPE.sub(_backslashed, text)
    return _LINE_START.sub(_marker_escaped, text)


def _backslashed(match: re.Match[str]) -> str:
    return "\\" + match.group()


def _marker_escaped(match: re.Match[str]) -> str:
    """A list or heading marker at a line's start, kept from being read as one."""
    return (
        match.group(1)
        + match.group(2)
        .replace(".", "\\.")
        .replace(")", "\\)")
        .replace("-", "\\-")
        .replace("+", "\\+")
        .replace("=", "\\=")
        + match.group(3)
    )


def _longest_run(text: str, char: str) -> int:
    runs = re.findall(f"{re.escape(char)}+", text)
    return max((len(r) for r in runs), default=0)


def _code_span(code: str) -> str:
    """A CommonMark code span: backticks one more than any run inside, spaced if needed."""
    code = " ".join(code.split("\n"))
    ticks = "`" * (_longest_run(code, "`") + 1)
    pad = " " if code.startswith("`") or code.endswith("`") else ""
    return f"{ticks}{pad}{code}{pad}{ticks}"


def _inlines(spans: Sequence[Inline]) -> str:
    """Inline Markdown; runs of spaces and tabs end up one space (line breaks excepted)."""
    if len(spans) == 1 and isinstance(text := spans[0], str):  # the usual block: one text
        return _text(text)
    parts: list[str] = []
    for span in spans:
        if isinstance(span, str):
            parts.append(_text(span))
        elif span.kind == "lb":
            # A backslash hard break: two trailing spaces would not survive the squeezing of
            # spaces below (and "x \n" is no break in CommonMark, only a soft line end).
            parts.append("\\\n")
        elif span.kind == "emph":
            inner = _inlines(span.children).strip()
            parts.append(f"*{inner}*" if inner else "")
        elif span.kind == "noteref":
            # Footnote labels must be unique in CommonMark, and printed @n values repeat.
            parts.append(f"[^{span.attrs['index']}]")
        elif span.kind in ("pb", "anchor"):
            continue
        elif span.kind == "code":
            parts.append(_code_span(span.text))
        else:
            parts.append(_inlines(span.children))
    return collapse_spaces("".join(parts))


def _blocks(blocks: Sequence[Block], out: list[str], level: int, head_level: int) -> None:
    """Blocks in a row, a head at ``head_level`` and the others at ``level``. The usual block
    (a paragraph, a line) is written here rather than by ``_block``: a call per block cost more
    than its writing."""
    for block in blocks:
        if not block.children and block.kind not in _OWN_WAY:
            spans = block.inlines
            if len(spans) == 1 and isinstance(text := spans[0], str):  # ``_inlines`` spelt out
                out.append(_text(text).strip())
            else:
                out.append(_inlines(spans).strip())
        else:
            _block(block, out, head_level if block.kind == "head" else level)


def _block(block: Block, out: list[str], level: int) -> None:
    kind = block.kind
    if not block.children and kind not in _OWN_WAY:  # the usual block: a paragraph, a line
        out.append(_inlines(block.inlines).strip())
    elif kind == "head":
        out.append("#" * min(level, 6) + " " + _inlines(block.inlines).strip())
    elif kind in _DIVS:
        _blocks(block.children, out, level + 1, level)
    elif kind == "sp":
        children = block.children
        rest = children
        label = ""
        if children and children[0].kind == "speaker":
            label = _inlines(children[0].inlines).strip()
            rest = children[1:]
        inner: list[str] = []
        _blocks(rest, inner, level, level)
        if label:
            inner = [f"**{label}** {inner[0]}"] + inner[1:] if inner else [f"**{label}**"]
        out.extend(inner)
    elif kind == "list":
        items: list[str] = []
        label = ""
        for child in block.children:
            if child.kind == "label":
                label = _inlines(child.inlines).strip()
                continue
            inner = []
            nested: list[str] = []  # lists inside the item, set under it
            if child.children and any(c.kind == "list" for c in child.children):
                for grandchild in child.children:
                    _block(grandchild, nested if grandchild.kind == "list" else inner, level)
            else:
                _block(child, inner, level)
            body = " ".join(x.strip() for x in inner) if inner else ""
            # "1." or "-" after the bullet would open a list inside it: the label is text
            prefix = f"{_LINE_START.sub(_marker_escaped, label + ' ')}" if label else ""
            items.append(f"- {prefix}{body}".rstrip())
            items.extend("  " + line if line else line for x in nested for line in x.split("\n"))
            label = ""
        out.append("\n".join(items))
    elif kind in ("quote", "cit", "epigraph") and block.children:
        inner = []
        _blocks(block.children, inner, level, level)
        out.append("\n>\n".join("> " + x.replace("\n", "\n> ") for x in inner))
    elif kind == "lg":
        lines = []
        for child in block.children:
            if child.kind == "l":
                lines.append(_inlines(child.inlines).strip())
            else:
                inner = []
                _block(child, inner, level)
                lines.extend(inner)
        out.append("  \n".join(lines))
    elif kind == "code":
        code = block.plain()
        fence = "`" * max(3, _longest_run(code, "`") + 1)
        out.append(f"{fence}{block.attrs.get('lang', '')}\n{code}\n{fence}")
    elif kind == "stage":
        text = _inlines(block.inlines).strip()
        out.append(f"*{text}*" if text else "")
    elif kind in ("pb",):
        return
    elif kind == "milestone":
        out.append("* * *" if block.attrs.get("unit") == "section" else "")
    elif block.children:
        _blocks(block.children, out, level, level)
    else:
        out.append(_inlines(block.inlines).strip())

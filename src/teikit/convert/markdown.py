"""The block tree → CommonMark: headings, lists, block quotes, bold speakers, reference notes."""

from __future__ import annotations

import re
from collections.abc import Sequence

from .reader import Block, Inline, Reading

_ESCAPE = re.compile(r"([\\`*_\[\]<>#|])")
_LINE_START = re.compile(r"^(\s*)([-+=]|\d+[.)])(\s)", re.M)


def render(reading: Reading) -> str:
    out: list[str] = []
    if reading.header.get("title"):
        out.append(f"# {_escape(reading.header['title'])}")
    for block in reading.blocks:
        _block(block, out, level=2)
    if reading.notes:
        for index, note in enumerate(reading.notes, start=1):
            body = (
                _inlines(note.inlines)
                if not note.children
                else " ".join(_inlines(c.inlines) for c in _leaves(note))
            )
            out.append(f"[^{index}]: {body.strip()}")
    return "\n\n".join(p for p in out if p.strip()) + "\n"


def _leaves(block: Block) -> list[Block]:
    if not block.children:
        return [block]
    return [leaf for child in block.children for leaf in _leaves(child)]


def _escape(text: str) -> str:
    text = _ESCAPE.sub(r"\\\1", text)
    return _LINE_START.sub(
        lambda m: (
            m.group(1)
            + m.group(2)
            .replace(".", "\\.")
            .replace(")", "\\)")
            .replace("-", "\\-")
            .replace("+", "\\+")
            .replace("=", "\\=")
            + m.group(3)
        ),
        text,
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
    parts: list[str] = []
    for span in spans:
        if isinstance(span, str):
            parts.append(_escape(" ".join(span.split("\n"))))
        elif span.kind == "lb":
            parts.append("  \n")
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
    return re.sub(r"[ \t]+", " ", "".join(parts))


def _block(block: Block, out: list[str], level: int) -> None:
    kind = block.kind
    if kind == "head":
        out.append("#" * min(level, 6) + " " + _inlines(block.inlines).strip())
    elif kind in ("div", "div1", "div2", "div3", "div4", "div5", "div6", "div7"):
        for child in block.children:
            _block(child, out, level + 1 if child.kind not in ("head",) else level)
    elif kind == "sp":
        rest = list(block.children)
        label = ""
        if rest and rest[0].kind == "speaker":
            label = _inlines(rest.pop(0).inlines).strip()
        inner: list[str] = []
        for child in rest:
            _block(child, inner, level)
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
            _block(child, inner, level)
            body = " ".join(x.strip() for x in inner) if inner else ""
            prefix = f"{label} " if label else ""
            items.append(f"- {prefix}{body}".rstrip())
            label = ""
        out.append("\n".join(items))
    elif kind in ("quote", "cit", "epigraph") and block.children:
        inner = []
        for child in block.children:
            _block(child, inner, level)
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
        for child in block.children:
            _block(child, out, level)
    else:
        out.append(_inlines(block.inlines).strip())

"""The paragraph units speaker labels are looked for in, and the blocks rewritten around them.

A unit is a paragraph, or one line of a paragraph that kept its line breaks (a scene printed
without blank lines between speeches: ``Ber. Who's there?`` / ``Fran. Nay, answer me.``), or a
one-item list the segmenter made of a numbered label (``1. KIND.``), or the head of a section
the segmenter made of a name alone (``SERVANT`` above its speech). ``units`` lists them with
the text that follows each (for telling headings from labels); ``prepare`` splits lined
paragraphs where a line opens with a speaker label and turns listed labels back into paragraphs,
so the turn builder only ever sees paragraphs.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ...model import (
    Block,
    Division,
    Emphasis,
    Inline,
    Line,
    LineBreak,
    LineGroup,
    ListBlock,
    Paragraph,
    Span,
)
from .inlines import lines_of, plain
from .labels import TITLES

_KEPT = frozenset(
    {"act", "scene", "notes", "contents", "castList", "front", "book", "part", "chapter"}
)


def leading(block: Paragraph) -> str:
    """The text a label is looked for in: the paragraph's plain text when it opens with text or
    emphasis (a label may be emphasised, or followed by a direction the segmenter already made
    an ``Editorial``), else ""."""
    first = block.content[0] if block.content else ""
    return plain(block.content) if isinstance(first, (str, Emphasis)) else ""


def units(
    blocks: tuple[Block, ...], lines: bool = False, followers: bool = True
) -> list[tuple[Paragraph, str]]:
    """Every unit in reading order with the text of the unit right after it ("" if none).

    With ``lines``, each line of a paragraph that kept its line breaks is a unit of its own (for
    scenes printed without blank lines, where only line starts show the labels). Without
    ``followers`` the following texts are left "" (for callers that do not read them)."""
    out: list[tuple[Paragraph, str]] = []
    slots: list[Paragraph | None] = []
    # The second line of verse whose first line is a unit: read only as that unit's follower.
    after_first: dict[int, Paragraph] = {}
    for block in blocks:
        if isinstance(block, Division) and block.type == "contents":
            slots.append(None)  # a contents list's entries are titles, never anyone's turn
        elif isinstance(block, Division):
            if block.type not in _KEPT and block.head:
                # A name alone that the segmenter took for a section heading ("SERVANT" above
                # the speech): a unit too, followed by the division's first paragraph.
                head = Paragraph(block.head, Span(block.span.start, block.span.start))
                out.append((head, _first_text(block.blocks) if followers else ""))
            out.extend(units(block.blocks, lines, followers))
            slots.append(None)
        elif isinstance(block, Paragraph):
            slots.extend(_lines_as_paragraphs(block) if lines else [block])
        elif isinstance(block, LineGroup) and block.lines and isinstance(block.lines[0], Line):
            # Verse the segmenter grouped with its speaker's name as the first line.
            verse = [ln for ln in block.lines if isinstance(ln, Line)]
            if lines:
                slots.extend(Paragraph(ln.content, ln.span) for ln in verse)
            else:
                if len(verse) > 1:
                    after_first[len(slots)] = Paragraph(verse[1].content, verse[1].span)
                slots.append(Paragraph(verse[0].content, verse[0].span))
        elif (
            isinstance(block, ListBlock)
            and block.kind != "gloss"  # names explained, not speakers
            and (listed_items := listed_labels(block))
        ):
            slots.extend(listed_items)
        else:
            slots.append(None)
    if not followers:
        out.extend((slot, "") for slot in slots if slot is not None)
        return out
    for i, slot in enumerate(slots):
        if slot is None:
            continue
        nxt = after_first.get(i) or (slots[i + 1] if i + 1 < len(slots) else None)
        out.append((slot, plain(nxt.content) if nxt is not None else ""))
    return out


def _first_text(blocks: tuple[Block, ...]) -> str:
    """The text of the first unit of ``blocks``: a paragraph, or the first line of verse."""
    first = blocks[0] if blocks else None
    if isinstance(first, Paragraph):
        return plain(first.content)
    if isinstance(first, LineGroup) and first.lines and isinstance(first.lines[0], Line):
        return plain(first.lines[0].content)
    return ""


def has_lines(blocks: tuple[Block, ...]) -> bool:
    """Whether ``units(blocks, lines=True)`` differs from ``units(blocks)``: some paragraph
    kept its line breaks, or some verse has more than one line."""
    for block in blocks:
        if isinstance(block, Division):
            if has_lines(block.blocks):
                return True
        elif isinstance(block, Paragraph):
            if any(isinstance(i, LineBreak) for i in block.content):
                return True
        elif isinstance(block, LineGroup) and block.lines and isinstance(block.lines[0], Line):
            if sum(1 for ln in block.lines if isinstance(ln, Line)) > 1:
                return True
    return False


def prepare(
    blocks: tuple[Block, ...],
    is_label: Callable[[str], bool],
    alone: Callable[[str], bool] | None = None,
) -> tuple[Block, ...]:
    """``blocks`` ready for the turn builder (see the module's docstring). ``alone`` tells a
    label that stands alone in its paragraph, its speech to follow: a plain section heading
    right after one is that speech ("Осип." / "Куда?"), not a heading."""
    out: list[Block] = []
    for block in blocks:
        if isinstance(block, Division) and block.type == "contents":
            out.append(block)  # its entries are titles, whatever their shape
        elif (
            isinstance(block, Division)
            and block.type not in _KEPT
            and (
                is_label(leading(Paragraph(block.head)))
                or (
                    alone is not None
                    and block.type == "section"
                    and not block.n
                    and _after_label(out, alone)
                )
            )
        ):
            # "Adam.\nWer seid Ihr?" is a short turn, not a section heading.
            out.append(_head_paragraph(block))
            out.extend(prepare(block.blocks, is_label, alone))
        elif isinstance(block, Division):
            out.append(
                Division(
                    block.type,
                    block.head,
                    prepare(block.blocks, is_label, alone),
                    block.n,
                    block.span,
                )
            )
        elif isinstance(block, Paragraph) and any(isinstance(i, LineBreak) for i in block.content):
            out.extend(_split_at_labels(block, is_label))
        elif isinstance(block, LineGroup) and any(
            isinstance(ln, Line) and is_label(leading(Paragraph(ln.content))) for ln in block.lines
        ):
            out.extend(_split_verse(block, is_label))
        elif isinstance(block, ListBlock) and any(
            is_label(leading(p)) for p in listed_labels(block)
        ):
            out.extend(listed_labels(block))  # "1. KIND." / "2. KIND.": numbered speakers
        else:
            out.append(block)
    return tuple(out)


def _head_paragraph(block: Division) -> Paragraph:
    """A division's head as the paragraph it was, on its lines: one more a kept line break
    ("BOTTOM" / ", as Pyramus")."""
    lines = sum(1 for i in block.head if isinstance(i, LineBreak))
    start = block.span.start
    return Paragraph(block.head, Span(start, min(start + lines, block.span.end)))


def _after_label(blocks: list[Block], alone: Callable[[str], bool]) -> bool:
    """The last paragraph of ``blocks`` (inside a division that ends them, too) is a label
    standing alone."""
    last = blocks[-1] if blocks else None
    while isinstance(last, Division):
        last = last.blocks[-1] if last.blocks else None
    return isinstance(last, Paragraph) and alone(leading(last))


def run_in_pattern(verbatims: set[str]) -> re.Pattern[str] | None:
    """Where a label in capitals ("ELVIRE.") follows the end of the previous speech inside one
    paragraph (the segmenter joined lines with no blank line between speeches)."""
    if not verbatims:
        return None
    names = "|".join(re.escape(v) for v in sorted(verbatims, key=len, reverse=True))
    # The names alone, for a label with a direction ("Leonore (aufstehend).")
    bare = {v.rstrip(".:").strip() for v in verbatims if "(" not in v and "[" not in v}
    directed = "|".join(re.escape(v) for v in sorted(bare, key=len, reverse=True) if v)
    initials = "".join(sorted({re.escape(v[0]) for v in verbatims}))
    label = r"(?=[" + initials + r"])(?=(?:" + names + r")(?:\s|$)"
    label += r"|(?:" + directed + r")\s*\()" if directed else ")"
    # Group 1 is the closing punctuation, group 2 the gap after it, which only a dash may leave
    # empty: a dash may end a speech with no space before the next label, where an e-text lost
    # the line break between them ("Gnädige Frau-Leonore (aufstehend).  Vor meinen Augen!"). The
    # caller skips an empty gap after other punctuation. Opening with one set of characters
    # (not a lookbehind, nor two alternatives) lets the engine skip ahead to the few places that
    # can match, and the labels' first letters rule out most sentences before the names are
    # tried one by one.
    return re.compile(r"([.!?…)\]»\"”’\-—–])(\s*)" + label)


def run_in_needles(verbatims: set[str]) -> tuple[str, ...]:
    """Texts of which every match of ``run_in_pattern(verbatims)`` holds one: each label's name
    alone (a prefix of the label, and all a directed label prints of it), or the label itself
    where it has a direction. A paragraph with none of them needs no look with the pattern."""
    return tuple(
        sorted({v if "(" in v or "[" in v else v.rstrip(".:").strip() or v for v in verbatims})
    )


def split_run_in(
    blocks: tuple[Block, ...], pattern: re.Pattern[str], needles: tuple[str, ...]
) -> tuple[Block, ...]:
    """``blocks`` with paragraphs split where ``pattern`` matches; ``blocks`` itself (the same
    object) when nothing was split. ``needles``: see ``run_in_needles``."""
    out: list[Block] = []
    changed = False
    for block in blocks:
        if isinstance(block, Division):
            inner = split_run_in(block.blocks, pattern, needles)
            if inner is not block.blocks:
                changed = True
                block = Division(block.type, block.head, inner, block.n, block.span)
            out.append(block)
        elif isinstance(block, Paragraph):
            parts = _split_paragraph(block, pattern, needles)
            changed = changed or len(parts) != 1 or parts[0] is not block
            out.extend(parts)
        else:
            out.append(block)
    return tuple(out) if changed else blocks


def _split_paragraph(
    block: Paragraph, pattern: re.Pattern[str], needles: tuple[str, ...]
) -> list[Paragraph]:
    parts: list[list[Inline]] = [[]]
    for inline in block.content:
        if not isinstance(inline, str) or not any(n in inline for n in needles):
            parts[-1].append(inline)  # (the pattern is slow: most paragraphs name no one)
            continue
        start = 0
        for match in pattern.finditer(inline):
            gap, end = match.start(2), match.end(2)
            if gap == end and match.group(1) not in "-—–":
                continue  # a speech ends with a space after its last word's punctuation
            if (
                inline[match.start()] == "-"
                and gap == end
                and not inline[match.start() - 1 : match.start()].isalnum()
            ):
                continue  # a hyphen glued to the label ends a speech only after a word
            before = inline[:gap].split()
            if before and before[-1].rstrip(".").casefold() in TITLES:
                continue  # "MRS. STIDULPH." is one label
            after = inline[end:].split(None, 1)
            rest = after[1] if len(after) > 1 else ""
            if rest and not (rest[0].isupper() or rest[0] in "[(«\"“‘'—–_"):
                continue  # "FARNCOMBE, JIMMIE. LILY joins in": a direction naming people
            parts[-1].append(inline[start:gap])
            parts.append([])
            start = end
        parts[-1].append(inline[start:])
    if len(parts) == 1:
        return [block]
    return [
        Paragraph(tuple(i for i in part if i != ""), block.span)
        for part in parts
        if any(not isinstance(i, str) or i.strip() for i in part)
    ]


def _split_verse(block: LineGroup, is_label: Callable[[str], bool]) -> list[Block]:
    """A verse group with speaker names among its lines → each name line as a paragraph (the
    label, with any words after it), followed by the verse lines that belong to it."""
    out: list[Block] = []
    run: list[Line | LineGroup] = []

    def flush() -> None:
        if run:
            out.append(LineGroup(tuple(run), block.kind, Span(_start(run[0]), _end(run[-1]))))
            run.clear()

    for line in block.lines:
        if isinstance(line, Line) and is_label(leading(Paragraph(line.content))):
            flush()
            out.append(Paragraph(line.content, line.span))
        else:
            run.append(line)
    flush()
    return out


def _start(line: Line | LineGroup) -> int:
    return line.span.start


def _end(line: Line | LineGroup) -> int:
    return line.span.end


def listed_labels(block: ListBlock) -> list[Paragraph]:
    """The items of a list the segmenter made of numbered labels ("1. KIND." / "2. KIND."), as
    the paragraphs they were; [] when an item is more than one paragraph of text."""
    out = []
    for item in block.items:
        if len(item.blocks) != 1 or not isinstance(item.blocks[0], Paragraph):
            return []
        content = item.blocks[0].content
        if not content or not isinstance(content[0], str):
            return []
        out.append(Paragraph((f"{item.label} {content[0]}",) + tuple(content[1:]), item.span))
    return out


def _lines_as_paragraphs(block: Paragraph) -> list[Paragraph | None]:
    if not any(isinstance(i, LineBreak) for i in block.content):
        return [block]
    return [
        Paragraph(line, Span(block.span.start + k, block.span.start + k))
        for k, line in enumerate(lines_of(block.content))
        if line
    ]


def _split_at_labels(block: Paragraph, is_label: Callable[[str], bool]) -> list[Paragraph]:
    groups: list[list[list[Inline]]] = []
    starts: list[int] = []
    for k, line in enumerate(map(list, lines_of(block.content))):
        text = leading(Paragraph(tuple(line))).lstrip() if line else ""
        if not groups or (text and is_label(text)):
            groups.append([])
            starts.append(k)
            if line and isinstance(line[0], str):
                line = [line[0].lstrip(), *line[1:]]
        groups[-1].append(line)
    if len(groups) == 1:
        return [block]
    out = []
    for g, lines in enumerate(groups):
        content: list[Inline] = []
        for k, line in enumerate(lines):
            if k:
                content.append(LineBreak())
            content.extend(line)
        end = starts[g + 1] - 1 if g + 1 < len(groups) else block.span.end - block.span.start
        out.append(
            Paragraph(tuple(content), Span(block.span.start + starts[g], block.span.start + end))
        )
    return out

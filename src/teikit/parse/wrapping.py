"""Hard-wrapped or not: the document's layout, and a group's lines as inline content.

Gutenberg-style texts wrap prose at a fixed width (~70 columns) and separate paragraphs by blank
lines; MIA-style texts put one paragraph on one line and keep a ``<br>`` as a newline inside a
group. ``Layout.of`` measures the wrap width from the lines that are followed by another line of
the same group. ``inline_lines`` joins wrapped lines with a space and keeps a deliberate break
(a line that ends well before the wrap width although the next word would have fitted) as a
``LineBreak``, so nothing that looks like a line break to a reader is lost.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from ..model import Inline, Inlines, LineBreak
from .lines import Group, SourceLine

# A hard-wrapped text wraps at a width of at most this many columns.
_MAX_WRAP = 110
_MIN_WRAP = 40


@dataclass(frozen=True, slots=True)
class Layout:
    hard_wrapped: bool
    width: int  # wrap width in columns (0 when not hard-wrapped)
    base_indent: int  # the indentation of ordinary prose
    indented_share: float = 0.0  # share of lines indented beyond the prose (verse-heavy texts)
    # Pretty-printed markup dumped as text: its line breaks inside an element are the markup's
    exported: bool = False
    # Most lines of the text are verse (a verse play): the measure is verse's, and a line that
    # the next word would have fitted on ends where its author broke it
    verse: bool = False
    # Some of the text is verse (a play in verse and prose): a speech in verse may open with
    # its speaker's label on its first line
    some_verse: bool = False

    @staticmethod
    def of(groups: list[Group]) -> Layout:
        # Lengths of the lines followed by another line of their group.
        inner = [len(line.text) for group in groups for line in group.lines[:-1]]
        every = [line for group in groups for line in group.lines]
        indents = Counter([line.indent for line in every])
        base = max(indents, key=lambda k: (indents[k], -k)) if indents else 0
        if len(inner) < 3:
            return Layout(False, 0, base)
        inner.sort()
        width = inner[int(len(inner) * 0.95) - 1] if len(inner) >= 20 else inner[-1]
        median = inner[len(inner) // 2]
        hard = _MIN_WRAP <= width <= _MAX_WRAP and median >= width * 0.6
        if not hard:
            return Layout(False, 0, base)
        # Prose indentation is that of the lines that fill the measure (verse rarely does).
        fill = width * 0.8
        full = Counter([line.indent for line in every if len(line.text) >= fill])
        total = len(every)
        if full:
            base = max(full, key=lambda k: (full[k], -k))
        indented = sum(1 for line in every if line.indent >= base + 2)
        # Too few indented lines say nothing about the text as a whole.
        share = indented / total if total and indented >= 40 else 0.0
        return Layout(True, width, base, share)

    def wrapped_after(self, line: SourceLine, following: SourceLine) -> bool:
        """True when the break between the two lines is the wrapper's, not the author's."""
        if not self.hard_wrapped:
            return False
        space = following.stripped.find(" ")  # the first word ends there
        first_word = space if space >= 0 else len(following.stripped)
        return len(line.text) + 1 + first_word > self.width * 0.8

    def fits_after(self, line: SourceLine, following: SourceLine, share: float = 1.0) -> bool:
        """The first word of ``following`` would have fitted on ``line`` within the measure
        (or ``share`` of it): no wrapper broke there (the strict form of ``wrapped_after``)."""
        space = following.stripped.find(" ")
        first_word = space if space >= 0 else len(following.stripped)
        return len(line.text) + 1 + first_word <= self.width * share

    def is_short(self, line: SourceLine) -> bool:
        return self.hard_wrapped and len(line.text) < self.width * 0.7


def inline_lines(lines: tuple[SourceLine, ...] | list[SourceLine], layout: Layout) -> Inlines:
    """The lines as inline content: wrapped lines joined by spaces, kept breaks as ``LineBreak``."""
    if len(lines) == 1:
        return (lines[0].stripped,)
    out: list[Inline] = []
    if layout.exported:  # an element's text wrapped by the pretty-printer: one line
        return (" ".join([line.stripped for line in lines]),)
    if not layout.hard_wrapped:  # every break is the author's
        for line in lines[:-1]:
            out.append(line.stripped)
            out.append(LineBreak())
        out.append(lines[-1].stripped)
        return tuple(out)
    # ``wrapped_after`` for each pair of lines, spelled out: this runs for every paragraph.
    limit = layout.width * 0.8
    words = [lines[0].stripped]
    previous = lines[0].text
    for line in lines[1:]:
        following = line.stripped
        space = following.find(" ")
        if len(previous) + 1 + (space if space >= 0 else len(following)) > limit:
            words.append(following)
        else:
            out.append(" ".join(words))
            out.append(LineBreak())
            words = [following]
        previous = line.text
    out.append(" ".join(words))
    return tuple(out)


def group_inlines(group: Group, layout: Layout) -> Inlines:
    return inline_lines(group.lines, layout)


# In a text that is not hard-wrapped, a line this long is a paragraph printed on one line.
LONG_LINE = 100


def split_unwrapped(groups: list[Group], layout: Layout) -> list[Group]:
    """One paragraph a line without blank lines between (text exported from TEI, e-book
    dumps): in a text that is not hard-wrapped, a long line inside a group is a unit of its own,
    and so is each run of short lines between long ones. Groups of short lines (verse, an
    address, a speaker label over its speech of short lines) stay as they are. Only when that is
    the text's habit (nine long lines in ten share a group with another long line): a ``<br>`` kept
    inside one paragraph of a text with blank lines between paragraphs stays a line break."""
    if layout.hard_wrapped:
        groups = _split_runs_of_paragraphs(_split_overlong(groups, layout), layout)
        return _split_at_first_line_indents(groups)
    if layout.exported:
        out: list[Group] = []
        for group in groups:
            runs: list[list[SourceLine]] = []
            for line in group.lines:
                if runs and line.indent > runs[-1][0].indent:
                    runs[-1].append(line)  # the element's text wrapped under its first line
                else:
                    runs.append([line])
            out.extend(_cut(group, runs))
        return out
    long_lines = shared = 0
    for group in groups:
        count = sum(1 for line in group.lines if len(line.text) >= LONG_LINE)
        long_lines += count
        if count >= 2:
            shared += count
    if not long_lines or shared * 10 < long_lines * 9:
        return groups
    out = []
    for group in groups:
        if len(group.lines) < 2 or all(len(line.text) < LONG_LINE for line in group.lines):
            out.append(group)
            continue
        runs = []
        for line in group.lines:
            if len(line.text) >= LONG_LINE or not runs or len(runs[-1][-1].text) >= LONG_LINE:
                runs.append([line])
            else:
                runs[-1].append(line)
        out.extend(_cut(group, runs))
    return out


def _split_overlong(groups: list[Group], layout: Layout) -> list[Group]:
    """In a hard-wrapped text, a line half as long again as the measure (and ``LONG_LINE`` at
    least) next to one shorter than the measure was never wrapped: a paragraph printed on one
    line (a verse play's prose speech exported as text) beside another unit ("He reads."), so
    the group is cut between them. Long lines next to each other stay together (prose wrapped
    at a wider measure than the text's verse)."""
    width = layout.width
    limit = max(LONG_LINE, int(width * 1.5))
    out: list[Group] = []
    for group in groups:
        lines = group.lines
        if len(lines) < 2 or all(len(line.text) < limit for line in lines):
            out.append(group)
            continue
        runs: list[list[SourceLine]] = [[lines[0]]]
        for previous, line in zip(lines, lines[1:], strict=False):
            long_before, long_here = len(previous.text) >= limit, len(line.text) >= limit
            if long_before != long_here and min(len(previous.text), len(line.text)) < width:
                runs.append([line])
            else:
                runs[-1].append(line)
        out.extend(_cut(group, runs))
    return out


_SENTENCE_END = (".", "!", "?", ":", "”", "’", '"', "'", "»", ")", "—")


def is_exported(groups: list[Group]) -> bool:
    """Pretty-printed markup dumped as text (``itertext`` of an indented TEI file): nearly every
    line indented by the element depth, one element a line; then every line is a unit."""
    total = indented = 0
    for group in groups:
        for line in group.lines:
            total += 1
            if line.indent >= 4:
                indented += 1
    multi = sum(1 for g in groups if len(g.lines) > 1)
    return total >= 50 and indented * 10 >= total * 9 and multi * 4 >= len(groups)


def _split_runs_of_paragraphs(groups: list[Group], layout: Layout) -> list[Group]:
    """Hard-wrapped paragraphs printed without blank lines between them (the text's habit: a
    group holds fifteen lines or more on average). A paragraph starts where the indentation
    changes after a paragraph's second line (first-line indents, either way round), or after a
    line the author ended (short, closing a sentence)."""
    lines = sum(len(g.lines) for g in groups)
    if lines < 15 * len(groups):
        return groups
    out: list[Group] = []
    for group in groups:
        runs: list[list[SourceLine]] = [[group.lines[0]]]
        for previous, line in zip(group.lines, group.lines[1:], strict=False):
            run = runs[-1]
            indent_change = line.indent != previous.indent and len(run) >= 2
            ended = not layout.wrapped_after(previous, line) and previous.text.endswith(
                _SENTENCE_END
            )
            if indent_change or ended:
                runs.append([line])
            else:
                run.append(line)
        out.extend(_cut(group, runs))
    return out


_MIN_INDENTED_OPENINGS = 5


def _split_at_first_line_indents(groups: list[Group]) -> list[Group]:
    """Paragraphs told apart by their first line's indent alone, no blank line between ("    It
    was a bright cold day…" / "thirteen. Winston…" / "    The hallway smelt…"), where that is
    the text's habit: five lines or more inside groups set in by one indent (two spaces or
    more: a wrapped line may keep the second space after a full stop) with the next line back
    at the margin, after a line at the margin, and most such openings at that indent.
    A group is cut before each of them; verse and quotations (every line set in) are left."""
    openings: Counter[int] = Counter()
    for group in groups:
        lines = group.lines
        for before, line, after in zip(lines, lines[1:], lines[2:], strict=False):
            if 2 <= line.indent <= 8 and before.indent == after.indent == 0:
                openings[line.indent] += 1
    if not openings:
        return groups
    indent, count = openings.most_common(1)[0]
    if count < _MIN_INDENTED_OPENINGS or count * 5 < sum(openings.values()) * 4:
        return groups
    out: list[Group] = []
    for group in groups:
        lines = group.lines
        runs: list[list[SourceLine]] = [[lines[0]]]
        for k in range(1, len(lines)):
            line = lines[k]
            following = lines[k + 1] if k + 1 < len(lines) else None
            if (
                line.indent == indent
                and lines[k - 1].indent == 0
                and (following is None or following.indent == 0)
            ):
                runs.append([line])
            else:
                runs[-1].append(line)
        out.extend(_cut(group, runs) if len(runs) > 1 else [group])
    return out


def _cut(group: Group, runs: list[list[SourceLine]]) -> list[Group]:
    """``group`` cut into groups of ``runs`` of its lines: the blank lines before the group go
    with the first, those after it with the last."""
    first, last = 0, len(runs) - 1
    before, after = group.blank_before, group.blank_after
    return [
        Group(tuple(run), before if i == first else 0, after if i == last else 0)
        for i, run in enumerate(runs)
    ]

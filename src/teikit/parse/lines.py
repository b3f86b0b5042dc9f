"""The source as numbered lines and blank-separated groups, shared by every parse rule."""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from itertools import groupby
from operator import attrgetter


@dataclass(frozen=True, slots=True)
class SourceLine:
    """One line of the decoded source: 1-based ``number``, verbatim ``text`` (no newline).

    ``stripped``, ``blank`` and ``indent`` are computed once: every rule asks for them.
    """

    number: int
    text: str
    stripped: str = field(init=False, compare=False, repr=False)
    blank: bool = field(init=False, compare=False, repr=False)
    indent: int = field(init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        stripped = self.text.strip()
        object.__setattr__(self, "stripped", stripped)
        object.__setattr__(self, "blank", not stripped)
        object.__setattr__(self, "indent", len(self.text) - len(self.text.lstrip(" ")))


@dataclass(frozen=True, slots=True)
class Group:
    """A run of non-blank lines with the number of blank lines before and after it.

    Blank lines are the strongest layout signal plain text has: headings are usually set off by
    more of them than paragraphs are.
    """

    lines: tuple[SourceLine, ...]
    blank_before: int
    blank_after: int
    text: str = field(init=False, compare=False, repr=False)
    """The group's lines joined by single spaces (for matching, not for output)."""

    def __post_init__(self) -> None:
        object.__setattr__(self, "text", " ".join(line.stripped for line in self.lines))

    @property
    def start(self) -> int:
        return self.lines[0].number

    @property
    def end(self) -> int:
        return self.lines[-1].number

    @property
    def indent(self) -> int:
        lines = self.lines
        return lines[0].indent if len(lines) == 1 else min([line.indent for line in lines])


# The slot setters of the frozen classes: ``split_lines`` and ``groups_of`` make tens of thousands
# of objects per text, and setting the slots directly skips the generated ``__init__`` and
# ``__post_init__`` (five ``object.__setattr__`` calls a line). The values are the same.
_new = object.__new__
_set_number = SourceLine.__dict__["number"].__set__
_set_text = SourceLine.__dict__["text"].__set__
_set_stripped = SourceLine.__dict__["stripped"].__set__
_set_blank = SourceLine.__dict__["blank"].__set__
_set_indent = SourceLine.__dict__["indent"].__set__
_set_lines = Group.__dict__["lines"].__set__
_set_before = Group.__dict__["blank_before"].__set__
_set_after = Group.__dict__["blank_after"].__set__
_set_group_text = Group.__dict__["text"].__set__
_is_blank = attrgetter("blank")
# A field added to either class must be set above too.
assert [f.name for f in fields(SourceLine)] == ["number", "text", "stripped", "blank", "indent"]
assert [f.name for f in fields(Group)] == ["lines", "blank_before", "blank_after", "text"]


def split_lines(text: str) -> list[SourceLine]:
    out: list[SourceLine] = []
    append = out.append
    for number, raw in enumerate(text.split("\n"), start=1):
        raw = raw.rstrip()
        line = _new(SourceLine)
        _set_number(line, number)
        _set_text(line, raw)
        stripped = raw.strip()
        _set_stripped(line, stripped)
        _set_blank(line, not stripped)
        _set_indent(line, len(raw) - len(raw.lstrip(" ")))
        append(line)
    return out


def _group(lines: tuple[SourceLine, ...], blank_before: int, blank_after: int) -> Group:
    """``Group(lines, blank_before, blank_after)``, made faster (see ``_new``)."""
    group = _new(Group)
    _set_lines(group, lines)
    _set_before(group, blank_before)
    _set_after(group, blank_after)
    _set_group_text(group, " ".join([line.stripped for line in lines]))
    return group


def blocks_of(lines: list[SourceLine], limit: int | None = None) -> list[list[SourceLine]]:
    """Group lines into runs separated by blank lines: all of them, or the first ``limit``
    (front matter reads a few runs at the top; grouping the whole text for them is waste)."""
    if limit is None:
        return [list(group.lines) for group in groups_of(lines)]
    out: list[list[SourceLine]] = []
    for blank, same in groupby(lines, _is_blank):
        if not blank:
            out.append(list(same))
            if len(out) == limit:
                break
    return out


def groups_of(lines: list[SourceLine]) -> list[Group]:
    """Runs of non-blank lines with their surrounding blank-line counts.

    The first group's ``blank_before`` and the last group's ``blank_after`` count the blank lines
    to the edge of ``lines`` plus a large margin, so an edge never looks like a tight join.
    """
    runs: list[tuple[tuple[SourceLine, ...], int]] = []  # lines, blank lines before them
    blanks = 0  # the blank lines since the last run (after the loop: those that end ``lines``)
    for blank, same in groupby(lines, _is_blank):
        if blank:
            blanks = len(list(same))
        else:
            runs.append((tuple(same), blanks))
            blanks = 0
    edge = 4
    out: list[Group] = []
    for i, (run, before) in enumerate(runs):
        after = runs[i + 1][1] if i + 1 < len(runs) else blanks + edge
        out.append(_group(run, before + edge if i == 0 else before, after))
    return out

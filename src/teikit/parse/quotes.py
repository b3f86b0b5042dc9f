"""Block quotations and verse set off by indentation in hard-wrapped texts.

A group every line of which is indented at least two columns more than ordinary prose is a block
quotation; if its lines end where the author broke them (each line short, not wrapped), it is
verse (``LineGroup``), otherwise prose. Consecutive indented groups form one quotation (stanzas
of one poem). Indented groups that open with a bracket (stage directions) or whose lines start
with names in capitals (cast lists) are left to the paragraph rule.
"""

from __future__ import annotations

import re

from ..model import Block, Line, LineGroup, Paragraph, Span
from .lines import Group, SourceLine
from .wrapping import Layout, group_inlines, inline_lines

_CAPITAL_NAME = re.compile(r"^[A-Z][A-Z'’.-]+\b")


def is_indented_block(group: Group, layout: Layout) -> bool:
    if group.indent < layout.base_indent + 2 or group.indent > 40:
        return False
    first = group.lines[0].stripped
    if first[0] in "[(_" or first.startswith(("_[", "_(")):
        return False
    names = sum(1 for line in group.lines if _CAPITAL_NAME.match(line.stripped))
    return names * 2 < len(group.lines) or len(group.lines) == 1 and names == 0


def is_verse(group: Group, layout: Layout) -> bool:
    """Lines the author broke: in a hard-wrapped text, at most a third of them fill the measure
    (prose quoted with an indent is wrapped like the rest) or many end at punctuation, and most
    open with a capital."""
    lines = group.lines
    if len(lines) < 2:
        return False
    if not layout.hard_wrapped:
        return all(len(line.stripped) <= 60 for line in lines)
    if all(not layout.wrapped_after(a, b) for a, b in zip(lines, lines[1:], strict=False)):
        return True
    full = sum(1 for line in lines[:-1] if len(line.text) >= layout.width * 0.85)
    capitals = sum(1 for i, line in enumerate(lines) if _opens_verse_line(line.stripped, i > 0))
    # Lines that fill the measure are still verse when most of them end at punctuation and
    # none of their texts is longer than it (verse indented past a measure taken from verse, as
    # in a verse play; paragraphs printed one a line run past it).
    broken = full * 3 <= len(lines) - 1 or (
        _punctuated(group) and all(len(line.stripped) <= layout.width for line in lines)
    )
    return broken and capitals * 4 >= len(lines) * 3


_VERSE_OVERRUN = 1.25  # how far past a verse text's measure its longest lines run

_LABEL_START = re.compile(r"^(?:[A-Z][\w'’-]*\.\s|[A-Z][A-Z'’ -]+[.:]\s|\[|_)")
# A label in italics over its speech ("_Duke._ Of government the properties to unfold,"), not
# a direction in italics ("_Enter LUCIO._").
_ITALIC_LABEL = re.compile(r"_[A-Z][^_\n]{0,40}\._\s+\S")
# The share of the measure a line and the next word must fit in, in a text with some verse, for
# the break to be the author's.
_SPARE = 0.9
_CAST_HEAD = re.compile(r"persons|characters|dramatis|cast\b|personae", re.IGNORECASE)


def is_plain_verse(
    group: Group, layout: Layout, previous: str, labelled: bool | None = None
) -> bool:
    """Unindented verse in a hard-wrapped text: three or more lines, every break the author's,
    every line opening with a capital, a quotation mark or a dash (``_opens_verse_line``), or
    with a parenthesis the sentence runs into; not a cast list (after its heading) and not a
    scene printed without blank lines (lines opening with speaker labels or directions)."""
    lines = group.lines
    if not layout.hard_wrapped or len(lines) < 2:
        return False
    # The cheapest tests first (most prose fails them): every test must pass, so order is free.
    # In a text of verse the measure is taken from the verse, and a twentieth of its lines
    # (the longest) run past it: only prose is held to it.
    width = layout.width if not layout.verse else int(layout.width * _VERSE_OVERRUN)
    for i, line in enumerate(lines):
        text = line.stripped
        if len(text) > width:
            return False
        if i == 0 and text[:1] == "_" and (label := _ITALIC_LABEL.match(text)):
            text = text[label.end() - 1 :]  # the verse after a label in italics
        if not _opens_verse_line(text, inner=i > 0):
            return False
    if not _parentheses_in_verse(lines):
        return False
    if _CAST_HEAD.search(previous):
        return False
    pairs = list(zip(lines, lines[1:], strict=False))
    if (
        any(layout.wrapped_after(a, b) for a, b in pairs)
        and not (
            _ragged(group, layout)
            or _punctuated(group)
            # in a verse text, a line the next word would have fitted on was broken by its author
            # (the first line measured as the verse it prints after its speaker's label)
            or (
                layout.verse
                and layout.fits_after(_unlabelled(lines[0]), lines[1])
                and all(layout.fits_after(a, b) for a, b in pairs[1:])
            )
            # in a text with some verse, a line the next word would have fitted on with room
            # to spare (a measure read from prose and verse together is less sure)
            or (layout.some_verse and all(layout.fits_after(a, b, _SPARE) for a, b in pairs))
        )
    ):
        return False
    if any(_LABEL_START.match(line.stripped) for line in lines[1:]):
        return False
    if not _LABEL_START.match(lines[0].stripped):
        return True
    # A speech in verse opens with its speaker's label ("Bast. My Lord I rescued her,"), split
    # off by the speaker rules; only in a text with some verse (``labelled`` defaults to that),
    # not in prose that opens with a name ("Mr. Gradgrind, it will be observed, …").
    if labelled is None:
        labelled = layout.some_verse
    first = lines[0].stripped
    return labelled and (first[:1] not in "[_" or bool(_ITALIC_LABEL.match(first)))


def verse_share(groups: list[Group], layout: Layout) -> float:
    """The share of the lines of groups of three lines or more that are verse by the tests
    above (``is_plain_verse`` or indented verse)."""
    total = verse = 0
    for group in groups:
        n = len(group.lines)
        if n < 3:
            continue
        total += n
        if is_plain_verse(group, layout, "", labelled=True) or (
            is_indented_block(group, layout) and is_verse(group, layout)
        ):
            verse += n
    return verse / total if total else 0.0


# What a verse line may open with besides a capital: an apostrophe, quotation marks or a dash
# (elided or broken-off words, "’s ist wahr", "– und nun", are verse's lowercase openings) …
_VERSE_OPENERS = "‘“'\"«–—"
# … and inside a group, when a capital follows, the quotation marks of other languages and a
# parenthesis ("„ Wall,” that vile wall", "( If not with vantage)"). Before a lowercase word
# they go on a sentence (»deine Leute können …«); opening a group, a quotation mark before a
# capital is as likely a prose speech in German (»Sie sind mit mir zufrieden …«), where nouns
# are capitalised too.
_CAPITAL_OPENERS = "»„‚›("


def _opens_verse_line(text: str, inner: bool) -> bool:
    first = text[0]
    if first.isupper() or first in _VERSE_OPENERS:
        return True
    if not inner or first not in _CAPITAL_OPENERS:
        return False
    rest = text.lstrip(_CAPITAL_OPENERS + _VERSE_OPENERS + " ")
    return bool(rest) and rest[0].isupper()


_SENTENCE_CLOSE = (".", "!", "?", "…", ":", ";")


def _parentheses_in_verse(lines: tuple[SourceLine, ...]) -> bool:
    """Whether the lines opening with "(" are verse: a parenthesis the sentence runs on into
    (it stays open at the line's end, or text follows its close, or the line before it does
    not end a sentence), never the first line nor half of them. A line that is one bracketed
    remark after a finished sentence ("(Pause.)") is a stage direction: the group is no verse."""
    opened = [i for i, line in enumerate(lines) if line.stripped[0] == "("]
    if not opened:
        return True
    if opened[0] == 0 or len(opened) * 2 > len(lines):
        return False
    for i in opened:
        if lines[i].stripped.endswith(")") and lines[i - 1].stripped.endswith(_SENTENCE_CLOSE):
            return False
    return True


def is_name_and_direction(lines: tuple[SourceLine, ...]) -> bool:
    """A short line opening with a capital (a speaker's name) over a line that goes on from it
    (", to Theseus", "sieht sich um.": opening with a comma, a semicolon or a lowercase word).
    Verse lines of a group never open so; only what printed after the name does."""
    name, direction = lines[0].stripped, lines[1].stripped
    opener = direction[0]
    return (
        len(name) <= 40
        and len(name.split()) <= 4
        and name[0].isupper()
        and (opener in ",;" or opener.islower())
        and len(direction) <= 80
    )


def _ragged(group: Group, layout: Layout) -> bool:
    """Lines of very uneven length although wrapping would have filled them: verse in a text
    whose measured wrap width comes from verse itself (a verse play)."""
    lengths = [len(line.text) for line in group.lines]
    longest = max(lengths)
    if longest < layout.width * 0.75:
        return True
    return len(lengths) >= 3 and any(n < longest * 0.75 for n in lengths[:-1])


def _unlabelled(line: SourceLine) -> SourceLine:
    """``line`` without the speaker's label it opens with ("  Chat. The proud controle …" →
    "The proud controle …"), its indentation gone too; ``line`` itself where it has none. A
    play in verse prints its verse lines to a measure, the label in front of the first one."""
    label = _LABEL_START.match(line.stripped)
    if label is None or label.group()[:1] in ("[", "_"):
        return line
    return SourceLine(line.number, line.stripped[label.end() :])


def _punctuated(group: Group) -> bool:
    """Verse of even lines (alexandrines): many line ends are punctuation, where wrapped prose
    mostly breaks between words (the capitals at line starts are checked by the caller)."""
    inner = group.lines[:-1]
    ends = sum(1 for line in inner if line.text[-1] in ",;:.!?»”’—-")
    return len(group.lines) >= 3 and ends * 5 >= len(inner) * 2


def verse_block(group: Group, layout: Layout) -> LineGroup:
    return LineGroup(
        tuple(
            Line(inline_lines([line], layout), Span.of_lines(line.number)) for line in group.lines
        ),
        "stanza",
        Span(group.start, group.end),
    )


def quoted_block(group: Group, layout: Layout) -> Block:
    span = Span(group.start, group.end)
    if is_verse(group, layout):
        return LineGroup(
            tuple(
                Line(inline_lines([line], layout), Span.of_lines(line.number))
                for line in group.lines
            ),
            "stanza",
            span,
        )
    return Paragraph(group_inlines(group, layout), span)

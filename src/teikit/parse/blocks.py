"""Body lines → blocks, by an ordered list of small rules (as markdown-it-py's ``rules_block``).

The body is cut into groups of non-blank lines (``lines.groups_of``); at each position the rules
below are tried in order and the first that matches consumes one or more groups and emits
blocks or division openings. ``divisions.nest`` then builds the division tree and ``notes``
links the note anchors. Every block keeps the source line span it came from.

Order matters: a notes heading is checked before headings, a closing trailer (``THE END``)
before headings too (it closes a division, it opens none), headings before lists (``II. THE
MARKET`` is a heading, ``II. Wages fell`` in a run of items is an item), an illustration marker
before footnotes, letter parts before paragraphs, the paragraph rule last.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from ..model import (
    Block,
    Heading,
    Inline,
    Inlines,
    Item,
    LetterPart,
    LineBreak,
    LineGroup,
    ListBlock,
    Paragraph,
    Quote,
    Span,
    Trailer,
)
from . import (
    breaks,
    contents,
    editorial,
    editornotes,
    figures,
    glosses,
    headings,
    letters,
    lists,
    notes,
    quotes,
    sidenotes,
    trailers,
)
from .divisions import PLAIN_SECTION, CloseAll, Opening, nest
from .lines import Group, SourceLine, groups_of
from .speechlines import cut_speeches
from .wrapping import Layout, group_inlines, inline_lines, is_exported, split_unwrapped


@dataclass(slots=True)
class State:
    groups: list[Group]
    layout: Layout
    recurring: frozenset[str]
    speech_lines: frozenset[int] = frozenset()  # lines that open a speech (``speechlines``)
    titled: bool = False  # keyword headings have a title line under them (any case)
    numbered: frozenset[int] = frozenset()  # first lines of numbered headings in sequence
    glosses: dict[int, int] = field(default_factory=dict)  # gloss lists: start -> length
    spacing: int = 0  # blank lines a plain heading needs before it (``heading_spacing``)
    contents: dict[int, int] = field(default_factory=dict)  # contents without a heading
    pos: int = 0
    flat: list[Block | Opening | CloseAll] = field(default_factory=list)
    note_targets: dict[str, str] = field(default_factory=dict)
    note_count: int = 0
    last_paragraph_group: Group | None = None
    last_head: str = ""  # text of the latest heading (a cast list follows its own heading)

    @property
    def group(self) -> Group:
        return self.groups[self.pos]

    def peek(self, offset: int = 1) -> Group | None:
        i = self.pos + offset
        return self.groups[i] if 0 <= i < len(self.groups) else None

    def cited_since_heading(self, key: str) -> bool:
        """Whether a paragraph since the last heading carries the marker ``[key]`` and no
        note of that label has been made yet."""
        if key in self.note_targets:
            return False
        marker = f"[{key}]"
        for block in reversed(self.flat):
            if isinstance(block, (Opening, Heading)):
                return False
            if isinstance(block, Paragraph) and any(
                isinstance(i, str) and marker in i for i in block.content
            ):
                return True
        return False

    def next_note_id(self, label: str) -> str:
        self.note_count += 1
        note_id = f"note-{self.note_count}"
        self.note_targets.setdefault(notes.label_key(label), note_id)
        return note_id


Rule = Callable[[State], bool]


# A fifth of a text's longer groups in verse: a play in verse and prose (Twelfth Night 0.46,
# Doctor Faustus 0.28), where prose plays and novels measure 0.09 at most.
_SOME_VERSE = 0.2


def segment(lines: list[SourceLine]) -> list[Block]:
    return segment_with_openers(lines)[0]


def segment_with_openers(lines: list[SourceLine]) -> tuple[list[Block], frozenset[int]]:
    """The blocks, and the numbers of the lines the layout shows to open a speech
    (``speechlines``), for the speaker rules to read."""
    groups, speech_lines = cut_speeches(groups_of(lines))
    if not groups:
        return [], speech_lines
    layout = Layout.of(groups)
    if not layout.hard_wrapped and is_exported(groups):
        layout = replace(layout, exported=True)
    groups = split_unwrapped(groups, layout)
    groups = breaks.cut_underlines(sidenotes.cut_sidenotes(groups))
    numbered, glued = headings.numbered_headings(groups, layout)
    groups = _cut_after(groups, glued | _before_set_in_directions(groups))
    if layout.hard_wrapped:
        share = quotes.verse_share(groups, layout)
        layout = replace(layout, verse=share >= 0.5, some_verse=share >= _SOME_VERSE)
    state = State(
        groups,
        layout,
        _recurring(groups),
        speech_lines,
        headings.titles_follow_headings(groups),
        frozenset(numbered),
        glosses.gloss_runs(groups),
        headings.heading_spacing(groups),
        contents.unheaded_contents(groups),
    )
    long_rules = tuple(rule for rule in RULES if rule not in _SHORT_ONLY)
    count = len(groups)  # the rules move ``state.pos`` but never change the groups
    while state.pos < count:
        for rule in RULES if len(groups[state.pos].lines) <= 2 else long_rules:
            if rule(state):
                break
    body = tuple(nest(state.flat))
    return list(editorial.mark(notes.link_anchors(body, state.note_targets))), speech_lines


def _cut_after(groups: list[Group], lines: set[int]) -> list[Group]:
    """``groups`` cut under each of their lines numbered in ``lines``."""
    if not lines:
        return groups
    out: list[Group] = []
    for group in groups:
        cut = [i + 1 for i, line in enumerate(group.lines[:-1]) if line.number in lines]
        if not cut:
            out.append(group)
            continue
        bounds = [0, *cut, len(group.lines)]
        for i, (a, b) in enumerate(zip(bounds, bounds[1:], strict=False)):
            before = group.blank_before if i == 0 else 0
            after = group.blank_after if b == len(group.lines) else 0
            out.append(Group(group.lines[a:b], before, after))
    return out


_BRACKETED = re.compile(r"\[[^\[\]]+\]")


def _before_set_in_directions(groups: list[Group]) -> set[int]:
    """The lines above a group's last line where that line is a direction in brackets set in
    further than the line above ("     And this the man that in his study sits." /
    "          [Exit.]"): the direction is not a line of the speech's verse or prose."""
    return {
        group.lines[-2].number
        for group in groups
        if len(group.lines) >= 2
        and group.lines[-1].stripped[:1] == "["
        and group.lines[-1].indent > group.lines[-2].indent + 2
        and _BRACKETED.fullmatch(group.lines[-1].stripped)
    }


def _recurring(groups: list[Group]) -> frozenset[str]:
    """Short lines that open two groups or more: speaker labels (alone, or over their speech)
    and running heads, never headings. A line standing alone and set apart like a heading each
    time (two blank lines more than the text's paragraphs) is a heading the text repeats
    ("CHATEAU DE CROIXMARE" over three letters from one place), and stays one, in a text that
    names its divisions rather than numbering them with keywords (where it does, a repeated
    line over them is the book's title set again over each volume)."""
    starts: dict[str, list[Group]] = {}
    for group in groups:
        if len(group.lines[0].text) <= 80:
            starts.setdefault(group.lines[0].stripped, []).append(group)
    repeated = {text: found for text, found in starts.items() if len(found) >= 2}
    if not repeated:
        return frozenset()
    keyworded = sum(
        1 for g in groups if len(g.lines) == 1 and headings.keyword_heading(g.text) is not None
    )
    if keyworded >= 3:
        return frozenset(repeated)
    usual = Counter(g.blank_before for g in groups[1:]).most_common(1)[0][0] if groups[1:] else 0

    def set_apart(found: list[Group]) -> bool:
        alone = [g for g in found if len(g.lines) == 1]
        return len(alone) * 2 >= len(found) and all(g.blank_before >= usual + 2 for g in alone)

    return frozenset(text for text, found in repeated.items() if not set_apart(found))


def _span(first: Group, last: Group | None = None) -> Span:
    return Span(first.start, (last or first).end)


# -- rules, in order -------------------------------------------------------------------------------


def notes_section(state: State) -> bool:
    head = state.groups[state.pos]
    if not notes.is_notes_heading(head):
        return False
    first = state.peek()
    subtitle = None
    if (
        first is not None
        and notes.note_label(first.text) is None
        and len(first.lines) == 1
        and len(first.text) <= 60
        and (after := state.peek(2)) is not None
        and notes.note_label(after.text) is not None
    ):
        subtitle, first = first, after  # "NOTAS" / "AO LIVRO PRIMEIRO." / the first note
    if first is None or notes.note_label(first.text) is None:
        return False
    state.pos += 2 if subtitle is not None else 1
    collected: list[tuple[str, list[Group]]] = []
    while state.pos < len(state.groups):
        group = state.group
        labelled = notes.note_label(group.lines[0].stripped)
        if labelled is not None:
            collected.append((labelled[0], [group]))
        elif _ends_notes(group, state):
            break
        else:
            collected[-1][1].append(group)
        state.pos += 1
    note_blocks: list[Block] = []
    for label, groups in collected:
        note_id = state.next_note_id(label)
        blocks = tuple(Paragraph(group_inlines(g, state.layout), _span(g)) for g in groups)
        first_para = blocks[0]
        assert isinstance(first_para, Paragraph)
        del first_para  # the label stays in the note's text as printed (and in Note.label)
        note_blocks.append(
            notes.make_note(state.note_count, label, blocks, "end", _span(groups[0], groups[-1]))
        )
        del note_id
    from ..model import Division

    state.flat.append(CloseAll())
    heads: Inlines = (head.lines[0].stripped,)
    if subtitle is not None:
        heads = (*heads, LineBreak(), subtitle.text)
    state.flat.append(
        Division("notes", heads, tuple(note_blocks), "", _span(head, state.groups[state.pos - 1]))
    )
    return True


def _ends_notes(group: Group, state: State) -> bool:
    text = group.text
    return bool(
        breaks.section_break(group)
        or (headings.keyword_heading(text) is not None and len(group.lines) == 1)
        or contents.is_contents_heading(group)
    )


def _strip_label(paragraph: Paragraph, label: str) -> Paragraph:
    content = paragraph.content
    first = content[0]
    if isinstance(first, str) and first.startswith(label):
        content = (first[len(label) :].lstrip(),) + content[1:]
    return Paragraph(content, paragraph.span)


def unheaded_contents(state: State) -> bool:
    taken = state.contents.get(state.pos)
    if taken is None:
        return False
    entries = state.groups[state.pos : state.pos + taken]
    state.flat.append(contents.unheaded_division(entries))
    state.pos += taken
    return True


def table_of_contents(state: State) -> bool:
    head = state.groups[state.pos]
    if not contents.is_contents_heading(head):
        return False
    entries: list[Group] = []
    i = 1
    rule = state.peek(1)
    underline = breaks.section_break(rule) if rule is not None and not rule.blank_before else None
    if underline is not None:
        i = 2  # "CONTENTS." / "----" / the entries
    while (group := state.peek(i)) is not None and contents.is_entry_group(group):
        if (i > 1 or len(head.lines) > 1) and group.blank_before > 1:
            break
        entries.append(group)
        i += 1
    if not entries and len(head.lines) == 1:
        return False
    state.flat.append(CloseAll(PLAIN_SECTION))
    state.flat.append(contents.contents_division(head, entries, underline))
    state.pos += i
    return True


def break_lines(state: State) -> bool:
    group = state.groups[state.pos]
    if len(group.lines) != 1:  # both kinds of break are a line of their own
        return False
    block = breaks.section_break(group) or breaks.page_break(group)
    if block is None:
        return False
    state.flat.append(block)
    state.pos += 1
    return True


def sidenote(state: State) -> bool:
    group = state.groups[state.pos]
    if not sidenotes.is_sidenote(group):
        return False
    state.note_count += 1  # (no label: nothing in the text refers to a side note)
    paragraph = Paragraph(group_inlines(group, state.layout), _span(group))
    note = notes.Note(f"note-{state.note_count}", "", (paragraph,), "margin", _span(group))
    state.flat.append(note)
    state.pos += 1
    return True


def editor_note(state: State) -> bool:
    if not state.groups[state.pos].lines[0].stripped.startswith("["):
        return False  # (most groups: the call and its pattern cost more than this look)
    found = editornotes.editor_note(state.groups, state.pos)
    if found is None:
        return False
    kind, taken = found
    groups = state.groups[state.pos : state.pos + taken]
    paragraphs = tuple(Paragraph(group_inlines(g, state.layout), _span(g)) for g in groups)
    state.note_count += 1  # (no label: nothing in the text refers to it)
    span = _span(groups[0], groups[-1])
    state.flat.append(notes.Note(f"note-{state.note_count}", "", paragraphs, "", span, kind))
    state.pos += taken
    return True


def figure(state: State) -> bool:
    block = figures.figure_of(state.groups[state.pos])
    if block is None:
        return False
    state.flat.append(block)
    state.pos += 1
    return True


def trailer(state: State) -> bool:
    group = state.groups[state.pos]
    if not trailers.is_closing(group) or not _closes(state, 1, group):
        return False
    work = trailers.ends_work(group.text)
    state.flat.append(Trailer(group_inlines(group, state.layout), _span(group), work))
    following = state.peek()
    if (
        following is not None
        and (work or not _opens_division(state, following))
        and not trailers.is_closing(following)
    ):
        # "THE END." set apart from the printer's imprint below it: what follows is no part
        # of the division the trailer closed (after the work's end, not even a division it
        # would hold: "Other books by the author").
        state.flat.append(CloseAll())
    state.pos += 1
    return True


def _closes(state: State, offset: int, group: Group) -> bool:
    """Whether nothing but a new division, another closing formula or the end of the body
    follows ``group`` (the group before ``offset``); or three blank lines set it apart."""
    following = state.peek(offset)
    if following is None or _opens_division(state, following):
        return True
    if trailers.is_closing(following):
        return _closes(state, offset + 1, following)
    return group.blank_after >= 3


def _opens_division(state: State, group: Group) -> bool:
    return (
        headings.heading_of(group, state.layout, state.recurring, state.numbered, state.spacing)
        is not None
        or notes.is_notes_heading(group)
        or contents.is_contents_heading(group)
    )


def footnote(state: State) -> bool:
    group = state.groups[state.pos]
    label = notes.footnote_block(group)
    if label is not None:
        note_id = state.next_note_id(label or "*")
        paragraph = Paragraph(group_inlines(group, state.layout), _span(group))
        state.flat.append(notes.Note(note_id, label, (paragraph,), "foot", _span(group)))
        state.pos += 1
        return True
    label = notes.bracketed_footnote(group, state.cited_since_heading)
    if label is None:
        return False
    note_id = state.next_note_id(label)
    # the printed label stays in the text, as in a notes section: nothing of the source is lost
    paragraph = Paragraph(group_inlines(group, state.layout), _span(group))
    state.flat.append(notes.Note(note_id, label, (paragraph,), "foot", _span(group)))
    state.pos += 1
    return True


def heading(state: State) -> bool:
    group = state.groups[state.pos]
    match = headings.heading_of(group, state.layout, state.recurring, state.numbered, state.spacing)
    if match is None:
        return False
    if match.n and not match.keyword and _next_is_item(state, group):
        return False
    first = group.lines[0]
    if len(group.lines) == 2 and headings.keyword_heading(first.stripped) is not None:
        # "CHAPTER I." over "THE ARRIVAL." in one group: two heads, as printed.
        number = headings.keyword_heading(first.stripped)
        assert number is not None
        state.flat.append(
            Opening(number.type, (first.stripped,), number.n, number.level, _span(group))
        )
        second = group.lines[1]
        state.flat.append(Heading((second.stripped,), 2, Span.of_lines(second.number)))
        state.last_head = second.stripped
        state.pos += 1
        return True
    head: Inlines = group_inlines(group, state.layout)
    state.flat.append(Opening(match.type, head, match.n, match.level, _span(group)))
    state.last_head = group.text
    title = state.peek()
    if (
        match.keyword
        and title is not None
        and group.blank_after <= 4
        and headings.is_title_line(title, state.layout, state.recurring, state.titled)
    ):
        # "CHAPTER I" / "THE ARRIVAL" printed apart: the division's second head, as printed.
        state.flat.append(Heading(group_inlines(title, state.layout), 2, _span(title)))
        state.last_head = title.text
        state.pos += 1
    state.pos += 1
    return True


def _next_is_item(state: State, group: Group) -> bool:
    here = lists.item_start(group.text)
    if here is None:
        return False
    for offset in (-1, 1):
        other = state.peek(offset)
        if other is not None:
            there = lists.item_start(other.lines[0].stripped)
            if there is not None and lists.same_style(here, there):
                return True
    return False


def letter_opener(state: State) -> bool:
    group = state.groups[state.pos]
    if len(group.lines) > 2 or not letters.is_salutation(group.text):
        return False
    parts: list[tuple[str, Inlines]] = []
    start = group
    previous = state.last_paragraph_group
    if (
        previous is not None
        and state.flat
        and isinstance(state.flat[-1], Paragraph)
        and state.flat[-1].span == _span(previous)
        and letters.is_dateline(previous)
    ):
        state.flat.pop()
        parts.append(("dateline", group_inlines(previous, state.layout)))
        start = previous
    parts.append(("salute", group_inlines(group, state.layout)))
    state.flat.append(letters.opener(parts, _span(start, group)))
    state.pos += 1
    return True


def letter_closer(state: State) -> bool:
    found = _closer_at(state, 0)
    if found is None:
        return False
    closer, taken = found
    state.flat.append(closer)
    state.pos += taken
    return True


def _closer_at(state: State, offset: int, margin: int = 0) -> tuple[LetterPart, int] | None:
    """The closing formula at ``offset`` from the current group with its signature lines (in
    its group and up to two groups after it), and the number of groups they take. With a
    ``margin`` (a quoted letter's indentation) every group must be indented at least that much."""
    group = state.peek(offset)
    if group is None:
        return None
    first = group.lines[0].stripped
    if not letters.is_closing(first) or len(group.lines) > 4 or group.indent < margin:
        return None
    parts: list[tuple[str, Inlines]] = [("salute", (first,))]
    parts.extend(("signed", (line.stripped,)) for line in group.lines[1:])
    last = group
    taken = 1
    while (
        taken < 3
        and (following := state.peek(offset + taken)) is not None
        and following.indent >= margin
        and letters.is_signature(following)
    ):
        parts.append(("signed", inline_lines(following.lines, state.layout)))
        last = following
        taken += 1
    return letters.closer(parts, _span(group, last)), taken


def gloss_list(state: State) -> bool:
    """A run of "Name: what it stands for" paragraphs, each name explained once (``glosses``)."""
    taken = state.glosses.get(state.pos)
    if taken is None:
        return False
    run = state.groups[state.pos : state.pos + taken]
    items = []
    for group in run:
        label, _ = glosses.split_label(group.text)
        paragraph = _strip_label(Paragraph(group_inlines(group, state.layout), _span(group)), label)
        items.append(Item(label, (paragraph,), _span(group)))
    state.flat.append(ListBlock(tuple(items), "gloss", _span(run[0], run[-1])))
    state.pos += taken
    return True


def list_items(state: State) -> bool:
    group = state.groups[state.pos]
    start = lists.item_start(group.lines[0].stripped)
    if start is None:
        return _intro_and_items(state)
    if len(group.lines) >= 2:
        split = _items_in_lines(group, start, state.layout)
        if split is not None:
            state.flat.append(split)
            state.pos += 1
            return True
    # (item start, its group, the groups of a list nested under it)
    entries: list[tuple[lists.ItemStart, Group, list[Group]]] = [(start, group, [])]
    ahead = 1
    while (following := state.peek(ahead)) is not None:
        there = lists.item_start(following.lines[0].stripped)
        if there is None:
            break
        if lists.same_style(start, there):
            entries.append((there, following, []))
            ahead += 1
            continue
        nested = _nested_run(state, ahead, start, entries[-1][0])
        if not nested:
            break
        entries[-1][2].extend(nested)
        ahead += len(nested)
    if len(entries) < 2 or lists.numbers_nothing([s for s, _, _ in entries]):
        return False
    items = tuple(
        Item(
            s.label,
            (
                _without_label(Paragraph(group_inlines(g, state.layout), _span(g)), s.label),
                *_nested_list(nested, state.layout),
            ),
            _span(g, nested[-1] if nested else None),
        )
        for s, g, nested in entries
    )
    state.flat.append(
        ListBlock(items, _kind(start), _span(group, state.groups[state.pos + ahead - 1]))
    )
    state.pos += ahead
    return True


def _nested_run(
    state: State, ahead: int, outer: lists.ItemStart, last: lists.ItemStart
) -> list[Group]:
    """The groups of a list of another style under item ``last`` ("1. No cooperation…" /
    "a. No support…" / "b. Opposition…" / "2. Refusal…"): two items at least, numbered as a
    list, and the outer list's next number right after them."""
    run: list[Group] = []
    starts: list[lists.ItemStart] = []
    while (following := state.peek(ahead + len(run))) is not None:
        there = lists.item_start(following.lines[0].stripped)
        if there is None or lists.same_style(outer, there):
            break
        if starts and not lists.same_style(starts[0], there):
            return []
        run.append(following)
        starts.append(there)
    after = state.peek(ahead + len(run))
    resumed = lists.item_start(after.lines[0].stripped) if after is not None else None
    number, next_number = lists.number_of(last), resumed and lists.number_of(resumed)
    if len(run) < 2 or lists.numbers_nothing(starts) or number is None or next_number != number + 1:
        return []
    return run


def _nested_list(groups: list[Group], layout: Layout) -> tuple[ListBlock, ...]:
    if not groups:
        return ()
    starts = [lists.item_start(g.lines[0].stripped) for g in groups]
    items = tuple(
        Item(
            s.label,
            (_without_label(Paragraph(group_inlines(g, layout), _span(g)), s.label),),
            _span(g),
        )
        for s, g in zip(starts, groups, strict=True)
        if s is not None
    )
    first = starts[0]
    assert first is not None
    return (ListBlock(items, _kind(first), _span(groups[0], groups[-1])),)


def _intro_and_items(state: State) -> bool:
    """A group whose first lines introduce items printed one a line (``were:`` / ``(a) …``)."""
    group = state.groups[state.pos]
    if len(group.lines) < 3:
        return False
    # Only the first four lines can open the items (a later first item is no list).
    first = next(
        (i for i, line in enumerate(group.lines[:4]) if lists.is_item_start(line.stripped)), None
    )
    if first is None or first == 0:
        return False
    tail = Group(group.lines[first:], 0, group.blank_after)
    start = lists.item_start(tail.lines[0].stripped)
    assert start is not None
    listed = _items_in_lines(tail, start, state.layout)
    if listed is None:
        return False
    intro = group.lines[:first]
    state.flat.append(
        Paragraph(inline_lines(intro, state.layout), Span(intro[0].number, intro[-1].number))
    )
    state.flat.append(listed)
    state.pos += 1
    return True


def _items_in_lines(group: Group, start: lists.ItemStart, layout: Layout) -> ListBlock | None:
    chunks: list[tuple[lists.ItemStart, list[SourceLine]]] = []
    for line in group.lines:
        there = lists.item_start(line.stripped)
        if there is not None and lists.same_style(start, there):
            chunks.append((there, [line]))
        elif chunks:
            chunks[-1][1].append(line)
    if len(chunks) < 2 or lists.numbers_nothing([s for s, _ in chunks]):
        return None
    items = []
    for s, chunk in chunks:
        span = Span(chunk[0].number, chunk[-1].number)
        items.append(
            Item(
                s.label,
                (_without_label(Paragraph(inline_lines(chunk, layout), span), s.label),),
                span,
            )
        )
    return ListBlock(tuple(items), _kind(start), _span(group))


def _without_label(paragraph: Paragraph, label: str) -> Paragraph:
    return _strip_label(paragraph, label)


def _kind(start: lists.ItemStart) -> str:
    return "bulleted" if start.style.startswith("bullet") else "ordered"


def _speech_set_in(group: Group, state: State) -> bool:
    """A speech set in, as its play prints them all: opening on a line that opens speeches,
    or right under a speaker's name line ("HERNANI." / "    Que faire?")."""
    return group.start in state.speech_lines or (
        group.blank_before == 0 and group.start - 1 in state.speech_lines
    )


def indented_block(state: State) -> bool:
    first = state.groups[state.pos]
    if (
        not state.layout.hard_wrapped
        or _speech_set_in(first, state)
        or not quotes.is_indented_block(first, state.layout)
    ):
        return False
    run: list[Group] = []
    while (
        (group := state.peek(len(run))) is not None
        and not _speech_set_in(group, state)
        and quotes.is_indented_block(group, state.layout)
    ):
        if run and (
            headings.heading_of(group, state.layout, state.recurring, state.numbered, state.spacing)
            is not None
            or (
                letters.is_closing(group.lines[0].stripped)
                and not all(quotes.is_verse(g, state.layout) for g in run)
            )
        ):
            break  # a heading, or a quoted letter's closing (taken below)
        run.append(group)
    blocks = tuple(quotes.quoted_block(g, state.layout) for g in run)
    if state.layout.indented_share >= 0.3 and all(isinstance(b, LineGroup) for b in blocks):
        state.flat.extend(blocks)  # a verse text (a verse play): its verse is no quotation
        state.pos += len(run)
        return True
    taken = len(run)
    last = run[-1]
    if any(isinstance(b, Paragraph) for b in blocks):
        # A quoted letter (prose) ends with its closing and signature: they close the quotation.
        margin = min(g.indent for g in run)
        closer = _closer_at(state, taken, margin) or _quoted_signature(state, taken, margin)
        if closer is not None:
            blocks += (closer[0],)
            taken += closer[1]
            last = state.groups[state.pos + taken - 1]
    state.flat.append(Quote(blocks, _span(run[0], last)))
    state.pos += taken
    return True


def _quoted_signature(state: State, offset: int, margin: int) -> tuple[LetterPart, int] | None:
    """A name alone under a quoted letter ("MOTHER.", "KATRINE DULANY."), at the letter's margin
    or further right, before the text goes on unindented (or a section break, or the end): the
    letter's signature. A name followed by more indented text may be a label above its speech."""
    group = state.peek(offset)
    if group is None or group.indent < margin or not letters.is_signed_name(group):
        return None
    after = state.peek(offset + 1)
    if (
        after is not None
        and quotes.is_indented_block(after, state.layout)
        and breaks.section_break(after) is None
    ):
        return None
    signed = [("signed", inline_lines([line], state.layout)) for line in group.lines]
    return letters.closer(signed, _span(group)), 1


def plain_verse(state: State) -> bool:
    group = state.groups[state.pos]
    if not quotes.is_plain_verse(group, state.layout, state.last_head):
        return False
    state.flat.append(quotes.verse_block(group, state.layout))
    state.pos += 1
    return True


def name_and_direction(state: State) -> bool:
    """ "LYSANDER" / ", to Theseus" / the speech…: a speaker's name and the direction after it
    (an exported element's tail on a line of its own) over the rest of their group, which is
    verse or a paragraph of its own. Only in a hard-wrapped text, where the break after the
    direction must be the author's (a name over wrapped prose starts a paragraph of prose)."""
    group = state.groups[state.pos]
    layout = state.layout
    lines = group.lines
    if (
        not layout.hard_wrapped
        or len(lines) < 3
        or not quotes.is_name_and_direction(lines[:2])
        or layout.wrapped_after(lines[1], lines[2])
    ):
        return False
    head, rest = lines[:2], Group(lines[2:], 0, group.blank_after)
    state.flat.append(Paragraph(inline_lines(head, layout), Span(head[0].number, head[1].number)))
    if quotes.is_plain_verse(rest, layout, state.last_head):
        state.flat.append(quotes.verse_block(rest, layout))
    else:
        state.flat.append(Paragraph(group_inlines(rest, layout), _span(rest)))
    state.pos += 1
    return True


def paragraph(state: State) -> bool:
    group = state.groups[state.pos]
    state.flat.append(Paragraph(group_inlines(group, state.layout), _span(group)))
    state.last_paragraph_group = group
    state.pos += 1
    return True


# Rules that never match a group of more than two lines (each checks the length first).
_SHORT_ONLY = frozenset({notes_section, break_lines, trailer, heading, letter_opener})

RULES: tuple[Rule, ...] = (
    notes_section,
    table_of_contents,
    unheaded_contents,
    break_lines,
    editor_note,
    sidenote,
    figure,
    footnote,
    trailer,
    heading,
    letter_opener,
    letter_closer,
    gloss_list,
    list_items,
    indented_block,
    plain_verse,
    name_and_direction,
    paragraph,
)

__all__ = ["RULES", "State", "segment", "segment_with_openers", "Inline"]

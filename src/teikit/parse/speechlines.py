"""Speeches printed without blank lines between them: where a line opens a new speech.

Many e-texts of plays print one speech right under another, the speaker's label at the start of
the line (``  K.Iohn. What followes…`` under ``of France,``; ``  GLOUCESTER. Now is…`` under the
last line of the speech before), and a stage direction on a line of its own between them
(``Enter a Sheriffe.``). Blank lines then say nothing about where a speech ends, and a wrapper
would join the speeches into one paragraph. This pass finds those lines first, so that the
segmenter cuts its groups there.

A line opens a speech when it starts with a label candidate (``speakers.labels``) whose name
recurs at line starts throughout the text, is no common word, and stands where a new speech
does: its indentation differs from the line before it (continuation lines are set flush or
further in), or the line before opened a speech too (one-line speeches). Nothing is cut unless
that is the text's habit: many such lines, inside groups, for several speakers.
"""

from __future__ import annotations

import re
from collections import Counter

from .lines import Group, SourceLine
from .speakers.labels import Label, candidates
from .speakers.select import (
    COMMON_WORDS,
    ENDINGS,
    EXITS,
    FIELD_KEYS,
    NOT_FIRST,
    PAUSES,
    STAGE_VERBS,
)
from .speakers.words import WordCounts

# Directions printed as a line of their own among the speeches.
_DIRECTION = re.compile(
    r"^\[?_?(?:Enter|Enters|Exit|Exeunt|Exit\s+omnes|Re-?enter|Manet|Manent|Flourish|Alarum|"
    r"Alarums|Sennet|Trumpets?|Drums?|Musick|Music|Thunder|Retreat)\b"
)
_MIN_CUTS = 12  # speeches found inside groups before the text counts as printed that way
_MIN_SPEAKERS = 3
_MIN_OPENERS = 20  # lines opening speeches before the layout says anything
_MIN_USES = 3  # a label's uses at line starts


def cut_speeches(groups: list[Group]) -> tuple[list[Group], frozenset[int]]:
    """``groups`` with a group cut before every line that opens a speech (or a direction) inside
    it, where the text prints its speeches without blank lines between them; and the numbers of
    all lines that open a speech (also at the start of a group), which are no quotation however
    far they are indented."""
    starts, openers = speech_starts(groups)
    if not starts:
        return groups, openers
    out: list[Group] = []
    for group in groups:
        runs: list[list[SourceLine]] = [[group.lines[0]]]
        for line in group.lines[1:]:
            if line.number in starts:
                runs.append([line])
            else:
                runs[-1].append(line)
        if len(runs) == 1:
            out.append(group)
            continue
        last = len(runs) - 1
        out.extend(
            Group(
                tuple(run),
                group.blank_before if i == 0 else 0,
                group.blank_after if i == last else 0,
            )
            for i, run in enumerate(runs)
        )
    return out, openers


def speech_starts(groups: list[Group]) -> tuple[set[int], frozenset[int]]:
    """Numbers of the lines inside groups that open a speech or a direction (empty when the
    text does not print speeches run together), and of every line that opens a speech."""
    labels: dict[int, Label] = {}
    for group in groups:
        for line in group.lines:
            label = _label(line.stripped)
            if label is not None:
                labels[line.number] = label
    uses = Counter(label.key for label in labels.values())
    words = WordCounts(lambda: "\n".join(line.stripped for g in groups for line in g.lines))
    speakers = {
        key for key, n in uses.items() if n >= _MIN_USES and _plausible(key, n, words, False)
    }
    if len(speakers) < _MIN_SPEAKERS:
        return set(), frozenset()
    # The indentations speeches open at. A line set in like that where the indentation changes
    # (or a group begins) is where a speech opens: a label there is a speaker's, even a name the
    # text also uses as a word ("Art." for Arthur beside "thou art") or one used only once.
    indents = Counter(
        line.indent
        for group in groups
        for line in group.lines
        if line.number in labels and labels[line.number].key in speakers
    )
    total = sum(indents.values())
    usual = {indent for indent, n in indents.items() if n * 5 >= total}
    placed: set[int] = set()
    for group in groups:
        previous: SourceLine | None = None
        for line in group.lines:
            if (
                line.number in labels
                and line.indent in usual
                and (previous is None or previous.indent != line.indent)
            ):
                placed.add(line.number)
            previous = line
    placed_uses = Counter(labels[n].key for n in placed)

    def speaker(line: SourceLine) -> bool:
        label = labels.get(line.number)
        if label is None:
            return False
        if label.key in speakers:
            return True
        if line.number not in placed:
            return False
        positional = placed_uses[label.key] >= 2
        return _plausible(label.key, uses[label.key], words, positional)

    starts: set[int] = set()
    openers: set[int] = set()
    for group in groups:
        previous = None
        previous_start = True  # a group's first line opens whatever it opens
        for line in group.lines:
            named = speaker(line)
            if previous is None:
                opens = named
            else:
                opens = named and (line.indent != previous.indent or previous_start)
                if opens or _DIRECTION.match(line.stripped):
                    starts.add(line.number)
            if opens:
                openers.add(line.number)
            previous_start = opens
            previous = line
    if len(openers) < _MIN_OPENERS:
        return set(), frozenset()  # a few name lines in prose say nothing of its layout
    speech_cuts = sum(1 for n in starts if n in labels)
    if speech_cuts < _MIN_CUTS:
        return set(), frozenset(openers)
    return starts, frozenset(openers)


def _label(text: str) -> Label | None:
    """The label a line opens with: a name and its terminator, followed by speech."""
    head = text[:72]
    if "." not in head and ":" not in head:
        return None  # (most lines)
    best = None
    for c in candidates(text):
        if c.term and not c.alone and not c.weak and not c.directed:
            best = c
    return best


def _plausible(key: str, uses: int, words: WordCounts, positional: bool) -> bool:
    """A name, not a word; ``positional`` when the layout already shows it opens speeches."""
    parts = key.split()
    if key in ENDINGS or key in FIELD_KEYS or parts[-1] in PAUSES or len(key) < 2:
        return False
    if parts[0] in STAGE_VERBS or parts[-1] in EXITS:
        return False  # "Enter Kari.", "Die Magd ab."
    if positional:
        # Set in where speeches open: "And." is Sir Andrew, "To." Sir Toby, whatever the word.
        return True
    if (
        key in COMMON_WORDS
        or key in ENDINGS
        or key in FIELD_KEYS
        or parts[0] in NOT_FIRST
        or parts[-1] in COMMON_WORDS
        or parts[-1] in PAUSES
        or parts[-1] in EXITS
        or len(key) < 2
    ):
        return False
    if " " not in key and not positional:
        # A word the text also prints in lower case is a word ("Come.", "Peace."), not a name.
        return words.lower(key.split(".")[-1]) <= uses
    return True


__all__ = ["cut_speeches", "speech_starts"]

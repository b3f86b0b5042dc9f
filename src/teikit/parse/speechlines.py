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
from .speakers.labels import CONNECTORS, Label, candidates
from .speakers.select import EXITS, never_a_name, word_shaped
from .speakers.words import WordCounts
from .wrapping import is_exported

# Directions printed as a line of their own among the speeches.
_DIRECTION = re.compile(
    r"^\[?_?(?:Enter|Enters|Exit|Exeunt|Exit\s+omnes|Re-?enter|Manet|Manent|Flourish|Alarum|"
    r"Alarums|Sennet|Trumpets?|Drums?|Musick|Music|Thunder|Retreat)\b"
)
_MIN_CUTS = 6  # speeches found inside groups before the text counts as printed that way
_MIN_SPEAKERS = 3
_MIN_OPENERS = 10  # lines opening speeches before the layout says anything
_MIN_USES = 3  # a label's uses at line starts


def cut_speeches(groups: list[Group]) -> tuple[list[Group], frozenset[int]]:
    """``groups`` with a group cut before every line that opens a speech (or a direction) inside
    it, where the text prints its speeches without blank lines between them; and the numbers of
    all lines that open a speech (also at the start of a group), which are no quotation however
    far they are indented."""
    starts, openers = speech_starts(groups)
    if not starts or is_exported(groups):
        return groups, openers  # (markup dumped as text: each of its lines is a unit anyway)
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
    seen: dict[str, Label | None] = {}  # a play prints its names alone hundreds of times

    def label_of(text: str) -> Label | None:
        if not _may_open_label(text):
            return None  # (most lines: not worth keeping in ``seen``)
        if text not in seen:
            seen[text] = _label(text)
        return seen[text]

    # Lines inside groups first: where no speech opens inside a group (speeches set apart by
    # blank lines, as most texts print them), the layout has nothing to tell the speaker rules
    # that a paragraph's start does not, and the groups' first lines need no look.
    for group in groups:
        for line in group.lines[1:]:
            label = label_of(line.stripped)
            if label is not None:
                labels[line.number] = label
    words = WordCounts(lambda: "\n".join(line.stripped for g in groups for line in g.lines))
    if len(labels) < _MIN_CUTS:
        name_lines = _name_lines(groups, words)
        if len(name_lines) < _MIN_OPENERS:
            return set(), frozenset()
        return {n + 1 for n in name_lines}, frozenset(name_lines)
    for group in groups:
        label = label_of(group.lines[0].stripped)
        if label is not None:
            labels[group.lines[0].number] = label
    uses = Counter(label.key for label in labels.values())
    speakers = {
        key for key, n in uses.items() if n >= _MIN_USES and _plausible(key, n, words, False)
    }
    if len(speakers) < _MIN_SPEAKERS:
        name_lines = _name_lines(groups, words)
        if len(name_lines) < _MIN_OPENERS:
            return set(), frozenset()
        return {n + 1 for n in name_lines}, frozenset(name_lines)
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
    # Where a speech's further lines are set at the labels' own margin (prose plays), a label
    # line's next line may be the speech running on; elsewhere it cannot be.
    carried = Counter(
        line.indent for group in groups for line in group.lines if line.number not in labels
    )
    same_margin = bool(carried) and carried.most_common(1)[0][0] in usual
    ended = (
        _ended_lines(groups)
        if same_margin
        else {line.number for group in groups for line in group.lines}
    )
    placed: set[int] = set()
    for group in groups:
        previous: SourceLine | None = None
        for line in group.lines:
            if (
                line.number in labels
                and line.indent in usual
                and (
                    previous is None
                    or previous.indent != line.indent
                    # one-line speeches, one under another (not a wrapped speech's next line)
                    or (
                        previous.number in ended
                        and (
                            previous.number in placed
                            or (
                                previous.number in labels
                                and labels[previous.number].key in speakers
                            )
                        )
                    )
                )
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
                opens = named and (
                    line.indent != previous.indent or (previous_start and previous.number in ended)
                )
                if opens or _DIRECTION.match(line.stripped):
                    starts.add(line.number)
            if opens:
                openers.add(line.number)
            previous_start = opens
            previous = line
    name_lines = _name_lines(groups, words)
    openers |= name_lines
    starts |= {n + 1 for n in name_lines}  # the speech starts on the line under its name
    if len(openers) < _MIN_OPENERS:
        return set(), frozenset()  # a few name lines in prose say nothing of its layout
    speech_cuts = sum(1 for n in starts if n in labels)
    if speech_cuts < _MIN_CUTS:
        return set(), frozenset(openers)
    return starts, frozenset(openers)


def _name_lines(groups: list[Group], words: WordCounts) -> set[int]:
    """Numbers of the first lines of groups that are a speaker's name alone over the speech
    printed right under it ("Just" / "Schurke von einem Wirte!…", "Tellheim (beiseite)." /
    "…"): names that open three groups or more that way, for three speakers or more."""
    names: dict[int, Label] = {}
    for group in groups:
        if len(group.lines) < 2:
            continue
        first = group.lines[0].stripped
        second = group.lines[1].stripped[:1]
        if len(first) > 60 or first.endswith(",") or second in "([,;" or second.islower():
            # a direction under the name is the label's ("Orest" / "(erwachend).", "VIOLA" /
            # ", giving him money")
            continue
        alone = [c for c in candidates(first) if c.alone and not c.weak]
        if alone and not _names_listed(group.lines[1:]):
            names[group.lines[0].number] = alone[-1]
    uses = Counter(label.key for label in names.values())
    speakers = {k for k, n in uses.items() if n >= _MIN_USES and _plausible(k, n, words, False)}
    found = {n for n, label in names.items() if label.key in speakers}
    if len(speakers) < _MIN_SPEAKERS or len(found) < _MIN_CUTS:
        return set()
    # The text prints its speakers this way: a name used once is printed so too ("UN AUTRE
    # LAQUAIS:"), in the style of the others (capitals or not, terminator).
    styles = Counter((names[n].upper, names[n].term) for n in found)
    style = styles.most_common(1)[0][0]
    found |= {
        n
        for n, label in names.items()
        if (label.upper, label.term) == style
        and _plausible(label.key, uses[label.key], words, False)
    }
    return found


_ENDS = (".", "!", "?", ":", ";", "'", '"', "’", "”", "»", "«", ")", "]", "-", "—", "_")


def _ended_lines(groups: list[Group]) -> set[int]:
    """Lines their author ended: short of the text's measure, or closing a sentence. A long line
    that stops mid-sentence was wrapped ("… den abgeschmackten" / "Text.  Eins von beiden…": the
    next line goes on with the speech, whatever it opens with)."""
    lengths = sorted(len(line.text) for group in groups for line in group.lines[:-1])
    if not lengths:
        return {line.number for group in groups for line in group.lines}
    measure = lengths[int(len(lengths) * 0.95) - 1] if len(lengths) >= 20 else lengths[-1]
    return {
        line.number
        for group in groups
        for line in group.lines
        if len(line.text) < measure * 0.75 or line.text.endswith(_ENDS)
    }


def _names_listed(lines: tuple[SourceLine, ...]) -> bool:
    """The lines under a name are names too: a list of them (a cast list), not a speech."""
    named = sum(
        1
        for line in lines
        if any(c.alone and not c.clause and not c.weak for c in candidates(line.stripped))
    )
    return named * 2 > len(lines)


def _may_open_label(text: str) -> bool:
    """A terminator in the line's first characters, and a capital opening it (perhaps after "_"
    or "["): most lines of prose fail here, before the costlier look for label shapes."""
    head = text[:72]
    return ("." in head or ":" in head) and head.lstrip("_[(")[:1].isupper()


def _label(text: str) -> Label | None:
    """The label a line opens with: a name and its terminator, followed by speech (for a line
    ``_may_open_label`` passes)."""
    head = text[:72]
    # A name is a few words long.
    stop = min((k for k in (head.find("."), head.find(":")) if k >= 0), default=len(head))
    words = head[:stop].split()
    if len(words) > 6 or any(w[:1].islower() and w not in CONNECTORS for w in words):
        return None  # "It was cold." is a sentence ("Duke of York." may have "of")
    best = None
    for c in candidates(text):
        if c.term and not c.alone and not c.weak and not c.directed:
            best = c
    return best


def _plausible(key: str, uses: int, words: WordCounts, positional: bool) -> bool:
    """A name, not a word; ``positional`` when the layout already shows it opens speeches."""
    parts = key.split()
    if len(key) < 2 or never_a_name(key) or parts[-1] in EXITS:
        return False  # "CURTAIN.", "Enter Kari.", "Die Magd ab."
    if positional:
        # Set in where speeches open: "And." is Sir Andrew, "To." Sir Toby, whatever the word.
        return True
    if all(part in CONNECTORS for part in parts) or word_shaped(key):
        return False  # "THE" over the rest of a title; "Yes.", "In Hungary."
    if " " not in key:
        # A word the text also prints in lower case is a word ("Come.", "Peace."), not a name.
        return words.lower(key.split(".")[-1]) <= uses
    return True


__all__ = ["cut_speeches", "speech_starts"]

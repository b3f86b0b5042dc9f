"""Gloss lists: runs of ``Label: description`` paragraphs that explain names, not speeches.

Notes sections and glossaries of transcriptions print a name and what it stands for
(``Lovestone: Jay Lovestone, later expelled from the party in 1929.``), one a paragraph, in the
same shape as the turns of a dialogue (``Cannon: I agree that we must decide…``). The difference
is in the document, not in the line: a speaker's label recurs (people answer each other), while a
glossed name is explained once. So a run of three such paragraphs or more, each with its own
label used nowhere else at the start of a paragraph (and sharing no word with a label that
recurs: "Monty Johnstone:" introduces the "Monty:" of later turns), each description short, is a
gloss list: ``list[@type='gloss']`` of ``label`` and ``item``.
"""

from __future__ import annotations

import re
from collections import Counter

from .lines import Group

# "Name:" or "Two Names:" at the start of a paragraph: capitalised words (and connectors), a colon.
_LABEL = re.compile(
    r"^(?P<label>[^\W\d_][\w'’.-]*(?:\s+(?:[^\W\d_][\w'’.-]*|of|the|de|du|la|le|von|van|der|y|"
    r"and|&)){0,5}):\s+(?P<text>\S)"
)
_MIN_RUN = 3
_MAX_WORDS = 80  # a gloss is a phrase or two; a speech in a transcript runs longer
# Labels of questions and answers, metadata and notes are never glossed names.
_NOT_NAMES = frozenset(
    "q a question answer interviewer note notes source sources see also cf nb ps".split()
)


def label_of(group: Group) -> str | None:
    """The label (without its colon) a group opens with, when it is shaped like a name."""
    first = group.lines[0].stripped
    if ":" not in first:
        return None  # (most groups: asked of every one, a colon is looked for first)
    match = _LABEL.match(first)
    if match is None:
        return None
    label = match.group("label")
    words = label.split()
    if not words[0][:1].isupper() or label.casefold() in _NOT_NAMES:
        return None
    return label


def gloss_runs(groups: list[Group]) -> dict[int, int]:
    """Where each gloss list starts (index into ``groups``) and how many groups it takes."""
    labels = [label_of(group) for group in groups]
    keys = [_key(label) if label else "" for label in labels]
    uses = Counter(key for key in keys if key)
    recurring_words = {w for key, n in uses.items() if n >= 2 for w in key.split()}

    def glossed(i: int) -> bool:
        key = keys[i]
        return (
            bool(key)
            and uses[key] == 1
            and not set(key.split()) & recurring_words
            and len(groups[i].text.split()) <= _MAX_WORDS
        )

    runs: dict[int, int] = {}
    i = 0
    while i < len(groups):
        if not glossed(i):
            i += 1
            continue
        j = i
        while j < len(groups) and glossed(j):
            j += 1
        if j - i >= _MIN_RUN:
            runs[i] = j - i
        i = j
    return runs


def split_label(text: str) -> tuple[str, str]:
    """ "Lovestone: Jay Lovestone, later…" → ("Lovestone:", "Jay Lovestone, later…")."""
    head, _, rest = text.partition(":")
    return head + ":", rest.lstrip()


def _key(label: str) -> str:
    return " ".join(label.casefold().replace(".", " ").split())


__all__ = ["gloss_runs", "label_of", "split_label"]

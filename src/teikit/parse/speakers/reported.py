"""Reported speech: words in running text attributed by a reporting clause.

``I am convinced—Comrade Stalin said in conclusion—that …`` becomes two ``Said`` runs attributed to
the person the clause names, the clause itself (with its dashes) staying outside them. The quoted
form ``“…”, said Lafargue, in answer to a query, “…”`` is recognised when the named person is
already known to speak in the document or is its author, so a novel's "said John" is not turned
into a cast of persons.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from ...model import Inline, Inlines, Said

_VERB_WORDS = (
    "said says declared added continued replied answered stated remarked explained concluded "
    "observed".split()
)
_VERBS = "(?:" + "|".join(_VERB_WORDS) + ")"
_NAME = r"(?P<name>(?:[A-Z][\w.’'-]*\s){0,3}?[A-Z][\w’'-]+)"
_DASHED = re.compile(
    r"^(?P<before>.+?)(?P<dash>[—–]|--)(?P<clause>"
    + _NAME
    + r"\s"
    + _VERBS
    + r"\b[^—–]*?)(?P=dash)(?P<after>.+)$"
)
_QUOTED = re.compile(
    r"^(?P<before>[“\"][^”\"]+[”\"])(?P<clause>,?\s*"
    + _VERBS
    + r"\s"
    + _NAME
    + r"(?:,[^“\"]*)?,?\s*)(?P<after>[“\"][^”\"]+[”\"])(?P<tail>.*)$"
)


@dataclass(frozen=True)
class Reported:
    content: Inlines
    name: str


def find_reported(content: Inlines, accept: Callable[[str], bool]) -> Reported | None:
    """``content`` with its reported speech as ``Said`` (who left empty: the caller resolves
    ``name``), or None. ``accept(name)`` says whether a quoted-form name is a known speaker."""
    if len(content) != 1 or not isinstance(content[0], str):
        return None
    text = content[0]
    dashed = "—" in text or "–" in text or "--" in text  # (cheap tests before the regexes)
    if not (dashed or text[:1] in ('"', "“")):
        return None  # (most paragraphs: the dashed form needs a dash, the quoted one a quote)
    if not any(verb in text for verb in _VERB_WORDS):
        return None  # both forms need a reporting verb
    match = _DASHED.match(text) if dashed else None
    if match:
        parts: tuple[Inline, ...] = (
            Said("", (match.group("before"),)),
            match.group("dash") + match.group("clause") + match.group("dash"),
            Said("", (match.group("after"),)),
        )
        return Reported(parts, match.group("name"))
    match = _QUOTED.match(text)
    if match and accept(match.group("name")):
        parts = (
            Said("", (match.group("before"),)),
            match.group("clause"),
            Said("", (match.group("after"),)),
        ) + ((match.group("tail"),) if match.group("tail") else ())
        return Reported(parts, match.group("name"))
    return None


def with_speaker(content: Inlines, who: str) -> Inlines:
    return tuple(Said(who, i.content, i.direct) if isinstance(i, Said) else i for i in content)

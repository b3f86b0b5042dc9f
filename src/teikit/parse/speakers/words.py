"""How often a word occurs in a document's text, for telling names from words.

A name the text also uses in lower case ("yes", "andre", "zweiter") is a common word; a short
label the text also prints as a word of its own ("Geist" beside "Geister", "Bürger" beside
"Bürgermädchen") is a name in its own right, not an abbreviation of the longer one.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from ...model import Block, Division, Line, LineGroup, Paragraph, Speech
from .inlines import plain

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_RUN_CHAR = re.compile(r"[^\W\d_]|['’]")  # the characters a _WORD token is made of


class WordCounts:
    """Counts of a text's ``_WORD`` tokens, asked for one word at a time.

    Only a few words are ever asked about, so instead of tokenising the whole text, each
    occurrence of the word is looked at in its run of letters and apostrophes: tokens never
    cross such a run's edges, so the run's tokens are the text's tokens there. The text may be
    given as a function, called only when a first word is asked about.
    """

    def __init__(self, text: str | Callable[[], str]) -> None:
        self._text = text
        self._folded = ""
        self._lower: dict[str, int] = {}
        self._any: dict[str, int] = {}

    @property
    def text(self) -> str:
        if not isinstance(self._text, str):
            self._text = self._text()
        return self._text

    def lower(self, word: str) -> int:
        """Occurrences of ``word`` (in lower case) as a token printed in lower case."""
        if word not in self._lower:
            self._lower[word] = (
                _count(self.text, word) if word.islower() and _WORD.fullmatch(word) else 0
            )
        return self._lower[word]

    def any_case(self, word: str) -> int:
        """Occurrences of ``word`` as a token in any case."""
        folded = word.casefold()
        if folded not in self._any:
            if not self._folded:
                self._folded = self.text.casefold()
            self._any[folded] = _count(self._folded, folded) if _WORD.fullmatch(folded) else 0
        return self._any[folded]


def _count(text: str, word: str) -> int:
    count = 0
    end = 0  # the end of the last run read (runs never overlap)
    at = text.find(word)
    while at >= 0:
        if at >= end:
            start = at
            while start > 0 and _RUN_CHAR.match(text, start - 1):
                start -= 1
            end = at + len(word)
            while end < len(text) and _RUN_CHAR.match(text, end):
                end += 1
            count += _WORD.findall(text, start, end).count(word)
        at = text.find(word, max(at + 1, end))
    return count


def document_text(blocks: tuple[Block, ...]) -> str:
    """The text of every paragraph and verse line, one a line."""
    return "\n".join(_texts(blocks))


def _texts(blocks: tuple[Block, ...]) -> Iterator[str]:
    for block in blocks:
        if isinstance(block, Paragraph):
            yield plain(block.content)
        elif isinstance(block, LineGroup):
            yield from _lines(block)
        elif isinstance(block, (Division, Speech)):
            yield from _texts(block.blocks)


def _lines(group: LineGroup) -> Iterator[str]:
    for line in group.lines:
        if isinstance(line, Line):
            yield plain(line.content)
        else:
            yield from _lines(line)

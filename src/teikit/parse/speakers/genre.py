"""The document's genre from its speakers, structure and title block.

"play" (a cast list, acts or scenes, or dot-labelled turns by three or more speakers), "interview"
(question labels, "interview" in the title block, or a dialogue in which the one other speaker
asks the author questions: ``questioner``), "hearing" (a chairman, or a title naming
testimony, a hearing, a committee or minutes), "dialogue" (turns by two or more named speakers),
"letter" (an opener or closer at the start or end of the text, not a letter quoted in a novel, or
"letter" in the title block), "speech"; otherwise the genre the document already had.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from itertools import islice

from ...model import Block, Division, Document, LetterPart, Paragraph, Speech, walk
from .inlines import words_of
from .select import INTERVIEWER_KEYS, LabelRules
from .words import document_text

_INTERVIEW = re.compile(r"\binterview", re.IGNORECASE)
_HEARING = re.compile(
    r"\b(?:testimony|hearings?|committee|minutes|proceedings|cross-examination|trial)\b", re.I
)
_SPEECH = re.compile(
    r"\b(?:speech|address|lecture|delivered|report\s+to|oration|sermon)\b", re.IGNORECASE
)
_LETTER = re.compile(r"\bletters?\b|\bepistle\b", re.IGNORECASE)
_PLAY = re.compile(
    r"\b(?:a\s+(?:comedy|tragedy|drama|farce|play)|in\s+(?:one|two|three|four|five)\s+acts?)\b",
    re.I,
)


_OPENING = 8  # paragraphs read as the title block when the front-matter reader found none


def title_block(document: Document) -> str:
    """The title block's lines; without one, the short opening paragraphs of the body (a title
    page the front-matter reader did not recognise still names an interview's parties)."""
    if document.metadata.front:
        return "\n".join(line.text for line in document.metadata.front)
    # Only the first few short texts count: read no further (split(None, 16) has 17 parts
    # exactly when the text has more than 16 words).
    short = (text for text in opening_texts(document.body) if len(text.split(None, 16)) <= 16)
    return "\n".join(islice(short, _OPENING))


def opening_texts(blocks: tuple[Block, ...]) -> Iterator[str]:
    """The first texts of the body in reading order (division heads, paragraphs' first lines)."""
    for block in blocks:
        if isinstance(block, Division):
            yield words_of(block.head)
            yield from opening_texts(block.blocks)
        elif isinstance(block, Paragraph):
            yield words_of(block.content).split("\n", 1)[0]
        else:
            return


def questioner(blocks: tuple[Block, ...], is_author: Callable[[str], bool]) -> str | None:
    """In a dialogue between the author and one other speaker who asks the questions ("SWR:
    … Is that true?" / "CH: Their boast is …"), the other speaker is interviewing the author:
    their id. Both must speak three times or more; at least two thirds of the asker's turns and
    at most a third of the author's hold a question mark."""
    turns: dict[str, list[int]] = {}  # who → [turns, turns with a question]
    for speech in speeches(blocks):
        counts = turns.setdefault(speech.who, [0, 0])
        counts[0] += 1
        counts[1] += "?" in document_text(speech.blocks)
    if len(turns) != 2:
        return None
    (first, (n1, q1)), (second, (n2, q2)) = turns.items()
    for asker, (n, q), answerer, (m, a) in (
        (first, (n1, q1), second, (n2, q2)),
        (second, (n2, q2), first, (n1, q1)),
    ):
        if is_author(answerer) and n >= 3 and m >= 3 and 3 * q >= 2 * n and 3 * a <= m:
            return asker
    return None


def speeches(blocks: tuple[Block, ...]) -> Iterator[Speech]:
    """Every turn of ``blocks``, in divisions too, in reading order."""
    return (block for block in walk(blocks) if isinstance(block, Speech))


def classify(document: Document, rules: LabelRules, speakers: set[str], has_cast: bool) -> str:
    titles = title_block(document)
    keys = set(rules.accepted)
    if has_cast or _has_division(document.body, ("act", "scene")) or _PLAY.search(titles):
        if speakers:
            return "play"
    if any("chairman" in k or "chair" == k for k in keys) or (_HEARING.search(titles) and speakers):
        return "hearing"
    if keys & INTERVIEWER_KEYS or _INTERVIEW.search(titles):
        return "interview"
    if len(speakers) >= 3 and rules.dominant is not None and rules.dominant[1] in (".", ""):
        return "play"
    if len(speakers) >= 2:
        return "dialogue"
    if _has_letter_part(document.body) or _LETTER.search(titles):
        return "letter"
    if _SPEECH.search(titles):
        return "speech"
    return document.genre


def _has_division(blocks: tuple[Block, ...], types: tuple[str, ...]) -> bool:
    return any(
        isinstance(b, Division) and (b.type in types or _has_division(b.blocks, types))
        for b in blocks
    )


_FRAME = 3  # blocks from either end of the text where a letter's opener or closer stands


def _has_letter_part(blocks: tuple[Block, ...]) -> bool:
    """The text opens or closes as a letter: an opener among its first blocks or a closer among
    its last (an editor's note may follow). A closer in mid-text (a letter quoted in a novel)
    does not make the text a letter."""
    flat = list(_leaves(blocks))
    return any(isinstance(b, LetterPart) and b.kind == "opener" for b in flat[:_FRAME]) or any(
        isinstance(b, LetterPart) and b.kind == "closer" for b in flat[-_FRAME:]
    )


def _leaves(blocks: tuple[Block, ...]) -> Iterator[Block]:
    """The blocks in reading order, divisions opened (a notes division is not the text)."""
    for block in blocks:
        if isinstance(block, Division):
            if block.type != "notes":
                yield from _leaves(block.blocks)
        else:
            yield block

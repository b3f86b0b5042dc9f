"""teikit's document model: a closed set of plain dataclasses between reading and writing.

Like pandoc's AST, the model knows nothing about TEI, HTML or any other output format. Every block
carries the source line span it came from (1-based, inclusive) so diagnostics and tests can point
back at the text. Writers must handle every class listed in ``BLOCK_TYPES`` / ``INLINE_TYPES`` and
raise on anything else, so nothing is dropped silently.

Blocks hold inline content as ``Inlines`` (a tuple of ``str`` and inline nodes). Plain strings are
the common case and keep the model cheap to build.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from .errors import Diagnostic
from .quickinit import quick_init

# --------------------------------------------------------------------------------------------------
# Source positions


@quick_init
@dataclass(frozen=True, slots=True)
class Span:
    """Lines ``start``..``end`` (1-based, inclusive) of the decoded source."""

    start: int
    end: int

    @staticmethod
    def of_lines(start: int, end: int | None = None) -> Span:
        return Span(start, start if end is None else end)


NO_SPAN = Span(0, 0)

# --------------------------------------------------------------------------------------------------
# Inlines


@quick_init
@dataclass(frozen=True, slots=True)
class NoteRef:
    """A note marker in running text (``[1]``, ``[1*]``, ``*``); ``target`` is the Note's id."""

    label: str
    target: str


@quick_init
@dataclass(frozen=True, slots=True)
class Said:
    """Words attributed to a speaker inside running text (reported speech)."""

    who: str  # Person.id
    content: Inlines
    direct: bool = True


@quick_init
@dataclass(frozen=True, slots=True)
class LineBreak:
    """An original line break kept on request (hard-wrapped sources)."""


@quick_init
@dataclass(frozen=True, slots=True)
class PageBreakInline:
    """A page-break marker found in the middle of running text."""

    n: str


@quick_init
@dataclass(frozen=True, slots=True)
class Editorial:
    """Editorial brackets in the source (``[sic]``, ``[illegible]``, ``[Applause]``).

    ``kind`` is "supplied", "sic", "gap", "comment" or "stage"; ``text`` is verbatim including
    the brackets so nothing of the source is lost.
    """

    kind: str
    text: str


@quick_init
@dataclass(frozen=True, slots=True)
class Emphasis:
    """Text the transcription marks as emphasised (``_word_``, ``*word*``)."""

    content: Inlines
    marker: str = "_"


Inline = str | NoteRef | Said | LineBreak | PageBreakInline | Editorial | Emphasis
Inlines = tuple[Inline, ...]
INLINE_TYPES: tuple[type, ...] = (
    str,
    NoteRef,
    Said,
    LineBreak,
    PageBreakInline,
    Editorial,
    Emphasis,
)

# --------------------------------------------------------------------------------------------------
# People


@quick_init
@dataclass(frozen=True, slots=True)
class Person:
    """Someone who speaks or is credited. ``id`` is an NCName, unique in the document.

    ``names`` holds every variant the text uses ("Comrade Stalin", "STALIN"); ``role`` is e.g.
    "interviewer", "interviewee", "author", "character"; ``group`` marks collective speakers
    (ALL, BOTH) that TEI records as ``personGrp``.
    """

    id: str
    name: str
    names: tuple[str, ...] = ()
    role: str = ""
    sex: str = ""
    description: str = ""
    group: bool = False
    is_author: bool = False


# --------------------------------------------------------------------------------------------------
# Blocks


@quick_init
@dataclass(frozen=True, slots=True)
class Paragraph:
    content: Inlines
    span: Span = NO_SPAN


@quick_init
@dataclass(frozen=True, slots=True)
class Heading:
    """A heading line that did not open a division (rare; divisions carry their own head)."""

    content: Inlines
    level: int = 1
    span: Span = NO_SPAN


@quick_init
@dataclass(frozen=True, slots=True)
class Item:
    """One list item; ``label`` is verbatim ("1)", "(a)", "•")."""

    label: str
    blocks: tuple[Block, ...]
    span: Span = NO_SPAN


@quick_init
@dataclass(frozen=True, slots=True)
class ListBlock:
    """Numbered, lettered or bulleted items. ``kind``: "ordered", "bulleted", "simple" or
    "gloss" (each item's label is the name it explains: "Lovestone:")."""

    items: tuple[Item, ...]
    kind: str = "ordered"
    span: Span = NO_SPAN


@quick_init
@dataclass(frozen=True, slots=True)
class Quote:
    """A block quotation (indented or quoted block)."""

    blocks: tuple[Block, ...]
    span: Span = NO_SPAN


@quick_init
@dataclass(frozen=True, slots=True)
class Line:
    content: Inlines
    span: Span = NO_SPAN


@quick_init
@dataclass(frozen=True, slots=True)
class LineGroup:
    """Verse: a stanza of lines (``lg``), possibly nested for poems of several stanzas."""

    lines: tuple[Line | LineGroup, ...]
    kind: str = "stanza"
    span: Span = NO_SPAN


@quick_init
@dataclass(frozen=True, slots=True)
class SectionBreak:
    """A visual break such as ``* * *``; ``text`` is the verbatim marker."""

    text: str = "* * *"
    span: Span = NO_SPAN


@quick_init
@dataclass(frozen=True, slots=True)
class PageBreak:
    """A page-break marker on its own line; ``n`` is the page number when given."""

    n: str = ""
    text: str = ""
    span: Span = NO_SPAN


@quick_init
@dataclass(frozen=True, slots=True)
class Figure:
    """An illustration the transcription marks in place (``[Illustration: …]``); ``text`` is the
    bracketed text verbatim, its line breaks kept."""

    text: str
    span: Span = NO_SPAN


@quick_init
@dataclass(frozen=True, slots=True)
class Trailer:
    """A closing line at the end of a division or the text ("THE END", "END OF ACT II.",
    "CURTAIN."). ``work`` when it closes the whole work ("THE END", "FINIS"): what follows it
    is back matter."""

    content: Inlines
    span: Span = NO_SPAN
    work: bool = False


@quick_init
@dataclass(frozen=True, slots=True)
class Stage:
    """A stage direction (or an editorial aside like ``[Applause]`` between turns)."""

    content: Inlines
    span: Span = NO_SPAN


@quick_init
@dataclass(frozen=True, slots=True)
class Speech:
    """One speaker turn. ``who`` is a Person id (or several, space-separated, for joint turns);
    ``speaker`` is the label verbatim as printed (``JACK.``, ``Mr. ROBESON:``, ``Q:``)."""

    who: str
    speaker: str
    blocks: tuple[Block, ...]
    span: Span = NO_SPAN


@quick_init
@dataclass(frozen=True, slots=True)
class CastItem:
    role: str
    description: str = ""
    who: str = ""  # Person id
    span: Span = NO_SPAN


@quick_init
@dataclass(frozen=True, slots=True)
class CastList:
    head: Inlines
    items: tuple[CastItem | Paragraph, ...]
    span: Span = NO_SPAN


@quick_init
@dataclass(frozen=True, slots=True)
class LetterPart:
    """Opening or closing material of a letter or speech.

    ``kind`` is "opener" or "closer"; each line has a role: "salute", "dateline", "signed" or "p".
    """

    kind: str
    lines: tuple[tuple[str, Inlines], ...]
    span: Span = NO_SPAN


@quick_init
@dataclass(frozen=True, slots=True)
class Note:
    """A footnote or endnote. ``id`` is an NCName referenced by NoteRef.target."""

    id: str
    label: str
    blocks: tuple[Block, ...]
    place: str = "end"  # "foot", "end" or "margin" (a side note); "" for no place
    span: Span = NO_SPAN
    type: str = ""  # whose note, where not the author's: "transcriber", "editor", "translator"


@quick_init
@dataclass(frozen=True, slots=True)
class Table:
    """Rows of cells (tables of contents and aligned text the parser recognised)."""

    rows: tuple[tuple[Inlines, ...], ...]
    kind: str = "table"  # "table" or "contents"
    span: Span = NO_SPAN


@quick_init
@dataclass(frozen=True, slots=True)
class Division:
    """A structural division: chapter, part, act, scene, section, notes, contents…

    ``type`` uses TEI's usual values ("chapter", "part", "book", "act", "scene", "section",
    "notes", "contents", "castList", "interview", "front"...). ``head`` is the heading verbatim.
    """

    type: str
    head: Inlines
    blocks: tuple[Block, ...]
    n: str = ""
    span: Span = NO_SPAN


Block = (
    Paragraph
    | Heading
    | ListBlock
    | Quote
    | LineGroup
    | SectionBreak
    | PageBreak
    | Figure
    | Trailer
    | Stage
    | Speech
    | CastList
    | LetterPart
    | Note
    | Table
    | Division
)
BLOCK_TYPES: tuple[type, ...] = (
    Paragraph,
    Heading,
    ListBlock,
    Quote,
    LineGroup,
    SectionBreak,
    PageBreak,
    Figure,
    Trailer,
    Stage,
    Speech,
    CastList,
    LetterPart,
    Note,
    Table,
    Division,
)


def walk(blocks: tuple[Block, ...]) -> Iterator[Block]:
    """Every block of ``blocks`` and, after each, the blocks inside it (a division's, a turn's,
    a quotation's, a note's, a list item's), in reading order."""
    for block in blocks:
        yield block
        if isinstance(block, (Division, Speech, Quote, Note)):
            yield from walk(block.blocks)
        elif isinstance(block, ListBlock):
            for item in block.items:
                yield from walk(item.blocks)


def unchanged(new: tuple[object, ...], old: tuple[object, ...]) -> bool:
    """Every part of ``new`` is the very object ``old`` has there: a pass over the model that
    changed none of a container's parts keeps the container rather than copying it."""
    return all(a is b for a, b in zip(new, old, strict=True))


# --------------------------------------------------------------------------------------------------
# Front matter and metadata


@quick_init
@dataclass(frozen=True, slots=True)
class FrontLine:
    """A line of the title block or title page in source order. ``role``: "author", "title",
    "subtitle", "dateline", "byline", "imprint", "edition", "figure", "epigraph" or "other"."""

    role: str
    text: str
    span: Span = NO_SPAN


@quick_init
@dataclass(frozen=True, slots=True)
class Field:
    """One metadata line. ``key`` is the normalised label (see ``parse.header.KNOWN_LABELS``,
    e.g. "source", "first_published", "transcription"), ``label`` the verbatim label ("" for
    prose credits), ``value`` the verbatim value. Unknown labels keep ``key="other"``."""

    key: str
    label: str
    value: str
    span: Span = NO_SPAN


@quick_init
@dataclass(frozen=True, slots=True)
class Metadata:
    """Everything the source says about itself, before any mapping to TEI.

    ``origin`` is "mia", "gutenberg" or "plain". ``front`` is the title block, ``fields`` the
    labelled lines (in source order), ``boilerplate`` any licence/header prose kept out of the
    body (Gutenberg header and licence), verbatim.
    """

    origin: str = "plain"
    front: tuple[FrontLine, ...] = ()
    fields: tuple[Field, ...] = ()
    boilerplate: tuple[Field, ...] = ()

    def first(self, key: str) -> Field | None:
        for f in self.fields:
            if f.key == key:
                return f
        return None

    def all(self, key: str) -> tuple[Field, ...]:
        return tuple(f for f in self.fields if f.key == key)

    def front_text(self, role: str) -> str | None:
        for line in self.front:
            if line.role == role:
                return line.text
        return None


@quick_init
@dataclass(frozen=True, slots=True)
class Document:
    """A parsed transcription.

    ``body`` holds the blocks in reading order; ``notes`` the footnotes/endnotes gathered from the
    text (also in order); ``persons`` everyone who speaks; ``genre`` one of "prose", "interview",
    "play", "speech", "dialogue", "letter", "hearing", "novel", "article"; ``language`` a BCP 47
    code or "" when unknown. ``warnings`` are the parser's diagnostics (ambiguities, unknown
    labels). ``source_name`` is the file name the text came from.
    """

    metadata: Metadata
    body: tuple[Block, ...]
    notes: tuple[Note, ...] = ()
    persons: tuple[Person, ...] = ()
    genre: str = "prose"
    language: str = ""
    source_name: str = ""
    line_count: int = 0
    normalisations: tuple[str, ...] = ()
    warnings: tuple[Diagnostic, ...] = field(default=(), compare=False)

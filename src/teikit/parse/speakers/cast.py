"""Cast lists: "Dramatis Personae", "THE PERSONS OF THE PLAY", "CHARACTERS" … → ``CastList``.

The heading may be a paragraph, a ``Heading`` or a division's head. The paragraphs after it (until
a heading-like line in capitals, an act or scene heading such as "Действие первое", an italic
note such as "_The action takes place…_", a section break or anything that is not a paragraph)
are the cast: one ``CastItem`` per line when the paragraph kept its lines (``LineBreak``) or is a
single short entry, otherwise the paragraph is kept whole inside the cast list (its words still
let abbreviated labels find full names).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ...model import (
    Block,
    CastItem,
    CastList,
    Division,
    Heading,
    Inlines,
    Line,
    LineGroup,
    Paragraph,
    Quote,
    Span,
)
from .inlines import lines_of, plain, strip, words_of
from .labels import CONNECTORS, DIVISIONS, is_name, is_weak

CAST_HEAD = re.compile(
    r"^(?:dramatis\s+person\w*|(?:the\s+)?persons\s+(?:of|in)\s+the\s+(?:play|drama|comedy|tragedy)|"
    r"persons\s+represented|(?:the\s+)?characters(?:\s+(?:of|in)\s+the\s+play)?|"
    r"cast(?:\s+of\s+characters)?|(?:die\s+)?personen(?:\s+(?:der\s+handlung|des\s+(?:st[üu]cke?s|dramas|schauspiels|trauerspiels|lustspiels)))?|(?:les\s+)?personnages|acteurs|"
    r"personaggi|personajes|interlocutori|mitwirkende|"
    r"действующие\s+лица|lica|osoby)[.:]?$",
    re.IGNORECASE,
)
_MAX_ITEMS = 40
_MIN_ITEMS = 3  # entries of a cast whose first entry was taken for a section's heading
_SHORT_ENTRY = 14  # words; longer joined paragraphs cannot be split back into entries
_ROLE_END = re.compile(r",|\s\(|\s[—–-]{1,2}\s|\s{2,}")


@dataclass
class CastResult:
    blocks: tuple[Block, ...]
    text: str = ""  # every cast entry's words, for expanding abbreviated labels
    lists: list[CastList] = field(default_factory=list)

    @property
    def roles(self) -> tuple[str, ...]:
        return tuple(i.role for cast in self.lists for i in cast.items if isinstance(i, CastItem))

    @property
    def descriptions(self) -> tuple[str, ...]:
        """What the cast says of each role (", DUKE OF YORK,"), where it says anything."""
        return tuple(
            i.description
            for cast in self.lists
            for i in cast.items
            if isinstance(i, CastItem) and i.description
        )


def extract_cast(blocks: tuple[Block, ...]) -> CastResult:
    """Replace the cast list (heading + entries) in ``blocks`` by a ``CastList``."""
    out: list[Block] = []
    texts: list[str] = []
    lists: list[CastList] = []
    i = 0
    while i < len(blocks):
        block = blocks[i]
        first = blocks[i + 1] if i + 1 < len(blocks) else None
        if (
            isinstance(block, Division)
            and not block.blocks
            and _is_cast_head(block.head)
            and isinstance(first, Division)
            and _first_entry_head(first)
        ):
            # "Dramatis Personae" alone, its first entry taken for the next section's heading
            # ("EDWARD THE FOURTH"): that heading and the blocks after it are the entries.
            stream = _cast_stream(first.blocks + blocks[i + 2 :])
            items, used = _items(stream, 0)
            items = (_cast_item(first.head, Span.of_lines(first.span.start)), *items)
            if len(items) >= _MIN_ITEMS:
                end = stream[used - 1].span.end if used else first.span.start
                cast = CastList(block.head, items, Span(block.span.start, end))
                lists.append(cast)
                texts.extend(_text_of(items))
                out.append(cast)
                rest = extract_cast(stream[used:])
                texts.append(rest.text)
                lists.extend(rest.lists)
                out.extend(rest.blocks)
                break
        if isinstance(block, Division):
            inside = _cast_stream(block.blocks) if _is_cast_head(block.head) else ()
            items, used = _items(inside, 0) if inside else ((), 0)
            if items:
                cast = CastList(block.head, items, block.span)
                lists.append(cast)
                texts.extend(_text_of(items))
                out.append(cast)
                out.extend(inside[used:])
            else:
                inner = extract_cast(block.blocks)
                texts.append(inner.text)
                lists.extend(inner.lists)
                out.append(Division(block.type, block.head, inner.blocks, block.n, block.span))
            i += 1
            continue
        if isinstance(block, (Paragraph, Heading)) and _is_cast_head(block.content):
            blocks = blocks[: i + 1] + _cast_stream(blocks[i + 1 :])
            items, used = _items(blocks, i + 1)
            if items:
                end = blocks[i + used].span.end if used else block.span.end
                cast = CastList(strip(block.content), items, Span(block.span.start, end))
                lists.append(cast)
                texts.extend(_text_of(items))
                out.append(cast)
                i += 1 + used
                continue
        out.append(block)
        i += 1
    return CastResult(tuple(out), " ".join(t for t in texts if t), lists)


def _cast_stream(blocks: tuple[Block, ...]) -> tuple[Block, ...]:
    """The blocks after a cast heading, with the sections a segmenter made of cast entries (a
    name without punctuation taken for a heading, "Петр Иванович Добчинский") opened up until
    the cast ends: the head is an entry and the section's blocks follow it."""
    if not any(isinstance(b, Division) for b in blocks[:_MAX_ITEMS]):
        return blocks  # (most casts)
    out: list[Block] = []
    pending = list(reversed(blocks))
    ended = False
    while pending:
        block = pending.pop()
        if not ended and isinstance(block, Division) and _entry_head(block):
            head = Paragraph(block.head, Span(block.span.start, block.span.start))
            pending.extend(reversed((head, *block.blocks)))
            continue
        if not isinstance(block, (Paragraph, LineGroup)) or (
            isinstance(block, Paragraph) and _ends_cast(block)
        ):
            ended = True
        out.append(block)
    return tuple(out)


def _first_entry_head(block: Division) -> bool:
    """A section whose heading is a cast's first entry: a plain section under a short heading,
    in capitals or not (``_entry_head`` without the end of the cast)."""
    return (
        block.type == "section"
        and 0 < len(words_of(block.head).split()) <= _SHORT_ENTRY // 2
        and not _is_cast_head(block.head)
    )


def _entry_head(block: Division) -> bool:
    text = words_of(block.head).strip()
    return (
        block.type == "section"
        and 0 < len(text.split()) <= _SHORT_ENTRY // 2
        and not _is_cast_head(block.head)
        and not _ends_cast(Paragraph(block.head))
    )


# A note's reference printed after a heading ("DRAMATIS PERSONÆ[1].", "PERSONS*"): the editor's,
# no word of the heading.
_NOTE_MARK = re.compile(r"\s*(?:\[\w{1,3}\]|[*†‡]+)(?=[.:]?$)")


_MAX_CAST_HEAD = 60  # characters: every heading CAST_HEAD matches is shorter


def _is_cast_head(content: Inlines) -> bool:
    text = words_of(content).strip().strip("_").strip()
    # (the length first: ``_NOTE_MARK`` tried at every blank of a long paragraph is costly)
    return len(text) <= _MAX_CAST_HEAD and bool(CAST_HEAD.match(_NOTE_MARK.sub("", text)))


def _items(blocks: tuple[Block, ...], start: int) -> tuple[tuple[CastItem | Paragraph, ...], int]:
    items: list[CastItem | Paragraph] = []
    used = 0
    for block in blocks[start : start + _MAX_ITEMS]:
        if isinstance(block, Quote) and all(
            isinstance(b, (LineGroup, Paragraph)) for b in block.blocks
        ):
            # a cast printed indented, which the segmenter took for a quotation
            inner, taken = _items(block.blocks, 0)
            if taken < len(block.blocks):
                break
            items.extend(inner)
            used += 1
            continue
        if isinstance(block, LineGroup):  # a cast printed as indented lines
            items.extend(
                _cast_item(line.content, line.span)
                for line in block.lines
                if isinstance(line, Line)
            )
            used += 1
            continue
        if not isinstance(block, Paragraph) or _ends_cast(block):
            break
        items.extend(_entries(block))
        used += 1
    return tuple(items), used


def _ends_cast(block: Paragraph) -> bool:
    text = plain(block.content).strip()
    if text.startswith("_") or text.startswith("["):
        return True  # "_The action takes place in Iceland…_"
    words = text.split()
    if words and len(words) <= 6 and words[0].strip(".:").casefold() in DIVISIONS:
        return True  # "Действие первое", "ACT I.", "Scene: a garden": the play begins
    if len(words) == 2 and words[1].strip(".:").casefold() in DIVISIONS:
        return True  # "Erster Aufzug", "First Act"
    letters = [c for c in text if c.isalpha()]
    capitals = bool(letters) and all(c.isupper() for c in letters)
    if capitals and len(words) > _SHORT_ENTRY:
        return True  # a notice in capitals ("<<THIS ELECTRONIC VERSION … IS COPYRIGHT …>>")
    return capitals and len(words) <= 6 and not any(c in text for c in ",()")


def _entries(block: Paragraph) -> list[CastItem | Paragraph]:
    lines = _split_lines(block.content)
    if len(lines) > 1:
        return [_entry(line, block.span) for line in lines if plain(line).strip()]
    text = plain(block.content).strip()
    if len(text.split()) <= _SHORT_ENTRY or _named(text):
        return [_entry(block.content, block.span)]
    return [block]


def _entry(content: Inlines, span: Span) -> CastItem | Paragraph:
    text = plain(content).strip()
    if text[:1] == "(" or not any(c.isalpha() for c in text) or _SETTING.match(text):
        # "(Beide Doria tragen Scharlach)", a rule "--", "Schauplatz: Hain vor Dianens
        # Tempel": a note on the cast, a separator, the place of the action; no role
        return Paragraph(content, span)
    return _cast_item(content, span)


# Where the play is set, printed under its roles ("Schauplatz: Hain", "The scene: London",
# "La scène est à Paris", "Die Szene ist in Jerusalem").
_SETTING = re.compile(
    r"(?:schauplatz|ort\s+der\s+handlung|(?:the\s+)?scene|(?:la\s+)?sc[eè]ne|(?:die\s+)?szene|"
    r"lieu|(?:la\s+)?escena)\s*(?::|\bis\b|\bist\b|\best\b|\bes\b)",
    re.IGNORECASE,
)


def _named(text: str) -> bool:
    """A long entry that opens with one role's name and a comma ("Andreas Doria, Doge von
    Genua.  Ehrwürdiger Greis von 80 Jahren. …"), not several entries joined."""
    name, comma, _ = text.partition(",")
    return (
        bool(comma)
        and len(name.split()) <= 4
        and is_name(name.strip())
        and not is_weak(name)  # "La foule, bourgeois, marquis, …": no one's name
    )


def _split_lines(content: Inlines) -> list[Inlines]:
    return [strip(line) for line in lines_of(content)]


def _cast_item(content: Inlines, span: Span) -> CastItem:
    """ "HALLA, a well-to-do widow." → role "HALLA", description ", a well-to-do widow." (the
    separator stays with the description so no character is lost)."""
    text = plain(content).strip()
    match = _ROLE_END.search(text)
    end = match.start() if match is not None else len(text)
    words = list(re.finditer(r"\S+", text[:end]))
    for k, word in enumerate(words[1:], start=1):
        w = word.group()
        if w[:1].isalpha() and w[:1].islower() and w.casefold() not in CONNECTORS:
            end = words[k - 1].end()  # "Hippolyta queen of the Amazons": the role is the name
            break
    role = text[:end].strip()
    return CastItem(role, text[end:].strip(), "", span)


def _text_of(items: tuple[CastItem | Paragraph, ...]) -> list[str]:
    return [item.role if isinstance(item, CastItem) else plain(item.content) for item in items]

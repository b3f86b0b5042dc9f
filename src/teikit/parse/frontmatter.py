"""Title block and metadata at the top of a transcription; Gutenberg header and licence.

Recognises:

- Project Gutenberg: everything before ``*** START OF … ***`` is header (``Title:``, ``Author:``,
  ``Release Date:``, ``Language:``, ``Translator:`` … become fields, the rest boilerplate) and
  everything from ``*** END OF … ***`` on is licence boilerplate; neither reaches the body.
- Marxists Internet Archive and similar: a few short title lines (author, title, subtitle,
  byline, dateline) followed by a metadata block: ``Label: value`` lines in any language
  (``Source:``, ``First Published:1933``, ``Transcription\\HTML Markup:``, ``Skrifaður:``) and prose
  credits ("Transcribed by …", "Marked up by …", "From Time Out, 11 June 1976.").

Known labels get a normalised ``key`` (see ``LABELS``); unknown labels keep ``key="other"`` so
the header writes them to ``notesStmt`` instead of dropping them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ..model import Field, FrontLine, Metadata, Span
from .gutenberg import Wrapping, find_wrapping
from .headings import keyword_heading
from .lines import SourceLine, blocks_of
from .titlepage import read_bare_title_page, read_leading_credits, read_title_page

# Normalised label (lower case, spaces squeezed, "\" as "/") → field key.
LABELS = {
    "source": "source",
    "sources": "source",
    "publisher": "publisher",
    "first published": "first_published",
    "originally published": "first_published",
    "first publication": "first_published",
    "published": "published",
    "publication": "published",
    "written": "written",
    "date written": "written",
    "spoken": "spoken",
    "delivered": "delivered",
    "date": "written",
    "translated": "translated",
    "translation": "translated",
    "translator": "translated",
    "translated by": "translated",
    "transcription/markup": "transcription_markup",
    "transcription/html markup": "transcription_markup",
    "transcription & markup": "transcription_markup",
    "transcription and markup": "transcription_markup",
    "transcription": "transcription",
    "transcribed": "transcription",
    "transcriber": "transcription",
    "transcribed by": "transcription",
    "html markup": "html_markup",
    "markup": "html_markup",
    "html": "html_markup",
    "proofread": "proofread",
    "proofreader": "proofread",
    "proofreading": "proofread",
    "proofed": "proofread",
    "edited": "edited",
    "editor": "edited",
    "editors": "edited",
    "online version": "edition",
    "this edition": "edition",
    "version": "edition",
    "edition": "edition",
    "public domain": "public_domain",
    "copyleft": "copyleft",
    "fair use": "fair_use",
    "copyright": "copyright",
    "license": "licence",
    "licence": "licence",
    "rights": "licence",
    "keywords": "keywords",
    # Notes about the text: notesStmt is their element (type="note"), not a fallback.
    "notes": "note",
    "note": "note",
    "editor's note": "note",
    "editorial note": "note",
    "translator's note": "note",
    "author's note": "note",
    "other formats": "note",
    "audio": "note",
    "video": "note",
    "further reading": "note",
    "see also": "note",
    "comment": "note",
    "comments": "note",
    # Spelling variants of the English labels
    "mark-up": "html_markup",
    "marked up": "html_markup",
    "marked up by": "html_markup",
    "html mark-up": "html_markup",
    "html markup by": "html_markup",
    "transcription/mark-up": "transcription_markup",
    "transcription/html mark-up": "transcription_markup",
    "transcribed/marked up": "transcription_markup",
    "proof-read": "proofread",
    "proof-reader": "proofread",
    "proofread by": "proofread",
    "original source": "source",
    "source of translation": "source",
    "translation source": "source",
    "reprinted": "published",
    "republished": "published",
    "given": "delivered",
    "presented": "delivered",
    "speech delivered": "delivered",
    "date delivered": "delivered",
    "date of publication": "first_published",
    "first printed": "first_published",
    "first appeared": "first_published",
    "discussed": "spoken",
    "interviewed": "spoken",
    "recorded": "spoken",
    "broadcast": "spoken",
    "lecture": "delivered",
    "speech": "delivered",
    "dictated": "written",
    "composed": "written",
    "drafted": "written",
    "dated": "written",
    "distributor": "distributor",
    "distributed": "distributor",
    "distributed by": "distributor",
    # MIA's sections in other languages (Italian, Spanish, Portuguese, French, German, Icelandic)
    "scritto": "written",
    "fonte": "source",
    "fonte-traduzione": "source",
    "fonte traduzione": "source",
    "prima pubblicazione": "first_published",
    "pubblicato": "published",
    "traduzione": "translated",
    "tradotto da": "translated",
    "trascrizione": "transcription",
    "trascrizione/markup": "transcription_markup",
    "pubblico dominio": "public_domain",
    "escrito": "written",
    "fuente": "source",
    "primera publicación": "first_published",
    "primera edición": "first_published",
    "publicado": "published",
    "traducción": "translated",
    "traducido por": "translated",
    "transcripción": "transcription",
    "digitalización": "transcription",
    "esta edición": "edition",
    "dominio público": "public_domain",
    "pronunciado": "delivered",
    "fonte da tradução": "source",
    "primeira edição": "first_published",
    "primeira publicação": "first_published",
    "tradução": "translated",
    "transcrição": "transcription",
    "domínio público": "public_domain",
    "écrit": "written",
    "première publication": "first_published",
    "première parution": "first_published",
    "publié": "published",
    "traduction": "translated",
    "traduit par": "translated",
    "domaine public": "public_domain",
    "geschrieben": "written",
    "quelle": "source",
    "erstveröffentlichung": "first_published",
    "erstmals veröffentlicht": "first_published",
    "erstveröffentlicht": "first_published",
    "übersetzung": "translated",
    "übersetzt von": "translated",
    "transkription": "transcription",
    "gemeinfrei": "public_domain",
    "skrifaður": "written",
    "skrifað": "written",
    "skrifuð": "written",
    "fyrstur útgefandi": "first_published",
    "fyrst birt": "first_published",
    "heimild": "source",
    "þýða við": "translated",
    "þýðing": "translated",
    "þýðandi": "translated",
    "stafrænn texti við": "transcription",
    # Gutenberg header labels
    "title": "title",
    "author": "author",
    "release date": "release_date",
    "posting date": "release_date",
    "last updated": "updated",
    "language": "language",
    "character set encoding": "encoding",
    "produced by": "transcription",
    "credits": "transcription",
    "original publication": "first_published",
    "most recently updated": "updated",
    "illustrator": "illustrator",
    "contributor": "contributor",
}

# Labels not in LABELS are read by their first words ("Source Publisher", "Translated & Edited",
# "First Published in English", "Transcription/HTML"): the kind of statement comes first.
_LABEL_KEYWORDS = [
    (
        re.compile(r"^(?:first|originally|initially)\s+(?:publi|print|appear|issued)"),
        "first_published",
    ),
    (re.compile(r"^(?:source\s+)?publisher"), "publisher"),
    (re.compile(r"^(?:original\s+|online\s+|print\s+)?sources?\b"), "source"),
    (re.compile(r"^transcri\w*\s*(?:[/&,+]|and)\s*(?:html\s*)?mark"), "transcription_markup"),
    (re.compile(r"^(?:transcri|scann|ocr\b|digiti[sz])"), "transcription"),
    (re.compile(r"^(?:html|mark-?up|marked)"), "html_markup"),
    (re.compile(r"^proof"), "proofread"),
    (re.compile(r"^translat"), "translated"),
    (re.compile(r"^edit(?:ed|or|ing|s)\b"), "edited"),
    (re.compile(r"^(?:written|wrote|composed|dictated|drafted)\b"), "written"),
    # whole words: "Interviewer:" and "Speaker:" label turns of speech, not metadata
    (re.compile(r"^(?:spoken|discussed|interviewed|recorded|broadcast)\b"), "spoken"),
    (re.compile(r"^(?:delivered|given|presented|lecture|speech)\b"), "delivered"),
    (re.compile(r"^(?:re)?(?:publi|printed|reproduced)"), "published"),
    (re.compile(r"^public\s+domain"), "public_domain"),
    (re.compile(r"^copyleft"), "copyleft"),
    (re.compile(r"^copyright"), "copyright"),
    (re.compile(r"^fair\s+use"), "fair_use"),
    (re.compile(r"^(?:licen[cs]e|rights)\b"), "licence"),
    (re.compile(r"^(?:online\s+version|this\s+edition)"), "edition"),
]

_LABEL_LINE = re.compile(r"^(?P<label>[^\W\d_][\w .’'/\\&()-]{0,40}?)\s*:\s*(?P<value>.*)$")
# Prose credits: the phrase that names a responsibility, then who.
_CREDITS = [
    (
        re.compile(
            r"^(?P<label>(?:Transcribed|Transcription)\s*(?:&|and|/)\s*(?:HTML\s+)?"
            r"marked[- ]up(?:\s+by)?)\s+(?P<value>.+)$",
            re.I,
        ),
        "transcription_markup",
    ),
    (
        re.compile(r"^(?P<label>(?:HTML\s+)?Mark(?:ed)?[- ]?up(?:\s+by)?)\s+(?P<value>.+)$", re.I),
        "html_markup",
    ),
    (
        re.compile(
            r"^(?P<label>(?:Transcribed|Transcription|Scanned(?:\s+and\s+prepared)?|Prepared|Produced|Digiti[sz]ed)\b.*?\bby)\s+(?P<value>.+)$",
            re.I,
        ),
        "transcription",
    ),
    (
        re.compile(r"^(?P<label>Proof[- ]?read(?:ing)?(?:\s+by)?)\s+(?P<value>.+)$", re.I),
        "proofread",
    ),
    (
        re.compile(
            r"^(?P<label>Translated(?:\s+from\s+the\s+\w+)?(?:\s+by)?)\s+(?P<value>.+)$", re.I
        ),
        "translated",
    ),
    (re.compile(r"^(?P<label>Edited(?:\s+by)?)\s+(?P<value>.+)$", re.I), "edited"),
    (
        re.compile(r"^(?P<label>(?:First\s+)?[Pp]ublished\s+(?:in|by|as))\s+(?P<value>.+)$"),
        "published",
    ),
    (re.compile(r"^(?P<label>Distributed\s+by)\s+(?P<value>.+)$", re.I), "distributor"),
    (
        re.compile(
            r"^(?P<label>(?:Downloaded|Taken|Copied|Reproduced|Reprinted|Scanned|Retrieved|"
            r"Transcribed)(?:\s+with\s+(?:thanks|permission))?\s+from)\s+(?P<value>.+)$",
            re.I,
        ),
        "source",
    ),
    (re.compile(r"^(?P<label>From)\s+(?P<value>[A-Z].+\b1[5-9]\d\d\b.*)$"), "source"),
    (re.compile(r"^(?P<label>Source)\s*[-–—]\s*(?P<value>.+)$", re.I), "source"),
]
_DATE = re.compile(r"\b(1[0-9]\d\d|20\d\d)\b")
_NAME_WORD = r"(?:[A-ZÀ-ÞА-Я][\w’'.-]*|[A-Z]\.|de|van|von|der|la|le|da|di|y|al|bin|ibn)"
_PERSON = re.compile(rf"^(?:{_NAME_WORD}\s+){{0,4}}[A-ZÀ-ÞА-Я][\w’'-]+\.?$")
# A title block line is short; metadata blocks come within the first groups of the text.
_MAX_FRONT_LINE = 200
_MAX_GROUPS_BEFORE_METADATA = 8


@dataclass(frozen=True, slots=True)
class FrontMatter:
    metadata: Metadata
    body_start: int  # index into the lines list where the body begins
    body_end: int  # index one past the last body line


def normalise_label(label: str) -> str:
    return " ".join(label.replace("\\", "/").replace(" / ", "/").lower().split())


def classify_label(label: str) -> str:
    normal = normalise_label(label)
    key = LABELS.get(normal)
    if key is not None:
        return key
    if len(normal.split()) <= 5:
        for pattern, keyword_key in _LABEL_KEYWORDS:
            if pattern.match(normal):
                return keyword_key
    return "other"


def read_front_matter(lines: list[SourceLine]) -> FrontMatter:
    wrapping = find_wrapping(lines)
    if wrapping is None:
        return _with_title_page(_title_and_metadata(lines), lines, len(lines))
    if wrapping.body_start == 0:
        # A copy with the header cut off and the footer left: the title block is read as in any
        # text, the footer kept with the header.
        front = _with_title_page(
            _title_and_metadata(lines[: wrapping.body_end]), lines, wrapping.body_end
        )
        metadata = replace(
            front.metadata,
            origin="gutenberg",
            boilerplate=(*front.metadata.boilerplate, *_footer(lines, wrapping.body_end)),
        )
        return FrontMatter(metadata, front.body_start, min(front.body_end, wrapping.body_end))
    return _gutenberg(lines, wrapping)


def _with_title_page(front: FrontMatter, lines: list[SourceLine], end: int) -> FrontMatter:
    """Where nothing was read at the top, a book's title page standing there (see
    ``titlepage.read_bare_title_page``): its lines go to the front, its title and author to the
    header."""
    if front.metadata.front or front.metadata.fields or front.body_start:
        return front
    page = read_bare_title_page(lines, 0, end)
    if page is None:
        return front
    title = " ".join(f.text for f in page.front if f.role == "title")
    author = next((f.text for f in page.front if f.role == "author"), "")
    if not author:
        byline = next((f.text for f in page.front if f.role == "byline"), "")
        author = re.sub(r"^by\s+", "", byline, flags=re.I)
    fields = [Field("title", "", title, page.front[0].span)] if title else []
    if author:
        fields.append(Field("author", "", author, page.front[0].span))
    return FrontMatter(
        Metadata(origin=front.metadata.origin, front=page.front, fields=tuple(fields)),
        page.body_start,
        front.body_end,
    )


# -- Gutenberg ------------------------------------------------------------------------------------

# "*The Project Gutenberg Etext of Hard Times, by Charles Dickens*", "Project Gutenberg Etext The
# Autobiography of a Slander, by Lyall", "The Project Gutenberg EBook of Sybil, by Benjamin
# Disraeli": the first line of every release names the work and its author.
_ETEXT_OF = re.compile(
    r"^[*\s]*(?:The\s+)?Project\s+Gutenberg(?:'s|’s)?\s+(?:E-?text|E-?Book)\s+(?:of\s+)?"
    r"(?P<title>.+?),\s+by\s+(?P<author>[^*]+?)[*\s?]*$",
    re.I,
)


def _footer(lines: list[SourceLine], body_end: int) -> list[Field]:
    return [
        Field("gutenberg_licence", "", line.stripped, Span.of_lines(line.number))
        for line in lines[body_end:]
        if not line.blank
    ]


def _gutenberg(lines: list[SourceLine], wrapping: Wrapping) -> FrontMatter:
    start = wrapping.body_start - 1  # the header's last line (the START marker, if any)
    body_end = wrapping.body_end
    while body_end > start + 1 and lines[body_end - 1].blank:
        body_end -= 1
    fields: list[Field] = []
    boilerplate: list[Field] = []
    previous: Field | None = None
    for line in lines[: start + 1]:
        if line.blank:
            previous = None
            continue
        match = _LABEL_LINE.match(line.stripped)
        key = classify_label(match.group("label")) if match else "other"
        if match and key != "other":
            previous = Field(
                key, match.group("label"), match.group("value"), Span.of_lines(line.number)
            )
            fields.append(previous)
        elif previous is not None and line.indent >= 2 and not match:
            # A continuation line ("Title: The Importance…" / "       A Trivial Comedy…").
            # A title's continuation is its subtitle: kept on a line of its own.
            joiner = "\n" if previous.key == "title" else " "
            merged = Field(
                previous.key,
                previous.label,
                f"{previous.value}{joiner}{line.stripped}",
                Span(previous.span.start, line.number),
            )
            fields[fields.index(previous)] = merged
            previous = merged
        else:
            previous = None
            boilerplate.append(
                Field("gutenberg_header", "", line.stripped, Span.of_lines(line.number))
            )
    if not any(f.key in ("title", "author") for f in fields):
        fields.extend(_title_from_etext_line(boilerplate))
    boilerplate.extend(_footer(lines, body_end))
    licence_line = lines[body_end] if body_end < len(lines) else lines[max(start, 0)]
    fields.append(
        Field(
            "licence",
            "",
            "Project Gutenberg License (see the licence text kept in this header)",
            Span.of_lines(licence_line.number),
        )
    )
    title, author = (next((f.value for f in fields if f.key == k), "") for k in ("title", "author"))
    page = read_title_page(lines, start + 1, body_end, title, author) or read_leading_credits(
        lines, start + 1, body_end
    )
    front: tuple[FrontLine, ...] = ()
    body_start = start + 1
    if page is not None:
        front, body_start = page.front, page.body_start
        fields.extend(page.credits)
    metadata = Metadata(
        origin="gutenberg", front=front, fields=tuple(fields), boilerplate=tuple(boilerplate)
    )
    return FrontMatter(metadata, body_start, body_end)


def _title_from_etext_line(boilerplate: list[Field]) -> list[Field]:
    """Title and author from the old header's first line, which has no ``Title:`` field. The
    line stays in the boilerplate too, so nothing of it is lost."""
    for f in boilerplate[:3]:
        match = _ETEXT_OF.match(f.value)
        if match:
            return [
                Field("title", "", match.group("title").strip(), f.span),
                Field("author", "", match.group("author").strip(), f.span),
            ]
    return []


# -- title block and metadata block ---------------------------------------------------------------


def _title_and_metadata(lines: list[SourceLine]) -> FrontMatter:
    groups = blocks_of(lines, limit=_MAX_GROUPS_BEFORE_METADATA + 2)
    front_groups: list[list[SourceLine]] = []
    fields: list[Field] = []
    last_metadata: SourceLine | None = None
    for index, group in enumerate(groups[: _MAX_GROUPS_BEFORE_METADATA + 2]):
        parsed = _metadata_group(group)
        if parsed is not None:
            fields.extend(parsed)
            last_metadata = group[-1]
            # Metadata may continue in the next group (a blank line inside the block).
            continue
        if last_metadata is not None:
            break
        if index >= _MAX_GROUPS_BEFORE_METADATA or not _title_like(group):
            break
        front_groups.append(group)
    if last_metadata is None:
        return _bare_title_block(groups, lines)
    front = _assign_roles([line for group in front_groups for line in _join_broken(group)])
    origin = (
        "mia"
        if any(
            f.key in ("transcription_markup", "public_domain", "html_markup")
            or "marxist" in f.value.lower()
            for f in fields
        )
        else "plain"
    )
    return FrontMatter(
        Metadata(origin=origin, front=tuple(front), fields=tuple(fields)),
        last_metadata.number,
        len(lines),
    )


def _bare_title_block(groups: list[list[SourceLine]], lines: list[SourceLine]) -> FrontMatter:
    """A title block with no metadata after it, as chapters cut from books begin: an author
    line, a title, then perhaps a short parenthesis and a dateline ("Salvador Allende" /
    "Speech to the United Nations" / "(excerpts)" / "4 December 1972"; "Tony Cliff & Donny
    Gluckstein" / "The Labour Party" / "1. The Birth of Reformism", where the body begins).
    Anything else, the text has no front matter and every line stays in the body."""
    none = FrontMatter(Metadata(), 0, len(lines))
    author = _bylined_author(groups[0], groups[1]) if len(groups) >= 3 else None
    if author is not None:
        # "THE RIVER AND OTHER POEMS" / "BY JANE WRITER": a book's title and its author
        titles = _join_broken(groups[0])
        byline = groups[1][0]
        page = [
            FrontLine("title" if k == 0 else "subtitle", t.stripped, Span.of_lines(t.number))
            for k, t in enumerate(titles)
        ]
        page.append(FrontLine("byline", byline.stripped, Span.of_lines(byline.number)))
        fields = (
            Field("title", "", " ".join(t.stripped for t in titles), page[0].span),
            Field("author", "", author, page[-1].span),
        )
        return FrontMatter(
            Metadata(origin="plain", front=tuple(page), fields=fields), byline.number, len(lines)
        )
    if len(groups) < 3 or len(groups[0]) != 1 or not _title_like(groups[1]):
        return none
    author, title = groups[0][0].stripped, " ".join(line.stripped for line in groups[1])
    if not _bare_author(author) or not _bare_title(title):
        return none
    front = [groups[0][0], *groups[1]]
    for group in groups[2:4]:
        text = group[0].stripped
        if len(group) != 1 or len(text) > 40 or not (_DATE.search(text) or text[:1] == "("):
            break
        front.append(group[0])
    if front[-1] is groups[-1][-1]:
        return none  # nothing after the block: it is the text, not its title
    return FrontMatter(
        Metadata(origin="plain", front=tuple(_assign_roles(_join_broken(front)))),
        front[-1].number,
        len(lines),
    )


_BYLINE = re.compile(r"^by\s+(?P<name>\S.{0,60})$", re.I)


def _bylined_author(first: list[SourceLine], second: list[SourceLine]) -> str | None:
    """The author a byline names ("By Jane Writer", "BY JANE WRITER") on a line of its own
    under a title (a line or two, no sentence, no division heading), or None."""
    if len(second) != 1 or not _title_like(first) or len(first) > 2:
        return None
    byline = _BYLINE.match(second[0].stripped)
    if byline is None:
        return None
    title = " ".join(line.stripped for line in first)
    name = byline.group("name").rstrip(".")
    named = _looks_like_author(name if not name.isupper() else name.title())
    return name if _bare_title(title) and named else None


def _bare_author(text: str) -> bool:
    """An author's name standing alone: not a speaker's label ("HAMLET.", "JACK:") nor a
    heading in capitals."""
    if text.endswith((".", ":")) and not _AUTHOR_TAIL.search(text):
        return False
    return not text.isupper() and _looks_like_author(re.sub(r"[’']s$", "", text))


def _bare_title(text: str) -> bool:
    """A title, not the body's first sentence nor its first division heading."""
    return (
        len(text) <= 120
        and not text.endswith(".")
        and not _NUMBERED_LINE.match(text)
        and keyword_heading(text) is None
    )


_NUMBERED_LINE = re.compile(r"^(?:\d{1,3}|[IVXLC]{1,7})[.:)]\s")


def _title_like(group: list[SourceLine]) -> bool:
    return len(group) <= 3 and all(len(line.stripped) <= _MAX_FRONT_LINE for line in group)


def _metadata_group(group: list[SourceLine]) -> list[Field] | None:
    """Fields when every line of the group is metadata, and at least one is surely metadata."""
    fields: list[Field] = []
    sure = False
    for line in group:
        text = line.stripped
        match = _LABEL_LINE.match(text)
        if match and len(match.group("label").split()) <= 5:
            key = classify_label(match.group("label"))
            if not match.group("value").strip():
                return (
                    None  # "The question arises:" introduces body text; a bare label says nothing
                )
            sure = sure or key != "other"
            fields.extend(
                _split_inline_labels(
                    Field(
                        key,
                        match.group("label"),
                        match.group("value").strip(),
                        Span.of_lines(line.number),
                    )
                )
            )
            continue
        credit = _credit(text)
        if credit is not None:
            key, label, value = credit
            sure = True
            fields.append(Field(key, label, value, Span.of_lines(line.number)))
            continue
        if len(text) <= 300 and len(group) > 1:
            # A citation or explanatory line among credits ("E. Belfort Bax, …, p.8. (letter)").
            fields.append(Field(_unlabelled_key(text), "", text, Span.of_lines(line.number)))
            continue
        return None
    # Unknown "Key: value" lines alone are only metadata when they look like a block of them.
    if not sure and not (len(fields) >= 2 and all(f.label for f in fields)):
        return None
    if sum(1 for f in fields if not f.label and not _is_credit_key(f.key)) > max(
        1, len(fields) // 2
    ):
        return None
    return fields


# "Duncan Hallas was interviewed by Ian Birchall in February 2001.": when the text came about.
_CREATION_PROSE = re.compile(
    r"\b(?:was|were|is)\s+(?:first\s+)?(?P<verb>interviewed|recorded|spoken|delivered|given|"
    r"broadcast|written|dictated|composed|drafted)\b",
    re.I,
)
# "E. Belfort Bax, The German SDP, Justice, 22nd April 1915, p.8.": parts of a citation.
_CITATION_PART = re.compile(r"\b(?:pp?\.\s*\d|vol\.|no\.\s*\d|nr\.\s*\d|issue\s+\d)", re.I)


# "This interview originates from Red & Black Notes", "It first appeared in …": where it came from.
_SOURCE_PROSE = re.compile(
    r"\b(?:originates?|originally\s+appeared|first\s+appeared|appeared|was\s+taken|"
    r"is\s+taken|reproduced|reprinted)\s+(?:from|in)\s+[A-Z\d“\"']"
)


def _unlabelled_key(text: str) -> str:
    """The kind of a metadata line without a label: creation prose, a citation, or other."""
    if _SOURCE_PROSE.search(text):
        return "source"
    if not _DATE.search(text):
        return "other"
    match = _CREATION_PROSE.search(text)
    if match:
        verb = match.group("verb").lower()
        return "written" if verb in ("written", "dictated", "composed", "drafted") else "spoken"
    if text.count(",") >= 2 and _CITATION_PART.search(text):
        return "source"
    return "other"


def _is_credit_key(key: str) -> bool:
    """Lines read from prose that are surely metadata, although they carry no label."""
    return key in ("written", "spoken", "source")


# "Source: Selected Works, Volume One, p. 13; Publisher: Progress Publishers, Moscow, 1969;":
# a second known label after a semicolon or full stop starts a field of its own.
_INLINE_LABEL = re.compile(r"(?<=[;.])\s+(?P<label>[^\W\d_][\w /\\&’'-]{1,40}?)\s*:\s+")


def _split_inline_labels(f: Field) -> list[Field]:
    for match in _INLINE_LABEL.finditer(f.value):
        key = classify_label(match.group("label"))
        if key == "other" or match.group("label") in ("Signed", "signed"):
            continue  # "… in Pravda No. 26. Signed: N. Lenin." belongs to the citation
        head = Field(f.key, f.label, f.value[: match.start()].strip().rstrip(";"), f.span)
        tail = Field(key, match.group("label"), f.value[match.end() :].strip(), f.span)
        return [head, *_split_inline_labels(tail)]
    return [f]


def _credit(text: str) -> tuple[str, str, str] | None:
    if len(text) > 300:
        return None
    for pattern, key in _CREDITS:
        match = pattern.match(text)
        if match:
            return key, match.group("label"), match.group("value")
    return None


_AUTHOR_TAIL = re.compile(r",?\s+(?:et\s+al\.?|and\s+others|&\s+others)$", re.I)


def _looks_like_author(text: str) -> bool:
    """ "J. V. Stalin", "Rósa Lúxembúrg", "Monty Johnstone et al.", "Marx and Engels"."""
    if _DATE.search(text):
        return False
    names = re.split(r"\s+(?:and|&|og|und|et|y|e)\s+|,\s*", _AUTHOR_TAIL.sub("", text))
    return all(_PERSON.match(name.strip()) for name in names if name.strip())


_CONTINUES = re.compile(
    r"(?:\b(?:with|of|in|and|the|for|on|to|from|by|a|an|at|und|et|e|y|di|de|del|der|des)|[,:–—-])$",
    re.I,
)


def _join_broken(group: list[SourceLine]) -> list[SourceLine]:
    """A title printed over several lines is one line ("On the Labor Party Question" / "in the
    United States"): a line that starts in lower case, or follows one ending in a preposition,
    conjunction or comma, continues the line before it."""
    out: list[SourceLine] = []
    for line in group:
        previous = out[-1] if out else None
        if previous is not None and (
            line.stripped[:1].islower() or _CONTINUES.search(previous.stripped)
        ):
            out[-1] = SourceLine(previous.number, f"{previous.stripped} {line.stripped}")
            continue
        out.append(line)
    return out


_NAME_AND_YEAR = re.compile(r"^(?P<name>.+?)\s+(?P<year>(?:1[5-9]|20)\d\d)$")


def _assign_roles(front: list[SourceLine]) -> list[FrontLine]:
    out: list[FrontLine] = []
    seen_title = False
    for i, line in enumerate(front):
        text = line.stripped
        name_year = _NAME_AND_YEAR.match(text) if i == 0 and len(front) >= 2 else None
        if name_year and _looks_like_author(name_year.group("name")):
            # "Salvador Allende 1970": the author, then the year as the dateline
            span = Span.of_lines(line.number)
            out.append(FrontLine("author", name_year.group("name"), span))
            out.append(FrontLine("dateline", name_year.group("year"), span))
            continue
        if text.lower().startswith("by "):
            role = "byline"
        elif i == 0 and len(front) >= 2 and _looks_like_author(text):
            role = "author"
        elif _DATE.search(text) and (len(text) < 40 or text.startswith("(")) and seen_title:
            role = "dateline"
        elif not seen_title:
            role, seen_title = "title", True
        else:
            role = "subtitle"
        out.append(FrontLine(role, text, Span.of_lines(line.number)))
    return out

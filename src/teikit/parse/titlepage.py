"""The title page a Project Gutenberg text prints at the top of its body.

Recognises, between the ``*** START`` marker and the first unit of the text proper (a chapter,
act or part heading, a contents list, a preface or dedication, a cast list, prose): the book's
title (matched against the header's ``Title:``) and its subtitle lines, "BY" and the author (the
header's ``Author:``), "Author of …" lines, the edition ("TENTH IMPRESSION"), the imprint
(publisher, place, year, copyright) and ``[Illustration: …]`` lines. Transcriber credits standing
there ("Produced by …", "Transcribed from the 1908 … edition by …") become metadata fields.

Nothing is guessed: without a line that is the header's title there is no title page, and the
body starts where it did.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher

from ..model import Field, FrontLine, Span
from .figures import opens_illustration
from .headings import keyword_heading
from .lines import SourceLine, blocks_of
from .speakers.cast import CAST_HEAD

# A title page is a handful of short groups.
_MAX_GROUPS = 14
_MAX_GROUP_LINES = 6
_MAX_LINE = 75

_STOP = re.compile(
    r"^_?(?:(?:the\s+)?(?:table\s+of\s+)?contents|preface|introduction|introductory|foreword|"
    r"prologue|prelude|dedication|dedicated|to\s|dramatis\s+person|(?:the\s+)?persons\b|"
    r"(?:the\s+)?characters\b|(?:the\s+)?cast\b|list\s+of\s+illustrations|illustrations[.:]?$|"
    r"note\b|transcriber)",
    re.I,
)
_NUMBER_ALONE = re.compile(r"^(?:[IVXLC]+|\d{1,3})\.?$")
_CREDIT = re.compile(
    r"^(?P<label>(?:E-?text\s+|eBook\s+)?(?:Produced|Prepared|Transcribed|Scanned|Digiti[sz]ed)"
    r"\b.*?\bby)\s+(?P<value>.+)$",
    re.I | re.S,
)
_BY = re.compile(r"^by\b\.?", re.I)
_TITLE_BY = re.compile(r"^(?P<title>.+?)\s+(?P<by>by\s+\S.*)$", re.I)
_EDITION = re.compile(r"\b(?:edition|impression|printing|reprint(?:ed)?)\b", re.I)
# "MCMIX" under the imprint: a year in roman numerals
_ROMAN_YEAR = re.compile(r"^M{1,2}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})\.?$")
_IMPRINT = re.compile(
    r"\b(?:1[5-9]\d\d|20\d\d)\b|\b(?:publish\w*|press|printed|copyright|"
    r"all rights reserved|company|ltd|limited|brothers|sons|verlag|london|new york|"
    r"boston|philadelphia|chicago|edinburgh|paris|leipzig|berlin)\b|(?:&|\band)\s+co\b",
    re.I,
)


@dataclass(frozen=True, slots=True)
class TitlePage:
    front: tuple[FrontLine, ...]
    credits: tuple[Field, ...]
    body_start: int  # index into the lines list where the text proper begins


def read_title_page(
    lines: list[SourceLine], start: int, end: int, title: str, author: str
) -> TitlePage | None:
    """The title page in ``lines[start:end]``, or None when the header's title is not there."""
    wanted_title, wanted_author = title_key(title.split("\n")[0]), title_key(author)
    # The header may set the subtitle on a line of its own ("Sybil" / "or the Two Nations")
    # where the title page prints both on one ("SYBIL, OR THE TWO NATIONS").
    whole_title = title_key(title)
    if not wanted_title:
        return None
    groups = blocks_of(lines[start:end], limit=_MAX_GROUPS)
    kept: list[list[SourceLine]] = []
    credits: list[Field] = []
    titled = False
    shapes: dict[tuple[str, str], list[int]] = {}  # filled on first need (_like_later_headings)
    for group in groups:
        text = " ".join(line.stripped for line in group)
        credit = _credit_of(group)
        if credit is not None:
            credits.append(credit)
            kept.append([])  # a credit's lines leave the body too
            continue
        if len(group) > 1:
            # "Hard Times by Charles Dickens" / "Scanned and proofed by David Price …": a credit
            # on a line of its own under the title.
            own = [(line, _CREDIT.match(line.stripped)) for line in group]
            credits.extend(
                Field("transcription", m.group("label"), m.group("value"), Span.of_lines(ln.number))
                for ln, m in own
                if m is not None and not opens_illustration(ln.stripped)
            )
            group = [ln for ln, m in own if m is None or opens_illustration(ln.stripped)]
            if not group:
                kept.append([])
                continue
        if _stops(group) or (titled and _like_later_headings(group, shapes, lines, start, end)):
            break
        titled = titled or any(is_title(line.stripped, wanted_title, whole_title) for line in group)
        if not titled and not opens_illustration(text) and title_key(text) != wanted_author:
            return None  # the title comes first on a title page (after its author's name)
        kept.append(group)
    if not titled:
        return None
    last = max((g[-1].number for g in kept if g), default=0)
    last = max([last, *(f.span.end for f in credits)])
    body_start = _index_after(lines, start, end, last)
    front = _roles(
        [line for group in kept for line in group], wanted_title, wanted_author, whole_title
    )
    return TitlePage(tuple(front), tuple(credits), body_start)


def read_leading_credits(lines: list[SourceLine], start: int, end: int) -> TitlePage | None:
    """The transcriber credits ("Produced by …") that open ``lines[start:end]`` where no title
    page follows them (its title unlike the header's): they go to the header all the same."""
    credits: list[Field] = []
    for group in blocks_of(lines[start:end], limit=4):
        credit = _credit_of(group)
        if credit is None:
            break
        credits.append(credit)
    if not credits:
        return None
    return TitlePage((), tuple(credits), _index_after(lines, start, end, credits[-1].span.end))


def _credit_of(group: list[SourceLine]) -> Field | None:
    """The transcriber's credit the group is ("Produced by …" over one line or several)."""
    text = " ".join(line.stripped for line in group)
    credit = _CREDIT.match(text)
    if credit is None or opens_illustration(text):
        return None
    span = Span(group[0].number, group[-1].number)
    return Field("transcription", credit.group("label"), credit.group("value"), span)


def _index_after(lines: list[SourceLine], start: int, end: int, last: int) -> int:
    """Where in ``lines[start:end]`` the first line after line number ``last`` stands."""
    return next((i for i in range(start, end) if lines[i].number > last), end)


# A book's title page run to the imprint and its reprint dates ("_Reprinted_  _June 1949_").
_MAX_BARE_GROUPS = 30


def read_bare_title_page(lines: list[SourceLine], start: int, end: int) -> TitlePage | None:
    """A book's title page at the top of a text that has no header to name its title (a copy
    whose Gutenberg header was cut off): short groups of title, "OR" and subtitle, "BY" and the
    author, edition and imprint, up to the first unit of the text proper. Only with a byline
    and an imprint or edition line among them, and the title in capitals or Title Case, so that
    a text that opens with a heading and a paragraph keeps them in its body."""
    groups = blocks_of(lines[start:end], limit=_MAX_BARE_GROUPS)
    if len(groups) < 3 or len(groups[0]) > 3:
        return None
    title = " ".join(line.stripped for line in groups[0])
    plain = _plain(title)
    if (
        len(plain) > _MAX_LINE
        or not (plain.isupper() or plain.istitle())
        or keyword_heading(plain) is not None
        or _stops(groups[0])
    ):
        return None
    kept: list[list[SourceLine]] = []
    for group in groups:
        if _stops(group):
            break
        kept.append(group)
    if len(kept) == len(groups) and len(groups) == _MAX_BARE_GROUPS:
        return None  # no end in sight: not a title page
    texts = [_plain(line.stripped) for group in kept for line in group]
    bylined = any(_BY.match(t) for t in texts)
    imprinted = any(_IMPRINT.search(t) or _EDITION.search(t) for t in texts)
    if not (bylined and imprinted):
        return None
    body_start = _index_after(lines, start, end, kept[-1][-1].number)
    byline = next((t for t in texts if _BY.match(t)), "")
    author = title_key(_BY.sub("", byline, count=1))
    front = _roles(
        [line for group in kept for line in group], title_key(groups[0][0].stripped), author
    )
    return TitlePage(tuple(front), (), body_start)


def _like_later_headings(
    group: list[SourceLine],
    shapes: dict[tuple[str, str], list[int]],
    lines: list[SourceLine],
    start: int,
    end: int,
) -> bool:
    """A line under the title shaped like headings the text prints further on ("MY FIRST
    STAGE" before "MY SECOND STAGE", "MY THIRD STAGE"): the first heading of the text, not a
    subtitle. Shape: the same first and last word, in the same case, on a line of its own.
    ``shapes`` (the line numbers of each shape) is filled on the first call."""
    if len(group) != 1:
        return False
    words = _plain(group[0].stripped).split()
    if len(words) < 2:
        return False
    if not shapes:
        for k in range(start + 1, end - 1):
            line = lines[k]
            # a heading is a line of its own, between blank lines
            if line.blank or not lines[k - 1].blank or not lines[k + 1].blank:
                continue
            if len(line.stripped) <= _MAX_LINE:
                other = _plain(line.stripped).split()
                if len(other) >= 2:
                    shapes.setdefault((other[0], other[-1]), []).append(line.number)
        shapes.setdefault(("", ""), [])  # (filled, even when no line has a shape)
    later = [n for n in shapes.get((words[0], words[-1]), []) if n > group[0].number]
    return len(later) >= 2


def _plain(text: str) -> str:
    """The words without the emphasis markup of e-texts (``_italic_``, ``=bold=``, ``*…*``)."""
    return " ".join(re.sub(r"[_*=]+", " ", text).split())


# A paragraph wrapped to the text's measure: the lines of a title page are short and set apart.
_PROSE_LINES = 3
_PROSE_WIDTH = 50


def _stops(group: list[SourceLine]) -> bool:
    first = _plain(group[0].stripped)
    return (
        len(group) > _MAX_GROUP_LINES
        or any(len(line.stripped) > _MAX_LINE for line in group)
        or (
            len(group) >= _PROSE_LINES
            and all(len(line.stripped) >= _PROSE_WIDTH for line in group[:-1])
        )
        or keyword_heading(first) is not None
        or bool(_STOP.match(first))
        or bool(CAST_HEAD.match(first))  # "Personen:", "Personnages.": the play's cast follows
        or bool(_NUMBER_ALONE.match(first))
    )


def title_key(text: str) -> str:
    """A title's words, lower-cased, without punctuation or markup."""
    return " ".join(re.sub(r"[\W_]+", " ", text.lower()).split())


# How alike a title page's line and the header's title must be when the two spell it otherwise
# ("DOCTOR FAUSTUS" / "Dr. Faustus", "L'AME" / "L'Âme"): a whole title a word or two apart.
_ALIKE = 0.85
_ALIKE_MIN = 12  # characters: short titles must match exactly


def _spelt_otherwise(key: str, wanted: str) -> bool:
    if min(len(key), len(wanted)) < _ALIKE_MIN or key.split()[0] != wanted.split()[0]:
        return False
    return SequenceMatcher(None, key, wanted, autojunk=False).ratio() >= _ALIKE


def is_title(line: str, wanted: str, whole: str = "") -> bool:
    """``line`` is the title ``wanted`` (the header's first title line), perhaps with the rest
    of the header's ``whole`` title."""
    key = title_key(line)
    return bool(key) and (
        key == wanted
        or key == whole
        or _spelt_otherwise(key, wanted)
        or (len(key) >= 8 and wanted.startswith(key + " "))
        or key.startswith(wanted + " by ")  # "Hard Times by Charles Dickens"
    )


def _roles(
    lines: list[SourceLine], title: str, author: str, whole_title: str = ""
) -> list[FrontLine]:
    out: list[FrontLine] = []
    seen_title = seen_author = seen_imprint = False
    after_by = False
    for line in lines:
        text = line.stripped
        plain = _plain(text)
        key = title_key(text)
        by_author = _TITLE_BY.match(text)
        if by_author and title_key(by_author.group("title")) == title:
            # "Hard Times by Charles Dickens": the title and its byline on one line
            span = Span.of_lines(line.number)
            out.append(FrontLine("title", by_author.group("title"), span))
            out.append(FrontLine("byline", by_author.group("by"), span))
            seen_title = seen_author = True
            continue
        if opens_illustration(text):
            role = "figure"
        elif is_title(text, title, whole_title) and (not seen_title or key in (title, whole_title)):
            role, seen_title = "title", True
        elif after_by or (author and key == author):
            role, seen_author = "author", True
        elif _BY.match(text):
            role = "byline"
        elif _EDITION.search(plain):
            role = "edition"
        elif _IMPRINT.search(plain) or _ROMAN_YEAR.match(plain):
            role = "imprint"
        elif seen_imprint:
            role = "imprint"  # the imprint goes on ("JOHN MURRAY, ALBEMARLE STREET, W.")
        elif seen_author:
            role = "byline"  # "AUTHOR OF 'THE EARTHLY PARADISE.'"
        else:
            role = "subtitle"
        seen_imprint = seen_imprint or role in ("imprint", "edition")
        after_by = role == "byline" and _BY.fullmatch(text.strip(" .:")) is not None
        out.append(FrontLine(role, text, Span.of_lines(line.number)))
    return out

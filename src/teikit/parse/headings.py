"""Heading lines: which groups open a division, of what type and at what depth.

Recognises, on a group of one short line (or two short lines of a hard-wrapped text):

* keyword headings: ``CHAPTER I``, ``Chapter 12: Title``, ``PART TWO``, ``BOOK III.``,
  ``ACT I``, ``THE FIRST ACT``, ``Scene 2``, ``SCENE``, ``PROLOGUE``, ``PREFACE``…, and the
  same divisions in French, German, Italian, Spanish, Portuguese and Russian (``ACTE I``,
  ``SCÈNE PREMIÈRE.``, ``Erster Auftritt``, ``Zweiter Aufzug``, ``Действие первое``,
  ``Явление II``, ``Capítulo I``);
* numeral headings: a roman numeral alone (``IV``, ``XII.``), or a numeral before a title
  (``1. The Birth of Reformism``, ``II. THE MARKET``);
* plain heading lines: short, no closing punctuation, in capitals or in Title Case, and (in a
  hard-wrapped text, where short lines are common) set off by blank lines or in capitals.

A short line that recurs in the document (alone or opening groups) is a speaker label or
running head, never a heading, nor the title line under a keyword heading;
a line that ends like a sentence (``.``, ``,``, ``;``, ``:``, ``!``) is not a plain heading, nor,
unless it is in capitals or numbered, a line of speech: one opening with a quotation mark or a
dash (``— Aussi ?``, ``»Nun?«``), or asking, exclaiming or trailing off (``Куда?``, ``Wohin
Kamrad?``, ``Ach! an der Erde Brust``, ``Peut-être...``); a title of three words or more may end
with its one question (``What About the Men?``, not ``Who, Sir Andrew Aguecheek?``).
Depth: volume 0, part/book 1, act/chapter 2, scene 3, plain sections 4.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from .divisions import PLAIN_SECTION
from .lines import Group, SourceLine
from .wrapping import Layout

# English numbers and ordinals in words, to ninety-nine ("CHAPTER FORTY-TWO", "BOOK THE
# TWENTY-FIRST"); the compound forms first, so that "twenty-one" is not read as "twenty".
_UNITS = "one|two|three|four|five|six|seven|eight|nine"
_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_UNIT_ORDINALS = "first|second|third|fourth|fifth|sixth|seventh|eighth|ninth"
_ORDINALS = (
    rf"(?:{_TENS})[-\s](?:{_UNIT_ORDINALS})|"
    "twentieth|thirtieth|fortieth|fiftieth|sixtieth|seventieth|eightieth|ninetieth|"
    "tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|"
    f"nineteenth|{_UNIT_ORDINALS}|last|final"
)
# Ordinals other languages print before the keyword ("Erster Auftritt", "Première partie",
# "Первое действие") or after it ("SCÈNE PREMIÈRE", "Действие первое", "Atto primo").
_RUSSIAN_ORDINALS = (
    "(?:перв|втор|трет|четв[её]рт|пят|шест|седьм|восьм|девят|десят|последн)"
    "(?:ое|ая|ый|ой|ье|ья|ий|ее|яя)"
)
_ORDINALS_BEFORE = (
    "(?:erst|zweit|dritt|viert|fünft|sechst|siebent|siebt|acht|neunt|zehnt|eilft|elft|zwölft|"
    r"letzt)e[rsn]?|premi(?:er|ère)|seconde?|[^\W\d_]+ième|derni(?:er|ère)|" + _RUSSIAN_ORDINALS
)
_ORDINALS_AFTER = (
    r"premi(?:er|ère)|seconde?|[^\W\d_]+ième|prim[oa]|second[oa]|terz[oa]|quart[oa]|quint[oa]|"
    "sest[oa]|settim[oa]|ottav[oa]|decim[oa]|"
    "primer[oa]|segund[oa]|tercer[oa]|cuart[oa]|primeir[oa]|terceir[oa]|sext[oa]|s[eé]ptim[oa]|"
    "octav[oa]|noven[oa]|non[oa]|d[eé]cim[oa]|"
    # Latin, as the old prints head their acts and scenes ("Actus Primus. Scaena Prima.")
    "prim(?:us|a)|secund(?:us|a)|terti(?:us|a)|quart(?:us|a)|quint(?:us|a)|sext(?:us|a)|"
    "septim(?:us|a)|octav(?:us|a)|non(?:us|a)|decim(?:us|a)|" + _RUSSIAN_ORDINALS
)
_NUMBER_WORDS = (
    rf"(?:{_TENS})(?:[-\s](?:{_UNITS}))?|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|"
    f"seventeen|eighteen|nineteen|{_UNITS}"
)
_ROMAN = r"[IVXLCDM]+|[ivxlcdm]+"
_NUMBER = rf"(?:\d{{1,4}}|{_ROMAN}|{_NUMBER_WORDS}|the\s+(?:{_ORDINALS})|{_ORDINALS_AFTER})"

# Division keywords (English, French, German, Italian, Spanish, Portuguese, Russian, and the
# other languages of Europe's novels and plays: Czech, Dutch, Hungarian, Polish, Romanian,
# Slovene, Swedish and Norwegian, Ukrainian): the division's type and depth. Words a sentence
# may open with in any of them ("del", "osa") are left out.
_KEYWORD_TYPES = {
    **dict.fromkeys(("volume", "tome", "tomo", "band", "том", "kötet", "svazek"), ("volume", 0)),
    **dict.fromkeys(
        ("part", "partie", "teil", "parte", "часть", "část", "część", "rész", "deel", "partea"),
        ("part", 1),
    ),
    **dict.fromkeys(
        ("book", "livre", "buch", "libro", "livro", "книга", "kniha", "księga", "boek", "könyv"),
        ("book", 1),
    ),
    **dict.fromkeys(
        (
            "act",
            "acte",
            "akt",
            "aufzug",
            "atto",
            "acto",
            "actus",
            "действие",
            "dějství",
            "felvonás",
            "bedrijf",
            "actul",
        ),
        ("act", 2),
    ),
    **dict.fromkeys(
        # (e-texts drop accents: "CAPITULO II.")
        (
            "chapter",
            "chap",
            "chapitre",
            "kapitel",
            "capitolo",
            "capítulo",
            "capitulo",
            "глава",
            "kapitola",
            "rozdział",
            "fejezet",
            "hoofdstuk",
            "capitolul",
            "poglavje",
            "kapittel",
            "розділ",
        ),
        ("chapter", 2),
    ),
    **dict.fromkeys(
        (
            "scene",
            "scène",
            "scaena",
            "scoena",
            "szene",
            "auftritt",
            "scena",
            "escena",
            "cena",
            "tableau",
            "явление",
            "сцена",
            "картина",
            "scéna",
            "výstup",
            "jelenet",
            "tooneel",
        ),
        ("scene", 3),
    ),
    "section": ("section", 3),
    "canto": ("canto", 2),
    "letter": ("letter", 2),
}
_ORDINAL_WORD = re.compile(rf"{_ORDINALS}|{_ORDINALS_BEFORE}", re.IGNORECASE)
# "I. FEJEZET", "II. RÉSZ": Hungarian and Czech number a division before its keyword.
_ROMAN_LETTERS = frozenset("IVXLC")
_ROMAN_ORDINAL = re.compile(r"[ivxlc]{1,7}")
_NUMERAL_ORDINAL = re.compile(r"\d{1,3}(?:e|er|ère|ème|º|ª)?", re.IGNORECASE)
_KEYWORD = re.compile(
    # "1. Akt", "2. Szene", "3ème Acte": a numeral before the keyword works as an ordinal
    rf"^(?:(?P<ord>(?:the\s+)?(?:{_ORDINALS})|{_ORDINALS_BEFORE}|\d{{1,3}}\.|[IVXLC]{{1,7}}\.|\d{{1,3}}(?:e|er|ère|ème|º|ª))\s+)?"
    # Longest first ("partie" before "part"), and a whole word ("Parts of it" is no heading).
    r"(?P<kw>chap\.|" + "|".join(sorted(_KEYWORD_TYPES, key=len, reverse=True)) + r")(?!\w)"
    rf"(?:\s+(?P<num>{_NUMBER})\b)?"
    r"(?P<rest>.*)$",
    re.IGNORECASE,
)
_SINGLE_TYPES = {
    "prologue": "prologue",
    "epilogue": "epilogue",
    "preface": "preface",
    "foreword": "preface",
    "introduction": "introduction",
    "conclusion": "conclusion",
    "afterword": "afterword",
    "appendix": "appendix",
    "postscript": "postscript",
    "interlude": "interlude",
    "dedication": "dedication",
    "induction": "induction",
}
_SINGLE = re.compile(
    r"^(?:the\s+)?(?P<kw>" + "|".join(_SINGLE_TYPES) + r")\b(?P<rest>[^.,;!?]*)\.?$", re.IGNORECASE
)
_ROMAN_ALONE = re.compile(r"^(?P<num>[IVXLC]{1,7})\.?$")
# A numeral before a title ("IV. The Return", "2 -- Home"); not the pronoun "I" before the words
# it opens ("I WANDERED LONELY AS A CLOUD"): a bare "I" numbers a title only with a stop or dash.
_NUMBERED_TITLE = re.compile(
    r"^(?P<num>\d{1,3}|(?!I\s)[IVXLC]{1,7})(?:[.:)]?\s+|\.?\s*(?:--|[—–-])\s*)(?P<title>\S.*)$"
)
_QUOTES = "\"'‘’“”„«»"
_CLOSING = re.compile(r"[.,;:!]['’”\"´»«›)\]]?$|[-–—]$")
# What opens a line of speech, and what asks, exclaims or trails off in one.
_SPEECH_OPENING = frozenset("\"'‘’“”„‚«»‹›`´—–-")
_SPEECH_MARK = re.compile(r"[?!…]|\.\.")
_AFTER_QUESTION = "\"'’”»«›)]´ "  # closing quotes and brackets after a final question mark
_WORD = re.compile(r"[^\W\d_][\w’'-]*")
_SMALL_WORDS = frozenset(
    "a an and as at but by for from in into of on or the to with via vs its his her their".split()
)
MAX_HEADING = 80
_LETTER_LABEL = re.compile(r"^[^\W\d_][.:]\s")


@dataclass(frozen=True, slots=True)
class HeadingMatch:
    type: str
    n: str
    level: int
    keyword: bool  # a keyword or numeral heading (may take the following title line as its own)


def heading_of(
    group: Group,
    layout: Layout,
    recurring: frozenset[str],
    numbered: frozenset[int] | set[int] = frozenset(),
    spacing: int = 0,
) -> HeadingMatch | None:
    """``numbered``: first lines of the text's numbered headings in sequence (see
    ``numbered_headings``); such a line is a heading however it ends ("I.--Ab initio.").
    ``spacing``: the blank lines a plain heading (no keyword, no numeral) needs before it, where
    the text sets its headings apart by more than its paragraphs (see ``heading_spacing``)."""
    if len(group.lines) > 2 or (len(group.lines) == 2 and not layout.hard_wrapped):
        return None
    text = group.text
    if group.start in numbered:  # (one line, or one title run over two)
        keyword = keyword_heading(text)
        if keyword is not None:
            return keyword
        match = _NUMBERED_TITLE.match(text) or _ROMAN_ALONE.match(text)
        # (not a keyword heading: in a run of numbered items it is an item, see blocks.heading)
        return HeadingMatch("section", match.group("num") if match else "", PLAIN_SECTION, False)
    if len(text) > MAX_HEADING:
        return None
    if len(group.lines) == 2 and not all(layout.is_short(line) for line in group.lines):
        return None
    keyword = keyword_heading(text)
    if keyword is not None:
        return keyword
    if text in recurring or group.blank_before < spacing:
        return None
    return plain_heading(group, text, layout)


# An editor's note reference after a heading's numeral ("SCENE I[1]", "CHAPTER IV*"): the
# note's, not the heading's words.
_NOTE_REFERENCE = re.compile(r"\.?\s*(?:\[\d{1,3}\]|[*†‡]{1,3})\.?")


@lru_cache(maxsize=16384)
def keyword_heading(text: str) -> HeadingMatch | None:
    """The keyword heading ``text`` is, or None. (Cached: the layout passes and the rules ask it
    of the same lines; it depends on the text alone.)"""
    return _keyword_heading(text)


def _keyword_heading(text: str) -> HeadingMatch | None:
    # Most lines open with no keyword or ordinal: a look at the first word spares the pattern.
    first = text.split(None, 1)[0].casefold().rstrip(".") if text else ""
    keyed = (
        first in _KEYWORD_TYPES
        or first == "the"
        or _ORDINAL_WORD.fullmatch(first)
        or (first[:1].isdigit() and _NUMERAL_ORDINAL.fullmatch(first))
        or (text[:1] in _ROMAN_LETTERS and _ROMAN_ORDINAL.fullmatch(first))
    )
    match = _KEYWORD.match(text) if keyed else None
    if match:
        kind, level = _KEYWORD_TYPES[match.group("kw").lower().rstrip(".")]
        num = match.group("num") or ""
        rest = match.group("rest").strip()
        ordinal = match.group("ord") or ""
        if not num and not ordinal and (match.group("kw").lower() != "scene" or rest):
            return None  # only "SCENE" stands alone (before the setting of an English play)
        ordinal = ordinal.rstrip(".")
        if kind == "act" and rest and (num or ordinal):
            # "Actus Primus, Scaena Prima.": the act's first scene named on the same line
            scene = keyword_heading(rest.lstrip(".,:;—–- "))
            if scene is not None and scene.type == "scene":
                return HeadingMatch(kind, num or ordinal, level, True)
        # Acts and scenes may carry their setting ("SCENE I. Athens. The palace.").
        if (
            rest
            and not _is_title_rest(rest)
            and not (kind in ("act", "scene") and num and rest[0] in ".:—–-")
            and not (num and _NOTE_REFERENCE.fullmatch(rest))
        ):
            return None
        if kind in ("letter", "section") and not num:
            return None
        return HeadingMatch(kind, num or ordinal, level, True)
    match = _SINGLE.match(text)
    if match and (not match.group("rest").strip() or _is_title_rest(match.group("rest"))):
        if _is_capitalised(text):
            return HeadingMatch(_SINGLE_TYPES[match.group("kw").lower()], "", 2, True)
    roman = _ROMAN_ALONE.match(text)
    if roman:
        return HeadingMatch("chapter", roman.group("num"), 2, True)
    return None


def _is_title_rest(rest: str) -> bool:
    """What may follow ``CHAPTER IV``: nothing, a separator and a title, or a title."""
    rest = rest.strip()
    if not rest:
        return True
    if rest[0] in ",;?!":
        return False
    separated = rest[0] in ".:—–-"
    rest = rest.lstrip(".:—–- ").strip()
    if not rest:
        return True
    if not separated and not (_is_upper(rest) or _is_capitalised(rest)):
        return False
    return not _CLOSING.search(rest) or (rest.endswith(".") and _is_capitalised(rest))


def plain_heading(group: Group, text: str, layout: Layout) -> HeadingMatch | None:
    numbered = _NUMBERED_TITLE.match(text)
    title = numbered.group("title") if numbered else text
    if title[0] in "([{" or title[0].islower():
        return None
    if not _WORD.search(title) or _CLOSING.search(title):
        return None
    if not any(len(word) >= 3 for word in _WORD.findall(title)):
        return None  # initials and letters ("Q. W.?") title nothing
    if _LETTER_LABEL.match(title):
        return None  # a question or answer of a transcript ("Q. The Trotsky Revolution?")
    capitals = _is_upper(title)
    if not capitals and (not _is_capitalised(title) or (not numbered and _is_speech(title))):
        return None
    if layout.hard_wrapped and not capitals and group.blank_before < 2:
        return None
    n = numbered.group("num") if numbered else ""
    return HeadingMatch("section", n, PLAIN_SECTION, False)


def _is_speech(title: str) -> bool:
    """A line of speech rather than a title: it opens with a quotation mark or a dash, or asks,
    exclaims or trails off, except a title of three words or more ending in its one question."""
    if title[0] in _SPEECH_OPENING:
        return True
    marks = _SPEECH_MARK.findall(title)
    if not marks:
        return False  # (most lines)
    return not (
        marks == ["?"]
        and title.rstrip(_AFTER_QUESTION).endswith("?")
        and "," not in title  # "Who, Sir Andrew Aguecheek?" calls someone
        and len(_WORD.findall(title)) >= 3
    )


def _is_upper(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters if c.isupper() or c.islower())


def _is_capitalised(text: str) -> bool:
    """Title Case: the first word and most content words start with a capital."""
    words = _WORD.findall(text)
    if not words or not words[0][0].isupper():
        return False
    content = [w for w in words if w.lower() not in _SMALL_WORDS]
    if not content:
        return False
    capitals = sum(1 for w in content if w[0].isupper())
    return capitals * 4 >= len(content) * 3 and len(words) <= 14


def is_title_line(
    group: Group, layout: Layout, recurring: frozenset[str], sentence_case: bool = False
) -> bool:
    """A line that can complete a keyword heading (``CHAPTER I`` / ``THE MARKET``); with
    ``sentence_case`` (the text titles its chapters that way: see ``titles_follow_headings``)
    a short line in sentence case too ("CHAPITRE II." / "Quelques détails.")."""
    if len(group.lines) > 2:
        return False
    text = group.text
    if len(text) > MAX_HEADING or text in recurring or keyword_heading(text) is not None:
        return False
    if not _WORD.search(text) or text[0] in "([{":
        return False
    if sentence_case and _short_title(group):
        return True
    if _is_upper(text):
        return not text.endswith((",", ";", ":"))
    return _is_capitalised(text) and not _CLOSING.search(text) and not _is_speech(text)


_TITLE_MARKUP = "_*=#"  # e-texts' emphasis around a title ("#Presentación de la farándula.#")


def _short_title(group: Group) -> bool:
    """One short line that could title a chapter in any case: a few words, a capital first."""
    if len(group.lines) != 1:
        return False
    text = group.text.strip(_TITLE_MARKUP + " ")
    words = _WORD.findall(text)
    return (
        0 < len(words) <= 12
        and text[:1].isupper()
        and not text.endswith((",", ";", ":", "-", "—"))
        and not _is_speech(text)
    )


def titles_follow_headings(groups: list[Group]) -> bool:
    """The text prints a title line under its keyword headings, whatever its case: three of its
    one-line keyword headings at least, and most of them, are followed by one short line and
    then the text ("CHAPITRE II." / "Quelques détails." / "«Qu'est-ce que…"; "I" / "#Más
    personajes.#")."""
    headed = titled = 0
    for i, group in enumerate(groups[:-2]):
        if len(group.lines) != 1 or keyword_heading(group.text) is None:
            continue
        headed += 1
        title, after = groups[i + 1], groups[i + 2]
        if (
            _short_title(title)
            and keyword_heading(title.text) is None
            and keyword_heading(after.text) is None
            and (not _short_title(after) or len(after.text) > 2 * len(title.text))
        ):
            titled += 1
    return titled >= 3 and titled * 3 >= headed * 2


_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}


def numeral_value(num: str) -> int | None:
    """1 for "1", "I" or "i"; None for what is no numeral (or no well-formed roman one)."""
    if num.isdigit():
        return int(num)
    num = num.upper()
    if not num or any(c not in _ROMAN_VALUES for c in num):
        return None
    total = 0
    for i, c in enumerate(num):
        value = _ROMAN_VALUES[c]
        total += -value if i + 1 < len(num) and _ROMAN_VALUES[num[i + 1]] > value else value
    return total


_NUMBER_OPENING = re.compile(
    r"^(?:(?P<kw>[^\W\d_]+)\.?\s+)?(?P<num>\d{1,3}|[IVXLC]{1,7})(?=$|[.:)\s]|-|[—–])"
)


def heading_number(text: str) -> int | None:
    """The number a heading line opens with ("I.--Ab initio.", "CHAPTER IV", "12. The End"),
    keyword or not; None when it opens with none."""
    match = _NUMBER_OPENING.match(text)
    if match is None:
        return None
    keyword = match.group("kw")
    if keyword and keyword.casefold() not in _KEYWORD_TYPES and keyword.casefold() != "chap":
        return None
    return numeral_value(match.group("num"))


def numbered_headings(groups: list[Group], layout: Layout) -> tuple[set[int], set[int]]:
    """Numbers of the lines that are numbered headings in sequence, and of those among them
    with the text of their division printed right under them, no blank line between
    ("I.--Ab initio." / "It was…").

    Only headings the text numbers in sequence count (three or more, each one more than the
    one before, numbering starting again at one in a new part): a numbered paragraph's first
    line fills the measure and runs on into the next, a heading's is short, complete and
    title-like, so only those are taken. Each keyword numbers its own sequence (PART I, II…
    beside chapters I, II…; "1." beside "I."), and a line that only happens to open with a
    number ("1. I believe …" quoted in a chapter) sits in no sequence and breaks none. A
    heading is looked for on a group's first line, on the line under a keyword heading ("PART
    I." / "I.--Ab initio." / text), and as a whole group of two lines when the title runs over
    ("IV.--Digressive, and may be skipped without mutilating" / "the History.")."""
    found: list[tuple[int, int, str, bool, int]] = []  # (line, number, series, glued?, group)
    cuts: set[int] = set()  # keyword lines with a numbered heading under them
    for index, group in enumerate(groups):
        lines = group.lines
        first = _numbered_candidate(lines, 0, layout)
        if first is not None:
            found.append((*first, index))
        if len(lines) > 2 and keyword_heading(lines[0].stripped) is not None:
            second = _numbered_candidate(lines, 1, layout)
            if second is not None and second[3]:
                found.append((*second, index))
                cuts.add(lines[0].number)
    chains: list[list[tuple[int, int, str, bool, int]]] = []
    open_chains: dict[tuple[str, int], list[tuple[int, int, str, bool, int]]] = {}
    for item in found:
        _, number, series, _, _ = item
        chain = open_chains.pop((series, number - 1), None)
        if chain is None:
            if number != 1 and (series, number) in open_chains:
                continue  # a second "2." beside a sequence's own: noise, not a sequence
            chain = []
            chains.append(chain)
        chain.append(item)
        open_chains[(series, number)] = chain
    sequenced: set[int] = set()
    for chain in chains:
        if len(chain) < 3:
            continue
        # A numbered list's items stand one under the other; headings have text between them
        # (or under them, in their group).
        apart = sum(a[3] or b[4] - a[4] > 1 for a, b in zip(chain, chain[1:], strict=False))
        if apart * 2 >= len(chain) - 1:
            sequenced.update(line for line, *_ in chain)
    under = {line for line, _, _, is_glued, _ in found if is_glued and line in sequenced}
    under |= {line for line in cuts if line + 1 in sequenced}
    return sequenced, under


def _numbered_candidate(
    lines: tuple[SourceLine, ...], at: int, layout: Layout
) -> tuple[int, int, str, bool] | None:
    """(line number, number, series, glued to text under it?) of a numbered heading on line
    ``at`` of a group, or None. The series is what the number counts: its keyword ("part",
    "chapter", none) and its kind of numeral, roman or arabic, each numbering on its own."""
    line = lines[at]
    text = line.stripped
    if len(text) > MAX_HEADING:
        return None
    opening = _NUMBER_OPENING.match(text)
    number = heading_number(text)
    if opening is None or number is None:
        return None
    series = (opening.group("kw") or "").casefold() + (
        " arabic" if opening.group("num").isdigit() else " roman"
    )
    rest = lines[at + 1 :]
    if not rest:
        return (line.number, number, series, False) if _heading_line(text) else None
    if _ends_apart(line, rest[0], layout):
        return (line.number, number, series, True) if _heading_line(text) else None
    if at == 0 and len(rest) == 1 and _heading_line(f"{text} {rest[0].stripped}", 24):
        return line.number, number, series, False  # one title over two lines
    return None


def _heading_line(text: str, most_words: int = 12) -> bool:
    """Title-like: a keyword heading, or a numeral and a short title."""
    if keyword_heading(text) is not None or _ROMAN_ALONE.match(text):
        return True
    numbered = _NUMBERED_TITLE.match(text)
    if numbered is None:
        return False
    title = numbered.group("title").strip(_TITLE_MARKUP + " ")
    words = _WORD.findall(title)
    return (
        0 < len(words) <= most_words
        and title.lstrip(_QUOTES)[:1].isupper()
        and not title.endswith((",", ";"))
    )


def _ends_apart(line: SourceLine, following: SourceLine, layout: Layout) -> bool:
    """The author ended ``line`` (the next word would have fitted), and a sentence starts on
    the next one."""
    if layout.hard_wrapped and layout.wrapped_after(line, following):
        return False
    opening = following.stripped[:1]
    return opening.isupper() or opening in "\"'‘“«»„_—-"


def heading_spacing(groups: list[Group]) -> int:
    """The blank lines a plain heading needs before it: where the text's keyword headings (three
    or more) stand two blank lines further apart than its paragraphs do, a line in capitals set
    off like a paragraph ("AVE ATQUE VALE", an inscription quoted in a chapter) is no heading.
    0 where the text spaces its headings like its paragraphs (most MIA pages)."""
    spaced = sorted(
        g.blank_before
        for g in groups[1:]
        if len(g.lines) == 1 and keyword_heading(g.text) is not None
    )
    if len(spaced) < 3:
        return 0
    usual = Counter(g.blank_before for g in groups[1:]).most_common(1)[0][0]
    headed = spaced[len(spaced) // 2]
    return usual + 1 if headed >= usual + 2 else 0

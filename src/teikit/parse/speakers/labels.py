"""Speaker-label candidates at the start of a paragraph.

Recognises the forms printed plays, interviews, hearings and dialogues use::

    JACK.  How are you?            LADY BRACKNELL.               Algernon. [Aside.] text
    Q: text    Question: text      Mr. ROBESON: text             THE CHAIRMAN1: text
    _Gudfinna._                    _The Boy (throws his dart)._  ROSINE, à part.

A paragraph may yield several candidates (``J.`` / ``J. V. Stalin:``); the document-level rules in
``select.py`` decide which, if any, is a speaker. Nothing here knows any character's name: a label
is judged only by its shape (capitalised words, titles, initials, a ``.`` or ``:`` terminator).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import islice

from ...quickinit import quick_init

# Abbreviated titles whose dot does not end a label ("Mr. ROBESON:", "Mrs. Upjohn.").
TITLES = frozenset(
    "mr mrs ms messrs dr st rev revd capt col gen lt sgt prof hon mme mlle mm fr hr sr sra "
    "srta m gov sen rep pres supt insp".split()
)
# Lower-case words allowed inside a name ("Duke of York", "Sigismund von Rettenmayer").
CONNECTORS = frozenset(
    "of the de du des la le les von van der den del della di da dos das y e et and und & "
    "zu zum zur ten ter bin ibn al el и og och".split()
)
# First words that make a heading, not a speaker ("ACT I.", "SCENE 2.", "Chapter IV:").
STRUCTURAL = frozenset(
    "act acts scene scenes chapter part book akt aufzug auftritt szene acte scène scene tableau "
    "atto scena acto escena действие явление картина сцена глава note notes nota p.s ps n.b nb "
    "source sources footnote footnotes contents index appendix table figure fig errata erratum "
    "corrigenda addenda glossary bibliography preface kapitola rozdział fejezet hoofdstuk "
    "capitolul poglavje kapittel dějství felvonás bedrijf actul scéna výstup jelenet "
    "tooneel".split()
)
# Divisions an ordinal word may open ("Erster Aufzug", "Second Scene", "Третье действие").
DIVISIONS = frozenset(
    "act scene akt aufzug auftritt szene acte scène tableau atto scena acto escena jornada "
    "действие явление картина сцена dějství felvonás bedrijf actul scéna výstup jelenet "
    "tooneel".split()
)
# Collective speakers ("ALL.", "BOTH.", "Omnes."): recorded as groups, never taken for words.
GROUP_WORDS = frozenset(
    "all both omnes ambo alle beide tous toutes tutti todos ambos все оба chorus crowd others "
    "everybody everyone several voices men women people servants guests ladies gentlemen".split()
)
# A well-formed roman numeral (not any word of its letters: "VIL." abbreviates Villuppo).
_ROMAN = re.compile(r"^(?=.)M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})$", re.I)
# The leading lookahead only lets the engine skip ahead to a digit or terminator (a match
# starts with one or the other); it is several times faster on long paragraphs.
_TERMINATOR = re.compile(
    r"(?=[\d.:])(?P<note>(?<=[^\W\d_])\d{1,3})?(?P<term>[.:])(?P<close>_?)(?=\s|$)"
)
_INNER = re.compile(
    r"^(?P<name>.*?)(?P<inner>\s*\([^()]{1,80}\)|\s*\[[^\[\]]{1,40}\]|\s*,\s*[^\W\d_A-Z][^.:]{0,120})$"
)
_EDITORIAL = re.compile(r"\s*\[[^\[\]]{1,40}\](?=\s+\S)")
_ORDINAL = re.compile(r"^\d{1,2}\.\s+")  # "1. KIND.", "2. Citizen."
_MAX_HEAD = 70
# Every label's name opens with a letter (perhaps after apostrophes, an italic marker, an
# ordinal or an editor's bracket), so a text opening with other punctuation ("“Well,", "(He
# goes.)", "— Yes") has none.
_NO_LABEL = re.compile(r"\s*[^\w\s'’\[]")
_TOKEN = re.compile(r"\S+")
# Where a label other than a name in capitals could end or open in a paragraph's first
# characters (a terminator, a direction's bracket, an italic marker, a second line), and the
# punctuation whose absence leaves a bare name ("HAMLET") possible.
_LABEL_MARK = re.compile(r"[.:(\[_\n]")
_STOP = re.compile(r"[.:;!?,]")
_SPACES = re.compile(r"\s*")


def _blanks_end(text: str, at: int) -> int:
    """Where the blanks from ``at`` on end (a ``\\s`` blank is what ``str.strip`` takes away; the
    rest of a long paragraph is not copied to find out)."""
    match = _SPACES.match(text, at)
    assert match is not None  # (an empty run matches)
    return match.end()


# A name (perhaps with an editor's insertion, "LOUIS [WOYZECK]") and then a direction in brackets
# or parentheses, with or without a terminator after it: "Mephistopheles [allein.]",
# "Хлестаков (ходит и разнообразно сжимает свои губы; наконец говорит …).".
_DIRECTED = re.compile(
    r"(?P<name>[^\W\d_][^\[\]()\n:;!?]{0,60}?)(?P<editorial>\s*\[[^\[\]\n]{1,40}\])?"
    r"[ \t]*\n?[ \t]*(?P<inner>\[[^\[\]\n]{1,300}\]|\([^()\n]{1,300}\))(?P<term>[.:]?)(?=\s|$)"
)


@quick_init
@dataclass(frozen=True, slots=True)
class Label:
    """A possible speaker label at the start of a paragraph's leading text."""

    verbatim: str  # as printed, terminator included ("THE CHAIRMAN1:", "_Gudfinna._")
    name: str  # the speaker's name as printed ("THE CHAIRMAN", "Gudfinna", "The Boy")
    note: str  # a note number glued to the name ("1"), or ""
    term: str  # "." or ":" (or "" for a bare name alone in its paragraph)
    upper: bool  # the name is printed in capitals
    alone: bool  # nothing follows the label in its paragraph
    italic: bool  # the label is wrapped in emphasis markers
    length: int  # characters of the leading text the label (and following blanks) covers
    weak: bool = False  # the name has lower-case words ("Частный пристав", "Die zweite Magd")
    directed: bool = False  # a direction in brackets follows the name ("Faust [allein.]")
    clause: bool = False  # a comma clause follows the name ("ROSINE, à part.")
    # The name's comparison key (``name_key``), made once: the rules ask for it very often.
    key: str = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "key", name_key(self.name))

    @property
    def style(self) -> tuple[bool, str, bool, bool]:
        return (self.upper, self.term, self.alone, self.italic)


@lru_cache(maxsize=8192)
def name_key(name: str) -> str:
    """A comparison key: case-folded words without dots or titles' punctuation."""
    folded = unicodedata.normalize("NFKC", name).casefold().replace("’", "'")
    words = [w.strip(".,;:'") for w in folded.split()]
    return " ".join(w for w in words if w)


_ITALIC_NAME = re.compile(
    r"^_(?P<name>[^_\n]{1,60}?)_(?P<inner>\s*\(_?[^()\n]{1,80}\))?(?P<note>)(?P<term>[.:])(?P<close>)(?=\s|$)"
)


def capitalised_head(name: str) -> str:
    """The key of the words before the first lower-case word ("Altmayer leise" → "altmayer"),
    or "" when there is none."""
    words = name.split()
    for k, word in enumerate(words[1:], start=1):
        if word[:1].isalpha() and word[:1].islower() and word.casefold() not in CONNECTORS:
            return name_key(" ".join(words[:k]))
    return ""


def candidates(text: str) -> list[Label]:
    """Every label shape at the start of ``text``, shortest first."""
    if _NO_LABEL.match(text):
        return []
    if _LABEL_MARK.search(text, 0, _MAX_HEAD + 10) is None and _STOP.search(text):
        # (most paragraphs of prose) nothing below can match but a name in capitals
        caps = _caps_label(text)
        return [caps] if caps is not None else []
    found: list[Label] = []
    italic_name = _ITALIC_NAME.match(text)
    if italic_name and is_name(italic_name.group("name").strip()):
        # "_Halla_ (_to Jon's Wife_). Your husband…": italic name, direction, then the terminator.
        end = italic_name.end()
        gap_end = _blanks_end(text, end)
        name = italic_name.group("name").strip()
        return [
            Label(
                text[:end],
                name,
                "",
                italic_name.group("term"),
                _is_upper(name),
                gap_end == len(text),
                True,
                gap_end,
            )
        ]
    italic = text.startswith("_")
    start = 1 if italic else 0
    ordinal = _ORDINAL.match(text)
    if ordinal:
        start = ordinal.end()
    # A match past _MAX_HEAD ends the search, so the scan stops a few characters after it (the
    # note digits, closing marker and lookahead); ``$`` at that bound cannot match this early.
    for match in _TERMINATOR.finditer(text, start, start + _MAX_HEAD + 8):
        head = text[start : match.start()]
        if len(head) > _MAX_HEAD or head.count("\n") > 1:
            break
        if (
            "\n" in head
            and head.split("\n", 1)[1].lstrip()[:1] not in ("(", "[")
            and not (head.split("\n", 1)[1].lstrip()[:1].islower())
        ):
            break  # a second line belongs to a label only as a direction ("Licht\nhalblaut.")
        titled = match.group("term") == "." and _title_speaker(head, text, match.end())
        name = head.strip() if titled else _name_part(" ".join(head.split()))
        # ("Лопахин\n(прислушивается)." spans two lines)
        if name is not None and ordinal:
            name = text[: ordinal.end()] + name
        if name is None:
            if match.group("term") == "." and _ends_with_abbreviation(head):
                continue  # "Mr." / "J." inside a longer label
            break
        if (
            not titled
            and match.group("term") == "."
            and (head.rsplit(None, 1) or [""])[-1].casefold().lstrip("'’") in TITLES
        ):
            continue  # "Was Mr. Dombey pleased": a title's dot ends no label
        if italic and not match.group("close"):
            continue  # "_Gudfinna._": the label ends after the closing marker
        gap_end = _blanks_end(text, match.end())
        found.append(
            Label(
                verbatim=text[: match.end()],
                name=name,
                note=match.group("note") or "",
                term=match.group("term"),
                upper=_is_upper(name),
                alone=gap_end == len(text),
                italic=italic,
                length=gap_end,
                weak=is_weak(name),
                clause="," in head and _has_clause(head, name),
            )
        )
        if match.group("term") == ":":
            break  # a colon always ends the label
    if not found:
        bare = _bare_label(text)
        if bare is not None:
            found.append(bare)
    caps = _caps_label(text)
    if caps is not None and all(c.length > caps.length for c in found):
        found.insert(0, caps)
    if "\n" in text[:_MAX_HEAD]:
        lined = _lined_label(text)
        if lined is not None:
            found = [c for c in found if c.length != lined.length]
            found.append(lined)
            found.sort(key=lambda c: c.length)
    if "_" in text[1:_MAX_HEAD]:
        directed_italic = _italic_directed_label(text)
        if directed_italic is not None:
            found = [c for c in found if c.length != directed_italic.length]
            found.append(directed_italic)
            found.sort(key=lambda c: c.length)
    bracket = text.find("[", 0, 62), text.find("(", 0, 62)
    if bracket != (-1, -1):
        directed = _directed_label(text)
        if directed is not None:
            # "Жена Луки Лукича (бежит вперед).": the same label, known to carry a direction.
            found = [c for c in found if c.length != directed.length]
            found.append(directed)
            found.sort(key=lambda c: c.length)
    return found


_MAX_DIRECTION = 12  # words of a direction printed on the line under the name


def _lined_label(text: str) -> Label | None:
    """A name alone on its line and a direction in lower case on the next, closed by a full stop
    ("Adam\nsieht sich um.", "Erste Magd\ntritt auf.", "1. HANDWERKSBURSCH\npredigt auf dem
    Tisch."), as DraCor's plain text prints a speaker whose turn opens with a direction. The
    label is both lines; its name is the first."""
    first_end = text.find("\n")
    start = 0
    ordinal = _ORDINAL.match(text, 0, first_end)
    if ordinal:
        start = ordinal.end()
    name = text[start:first_end].strip()
    if not name or any(c in name for c in ".:;!?,[]()"):
        return None
    second_end = text.find("\n", first_end + 1)
    if second_end < 0:
        second_end = len(text)
    direction = text[first_end + 1 : second_end].strip()
    if (
        not direction[:1].isalpha()
        or not direction[:1].islower()
        or not direction.endswith(".")
        or len(direction.split()) > _MAX_DIRECTION
        or not is_name(name)
    ):
        return None
    if ordinal:
        name = text[: ordinal.end()] + name
    end = text.rfind(".", 0, second_end) + 1
    gap_end = _blanks_end(text, end)
    return Label(
        verbatim=text[:end],
        name=name,
        note="",
        term="",
        upper=_is_upper(name),
        alone=gap_end == len(text),
        italic=False,
        length=gap_end,
        weak=is_weak(name),
        directed=True,
    )


_DIRECTION = re.compile(r"(?:\[[^\[\]\n]{1,300}\]|\([^()\n]{1,300}\))[.:]?(?=\s|$)")


# A chorus and the member who speaks for it: "Chor. (Cajetan.)", "CHORUS (BOHEMUND)".
_CHORUS = frozenset("chor chorus coro choeur chœur хор halbchor".split())
_MEMBER = re.compile(r"^\(\s*(?P<member>[^()\n]{1,40}?)\.?\s*\)$")


def _directed_label(text: str) -> Label | None:
    """A name followed by a direction in brackets or parentheses. With a terminator after the
    direction the label spans both (as "ROSINE, à part." does); without one the label is the
    name alone and the direction opens the speech ("Faust [zusammenstürzend.] Nicht dir?").
    A chorus may print its own terminator before the member who speaks ("Chor. (Cajetan.)"):
    the label is both, the line's whole text."""
    match = _DIRECTED.match(text)
    if match is None:
        return None
    name = match.group("name").strip()
    if name.endswith(".") and name[:-1].casefold() in _CHORUS and not match.group("term"):
        member = _MEMBER.match(match.group("inner"))
        if member is None or not is_name(member.group("member")):
            return None
        return _directed(text, match.end(), name[:-1], ".", weak=False)
    if not is_name(name):
        return None
    if match.group("term"):
        end = match.end()
    elif match.group("editorial"):
        end = match.end("editorial")
    else:
        end = len(match.group("name").rstrip())
    return _directed(text, end, name, match.group("term"), weak=is_weak(name))


def _directed(text: str, end: int, name: str, term: str, *, weak: bool) -> Label:
    """The label of ``text`` up to ``end``: ``name`` and the direction printed with it."""
    gap_end = _blanks_end(text, end)
    return Label(
        verbatim=text[:end],
        name=name,
        note="",
        term=term,
        upper=_is_upper(name),
        alone=gap_end == len(text),
        italic=False,
        length=gap_end,
        weak=weak,
        directed=True,
    )


# A name, then its direction in italics, then the terminator: "Un Soldat _avance_:".
_ITALIC_DIRECTED = re.compile(
    r"(?P<name>[^\W\d_][^_\[\]()\n:;!?.]{0,40}?)\s+_(?P<inner>[^_\n]{1,80})_\s*(?P<term>[.:])(?=\s|$)"
)


def _italic_directed_label(text: str) -> Label | None:
    """A name followed by a direction in italic markers and the terminator ("Un Soldat
    _avance_:", "Plusieurs _avancent_:"): the label spans all three. The direction opens in
    lower case (a name in italics after another is two names, not a direction)."""
    match = _ITALIC_DIRECTED.match(text)
    if match is None or not match.group("inner")[:1].islower():
        return None
    name = match.group("name").strip()
    if not is_name(name):
        return None
    return _directed(text, match.end(), name, match.group("term"), weak=is_weak(name))


_SUPPLIED = re.compile(r"\s*\[(?P<name>[^\[\]\n]{1,40})\]")


def chorus_member(label: Label) -> str:
    """The member who speaks for a chorus ("Chor. (Cajetan.)", "CHORUS (BOHEMUND)." →
    "Cajetan", "BOHEMUND"), or ""."""
    if name_key(label.name) not in _CHORUS:
        return ""
    at = label.verbatim.find("(")
    end = label.verbatim.rfind(")")
    if at < 0 or end < at:
        return ""
    member = _MEMBER.match(label.verbatim[at : end + 1])
    if member is None:
        return ""
    name = member.group("member").strip()
    if name_key(name) in GROUP_WORDS:
        return ""  # "Chor. (Alle.)": the whole chorus
    return name if is_name(name) else ""


def supplied_name(label: Label) -> str:
    """The name an editor put in brackets after the printed one ("LOUIS [WOYZECK]." → "WOYZECK"),
    or "". Editions print the manuscript's name and supply in brackets who speaks; whether that
    is a speaker is for the caller to check ("HAMLET [Aside]" supplies no one)."""
    at = label.verbatim.find("[")
    if at < 0:
        return ""
    name_end = label.verbatim.find(label.name.split()[-1]) + len(label.name.split()[-1])
    match = _SUPPLIED.match(label.verbatim, name_end)
    if match is None:
        return ""
    supplied = match.group("name").strip()
    return supplied if is_name(supplied) and _is_upper(supplied) == label.upper else ""


def _title_speaker(head: str, text: str, end: int) -> bool:
    """A title alone in capitals is the speaker when speech follows it, not a name: "GEN.  All
    wel, my soueraigne" (the General), "CAPT.  Aye" — not "Mr. Dombey", nor "GEN. SMITH"."""
    word = head.strip()
    if not (len(word) >= 3 and word.isupper() and word.casefold() in TITLES):
        return False
    rest = text[end:]
    following = rest.split(None, 1)[0] if rest.strip() else ""
    return bool(following) and not following.isupper() and rest[:1].isspace()


def _has_clause(head: str, name: str) -> bool:
    """A comma follows the name in the label head ("ROSINE, à part")."""
    at = head.find(name.split()[-1]) if name.split() else -1
    return at >= 0 and head[at + len(name.split()[-1]) :].lstrip()[:1] == ","


def _caps_label(text: str) -> Label | None:
    """A name in capitals run into its speech without terminator ("ROBIN Now, fair…")."""
    first = _TOKEN.search(text, 0, 200)
    if first is None or not _caps_word(first.group()) or not first.group()[-1].isalpha():
        return None  # most paragraphs: no capitals at the start
    tokens = list(islice(_TOKEN.finditer(text, 0, 200), 6))  # a name is at most four tokens
    count = 0
    while (
        count < min(4, len(tokens))
        and _caps_word(tokens[count].group())
        and tokens[count].group()[-1].isalpha()
    ):
        count += 1
    if count == 0 or count >= len(tokens):
        return None
    following = tokens[count].group()
    if _caps_word(following.strip(",.;:!?")):
        return None  # a heading or a shouted line in capitals
    name = text[: tokens[count - 1].end()]
    if not is_name(name):
        return None
    # "KARL [jauchzend.]": a direction closes the name (not "MIND THE PAINT (the song), words…")
    directed = bool(_DIRECTION.match(text, tokens[count].start()))
    return Label(name, name, "", "", True, False, False, tokens[count].start(), directed=directed)


def _bare_label(text: str) -> Label | None:
    """A name alone in its paragraph without terminator ("HAMLET", "Mephistopheles"), perhaps
    numbered ("1. HANDWERKSBURSCH")."""
    ordinal = _ORDINAL.match(text) if text[:1].isdigit() else None
    start = ordinal.end() if ordinal else 0
    if any(c in text[start:] for c in ".:;!?,"):  # (most paragraphs)
        return None
    stripped = text.strip()
    if not stripped or stripped != text.rstrip():
        return None
    name = _name_part(stripped[start:])
    if name is None:
        return None
    if ordinal:
        name = text[:start] + name
    return Label(stripped, name, "", "", _is_upper(name), True, False, len(text), is_weak(name))


def _name_part(head: str) -> str | None:
    """The name in a label head, or None when the head is not name-shaped."""
    if "," not in head and "(" not in head and "[" not in head and len(head.split(None, 6)) > 6:
        return None  # (a sentence: a name is at most six words, and none is cut off here)
    if "[" in head:
        head = _EDITORIAL.sub("", head)  # "LOUIS [WOYZECK] lauscht": an editor's insertion
    # The inner part ends the head: a direction closed there, or a comma clause (tried only then:
    # the pattern is slow on the sentences most heads are).
    closed = head[:-1] if head.endswith("\n") else head
    match = _INNER.match(head) if "," in head or closed.endswith((")", "]")) else None
    if (
        match
        and match.group("inner").lstrip().startswith(",")
        and _speech_like(match.group("inner"))
    ):
        match = None
    name = match.group("name") if match and match.group("name").strip() else head
    name = name.strip()
    if (
        name != head.strip()
        and head.strip()[len(name) :].lstrip().startswith(",")
        and is_weak(name)
    ):
        return None  # "Sveinungi and Jon appear, carrying the chest": a direction, not a name
    return name if is_name(name) else None


def _speech_like(clause: str) -> bool:
    """A comma clause after a name is a direction ("ROSINE, à part") unless it reads like
    speech: a capitalised word inside it ("LYSANDER , waking up And run through fire I will")."""
    words = clause.strip(" ,").split()
    if " I " in f" {clause} ":
        return True
    return len(words) > 8 and any(
        w[:1].isupper() and nxt[:1].islower() for w, nxt in zip(words[1:], words[2:], strict=False)
    )  # "à part, à Bazile" names someone; "waking up And run through fire" is verse


REPORTING_VERBS = frozenset(
    "said says quoth asked asks replied replies answered answers cried cries continued added "
    "whispered exclaimed shouted muttered repeated retorted rejoined observed remarked".split()
)


PRONOUNS = frozenset("I He She We They You It".split())


def _numbered_capitals(words: list[str]) -> bool:
    """ "I CIT", "I SERV": the first of several persons of one name, numbered in capitals
    (beside "II CIT"), not the pronoun."""
    return (
        words[0] == "I" and len(words) <= 3 and all(w.isupper() and len(w) > 1 for w in words[1:])
    )


@lru_cache(maxsize=8192)
def is_name(name: str) -> bool:
    """Name-shaped: 1–6 capitalised words, titles, initials and lower-case connectors."""
    words = name.split()
    if not 1 <= len(words) <= 6 or words[0].strip("._").casefold() in STRUCTURAL:
        return False
    if len(words) > 1 and words[1].strip("._").casefold() in DIVISIONS:
        return False  # "Eilfter Auftritt", "Second Act": an ordinal and a division
    if any(w.strip("._,").casefold() in REPORTING_VERBS for w in words):
        # "Said I:", "Quoth Dick:" report speech in a narrative; no one is named "Said"
        return False
    if len(words) > 1 and (
        (words[0] in PRONOUNS and not _numbered_capitals(words))
        or any(w[:1].islower() and w.rstrip(".,").endswith("ed") for w in words[1:])
    ):
        return False  # "I smiled.", "Dick laughed.": narration, not a speaker label
    if len(words) == 1 and len(words[0]) > 1 and _ROMAN.match(words[0]) and words[0].isupper():
        return False  # "II." numbers a section ("VIL." for Villuppo is no numeral)
    meaningful = 0
    lower = 0
    for i, word in enumerate(words):
        bare = word.strip("'’")
        if bare.endswith("."):
            core = bare[:-1]
            if (
                core.casefold() in TITLES
                or (len(core) == 1 and core.isupper())
                or _dotted_initials(bare)
            ):
                continue
            return False
        if i > 0 and bare.casefold() in CONNECTORS:
            continue
        if i > 0 and len(words) <= 4 and _lower_word(bare):
            lower += 1
            if lower > 2:
                return False
            continue
        if not _name_word(bare):
            return False
        if len(words) == 1 or bare.casefold() not in TITLES:
            meaningful += 1
    if (
        len(words) == 1
        and words[0].casefold() in TITLES
        and not (len(words[0]) >= 3 and words[0].isupper())
    ):
        return False  # "Mr" of "Mr. ROBESON:" (but "GEN" is the General, see _title_speaker)
    if lower and any(_caps_word(w) for w in words):
        return False  # "TOBY Come on": a name in capitals, then the speech
    return meaningful > 0


def _caps_word(word: str) -> bool:
    if not word.isupper():
        return False  # (most words: a lower-case letter, or none cased)
    letters = [c for c in word if c.isalpha()]
    return (
        len(letters) >= 2
        and all(c.isupper() for c in letters)
        and word.strip(".").casefold() not in TITLES
    )


def _lower_word(word: str) -> bool:
    return (
        bool(word)
        and word[0].isalpha()
        and word[0].islower()
        and all(c.isalpha() or c in "-'’" for c in word)
    )


@lru_cache(maxsize=8192)  # (a play prints each name hundreds of times)
def is_weak(name: str) -> bool:
    """A word in lower case after the first that is no connector ("Die zweite Magd")."""
    words = name.split()
    return any(_lower_word(w) and w.casefold() not in CONNECTORS for w in words[1:])


def _dotted_initials(word: str) -> bool:
    return bool(re.fullmatch(r"(?:[^\W\d_]\.){2,4}", word)) and word[0].isupper()


_GLUED_INITIAL = re.compile(r"[^\W\d_]\.[^\W\d_][\w'’-]*")


def _name_word(word: str) -> bool:
    if not word or not word[0].isalpha() or not word[0].isupper():
        return False
    if "." in word:
        # An initial glued to the name, as old prints abbreviate ("K.Iohn", "Q.Mar").
        return bool(_GLUED_INITIAL.fullmatch(word)) and word[2].isupper()
    return all(c.isalpha() or c in "-'’&" for c in word)


_NOT_NAME_WORDS = TITLES | CONNECTORS  # (made once: a set union per word is costly)


@lru_cache(maxsize=8192)  # (a play prints each name hundreds of times)
def _is_upper(name: str) -> bool:
    letters = [
        c
        for w in name.split()
        if w.strip(".").casefold() not in _NOT_NAME_WORDS
        for c in w
        if c.isalpha()
    ]
    if not letters and all(w.strip(".").casefold() in TITLES for w in name.split()):
        letters = [c for c in name if c.isalpha()]  # a title alone ("GEN") is the name itself
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def _ends_with_abbreviation(head: str) -> bool:
    last = head.split()[-1] if head.split() else ""
    last = last.lstrip("_")
    return last.casefold() in TITLES or (len(last) == 1 and last.isalpha() and last.isupper())

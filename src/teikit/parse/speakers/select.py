"""Which label candidates are speakers: decided once per document from the whole text.

A shape alone is weak evidence (``Yes.`` and ``Note:`` look like labels), so a candidate becomes
a speaker label when the document confirms it:

- it recurs (two or more paragraphs open with it), is not a common word (a single title-case word
  that the text also uses in lower case, like "yes" or "well", is a word, not a name), and uses the
  terminator (``.`` or ``:``) the document's labels use; or
- it occurs once but has exactly the document's dominant label style (capitals or not, terminator,
  alone in its paragraph or not, italic or not) in a text that already has several labelled turns
  (the one-line "A SERVANT." of a play); or
- it names someone in the cast list.

A document needs at least four labelled turns by two speakers (or an interviewer's ``Q:`` labels)
before any label counts, so ordinary prose with a stray "Note:" keeps its paragraphs; and its
turns must come close together, as dialogue's do: a handful of name lines spread over hundreds
of paragraphs (a novel's half-title, the signatures under quoted letters) is no run of speeches.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from .inlines import is_whole_stage
from .labels import GROUP_WORDS, Label, candidates, capitalised_head
from .words import WordCounts

INTERVIEWER_KEYS = frozenset(
    {"q", "question", "questions", "interviewer", "int", "frage", "вопрос"}
)
ANSWER_KEYS = frozenset({"a", "answer", "antwort", "ответ", "réponse"})
# Words that open sentences in many languages and are never speaker names on their own.
COMMON_WORDS = frozenset(
    "yes no oh ah aha well so but and then now here there what why how who where when "
    "nothing never indeed quite certainly thanks thank good very exactly perhaps sure "
    "listen look see hush "
    "ja nein doch also gut ach oui non mais bien alors si sí no да нет ну вот так".split()
)
ENDINGS = frozenset(
    {"the end", "end", "curtain", "finis", "fin", "ende", "конец", "the curtain", "slow curtain"}
)
# The persons already on stage, named again over a new scene ("Vorige.", "Les mêmes."): a
# direction, never a speaker.
SAME_PERSONS = frozenset(
    {
        "vorige",
        "voriger",
        "vorigen",
        "die vorigen",
        "dieselben",
        "les mêmes",
        "les memes",
        "the same",
        "los mismos",
        "gli stessi",
        "os mesmos",
        "те же",
    }
)
# A pause printed like a label ("Пауза.", "Long pause.") is a direction, never a speaker.
PAUSES = frozenset({"pause", "pausa", "пауза", "молчание", "pauze", "paus", "tauko"})


def is_pause(text: str) -> bool:
    """The paragraph is only a pause ("Пауза.", "Long pause."): a direction printed bare."""
    if len(text.split(None, 3)) > 3:
        return False  # (most paragraphs; full stops made spaces would only add words)
    words = text.casefold().replace(".", " ").split()
    return 0 < len(words) <= 3 and words[-1] in PAUSES


# Metadata labels a front-matter reader may have left in the body ("Public Domain: …").
FIELD_KEYS = frozenset(
    {
        "source",
        "sources",
        "published",
        "first published",
        "written",
        "translated",
        "translation",
        "transcribed",
        "transcription",
        "markup",
        "html markup",
        "proofread",
        "proofreader",
        "copyleft",
        "copyright",
        "public domain",
        "fair use",
        "online version",
        "delivered",
        "publisher",
        "editor",
        "edited",
        "release date",
        "language",
        "produced by",
        "credits",
        "discussed",
        "date",
        "title",
        "author",
        "note",
        "notes",
    }
)
# Words that open a stage direction or a sentence, never a name ("Enter Kari.", "In Hungary.").
NOT_FIRST = frozenset(
    "end curtain enter enters exit exeunt re-enter reenter manet manent in on at by for from "
    "with to into after before during under over about as if when while".split()
)
# Words that open a stage direction ("Enter Kari.", "Exeunt omnes."), never a name.
STAGE_VERBS = frozenset(
    # "Ex." abbreviates Exit/Exeunt in old prints ("Ex. Lords."); the sounds and alarms of
    # Elizabethan directions open a line as a name would ("Alarums, excursions, Retreat.").
    "end curtain enter enters exit exeunt ex re-enter reenter manet manent alarum alarums "
    "allarum allarums flourish sennet excursions hautboys".split()
)
# Last words of an exit or entrance printed like a label ("Die Magd ab.", "Erste Magd tritt
# auf.", "Варвара уходит."): the name, then the verb in lower case.
EXITS = frozenset(
    "ab auf exit exeunt exits enters sort sortent entre entrent rentre part parte partono entra "
    "entrano sale salen vase vanse уходит уходят входит входят выходит выходят".split()
)
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


def never_a_name(key: str) -> bool:
    """A closing formula, a field label, a stage verb or a pause: no speaker, however and
    wherever it is printed ("CURTAIN.", "Source:", "Enter Kari.", "Long pause.")."""
    words = key.split()
    return (
        key in ENDINGS
        or key in FIELD_KEYS
        or key in SAME_PERSONS
        or words[0] in STAGE_VERBS
        or words[-1] in PAUSES
    )


def word_shaped(key: str) -> bool:
    """Shaped like words of a sentence rather than a name ("Yes.", "Gut denn.", "In Hungary.")."""
    words = key.split()
    return key in COMMON_WORDS or words[0] in NOT_FIRST or words[-1] in COMMON_WORDS


MIN_TURNS = 4
# The most paragraphs a typical turn runs to (the median distance between labelled units). Plays
# and transcripts measure 1-3 (an interview with long answers 7); a novel's stray name lines are
# a hundred and more apart.
MAX_TURN_GAP = 24


@dataclass(frozen=True)
class LabelRules:
    """The document's speaker labels: ``label_of(text)`` returns the label opening ``text``."""

    accepted: frozenset[str] = frozenset()
    dominant: tuple[bool, str, bool, bool] | None = None
    counts: dict[str, int] = field(default_factory=dict)
    # The candidates of each text already read (a pure function of the text; the same texts
    # are looked up several times per document).
    seen: dict[str, list[Label]] = field(default_factory=dict, compare=False, repr=False)

    def label_of(self, text: str) -> Label | None:
        if not self.accepted:
            return None
        cands = self.candidates(text)
        if self.dominant is not None and any(c.clause for c in cands):
            # A name and a comma clause ("ROSINE, à part.") in the case the play prints its
            # labels in; in the other case it is a sentence opening with a name ("Wagner,
            # commend me to my dearest friends." where the labels read "WAGNER.").
            cands = [c for c in cands if not c.clause or c.upper == self.dominant[0]]
        return _longest(cands, self.accepted)

    def candidates(self, text: str) -> list[Label]:
        found = self.seen.get(text)
        if found is None:
            found = self.seen[text] = candidates(text)
        return found

    @property
    def alone_style(self) -> bool:
        """Labels stand alone in their paragraph and the speech follows in the next ones."""
        return bool(self.dominant and self.dominant[2])


def learn(
    texts: list[str],
    cast_text: str = "",
    followers: list[str] | None = None,
    seen: dict[str, list[Label]] | None = None,
    placed: list[bool] | None = None,
) -> LabelRules:
    """Decide the speaker labels of a document from the leading text of all its paragraphs.

    ``followers[i]`` is the text of the paragraph after ``texts[i]`` ("" when a heading, a
    division or the end follows): a name alone that is followed by a direction or by nothing is a
    heading ("Nacht."), not a speaker. ``seen`` keeps the candidates of texts already read (for
    a second look at the same document). ``placed[i]`` tells that the layout shows ``texts[i]``
    to open a speech (``parse.speechlines``): a name mostly printed there is a name even if the
    text also uses it as a word ("Art." for Arthur beside "thou art").
    """
    seen = seen if seen is not None else {}
    for text in texts:
        if text not in seen:
            seen[text] = candidates(text)
    per_text = [seen[text] for text in texts]
    followers = followers if followers is not None else [""] * len(texts)
    counts: Counter[str] = Counter(c.key for cands in per_text for c in cands)
    placed_counts: Counter[str] = Counter(
        c.key
        for cands, at_opening in zip(per_text, placed or [False] * len(texts), strict=True)
        if at_opening
        for c in cands
    )
    lower_count = WordCounts(lambda: "\n".join(texts)).lower
    cast_keys = _cast_words(cast_text)
    cast_hits: dict[str, bool] = {}

    def in_cast(label: Label) -> bool:
        if label.key not in cast_hits:
            cast_hits[label.key] = _in_cast(label, cast_keys)
        return cast_hits[label.key]

    def in_cast_key(key: str) -> bool:
        return cast_hits.get(key, False)

    def plausible(label: Label) -> bool:
        key = label.key
        if label.weak and counts[key] < 2:
            return False
        words = key.split()
        if (
            placed_counts[key] >= 2
            and placed_counts[key] * 2 >= counts[key]
            and not label.weak
            and not never_a_name(key)
        ):
            return True  # set where the text's speeches open: "And." is Sir Andrew
        if (
            never_a_name(key)
            or word_shaped(key)
            or (label.weak and (words[0] in COMMON_WORDS or words[-1] in EXITS))
        ):
            return False  # "Yes.", "Gut denn.", "Die Magd ab."
        if len(key) == 1 and key not in INTERVIEWER_KEYS | ANSWER_KEYS:
            return False  # "B." numbers a paragraph
        if " " not in key and not label.upper and len(key) > 1 and key not in GROUP_WORDS:
            return lower_count(key) <= 2 * counts[key] + 2
        return True

    # A recurring name always followed by a comma clause is a sentence's opening words ("Mein
    # Seel, …"): a speaker is printed without a direction at least once.
    plain = {c.key for cands in per_text for c in cands if not c.clause}
    strong = {
        c.key
        for cands in per_text
        for c in cands
        if counts[c.key] >= 2 and c.key in plain and plausible(c)
    } | {c.key for cands in per_text for c in cands if in_cast(c) and plausible(c)}
    styles: Counter[tuple[bool, str, bool, bool]] = Counter()
    terms: Counter[str] = Counter()
    for cands in per_text:
        if cands:
            chosen = _longest(cands, strong)
            if chosen is not None:
                styles[chosen.style] += 1
                terms[chosen.term] += 1
    if not styles:
        return LabelRules()
    dominant = styles.most_common(1)[0][0]
    # Names alone in their paragraph are labels too when the text prints a fair share of its
    # labels that way (DraCor's plain text mixes both); where it never does, they are headings.
    alone_share = sum(n for style, n in styles.items() if style[2]) / sum(styles.values())
    allow_alone = alone_share >= 0.2
    term = terms.most_common(1)[0][0]
    agree: Counter[str] = Counter()
    for cands in per_text:
        for c in cands:
            if c.key in strong and _fits(c, term) and _agrees(c, dominant, allow_alone):
                agree[c.key] += 1
    # A label must be printed the way the document prints its speakers, most of the time.
    accepted = {key for key, n in agree.items() if 2 * n >= counts[key]}
    if term == ".":
        # Transcripts of questions and answers ("Q." / "A.") also print named turns with a colon.
        accepted |= {
            c.key
            for cands in per_text
            for c in cands
            if c.key in strong and c.term == ":" and not c.weak and " " in c.key
        }
    if allow_alone:
        # Where labels stand alone, a recurring bare name is a label without its full stop.
        accepted |= {
            c.key
            for cands in per_text
            for c in cands
            if c.key in strong and c.term == "" and c.alone and _agrees(c, dominant, allow_alone)
        }
    if not accepted & INTERVIEWER_KEYS:
        accepted -= ANSWER_KEYS  # "A." without "Q." letters a list
    # "Faust abgewendet.": a known speaker's name, then a direction in lower case.
    heads = set(accepted)
    for index, cands in enumerate(per_text):
        for c in cands:
            if (
                c.weak
                and _fits(c, term)
                and capitalised_head(c.name) in heads
                and c.key.split()[-1] not in EXITS
            ):
                if not c.alone or not _heading_before(followers[index], heads, seen, dominant[0]):
                    accepted.add(c.key)  # not "Хлестаков один." before the next label
    once: dict[str, int] = {}  # how often a name heard only there is heard elsewhere
    if dominant[2]:
        # Where labels stand alone, the text after one is its speech: a name that recurs only
        # there ("Городничий." / "Извините.") is a word of the speech, not a recurring speaker
        # (printed once elsewhere, it may still be a one-speech character).
        heard = _heard(per_text, texts, followers, accepted)
        once = {k: heard[k] for k in accepted if counts[k] >= 2 > heard[k] and not in_cast_key(k)}
        accepted -= set(once)
    opening = [_longest(cands, accepted) if cands else None for cands in per_text]
    turns = sum(1 for label in opening if label is not None)
    speakers = {label.key for label in opening if label is not None}
    if not (turns >= MIN_TURNS and len(speakers) >= 2) and not (
        speakers & INTERVIEWER_KEYS and turns >= 2
    ):
        return LabelRules()
    if not speakers & INTERVIEWER_KEYS and _scattered(opening):
        return LabelRules()
    # Single occurrences in exactly the dominant style (minor characters with one speech).
    if len(speakers - INTERVIEWER_KEYS) < 2:
        return LabelRules(frozenset(accepted), dominant, dict(counts), seen)
    labelled = [label is not None for label in opening]
    singles: list[list[Label]] = []
    for index, cands in enumerate(per_text):
        if labelled[index] or (
            cands
            and cands[-1].alone
            and _heading_before(followers[index], accepted, seen, dominant[0])
        ):
            singles.append([])  # a heading ("Nacht.") before a direction, a label or nothing
            continue
        singles.append(
            [
                c
                for c in cands
                if once.get(c.key, counts[c.key]) == 1
                and _fits(c, term)
                and (c.alone == dominant[2] or c.directed)
                # A name alone with its direction is a label where speech follows ("Жена Луки
                # Лукича (бежит вперед)."), even where labels usually run into their speech.
                and _agrees(c, dominant, allow_alone or c.directed)
                and (plausible(c) or _colon_single(c, dominant))
            ]
        )
    last = len(per_text) - 1
    speaking = _in_turns(labelled, texts) if any(singles) else []
    for index, shapes in enumerate(singles):
        if not shapes:
            continue
        # A name in lower case is a speaker in a run of turns: the paragraph before it holds a
        # whole turn (not a label whose speech is yet to come) or goes on with one (verse under
        # its label) or is a direction in brackets, and the one after it opens with a label
        # ("Zweiter. …" among the crowd's one-line speeches).
        before, after = index - 1, index + 1
        in_dialogue = (
            0 <= before
            and after <= last
            and (
                bool(singles[before])
                or _holds_speech(opening[before], texts[before])
                or (not labelled[before] and speaking[before])
                or is_whole_stage((texts[before],))  # the scene's first turn, after its direction
            )
            and (labelled[after] or bool(singles[after]))
        )
        for c in shapes:
            if (
                c.upper
                or c.alone
                or c.directed
                or in_cast(c)
                or (c.term == ":" and " " in c.key)
                or in_dialogue
            ):
                accepted.add(c.key)
    return LabelRules(frozenset(accepted), dominant, dict(counts), seen)


def _scattered(opening: list[Label | None]) -> bool:
    """The labelled units lie far apart: the median distance between one and the next is more
    than ``MAX_TURN_GAP`` units (questions and answers are exempt: an interviewer's labels are
    evidence enough, however long the answers)."""
    at = [index for index, label in enumerate(opening) if label is not None]
    gaps = sorted(b - a for a, b in zip(at, at[1:], strict=False))
    return bool(gaps) and gaps[len(gaps) // 2] > MAX_TURN_GAP


def _heard(
    per_text: list[list[Label]], texts: list[str], followers: list[str], accepted: set[str]
) -> Counter[str]:
    """How often each label opens a text that is not the speech of a label standing alone
    right before it (directions in brackets may come between). A label on the first line of
    verse is followed by its verse, not by the next unit."""
    heard: Counter[str] = Counter()
    awaiting = False
    last = len(texts) - 1
    for index, cands in enumerate(per_text):
        text = texts[index]
        label = _longest(cands, accepted) if cands else None
        if label is None:
            awaiting = awaiting and is_whole_stage((text,))
        elif awaiting:
            awaiting = False  # the speech, even if it looks like a label
        else:
            heard[label.key] += 1
            awaiting = label.alone and index < last and followers[index] == texts[index + 1]
        if awaiting and label is None and index < last and followers[index] != texts[index + 1]:
            awaiting = False
    return heard


def _heading_before(
    follower: str,
    labels: set[str] | frozenset[str],
    seen: dict[str, list[Label]],
    capitals: bool,
) -> bool:
    follower = follower.lstrip()
    if not follower or is_whole_stage((follower,)):
        return True
    found = seen.get(follower)
    if found is None:
        found = seen[follower] = candidates(follower)
    if capitals:
        return _in_capitals(found, labels) is not None
    return _longest(found, labels) is not None


def _in_capitals(cands: list[Label], keys: set[str] | frozenset[str]) -> Label | None:
    """The longest label among ``cands`` printed in capitals (or a question or answer letter):
    where a document prints its speakers in capitals, a name that is not ("Orsino." after
    "CAPTAIN") is more likely speech, so it does not show the name before to be a heading."""
    best = None
    for c in cands:
        if c.key in keys and (c.upper or c.key in INTERVIEWER_KEYS or c.key in ANSWER_KEYS):
            best = c
    return best


_SPEECH_ENDS = tuple(".!?…,;:—–-»“”\"'’)")


def _in_turns(labelled: list[bool], texts: list[str]) -> list[bool]:
    """Whether each unit is a label or speech going on after one: text that is neither a
    direction in brackets nor heading-like (short without closing punctuation)."""
    out: list[bool] = []
    going = False
    for is_label, text in zip(labelled, texts, strict=True):
        if is_label:
            going = True
        elif going:
            stripped = text.strip()
            going = (
                bool(stripped)
                and stripped[0] not in "[("
                and (stripped.endswith(_SPEECH_ENDS) or len(stripped.split()) > 8)
            )
        out.append(going)
    return out


def _holds_speech(label: Label | None, text: str) -> bool:
    """``text`` opens with ``label`` and goes on with speech, not only with a direction."""
    if label is None or label.alone:
        return False
    return text[label.length : label.length + 1] not in ("[", "(", "")


def _fits(label: Label, term: str) -> bool:
    """The label ends the way the document's labels do; a direction in brackets after the name
    ends it as well as a terminator would ("Faust [allein.]" among "Faust." labels)."""
    return label.term == term or (label.directed and not label.term)


def _agrees(label: Label, dominant: tuple[bool, str, bool, bool], allow_alone: bool) -> bool:
    upper, _, alone, italic = dominant
    # Where speeches follow their label in the same paragraph, a name alone is a heading.
    return (
        label.italic == italic
        and (label.upper or not upper)
        and (alone or allow_alone or not label.alone)
    )


def _longest(cands: list[Label], keys: set[str] | frozenset[str]) -> Label | None:
    best = None
    for c in cands:
        if c.key in keys:
            best = c
    return best


def _colon_single(label: Label, dominant: tuple[bool, str, bool, bool]) -> bool:
    """A name of a few words with lower-case ones ("Cavaliers russes:", "Voix au dehors:") heard
    once, alone with a colon where every label stands alone with one: a minor character's one
    speech. (With a full stop, such a line is as often a sentence or a heading.)"""
    words = label.key.split()
    return (
        label.weak
        and label.alone
        and label.term == ":"
        and dominant[1:3] == (":", True)
        and len(words) <= 4
        and words[0] not in COMMON_WORDS
        and words[-1] not in EXITS
        and not never_a_name(label.key)
    )


def _cast_words(cast_text: str) -> frozenset[str]:
    return frozenset(w.casefold() for w in _WORD.findall(cast_text))


def _in_cast(label: Label, cast_words: frozenset[str]) -> bool:
    if not cast_words:
        return False
    words = [w for w in label.key.split() if len(w) > 2]
    return bool(words) and all(
        w in cast_words or any(c.startswith(w) for c in cast_words) for w in words
    )

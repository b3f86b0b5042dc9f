"""Who speaks: speaker turns, cast lists, reported speech, persons and genre.

``attribute_speakers(document)`` is the pipeline's transform over the block tree. In order:

1. ``cast``      a cast list ("Dramatis Personae"…) becomes a ``CastList``;
2. ``select``    the document's speaker labels are decided from all paragraph openings;
   ``credits``   a first production's cast ("Lane: Mr. F. Kinsey Peile.") becomes one too;
3. ``people``    label names become persons (variants, abbreviations, author, groups);
4. ``turns``     labelled paragraphs become ``Speech`` turns, directions ``Stage``;
5. ``reported``  reported speech with a reporting clause becomes ``Said``;
6. ``genre``     the genre; an interview answered by the author without labels becomes the
                 author's turn, and an interviewer named only in the title is a person.

Ambiguities (an abbreviation that fits several names) are returned as warnings, never guessed.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import replace

from ...errors import Diagnostic, warning
from ...model import (
    Block,
    CastItem,
    CastList,
    Division,
    Document,
    ListBlock,
    Note,
    Paragraph,
    Quote,
    Said,
    Span,
    Speech,
    Stage,
)
from .cast import extract_cast
from .credits import credit_lists
from .directions import directions_in_parentheses, directions_out_of_labels
from .genre import classify, opening_texts, questioner, speeches, title_block
from .inlines import plain
from .labels import Label, chorus_member, is_name, name_key, supplied_name
from .people import Registry
from .reported import find_reported, with_speaker
from .select import ANSWER_KEYS, INTERVIEWER_KEYS, SAME_PERSONS, LabelRules, learn
from .turns import TurnBuilder
from .units import has_lines, leading, prepare, run_in_needles, run_in_pattern, split_run_in, units
from .verselines import one_line_speeches_as_verse
from .words import WordCounts, document_text

_INTERVIEWER = re.compile(
    r"\binterview\s+(?:with|to|given\s+to|granted\s+to)\s+(?P<article>an?\s+|the\s+)?(?P<who>[^,.;:()\n]+)",
    re.IGNORECASE,
)
_INTERVIEWED_BY = re.compile(
    r"\binterviewed\s+by\s+(?P<who>(?:[A-Z][\w’'-]+\s){1,3}?[A-Z][\w’'-]+)"
)
_ET_AL = re.compile(r"\s+(?:et\s+al\.?|and\s+others)\s*$", re.IGNORECASE)
ROLES = {
    "play": "character",
    "dialogue": "speaker",
    "hearing": "speaker",
    "interview": "interviewee",
}


def attribute_speakers(document: Document, openers: frozenset[int] = frozenset()) -> Document:
    """``openers``: numbers of the lines the layout shows to open a speech (see
    ``parse.speechlines``); a label there needs less evidence of being a name."""
    if _has_speech(document.body):
        return document  # already attributed: running the transform again changes nothing
    return _attribute(document, openers, labels=True)


def _attribute(document: Document, openers: frozenset[int], labels: bool) -> Document:
    """``attribute_speakers``; without ``labels``, as for a text that prints none."""
    diagnostics: list[Diagnostic] = []

    def warn(message: str, line: int) -> None:
        diagnostics.append(
            warning("speaker-ambiguous", message, file=document.source_name, line=line)
        )

    cast = extract_cast(document.body)
    body = cast.blocks
    seen: dict[str, list[Label]] = {}  # label candidates of each text, for both looks

    def learn_from(found: list[tuple[Paragraph, str]]) -> LabelRules:
        return learn(
            [leading(p) for p, _ in found],
            cast.text,
            [f for _, f in found],
            seen,
            [p.span.start in openers for p, _ in found],
        )

    rules = learn_from(units(body)) if labels else LabelRules()
    # Perhaps a scene printed without blank lines: look at line starts (where there are lines).
    if labels and not rules.accepted and has_lines(body):
        rules = learn_from(units(body, lines=True))
    # Without speaker labels (most prose) the label passes below change nothing: skip them.
    credits = False
    if rules.accepted:
        if rules.dominant is not None and rules.dominant[1] == ".":
            body, credits = credit_lists(body, rules.accepted.__contains__)
        body = prepare(body, lambda text: rules.label_of(text) is not None, _alone(rules))
    author = _ET_AL.sub("", document.metadata.front_text("author") or _byline(document)).strip()
    context = title_block(document) + "\n" + "\n".join(f.value for f in document.metadata.fields)
    registry = Registry(author, context, cast.text, cast.roles, cast.descriptions)
    if rules.accepted:
        body = _scene_casts(body, rules)
    openings = _openings(body, rules)
    split = _split_run_in(body, rules, openings)
    if split is not body:
        body, openings = split, _openings(split, rules)
    labelled = [(label, p.span.start) for p, label in openings if label is not None]
    if rules.accepted:
        # Line starts too, where a paragraph kept its lines (a paragraph without line breaks is
        # its own only line, already read above).
        read = {id(p) for p, _ in openings}
        labelled.extend(
            (label, p.span.start)
            for p, _ in units(body, True, followers=False)
            if id(p) not in read and (label := rules.label_of(leading(p))) is not None
        )
    speakers = {label.key for label, _ in labelled}
    supplied = _supplied_names([label for label, _ in labelled], speakers)
    registry.learn(
        ((supplied.get(label.verbatim, label.name), line) for label, line in labelled),
        warn,
        WordCounts(lambda: document_text(body)),
    )

    interviewer, subject = _interview_parties(document, author)
    registry.interviewer_name = interviewer
    registry.subject = subject
    play = _looks_like_play(document, rules, speakers, bool(cast.lists) or credits)
    only_questions = bool(speakers) and speakers <= INTERVIEWER_KEYS
    builder = TurnBuilder(
        rules,
        resolve=lambda label: registry.resolve(supplied.get(label.verbatim, label.name)),
        play=play,
        interviewee=(
            lambda: registry.add(
                "a", author or subject or "Interviewee", "interviewee", bool(author)
            )
        )
        if only_questions
        else None,
        is_interviewer=registry.is_interviewer,
        examiner=(lambda name: registry.add(name_key(name), name, "interviewer"))
        if speakers & INTERVIEWER_KEYS
        else None,
        parenthesised=play and directions_in_parentheses(body, labelled),
    )
    if rules.accepted:
        body = _unspoken(builder.rewrite(body))
        if play:
            body = one_line_speeches_as_verse(body)
        body, silent = _silent(body)
        if not _has_dialogue(body):
            # The labels' turns never make a dialogue (names over a title page, a title set
            # again over each volume): the text as if it printed no labels, its headings and
            # lists as the segmenter made them.
            return _attribute(document, openers, labels=False)
        for who in silent:
            for pid in who.split():
                registry.forget(pid)
    body = _reported(body, registry, author)
    probe = replace(document, body=body)
    genre = classify(probe, rules, speakers, bool(cast.lists) or credits)
    if genre == "dialogue" and (questioning := questioner(body, registry.speaks_as_author)):
        genre = "interview"
        registry.entry_role(questioning, "interviewer")
    if genre == "interview" and not speakers and interviewer and author:
        body = _whole_answer(body, registry.add(name_key(author), author, "interviewee", True))
        registry.add("q", interviewer, "interviewer")
    asker = _INTERVIEWED_BY.search(context)
    if asker:
        registry.set_role(asker.group("who"), "interviewer")
    for person in registry.persons():
        registry.entry_role(person.id, ROLES.get(genre, "speaker"))
    body = _link_cast(body, registry)
    if genre == "play":
        body = directions_out_of_labels(body)
    return replace(
        document,
        body=body,
        persons=registry.persons(),
        genre=genre,
        warnings=tuple(document.warnings) + tuple(diagnostics),
    )


_NAMES = re.compile(r"(?<=[.:])\s+")


def _scene_casts(blocks: tuple[Block, ...], rules: LabelRules) -> tuple[Block, ...]:
    """``blocks`` with each division's opening line of names only ("Sacco.  Calcagno.
    Vorige.", "Vorige. Fiesco.") made the stage direction it is: the persons on stage in the
    scene, who all speak further on, not a run of turns with nothing said."""
    out: list[Block] = []
    for block in blocks:
        if isinstance(block, Division) and block.blocks:
            first, *rest = block.blocks
            if isinstance(first, Paragraph) and (
                _names_only(first, rules) or _same_persons_first(first)
            ):
                first = Stage(first.content, first.span)
            inner = _scene_casts((first, *rest), rules)
            block = replace(block, blocks=inner)
        out.append(block)
    return tuple(out)


def _names_only(paragraph: Paragraph, rules: LabelRules) -> bool:
    """Two names or more, each alone as the play prints its labels ("DUKE. Escalus." is the
    Duke calling Escalus: a name in another case than the labels is a word spoken)."""
    if len(paragraph.content) != 1 or not isinstance(text := paragraph.content[0], str):
        return False
    names = _NAMES.split(text.strip())
    upper = rules.dominant[0] if rules.dominant is not None else None
    return len(names) >= 2 and all(
        name.rstrip(".:").casefold() in SAME_PERSONS
        or ((label := rules.label_of(name)) is not None and label.alone and label.upper == upper)
        for name in names
    )


# One or two words, then a stop or comma ("Voriger.", "Les mêmes,"; not "The same day").
_SAME_OPENING = re.compile(r"^\W*(?P<words>\w+(?:\s+\w+)?)\s*[.,:;]")


def _same_persons_first(paragraph: Paragraph) -> bool:
    """The line opens with the persons already on stage ("Voriger.  Leonore tritt herein …",
    "Les mêmes, plus Figaro."): whatever follows, it says who is there."""
    first = paragraph.content[0] if paragraph.content else ""
    opening = _SAME_OPENING.match(first) if isinstance(first, str) else None
    return opening is not None and opening.group("words").casefold() in SAME_PERSONS


def _alone(rules: LabelRules) -> Callable[[str], bool]:
    """Whether a text is a bare label standing alone, its speech to follow. Not one with a
    clause or direction: "Adam, die Magd und der Büttel ab." may close a scene."""

    def alone(text: str) -> bool:
        label = rules.label_of(text)
        return label is not None and label.alone and not (label.clause or label.directed)

    return alone


def _byline(document: Document) -> str:
    """Without a title block, a first line that is just a name ("Paul Robeson") is the author."""
    if document.metadata.front:
        return ""
    first = next(opening_texts(document.body), "").strip()
    words = first.split()
    if 2 <= len(words) <= 4 and all(w[:1].isupper() for w in words) and not first.isupper():
        return first if is_name(first) else ""
    return ""


def _supplied_names(labels: list[Label], speakers: set[str]) -> dict[str, str]:
    """Label verbatims whose editor's bracket names another speaker ("LOUIS [WOYZECK]."): the
    bracketed name is who speaks. Only a name that also speaks under its own label counts
    (spelled with or without hyphens), so "HAMLET [Aside]" stays Hamlet's. A chorus speaking
    through one of its members ("Chor. (Cajetan.)") is that member's turn."""
    out: dict[str, str] = {}
    for label in labels:
        member = chorus_member(label)
        if member:
            out[label.verbatim] = member
    if not any("[" in label.verbatim for label in labels):
        return out
    joined = {key.replace("-", "").replace(" ", "") for key in speakers}
    for label in labels:
        name = supplied_name(label)
        if name and name_key(name).replace("-", "").replace(" ", "") in joined:
            out[label.verbatim] = name
    return out


def _openings(body: tuple[Block, ...], rules: LabelRules) -> list[tuple[Paragraph, Label | None]]:
    """Every paragraph unit with the speaker label it opens with (or None)."""
    if not rules.accepted:
        return []
    return [(p, rules.label_of(leading(p))) for p, _ in units(body, followers=False)]


def _split_run_in(
    body: tuple[Block, ...], rules: LabelRules, openings: list[tuple[Paragraph, Label | None]]
) -> tuple[Block, ...]:
    """Labels run into the end of the previous speech ("… mon père ? ELVIRE. Tous mes sens …"),
    where the segmenter joined lines that had no blank line between speeches, open their own
    paragraphs. Only recurring labels with the document's terminator count; a bare name (no
    terminator) only in capitals. ``body`` itself when nothing was split."""
    if rules.dominant is None:
        return body
    term = rules.dominant[1]
    verbatims = {
        label.verbatim.strip()
        for _, label in openings
        if label is not None
        and label.term == term
        and (label.upper or term)
        and rules.counts.get(label.key, 0) >= 3
    }
    pattern = run_in_pattern(verbatims)
    if pattern is None:
        return body
    return split_run_in(body, pattern, run_in_needles(verbatims))


def _has_speech(blocks: tuple[Block, ...]) -> bool:
    return any(
        isinstance(b, Speech) or (isinstance(b, Division) and _has_speech(b.blocks)) for b in blocks
    )


def _looks_like_play(
    document: Document, rules: LabelRules, speakers: set[str], has_cast: bool
) -> bool:
    if not speakers or speakers & (INTERVIEWER_KEYS | ANSWER_KEYS):
        return False
    if has_cast or any(
        isinstance(b, Division) and b.type in ("act", "scene") for b in document.body
    ):
        return True
    return rules.dominant is not None and rules.dominant[1] in (".", "") and len(speakers) >= 3


def _interview_parties(document: Document, author: str) -> tuple[str, str]:
    """(interviewer, interviewee) named by an "Interview with …" title line.

    "Interview With a Rosta Correspondent" names the interviewer (a role, with an article);
    "Interview with Ernest Mandel" names the one who answers.
    """
    match = _INTERVIEWER.search(title_block(document))
    if not match:
        return "", ""
    who = match.group("who").strip()
    if match.group("article"):
        return who[:1].upper() + who[1:], ""
    author_words = set(name_key(author).split())
    if author_words and author_words & set(name_key(who).split()):
        return "", ""  # the author answers
    return "", who


def _reported(blocks: tuple[Block, ...], registry: Registry, author: str) -> tuple[Block, ...]:
    out: list[Block] = []
    for block in blocks:
        if isinstance(block, Division):
            block = Division(
                block.type,
                block.head,
                _reported(block.blocks, registry, author),
                block.n,
                block.span,
            )
        elif isinstance(block, Paragraph):
            found = find_reported(block.content, registry.known)
            if found is not None and not registry.known(found.name) and not _dashed(block):
                found = None
            if found is not None:
                who = registry.resolve(found.name)
                block = Paragraph(with_speaker(found.content, who), block.span)
        out.append(block)
    return tuple(out)


def _dashed(block: Paragraph) -> bool:
    return any(d in plain(block.content) for d in "—–")


def _whole_answer(blocks: tuple[Block, ...], who: str) -> tuple[Block, ...]:
    """Runs of the author's own paragraphs become the author's unlabelled turns."""
    out: list[Block] = []
    run: list[Block] = []

    def flush() -> None:
        if run:
            out.append(Speech(who, "", tuple(run), Span(_span(run[0]).start, _span(run[-1]).end)))
            run.clear()

    for block in blocks:
        if isinstance(block, (Paragraph, ListBlock, Quote)) and not _has_said(block):
            run.append(block)
        else:
            flush()
            out.append(block)
    flush()
    return tuple(out)


def _span(block: Block) -> Span:
    return getattr(block, "span", Span(0, 0))


def _has_said(block: Block) -> bool:
    return isinstance(block, Paragraph) and any(isinstance(i, Said) for i in block.content)


def _unspoken(blocks: tuple[Block, ...]) -> tuple[Block, ...]:
    """``blocks`` with each turn that says nothing before its division ends or a new one opens
    made what it was: a stage direction where its label carries one ("QUINCE, going out."),
    else the paragraph it was (the play's title "HERNANI." set again over its first act)."""
    out: list[Block] = []
    for i, block in enumerate(blocks):
        following = blocks[i + 1] if i + 1 < len(blocks) else None
        if (
            isinstance(block, Speech)
            and not block.blocks
            and (following is None or isinstance(following, Division))
        ):
            directed = _DIRECTED.search(block.speaker) is not None
            block = (Stage if directed else Paragraph)((block.speaker,), block.span)
        elif isinstance(block, Division):
            block = replace(block, blocks=_unspoken(block.blocks))
        out.append(block)
    return tuple(out)


_DIRECTED = re.compile(r"[,(\[]\s*\w")


def _silent(blocks: tuple[Block, ...]) -> tuple[tuple[Block, ...], set[str]]:
    """``blocks`` with the turns of every label that never says a word in the whole text, only
    directions (the persons on stage named under a scene's heading, "Nathan und der
    Tempelherr."), made what they were: the label's paragraph and the directions under it; and
    the ids of those labels."""
    spoke: dict[str, bool] = {}
    for speech in speeches(blocks):
        if " " not in speech.who:  # (a joint turn's speakers are known by their own turns)
            spoke[speech.who] = spoke.get(speech.who, False) or _says_something(speech)
    silent = {who for who, said in spoke.items() if not said} | _settings(blocks)
    return (_unwrap_turns(blocks, silent) if silent else blocks), silent


def _settings(blocks: tuple[Block, ...]) -> set[str]:
    """Labels that only ever open a division, over nothing but a direction ("SARAGOSSE." /
    "_Un patio du palais de Silva …" under each act's heading): the place of the action, set
    like a speaker's name, not a speaker. A chorus opening each act speaks its verse."""
    opening: Counter[str] = Counter()
    elsewhere: set[str] = set()

    def visit(inner: tuple[Block, ...], in_division: bool) -> None:
        for i, block in enumerate(inner):
            if isinstance(block, Speech):
                if i == 0 and in_division and _only_directions(block):
                    opening[block.who] += 1
                else:
                    elsewhere.add(block.who)
            elif isinstance(block, Division):
                visit(block.blocks, True)
            elif isinstance(block, (Quote, Note)):
                visit(block.blocks, False)

    visit(blocks, False)
    return {who for who, n in opening.items() if n >= 2 and who not in elsewhere}


def _only_directions(speech: Speech) -> bool:
    """The turn holds directions only (or nothing, its direction printed after it): stage
    directions, or paragraphs opening with an italic marker or a bracket (a description whose
    closing marker the e-text lost)."""
    return all(
        isinstance(b, Stage)
        or (isinstance(b, Paragraph) and plain(b.content).lstrip()[:1] in ("_", "(", "["))
        for b in speech.blocks
    )


def _has_dialogue(blocks: tuple[Block, ...]) -> bool:
    """Whether the turns make a dialogue anywhere: three in a row, or two where a speaker
    speaks again somewhere or labels end with a colon (a transcript's one question and answer).
    A text whose turns stand alone among its prose, or whose only pair is two names that never
    recur (a title set again over each volume, a pseudonym over a title page), holds none."""
    runs = list(_turn_runs(blocks))
    longest = max((len(run) for run in runs), default=0)
    if longest >= 3:
        return True
    if longest < 2:
        return False
    turns = Counter(speech.who for run in runs for speech in run)
    return max(turns.values()) >= 2 or any(
        speech.speaker.rstrip().endswith(":") for run in runs for speech in run
    )


def _turn_runs(blocks: tuple[Block, ...]) -> Iterator[list[Speech]]:
    """The runs of consecutive turns, division by division."""
    run: list[Speech] = []
    for block in blocks:
        if isinstance(block, Speech):
            run.append(block)
            continue
        if run:
            yield run
            run = []
        if isinstance(block, Division):
            yield from _turn_runs(block.blocks)
    if run:
        yield run


def _says_something(speech: Speech) -> bool:
    # (not a paragraph all in italics: "VOIX DANS L'OMBRE." / "_Ad augusta_." is spoken Latin)
    return any(not isinstance(b, Stage) for b in speech.blocks)


def _unwrap_turns(blocks: tuple[Block, ...], silent: set[str]) -> tuple[Block, ...]:
    """``blocks`` with the turns of ``silent`` made their label's paragraph and their blocks,
    wherever ``speeches`` finds them (in divisions, quotations, notes, list items)."""
    out: list[Block] = []
    for block in blocks:
        if isinstance(block, Speech) and block.who in silent:
            out.append(Paragraph((block.speaker,), Span(block.span.start, block.span.start)))
            out.extend(_unwrap_turns(block.blocks, silent))
        elif isinstance(block, (Division, Quote, Note, Speech)):
            out.append(replace(block, blocks=_unwrap_turns(block.blocks, silent)))
        elif isinstance(block, ListBlock):
            items = tuple(
                replace(item, blocks=_unwrap_turns(item.blocks, silent)) for item in block.items
            )
            out.append(replace(block, items=items))
        else:
            out.append(block)
    return tuple(out)


def _link_cast(blocks: tuple[Block, ...], registry: Registry) -> tuple[Block, ...]:
    out: list[Block] = []
    for block in blocks:
        if isinstance(block, CastList):
            items = tuple(
                replace(item, who=registry.id_of(item.role)) if isinstance(item, CastItem) else item
                for item in block.items
            )
            block = CastList(block.head, items, block.span)
        elif isinstance(block, Division):
            block = Division(
                block.type, block.head, _link_cast(block.blocks, registry), block.n, block.span
            )
        out.append(block)
    return out and tuple(out) or ()


__all__ = ["attribute_speakers"]

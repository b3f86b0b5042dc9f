"""Paragraph blocks → speaker turns (``Speech``) and stage directions (``Stage``).

Walks the block tree (recursing into divisions) with the document's ``LabelRules``:

- a paragraph opening with a speaker label starts a turn; the label stays verbatim in
  ``speaker`` and the rest of the paragraph (if any) is the turn's first paragraph;
- when labels stand alone (``FARNCOMBE.``) the paragraph after one always belongs to the turn, even
  if it looks like a label itself ("Sixty.");
- later unlabelled paragraphs continue the open turn, unless they look like a heading (short, no
  closing punctuation, or opening the back matter: "ERRATA"); after an interviewer's question
  they open the interviewee's answer;
- in plays, a bracketed, parenthesised-italic or wholly italic paragraph (or one starting "Enter",
  "Exit", "Exeunt", or a bare "Pause.") is a ``Stage``: inside the turn when labels stand alone
  and the turn goes on, between turns otherwise; brackets inside speech become
  ``Editorial(kind="stage")``, and a direction that opens a speech becomes a ``Stage`` block
  before its text.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from ...model import (
    Block,
    Division,
    Figure,
    Heading,
    Inline,
    Inlines,
    Line,
    LineBreak,
    LineGroup,
    ListBlock,
    PageBreak,
    Paragraph,
    Quote,
    Span,
    Speech,
    Stage,
)
from .inlines import (
    drop_prefix,
    is_whole_italic,
    is_whole_stage,
    keeps_every_line,
    lines_of,
    plain,
    rstrip,
    split_stages,
    strip,
)
from .labels import Label
from .select import INTERVIEWER_KEYS, LabelRules, is_pause
from .units import leading

# "By Mr. Migdal:" in a hearing transcript: the questions that follow ("Q.") are that person's.
_EXAMINER = re.compile(r"^(?:BY|By)\s+(?P<name>(?:[A-Z][\w.’'-]*\s+){0,3}[A-Z][\w’'-]+):$")
# A play's entrances, exits and (in old prints) sounds and alarms: "Ex. Lords.", "Alarums,
# excursions, Retreat. Enter Iohn …", "Flourish. Enter King Edward", the verb perhaps an
# editor's ("[Enter] BOSOLA and CASTRUCCIO").
_VERBS = (
    "Enter|Enters|Exit|Exeunt|Re-enter|Re-enters|Manet|Manent|Alarums?|Allarums?|Flourish|Sennet"
    "|Excursions|Hautboys"
)
_STAGE_VERB = re.compile(rf"^(?:(?:{_VERBS})\b|\[(?:{_VERBS})\]|Ex\.\s)")
_CLOSES = tuple(".!?…:;,)]\"'”’»—–-_")


@dataclass
class _Open:
    label: Label | None
    who: str
    blocks: list[Block] = field(default_factory=list)
    start: int = 0
    end: int = 0
    interviewer: bool = False


@dataclass
class TurnBuilder:
    rules: LabelRules
    resolve: Callable[[Label], str]
    play: bool
    interviewee: Callable[[], str] | None = None  # id answering unlabelled after a question
    is_interviewer: Callable[[str], bool] = lambda who: False
    examiner: Callable[[str], str] | None = None  # id of the person a "By NAME:" line names
    # The play prints its directions in plain parentheses ("Saladin (ernst).", "(Er geht ab.)"):
    # a parenthesis inside a speech is one too, unless it asks or exclaims.
    parenthesised: bool = False
    turns: int = 0
    _asking: str = ""

    def rewrite(self, blocks: tuple[Block, ...]) -> tuple[Block, ...]:
        out: list[Block] = []
        current: _Open | None = None

        def flush() -> None:
            nonlocal current
            if current is not None:
                if (
                    current.label is not None
                    and not current.blocks
                    and self._count(current.label) < 3
                ):
                    # A rare "label" with nothing to say was a heading ("Studierzimmer.").
                    out.append(
                        Paragraph((current.label.verbatim,), Span(current.start, current.end))
                    )
                else:
                    out.append(self._speech(current))
                current = None

        for block in blocks:
            if isinstance(block, Division):
                flush()
                if block.type == "contents":  # titles of the text's parts: nobody's turn
                    out.append(block)
                    continue
                out.append(
                    Division(
                        block.type, block.head, self.rewrite(block.blocks), block.n, block.span
                    )
                )
                continue
            if isinstance(block, Paragraph) and self.examiner is not None:
                by = _EXAMINER.match(plain(block.content).strip())
                if by:
                    flush()
                    self._asking = self.examiner(by.group("name"))
                    out.append(block)
                    continue
            if isinstance(block, Paragraph):
                awaiting = (
                    current is not None
                    and (self.rules.alone_style or _stands_alone(current))
                    and not any(isinstance(b, (Paragraph, LineGroup)) for b in current.blocks)
                )
                label = self.rules.label_of(_leading(block))
                if (
                    awaiting
                    and current is not None
                    and label is not None
                    and not self._overrides(current, label)
                ):
                    label = None  # right after a label, "Sixty." is the speech, not a speaker
                if label is not None:
                    flush()
                    current = self._open(label, block)
                    continue
                if self._is_stage(block):
                    stage = Stage(strip(block.content), block.span)
                    if current is not None and self.rules.alone_style:
                        self._add(current, stage)
                    else:
                        flush()
                        out.append(stage)
                    continue
                if current is not None and (awaiting or not _heading_like(block)):
                    if current.interviewer and self.interviewee is not None and current.blocks:
                        flush()
                        current = _Open(
                            None, self.interviewee(), start=block.span.start, end=block.span.end
                        )
                    self._add_paragraph(current, block.content, block.span)
                    continue
                flush()
                out.append(block)
                continue
            if isinstance(block, Heading) and self.play and _opens_with_stage_verb(block):
                # "Scena Secunda." / "Enter Viola, a Captaine, and Saylors.": the line under a
                # scene's heading is its entrance, not a second heading.
                flush()
                out.append(Stage(strip(block.content), block.span))
                continue
            if current is not None and isinstance(block, LineGroup):
                self._add_verse(current, block)
                continue
            if isinstance(block, Quote) and self._directions_only(block):
                # "          Enter WAGNER.": a direction set in further than the speeches, which
                # the segmenter took for a quotation. Inside a speech it stays there, as the
                # quotation did: the speaker may go on after it ("Wagner, commend me to …").
                for inner in block.blocks:
                    assert isinstance(inner, Paragraph)
                    stage = Stage(strip(inner.content), inner.span)
                    if current is not None:
                        self._add(current, stage)
                    else:
                        out.append(stage)
                continue
            if current is not None and isinstance(block, (ListBlock, Quote, PageBreak, Figure)):
                self._add(current, block)
                continue
            flush()
            out.append(block)
        flush()
        return tuple(out)

    # -- helpers -----------------------------------------------------------------------------

    def _count(self, label: Label) -> int:
        return self.rules.counts.get(label.key, 0)

    def _overrides(self, current: _Open, label: Label) -> bool:
        """Whether ``label`` right after ``current``'s label still opens a new turn: after a
        direction, or where most labels run into their speech (the one before stood alone with
        nothing to say, "TOBY [reads]"), a recurring label does; and a label far more frequent
        than the one before it ("Faust" after the scene heading "Studierzimmer.") shows the first
        was no speaker, unless it is not in capitals where the labels are (the reply "Orsino."
        after "CAPTAIN")."""
        if (current.blocks or not self.rules.alone_style) and self._count(label) >= 2:
            return True
        dominant = self.rules.dominant
        if dominant is not None and dominant[0] and not label.upper:
            return False  # "CAPTAIN" / "Orsino.": among labels in capitals, a reply naming one
        before = self._count(current.label) if current.label is not None else 0
        return self._count(label) >= 5 * max(1, before) and self._count(label) >= 5

    def _open(self, label: Label, block: Paragraph) -> _Open:
        if self._asking and label.key in INTERVIEWER_KEYS:
            who = self._asking  # "Q." after "By Mr. Migdal:" is Mr. Migdal's question
        else:
            who = self.resolve(label)
        current = _Open(
            label,
            who,
            start=block.span.start,
            end=block.span.end,
            interviewer=self.is_interviewer(who),
        )
        rest = strip(drop_prefix(block.content, label.length))
        if rest:
            self._add_paragraph(current, rest, _rest_span(block, rest))
        return current

    def _add_paragraph(self, current: _Open, content: tuple, span: Span) -> None:
        if self.play:
            leading, rest = split_stages(
                content, parentheses=True, plain_parentheses=self.parenthesised
            )
            if leading:
                self._add(current, Stage(leading, span))
            if rest:
                for block in _direction_lines(rest, span):
                    self._add(current, block)
            return
        self._add(current, Paragraph(content, span))

    def _add_verse(self, current: _Open, verse: LineGroup) -> None:
        """Verse whose first line ran on after the speaker's label ("Bast. My Lord I rescued
        her,") starts with that line: the words after the label, on the line above the verse,
        are its first line."""
        first = current.blocks[-1] if len(current.blocks) == 1 else None
        if (
            isinstance(first, Paragraph)
            and first.span.start == first.span.end == verse.span.start - 1
            and not any(isinstance(i, LineBreak) for i in first.content)
        ):
            current.blocks[-1] = LineGroup(
                (Line(first.content, first.span), *verse.lines),
                verse.kind,
                Span(first.span.start, verse.span.end),
            )
            current.end = max(current.end, verse.span.end)
            return
        self._add(current, verse)

    @staticmethod
    def _add(current: _Open, block: Block) -> None:
        current.blocks.append(block)
        span = getattr(block, "span", None)
        if span is not None and span.end:
            current.end = max(current.end, span.end)

    def _speech(self, current: _Open) -> Speech:
        self.turns += 1
        speaker = current.label.verbatim if current.label is not None else ""
        return Speech(current.who, speaker, tuple(current.blocks), Span(current.start, current.end))

    def _directions_only(self, block: Quote) -> bool:
        """In a play, an indented block of stage directions and nothing else."""
        return (
            self.play
            and bool(block.blocks)
            and all(isinstance(b, Paragraph) and self._is_stage(b) for b in block.blocks)
        )

    def _is_stage(self, block: Paragraph) -> bool:
        """A bracketed paragraph is a direction (or an aside like "[Applause]") in any text with
        turns; italic paragraphs and "Enter …" lines only in plays."""
        if self.rules.dominant is None and not self.play:
            return False
        content = block.content
        text = plain(content).lstrip()
        opener = text[:1]
        if opener == "[" and is_whole_stage(content):
            return True
        return self.play and (
            (opener in ("[", "(") and is_whole_stage(content))  # (it opens with one of them)
            or is_whole_italic(content)
            or bool(_STAGE_VERB.match(text))
            or is_pause(text)
        )


def _opens_with_stage_verb(block: Heading) -> bool:
    """``block`` opens with an entrance, exit or alarm, perhaps in italics or brackets."""
    return bool(_STAGE_VERB.match(plain(block.content).lstrip("_[( ")))


def _stands_alone(current: _Open) -> bool:
    """The turn's label had its paragraph to itself (perhaps with a direction): its speech is
    the next paragraph, even where most labels run into their speech."""
    return current.label is not None and (current.label.alone or current.label.directed)


def _leading(block: Paragraph) -> str:
    return leading(block)


# First words of the back matter's headings ("ERRATA (noted by transcriber)"): the play is over.
_BACK_MATTER = frozenset(
    "errata erratum corrigenda addenda glossary bibliography appendix footnotes".split()
)


def _heading_like(block: Paragraph | Heading) -> bool:
    text = plain(block.content).strip()
    words = text.split()
    if len(words) > 8:
        return False
    return not text.endswith(_CLOSES) or words[0].strip("_.:,").casefold() in _BACK_MATTER


# A direction in parentheses on lines of its own, perhaps over several ("(Montrant un
# gentilhomme … comme s'il" / "cherchait quelqu'un):"); words in parentheses that ask or exclaim
# are an aside, spoken ("(Nun? nur her damit!)").
_DIRECTION = re.compile(r"\([^()!?]+\)[.:]?")
_DIRECTION_LINES = 3  # the most lines one runs to


def _direction_lines(content: Inlines, span: Span) -> list[Block]:
    """A speech's paragraph cut at its lines that are a direction in parentheses ("Le Bret !"
    / "(Le Bret descend vers eux):" / "Vous cherchez Bergerac ?"), each a ``Stage``, where the
    paragraph keeps every line of its source (so each line's number is known)."""
    if not keeps_every_line(content, span.start, span.end) or not any(
        isinstance(i, str) and "(" in i for i in content
    ):
        return [Paragraph(content, span)]
    lines = lines_of(content)
    texts = [plain(line).strip() for line in lines]
    out: list[Block] = []
    run: list[Inline] = []
    run_start = span.start
    k = 0
    while k < len(lines):
        taken = _direction_at(texts, k)
        if not taken:
            if run:
                run.append(LineBreak())
            run.extend(lines[k])
            k += 1
            continue
        number = span.start + k
        if run:
            out.append(Paragraph(tuple(run), Span(run_start, number - 1)))
            run = []
        stage: list[Inline] = []
        for line in lines[k : k + taken]:
            if stage:
                stage.append(LineBreak())
            stage.extend(line)
        out.append(Stage(tuple(stage), Span(number, number + taken - 1)))
        k += taken
        run_start = span.start + k
    if run:
        out.append(Paragraph(tuple(run), Span(run_start, span.end)))
    return out


def _direction_at(texts: list[str], k: int) -> int:
    """How many lines from ``texts[k]`` on make one direction in parentheses (0 for none)."""
    if not texts[k].startswith("("):
        return 0
    for taken in range(1, min(_DIRECTION_LINES, len(texts) - k) + 1):
        if _DIRECTION.fullmatch(" ".join(texts[k : k + taken])):
            return taken
    return 0


def _rest_span(block: Paragraph, rest: Inlines) -> Span:
    """Where the text after a label starts: on the paragraph's next line when the label was all
    of its first line ("LYSANDER" / ", to Theseus"), else where the paragraph starts."""
    skipped = _breaks(rstrip(block.content)) - _breaks(rest)
    if skipped == 1 and block.span.start < block.span.end:
        return Span(block.span.start + 1, block.span.end)
    return block.span


def _breaks(content: Inlines) -> int:
    return sum(1 for i in content if isinstance(i, LineBreak))

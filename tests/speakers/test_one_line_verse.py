"""In a play whose longer speeches are mostly verse, a speech of one line is a verse line; in a
play of prose (or of prose and some verse) it stays a paragraph."""

from __future__ import annotations

from teikit.model import Line, LineGroup, Paragraph, Span, Speech, walk
from teikit.parse.speakers.verselines import one_line_speeches_as_verse


def _verse(start: int, n: int) -> LineGroup:
    lines = tuple(Line((f"Verse line {start + k}",), Span(start + k, start + k)) for k in range(n))
    return LineGroup(lines, "stanza", Span(start, start + n - 1))


def _prose(start: int) -> Paragraph:
    return Paragraph(("Prose wrapped over two lines",), Span(start, start + 1))


def _one_line(start: int) -> Paragraph:
    return Paragraph(("How?",), Span(start, start))


def _play(longer: list[str]) -> tuple[Speech, ...]:
    """A speech of each kind in ``longer`` ("verse" or "prose"), each followed by a one-line
    speech."""
    speeches = []
    line = 1
    for kind in longer:
        block = _verse(line, 3) if kind == "verse" else _prose(line)
        speeches.append(Speech("a", "A.", (block,), block.span))
        line = block.span.end + 2
        speeches.append(Speech("b", "B.", (_one_line(line),), Span(line, line)))
        line += 2
    return tuple(speeches)


def _one_line_kinds(blocks: tuple[Speech, ...]) -> set[type]:
    return {type(b.blocks[0]) for b in walk(blocks) if isinstance(b, Speech) and b.speaker == "B."}


def test_one_line_speech_in_a_verse_play_is_a_verse_line() -> None:
    play = _play(["verse"] * 8 + ["prose"] * 2)
    result = one_line_speeches_as_verse(play)
    assert _one_line_kinds(result) == {LineGroup}
    line = result[1].blocks[0]
    assert isinstance(line, LineGroup) and line.lines == (Line(("How?",), Span(5, 5)),)


def test_one_line_speech_in_a_prose_play_stays_a_paragraph() -> None:
    play = _play(["verse"] * 4 + ["prose"] * 6)
    assert one_line_speeches_as_verse(play) is play
    assert _one_line_kinds(play) == {Paragraph}


def test_kept_lines_in_a_verse_play_are_verse_and_a_direction_line_a_stage() -> None:
    """A paragraph whose every source line is kept (a text that does not wrap) is verse; a line
    that is only a bracketed direction ("[Exit.]") stands between as a stage direction."""
    from teikit.model import Editorial, LineBreak, Stage

    kept = Paragraph(
        (
            "You are deceiv'd in him.",
            LineBreak(),
            "He comes.",
            LineBreak(),
            Editorial("stage", "[Exit.]"),
        ),
        Span(40, 42),
    )
    play = (*_play(["verse"] * 10), Speech("c", "C.", (kept,), kept.span))
    result = one_line_speeches_as_verse(play)
    assert result[-1].blocks == (
        LineGroup(
            (
                Line(("You are deceiv'd in him.",), Span(40, 40)),
                Line(("He comes.",), Span(41, 41)),
            ),
            "stanza",
            Span(40, 41),
        ),
        Stage(("[Exit.]",), Span(42, 42)),
    )

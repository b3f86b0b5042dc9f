"""Speeches printed without blank lines between them, through the whole pipeline.

The segmenter's side is in the golden cases (``speeches_run_together_at_line_starts``,
``speaker_names_alone_over_their_speech``); here the speaker rules must make one speech of each,
with the right speaker, and leave prose whose lines happen to open with a name alone.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from teikit.model import Block, Division, Paragraph, Speech
from teikit.parse import parse_text
from teikit.parse.lines import groups_of, split_lines
from teikit.parse.speechlines import speech_starts

CASES = Path(__file__).parent / "cases"


def _source(name: str) -> str:
    return (CASES / f"{name}.txt").read_text(encoding="utf-8").split("=== blocks\n")[0]


def _speeches(blocks: tuple[Block, ...]) -> Iterator[Speech]:
    for block in blocks:
        if isinstance(block, Speech):
            yield block
        elif isinstance(block, Division):
            yield from _speeches(block.blocks)


def test_speeches_at_line_starts_are_turns_of_their_speakers() -> None:
    document = parse_text(_source("speeches_run_together_at_line_starts"), "play.txt")
    labels = [s.speaker for s in _speeches(document.body)]
    assert labels[:8] == ["Duke.", "Rod.", "Duke.", "Rod.", "Ser.", "Duke.", "Mes.", "Duke."]
    assert len(labels) == 19  # every labelled line, none lost to a neighbour
    assert document.genre == "play"
    # "Enter a Messenger." and "Exeunt." are directions, not speech of the one before
    for speech in _speeches(document.body):
        text = " ".join(
            str(i) for b in speech.blocks if isinstance(b, Paragraph) for i in b.content
        )
        assert "Enter" not in text and "Exeunt" not in text


def test_names_alone_over_their_speech_are_labels() -> None:
    document = parse_text(_source("speaker_names_alone_over_their_speech"), "play.txt")
    labels = [s.speaker.split()[0] for s in _speeches(document.body)]
    assert labels == [
        "Wirt", "Knecht", "Wirt", "Knecht", "Wirt", "Knecht", "Wirt",
        "Magd", "Wirt", "Knecht", "Magd", "Wirt", "Knecht", "Magd",
    ]  # fmt: skip
    assert {p.name for p in document.persons} == {"Wirt", "Knecht", "Magd"}


PROSE = """\
He walked down to the harbour, where the boats lay at anchor, and
Tom. He had not seen Tom for a year, and did not know him at first.
Mary. That was the name she gave, though nobody believed her, and
Tom. Again the name came back to him as he stood on the quay, and
Mary. Again, with the ships behind her and the rain in her hair.
The old man laughed at them both and went on mending his nets by
Peter. His son, who was called Peter after the saint, sat by him.
Tom. Mary. Peter. He said the names over to himself as he walked.
"""


def test_prose_lines_opening_with_names_are_not_cut() -> None:
    groups = groups_of(split_lines(PROSE * 3))
    starts, openers = speech_starts(groups)
    assert starts == set() and openers == frozenset()

"""A speech in verse whose label runs into its first line ("Bast. My Lord I rescued her,") is
verse: every line a ``Line``, the first one the words after the label. Prose whose paragraphs
open with a name ("Mr. Gradgrind, it will be observed, …") stays prose."""

from __future__ import annotations

import pytest

from teikit.model import LineGroup, Paragraph, Speech, walk
from teikit.parse import parse_text
from teikit.parse.speakers.inlines import plain

VERSE_SPEECHES = [
    (
        "Bast.",
        [
            "Now by my life, this day grows wondrous hot,",
            "Some ayery Deuill houers in the skie,",
            "And pour's downe mischiefe. Austrias head lye there,",
        ],
    ),
    (
        "Iohn.",
        [
            "Hubert, keepe this boy: Philip make vp,",
            "My Mother is assayled in our Tent,",
            "And tane I feare.",
        ],
    ),
    (
        "Bast.",
        [
            "My Lord I rescued her,",
            "Her Highnesse is in safety, feare you not:",
            "But on my Liege, for very little paines",
            "Will bring this labor to an happy end.",
        ],
    ),
]


def _play(italic: bool) -> str:
    speeches = []
    for _ in range(6):
        for label, lines in VERSE_SPEECHES:
            shown = f"_{label}_" if italic else label
            speeches.append(f"{shown} " + "\n".join(lines))
    return "THE LIFE AND DEATH OF KING IOHN\n\n\n\nActus Primus.\n\n" + "\n\n".join(speeches) + "\n"


@pytest.mark.parametrize("italic", [False, True], ids=["plain", "italic"])
def test_speech_in_verse_keeps_its_lines_label_first(italic: bool) -> None:
    """ "Bast. My Lord I rescued her," and "_Duke._ Of government the properties to unfold,"."""
    document = parse_text(_play(italic))
    speeches = [b for b in walk(document.body) if isinstance(b, Speech)]
    assert len(speeches) == 6 * len(VERSE_SPEECHES)
    for speech, (label, lines) in zip(speeches, VERSE_SPEECHES * 6, strict=True):
        assert speech.speaker == (f"_{label}_" if italic else label)
        assert len(speech.blocks) == 1 and isinstance(speech.blocks[0], LineGroup)
        assert [plain(line.content) for line in speech.blocks[0].lines] == lines


NAMED = """Mr. Gradgrind, it will be observed, being much softened, Mr.
Bounderby took particular pains to harden himself at all points.
It was his amiable nature, and the town knew it well enough.
"""
PROSE = """The housekeeper was at the window when he came home, looking
down upon the street below with the air of one who had seen better
days and meant to say so, whatever the master of the house thought.
"""


def test_prose_opening_with_a_name_stays_prose() -> None:
    document = parse_text("HARD TIMES\n\n\n\n" + "\n".join([NAMED] + [PROSE] * 11))
    assert not any(isinstance(b, LineGroup) for b in walk(document.body))
    assert sum(isinstance(b, Paragraph) for b in walk(document.body)) == 12


def test_two_line_speech_whose_label_runs_past_the_measure_is_verse() -> None:
    """In a play in verse, a speech of two lines whose first line, with its label in front,
    is longer than the text's verse lines ("Chat. The proud controle of fierce and bloudy
    warre," / "To inforce these rights, …"): the line is measured as the verse it prints."""
    short = "Chatillion. The proud controle of fierce and bloudy warre,\nTo inforce these rights"
    speeches = [f"{label} " + "\n".join(lines) for label, lines in VERSE_SPEECHES] * 6
    speeches.insert(3, short)
    text = "THE LIFE AND DEATH OF KING IOHN\n\n\n\nActus Primus.\n\n" + "\n\n".join(speeches)
    document = parse_text(text + "\n")
    found = [b for b in walk(document.body) if isinstance(b, Speech) and b.speaker == "Chatillion."]
    assert len(found) == 1 and isinstance(found[0].blocks[0], LineGroup)
    assert [plain(line.content) for line in found[0].blocks[0].lines] == [
        "The proud controle of fierce and bloudy warre,",
        "To inforce these rights",
    ]


PROSE_SPEECH = (
    "Clo.",
    "Let her hang me: hee that is well hang'de in this world, needs\n"
    "to feare no colours. Make that good, and I will tell you more of the\n"
    "matter in hand, for there is much to say of it and little time to say\n"
    "it in, and the time that is left is not mine to spend as I would.",
)


def _mixed_play(extra: list[str]) -> str:
    """A play of verse and prose (a third of its longer speeches verse), wrapped at 70."""
    speeches = []
    for _ in range(3):
        speeches += [f"{label} " + "\n".join(lines) for label, lines in VERSE_SPEECHES]
        speeches += [" ".join(PROSE_SPEECH)] * 3
    speeches[4:4] = extra
    return "TWELFE NIGHT, OR WHAT YOU WILL\n\n\n\nActus Primus.\n\n" + "\n\n".join(speeches) + "\n"


def _speech_of(document_text: str, label: str) -> Speech:
    found = [
        b
        for b in walk(parse_text(document_text).body)
        if isinstance(b, Speech) and b.speaker == label
    ]
    assert len(found) == 1
    return found[0]


def test_two_line_verse_speech_in_a_play_of_verse_and_prose() -> None:
    """ "VALDES. First I'll instruct thee in the rudiments," / "And then wilt thou be perfecter
    than I.": the second line's first word would have fitted well within the measure."""
    extra = [
        "Val. First I'll instruct thee in the rudiments, my friend,\n"
        "And then wilt thou be perfecter"
    ]
    speech = _speech_of(_mixed_play(extra), "Val.")
    assert isinstance(speech.blocks[0], LineGroup) and len(speech.blocks[0].lines) == 2


def test_two_line_prose_speech_wrapped_at_the_measure_stays_prose() -> None:
    extra = [
        "Mal. Madam, yond young fellow sweares hee will speake with you. I told\n"
        "him you were sicke, he takes on him to vnderstand so much."
    ]
    speech = _speech_of(_mixed_play(extra), "Mal.")
    assert isinstance(speech.blocks[0], Paragraph)

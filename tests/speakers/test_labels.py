"""Label shapes (``labels.candidates``) and inputs the segmenter may already have marked up."""

from __future__ import annotations

import pytest

from teikit.model import Document, Editorial, Emphasis, Metadata, Paragraph, Speech, Stage
from teikit.parse.speakers import attribute_speakers
from teikit.parse.speakers.labels import candidates

SHAPES = [
    # text, longest candidate (verbatim, name, note, terminator) or None
    ("Jack.  How are you?", ("Jack.", "Jack", "", ".")),
    ("LADY BRACKNELL.", ("LADY BRACKNELL.", "LADY BRACKNELL", "", ".")),
    ("Algernon. [Aside.] text", ("Algernon.", "Algernon", "", ".")),
    ("Q: text", ("Q:", "Q", "", ":")),
    ("Mr. ROBESON: text", ("Mr. ROBESON:", "Mr. ROBESON", "", ":")),
    ("THE CHAIRMAN1: The Committee", ("THE CHAIRMAN1:", "THE CHAIRMAN", "1", ":")),
    ("_Gudfinna._", ("_Gudfinna._", "Gudfinna", "", ".")),
    ("_The Boy (throws his dart)._", ("_The Boy (throws his dart)._", "The Boy", "", ".")),
    ("_Halla_ (_to Kari_). Your husband", ("_Halla_ (_to Kari_).", "Halla", "", ".")),
    ("ROSINE, à part.", ("ROSINE, à part.", "ROSINE", "", ".")),
    ("LOUIS [WOYZECK].", ("LOUIS [WOYZECK].", "LOUIS", "", ".")),
    ("1. KIND.", ("1. KIND.", "1. KIND", "", ".")),
    ("Частный пристав.", ("Частный пристав.", "Частный пристав", "", ".")),
    ("ROBIN How now, spirit?", ("ROBIN", "ROBIN", "", "")),
    ("Mrs. Upjohn. Hello", ("Mrs. Upjohn.", "Mrs. Upjohn", "", ".")),
    ("ACT I.  Algernon's flat", None),
    ("II.", None),
    ("Take my word for it: x", None),
    ("The discussion which has extensively developed in the R.C.P. (B.) and its press", None),
]


@pytest.mark.parametrize("text,expected", SHAPES, ids=[s[0][:24] for s in SHAPES])
def test_label_shapes(text: str, expected: tuple[str, str, str, str] | None) -> None:
    found = candidates(text)
    if expected is None:
        assert found == []
    else:
        last = found[-1]
        assert (last.verbatim, last.name, last.note, last.term) == expected


def _document(*paragraphs: Paragraph) -> Document:
    return Document(Metadata(), tuple(paragraphs))


def test_emphasised_labels_from_the_segmenter() -> None:
    names = ["Gudfinna", "Oddny", "Gudfinna", "Oddny", "Gudfinna"]
    paragraphs = []
    for k, name in enumerate(names):
        paragraphs.append(Paragraph((Emphasis((f"{name}.",)),)))
        paragraphs.append(Paragraph((f"Speech {k}.",)))
    result = attribute_speakers(_document(*paragraphs))
    turns = [b for b in result.body if isinstance(b, Speech)]
    assert [(t.who, t.speaker) for t in turns] == [(n.lower(), f"_{n}._") for n in names]
    assert [t.blocks for t in turns][0] == (Paragraph(("Speech 0.",)),)


def test_directions_already_marked_as_editorial() -> None:
    lines = [
        ("Lane.  ", "Yes, sir.  "),
        ("Algernon.  ", "Oh! "),
        ("Lane.  ", "No, sir.  "),
        ("Algernon.  ", "Well. "),
        ("Lane.  ", "Thank you.  "),
    ]
    paragraphs = [
        Paragraph((label + text, Editorial("stage", "[Goes out.]"))) for label, text in lines
    ]
    result = attribute_speakers(_document(*paragraphs))
    turns = [b for b in result.body if isinstance(b, Speech)]
    assert [t.speaker for t in turns] == [label.strip() for label, _ in lines]
    assert turns[0].blocks == (Paragraph(("Yes, sir.  ", Editorial("stage", "[Goes out.]"))),)


def test_direction_between_turns_is_stage() -> None:
    paragraphs = [
        Paragraph((f"{n}.  Line {k}.",)) for k, n in enumerate(["Jack", "Lane", "Jack", "Lane"])
    ]
    paragraphs.insert(2, Paragraph(("[Enter Lane.]",)))
    result = attribute_speakers(_document(*paragraphs))
    assert isinstance(result.body[2], Stage) and result.body[2].content == ("[Enter Lane.]",)


def _names_among_prose(between: int) -> Document:
    """Five name lines ("KATRINE." / "MOTHER.") with ``between`` prose paragraphs after each."""
    paragraphs = []
    for k, name in enumerate(["KATRINE.", "MOTHER.", "KATRINE.", "MOTHER.", "KATRINE."]):
        paragraphs.append(Paragraph((name,)))
        paragraphs.extend(
            Paragraph((f"She walked on under the pines for the {k}th time, thinking of it {j}.",))
            for j in range(between)
        )
    return _document(*paragraphs)


def test_name_lines_far_apart_are_no_dialogue() -> None:
    """A novel's few name lines (a half-title, signatures under letters) spread over hundreds of
    paragraphs are no run of speeches: no turns, and no play."""
    result = attribute_speakers(_names_among_prose(40))
    assert not [b for b in result.body if isinstance(b, Speech)]
    assert result.genre != "play"


def test_the_same_names_close_together_are_turns() -> None:
    result = attribute_speakers(_names_among_prose(2))
    turns = [b for b in result.body if isinstance(b, Speech)]
    assert [t.speaker for t in turns] == ["KATRINE.", "MOTHER.", "KATRINE.", "MOTHER.", "KATRINE."]

"""A keyword heading with an editor's note reference after its numeral ("SCENE I[1]", as an
annotated edition prints it) is still that heading and opens its division."""

from __future__ import annotations

import pytest

from teikit.model import Division, walk
from teikit.parse import parse_text
from teikit.parse.headings import keyword_heading


@pytest.mark.parametrize(
    "text, kind, n",
    [
        ("SCENE I[1]", "scene", "I"),
        ("Scene II[30]", "scene", "II"),
        ("CHAPTER IV*", "chapter", "IV"),
    ],
)
def test_note_reference_after_the_numeral(text: str, kind: str, n: str) -> None:
    found = keyword_heading(text)
    assert found is not None and (found.type, found.n) == (kind, n)


def test_words_after_the_numeral_are_still_no_note() -> None:
    assert keyword_heading("Chapter 3 [a note on the text]") is None


PLAY = """THE DUCHESS OF MALFI


ACT I


SCENE I[1]

DELIO.  You are welcome to your country, dear Antonio.

ANTONIO.  I thank you, Delio.


SCENE II[3]

DELIO.  The presence 'gins to fill.

ANTONIO.  It does.
"""


def test_annotated_scene_headings_open_scenes() -> None:
    scenes = [
        b.n for b in walk(parse_text(PLAY).body) if isinstance(b, Division) and b.type == "scene"
    ]
    assert scenes == ["I", "II"]

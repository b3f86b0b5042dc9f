"""Underscored italics (``_word_``) become emphasis that keeps its marker; nothing is lost."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from teikit.convert import convert
from teikit.encode import encode
from teikit.encode.options import EncodeOptions
from teikit.model import Emphasis, Paragraph, Speech, walk
from teikit.parse import parse_text
from teikit.parse.emphasis import mark_inlines
from teikit.parse.speakers.inlines import plain


def test_underscored_words_are_emphasis() -> None:
    assert mark_inlines(("This text of _Measure for Measure_ is from Volume I.",)) == (
        "This text of ",
        Emphasis(("Measure for Measure",), "_"),
        " is from Volume I.",
    )


def test_underscores_inside_words_and_rules_stay_text() -> None:
    for text in ("see file_name_here.txt", "____________", "a _ b _ c", "snake_case_"):
        assert mark_inlines((text,)) == (text,)


def test_an_unclosed_marker_stays_text() -> None:
    text = "_Un patio du palais de Silva. A gauche, les grands murs du palais."
    assert mark_inlines((text,)) == (text,)


@given(st.text(alphabet=st.sampled_from(list("ab _.\n,")), max_size=40))
def test_marking_keeps_every_character(text: str) -> None:
    assert plain(mark_inlines((text,))) == text


PLAY = "\n\n".join(
    ["THE TRAGEDY", "ACT I."]
    + [
        f"_{name}._ {speech}"
        for _ in range(4)
        for name, speech in (
            ("Duke", "Of government the _properties_ to unfold."),
            ("Escal", "My lord, I hear you."),
        )
    ]
)


def test_labels_in_italics_stay_labels() -> None:
    document = parse_text(PLAY + "\n")
    speeches = [b for b in walk(document.body) if isinstance(b, Speech)]
    assert [s.speaker for s in speeches[:2]] == ["_Duke._", "_Escal._"]
    first = speeches[0].blocks[0]
    assert isinstance(first, Paragraph)
    assert Emphasis(("properties",), "_") in first.content


def test_text_conversion_prints_the_marker_again() -> None:
    text = "A NOVEL\n\n\n\nIt was _not_ the end, said the _Times_.\n"
    xml = encode(parse_text(text), EncodeOptions(when="2026-01-01"))
    assert b'<emph rend="_">not</emph>' in xml
    assert "It was _not_ the end, said the _Times_." in convert(xml, "text").output

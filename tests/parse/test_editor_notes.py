"""A transcriber's or editor's bracketed note is a note of theirs: no speech, no direction."""

from __future__ import annotations

from lxml import etree

from teikit.encode import EncodeOptions, encode
from teikit.model import Note, Stage, walk
from teikit.parse import parse_text

NS = {"t": "http://www.tei-c.org/ns/1.0"}
PLAY = """[Transcriber's Note:

This text is from the 1863 Cambridge edition. Line numbers are from the
original text; brackets are unchanged.

Texts cited in the Notes are listed at the end.]


ACT I.

DUKE. Escalus.

ESCALUS. My lord.

[Enter ANGELO.]

DUKE. Of government the properties to unfold, would seem in me to affect
speech and discourse, since I am put to know that your own science exceeds.

ANGELO. Always obedient to your grace's will, I come to know your pleasure.

[Editor's note: the Folio has "Exit" here.]

ESCALUS. And you, my lord.

DUKE. Farewell.
"""


def test_bracketed_notes_over_paragraphs_are_the_transcribers() -> None:
    document = parse_text(PLAY, "play.txt")
    found = [b for b in walk(document.body) if isinstance(b, Note)]
    assert [(n.type, len(n.blocks)) for n in found] == [("transcriber", 3), ("editor", 1)]
    stages = [b for b in walk(document.body) if isinstance(b, Stage)]
    assert ["Enter ANGELO" in str(s.content) for s in stages] == [True]


def test_the_note_keeps_its_words_and_brackets() -> None:
    root = etree.fromstring(encode(parse_text(PLAY, "play.txt"), EncodeOptions(when="2026-01-01")))
    notes = root.xpath("//t:body//t:note[@type='transcriber']", namespaces=NS)
    assert len(notes) == 1
    text = " ".join("".join(notes[0].itertext()).split())
    assert text.startswith("[Transcriber's Note: This text is from")
    assert text.endswith("listed at the end.]")


def test_a_bracket_left_open_is_no_note() -> None:
    document = parse_text(PLAY.replace("at the end.]", "at the end."), "play.txt")
    found = [b for b in walk(document.body) if isinstance(b, Note) and b.type]
    assert [n.type for n in found] == ["editor"]

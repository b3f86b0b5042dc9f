"""Where TEI allows a ``trailer`` (last in a division or the body, after its content) the model's
``Trailer`` is one; elsewhere it is an ``ab`` typed "trailer", its text kept, so the encoding
stays valid wherever a rule or the speaker pass leaves it."""

from __future__ import annotations

from lxml import etree

from teikit import model as m
from teikit.encode import encode
from teikit.encode.options import EncodeOptions

NS = {"t": "http://www.tei-c.org/ns/1.0"}


def _body(*blocks: m.Block) -> etree._Element:
    xml = encode(m.Document(m.Metadata(), blocks), EncodeOptions(when="2026-01-01"))
    body = etree.fromstring(xml).find(".//t:body", NS)
    assert body is not None
    return body


def _shape(node: etree._Element) -> list[str]:
    """Each child as its name, type and words ("abtrailer:THE END")."""
    return [
        f"{etree.QName(c).localname}{c.get('type', '')}:{' '.join(''.join(c.itertext()).split())}"
        for c in node
    ]


def test_trailer_closes_the_division_and_the_body() -> None:
    chapter = m.Division("chapter", ("I",), (m.Paragraph(("Text.",)), m.Trailer(("END OF I.",))))
    body = _body(chapter, m.Trailer(("THE END",)))
    assert _shape(body) == ["divchapter:I Text. END OF I.", "trailer:THE END"]
    assert _shape(body[0]) == ["head:I", "p:Text.", "trailer:END OF I."]


def test_trailer_before_more_text_or_without_content_is_an_ab() -> None:
    body = _body(m.Trailer(("THE END",)), m.Paragraph(("More.",)))
    assert _shape(body) == ["abtrailer:THE END", "p:More."]
    empty = _body(m.Division("chapter", ("I",), (m.Trailer(("FINIS",)),)))
    assert _shape(empty[0]) == ["head:I", "abtrailer:FINIS"]


def test_trailer_inside_a_speech_is_an_ab() -> None:
    speech = m.Speech("", "JACK.", (m.Paragraph(("Yes.",)), m.Trailer(("CURTAIN.",))))
    body = _body(speech)
    assert _shape(body[0]) == ["speaker:JACK.", "p:Yes.", "abtrailer:CURTAIN."]

"""A letter quoted in a narrative keeps its closing and signature as TEI ``closer``/``signed``:
inside ``quote/floatingText[@type='letter']/body``, where TEI allows them."""

from __future__ import annotations

from lxml import etree

from teikit.encode import EncodeOptions, encode
from teikit.parse import parse_text

NS = {"t": "http://www.tei-c.org/ns/1.0"}
PROSE = (
    "He opened the letter that had come in the morning post, and read it slowly by the\n"
    "window, while the rain went on outside and the fire burned low in the grate of the\n"
    "little room where he had spent the whole of that long and uneventful winter.\n\n"
)
LETTER = (
    "    My dear Frank, I am writing in haste to tell you that the house is sold and that\n"
    "    we leave for the coast on Monday. Come if you can, and bring the books with you.\n\n"
    "                                                  Lovingly always,\n\n"
    "                                                                MOTHER.\n\n"
)
NOVEL = PROSE * 12 + LETTER + PROSE * 12


def test_a_quoted_letter_closes_with_closer_and_signed() -> None:
    root = etree.fromstring(encode(parse_text(NOVEL), EncodeOptions(when="2026-01-01")))
    closer = root.xpath("//t:quote/t:floatingText[@type='letter']/t:body/t:closer", namespaces=NS)
    assert len(closer) == 1
    assert closer[0].xpath("string(t:salute)", namespaces=NS) == "Lovingly always,"
    assert closer[0].xpath("string(t:signed)", namespaces=NS) == "MOTHER."
    assert root.xpath("//t:sp", namespaces=NS) == []

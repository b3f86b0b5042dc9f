"""Names that open a few paragraphs of prose, never in an exchange, are no speakers; a
contents list's entries are nobody's turns."""

from __future__ import annotations

from teikit.model import Division, ListBlock, Paragraph, Speech, walk
from teikit.parse import parse_text
from teikit.parse.speakers import _has_dialogue

VOLUME = """({n} DAS VIAGENS)




VIAGENS NA MINHA TERRA


POR J. B. DE ALMEIDA-GARRETT.


{numeral}


CAPITULO {numeral}.

Que viaje á roda do seu quarto quem está á beira dos Alpes, de inverno, em Turim,
que é quasi tão frio como Sam-Petersburgo, entende-se. Mas com este clima, com
este ar que Deus nos deu, não ha desculpa.

Vou nada menos que a Santarem: e protesto que de quanto vir e ouvir, de quanto
eu pensar e sentir se ha de fazer chronica.




VIAGENS NA MINHA TERRA.


     Qu' il est glorieux d'ouvrir une nouvelle carrière, et de paraitre
     tout-à-coup dans le monde savant un livre de découvertes à la main.

     X. DE MAISTRE.




"""
PROSE = "".join(VOLUME.format(n=n, numeral=r) for n, r in (("PRIMEIRO", "I"), ("SEGUNDO", "II")))

CONTENTS = """CONTENTS

  GANCONAGH’S APOLOGY.                       1
  PART I. JOHN SHERMAN LEAVES BALLAH.        3
  DHOYA.                                   171


GANCONAGH’S APOLOGY.

The maker of these stories has been told that he must not bring them to you
himself. He has asked me to pretend that I am the maker.


DHOYA.

Dhoya was a giant of the old time. He was carried off by the Fomorians and left
on the shore of a lake.
"""

DIALOGUE = """ACT I.

HALLA. Have you heard the news from the farm?

KARI. No, what news?

HALLA. The sheriff is coming.

KARI. Then I must go.
"""


def _turns(text: str) -> list[Speech]:
    return [b for b in walk(parse_text(text, "t.txt").body) if isinstance(b, Speech)]


def test_a_title_set_again_over_each_chapter_is_no_speaker() -> None:
    document = parse_text(PROSE, "t.txt")
    assert _turns(PROSE) == []
    assert document.persons == ()


def _turn(who: str, label: str) -> Speech:
    return Speech(who, label, (Paragraph(("Words.",)),))


def _prose() -> Paragraph:
    return Paragraph(("A paragraph of the story.",))


def test_what_makes_a_dialogue() -> None:
    title, name, other = _turn("t", "VIAGENS."), _turn("g", "GANCONAGH"), _turn("d", "DHOYA")
    assert not _has_dialogue((title, _prose(), title, _prose(), title))  # each turn alone
    assert not _has_dialogue((_prose(), name, other, _prose()))  # a pair of names never again
    assert _has_dialogue((_turn("q", "Q:"), _turn("a", "A:")))  # a transcript's one exchange
    assert _has_dialogue((name, other, _prose(), name))  # a pair, and one of them speaks again
    chapter = Division("chapter", ("I",), (name, other, _turn("x", "X.")))
    assert _has_dialogue((_prose(), chapter))  # three in a row, inside a division


def test_contents_entries_and_titles_are_no_turns() -> None:
    assert _turns(CONTENTS) == []
    contents = parse_text(CONTENTS, "t.txt").body[0]
    assert isinstance(contents, Division) and contents.type == "contents"
    assert [type(b) for b in contents.blocks] == [ListBlock]  # its entries stay a list


def test_a_dialogue_keeps_its_turns() -> None:
    assert [t.speaker for t in _turns(DIALOGUE)] == ["HALLA.", "KARI.", "HALLA.", "KARI."]

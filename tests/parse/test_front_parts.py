"""A book's front parts the segmenter reads as plain sections: the half-title and the
dedication; a contents list after a dedication is no part of it."""

from __future__ import annotations

import pytest

from teikit.model import Division
from teikit.parse import parse_text
from teikit.parse.speakers.inlines import plain

HEADER = """Title: Katrine

Author: Elinor Macartney Lane

*** START OF THIS PROJECT GUTENBERG EBOOK KATRINE ***


KATRINE

BY

ELINOR MACARTNEY LANE




    _To_ =Grant B. Schley=

    _Dear friend of many years! Within the_ =Land=
      _Of these few pages you have had your place--
    Have walked the woods with us, and held our hand;
      And watched the river running at its pace;
    For there, where friendship was the only sign,
      You entered freely, for the land was thine!_

    _E.M.L._

    PARIS, 1909




CONTENTS

CHAP.                                PAGE
I. UNDER THE SOUTHERN PINES             1
II. THE MEETING IN THE WOODS           15




KATRINE




I

UNDER THE SOUTHERN PINES

It was a spring morning, and the pines stood dark against a sky that had no
cloud in it from one side to the other.


II

THE MEETING IN THE WOODS

They met in the woods, as the old song has it, and neither said a word.

*** END OF THIS PROJECT GUTENBERG EBOOK KATRINE ***
"""


def _divisions(text: str) -> list[tuple[str, str]]:
    body = parse_text(text, "katrine.txt").body
    return [(b.type, plain(b.head)) for b in body if isinstance(b, Division)]


def test_dedication_half_title_and_contents_side_by_side() -> None:
    found = _divisions(HEADER)
    assert found[0] == ("dedication", "_To_ =Grant B. Schley=")
    # the contents is the body's own division, not the dedication's
    assert ("contents", "CONTENTS") in found
    assert found[-3:] == [("titlepage", "KATRINE"), ("chapter", "I"), ("chapter", "II")]


def test_an_address_after_the_text_began_is_a_section() -> None:
    text = HEADER.replace("THE MEETING IN THE WOODS\n\nThey", "TO THE WOODS\n\nThey")
    assert ("dedication", "TO THE WOODS") not in _divisions(text)


def test_the_title_page_printed_again_after_the_contents() -> None:
    start = HEADER.index("CONTENTS")
    again = (
        "ELINOR MACARTNEY LANE\n\n  KATRINE\n\n  _SECOND EDITION_\n\n"
        "  LONDON\n  T. FISHER UNWIN\n  PATERNOSTER SQUARE\n\n  M DCCC XCI\n\n\n\n\n"
    )
    rest = HEADER[start:].replace("\n\n\n\n\nKATRINE\n", "\n\n\n\n\n" + again, 1)
    found = _divisions(HEADER[: HEADER.index("    _To_")] + rest)
    assert found[0] == ("contents", "CONTENTS")
    assert {kind for kind, _ in found[1:-2]} == {"titlepage"}
    assert found[-2:] == [("chapter", "I"), ("chapter", "II")]


@pytest.mark.parametrize("address", ["DEDICATED TO MY WIFE", "POUR MA MÈRE", "FÜR ANNA"])
def test_other_addresses_are_dedications(address: str) -> None:
    text = (
        f"{address}\n\n    In memory of the summers by the lake,\n    and of the letters.\n\n\n\n"
        "CHAPTER I\n\nIt was a spring morning, and the pines stood dark against the sky.\n\n\n"
        "CHAPTER II\n\nThey met in the woods, as the old song has it.\n"
    )
    found = _divisions(text)
    assert found[0] == ("dedication", address)
    assert found[1:] == [("chapter", "CHAPTER I"), ("chapter", "CHAPTER II")]

"""Cast-list headings as printed editions set them: with an editor's note reference."""

from __future__ import annotations

import pytest

from teikit.model import CastList
from teikit.parse import parse_text

PLAY = """{head}

  VINCENTIO, the Duke.
  ANGELO, Deputy.
  ESCALUS, an ancient Lord.
  ISABELLA, sister to Claudio.


ACT I.

SCENE I. _An apartment in the Duke's palace._

DUKE. Escalus.

ESCALUS. My lord.

ANGELO. Always obedient to your grace's will, I come to know your pleasure,
and to hear what it is your grace would have of me in this.

ISABELLA. Heaven keep your honour!

ESCALUS. And you, my lord.
"""


@pytest.mark.parametrize(
    "head", ["DRAMATIS PERSONÆ.", "DRAMATIS PERSONÆ[1].", "PERSONS OF THE PLAY*", "Personen [a]:"]
)
def test_cast_head_with_a_note_reference(head: str) -> None:
    document = parse_text(PLAY.format(head=head), "play.txt")
    casts = [b for b in document.body if isinstance(b, CastList)]
    assert len(casts) == 1
    assert [item.role for item in casts[0].items] == ["VINCENTIO", "ANGELO", "ESCALUS", "ISABELLA"]


def test_a_note_reference_alone_is_no_cast_head() -> None:
    document = parse_text(PLAY.format(head="NOTES[1]."), "play.txt")
    assert not any(isinstance(b, CastList) for b in document.body)

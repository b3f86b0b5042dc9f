"""Source spans of what a speaker's turn holds: the text after a label that fills its own line
starts on the next line (exported plays print a direction's tail there: ", to Theseus")."""

from __future__ import annotations

from teikit import model as m
from teikit.parse import parse_text

PLAY = """\
HERMIA
I would my father looked but with my eyes.

LYSANDER
, to Theseus
I am, my lord, as well derived as he.

HERMIA
So will I grow, so live, so die, my lord.

LYSANDER
You have her father's love, Demetrius.
Let me have Hermia's. Do you marry him.

HERMIA
, aside
Let me have Hermia's.
"""


def _speeches(blocks: tuple[m.Block, ...]) -> list[m.Speech]:
    out: list[m.Speech] = []
    for block in blocks:
        if isinstance(block, m.Speech):
            out.append(block)
        elif isinstance(block, m.Division):
            out.extend(_speeches(block.blocks))
    return out


def test_text_after_a_label_alone_on_its_line_starts_on_the_next_line() -> None:
    speeches = _speeches(parse_text(PLAY, "play.txt").body)
    assert [s.speaker for s in speeches] == ["HERMIA", "LYSANDER", "HERMIA", "LYSANDER", "HERMIA"]
    starts = [(s.span.start, [b.span.start for b in s.blocks]) for s in speeches]
    assert starts == [(1, [2]), (4, [5]), (8, [9]), (11, [12]), (15, [16])]

"""Gloss lists: "Name: what it stands for" runs are lists, not speeches, even in a dialogue."""

from __future__ import annotations

from collections.abc import Iterator

from teikit.model import Block, Division, ListBlock, Speech
from teikit.parse import parse_text

DIALOGUE = """\
Ruthenberg: We must decide today what the party will do about the elections.

Cannon: I agree that we must decide, but not in the way you propose.

Ruthenberg: Then say what you propose instead.

Cannon: That we run our own candidates in every district where we have members.

Ruthenberg: That is adventurism, and it will isolate us from the workers.

Cannon: It is nothing of the kind, and you know it.

"""
NOTES = """\
Notes

Lovestone: Jay Lovestone, later expelled from the party in 1929 for supporting Bukharin.

Foster: William Z. Foster, leader of the trade union work of the party and its chairman.

Bedacht: Max Bedacht, a member of the Central Executive Committee of the party.

Pepper: John Pepper, the Comintern representative in the United States at the time.
"""


def _walk(blocks: tuple[Block, ...]) -> Iterator[Block]:
    for block in blocks:
        yield block
        if isinstance(block, (Division, Speech)):
            yield from _walk(block.blocks)


def test_names_explained_once_are_a_gloss_list_not_speeches() -> None:
    document = parse_text(DIALOGUE + NOTES, "discussion.txt")
    speeches = [b for b in _walk(document.body) if isinstance(b, Speech)]
    assert [s.speaker for s in speeches] == ["Ruthenberg:", "Cannon:"] * 3
    glosses = [b for b in _walk(document.body) if isinstance(b, ListBlock)]
    assert [(g.kind, [i.label for i in g.items]) for g in glosses] == [
        ("gloss", ["Lovestone:", "Foster:", "Bedacht:", "Pepper:"])
    ]
    assert {p.name for p in document.persons} == {"Ruthenberg", "Cannon"}


def test_speakers_who_answer_each_other_stay_speakers() -> None:
    """Three speakers each heard once in a row are no gloss list when their names come back
    ("Monty Johnstone:" then "Monty:"), nor when they speak at length."""
    roundtable = (
        "Question: Was the congress a turning point?\n\n"
        "Monty Johnstone: It was a turning point in some respects.\n\n"
        "Wlodzimierz Brus: In my opinion there is no comparison.\n\n"
        "David Lane: I do not think it is comparable to the 1956 congress.\n\n"
        "Question: What of the Brezhnev era?\n\n"
        "David: The leadership accepted slow growth.\n\n"
        "Monty: The reforms stopped in 1968.\n\n"
        "Question: And now?\n\n"
        "David: Now there is a new emphasis.\n\n"
        "Monty: We shall see.\n"
    )
    document = parse_text(roundtable, "roundtable.txt")
    speeches = [b for b in _walk(document.body) if isinstance(b, Speech)]
    assert len(speeches) == 10
    assert not [b for b in _walk(document.body) if isinstance(b, ListBlock)]

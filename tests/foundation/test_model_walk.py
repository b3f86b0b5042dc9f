"""``model.walk``: every block of a document and the blocks inside it, in reading order."""

from __future__ import annotations

from teikit.model import Division, Item, ListBlock, Note, Paragraph, Quote, Speech, walk


def test_walk_visits_every_nested_block_in_reading_order() -> None:
    first, said, quoted, noted, listed, last = (Paragraph((t,)) for t in "abcdef")
    body = (
        first,
        Division(
            "chapter",
            ("I",),
            (
                Speech("x", "X.", (said, Quote((quoted,)))),
                Note("n1", "", (noted,), "foot"),
                ListBlock((Item("", (listed,)),)),
            ),
        ),
        last,
    )
    paragraphs = [b.content[0] for b in walk(body) if isinstance(b, Paragraph)]
    assert paragraphs == ["a", "b", "c", "d", "e", "f"]
    assert [type(b).__name__ for b in walk(body)][:4] == [
        "Paragraph",
        "Division",
        "Speech",
        "Paragraph",
    ]

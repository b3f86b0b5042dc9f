"""A title block with no metadata after it: chapters cut from books, speeches with a dateline.

The author line and the title (and a short parenthesis or dateline after them) are front
matter; a heading, a speaker's label or a first sentence in their place leaves every line in
the body.
"""

from __future__ import annotations

import pytest

from teikit.parse import parse_text

BODY = "\n\nThe first paragraph of the text, a sentence of some length.\n\nA second one.\n"


def roles(text: str) -> list[tuple[str, str]]:
    return [(line.role, line.text) for line in parse_text(text + BODY).metadata.front]


def test_author_and_title_over_the_first_chapter() -> None:
    text = "Tony Cliff & Donny Gluckstein\n\nThe Labour Party\n\n1. The Birth of Reformism"
    assert roles(text) == [
        ("author", "Tony Cliff & Donny Gluckstein"),
        ("title", "The Labour Party"),
    ]
    heads = [b for b in parse_text(text + BODY).body if type(b).__name__ == "Division"]
    assert heads, "the chapter heading stays in the body"


def test_parenthesis_and_dateline_after_the_title() -> None:
    text = "Salvador Allende\n\nSpeech to the United Nations\n\n(excerpts)\n\n4 December 1972"
    assert roles(text) == [
        ("author", "Salvador Allende"),
        ("title", "Speech to the United Nations"),
        ("subtitle", "(excerpts)"),
        ("dateline", "4 December 1972"),
    ]


def test_a_possessive_author_line_names_the_author_in_the_header() -> None:
    from lxml import etree

    from teikit.encode import encode
    from teikit.encode.options import EncodeOptions

    text = "Vladimir Lenin’s\n\n“Left-Wing” Communism: an Infantile Disorder\n\nChapter V"
    assert roles(text)[0] == ("author", "Vladimir Lenin’s")  # verbatim on the title page
    tei = etree.fromstring(encode(parse_text(text + BODY), EncodeOptions(when="2026-01-01")))
    ns = {"t": "http://www.tei-c.org/ns/1.0"}
    assert tei.xpath("string(//t:titleStmt/t:author)", namespaces=ns) == "Vladimir Lenin"
    assert tei.xpath("string(//t:titlePage/t:docAuthor)", namespaces=ns) == "Vladimir Lenin’s"


@pytest.mark.parametrize(
    "text",
    [
        "HAMLET.\n\nWho’s there?",  # a speaker's label over a speech
        "JACK:\n\nHow are you?",
        "AFRO-AMERICAN PROGRAM OF ACTION\n\nFOREWORD",  # headings in capitals
        "Marxist History: USA: Black Panther Party\n\nPBS Interview with Angela Davis (1998)",
        "Robert Tressell\n\nChapter 1",  # no title: the chapter heading begins the body
        "Robert Tressell\n\nIt was a cold morning.",  # a first sentence, not a title
    ],
)
def test_near_misses_keep_every_line_in_the_body(text: str) -> None:
    assert roles(text) == []


def test_title_over_a_byline() -> None:
    """A book's title and "BY" its author, as a transcription without header begins."""
    text = "THE RIVER AND OTHER POEMS\n\nBY JANE WRITER\n\n\nCHAPTER I"
    assert roles(text) == [("title", "THE RIVER AND OTHER POEMS"), ("byline", "BY JANE WRITER")]
    document = parse_text(text + BODY)
    assert document.metadata.first("author").value == "JANE WRITER"
    assert document.metadata.first("title").value == "THE RIVER AND OTHER POEMS"


@pytest.mark.parametrize(
    "text",
    [
        "CHAPTER I\n\nBy the river",  # a heading, then a sentence's start
        "It was late.\n\nBy the river we sat down.",  # the text's first sentences
        "THE RIVER\n\nBy and by, the waters rose over the meadow",  # no name after "By"
    ],
)
def test_no_title_over_a_byline(text: str) -> None:
    assert roles(text) == []

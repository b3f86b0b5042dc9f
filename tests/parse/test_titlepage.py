"""A Gutenberg body's title page goes to ``front/titlePage``, its credits to the header; the text
proper starts at the first chapter, act, contents or prose; no title page without the title."""

from __future__ import annotations

from lxml import etree

from teikit.encode import EncodeOptions, encode
from teikit.parse import parse_text

NS = {"t": "http://www.tei-c.org/ns/1.0"}
HEADER = """The Project Gutenberg EBook of A Tale, by Jane Writer

Title: A Tale of Two Towns
       Being a True History

Author: Jane Writer

Release Date: May 1, 2010 [EBook #1234]

*** START OF THIS PROJECT GUTENBERG EBOOK A TALE ***

"""
PAGE = """Produced by Ann Reader and the Online Distributed Proofreading
Team at http://www.pgdp.net


[Illustration: THE TWO TOWNS]


A TALE OF TWO TOWNS

BEING A TRUE HISTORY


BY

_JANE WRITER_

AUTHOR OF "THE RIVER"


_SECOND EDITION_


LONDON
SMITH, ELDER & CO.
MDCCCXC


CHAPTER I

THE FIRST TOWN

It was a cold morning when the coach arrived, and the passengers, who had been
travelling all night, went into the inn one by one and called for breakfast.
"""
FOOTER = "\n*** END OF THIS PROJECT GUTENBERG EBOOK A TALE ***\n"


def tei(body: str) -> etree._Element:
    return etree.fromstring(
        encode(parse_text(HEADER + body + FOOTER), EncodeOptions(when="2026-01-01"))
    )


def texts(root: etree._Element, path: str) -> list[str]:
    return [" ".join("".join(n.itertext()).split()) for n in root.xpath(path, namespaces=NS)]


def test_title_page_lines_get_their_roles() -> None:
    root = tei(PAGE)
    page = "//t:front/t:titlePage"
    assert texts(root, f"{page}/t:docTitle/t:titlePart[@type='main']") == ["A TALE OF TWO TOWNS"]
    assert texts(root, f"{page}/t:docTitle/t:titlePart[@type='sub']") == ["BEING A TRUE HISTORY"]
    assert texts(root, f"{page}/t:docAuthor") == ["_JANE WRITER_"]
    assert texts(root, f"{page}/t:byline") == ["BY", 'AUTHOR OF "THE RIVER"']
    assert texts(root, f"{page}/t:docEdition") == ["_SECOND EDITION_"]
    assert texts(root, f"{page}/t:docImprint") == ["LONDON", "SMITH, ELDER & CO.", "MDCCCXC"]
    assert texts(root, f"{page}/t:figure/t:figDesc") == ["[Illustration: THE TWO TOWNS]"]


def test_the_text_proper_starts_at_the_first_chapter_and_credits_go_to_the_header() -> None:
    root = tei(PAGE)
    assert texts(root, "//t:body/t:div[1]/t:head[1]") == ["CHAPTER I"]
    assert "Produced" not in " ".join(texts(root, "//t:text"))
    assert texts(root, "//t:titleStmt/t:respStmt[1]/t:persName") == ["Ann Reader"]
    # the header's Title: line names the work, not the capitals of the title page
    assert texts(root, "//t:titleStmt/t:title[@type='main']") == ["A Tale of Two Towns"]


def test_without_the_title_there_is_no_title_page() -> None:
    body = PAGE.replace("A TALE OF TWO TOWNS", "SOMETHING ELSE ENTIRELY")
    root = tei(body)
    assert root.xpath("//t:front", namespaces=NS) == []
    assert "SOMETHING ELSE ENTIRELY" in " ".join(texts(root, "//t:body"))


BARE = """
A TALE OF TWO TOWNS

OR

THE TRUE HISTORY

BY JANE WRITER

LONDON

JOHN HARDY, FLEET STREET


     FIRST EDITION               _June 1882_

     _Reprinted_                 _May 1915_


CONTENTS

    I. THE OLD TOWN       1

   II. THE NEW TOWN      15


CHAPTER I

THE OLD TOWN

It was a town of narrow streets and old houses, where nothing had changed
for a hundred years and nobody wished it would.

End of the Project Gutenberg EBook of A Tale of Two Towns, by Jane Writer
"""


def test_title_page_of_a_copy_without_header() -> None:
    """The header was cut off: the title page is still front matter, its title and author the
    header's, and the footer line no part of the body."""
    root = etree.fromstring(encode(parse_text(BARE, "tale.txt"), EncodeOptions(when="2026-01-01")))
    assert root.xpath("string(//t:titleStmt/t:title)", namespaces=NS) == "A TALE OF TWO TOWNS"
    assert root.xpath("string(//t:titleStmt/t:author)", namespaces=NS) == "JANE WRITER"
    page = root.xpath("//t:front/t:titlePage", namespaces=NS)[0]
    assert [e.tag.split("}")[1] for e in page] == [
        "docTitle", "byline", "docImprint", "docImprint", "docEdition", "docEdition"
    ]  # fmt: skip
    body = root.xpath("//t:body", namespaces=NS)[0]
    assert root.xpath("string(//t:body//t:div[@type='contents']/t:head)", namespaces=NS) == (
        "CONTENTS"
    )
    assert root.xpath("//t:body/t:div[@type='chapter']/t:head/text()", namespaces=NS) == [
        "CHAPTER I",
        "THE OLD TOWN",
    ]
    assert "Gutenberg" not in "".join(body.itertext())


def test_text_opening_with_a_heading_has_no_bare_title_page() -> None:
    text = "CHAPTER I\n\nTHE OLD TOWN\n\nIt was a town of narrow streets.\n\nBY THE RIVER\n\n1882\n"
    assert not parse_text(text, "t.txt").metadata.front


def test_first_heading_under_the_title_is_no_subtitle() -> None:
    """A line under the title shaped like the headings the text prints further on ("MY FIRST
    STAGE" before "MY SECOND STAGE") opens the text; it is no subtitle."""
    page = "THE STORY OF A RUMOUR\n\n\n\nMY FIRST STAGE\n\n\nIt began over tea.\n\n"
    rest = "".join(f"\n\n\nMY {n} STAGE\n\n\nIt went on.\n" for n in ("SECOND", "THIRD", "LAST"))
    old_title = "A Tale of Two Towns\n       Being a True History"
    text = HEADER.replace(old_title, "The Story of a Rumour")
    document = parse_text(text + page + rest, "rumour.txt")
    assert [f.text for f in document.metadata.front] == ["THE STORY OF A RUMOUR"]
    root = etree.fromstring(encode(document, EncodeOptions(when="2026-01-01")))
    assert root.xpath("//t:body/t:div/t:head/text()", namespaces=NS)[0] == "MY FIRST STAGE"


def test_title_and_subtitle_on_one_line_and_a_dedication_after() -> None:
    """The header sets the subtitle on a line of its own, the title page prints both on one
    line; the wrapped dedication under the byline is the text's, not a subtitle."""
    page = (
        "Produced by Ann Reader\n\n\n\nA TALE OF TWO TOWNS, BEING A TRUE HISTORY\n\n"
        "By Jane Writer\n\n\n"
        "I would inscribe these pages to one whose patient care and good counsel have\n"
        "guided them from the first line to the last, and who will forgive me for\n"
        "saying so in print, the kindest of readers and the severest of critics.\n\n\n"
        "CHAPTER I\n\nIt was a cold morning when the coach arrived.\n"
    )
    root = tei(page)
    title_page = "//t:front/t:titlePage"
    assert texts(root, f"{title_page}/t:docTitle/t:titlePart") == [
        "A TALE OF TWO TOWNS, BEING A TRUE HISTORY"
    ]
    assert texts(root, f"{title_page}/t:byline") == ["By Jane Writer"]
    assert texts(root, "//t:body/t:p[1]")[0].startswith("I would inscribe these pages")
    assert "Produced" not in " ".join(texts(root, "//t:text"))


def test_credits_leave_the_body_without_a_title_page() -> None:
    """The title page is not the header's title: no title page, but the transcriber's credit
    that opens the body is the header's all the same."""
    root = tei(PAGE.replace("A TALE OF TWO TOWNS", "SOMETHING ELSE ENTIRELY"))
    assert root.xpath("//t:front", namespaces=NS) == []
    assert "Produced" not in " ".join(texts(root, "//t:text"))
    assert texts(root, "//t:titleStmt/t:respStmt[1]/t:persName") == ["Ann Reader"]
    assert "SOMETHING ELSE ENTIRELY" in " ".join(texts(root, "//t:body"))


def test_author_above_the_title_and_the_title_spelt_otherwise() -> None:
    """French title pages set the author's name first; a title page may spell the title a
    little otherwise than the header ("DOCTOR" for "Dr."); an illustrator's credit is no list
    of illustrations."""
    text = HEADER.replace(
        "A Tale of Two Towns\n       Being a True History", "The History of Dr. Jones"
    )
    page = (
        "JANE WRITER\n\nTHE HISTORY OF DOCTOR JONES\n\nILLUSTRATIONS DE E. BAYARD\n\n1890\n\n\n"
        "CHAPTER I\n\nIt was a cold morning when the coach arrived.\n"
    )
    root = etree.fromstring(
        encode(parse_text(text + page + FOOTER), EncodeOptions(when="2026-01-01"))
    )
    title_page = "//t:front/t:titlePage"
    assert texts(root, f"{title_page}/t:docAuthor") == ["JANE WRITER"]
    assert texts(root, f"{title_page}/t:docTitle/t:titlePart") == ["THE HISTORY OF DOCTOR JONES"]
    assert texts(root, f"{title_page}/t:docImprint") == ["1890"]
    assert texts(root, "//t:body/t:div[1]/t:head") == ["CHAPTER I"]


def test_the_title_set_again_over_the_text_is_a_half_title() -> None:
    contents = "CONTENTS\n\n  I. THE FIRST TOWN      1\n II. THE SECOND TOWN    9\n\n\n\n\n"
    half_title = "A TALE OF TWO TOWNS\n\n\n\n\n"
    body = PAGE.replace("CHAPTER I\n", contents + half_title + "CHAPTER I\n", 1)
    root = tei(body)
    half = root.xpath("//t:body/t:div[@type='titlepage']", namespaces=NS)
    assert [texts(d, "t:head") for d in half] == [["A TALE OF TWO TOWNS"]]
    assert texts(root, "//t:body/t:div[@type='chapter']/t:head[1]") == ["CHAPTER I"]


def test_a_division_named_like_the_book_with_text_in_it_stays_one() -> None:
    body = PAGE.replace("CHAPTER I\n\nTHE FIRST TOWN\n", "A TALE OF TWO TOWNS\n")
    root = tei(body)
    assert root.xpath("//t:body//t:div[@type='titlepage']", namespaces=NS) == []


PLAY = """A TALE OF TWO TOWNS

Ein dramatisches Gedicht


Personen:

Sultan Saladin
Sittah, dessen Schwester
Nathan, ein reicher Jude


ERSTER AUFZUG

Nathan. Er ist es! Nathan! Gott sei ewig Dank.

Sittah. Du kommst spät, Nathan.

Saladin. Wie lange bleibst du?

Nathan. Nicht lange, Sultan.
"""


def test_a_cast_heading_ends_the_title_page() -> None:
    """ "Personen:" is the cast list's heading, not a subtitle of the title page."""
    root = tei(PLAY)
    assert "Personen:" not in texts(root, "//t:front/t:titlePage//t:titlePart")
    assert texts(root, "//t:castList/t:head") == ["Personen:"]
    assert texts(root, "//t:castList/t:castItem/t:role") == ["Sultan Saladin", "Sittah", "Nathan"]

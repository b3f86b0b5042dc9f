"""Each metadata form lands in its TEI element (the table in docs/header-mapping.md)."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from teikit.encode import EncodeOptions, encode
from teikit.parse import parse_text

NS = {"t": "http://www.tei-c.org/ns/1.0"}
BODY = (
    "\n\nThe first paragraph of the body, long enough to be prose and nothing else at all here.\n"
)


def header_of(metadata: str, top: str = "A. Writer\n\nA Title\n\n") -> etree._Element:
    xml = encode(parse_text(top + metadata + BODY, "case.txt"), EncodeOptions(when="2026-01-01"))
    return etree.fromstring(xml)


def text(root: etree._Element, path: str) -> list[str]:
    return [
        " ".join("".join(n.itertext()).split()) if isinstance(n, etree._Element) else str(n)
        for n in root.xpath(path, namespaces=NS)
    ]


ROWS = [
    (
        "Source: Collected Works, Vol. 3, pp. 10-12",
        "//t:sourceDesc/t:bibl[@type='printedSource']/t:biblScope[@unit='volume']/@n",
        "3",
    ),
    (
        "Source: Collected Works, Vol. 3, pp. 10-12",
        "//t:sourceDesc/t:bibl/t:biblScope[@unit='page']/@from",
        "10",
    ),
    (
        "First Published:1933",
        "//t:sourceDesc/t:bibl[@type='firstPublication']/t:date/@when",
        "1933",
    ),
    (
        "First Published: Pravda, No. 12, Jan. 10, 1924",
        "//t:bibl[@type='firstPublication']/t:date/@when",
        "1924-01-10",
    ),
    ("Publisher: Progress Publishers, Moscow, 1965", "//t:sourceDesc/t:bibl/t:pubPlace", "Moscow"),
    ("Written: 9 January 1924", "//t:profileDesc/t:creation/t:date/@when", "1924-01-09"),
    ("Spoken: Spring 1917", "//t:profileDesc/t:creation/t:date/@notBefore", "1917-03"),
    ("Delivered: March 1919", "//t:profileDesc/t:creation/t:date/@when", "1919-03"),
    (
        "Transcription\\HTML Markup: Sally Ryan",
        "//t:titleStmt/t:respStmt[t:resp='Transcription\\HTML Markup']/t:persName",
        "Sally Ryan",
    ),
    (
        "Transcription/Markup: Brian Reid",
        "//t:titleStmt/t:respStmt[t:resp='Transcription/Markup']/t:persName",
        "Brian Reid",
    ),
    (
        "Proofreader: Ana Gomez",
        "//t:titleStmt/t:respStmt[t:resp='Proofreader']/t:persName",
        "Ana Gomez",
    ),
    (
        "Translated: Progress Publishers",
        "//t:titleStmt/t:respStmt[t:resp='Translated']/t:name",
        "Progress Publishers",
    ),
    (
        "Transcribed by Ted Crawford.",
        "//t:titleStmt/t:respStmt[t:resp='Transcribed by']/t:persName",
        "Ted Crawford",
    ),
    (
        "Marked up by Einde O’Callaghan for the Marxists’ Internet Archive.",
        "//t:respStmt[t:resp='Marked up by']/t:persName",
        "Einde O’Callaghan",
    ),
    ("Copyleft: Internet Archive (marxists.org) 2003", "//t:availability/@status", "free"),
    ("Fair Use: the text is used for study", "//t:availability/@status", "restricted"),
    (
        "Public Domain: Marxists Internet Archive (2008).",
        "//t:availability/t:licence",
        "Public Domain: Marxists Internet Archive (2008).",
    ),
    (
        "Online Version: Marxists Internet Archive, 2004",
        "//t:editionStmt/t:edition",
        "Online Version: Marxists Internet Archive, 2004",
    ),
    (
        "Discussed: April 23 through July 20, 1938.",
        "//t:profileDesc/t:creation/t:date/@notBefore",
        "1938-04-23",
    ),
    ("Written: January 9-11, 1924", "//t:creation/t:date/@notAfter", "1924-01-11"),
    ("Delivered: 1917-18", "//t:creation/t:date/@notAfter", "1918"),
    (
        "Duncan Hallas was interviewed by Ian Birchall in February 2001.\nTranscribed by A. B.",
        "//t:profileDesc/t:creation/t:date",
        "February 2001",
    ),
    (
        "A. Writer, The German SDP, Justice, 22nd April 1915, p.8.\nTranscribed by A. B.",
        "//t:sourceDesc/t:bibl[t:author='A. Writer']/t:title[@level='a']",
        "The German SDP",
    ),
    (
        "A. Writer, The German SDP, Justice, 22nd April 1915, p.8.\nTranscribed by A. B.",
        "//t:sourceDesc/t:bibl/t:title[@level='j']",
        "Justice",
    ),
    (
        "Source: Works\nDistributed by Merit Publishers, 873 Broadway, New York.",
        "//t:sourceDesc/t:bibl[@type='distribution']/t:distributor",
        "Merit Publishers",
    ),
    (
        "Downloaded with thanks from the Solidarity Website.\nSource: Works",
        "//t:sourceDesc/t:bibl/t:title",
        "the Solidarity Website",
    ),
    # parts found anywhere in a citation, not only between commas
    (
        "First Published: April 7, 1917 in Pravda No. 26. Signed: N. Lenin.",
        "//t:bibl[@type='firstPublication']/t:title[@level='j']",
        "Pravda",
    ),
    (
        "First Published: April 7, 1917 in Pravda No. 26. Signed: N. Lenin.",
        "//t:bibl[@type='firstPublication']/t:biblScope[@unit='issue']/@n",
        "26",
    ),
    (
        "First Published: April 7, 1917 in Pravda No. 26. Signed: N. Lenin.",
        "//t:bibl[@type='firstPublication']/t:date/@when",
        "1917-04-07",
    ),
    (
        "Source: Lenin’s Collected Works, Progress Publishers, 1964, Moscow, Volume 24, pp. 19-26.",
        "//t:bibl[@type='printedSource']/t:publisher",
        "Progress Publishers",
    ),
    (
        "Source: Lenin’s Collected Works, Progress Publishers, 1964, Moscow, Volume 24, pp. 19-26.",
        "//t:bibl[@type='printedSource']/t:pubPlace",
        "Moscow",
    ),
    (
        "Published: Revolutionary History, Vol. 8 No. 2, 2002, pp. 208–12.",
        "//t:bibl[@type='publication']/t:biblScope[@unit='issue']/@n",
        "2",
    ),
    ("Written: April 4 and 5, 1917", "//t:creation/t:date/@notAfter", "1917-04-05"),
    ("Written: by Marx in the Spring of 1845;", "//t:creation/t:date", "Spring of 1845"),
    (
        "Source: Selected Works, Volume One, p. 13; Publisher: Progress Publishers, Moscow, 1969;",
        "//t:bibl[@type='printedSource']/t:publisher",
        "Progress Publishers",
    ),
    (
        "Translated: W. Lough from the German;",
        "//t:respStmt[t:resp='Translated']/t:persName",
        "W. Lough",
    ),
    (
        "Transcription/Markup: Zodiac/Brian Baggins;",
        "//t:respStmt[t:resp='Transcription/Markup']/t:persName",
        "Brian Baggins",
    ),
    (
        "First Published: 1932 by Pioneer Publishers, New York.",
        "//t:bibl[@type='firstPublication']/t:publisher",
        "Pioneer Publishers",
    ),
    (
        "Source: London: Leonard Smithers and Co, 1899",
        "//t:bibl[@type='printedSource']/t:pubPlace",
        "London",
    ),
    (
        "Source: London: Leonard Smithers and Co, 1899",
        "//t:bibl[@type='printedSource']/t:publisher",
        "Leonard Smithers and Co",
    ),
    (
        "Produced by Jane Doe and the Online Distributed Proofreading Team",
        "//t:respStmt[t:resp='Produced by']/t:persName",
        "Jane Doe",
    ),
    (
        "Source: Ralph Fox: A Writer in Arms, Lawrence & Wishart, Ltd, London, 1937",
        "//t:bibl[@type='printedSource']/t:publisher",
        "Lawrence & Wishart",
    ),
    (  # a quoted title "in" a host: the article, then the periodical it appeared in
        "Source: “The Letter” in International Press Correspondence, Vol. 8 No. 3",
        "//t:bibl[@type='printedSource']/t:title[@level='a']",
        "The Letter",
    ),
    (
        "Source: “The Letter” in International Press Correspondence, Vol. 8 No. 3",
        "//t:bibl[@type='printedSource']/t:title[@level='j']",
        "International Press Correspondence",
    ),
    (  # an issue number or a date to the month, and no publisher: a periodical
        "Source: Socialist Worker Review, No.105, January 1988, pp.13-16.",
        "//t:bibl[@type='printedSource']/t:title[@level='j']",
        "Socialist Worker Review",
    ),
    (
        "Source: Time Out, 11 June 1976.",
        "//t:bibl[@type='printedSource']/t:title[@level='j']",
        "Time Out",
    ),
    (  # "published by" inside the citation: the name after it is the publisher
        "Source: On the Labor Party, a pamphlet published by Merit Publishers [New York] in 1969.",
        "//t:bibl[@type='printedSource']/t:publisher",
        "Merit Publishers",
    ),
    (
        "Source: On the Labor Party, a pamphlet published by Merit Publishers [New York] in 1969.",
        "//t:bibl[@type='printedSource']/t:pubPlace",
        "[New York]",
    ),
    (  # an imprint in brackets, place first
        "Source: Thirty Years of Treason, Eric Bentley, ed. (New York: Viking Press, 1971), 770.",
        "//t:bibl[@type='printedSource']/t:publisher",
        "Viking Press",
    ),
    (
        "Source: Thirty Years of Treason, Eric Bentley, ed. (New York: Viking Press, 1971), 770.",
        "//t:bibl[@type='printedSource']/t:pubPlace",
        "New York",
    ),
    (  # a credit naming the printed edition it was transcribed from
        "Transcribed from the 1915 Methuen & Co. Ltd. edition by David Price.",
        "//t:bibl[@type='printedSource']/t:publisher",
        "Methuen & Co. Ltd.",
    ),
    (
        "Transcribed from the 1915 Methuen & Co. Ltd. edition by David Price.",
        "//t:bibl[@type='printedSource']/t:date/@when",
        "1915",
    ),
    (  # the name before "ed." is the book's editor
        "Source: Thirty Years of Treason, Eric Bentley, ed. (New York: Viking Press, 1971), 770.",
        "//t:bibl[@type='printedSource']/t:editor",
        "Eric Bentley",
    ),
    (  # a book: its publisher, or a title that collects pieces, even when dated to the month
        "Source: Guairas, Book Institute, Havana, 1967",
        "//t:bibl[@type='printedSource']/t:title[@level='m']",
        "Guairas",
    ),
    (
        "Source: Speeches & Documents of the Sixth Conference, May 17-19, 1924",
        "//t:bibl[@type='printedSource']/t:title[@level='m']",
        "Speeches & Documents of the Sixth Conference",
    ),
    (
        "Source: Collected Works, Volume 31",
        "//t:bibl[@type='printedSource']/t:title[@level='m']",
        "Collected Works",
    ),
    (
        "Source: Selected Works, Spartacist Publishing Company, Box 1377 G.P.O. New York",
        "//t:bibl[@type='printedSource']/t:date",
        None,
    ),
    (
        "Published by the Young Socialist Alliance, New York in April 1969",
        "//t:bibl[@type='publication']/t:publisher",
        "the Young Socialist Alliance",
    ),
    (
        "First Published: Pravda Nos. 221, 222 and 223, October 1920",
        "//t:bibl[@type='firstPublication']/t:biblScope[@unit='issue']/@n",
        "221",
    ),
    # labels read by their first words
    ("Source Publisher: Penguin, London, 1970", "//t:sourceDesc/t:bibl/t:publisher", "Penguin"),
    (
        "First Published in English: New Left Review, 1968",
        "//t:bibl[@type='firstPublication']/t:title",
        "New Left Review",
    ),
    (
        "Translated & Edited: Ana Gomez",
        "//t:respStmt[t:resp='Translated & Edited']/t:persName",
        "Ana Gomez",
    ),
    (
        "Transcription/HTML: Sally Ryan",
        "//t:respStmt[t:resp='Transcription/HTML']/t:persName",
        "Sally Ryan",
    ),
    # a credit's words besides its names: the credit as printed in respStmt/note
    (
        "Proofread: Einde O’Callaghan (September 2015).",
        "//t:respStmt[t:resp='Proofread']/t:note/t:date/@when",
        "2015-09",
    ),
    (
        "Transcription/Markup: Graham Seaman, 2018",
        "//t:respStmt[t:resp='Transcription/Markup']/t:note",
        "Graham Seaman, 2018",
    ),
    (
        "Transcribed by David Price, email ccx074@pglaf.org",
        "//t:respStmt[t:persName='David Price']/t:note/t:email",
        "ccx074@pglaf.org",
    ),
    (
        "Produced by Jane Doe and the Online Distributed Proofreading Team at http://www.pgdp.net",
        "//t:respStmt[t:resp='Produced by']/t:note/t:ref/@target",
        "http://www.pgdp.net",
    ),
    (
        "Marked up by Einde O’Callaghan for the Marxists’ Internet Archive.",
        "//t:respStmt[t:resp='Marked up by']/t:note",
        "Einde O’Callaghan for the Marxists’ Internet Archive.",
    ),
    ("Transcription/Markup: Brian Reid", "//t:respStmt[t:persName='Brian Reid']/t:note", None),
    # a prose credit's opening words stay in its bibl
    (
        "Downloaded with thanks from the Solidarity Website.",
        "//t:sourceDesc/t:bibl[@type='printedSource']",
        "Downloaded with thanks from the Solidarity Website.",
    ),
    (
        "Distributed by Merit Publishers, 873 Broadway, New York.",
        "//t:sourceDesc/t:bibl[@type='distribution']",
        "Distributed by Merit Publishers, 873 Broadway, New York.",
    ),
    (
        "Published in Revolutionary History, Vol. 8 No. 2, 2002.",
        "//t:sourceDesc/t:bibl[@type='publication']",
        "Published in Revolutionary History, Vol. 8 No. 2, 2002.",
    ),
    ("Source: Works", "//t:sourceDesc/t:bibl[@type='printedSource']", "Works"),
    (
        "Source: X Review\nCoffee Break: ten minutes",
        "//t:notesStmt/t:note[@type='other']",
        "Coffee Break: ten minutes",
    ),
]


@pytest.mark.parametrize("metadata, path, expected", ROWS, ids=[r[0][:30] for r in ROWS])
def test_mapping_row(metadata: str, path: str, expected: str | None) -> None:
    found = text(header_of(metadata), path)
    assert expected in found if expected is not None else found == []


CITATIONS = [
    "April 7, 1917 in Pravda No. 26. Signed: N. Lenin.",
    "Lenin’s Collected Works, Progress Publishers, 1964, Moscow, Volume 24, pp. 19-26.",
    "Works, Vol. 6, January-November, 1924, pp. 1-2",
    "In: Die Neue Zeit, Bd. 2, Heft 3, S. 12-15, Stuttgart 1899",
    "E. Belfort Bax, The German SDP, Justice, 22nd April 1915, p.8. (letter)",
    "Zarya Vostoka, No. 473, January 10, 1924",
    ", ; . — ",
]


@pytest.mark.parametrize("citation", CITATIONS)
def test_a_citation_keeps_every_character(citation: str) -> None:
    from teikit.encode.bibl import write_source_bibl
    from teikit.encode.tei import el

    bibl = write_source_bibl(
        el(None, "sourceDesc"), citation, type_="t", level="m", author="E. Belfort Bax"
    )
    assert "".join(bibl.itertext()) == citation


def test_a_title_printed_over_two_lines_is_one_title() -> None:
    root = header_of(
        "Source: Works",
        top="Leon Trotsky\n\nOn the Labor Party Question\nin the United States\n\n"
        "Three Discussions in Mexico City with\nJames P. Cannon and Max Shachtman\n\n",
    )
    assert text(root, "//t:titleStmt/t:title[@type='main']") == [
        "On the Labor Party Question in the United States"
    ]
    assert text(root, "//t:titleStmt/t:title[@type='sub']") == [
        "Three Discussions in Mexico City with James P. Cannon and Max Shachtman"
    ]


def test_an_author_line_with_a_year() -> None:
    root = header_of("Source: Works", top="Salvador Allende 1970\n\nVictory Speech\n\n")
    assert text(root, "//t:titleStmt/t:author") == ["Salvador Allende"]
    assert text(root, "//t:titleStmt/t:title[@type='main']") == ["Victory Speech"]
    assert text(root, "//t:profileDesc/t:creation/t:date/@when") == ["1970"]


def test_a_credit_with_its_date_names_the_person_only() -> None:
    root = header_of("Proofread: Einde O’Callaghan (September 2015).")
    assert text(root, "//t:respStmt[t:resp='Proofread']/t:persName") == ["Einde O’Callaghan"]


def test_every_creation_line_is_kept_with_its_label() -> None:
    root = header_of("Written: 3 March 1919\nDelivered: 6 March 1919\nSource: Works")
    assert text(root, "//t:creation/t:date/@when") == ["1919-03-03", "1919-03-06"]
    assert text(root, "//t:creation") == ["Written: 3 March 1919; Delivered: 6 March 1919"]


def test_title_block_roles() -> None:
    root = header_of(
        "Source: Works",
        top="Monty Johnstone et al.\n\nWill It Work?\n\nA roundtable discussion\n\n"
        "(April 1986)\n\n",
    )
    assert text(root, "//t:titleStmt/t:author") == ["Monty Johnstone et al."]
    assert text(root, "//t:titleStmt/t:title[@type='main']") == ["Will It Work?"]
    assert text(root, "//t:titleStmt/t:title[@type='sub']") == ["A roundtable discussion"]
    assert text(root, "//t:creation/t:date/@when") == ["1986-04"]


def test_metadata_lines_never_reach_the_body() -> None:
    root = header_of(
        "Source: Works\nTranscription/Markup: Brian Reid\nMystery Label: kept somewhere"
    )
    body = " ".join(text(root, "//t:text"))
    assert "Brian Reid" not in body and "Mystery" not in body
    assert text(root, "//t:notesStmt/t:note") == ["Mystery Label: kept somewhere"]
    document = parse_text(
        "A. Writer\n\nA Title\n\nSource: Works\nMystery Label: kept somewhere" + BODY, "m.txt"
    )
    assert [(w.code, w.line) for w in document.warnings] == [("header-unmapped", 6)]


GUTENBERG = """The Project Gutenberg EBook of A Play, by Some Writer

Title: A Play
       In Three Acts

Author: Some Writer

Release Date: August 29, 2006  [EBook #844]

Language: English

*** START OF THE PROJECT GUTENBERG EBOOK A PLAY ***

A PLAY

The first line of the play itself, which is the body of the text.

*** END OF THE PROJECT GUTENBERG EBOOK A PLAY ***

This file should be named 844.txt. Licence text follows here.
"""


def test_gutenberg_header_and_licence_stay_out_of_the_body() -> None:
    root = etree.fromstring(
        encode(parse_text(GUTENBERG, "pg.txt"), EncodeOptions(when="2026-01-01"))
    )
    assert text(root, "//t:titleStmt/t:title[@type='main']") == ["A Play"]
    assert text(root, "//t:titleStmt/t:title[@type='sub']") == ["In Three Acts"]
    assert text(root, "//t:titleStmt/t:author") == ["Some Writer"]
    assert text(root, "//t:sourceDesc/t:bibl[@type='digitalSource']/t:idno") == ["844"]
    assert text(root, "//t:sourceDesc/t:bibl[@type='digitalSource']/t:date/@when") == ["2006-08-29"]
    body = " ".join(text(root, "//t:text"))
    assert (
        "Licence text" not in body
        and "Release Date" not in body
        and "first line of the play" in body
    )
    assert any("Licence text follows" in n for n in text(root, "//t:notesStmt/t:note"))


@pytest.mark.corpus
def test_every_corpus_header_is_complete(corpus: Path) -> None:
    """Every corpus text: a title, a source description, an availability; count unmapped lines."""
    unmapped = 0
    for path in sorted((corpus / "text").rglob("*.txt")):
        from teikit.parse import parse_file

        document = parse_file(path)
        unmapped += sum(1 for f in document.metadata.fields if f.key == "other")
        assert not [w for w in document.warnings if w.code == "header-unmapped"], path.name
        root = etree.fromstring(encode(document, EncodeOptions(when="2026-01-01")))
        assert text(root, "//t:titleStmt/t:title[@type='main']")[0].strip(), path.name
        assert root.xpath("//t:sourceDesc/*", namespaces=NS), path.name
        assert root.xpath("//t:publicationStmt/t:availability", namespaces=NS), path.name
    assert unmapped < 40, unmapped


@pytest.mark.parametrize(
    "sample, code",
    [
        (
            "Il partito non è una setta, e la classe operaia si organizza per la lotta della rivoluzione.",  # noqa: E501
            "it",
        ),
        (
            "Röð og regla ríkja í Berlín, og það er ekki hægt að segja að byltingin sé búin með þessu.",  # noqa: E501
            "is",
        ),
        (
            "The party is not a sect, and the working class organises itself for the struggle of the day.",  # noqa: E501
            "en",
        ),
        (
            "Die Partei ist keine Sekte, und die Arbeiterklasse organisiert sich für den Kampf in der Stadt.",  # noqa: E501
            "de",
        ),
    ],
)
def test_language_detected(sample: str, code: str) -> None:
    xml = encode(
        parse_text(f"A. Writer\n\nA Title\n\nSource: Works\n\n{sample}\n\n{sample}\n", "l.txt"),
        EncodeOptions(when="2026-01-01"),
    )
    assert text(etree.fromstring(xml), "//t:langUsage/t:language/@ident") == [code]


def test_too_little_text_leaves_language_unknown() -> None:
    xml = encode(parse_text("Title\n\n12 34 56\n", "l.txt"), EncodeOptions(when="2026-01-01"))
    assert text(etree.fromstring(xml), "//t:langUsage") == []


@pytest.mark.parametrize(
    "top, author",
    [
        ("Come si formano i rivoluzionari.\n\nLettera di Trotsky a Maurice Paz.\n\n", "Trotsky"),
        ("On the tasks of the party\n\nLetter from Lenin to Maxim Gorky\n\n", "Lenin"),
        # a role, not a name; and a letter's addressee, who is no author
        ("On the tasks of the party\n\nLetter from The Editor to the Readers\n\n", ""),
        ("On the tasks of the party\n\nLetter to Leon Trotsky\n\n", ""),
    ],
)
def test_a_letter_named_in_the_title_block_gives_its_writer(top: str, author: str) -> None:
    root = header_of("Written: 11 July 1929\nSource: Marxists Internet Archive\n", top=top)
    assert text(root, "//t:titleStmt/t:author") == ([author] if author else [])

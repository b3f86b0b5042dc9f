"""Metadata labels and dates in the languages of MIA's other sections; label variants."""

from __future__ import annotations

import re

import pytest

from teikit.encode.dates import parse_date

from .test_mapping import header_of, text


@pytest.mark.parametrize(
    "line, path, expected",
    [
        ("Scritto: 11 luglio 1929", "//t:creation/t:date/@when", "1929-07-11"),
        ("Escrito: 9 de enero de 1924", "//t:creation/t:date/@when", "1924-01-09"),
        ("Skrifaður: í 14-1-1919.", "//t:creation/t:date/@when", "1919-01-14"),
        (
            "Fonte: Opere, Vol. 3, pp. 10-12",
            "//t:sourceDesc/t:bibl/t:biblScope[@unit='page']/@to",
            "12",
        ),
        ("Quelle: Werke, Band 3", "//t:sourceDesc/t:bibl[@type='printedSource']/t:title", "Werke"),
        ("Pubblico Dominio: Trotsky Internet Archive 2016.", "//t:availability/@status", "free"),
        ("Dominio público: Marxists Internet Archive", "//t:availability/@status", "free"),
        (
            "Traduzione: Giacomo Turci",
            "//t:respStmt[t:resp='Traduzione']/t:persName",
            "Giacomo Turci",
        ),
        ("Stafrænn texti við: Örn Ólafsson.", "//t:respStmt/t:persName", "Örn Ólafsson"),
        (
            "Mark-up: 2006 by Einde O’Callaghan.",
            "//t:respStmt[t:resp='Mark-up']/t:persName",
            "Einde O’Callaghan",
        ),
    ],
)
def test_label_lands_in_its_element(line: str, path: str, expected: str) -> None:
    assert expected in text(header_of(line), path)


def test_a_source_line_with_no_content_makes_no_bibl() -> None:
    root = header_of("Fyrstur útgefandi: .\nSource: Works, Vol. 6")
    assert text(root, "//t:sourceDesc/t:bibl/t:title") == ["Works"]


@pytest.mark.parametrize(
    "written, attributes",
    [
        ("11 luglio 1929", {"when": "1929-07-11"}),
        ("1er mai 1920", {"when": "1920-05-01"}),
        ("3. März 1919", {"when": "1919-03-03"}),
        ("14.1.1919", {"when": "1919-01-14"}),
        ("(April–June 1938)", {"notBefore": "1938-04", "notAfter": "1938-06"}),
        ("Sept.-Oct. 1917", {"notBefore": "1917-09", "notAfter": "1917-10"}),
        ("January 9, 1924", {"when": "1924-01-09"}),
    ],
)
def test_dates_in_other_languages(written: str, attributes: dict[str, str]) -> None:
    found = parse_date(written)
    assert found is not None and found.attributes() == attributes


@pytest.mark.parametrize("written", ["32-1-1919", "14-13-1919", "pp. 5-12"])
def test_impossible_digit_dates_are_not_dates(written: str) -> None:
    found = parse_date(written)
    assert found is None or "-" not in found.attributes().get("when", "")


@pytest.mark.parametrize(
    "line, names",
    [
        ("Þýða við: Örn Ólafsson, Rósa Lúxembúrg á íslensku, 2007.", ["Örn Ólafsson"]),
        (
            "Translated: Ludwig van Beethoven, Maria da Silva",
            ["Ludwig van Beethoven", "Maria da Silva"],
        ),
        (
            "Produced by: Jane Doe and the Online Distributed Proofreading Team",
            ["Jane Doe", "the Online Distributed Proofreading Team"],
        ),
    ],
)
def test_a_credit_names_only_what_is_shaped_like_a_name(line: str, names: list[str]) -> None:
    root = header_of(line)
    assert text(root, "//t:titleStmt/t:respStmt[1]/*[self::t:persName or self::t:name]") == names
    # every word of the credit stays: what is not a name, in the credit's printed wording
    kept = re.findall(r"\w+", " ".join(text(root, "//t:titleStmt/t:respStmt[1]")))
    assert set(re.findall(r"\w+", line)) <= set(kept)

"""Whole teiHeaders against reviewed golden files, compared as canonical XML (C14N 2.0).

Regenerate after a reviewed change: ``TEIKIT_REGENERATE=1 pytest tests/header``; read the diff.
The seed runs always; the corpus headers need ``TEIKIT_CORPUS``.
"""

from __future__ import annotations

import copy
import os
from pathlib import Path

import pytest
from lxml import etree

from teikit.encode import EncodeOptions, encode
from teikit.parse import parse_file

GOLDEN = Path(__file__).parent / "golden"
CORPUS_CASES = [  # different label sets: credits in prose, roundtable, Icelandic labels, Gutenberg
    "mia/mia_hallas_2001_02_egypt.txt",
    "mia/mia_johnstone_1986_04_x01.txt",
    "mia/mia_islenska_luxemburg_1919_14-1.txt",
    "mia/mia_bax_1915_04_letter.txt",
    "gutenberg/plays/pg844_wilde_importance-of-being-earnest.txt",
]


def header_c14n(source: Path) -> str:
    root = etree.fromstring(encode(parse_file(source), EncodeOptions(when="2026-01-01")))
    header = copy.deepcopy(root.find("{http://www.tei-c.org/ns/1.0}teiHeader"))  # its own root
    return etree.tostring(header, method="c14n2", strip_text=True).decode("utf-8")


def check(name: str, source: Path) -> None:
    expected = GOLDEN / f"{name}.xml"
    actual = header_c14n(source)
    if os.environ.get("TEIKIT_REGENERATE") or not expected.exists():
        expected.write_text(actual + "\n", encoding="utf-8")
        if not os.environ.get("TEIKIT_REGENERATE"):
            pytest.fail(f"wrote missing golden file {expected.name}; review it")
    assert actual == expected.read_text(encoding="utf-8").rstrip("\n")


def test_seed_header(seed_source: Path) -> None:
    check("seed", seed_source)


@pytest.mark.corpus
@pytest.mark.parametrize("relative", CORPUS_CASES, ids=[Path(c).stem for c in CORPUS_CASES])
def test_corpus_header(corpus: Path, relative: str) -> None:
    check(Path(relative).stem, corpus / "text" / relative)

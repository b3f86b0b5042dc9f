"""Golden cases for the segmenter: one data file per behaviour under ``cases/``.

Each file holds the input text, a line ``=== blocks``, then the expected dump (see ``segdump``)
of what ``blocks.segment`` makes of it, line spans included. ``TEIKIT_REGEN=1`` rewrites the
expected part from the current output; review the diff before committing. Every case also runs
twice to show that segmenting is deterministic, and is encoded and checked to lose no text and
to be valid against tei_all and teikit's profile (with ``TEIKIT_CORPUS`` and jing).
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from conftest_jing import jing_errors
from segdump import dump, tei_text

from teikit.encode import encode
from teikit.encode.options import EncodeOptions
from teikit.model import Document, Metadata
from teikit.parse.blocks import segment
from teikit.parse.breaks import is_break_line
from teikit.parse.decode import normalise_text
from teikit.parse.lines import split_lines
from teikit.validate import profile_path

CASES = sorted((Path(__file__).parent / "cases").glob("*.txt"))
SEPARATOR = "=== blocks\n"


def _read(path: Path) -> tuple[str, str]:
    text = path.read_text(encoding="utf-8")
    source, _, expected = text.partition(SEPARATOR)
    return source, expected


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_case(path: Path) -> None:
    source, expected = _read(path)
    text, _ = normalise_text(source)
    blocks = segment(split_lines(text))
    got = "\n".join(dump(blocks)) + "\n"
    if os.environ.get("TEIKIT_REGEN"):
        path.write_text(source + SEPARATOR + got, encoding="utf-8")
        expected = got
    assert got == expected
    assert segment(split_lines(text)) == blocks


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_case_loses_no_text(path: Path) -> None:
    """Every character, in order; spaces aside (an item's label glued to its text, "1.To", is
    written as the item's label, apart from it), as the corpus test counts them."""
    source, _ = _read(path)
    text, _ = normalise_text(source)
    xml = _encoded(text)
    kept = [line for line in text.split("\n") if not is_break_line(line)]
    assert "".join(tei_text(xml).split()) == "".join(" ".join(kept).split())


def test_cases_encode_valid(corpus: Path, tmp_path: Path) -> None:
    files = []
    for path in CASES:
        text, _ = normalise_text(_read(path)[0])
        files.append(tmp_path / f"{path.stem}.xml")
        files[-1].write_bytes(_encoded(text))
    errors = jing_errors(corpus, files) + jing_errors(corpus, files, profile_path())
    assert not errors, "\n".join(errors[:20])


def _encoded(text: str) -> bytes:
    document = Document(Metadata(), tuple(segment(split_lines(text))))
    return encode(document, EncodeOptions(when="2026-01-01"))


def test_cases_exist() -> None:
    assert len(CASES) >= 10
    for path in CASES:
        assert SEPARATOR in path.read_text(encoding="utf-8"), path.name
        assert re.fullmatch(r"[a-z0-9_]+\.txt", path.name)

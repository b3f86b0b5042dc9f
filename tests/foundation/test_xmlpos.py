"""Positions are found by an expat pass that stops as soon as the asked-for tags are known; the
answers must not depend on how far it has read, in what order it is asked, or its feed size."""

from __future__ import annotations

from pathlib import Path

import pytest

from teikit.xmlpos import TagPositions

SMALL = b"""<?xml version="1.0"?>
<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader/>
  <text><body>
    <p>one <hi>two</hi>
       three &amp; four</p>
    <ab>  <![CDATA[five]]> six </ab><lb/>
  </body></text>
</TEI>
"""


def _answers(positions: TagPositions, order: list[int]) -> dict:
    out = {}
    for i in order:
        out[i] = (
            positions.start_tag(i),
            positions.end_tag(i),
            positions.text_before(i, False),
            positions.text_before(i, True),
        )
    return out


def _check(data: bytes) -> None:
    whole = TagPositions(data, chunk=len(data) + 1)
    count = data.count(b"<") + 1  # more than the elements: past-the-end indices answer (0, 0)
    expected = _answers(whole, list(range(count)))
    for chunk in (1, 7, 4096):
        assert _answers(TagPositions(data, chunk), list(range(count))) == expected, chunk
        assert _answers(TagPositions(data, chunk), list(reversed(range(count)))) == expected


def test_small_document_any_feed_size_and_order() -> None:
    _check(SMALL)


@pytest.mark.corpus
def test_corpus_invalid_files_any_feed_size_and_order(corpus: Path) -> None:
    files = [
        p for p in sorted((corpus / "tei" / "invalid").rglob("*.xml")) if p.stat().st_size < 60_000
    ]
    assert files
    for path in files:
        _check(path.read_bytes())

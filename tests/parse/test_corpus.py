"""Every corpus text parses, encodes to valid TEI and loses no character of its body
(``TEIKIT_CORPUS``; skipped without it).

Lossless check, precisely: the source side is the front-matter title lines plus the source lines
``FrontMatter.body_start..body_end`` (metadata lines go to the teiHeader, they are not body text);
the TEI side is the text of the encoded ``text`` element (``teikit.convert.convert(..., "text")``
when that module exists, else every text node of ``text``). Both are compared with all
whitespace removed (element boundaries in TEI add or drop spaces, e.g. between ``role`` and
``roleDesc``), so every other character must match in order. Two documented exceptions: source
lines that are only a page-break marker (``[Page 12]``) are dropped, and tokens made only of
section-break symbols (``*``, ``-``, ``#``…) are dropped on both sides, since TEI keeps those
in ``pb/@n`` and ``milestone/@rend``.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest
from conftest_jing import jing_errors
from segdump import tei_text

from teikit.encode import encode
from teikit.encode.options import EncodeOptions
from teikit.model import Document
from teikit.parse import parse_file
from teikit.parse.breaks import is_page_break_line
from teikit.parse.decode import decode_bytes
from teikit.parse.frontmatter import read_front_matter
from teikit.parse.lines import split_lines
from teikit.validate import profile_path

pytestmark = pytest.mark.corpus

OPTIONS = EncodeOptions(when="2026-01-01")


def _texts(corpus: Path) -> list[Path]:
    return sorted((corpus / "text").glob("*/*.txt")) + sorted(
        (corpus / "text" / "gutenberg").glob("*/*.txt")
    )


def _pairs(corpus: Path) -> list[Path]:
    """The plain texts of the e-text pairs (Gutenberg novels and plays, scored against expert
    TEI by ``benchmarks/bench_fidelity.py``): every one must encode as losslessly and validly."""
    return sorted((corpus / "pairs").glob("*/*/plain.txt"))


def _inputs(corpus: Path) -> list[Path]:
    return _texts(corpus) + _pairs(corpus)


@cache
def _encoded(path: Path) -> tuple[Document, bytes]:
    document = parse_file(path)
    return document, encode(document, OPTIONS)


def _source_tokens(path: Path) -> list[str]:
    decoded = decode_bytes(path.read_bytes(), file=str(path))
    lines = split_lines(decoded.text)
    front = read_front_matter(lines)
    kept = [f.text for f in front.metadata.front]
    kept += [
        line.text
        for line in lines[front.body_start : front.body_end]
        if not is_page_break_line(line.text)
    ]
    return _without_breaks(" ".join(kept).split())


def _output_tokens(xml: bytes) -> list[str]:
    try:
        from teikit.convert import convert  # type: ignore[attr-defined]
    except ImportError:
        return _without_breaks(tei_text(xml).split())
    return _without_breaks(convert(xml, "text").output.split())


_BREAK_SYMBOLS = frozenset("*#~=_·•-⁂§")


def _without_breaks(tokens: list[str]) -> list[str]:
    return [t for t in tokens if not set(t) <= _BREAK_SYMBOLS]


def test_corpus_is_there(corpus: Path) -> None:
    assert len(_texts(corpus)) == 53
    assert len(_pairs(corpus)) == 33


def test_every_text_is_lossless(corpus: Path) -> None:
    failures = []
    for path in _inputs(corpus):
        _, xml = _encoded(path)
        source, output = _source_tokens(path), _output_tokens(xml)
        a, b = "".join(source), "".join(output)
        if a != b:
            pairs = enumerate(zip(a, b, strict=False))
            i = next((k for k, (x, y) in pairs if x != y), min(len(a), len(b)))
            failures.append(
                f"{path.parent.name}/{path.name}: char {i}: "
                f"source {a[i - 20 : i + 30]!r} vs TEI {b[i - 20 : i + 30]!r}"
            )
    assert not failures, "\n".join(failures)


def test_every_text_is_valid_tei(corpus: Path, tmp_path: Path) -> None:
    files = []
    for path in _inputs(corpus):
        _, xml = _encoded(path)
        out = tmp_path / f"{path.parent.name}-{path.stem}.xml"
        out.write_bytes(xml)
        files.append(out)
    errors = jing_errors(corpus, files) + jing_errors(corpus, files, profile_path())
    assert not errors, "\n".join(errors[:20])

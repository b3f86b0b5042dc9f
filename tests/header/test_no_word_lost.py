"""Nothing lost in the header: every word of every metadata line survives in the TEI.

The oracle is decided here, not by the header builder (none of its functions is used):

- Source side: the lines the parser took for metadata — every ``Field`` of ``metadata.fields``
  and ``metadata.boilerplate``, and every title-block line of ``metadata.front``. A field's label
  counts among its words unless the source prints it as a field name, followed by a colon or a
  dash ("Source:", "Title:", "Source – …"): TEI names such a field by the element or type it goes
  to (``bibl[@type='printedSource']``, ``titleStmt/title``). A prose credit's opening words
  ("Downloaded with thanks from", "Distributed by", "From") are words of its sentence and must
  survive like the rest.
- TEI side: the text of ``teiHeader`` and ``text/front``, not the body. Metadata lines never
  belong in the body, and a word lost from the header would hide behind the same word in the body
  ("2015", "by", a transcriber's name). The parts where the encoding describes itself are left out
  for the same reason: ``encodingDesc``, ``revisionDesc`` and ``publicationStmt``'s own
  ``publisher``, ``date`` and ``idno`` (the electronic edition's publication), whose "and",
  "encoder" and "Marxists Internet Archive" would otherwise stand in for lost words.
- Words: NFC, case-sensitive runs of letters and digits. An e-mail address or a URL is one token
  and must survive whole: split at its dots, "ccx074@pglaf.org" would be found in fragments of
  any Gutenberg licence ("pglaf", "org"). Attribute values are not words (a date normalised into
  ``@when`` is not the date as printed).
- Compared as multisets: a word printed twice in the metadata must be found twice.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from pathlib import Path

import pytest
from lxml import etree

from teikit.encode import EncodeOptions, encode
from teikit.model import Document
from teikit.parse import parse_file, parse_text
from teikit.parse.decode import decode_bytes

T = "{http://www.tei-c.org/ns/1.0}"
OPTIONS = EncodeOptions(when="2026-01-01")

_EMAIL = r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
# a URL ends before a bracket, quote or closing punctuation ("http://www.pgdp.net.")
_URL = r"(?:https?://|www\.)[^\s<>\"'()\[\]]*[^\s<>\"'()\[\].,;:!?]"
_TOKEN = re.compile(rf"{_EMAIL}|{_URL}|[^\W_]+")
# Where the encoding speaks of itself (TEI's elements for the encoding and its publication).
_SELF = (
    "encodingDesc",
    "revisionDesc",
    f"publicationStmt/{T}publisher",
    f"publicationStmt/{T}date",
    f"publicationStmt/{T}idno",
)


def words(text: str) -> list[str]:
    return _TOKEN.findall(unicodedata.normalize("NFC", text))


def metadata_words(document: Document, source_lines: list[str]) -> Counter[str]:
    """The words of every metadata line, labels printed as field names left out."""
    meta = document.metadata
    counts: Counter[str] = Counter()
    for f in (*meta.fields, *meta.boilerplate):
        line = source_lines[f.span.start - 1] if 0 < f.span.start <= len(source_lines) else ""
        field_name = bool(f.label) and re.search(re.escape(f.label) + r"\s*[:–—-]", line)
        counts.update(words(f.value if field_name else f"{f.label} {f.value}"))
    for line in meta.front:
        counts.update(words(line.text))
    return counts


def tei_words(xml: bytes) -> Counter[str]:
    """The words of the header and the front matter, without the encoding's account of itself."""
    root = etree.fromstring(xml)
    header = root.find(f"{T}teiHeader")
    assert header is not None
    for path in _SELF:
        for node in header.findall(f".//{T}{path}"):
            node.getparent().remove(node)
    parts = [header, *root.iterfind(f"{T}text/{T}front")]
    return Counter(w for part in parts for w in words(" ".join(part.itertext())))


def lost_words(document: Document, source_lines: list[str], xml: bytes) -> Counter[str]:
    return metadata_words(document, source_lines) - tei_words(xml)


def _source_lines(path: Path) -> list[str]:
    return decode_bytes(path.read_bytes(), file=str(path)).text.split("\n")


# -- the oracle itself can fail -------------------------------------------------------------------


def test_the_oracle_finds_a_dropped_word() -> None:
    source = "A. Writer\n\nA Title\n\nProofread: Ann Smith (May 2015)\n\nThe body.\n"
    document = parse_text(source)
    header = (
        "<TEI xmlns='http://www.tei-c.org/ns/1.0'><teiHeader><fileDesc><titleStmt>"
        "<title>A Title</title><author>A. Writer</author>"
        "<respStmt><resp>Proofread</resp><persName>Ann Smith</persName></respStmt>"
        "</titleStmt></fileDesc>{extra}</teiHeader><text><body><p>May 2015</p></body></text></TEI>"
    )
    lines = source.split("\n")
    # the body's "May 2015" and the encoder's own change note do not stand in for the credit's
    masked = header.format(extra="<revisionDesc><change>May 2015</change></revisionDesc>")
    assert lost_words(document, lines, masked.encode()) == Counter({"May": 1, "2015": 1})
    kept = header.format(extra="<profileDesc><creation>(May 2015)</creation></profileDesc>")
    assert lost_words(document, lines, kept.encode()) == Counter()


def test_a_field_name_label_is_not_a_word_but_a_prose_credit_is() -> None:
    source = "A. Writer\n\nA Title\n\nSource: Works\nDownloaded from Somewhere\n\nThe body.\n"
    found = metadata_words(parse_text(source), source.split("\n"))
    assert found["Source"] == 0 and found["Works"] == 1
    assert found["Downloaded"] == 1 and found["from"] == 1


def test_email_addresses_and_urls_are_whole_tokens() -> None:
    assert words("David Price, email ccx074@pglaf.org; see http://www.pgdp.net.") == [
        "David",
        "Price",
        "email",
        "ccx074@pglaf.org",
        "see",
        "http://www.pgdp.net",
    ]


# -- forms that lost words: each keeps them now ---------------------------------------------------


@pytest.mark.parametrize(
    "metadata",
    [
        "Proofread: Einde O’Callaghan (September 2015).",
        "Transcription/Markup: Graham Seaman, 2018",
        "Mark-up: 2006 by Einde O’Callaghan.",
        "Transcribed: by Andy Blunden.",
        "HTML Markup: Brian Baggins and David Walters",
        "Marked up by Einde O’Callaghan for the Marxists’ Internet Archive.",
        "Transcribed by David Price, email ccx074@pglaf.org",
        "Produced by Jane Doe and the Online Distributed Proofreading Team at http://www.pgdp.net",
        "Downloaded with thanks from the Solidarity Website.",
        "Distributed by Merit Publishers, 873 Broadway, New York, New York 10003.",
        "Published by the Young Socialist Alliance, New York in April 1969",
        "Published in Revolutionary History, Vol. 8 No. 2, 2002, pp. 208–12.",
        "From Time Out, 11 June 1976.",
    ],
)
def test_no_word_of_a_metadata_form_is_lost(metadata: str) -> None:
    source = (
        f"A. Writer\n\nA Title\n\nSource: Works\n{metadata}\n\nThe first paragraph of the body.\n"
    )
    document = parse_text(source, "case.txt")
    assert any(f.span.start == 6 for f in document.metadata.fields), "not read as metadata"
    assert not lost_words(document, source.split("\n"), encode(document, OPTIONS))


# -- the corpus -----------------------------------------------------------------------------------


def _corpus_texts(corpus: Path) -> tuple[list[Path], list[Path]]:
    texts = sorted((corpus / "text").rglob("*.txt"))
    pairs = sorted((corpus / "pairs").glob("*/*/plain.txt"))
    return texts, pairs


@pytest.mark.corpus
def test_no_corpus_text_or_pair_loses_a_header_word(corpus: Path) -> None:
    texts, pairs = _corpus_texts(corpus)
    assert (len(texts), len(pairs)) == (53, 33)
    failures = []
    for path in [*texts, *pairs]:
        document = parse_file(path)
        lost = lost_words(document, _source_lines(path), encode(document, OPTIONS))
        if lost:
            failures.append(f"{path.relative_to(corpus)}: {' '.join(sorted(lost.elements()))}")
    assert not failures, f"{len(failures)} texts lose header words:\n" + "\n".join(failures)

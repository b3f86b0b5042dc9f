"""``--keep-linebreaks``: every original line break of a paragraph becomes ``<lb/>``, nothing else
changes, no character is lost; without the option only the author's breaks are kept."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from teikit.cli import main
from teikit.convert import convert
from teikit.encode import EncodeOptions, encode
from teikit.parse import parse_file, parse_text

NS = {"t": "http://www.tei-c.org/ns/1.0"}
OPTIONS = EncodeOptions(when="2026-01-01")
# A Gutenberg-style paragraph wrapped at 70 columns, then a second one.
WRAPPED = """\
Up at the League, says a friend, there had been one night a brisk
conversational discussion, as to what would happen on the Morrow of the
Revolution, finally shading off into a vigorous statement by various
friends of their views on the future of the fully-developed new society.

Says our friend: Considering the subject, the discussion was
good-tempered; for those present being used to public meetings and after-
lecture debates, if they did not listen to each others' opinions (which
could scarcely be expected of them), at all events did not always attempt
to speak all together.
"""


def paragraphs(xml: bytes) -> list[etree._Element]:
    return etree.fromstring(xml).xpath("//t:body//t:p", namespaces=NS)


def test_each_wrapped_line_starts_after_an_lb() -> None:
    first, second = paragraphs(encode(parse_text(WRAPPED, keep_line_breaks=True), OPTIONS))
    assert len(first.findall("t:lb", NS)) == 3 and len(second.findall("t:lb", NS)) == 4
    lines = "".join(first.itertext()).split("\n")
    assert lines == WRAPPED.split("\n")[:4]


def test_without_the_option_wrapped_lines_are_joined() -> None:
    first, _ = paragraphs(encode(parse_text(WRAPPED), OPTIONS))
    assert first.findall("t:lb", NS) == []
    assert "brisk conversational" in "".join(first.itertext())


def test_the_structure_is_the_same_with_and_without_breaks() -> None:
    source = "ACT I.\n\nJACK.  Well, I am glad to see you\nhere at last, old fellow.\n\n" + WRAPPED
    plain, kept = parse_text(source), parse_text(source, keep_line_breaks=True)
    assert [type(b) for b in plain.body] == [type(b) for b in kept.body]
    assert plain.persons == kept.persons


@settings(max_examples=60, deadline=None)
@given(st.lists(st.text(alphabet="abc xyz,.;-", min_size=1, max_size=60), min_size=1, max_size=12))
def test_no_character_is_lost(lines: list[str]) -> None:
    source = "\n".join(lines) + "\n"
    kept = convert(encode(parse_text(source, keep_line_breaks=True), OPTIONS), "text").output
    plain = convert(encode(parse_text(source), OPTIONS), "text").output
    assert kept.split() == plain.split()


def test_cli_flag(tmp_path: Path) -> None:
    source = tmp_path / "novel.txt"
    source.write_text(WRAPPED, encoding="utf-8")
    result = CliRunner().invoke(main, ["encode", str(source), "--keep-linebreaks", "-q"])
    assert result.exit_code == 0, result.output
    assert len(paragraphs(result.output.encode())[0].findall("t:lb", NS)) == 3


@pytest.mark.corpus
def test_gutenberg_texts_keep_their_lines_and_their_text(corpus: Path) -> None:
    for path in sorted((corpus / "text" / "gutenberg").glob("*/*.txt")):
        kept_xml = encode(parse_file(path, keep_line_breaks=True), OPTIONS)
        plain_xml = encode(parse_file(path), OPTIONS)
        kept = convert(kept_xml, "text").output.split()
        assert kept == convert(plain_xml, "text").output.split(), path.name
        assert len(etree.fromstring(kept_xml).xpath("//t:lb", namespaces=NS)) > 1000, path.name

"""The writers' whitespace helpers equal the one-line expressions they replace, on any text.

The converters' outputs must not change by a byte when these take over from ``str.split`` and
``re.sub``: every function is held to its expression on generated texts made of the characters
that matter (every kind of whitespace, control characters, quotes, indentation runs).
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from teikit.convert.spaces import (
    collapse_blanks,
    collapse_spaces,
    squeeze_lines,
    squeeze_printable,
    squeeze_xml_lines,
)

_PIECES = [
    " ",
    "  ",
    "\t",
    "\n",
    "\r",
    "\n     ",
    "\n\t\t\t\t",
    " \n",
    "\xa0",
    "\u2009",
    "\u3000",
    "\x1c",
    "\x85",
    "\x01",
    "\x7f",
    "\xad",
    '"',
    "\\",
    "a",
    "é",
    "—",
    "1.",
    "-",
]
texts = st.lists(st.sampled_from(_PIECES), max_size=24).map("".join) | st.text(max_size=40)


@settings(max_examples=3000)
@given(texts)
def test_squeeze_printable(text: str) -> None:
    squeezed = " ".join(text.split())
    assert squeeze_printable(text) == (squeezed, squeezed.isprintable())


@settings(max_examples=3000)
@given(texts)
def test_squeeze_lines(text: str) -> None:
    expected = "\n".join(" ".join(line.split()) for line in text.split("\n")).strip()
    assert squeeze_lines(text) == expected


# Texts as XML holds them: no control character but tab, line feed and carriage return.
xml_texts = texts.filter(lambda text: not any(c < " " and c not in "\t\n\r" for c in text))


@settings(max_examples=3000)
@given(xml_texts)
def test_squeeze_xml_lines(text: str) -> None:
    assert squeeze_xml_lines(text) == squeeze_lines(text)


@settings(max_examples=3000)
@given(texts)
def test_collapse_blanks(text: str) -> None:
    assert collapse_blanks(text) == re.sub(r"[ \t]+", " ", text.replace("\n", " "))


@settings(max_examples=3000)
@given(texts)
def test_collapse_spaces(text: str) -> None:
    assert collapse_spaces(text) == re.sub(r"[ \t]+", " ", text)

"""Whitespace as the writers print it, by ``str`` methods rather than an object per word or match.

Each function equals a one-line expression (its docstring), which is what the writers used:
``" ".join(text.split())`` for JSON and text, ``re.sub("[ \\t]+", " ", ...)`` for Markdown.
Splitting a paragraph into words to join them again, or a pattern matching every space, makes an
object per word, and a novel is a million words: that was the largest cost of those writers.
Most texts need no change, or hold only the line breaks and indentation of a pretty-printed
file, which splitting at the breaks takes out; anything else goes the general way.
"""

from __future__ import annotations

import re

# Runs of two spaces or more: once a text's only whitespace is the space, each is one gap.
SPACES = re.compile("  +")
# A line break and the blanks after it (the next line's indentation), one space in every writer's
# text. It starts with one character, which the regular expression engine looks for in a C loop:
# one ``sub`` a paragraph costs less than splitting it into lines to trim and join them.
LINE_BREAKS = re.compile("\n[ \t\n]*")


def squeeze_printable(text: str) -> tuple[str, bool]:
    """``(squeezed, squeezed.isprintable())`` where ``squeezed = " ".join(text.split())``:
    every run of whitespace one space, none at either end. A writer that must escape control
    characters asks whether any are left, and most texts are found printable on the way."""
    # ``isprintable`` is false for every whitespace character but the space itself, so a
    # printable text's gaps are runs of spaces.
    if "\n" not in text:
        if text.isprintable():
            text = text.strip(" ")  # first: an indented text then needs no regular expression
            if "  " in text:
                text = SPACES.sub(" ", text)
            return text, True
    else:
        # A pretty-printed file's paragraph: its lines, trimmed, with one space between (by
        # ``map`` and ``filter``: a comprehension is a Python call and a loop of its own).
        joined = " ".join(filter(None, map(str.strip, text.split("\n"))))
        if joined.isprintable():  # the gaps left inside a line (a page break's) are spaces
            if "  " in joined:
                joined = SPACES.sub(" ", joined)
            return joined, True
    text = " ".join(text.split())
    return text, text.isprintable()


def squeeze_lines(text: str) -> str:
    """Each line squeezed, blank lines at either end dropped:
    ``"\\n".join(" ".join(line.split()) for line in text.split("\\n")).strip()``."""
    if "\n" not in text:
        return squeeze_printable(text)[0]
    lines = list(map(str.strip, text.split("\n")))
    if all(map(str.isprintable, lines)):  # no whitespace but spaces left inside a line
        text = "\n".join(lines)
        if "  " in text:
            text = SPACES.sub(" ", text)
        return text.strip("\n")
    return "\n".join([squeeze_printable(line)[0] for line in lines]).strip()


def squeeze_xml_lines(text: str) -> str:
    """``squeeze_lines`` for a text of an XML document, which holds no control character but
    tab, line feed and carriage return (libxml2 and lxml refuse the others). An ASCII text with
    neither tab nor carriage return then has no whitespace but spaces and line breaks: two
    memchr tell it, where ``isprintable`` looked every character up in the Unicode tables."""
    if not text.isascii() or "\t" in text or "\r" in text:
        return squeeze_lines(text)
    if "\n" not in text:
        text = text.strip(" ")
    else:
        text = "\n".join(map(str.strip, text.split("\n"))).strip("\n")
    if "  " in text:
        text = SPACES.sub(" ", text)
    return text


def collapse_blanks(text: str) -> str:
    """``re.sub("[ \\t]+", " ", text.replace("\\n", " "))``: every run of spaces, tabs and line
    breaks one space; other whitespace and the ends kept."""
    if "\n" in text:
        # Finding the first break's indentation to replace it everywhere cost twice as much.
        text = LINE_BREAKS.sub(" ", text)
    # ``collapse_spaces`` spelt out: one call less for every paragraph of a pretty-printed file.
    if "\t" in text:
        text = text.replace("\t", " ")
    if "  " in text:
        text = SPACES.sub(" ", text)
    return text


def collapse_spaces(text: str) -> str:
    """``re.sub("[ \\t]+", " ", text)``: every run of spaces and tabs one space."""
    if "\t" in text:
        text = text.replace("\t", " ")
    if "  " in text:
        text = SPACES.sub(" ", text)
    return text

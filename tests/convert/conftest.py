"""What the package-format tests share: the corpus samples and the reading text each of their
``p``, ``l``, ``head`` and ``speaker`` elements must keep in any output."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from lxml import etree

from teikit.convert.reader import example_code

NS = {"t": "http://www.tei-c.org/ns/1.0"}
# Numbered note markers ([1], [^1], [12*]) are added by the profiles and may stand in the source.
NOTE_MARK = re.compile(r"\[\^?\d{1,3}\*?\]")


def squash(text: str) -> str:
    """Letters and digits only: markup, escaping and spacing differ between formats."""
    return re.sub(r"[\W_]+", "", NOTE_MARK.sub(" ", text)).lower()


def _reading_text(node: etree._Element) -> str:
    parts = [node.text or ""]
    for child in node:
        if isinstance(child.tag, str) and etree.QName(child).localname == "egXML":
            parts.append(example_code(child))
        elif isinstance(child.tag, str) and etree.QName(child).localname != "note":
            parts.append(_reading_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


@pytest.fixture(scope="session")
def tei_samples(corpus: Path) -> list[Path]:
    """Every TEI sample of the corpus and every TEI input of the Stylesheets' fixtures."""
    return sorted((corpus / "tei" / "samples").glob("*/*.xml")) + sorted(
        (corpus / "tei" / "stylesheets-tests").glob("*/input.xml")
    )


def sample_name(path: Path) -> str:
    return path.parent.name if path.name == "input.xml" else path.stem


@pytest.fixture(scope="session")
def wanted_texts() -> Callable[[Path], list[str]]:
    """The squashed text of every p, l, head and speaker in a TEI file's text (notes apart)."""

    def wanted(path: Path) -> list[str]:
        tree = etree.parse(str(path))
        nodes = tree.xpath(
            "//t:text//t:p | //t:text//t:l | //t:text//t:speaker | //t:text//t:head",
            namespaces=NS,
        )
        return [t for t in (squash(_reading_text(n)) for n in nodes) if t]

    return wanted


@pytest.fixture(scope="session")
def squashed() -> Callable[[str], str]:
    """``squash``: a text's letters and digits, lower case, note markers left out."""
    return squash

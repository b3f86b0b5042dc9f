"""Item labels: a number glued to its item's first word is a label; a decimal is not."""

from __future__ import annotations

import pytest

from teikit.parse.lists import item_start


@pytest.mark.parametrize(
    "text, label, rest",
    [
        ("1.To help control the land", "1.", "To help control the land"),
        ("2. Refusal", "2.", "Refusal"),
    ],
)
def test_item_labels(text: str, label: str, rest: str) -> None:
    start = item_start(text)
    assert start is not None and (start.label, start.text) == (label, rest)


@pytest.mark.parametrize(
    "text", ["1.5 million workers struck", "A.To", "U.S.A. troops", "3.-4. May"]
)
def test_no_item_label(text: str) -> None:
    assert item_start(text) is None

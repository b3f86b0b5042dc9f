"""Golden cases: each ``cases/NAME.txt`` with its expected ``cases/NAME.json``.

Regenerate after a reviewed change with ``TEIKIT_REGENERATE=1 pytest tests/speakers``; then read
the diff before committing it.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from speakers_casefile import CASES, dumps, load, output_text, render, source_paragraphs

from teikit.parse.speakers import attribute_speakers

CASE_FILES = sorted(CASES.glob("*.txt"))


@pytest.mark.parametrize("case", CASE_FILES, ids=[p.stem for p in CASE_FILES])
def test_case(case: Path) -> None:
    result = render(attribute_speakers(load(case)))
    expected_path = case.with_suffix(".json")
    if os.environ.get("TEIKIT_REGENERATE") or not expected_path.exists():
        expected_path.write_text(dumps(result), encoding="utf-8")
        if not os.environ.get("TEIKIT_REGENERATE"):
            pytest.fail(f"wrote missing golden file {expected_path.name}; review it")
    assert result == json.loads(expected_path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", CASE_FILES, ids=[p.stem for p in CASE_FILES])
def test_nothing_lost_or_duplicated(case: Path) -> None:
    """Speaker labels, speeches and directions keep every character of the source, in order."""
    document = attribute_speakers(load(case))
    source = " ".join(source_paragraphs(case))
    assert "".join(output_text(document.body).split()) == "".join(source.split())


@pytest.mark.parametrize("case", CASE_FILES, ids=[p.stem for p in CASE_FILES])
def test_idempotent_and_every_who_resolves(case: Path) -> None:
    once = attribute_speakers(load(case))
    twice = attribute_speakers(once)
    assert render(twice)["body"] == render(once)["body"]
    ids = [p.id for p in once.persons]
    assert len(ids) == len(set(ids))
    used = set()
    for who in _whos(render(once)["body"]):
        for pid in who.split():
            assert pid in ids
            used.add(pid)


def _whos(blocks: list) -> list[str]:
    out = []
    for block in blocks:
        if "sp" in block:
            out.append(block["sp"])
        if "blocks" in block:
            out.extend(_whos(block["blocks"]))
    return out

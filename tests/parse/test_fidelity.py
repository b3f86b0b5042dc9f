"""Fidelity against expert TEI of the same works does not fall back (``TEIKIT_CORPUS``).

``benchmarks/bench_fidelity.py`` scores every e-text pair; here its figures are held to where
they stand on both halves of the works (a rule that breaks one of them shows up here), and two
invariants hold on every pair: no Project Gutenberg licence word in a body, no MIA gloss list
taken for speech. The held half was kept out of sight until its worst pairs were studied (the
halves swapped, issue 17), so both halves are now floors, not measures of unseen texts.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))

import bench_fidelity as fidelity  # noqa: E402

pytestmark = pytest.mark.corpus


@pytest.fixture(scope="module")
def pairs(corpus: Path) -> Path:
    return corpus / "pairs"


# Attribution mean; verse-lines and stage-directions F1 (where they stood when measured:
# 0.642 / 0.561 dev, 0.659 / 0.332 held; 0.431 / 0.091 and 0.269 / 0.236 before verse speeches
# and directions were read).
@pytest.mark.parametrize(
    "half, mean, verse, stages", [("dev", 0.97, 0.63, 0.55), ("held", 0.96, 0.65, 0.32)]
)
def test_plays_attribution_verse_and_directions(
    pairs: Path, half: str, mean: float, verse: float, stages: float
) -> None:
    scores = [
        fidelity.score_play(pair, half, None)
        for pair in sorted((pairs / "plays").iterdir())
        if pair.is_dir() and (pair.name in fidelity.DEV_PLAYS) == (half == "dev")
    ]
    assert len(scores) >= 8
    worst = min(scores, key=lambda s: s.score)
    assert worst.score >= 0.93, (worst.id, worst.score)
    assert sum(s.score for s in scores) / len(scores) >= mean
    verse_f1 = fidelity.f1(*map(sum, zip(*(s.verse for s in scores), strict=True)))
    stage_f1 = fidelity.f1(*map(sum, zip(*(s.stages for s in scores), strict=True)))
    assert verse_f1 >= verse, verse_f1
    assert stage_f1 >= stages, stage_f1


def test_novels_paragraphs_headings_and_licence(pairs: Path) -> None:
    scores = [
        fidelity.score_novel(pair, "all", None)
        for pair in sorted((pairs / "novels").iterdir())
        if pair.is_dir()
    ]
    assert [s.id for s in scores if s.licence_words] == []  # every pair, both halves
    for dev, floors in ((True, (0.98, 0.95)), (False, (0.985, 0.93))):
        half = [s for s in scores if (s.id in fidelity.DEV_NOVELS) == dev]
        paragraphs = fidelity.f1(*map(sum, zip(*(s.paragraphs for s in half), strict=True)))
        headings = fidelity.f1(*map(sum, zip(*(s.headings for s in half), strict=True)))
        assert paragraphs >= floors[0], (dev, paragraphs)
        assert headings >= floors[1], (dev, headings)


def test_no_mia_gloss_list_or_prose_is_speech(corpus: Path) -> None:
    found = fidelity.mia_pairs(corpus)
    assert found
    speech = [
        (s.id, s.false_speech)
        for s in (fidelity.score_mia(text, page, "all", None) for text, page in found)
        if s.false_speech
    ]
    assert speech == []


@pytest.mark.parametrize("layout", ["unwrapped", "indented"])
def test_novels_in_other_layouts(pairs: Path, layout: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """The same works set as other releases print them (paragraphs on one line each, or told
    apart by a first-line indent alone): the rules do not lean on one release's line breaks."""
    monkeypatch.setattr(fidelity, "LAYOUT", layout)
    scores = [
        fidelity.score_novel(pair, "all", None)
        for pair in sorted((pairs / "novels").iterdir())
        if pair.is_dir()
    ]
    paragraphs = fidelity.f1(*map(sum, zip(*(s.paragraphs for s in scores), strict=True)))
    headings = fidelity.f1(*map(sum, zip(*(s.headings for s in scores), strict=True)))
    assert paragraphs >= 0.98, paragraphs
    assert headings >= 0.93, headings

"""The attribution benchmark on expert-encoded DraCor plays must not regress (``TEIKIT_CORPUS``).

``dracor_bench`` renders each play's TEI back to plain text in three layouts and scores the share
of expert speeches whose speaker teikit identifies. Floors are a little under the measured figures
so a real regression fails while small rule changes can move the score.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from dracor_bench import LAYOUTS, plays, score

pytestmark = pytest.mark.corpus

FLOORS = {"alone": 0.97, "inline": 0.92, "verse": 0.92, "txt": 0.93}


@pytest.mark.parametrize("layout", LAYOUTS)
def test_dracor_speaker_attribution(layout: str, corpus: Path) -> None:
    correct = total = 0
    for path in plays(corpus):
        right, n = score(path, layout)
        correct += right
        total += n
    assert total > 5000
    assert correct / total >= FLOORS[layout], f"{layout}: {correct / total:.4f}"

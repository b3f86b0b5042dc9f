"""Paragraph and heading boundary F1 on expert-encoded novels and plays must not regress
(``TEIKIT_CORPUS``). See ``boundary_bench`` for how texts are rendered and scored; the floor is
a little under the measured figure (0.991 wrapped, 0.999 one unit a line)."""

from __future__ import annotations

from pathlib import Path

import pytest
from boundary_bench import f1, samples, score

pytestmark = pytest.mark.corpus


def test_boundary_f1_on_hard_wrapped_renderings(corpus: Path) -> None:
    total = [0, 0, 0]
    for path in samples(corpus):
        tp, predicted, expected = score(path, "wrapped")
        total = [total[0] + tp, total[1] + predicted, total[2] + expected]
    assert total[2] > 20000
    assert f1(*total) >= 0.985

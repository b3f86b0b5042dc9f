"""Paragraph and heading boundary F1 of the parse pipeline against the original MIA HTML.

The PROVENANCE table maps each MIA plain text to its HTML page. Expert units are the HTML's
block elements (``p``, ``h1``-``h6``, ``li``, ``blockquote`` paragraphs, table cells); each is
located in the plain text by its opening words, in order, and its start line is a boundary.
teikit's boundaries are the start lines of its leaf blocks (see ``boundary_bench``), limited to
the lines the HTML units were found on and after the first of them (the title block and metadata
lines are the header's). Run ``python tests/parse/mia_html_bench.py [CORPUS]``.
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

from boundary_bench import f1, predicted_starts
from lxml import html

from teikit.parse import parse_file

BLOCKS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "td", "th", "dd", "dt"}


def pairs(corpus: Path) -> list[tuple[Path, Path]]:
    mia = corpus / "text" / "mia"
    table = (mia / "PROVENANCE.md").read_text(encoding="utf-8")
    out = []
    for match in re.finditer(r"^\| (mia_[^|]+\.txt) \| [^|]+ \| ([^|]+) \|", table, re.MULTILINE):
        page = mia / "source_html" / match.group(2).strip()
        if page.exists():
            out.append((mia / match.group(1).strip(), page))
    return out


def _key(text: str) -> str:
    return "".join(text.split())[:40]


def expert_starts(text_path: Path, page: Path) -> set[int]:
    tree = html.parse(str(page))
    units = []
    for node in tree.iter():
        tag = node.tag if isinstance(node.tag, str) else ""
        if tag.lower() in BLOCKS and not any(
            (a.tag if isinstance(a.tag, str) else "").lower() in BLOCKS
            for a in node.iterancestors()
        ):
            key = _key(node.text_content())
            if len(key) >= 3:
                units.append(key)
    lines = text_path.read_text(encoding="utf-8").split("\n")
    keys = [_key(line) for line in lines]
    starts: set[int] = set()
    i = 0
    for unit in units:
        for j in range(i, len(lines)):
            if keys[j] and (keys[j].startswith(unit[:20]) or unit.startswith(keys[j][:20])):
                starts.add(j + 1)
                i = j + 1
                break
    return starts


def score(text_path: Path, page: Path) -> tuple[int, int, int]:
    expected = expert_starts(text_path, page)
    document = parse_file(text_path)
    body_start = min((b.span.start for b in document.body if b.span.start), default=1)
    expected = {s for s in expected if s >= body_start}
    found = {s for s in predicted_starts(document.body) if s >= body_start}
    return len(expected & found), len(found), len(expected)


def main() -> int:
    corpus = Path(
        sys.argv[1] if len(sys.argv) > 1 else os.environ.get("TEIKIT_CORPUS", "../shared/corpus")
    )
    total = [0, 0, 0]
    for text_path, page in pairs(corpus):
        tp, predicted, expected = score(text_path, page)
        total = [total[0] + tp, total[1] + predicted, total[2] + expected]
        if f1(tp, predicted, expected) < 0.98:
            print(
                f"{text_path.name:50} P={tp / max(predicted, 1):.3f} R={tp / max(expected, 1):.3f}"
            )
    print(
        f"MIA HTML boundary F1 over {len(pairs(corpus))} texts: {f1(*total):.4f} "
        f"(P={total[0] / max(total[1], 1):.4f} R={total[0] / max(total[2], 1):.4f})"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Paragraph and heading boundary F1 of the whole parse pipeline on expert-encoded TEI.

Each expert novel (ELTeC) or play (DraCor) under ``tei/samples`` is rendered to plain text the
way plain-text editions print it, then parsed by teikit; a boundary is the source line where a
unit starts. Expert units: ``head``, ``p``, ``l``, ``stage``, ``speaker`` (notes dropped).
teikit units: every leaf block (paragraph, line, item, stage, division head, speaker turn).

Layouts: "wrapped" (Gutenberg-like: prose wrapped at 70 columns, a blank line between units,
three before a heading, verse lines indented without blank lines between them, speaker labels
alone on their line) and "lines" (one unit per line, a blank line between units, as MIA
transcriptions are). Run ``python tests/parse/boundary_bench.py [CORPUS]`` for the figures.
"""

from __future__ import annotations

import os
import sys
import textwrap
from pathlib import Path

from lxml import etree

from teikit import model as m
from teikit.parse import parse_text

TEI = "{http://www.tei-c.org/ns/1.0}"
UNITS = {f"{TEI}{t}" for t in ("head", "p", "l", "stage", "speaker", "ab")}
LAYOUTS = ("wrapped", "lines", "export")


def samples(corpus: Path) -> list[Path]:
    root = corpus / "tei" / "samples"
    return sorted((root / "eltec").glob("*.xml")) + sorted(
        p for p in (root / "dracor").glob("*.xml") if "tst0" not in p.name
    )


def _text(node: etree._Element) -> str:
    return " ".join("".join(node.itertext()).split())


def expert_units(path: Path) -> list[tuple[str, str]]:
    """(tag, text) of every unit of the body in reading order."""
    tree = etree.parse(str(path))
    body = tree.find(f".//{TEI}text/{TEI}body")
    assert body is not None
    for note in list(body.iter(f"{TEI}note")):
        parent = note.getparent()
        if parent is not None:
            tail = note.tail
            parent.remove(note)
            if tail:
                prev = note.getprevious() if False else None
                del prev
                _append_tail(parent, tail)
    out: list[tuple[str, str]] = []
    for node in body.iter():
        if node.tag in UNITS and not any(a.tag in UNITS for a in node.iterancestors()):
            text = _text(node)
            if text:
                out.append((etree.QName(node).localname, text))
    return out


def _append_tail(parent: etree._Element, tail: str) -> None:
    if len(parent):
        parent[-1].tail = (parent[-1].tail or "") + tail
    else:
        parent.text = (parent.text or "") + tail


def render(units: list[tuple[str, str]], layout: str) -> tuple[str, list[int]]:
    """The plain text and the 1-based line on which each unit starts."""
    lines: list[str] = []
    starts: list[int] = []
    previous = ""
    for tag, text in units:
        if layout == "lines":
            if lines:
                lines.append("")
            starts.append(len(lines) + 1)
            lines.append(text)
            continue
        if tag == "head":
            lines.extend([""] * (4 if lines else 0))
            starts.append(len(lines) + 1)
            lines.append(text)
            lines.append("")
        elif tag == "l":
            if lines and previous != "l":
                lines.append("")
            starts.append(len(lines) + 1)
            lines.append("    " + text)
        else:
            if lines:
                lines.append("")
            starts.append(len(lines) + 1)
            lines.extend(textwrap.wrap(text, 70, break_on_hyphens=False) or [text])
        previous = tag
    return "\n".join(lines) + "\n", starts


def predicted_starts(blocks: tuple[m.Block, ...]) -> set[int]:
    out: set[int] = set()
    for block in blocks:
        if isinstance(block, m.Division):
            if block.head:
                out.add(block.span.start)
            out |= predicted_starts(block.blocks)
        elif isinstance(block, m.Speech):
            out.add(block.span.start)
            out |= predicted_starts(block.blocks)
        elif isinstance(block, m.Quote):
            out |= predicted_starts(block.blocks)
        elif isinstance(block, m.ListBlock):
            for item in block.items:
                out.add(item.span.start)
        elif isinstance(block, m.LineGroup):
            for line in block.lines:
                if isinstance(line, m.Line):
                    out.add(line.span.start)
                else:
                    out |= predicted_starts((line,))
        elif isinstance(block, m.Note):
            out |= predicted_starts(block.blocks)
        elif isinstance(block, m.CastList):
            out.add(block.span.start)
            for entry in block.items:
                out.add(entry.span.start)
        elif isinstance(block, m.LetterPart):
            out.add(block.span.start)
        elif isinstance(block, (m.SectionBreak, m.PageBreak)):
            continue
        else:
            out.add(block.span.start)
    return out


def render_export(path: Path) -> tuple[str, list[int]]:
    """Every text node of the document but the header, as TEI-to-text exports give it
    (DraCor's plain text): indentation kept, a unit's lines follow each other, whitespace-only
    lines between most elements. Units are found in it in order by their opening words."""
    root = etree.parse(str(path)).getroot()
    for header in root.findall(f"{TEI}teiHeader"):
        root.remove(header)
    for node in root.iter(f"{TEI}front"):
        node.getparent().remove(node)
        break
    text = "".join(root.itertext())
    lines = text.split("\n")
    keys = ["".join(line.split()) for line in lines]
    starts: list[int] = []
    i = 0
    for _tag, unit in expert_units(path):
        key = "".join(unit.split())[:15]
        for j in range(i, len(lines)):
            if keys[j] and key.startswith(keys[j][:15]):
                starts.append(j + 1)
                i = j + 1
                break
    return text, starts


def score(path: Path, layout: str) -> tuple[int, int, int]:
    """(true positives, predicted, expected) boundaries for one document in one layout."""
    text, starts = render_export(path) if layout == "export" else render(expert_units(path), layout)
    document = parse_text(text, path.name)
    expected = set(starts)
    found = predicted_starts(document.body)
    return len(expected & found), len(found), len(expected)


def f1(tp: int, predicted: int, expected: int) -> float:
    if not predicted or not expected:
        return 0.0
    precision, recall = tp / predicted, tp / expected
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def main() -> int:
    corpus = Path(
        sys.argv[1] if len(sys.argv) > 1 else os.environ.get("TEIKIT_CORPUS", "../shared/corpus")
    )
    for layout in LAYOUTS:
        total = [0, 0, 0]
        for path in samples(corpus):
            tp, pred, exp = score(path, layout)
            total = [total[0] + tp, total[1] + pred, total[2] + exp]
            print(
                f"{layout:8} {path.name:40} P={tp / max(pred, 1):.3f} R={tp / max(exp, 1):.3f} "
                f"F1={f1(tp, pred, exp):.3f}"
            )
        print(f"{layout:8} {'ALL':40} F1={f1(*total):.4f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

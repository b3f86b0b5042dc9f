"""Speaker-attribution benchmark over expert-encoded DraCor plays (``TEIKIT_CORPUS``).

Each play's TEI is rendered back to plain text the ways printed and e-text plays lay speeches out
(label alone then the speech; label and speech in one paragraph; label line directly above the
verse), parsed with teikit, and every expert ``sp`` is compared with the ``Speech`` teikit made
for it: the score is the share of expert speeches whose speaker teikit identified, after mapping
each teikit person to the expert person it most often stands for.

Run as a script for a table: ``python tests/speakers/dracor_bench.py`` (add ``--pipeline`` to
parse with the whole text pipeline, segmenter included; ``--extra`` adds two layouts for checking
that rules generalise, not counted in the overall figure: "caps", the names in capitals as many
printings have them, and "colon", "Name: speech").
"""

from __future__ import annotations

import os
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from difflib import SequenceMatcher
from pathlib import Path

from lxml import etree

from teikit.model import Block, Division, Document, Metadata, Paragraph, Speech
from teikit.parse import parse_text
from teikit.parse.speakers import attribute_speakers

TEI = "{http://www.tei-c.org/ns/1.0}"
LAYOUTS = ("alone", "inline", "verse", "txt")
EXTRA_LAYOUTS = ("caps", "colon")
_NAME_PART = re.compile(r"^([^,(\[]*)(.*)$", re.DOTALL)  # the name before a clause or direction


@dataclass(frozen=True)
class Turn:
    who: str
    speaker: str


def _text(node: etree._Element) -> str:
    return " ".join("".join(node.itertext()).split())


def _bracketed(text: str) -> str:
    return text if text[:1] in "[(" else f"[{text}]"


def render(path: Path, layout: str) -> tuple[str, list[Turn]]:
    """Plain text of the play's body in ``layout`` and its expert turns in order.

    "txt" is what DraCor's own plain-text export gives: every text node of the document except
    the header, indentation and all (whitespace-only lines then separate most elements).
    """
    root = etree.parse(str(path)).getroot()
    body = root.find(f".//{TEI}text/{TEI}body")
    assert body is not None
    if layout == "txt":
        for header in root.findall(f"{TEI}teiHeader"):
            root.remove(header)
        turns = [
            Turn(sp.get("who", ""), _text(sp.find(f"{TEI}speaker")))
            for sp in body.iter(f"{TEI}sp")
            if sp.find(f"{TEI}speaker") is not None and _text(sp.find(f"{TEI}speaker"))
        ]
        return "".join(root.itertext()), turns
    out: list[str] = []
    turns: list[Turn] = []
    cast = root.find(f".//{TEI}front/{TEI}castList")
    if cast is not None:  # the cast list as printed before the play: heading, one entry a line
        head = cast.find(f"{TEI}head")
        out.append(_text(head) if head is not None else "Dramatis Personae")
        out.extend(_text(item) for item in cast.iter(f"{TEI}castItem"))
    for node in body.iter():
        tag = node.tag if isinstance(node.tag, str) else ""
        if (
            tag == f"{TEI}head"
            and node.getparent() is not None
            and node.getparent().tag == f"{TEI}div"
        ):
            out.append(_text(node))
        elif (
            tag == f"{TEI}stage"
            and node.getparent() is not None
            and node.getparent().tag == f"{TEI}div"
        ):
            out.append(_bracketed(_text(node)))
        elif tag == f"{TEI}sp":
            speaker_node = node.find(f"{TEI}speaker")
            speaker = _text(speaker_node) if speaker_node is not None else ""
            if not speaker:
                continue
            turns.append(Turn(node.get("who", ""), speaker))
            out.extend(_speech(node, speaker, layout))
    return "\n\n".join(p for p in out if p) + "\n", turns


def _speech(sp: etree._Element, speaker: str, layout: str) -> list[str]:
    parts: list[str] = []
    lines: list[str] = []
    for child in sp:
        tag = child.tag if isinstance(child.tag, str) else ""
        if tag == f"{TEI}l":
            lines.append(_text(child))
            continue
        if lines:
            parts.append("\n".join(lines))
            lines = []
        if tag == f"{TEI}lg":
            parts.append("\n".join(_text(line) for line in child.iter(f"{TEI}l")))
        elif tag in (f"{TEI}p", f"{TEI}ab"):
            parts.append(_text(child))
        elif tag == f"{TEI}stage":
            parts.append(_bracketed(_text(child)))
    if lines:
        parts.append("\n".join(lines))
    parts = [p for p in parts if p.strip()] or [""]
    if layout == "caps":  # "ROSINE, à part." as "Rosine, à part." is printed elsewhere
        name = _NAME_PART.match(speaker)
        speaker, layout = (name.group(1).upper() + name.group(2) if name else speaker), "inline"
    elif layout == "colon":
        speaker, layout = speaker.rstrip(".:") + ":", "inline"
    if layout == "alone":
        return [speaker, *parts]
    if layout == "verse":
        return [f"{speaker}\n{parts[0]}", *parts[1:]]
    return [f"{speaker} {parts[0]}".strip(), *parts[1:]]


def speeches(blocks: tuple[Block, ...]) -> Iterator[Speech]:
    for block in blocks:
        if isinstance(block, Speech):
            yield block
        elif isinstance(block, Division):
            yield from speeches(block.blocks)


def simple_document(text: str, name: str) -> Document:
    """The text cut at blank lines into paragraphs (lines joined by a space), no other parsing:
    scores the speaker rules alone, whatever the segmenter currently does."""
    blocks: list[Block] = []
    for chunk in re.split(r"\n[ \t]*\n", text):
        lines = [line.strip() for line in chunk.split("\n") if line.strip()]
        if lines:
            blocks.append(Paragraph((" ".join(lines),)))
    return attribute_speakers(Document(Metadata(), tuple(blocks), source_name=name))


def score(path: Path, layout: str, pipeline: bool = False) -> tuple[int, int]:
    """(correct, expert turns) for one play in one layout; ``pipeline`` parses with teikit's
    whole text pipeline instead of ``simple_document``."""
    text, expert = render(path, layout)
    document = parse_text(text, path.name) if pipeline else simple_document(text, path.name)
    found = [Turn(s.who, " ".join(s.speaker.split())) for s in speeches(document.body)]
    matcher = SequenceMatcher(
        None,
        [_first(t.speaker) for t in expert],
        [_first(t.speaker) for t in found],
        autojunk=False,
    )
    pairs: list[tuple[str, str]] = []
    for block in matcher.get_matching_blocks():
        for k in range(block.size):
            pairs.append((found[block.b + k].who, expert[block.a + k].who))
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    for mine, theirs in pairs:
        votes[mine][theirs] += 1
    mapping = {mine: counter.most_common(1)[0][0] for mine, counter in votes.items()}
    correct = sum(1 for mine, theirs in pairs if mapping.get(mine) == theirs)
    return correct, len(expert)


def _first(speaker: str) -> str:
    """The speaker's first word, for aligning turns (labels may carry directions after it)."""
    words = [w.strip(".,:;[]()").casefold() for w in speaker.split()]
    return next((w for w in words if w), "")


def plays(corpus: Path) -> list[Path]:
    folder = corpus / "tei" / "samples" / "dracor"
    return sorted(p for p in folder.glob("*.xml") if "schema" not in p.name)


def main() -> int:
    corpus = Path(os.environ.get("TEIKIT_CORPUS", "/work/shared/corpus"))
    pipeline = "--pipeline" in sys.argv
    extra = EXTRA_LAYOUTS if "--extra" in sys.argv else ()
    total = [0, 0]
    for path in plays(corpus):
        row = []
        for layout in LAYOUTS + extra:
            correct, n = score(path, layout, pipeline)
            if layout in LAYOUTS:
                total[0] += correct
                total[1] += n
            row.append(f"{layout}={correct / n:.3f}")
        print(f"{path.stem:45} n={n:5} " + " ".join(row))
    print(f"overall {total[0] / total[1]:.4f} ({total[0]}/{total[1]})")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Title block and metadata lines at the top of a transcription (first version: MIA layout).

Recognises the Marxists Internet Archive layout: a few short lines (author, title, subtitle,
dateline) followed by ``Label: value`` lines; the body starts after the last metadata line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Field, FrontLine, Metadata, Span
from .lines import SourceLine, blocks_of

LABELS = {
    "source": "source",
    "publisher": "publisher",
    "first published": "first_published",
    "published": "published",
    "written": "written",
    "spoken": "spoken",
    "delivered": "delivered",
    "translated": "translated",
    "transcription/markup": "transcription_markup",
    "public domain": "public_domain",
}

_FIELD = re.compile(r"^(?P<label>[A-Z][\w /\\.-]{0,40}?):\s*(?P<value>\S.*)$")
_DATE = re.compile(r"\b(1[5-9]\d\d|20\d\d)\b")


@dataclass(frozen=True, slots=True)
class FrontMatter:
    metadata: Metadata
    body_start: int  # index into the lines list where the body begins
    body_end: int  # index one past the last body line


def read_front_matter(lines: list[SourceLine]) -> FrontMatter:
    groups = blocks_of(lines)
    front: list[FrontLine] = []
    fields: list[Field] = []
    body_start = 0
    for group in groups[:12]:
        matches = [_FIELD.match(line.stripped) for line in group]
        if all(m and m.group("label").lower() in LABELS for m in matches):
            for line, m in zip(group, matches, strict=True):
                assert m is not None
                label = m.group("label")
                fields.append(Field(LABELS[label.lower()], label, m.group("value"), Span.of_lines(line.number)))
            body_start = group[-1].number
            break
        if len(group) == 1 and len(group[0].stripped) < 120:
            front.append(FrontLine("other", group[0].stripped, Span.of_lines(group[0].number)))
            continue
        break
    if not fields:
        return FrontMatter(Metadata(), 0, len(lines))
    roles = _assign_roles(front)
    metadata = Metadata(origin="mia", front=tuple(roles), fields=tuple(fields))
    return FrontMatter(metadata, body_start, len(lines))


def _assign_roles(front: list[FrontLine]) -> list[FrontLine]:
    out: list[FrontLine] = []
    seen_title = False
    for i, line in enumerate(front):
        if i == 0 and len(front) >= 2:
            role = "author"
        elif _DATE.search(line.text) and i == len(front) - 1:
            role = "dateline"
        elif not seen_title:
            role, seen_title = "title", True
        else:
            role = "subtitle"
        out.append(FrontLine(role, line.text, line.span))
    return out

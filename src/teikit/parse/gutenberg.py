"""Where a Project Gutenberg e-text's header ends and its licence footer begins.

Project Gutenberg has wrapped its texts three ways: the 1990s "Small Print" header (``**Welcome
To The World of Free Plain Vanilla Electronic Texts**`` … ``*END*THE SMALL PRINT! FOR PUBLIC
DOMAIN ETEXTS*…*END*``) with a one-line footer (``*The Project Gutenberg Etext of …*``, ``End
of Project Gutenberg Etext …``); a transitional form with ``*** START OF THE PROJECT GUTENBERG
EBOOK …`` at the top and the Small Print at the bottom; and the modern ``*** START OF`` / ``***
END OF`` markers around the text. Copies in the wild also have the header cut off and only the
footer line left, or no footer at all.

Rather than one pattern per release, the boundary is found from the boilerplate's vocabulary:
a group of lines that speaks of Project Gutenberg, e-texts, the Small Print or the e-text's file
name is boilerplate. The header is the run of groups from the top in which boilerplate groups
follow each other closely (the title lines and notes between them belong to it); the footer is
the same run read up from the bottom. A text without boilerplate in its first or last groups
has no header or footer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .lines import SourceLine

# Words only Gutenberg's own wrapping uses (in the languages its footers come in).
_BOILERPLATE = re.compile(
    r"project\s+gutenberg|projekt\s+gutenberg|proyecto\s+gutenberg|projecto\s+gutenberg|"
    r"gutenberg[- ]?tm|\bgutenberg\b.*\b(?:e-?texts?|e-?books?|license|licence|literary)\b|"
    r"\b(?:e-?texts?|e-?books?)\b.*\bgutenberg\b|small\s+print|plain\s+vanilla|"
    r"this\s+file\s+should\s+be\s+named|\be-?texts?\b|"
    r"www\.gutenberg\.|gutenberg\.org|promo\.net/pg|ibiblio\.org",
    re.IGNORECASE,
)
_START = re.compile(r"^\s*\*{3}\s*START OF (?:THE|THIS) PROJECT GUTENBERG", re.I)
_END = re.compile(r"^\s*\*{3}\s*END OF (?:THE|THIS) PROJECT GUTENBERG", re.I)
# Header groups may stand apart by a few groups of title lines, notes and addresses (the First
# Folio series' "Executive Director's Notes" run to ten).
_MAX_GAP_GROUPS = 12
# Boilerplate only counts as a header or footer if it starts that close to the edge.
_MAX_EDGE_GROUPS = 3


@dataclass(frozen=True, slots=True)
class Wrapping:
    """``body_start``/``body_end`` index ``lines``; ``marked`` when the modern markers are used."""

    body_start: int
    body_end: int
    marked: bool


def is_boilerplate(text: str) -> bool:
    return _BOILERPLATE.search(text) is not None


def find_wrapping(lines: list[SourceLine]) -> Wrapping | None:
    """The body between a Gutenberg header and footer, or None when the text has neither."""
    groups = _groups(lines)
    start = next((i for i, line in enumerate(lines) if _START.match(line.text)), None)
    if start is not None:
        body_start = start + 1
    else:
        body_start = _header_end(groups)
    first = next((g for g in groups if g[0] >= body_start), None)
    body_end = _footer_start(lines, groups, body_start)
    if body_start == 0 and body_end == len(lines):
        return None
    if first is None:
        return None
    return Wrapping(body_start, max(body_end, body_start), start is not None)


def _groups(lines: list[SourceLine]) -> list[tuple[int, int, bool]]:
    """(first index, one past the last index, boilerplate?) of each run of non-blank lines."""
    out: list[tuple[int, int, bool]] = []
    i, n = 0, len(lines)
    while i < n:
        if lines[i].blank:
            i += 1
            continue
        j = i
        while j < n and not lines[j].blank:
            j += 1
        text = " ".join(line.stripped for line in lines[i:j])
        out.append((i, j, is_boilerplate(text)))
        i = j
    return out


def _header_end(groups: list[tuple[int, int, bool]]) -> int:
    """Index of the first line after the boilerplate run at the top (0: no header)."""
    last = None
    for k, (_, _, boiler) in enumerate(groups):
        if boiler:
            if last is None and k >= _MAX_EDGE_GROUPS:
                return 0
            last = k
        elif last is not None and k - last > _MAX_GAP_GROUPS:
            break
        elif last is None and k >= _MAX_EDGE_GROUPS:
            return 0
    return groups[last][1] if last is not None else 0


def _footer_start(
    lines: list[SourceLine], groups: list[tuple[int, int, bool]], body_start: int
) -> int:
    """Index of the first line of the boilerplate run at the bottom (``len(lines)``: none)."""
    end = next((i for i in range(body_start, len(lines)) if _END.match(lines[i].text)), len(lines))
    body = [g for g in groups if g[0] >= body_start and g[1] <= end]
    first = None
    for k in range(len(body) - 1, -1, -1):
        if body[k][2]:
            if first is None and len(body) - 1 - k >= _MAX_EDGE_GROUPS and end == len(lines):
                break
            first = k
        elif first is not None and first - k > _MAX_GAP_GROUPS:
            break
        elif first is None and len(body) - 1 - k >= _MAX_EDGE_GROUPS:
            break
    if first is not None:
        end = body[first][0]
    return end


__all__ = ["Wrapping", "find_wrapping", "is_boilerplate"]

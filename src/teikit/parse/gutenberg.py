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


_CUES = ("gutenberg", "text", "book", "small print", "vanilla", "should be named", "ibiblio")


def is_boilerplate(text: str) -> bool:
    folded = text.casefold()
    if not any(cue in folded for cue in _CUES):
        return False  # (most groups: the pattern's alternatives cost far more than this)
    return _BOILERPLATE.search(text) is not None


def find_wrapping(lines: list[SourceLine]) -> Wrapping | None:
    """The body between a Gutenberg header and footer, or None when the text has neither."""
    runs = _Runs(lines)
    start = next((i for i, line in enumerate(lines) if _START.match(line.text)), None)
    if start is not None:
        body_start = start + 1
    else:
        body_start = _header_end(runs)
    first = next((span for span in runs.spans if span[0] >= body_start), None)
    body_end = _footer_start(lines, runs, body_start)
    if body_start == 0 and body_end == len(lines):
        return None
    if first is None:
        return None
    return Wrapping(body_start, max(body_end, body_start), start is not None)


class _Runs:
    """The runs of non-blank lines of a text, each asked whether it is boilerplate only when a
    scan reaches it (only the runs near the text's edges ever are)."""

    def __init__(self, lines: list[SourceLine]) -> None:
        self.lines = lines
        self.spans: list[tuple[int, int]] = []  # (first index, one past the last index)
        i, n = 0, len(lines)
        while i < n:
            if lines[i].blank:
                i += 1
                continue
            j = i
            while j < n and not lines[j].blank:
                j += 1
            self.spans.append((i, j))
            i = j
        self._boiler: dict[int, bool] = {}

    def __len__(self) -> int:
        return len(self.spans)

    def boiler(self, k: int) -> bool:
        if k not in self._boiler:
            start, end = self.spans[k]
            text = " ".join(line.stripped for line in self.lines[start:end])
            self._boiler[k] = is_boilerplate(text)
        return self._boiler[k]


def _header_end(runs: _Runs) -> int:
    """Index of the first line after the boilerplate run at the top (0: no header)."""
    last = None
    for k in range(len(runs)):
        if runs.boiler(k):
            if last is None and k >= _MAX_EDGE_GROUPS:
                return 0
            last = k
        elif last is not None and k - last > _MAX_GAP_GROUPS:
            break
        elif last is None and k >= _MAX_EDGE_GROUPS:
            return 0
    return runs.spans[last][1] if last is not None else 0


def _footer_start(lines: list[SourceLine], runs: _Runs, body_start: int) -> int:
    """Index of the first line of the boilerplate run at the bottom (``len(lines)``: none)."""
    end = next(
        (
            i
            for i in range(body_start, len(lines))
            if "***" in lines[i].text and _END.match(lines[i].text)
        ),
        len(lines),
    )
    body = [k for k, span in enumerate(runs.spans) if span[0] >= body_start and span[1] <= end]
    first = None
    for back in range(len(body) - 1, -1, -1):
        from_end = len(body) - 1 - back
        if runs.boiler(body[back]):
            if first is None and from_end >= _MAX_EDGE_GROUPS and end == len(lines):
                break
            first = back
        elif first is not None and first - back > _MAX_GAP_GROUPS:
            break
        elif first is None and from_end >= _MAX_EDGE_GROUPS:
            break
    if first is not None:
        end = runs.spans[body[first]][0]
    return end


__all__ = ["Wrapping", "find_wrapping", "is_boilerplate"]

"""Notes a transcriber or editor set into the text: ``[Transcriber's Note: …]``.

Gutenberg transcribers (and editors of reprints) explain their work in a bracketed note that
may run over several paragraphs before its bracket closes. It is nobody's speech and no stage
direction, though a play's reader would take a bracketed paragraph for one: it becomes
``note[@type='transcriber']`` (or ``editor``, ``translator``), its words kept verbatim.
"""

from __future__ import annotations

import re

from .lines import Group

_OPENING = re.compile(
    r"^\[\s*(?:(?P<who>transcriber|editor|translator|producer)s?['’]?s?\s+notes?\b"
    r"|notes?\s+(?:by|of)\s+the\s+(?P<by>transcriber|editor|translator))",
    re.I,
)
_MAX_GROUPS = 12  # paragraphs of one note: a bracket still open after them was never closed


def editor_note(groups: list[Group], start: int) -> tuple[str, int] | None:
    """The kind ("transcriber", "editor", …) and number of groups of the bracketed note that
    opens ``groups[start]``, or None."""
    opening = _OPENING.match(groups[start].lines[0].stripped)
    if opening is None:
        return None
    depth = 0
    for k, group in enumerate(groups[start : start + _MAX_GROUPS]):
        for line in group.lines:
            depth += line.stripped.count("[") - line.stripped.count("]")
        if depth <= 0:
            if not group.lines[-1].stripped.endswith("]"):
                return None  # the bracket closes inside a line: a note run into the text
            kind = (opening.group("who") or opening.group("by")).lower()
            return kind, k + 1
    return None


__all__ = ["editor_note"]

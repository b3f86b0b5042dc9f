"""The source as numbered lines, shared by every parse rule."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class SourceLine:
    """One line of the decoded source: 1-based ``number``, verbatim ``text`` (no newline)."""

    number: int
    text: str

    @property
    def stripped(self) -> str:
        return self.text.strip()

    @property
    def blank(self) -> bool:
        return not self.text.strip()

    @property
    def indent(self) -> int:
        return len(self.text) - len(self.text.lstrip(" "))


def split_lines(text: str) -> list[SourceLine]:
    return [SourceLine(i, t.rstrip()) for i, t in enumerate(text.split("\n"), start=1)]


def blocks_of(lines: list[SourceLine]) -> list[list[SourceLine]]:
    """Group lines into runs separated by blank lines."""
    groups: list[list[SourceLine]] = []
    current: list[SourceLine] = []
    for line in lines:
        if line.blank:
            if current:
                groups.append(current)
                current = []
        else:
            current.append(line)
    if current:
        groups.append(current)
    return groups

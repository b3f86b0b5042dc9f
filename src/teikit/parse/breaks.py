"""Section breaks (``* * *``, ``-----``, ``⁂``) and page-break marker lines (``[Page 12]``).

A section break is a line made only of break symbols; a page-break marker is a line that names a
page and nothing else. Both keep their verbatim text in the model.
"""

from __future__ import annotations

import re

from ..model import PageBreak, SectionBreak, Span
from .lines import Group

_SECTION = re.compile(r"^(?:(?:[*#~=_·•.◆◇○●x+-]\s*){3,}|[*#⁂§]|\*\s*\*)$")
_PAGE = re.compile(
    r"^(?:[\[{(<]\s*(?:page|pg\.?|p\.)\s*(?P<a>[0-9]{1,4}|[ivxlc]{1,7})\s*[\]})>]"
    r"|(?:page|pg\.?)\s+(?P<b>[0-9]{1,4})"
    r"|\{(?P<c>[0-9]{1,4})\}"
    r"|-{1,3}\s*(?P<d>[0-9]{1,4})\s*-{1,3})$",
    re.IGNORECASE,
)


_UNDERLINE = re.compile(r"^(?:[-=_]\s*){3,}$")


def cut_underlines(groups: list[Group]) -> list[Group]:
    """``groups`` with a short line underlined by a rule ("PREFACE." / "----") cut from the
    rule and from what follows it with no blank line between ("CRITIC.--I never read…"): the
    underlined line is a title of its own, the rule a break under it."""
    out: list[Group] = []
    for group in groups:
        lines = group.lines
        if (
            len(lines) < 2
            or not _UNDERLINE.match(lines[1].stripped)
            or _SECTION.match(lines[0].stripped)
            or len(lines[0].stripped) > 80
        ):
            out.append(group)
            continue
        rest = lines[2:]
        out.append(Group(lines[:1], group.blank_before, 0))
        out.append(Group(lines[1:2], 0, 0 if rest else group.blank_after))
        if rest:
            out.append(Group(rest, 0, group.blank_after))
    return out


def section_break(group: Group) -> SectionBreak | None:
    if len(group.lines) != 1:
        return None
    text = group.lines[0].stripped
    if _SECTION.match(text) and not text.replace(".", ""):
        return None  # a line of dots alone is an ellipsis, not a break
    if _SECTION.match(text):
        return SectionBreak(text, Span(group.start, group.end))
    return None


def page_break(group: Group) -> PageBreak | None:
    if len(group.lines) != 1:
        return None
    text = group.lines[0].stripped
    match = _PAGE.match(text)
    if not match:
        return None
    n = next(v for v in match.groups() if v)
    return PageBreak(n, text, Span(group.start, group.end))


def is_page_break_line(text: str) -> bool:
    """A page-break marker line ("[Page 12]"): kept only in ``pb`` attributes, not as text."""
    return bool(_PAGE.match(text.strip()))


def is_break_line(text: str) -> bool:
    """A section-break or page-break marker line (shared with the lossless check's docs)."""
    text = text.strip()
    return bool(_SECTION.match(text) or _PAGE.match(text))

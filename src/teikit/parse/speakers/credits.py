"""Performance credits: the cast of a first production, one "Role: Actor" line each.

Recognises a paragraph that kept its lines, three or more of them, each a role, a colon (or dot
leaders) and a performer's name::

    Merriman: Mr. Frank Dyall.
    Lady Bracknell: Miss Rose Leclercq.
    Hon. Gwendolen Fairfax .......... Miss Irene Vanbrugh.

In a play whose speakers are labelled with a full stop, these are not turns ("Lane: Mr. F. Kinsey
Peile." is no speech of Lane's) but a ``CastList`` without heading; the separator stays with the
description so no character is lost. Most of the roles must be the play's speakers.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ...model import Block, CastItem, CastList, Division, LineBreak, Paragraph
from .inlines import plain
from .labels import is_name, name_key

_CREDIT = re.compile(
    r"^(?P<role>[^\W\d_][^:\n]{0,60}?)(?P<sep>\s*:\s+|\s*\.{3,}\s*|\s*…+\s*)(?P<actor>\S.{0,60})$"
)
_PERFORMER_TITLES = frozenset(
    "mr mrs miss ms mme mlle madame monsieur herr frau fräulein fru signor signora m".split()
)
_MIN_LINES = 3


def credit_lists(
    blocks: tuple[Block, ...], is_speaker: Callable[[str], bool]
) -> tuple[tuple[Block, ...], bool]:
    """``blocks`` with credit paragraphs made cast lists, and whether there was one.
    ``is_speaker(key)`` says whether a name key is one of the document's speakers."""
    out: list[Block] = []
    found = False
    for block in blocks:
        if isinstance(block, Division):
            inner, inner_found = credit_lists(block.blocks, is_speaker)
            found = found or inner_found
            block = Division(block.type, block.head, inner, block.n, block.span)
        elif isinstance(block, Paragraph) and any(isinstance(i, LineBreak) for i in block.content):
            cast = _credits(block, is_speaker)
            if cast is not None:
                block = cast
                found = True
        out.append(block)
    return tuple(out), found


def _credits(block: Paragraph, is_speaker: Callable[[str], bool]) -> CastList | None:
    if not all(isinstance(i, (str, LineBreak)) for i in block.content):
        return None
    lines = [line.strip() for line in plain(block.content).split("\n") if line.strip()]
    if len(lines) < _MIN_LINES:
        return None
    matches = [_CREDIT.match(line) for line in lines]
    if not all(m is not None and _performer(m.group("actor")) for m in matches):
        return None
    roles = [m.group("role").strip() for m in matches if m is not None]
    if 2 * sum(1 for role in roles if _names_speaker(role, is_speaker)) < len(roles):
        return None
    return CastList((), tuple(_item(m, block) for m in matches if m is not None), block.span)


def _item(match: re.Match[str], block: Paragraph) -> CastItem:
    """ "Rev. Canon Chasuble, D.D.: Mr. H. H. Vincent." → role "Rev. Canon Chasuble", description
    ", D.D.: Mr. H. H. Vincent." (the role as the cast list at the head of the play names it)."""
    role = match.group("role").strip()
    comma = role.find(",")
    extra = role[comma:] if comma > 0 else ""
    role = role[:comma] if comma > 0 else role
    description = extra + match.group("sep").lstrip() + match.group("actor")
    return CastItem(role, description, "", block.span)


def _performer(actor: str) -> bool:
    """A performer's name, perhaps with a title ("Mr. Frank Dyall.", "Miss Rose Leclercq.")."""
    name = actor.rstrip(".").strip()
    first = name.split(None, 1)[0].rstrip(".").casefold() if name else ""
    return first in _PERFORMER_TITLES or is_name(name)


def _names_speaker(role: str, is_speaker: Callable[[str], bool]) -> bool:
    key = name_key(role)
    return is_speaker(key) or any(is_speaker(word) for word in key.split() if len(word) > 2)

"""Numbered, lettered and bulleted items: ``1)``, ``1.``, ``(a)``, ``a)``, ``I.``, ``•``, ``-``.

Items are either groups of their own (one item per blank-separated group) or lines of one group
where every line but continuation lines starts with a label. A lone labelled paragraph is not a
list (``1914. The war…``, ``A. Smith said…``): at least two items of the same label style in a row
make a list. Em and en dashes open dialogue in many novels and are never bullets.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..quickinit import quick_init

_LABEL = re.compile(
    r"^(?P<label>"
    r"\((?P<p>\d{1,3}|[a-zA-Z]|[ivxlc]{1,6}|[IVXLC]{1,6})\)"
    r"|(?P<n>\d{1,3}|[a-zA-Z]|[ivxlc]{1,6}|[IVXLC]{1,6})[).]"
    r"|(?P<b>[•●▪◦‣·*-])"
    # a number glued to its item's first word ("1.To help control…"; "1.5" is no label)
    r")(?:\s+|(?<=\d\.)(?=[^\W\d_]))(?P<text>\S.*)$"
)

_LOWER_ROMAN = re.compile(r"[ivxlc]+")
_UPPER_ROMAN = re.compile(r"[IVXLC]+")


@quick_init
@dataclass(frozen=True, slots=True)
class ItemStart:
    label: str
    text: str
    style: str  # "paren-digit", "dot-alpha", "bullet-•"...


def item_start(text: str) -> ItemStart | None:
    match = _LABEL.match(text)
    if not match:
        return None
    label = match.group("label")
    if match.group("b"):
        return ItemStart(label, match.group("text"), f"bullet{label}")
    core = match.group("p") or match.group("n")
    shape = "(" if match.group("p") else label[-1]
    if core.isdigit():
        kind = "digit"
    elif _LOWER_ROMAN.fullmatch(core) and (len(core) > 1 or core == "i"):
        kind = "roman"
    elif _UPPER_ROMAN.fullmatch(core) and (len(core) > 1 or core == "I"):
        kind = "ROMAN"
    else:
        kind = "alpha" if core.islower() else "ALPHA"
    return ItemStart(label, match.group("text"), f"{shape}{kind}")


def is_item_start(text: str) -> bool:
    """``item_start(text) is not None``, without building the ``ItemStart``."""
    return _LABEL.match(text) is not None


def numbers_nothing(starts: list[ItemStart]) -> bool:
    """Letters that do not run on: the same letter twice ("M. de Noirmont…" / "M. et
    mademoiselle Pomard…" abbreviate Monsieur), or letters out of order ("M." then "A."), number
    no list. Numerals and bullets are not judged here (a list may skip or repeat a number)."""
    if not starts[0].style.endswith(("alpha", "ALPHA")):
        return False
    letters = [_core(s.label) for s in starts]
    return any(
        len(a) != 1 or len(b) != 1 or ord(b) != ord(a) + 1
        for a, b in zip(letters, letters[1:], strict=False)
    )


def _core(label: str) -> str:
    return label.strip("().").lower()


def number_of(start: ItemStart) -> int | None:
    """The number of a numeral item ("3." → 3), or None."""
    core = _core(start.label)
    return int(core) if core.isdigit() else None


def same_style(a: ItemStart, b: ItemStart) -> bool:
    if a.style == b.style:
        return True
    # "i." may be a roman one or the letter i; "I." likewise; accept either reading.
    loose = {
        a.style.replace("roman", "alpha").replace("ROMAN", "ALPHA"),
        b.style.replace("roman", "alpha").replace("ROMAN", "ALPHA"),
    }
    return len(loose) == 1

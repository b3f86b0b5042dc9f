"""Closing formulas: the short line that ends a division or the whole text.

Recognises, alone in a group of one or two short lines, in capitals or Title Case, emphasis
marks and framing dashes aside (``_THE END_``, ``— FINIS —``): ``THE END``, ``FINIS``, ``END OF
ACT II.``, ``END OF THE FIRST ACT.``, ``THE END OF THE SECOND VOLUME``, ``CURTAIN.``, ``QUICK
CURTAIN``, ``ACT DROP``, ``TABLEAU``, and ``ENDE``, ``FIN``, ``KONEC``, ``LOPPU``, ``SLUT``,
``КОНЕЦ``, ``FIN DU PREMIER ACTE``, ``Ende des ersten Aktes``. What is ended after "END OF"
must be a division heading (``headings.keyword_heading``) or the work itself: "End of the
Project …" and "The end of the war came." are no formulas.

Whether the line really closes something (nothing but a new division or the end follows) is the
segmenter's check: only it sees what comes next.
"""

from __future__ import annotations

import re

from .headings import keyword_heading
from .lines import Group

_MAX_TEXT = 60
_FRAME = " _*=~·.!—–-"
_FORMULA = re.compile(
    r"^(?:the\s+end|finis|fin|ende|einde|loppu|konec|koniec|конец|act[\s-]drop|tableau|"
    r"(?:the\s+|quick\s+|slow\s+)?curtain)$",
    re.IGNORECASE,
)
# Words that end a text only in capitals ("End.", "Fine." and "Slut." are words of speech).
_CAPITALS_ONLY = re.compile(r"^(?:end|fine|slut|slutt)$", re.IGNORECASE)
_END_OF = re.compile(
    r"^(?:(?:the\s+)?end\s+of(?:\s+the)?|fin\s+(?:du|de\s+la|de\s+l['’]|del)|ende\s+de[sr])\s*"
    r"(?P<what>\S.*)$",
    re.IGNORECASE,
)
_WORK = re.compile(r"^(?:play|story|book|tale|poem|novel|volume|work|drama|comedy|tragedy)$", re.I)


def is_closing(group: Group) -> bool:
    """Whether the group is a closing formula and nothing else."""
    if len(group.lines) > 2 or len(group.text) > _MAX_TEXT:
        return False
    text = group.text.strip(_FRAME)
    if not text or not text[0].isupper():
        return False
    if _FORMULA.match(text):
        return _capitalised(text)
    if _CAPITALS_ONLY.match(text):
        return text.isupper()
    ended = _END_OF.match(text)
    if ended is None:
        return False
    # The ordinal of "Ende des ersten Aktes" is in small letters: the keyword's pattern decides.
    what = ended.group("what")
    return bool(_WORK.match(what) or keyword_heading(what) or keyword_heading(_singular(what)))


def _capitalised(text: str) -> bool:
    """Every word in capitals or starting with one ("The End.", not "The end.")."""
    return all(word[0].isupper() for word in text.split())


def _singular(what: str) -> str:
    """German genitives name the division ("ersten Aktes", "zweiten Aufzugs")."""
    head, _, last = what.rpartition(" ")
    for ending in ("es", "s"):
        if last.casefold().endswith(ending):
            return f"{head} {last[: -len(ending)]}".strip()
    return what


_WORK_END = re.compile(
    r"^(?:the\s+end|finis|fin|ende|einde|loppu|konec|koniec|конец|fim|slut)$", re.IGNORECASE
)


def ends_work(text: str) -> bool:
    """A formula that closes the whole work ("THE END", "FINIS", "FIN", "КОНЕЦ"), not one of
    its acts or volumes ("END OF ACT II.", "FIN DU PREMIER VOLUME.", "CURTAIN.")."""
    return bool(_WORK_END.match(text.strip(_FRAME)))

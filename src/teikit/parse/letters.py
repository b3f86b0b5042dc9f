"""Letters and speeches: salutations and datelines open them, closings and signatures close them.

* opener: ``Dear Comrade Smith,``, ``My dear Sir,``, ``Comrades!``, ``Gentlemen:``, optionally
  after a short dateline group (``London, 4 March 1915``);
* closer: ``Yours fraternally,``, ``With comradely greetings,``, ``Sincerely yours,``… followed by
  up to two short signature lines (``J. T. Murphy``), in the same group or in the next groups.
"""

from __future__ import annotations

import re

from ..model import Inlines, LetterPart, Span
from .lines import Group

_SALUTE = re.compile(
    r"^(?:(?:(?:my\s+)?(?:very\s+)?dear(?:est)?\s+[^\n]{1,50}|dear\s+sirs?|sir|madam)[,:]"
    r"|(?:dear\s+)?(?:gentlemen|comrades?|friends?|brothers?|sisters?|fellow[- ]\w+"
    r"|ladies and gentlemen)"
    r"[^.\n]{0,30}[,:!])$",
    re.IGNORECASE,
)
_CLOSING = re.compile(
    r"^(?:yours\b[^.!?\n]{0,40}|your\s+(?:(?:loving|affectionate|faithful|obedient|humble|sincere|devoted|true|"
    r"old|own|comradely)\s+){1,3}(?:servant|friend|comrade|son|daughter|brother|sister|\w+)|(?:with\s+)?(?:fraternal|comradely|best|kind|warm|warmest|"
    r"revolutionary|socialist|communist)\b[^.!?\n]{0,40}(?:greetings|regards|wishes|salutes?)|"
    r"(?:fraternally|sincerely|faithfully|cordially|respectfully|affectionately|truly)(?:\s+yours)?|"
    r"(?:greetings|regards|best regards|kind regards))[,.!]?$",
    re.IGNORECASE,
)
_DATE = re.compile(r"\b(?:1[5-9]\d\d|20\d\d)\b")
_SIGNATURE = re.compile(r"^[A-Z][\w.’'\- ]{0,40}[\w.)]$")


def is_salutation(text: str) -> bool:
    return len(text) <= 70 and bool(_SALUTE.match(text))


def is_closing(text: str) -> bool:
    return len(text) <= 60 and bool(_CLOSING.match(text))


def is_dateline(group: Group) -> bool:
    return len(group.lines) <= 2 and len(group.text) <= 60 and bool(_DATE.search(group.text))


def is_signature(group: Group) -> bool:
    return len(group.lines) <= 2 and all(_SIGNATURE.match(line.stripped) for line in group.lines)


def opener(lines: list[tuple[str, Inlines]], span: Span) -> LetterPart:
    return LetterPart("opener", tuple(lines), span)


def closer(lines: list[tuple[str, Inlines]], span: Span) -> LetterPart:
    return LetterPart("closer", tuple(lines), span)

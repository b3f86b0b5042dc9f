"""Letters and speeches: salutations and datelines open them, closings and signatures close them.

* opener: ``Dear Comrade Smith,``, ``My dear Sir,``, ``Comrades!``, ``Gentlemen:``, optionally
  after a short dateline group (``London, 4 March 1915``);
* closer: ``Yours fraternally,``, ``With comradely greetings,``, ``Sincerely yours,``,
  ``Ever gratefully yours,``, ``Lovingly always,``, ``With love,``… followed by up to two short
  signature lines (``J. T. Murphy``), in the same group or in the next groups;
* a signature alone (``MOTHER.``, ``KATRINE DULANY.``, ``E. Belfort Bax``): a name of a few
  capitalised words, which closes a letter quoted in a text (the caller knows the letter).
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
# Closings that are also words of speech ("Gratefully.", "Love!") only with the comma a closing
# takes: "Ever gratefully yours,", "Lovingly always,", "With love,".
_CLOSING_COMMA = re.compile(
    r"^(?:(?:(?:ever|always|most|very|as\s+ever)\s+)?(?:lovingly|gratefully|devotedly|tenderly|"
    r"heartily|obediently|dutifully|thankfully|warmly|fraternally|sincerely|faithfully|cordially|"
    r"respectfully|affectionately|truly)(?:\s+(?:yours|thine))?(?:\s+(?:always|ever))?"
    r"|(?:ever|always)\s+(?:yours|thine)(?:\s+\w+){0,3}"
    r"|(?:with\s+(?:(?:much|all\s+my|my|best|fond|dearest)\s+)?)?love(?:\s+(?:always|ever))?),$",
    re.IGNORECASE,
)
_DATE = re.compile(r"\b(?:1[5-9]\d\d|20\d\d)\b")
_SIGNATURE = re.compile(r"^[A-Z][\w.’'\- ]{0,40}[\w.)]$")


def is_salutation(text: str) -> bool:
    return len(text) <= 70 and bool(_SALUTE.match(text))


# Words of a signature other than capitalised names: initials ("E.M.L."), connectors ("van").
_NAME_CONNECTORS = frozenset("of the de du la le von van der den del di da y and & et".split())
_ENDINGS = frozenset({"the end", "end", "finis", "fin", "ende"})


def is_closing(text: str) -> bool:
    return len(text) <= 60 and bool(
        _CLOSING.match(text) or (text.endswith(",") and _CLOSING_COMMA.match(text))
    )


def is_dateline(group: Group) -> bool:
    return len(group.lines) <= 2 and len(group.text) <= 60 and bool(_DATE.search(group.text))


def is_signature(group: Group) -> bool:
    return len(group.lines) <= 2 and all(_SIGNATURE.match(line.stripped) for line in group.lines)


def is_signed_name(group: Group) -> bool:
    """A signature alone: one or two lines, each a name or title of one to five capitalised
    words (``MOTHER.``, ``Katrine Dulany``, ``E.M.L.``, ``Secretary``), with no sentence
    punctuation ("JOHN." over "I will." is a label and its speech)."""
    return is_signature(group) and all(_is_name_line(line.stripped) for line in group.lines)


def _is_name_line(text: str) -> bool:
    if text.rstrip(".").casefold() in _ENDINGS:
        return False
    words = text.split()
    return len(words) <= 5 and all(
        word[0].isupper() or (k and word.casefold() in _NAME_CONNECTORS)
        for k, word in enumerate(words)
    )


def opener(lines: list[tuple[str, Inlines]], span: Span) -> LetterPart:
    return LetterPart("opener", tuple(lines), span)


def closer(lines: list[tuple[str, Inlines]], span: Span) -> LetterPart:
    return LetterPart("closer", tuple(lines), span)

"""Dates in transcriptions → ISO 8601 for ``@when`` (or ``@notBefore``/``@notAfter``).

Accepts "January 9, 1924", "9 January 1924", "Jan. 10, 1924", "January 1924", "1924" and
"Spring 1917"; the original wording stays as element text, only the attribute is normalised.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_MONTHS = {
    name: i
    for i, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
_SEASONS = {
    "spring": ("03", "05"),
    "summer": ("06", "08"),
    "autumn": ("09", "11"),
    "fall": ("09", "11"),
    "winter": ("12", "02"),
}
_MONTH = r"(?P<month>[A-Za-z]{3,9})\.?"
_YEAR = r"(?P<year>1[0-9]{3}|20[0-9]{2})"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_PATTERNS = [
    re.compile(rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b"),
    re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}\b"),
    re.compile(rf"\b{_MONTH},?\s+{_YEAR}\b"),
    re.compile(rf"\b(?P<season>[Ss]pring|[Ss]ummer|[Aa]utumn|[Ff]all|[Ww]inter),?\s+{_YEAR}\b"),
    re.compile(rf"\b{_YEAR}-(?P<mnum>[01]\d)-(?P<dnum>[0-3]\d)\b"),
    re.compile(rf"(?<![\d/-]){_YEAR}(?![\d/-])"),
]


@dataclass(frozen=True, slots=True)
class NormalDate:
    when: str = ""
    not_before: str = ""
    not_after: str = ""

    def attributes(self) -> dict[str, str]:
        if self.when:
            return {"when": self.when}
        return {"notBefore": self.not_before, "notAfter": self.not_after}


def parse_date(text: str) -> NormalDate | None:
    """The first recognisable date in ``text``, or None."""
    for pattern in _PATTERNS:
        for match in pattern.finditer(text):
            found = _from_match(match)
            if found:
                return found
    return None


def _from_match(match: re.Match[str]) -> NormalDate | None:
    groups = match.groupdict()
    year = groups["year"]
    if groups.get("mnum"):
        return NormalDate(when=f"{year}-{groups['mnum']}-{groups['dnum']}")
    if groups.get("season"):
        start, end = _SEASONS[groups["season"].lower()]
        end_year = str(int(year) + 1) if start > end else year
        return NormalDate(not_before=f"{year}-{start}", not_after=f"{end_year}-{end}")
    month_name = groups.get("month")
    if month_name:
        month = _MONTHS.get(month_name.lower())
        if month is None:
            return None
        day = groups.get("day")
        if day:
            if not 1 <= int(day) <= _days_in(month, int(year)):
                return None
            return NormalDate(when=f"{year}-{month:02d}-{int(day):02d}")
        return NormalDate(when=f"{year}-{month:02d}")
    return NormalDate(when=year)


def _days_in(month: int, year: int) -> int:
    if month == 2:
        return 29 if (year % 4 == 0 and year % 100 != 0) or year % 400 == 0 else 28
    return 30 if month in (4, 6, 9, 11) else 31

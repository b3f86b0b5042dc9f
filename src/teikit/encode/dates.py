"""Dates in transcriptions → ISO 8601 for ``@when`` (or ``@notBefore``/``@notAfter``).

Accepts "January 9, 1924", "9 January 1924", "Jan. 10, 1924", "January 1924", "1924",
"Spring 1917", month names in Italian, Spanish, Portuguese, French, German and Dutch ("11 luglio
1929", "9 de enero de 1924", "3. März 1919") and day-month-year digits ("14-1-1919"); the
original wording stays as element text, only the attribute is normalised.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_MONTHS = {
    name: i
    for i, names in enumerate(
        [
            # English, then the languages of MIA's larger sections (Italian, Spanish, Portuguese,
            # French, German, Dutch); a name shared by two languages means the same month.
            ("january", "jan", "gennaio", "enero", "janeiro", "janvier", "januar", "januari"),
            (
                "february",
                "feb",
                "febbraio",
                "febrero",
                "fevereiro",
                "février",
                "februar",
                "februari",
            ),
            ("march", "mar", "marzo", "março", "mars", "märz", "maart"),
            ("april", "apr", "aprile", "abril", "avril", "april"),
            ("may", "maggio", "mayo", "maio", "mai", "mei"),
            ("june", "jun", "giugno", "junio", "junho", "juin", "juni"),
            ("july", "jul", "luglio", "julio", "julho", "juillet", "juli"),
            ("august", "aug", "agosto", "août", "augustus"),
            ("september", "sep", "sept", "settembre", "septiembre", "setembro", "septembre"),
            ("october", "oct", "ottobre", "octubre", "outubro", "octobre", "oktober"),
            ("november", "nov", "novembre", "noviembre", "novembro"),
            ("december", "dec", "dicembre", "diciembre", "dezembro", "décembre", "dezember"),
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
_MONTH = r"(?P<month>[^\W\d_]{3,10})\.?"
_YEAR = r"(?P<year>1[0-9]{3}|20[0-9]{2})"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th|er|º|\.)?"
_PATTERNS = [
    # "April–June 1938": a span of months, not the last one
    re.compile(rf"\b(?P<first>[^\W\d_]{{3,10}})\.?\s*[–—-]\s*{_MONTH},?\s+{_YEAR}\b"),
    re.compile(rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b"),
    re.compile(rf"\b{_DAY}\s+(?:of\s+|de\s+)?{_MONTH},?\s+(?:de\s+)?{_YEAR}\b"),
    re.compile(rf"\b{_MONTH},?\s+{_YEAR}\b"),
    re.compile(rf"\b(?P<season>[Ss]pring|[Ss]ummer|[Aa]utumn|[Ff]all|[Ww]inter),?\s+{_YEAR}\b"),
    re.compile(rf"\b{_YEAR}-(?P<mnum>[01]\d)-(?P<dnum>[0-3]\d)\b"),
    # Day-month-year digits, as written outside the English-speaking world: 14-1-1919, 14.1.1919
    re.compile(rf"(?<![\d./-])(?P<dmy_day>[0-3]?\d)([.-])(?P<dmy_month>[01]?\d)\2{_YEAR}\b"),
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
    if groups.get("first"):
        first, last = _MONTHS.get(groups["first"].lower()), _MONTHS.get(groups["month"].lower())
        if first is None or last is None or first >= last:
            return None
        return NormalDate(not_before=f"{year}-{first:02d}", not_after=f"{year}-{last:02d}")
    if groups.get("dmy_day"):
        day, month = int(groups["dmy_day"]), int(groups["dmy_month"])
        if not (1 <= month <= 12 and 1 <= day <= _days_in(month, int(year))):
            return None
        return NormalDate(when=f"{year}-{month:02d}-{day:02d}")
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

"""Dates in transcriptions → ISO 8601 for ``@when`` (or ``@notBefore``/``@notAfter``).

Accepts "January 9, 1924", "9 January 1924", "Jan. 10, 1924", "January 1924", "1924",
"Spring 1917"; spans of days, months and years ("April 23 through July 20, 1938", "January 9-11,
1924", "9-11 January 1924", "1917-18") as ``@notBefore``/``@notAfter``; month names in Italian,
Spanish, Portuguese, French, German and Dutch ("11 luglio 1929", "9 de enero de 1924", "3. März
1919") and day-month-year digits ("14-1-1919"). The original wording stays as element text,
only the attribute is normalised.
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
    re.compile(
        rf"\b(?P<season>[Ss]pring|[Ss]ummer|[Aa]utumn|[Ff]all|[Ww]inter),?\s+(?:of\s+)?{_YEAR}\b"
    ),
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


_TO = r"\s*(?:[–—-]|\bto\b|\bthrough\b|\bthru\b|\buntil\b|\btill\b)\s*"
# Spans of days (in one month or across months) and of years: the first date is notBefore.
_SPANS = [
    # "April 23 through July 20, 1938", "April 23, 1937 to July 20, 1938"
    re.compile(
        rf"\b(?P<m1>[^\W\d_]{{3,10}})\.?\s+(?P<d1>[0-3]?\d)(?:st|nd|rd|th)?(?:,?\s+(?P<y1>1\d{{3}}|20\d\d))?"
        rf"{_TO}{_MONTH}\s+{_DAY},?\s+{_YEAR}\b"
    ),
    # "January 9-11, 1924", "April 4 and 5, 1917"
    re.compile(
        rf"\b{_MONTH}\s+(?P<d1>[0-3]?\d)(?:st|nd|rd|th)?(?:{_TO}|\s+(?:and|&)\s+){_DAY},?\s+{_YEAR}\b"
    ),
    # "23 April - 20 July 1938", "23 April 1937 - 20 July 1938"
    re.compile(
        rf"\b(?P<d1>[0-3]?\d)(?:st|nd|rd|th|\.)?\s+(?P<m1>[^\W\d_]{{3,10}})\.?(?:\s+(?P<y1>1\d{{3}}|20\d\d))?"
        rf"{_TO}{_DAY}\s+{_MONTH},?\s+{_YEAR}\b"
    ),
    # "9-11 January 1924", "4 and 5 April 1917"
    re.compile(rf"\b(?P<d1>[0-3]?\d)(?:{_TO}|\s+(?:and|&)\s+){_DAY}\s+{_MONTH},?\s+{_YEAR}\b"),
    # "1917-1918", "1917-18", "1917 to 1921"
    re.compile(rf"(?<![\d/.-])(?P<y1>1\d{{3}}|20\d\d){_TO}(?P<y2>\d{{4}}|\d\d)(?![\d/.-])"),
]


def parse_date(text: str) -> NormalDate | None:
    """The first recognisable date or span of dates in ``text``, or None."""
    found = find_date(text)
    return found[0] if found else None


def find_date(text: str) -> tuple[NormalDate, int, int] | None:
    """The first recognisable date or span in ``text`` and where its wording starts and ends."""
    if not any(c.isdigit() for c in text):
        return None
    iso = _PATTERNS[5].search(text)
    if iso is None:
        for pattern in _SPANS:
            for match in pattern.finditer(text):
                found = _span(match)
                if found:
                    return found, match.start(), match.end()
    for pattern in _PATTERNS:
        for match in pattern.finditer(text):
            found = _from_match(match)
            if found:
                return found, match.start(), match.end()
    return None


def _span(match: re.Match[str]) -> NormalDate | None:
    """A span's first and last dates, when both are real dates and the first comes first."""
    groups = match.groupdict()
    if groups.get("y2"):
        first, last = groups["y1"], groups["y2"]
        if len(last) == 2:
            last = first[:2] + last
        return NormalDate(not_before=first, not_after=last) if first < last else None
    year = groups["year"]
    month = _MONTHS.get(groups["month"].lower())
    first_month = _MONTHS.get(groups["m1"].lower()) if groups.get("m1") else month
    first_year = groups.get("y1") or year
    if month is None or first_month is None:
        return None
    day, first_day = int(groups["day"]), int(groups["d1"])
    if not (
        1 <= day <= _days_in(month, int(year))
        and 1 <= first_day <= _days_in(first_month, int(first_year))
    ):
        return None
    start = f"{first_year}-{first_month:02d}-{first_day:02d}"
    end = f"{year}-{month:02d}-{day:02d}"
    return NormalDate(not_before=start, not_after=end) if start < end else None


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
        number = _MONTHS.get(month_name.lower())
        if number is None:
            return None
        day_text = groups.get("day")
        if day_text:
            if not 1 <= int(day_text) <= _days_in(number, int(year)):
                return None
            return NormalDate(when=f"{year}-{number:02d}-{int(day_text):02d}")
        return NormalDate(when=f"{year}-{number:02d}")
    return NormalDate(when=year)


def _days_in(month: int, year: int) -> int:
    if month == 2:
        return 29 if (year % 4 == 0 and year % 100 != 0) or year % 400 == 0 else 28
    return 30 if month in (4, 6, 9, 11) else 31

"""Why a value was refused, worded as jing words it: "must be an ISO date, must be a year or must
be equal to "high" or "low"", with "missing token" or "token "x" invalid" for lists.

Called only for a value that failed, on the patterns that could have matched it.
"""

from __future__ import annotations

from .patterns import EMPTY, NOT_ALLOWED, Choice, Data, Group, List, OneOrMore, Pattern, Value

_PHRASES = {
    "anyURI": "a URI",
    "boolean": "a boolean",
    "date": "an ISO date",
    "dateTime": "an ISO date and time",
    "decimal": "a decimal number",
    "double": "a floating-point number",
    "duration": "a duration",
    "float": "a floating-point number",
    "gDay": "an ISO day of the month (of the form ---DD)",
    "gMonth": "an ISO month (of the form --MM)",
    "gMonthDay": "an ISO month and day (of the form --MM-DD)",
    "gYear": "a year",
    "gYearMonth": "a year and month",
    "ID": "an XML name without colons",
    "IDREF": "an XML name without colons",
    "IDREFS": "a list of XML names without colons",
    "integer": "an integer",
    "language": "an RFC 3066 language identifier",
    "Name": "an XML name",
    "NCName": "an XML name without colons",
    "NMTOKEN": "an XML name token",
    "NMTOKENS": "a list of XML name tokens",
    "nonNegativeInteger": "an integer greater than or equal to 0",
    "positiveInteger": "an integer greater than or equal to 1",
    "QName": "a qualified name",
    "string": "a string",
    "time": "an ISO time",
    "token": "a string",
}


def why_refused(patterns: list[Pattern], value: str) -> str:
    """'; must be …' for a value none of ``patterns`` accepts (empty when nothing can be said)."""
    musts: list[str] = []
    values: list[str] = []
    lists: list[List] = []
    for p in patterns:
        _collect(p, musts, values, lists)
    if lists and not musts and not values:
        tokens = value.split()
        items: list[str] = []
        item_values: list[str] = []
        for lst in lists:
            _collect(lst.p, items, item_values, [])
        reason = _join(items, item_values)
        if not tokens:
            return f"; missing token; {reason}" if reason else "; missing token"
        bad = next(
            (t for t in tokens if all(lst.p.text(t, None) is NOT_ALLOWED for lst in lists)), None
        )
        if bad is not None and reason:
            return f'; token "{bad}" invalid; {reason}'
    reason = _join(musts, values)
    return f"; {reason}" if reason else ""


def _collect(p: Pattern, musts: list[str], values: list[str], lists: list[List]) -> None:
    t = type(p)
    if t is Choice:
        for a in sorted(p.alts, key=repr):  # type: ignore[attr-defined]
            _collect(a, musts, values, lists)
    elif t is Group:
        _collect(p.a, musts, values, lists)  # type: ignore[attr-defined]
        _collect(p.b, musts, values, lists)  # type: ignore[attr-defined]
    elif t is OneOrMore:
        _collect(p.p, musts, values, lists)  # type: ignore[attr-defined]
    elif t is List:
        lists.append(p)  # type: ignore[arg-type]
    elif t is Value:
        values.append(p.value)  # type: ignore[attr-defined]
    elif t is Data:
        phrase = _phrase(p.datatype)  # type: ignore[attr-defined]
        if phrase not in musts:
            musts.append(phrase)
    elif p is EMPTY:
        values.append("")


def _phrase(datatype) -> str:
    what = _PHRASES.get(datatype.name, f'a value of type "{datatype.name}"')
    patterns = [v for k, v in getattr(datatype, "params", ()) if k == "pattern"]
    if patterns:
        what += f' matching the regular expression "{patterns[0]}"'
    return f"must be {what}"


def _join(musts: list[str], values: list[str]) -> str:
    parts = list(musts)
    if values:
        quoted = [f'"{v}"' for v in sorted(set(values))]
        parts.append("must be equal to " + _or(quoted))
    return _or(parts)


def _or(items: list[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " or " + items[-1]

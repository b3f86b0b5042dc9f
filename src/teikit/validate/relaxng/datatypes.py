"""Datatypes for <data> and <value>: RELAX NG's built-in library and XML Schema part 2.

Lexical checks are hand-written regular expressions (no import cost on a cold start, the same
answers as jing for the types TEI uses). The `pattern` facet uses XML Schema regular expressions,
translated to Python by elementpath's translator; translations are cached on disk because
elementpath takes longer to import than validating a small file takes.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Callable
from decimal import Decimal, InvalidOperation
from pathlib import Path

from ...errors import SchemaError

XSD_LIBRARY = "http://www.w3.org/2001/XMLSchema-datatypes"

_NAME_START = (
    ":A-Z_a-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u02ff\u0370-\u037d\u037f-\u1fff\u200c-\u200d"
    "\u2070-\u218f\u2c00-\u2fef\u3001-\ud7ff\uf900-\ufdcf\ufdf0-\ufffd\U00010000-\U000effff"
)
_NAME_CHAR = _NAME_START + r"\-.0-9\u00b7\u0300-\u036f\u203f-\u2040"
_NCNAME_START = _NAME_START.replace(":", "")
_NCNAME_CHAR = _NAME_CHAR.replace(":", "")
_NAME = f"[{_NAME_START}][{_NAME_CHAR}]*"
_NCNAME = f"[{_NCNAME_START}][{_NCNAME_CHAR}]*"
_TZ = r"(Z|[+-](((0\d|1[0-3]):[0-5]\d)|14:00))?"
_YEAR = r"-?([1-9]\d{3,}|0\d{3})"
_TIME = r"(([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d+)?|24:00:00(\.0+)?)"
_FLOAT = r"[+-]?((\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?|INF)|-INF|NaN"

_LEXICAL: dict[str, str] = {
    "string": r".*",
    "normalizedString": r".*",
    "token": r".*",
    "anyURI": r".*",
    "boolean": r"true|false|1|0",
    "decimal": r"[+-]?(\d+(\.\d*)?|\.\d+)",
    "float": _FLOAT,
    "double": _FLOAT,
    "integer": r"[+-]?\d+",
    "language": r"[a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8})*",
    "Name": _NAME,
    "NCName": _NCNAME,
    "ID": _NCNAME,
    "IDREF": _NCNAME,
    "ENTITY": _NCNAME,
    "NMTOKEN": f"[{_NAME_CHAR}]+",
    "QName": f"({_NCNAME}:)?{_NCNAME}",
    "NOTATION": f"({_NCNAME}:)?{_NCNAME}",
    "date": _YEAR + r"-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])" + _TZ,
    "dateTime": _YEAR + r"-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T" + _TIME + _TZ,
    "time": _TIME + _TZ,
    "gYear": _YEAR + _TZ,
    "gYearMonth": _YEAR + r"-(0[1-9]|1[0-2])" + _TZ,
    "gMonth": r"--(0[1-9]|1[0-2])" + _TZ,
    "gMonthDay": r"--(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])" + _TZ,
    "gDay": r"---(0[1-9]|[12]\d|3[01])" + _TZ,
    "duration": r"-?P(?=\d|T\d)(\d+Y)?(\d+M)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)?",
    "hexBinary": r"([0-9a-fA-F]{2})*",
    "base64Binary": r"[A-Za-z0-9+/= ]*",
}
_INTEGER_RANGES: dict[str, tuple[int | None, int | None]] = {
    "integer": (None, None),
    "nonNegativeInteger": (0, None),
    "positiveInteger": (1, None),
    "nonPositiveInteger": (None, 0),
    "negativeInteger": (None, -1),
    "long": (-(2**63), 2**63 - 1),
    "int": (-(2**31), 2**31 - 1),
    "short": (-(2**15), 2**15 - 1),
    "byte": (-128, 127),
    "unsignedLong": (0, 2**64 - 1),
    "unsignedInt": (0, 2**32 - 1),
    "unsignedShort": (0, 2**16 - 1),
    "unsignedByte": (0, 255),
}
_LISTS = {"IDREFS": "IDREF", "ENTITIES": "ENTITY", "NMTOKENS": "NMTOKEN"}
_NUMERIC = {"decimal", "float", "double", *_INTEGER_RANGES}
_DAYS = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _collapse(s: str) -> str:
    return " ".join(s.split())


class Datatype:
    """One datatype with its parameters: `allows(text, ctx)` and `equal(a, actx, b, bctx)`."""

    def __init__(self, library: str, name: str, params: list[tuple[str, str]]) -> None:
        self.library, self.name = library, name
        self.base = name
        self.list_of: str | None = None
        self.checks: list[Callable[[str], bool]] = []
        self.params = params  # kept for messages ("must be a string matching …")
        if library == "":
            if name not in ("string", "token"):
                raise SchemaError(f'unknown datatype "{name}" in the built-in library')
            if params:
                raise SchemaError("the built-in datatype library takes no parameters")
            self.whitespace = "preserve" if name == "string" else "collapse"
            self.lexical = None
            return
        if library != XSD_LIBRARY:
            raise SchemaError(f'datatype library "{library}" is not supported')
        if name in _LISTS:
            self.list_of = _LISTS[name]
        elif name not in _LEXICAL and name not in _INTEGER_RANGES:
            raise SchemaError(f'unknown XML Schema datatype "{name}"')
        self.whitespace = {"string": "preserve", "normalizedString": "replace"}.get(
            name, "collapse"
        )
        item = self.list_of or name
        self.lexical = re.compile(_LEXICAL.get(item, _LEXICAL["integer"]), re.S)
        for key, value in params:
            self.checks.append(_facet(key, value, name, self))

    def normalise(self, s: str) -> str:
        if self.whitespace == "collapse":
            return _collapse(s)
        if self.whitespace == "replace":
            return s.replace("\t", " ").replace("\n", " ").replace("\r", " ")
        return s

    def allows(self, s: str, ctx=None) -> bool:
        value = self.normalise(s)
        if self.lexical is not None:
            if self.list_of:
                items = value.split()
                if not items or not all(self.lexical.fullmatch(i) for i in items):
                    return False
            elif not self._lexically_valid(value, ctx):
                return False
        return all(check(value) for check in self.checks)

    def _lexically_valid(self, value: str, ctx) -> bool:
        if self.lexical.fullmatch(value) is None:  # type: ignore[union-attr]
            return False
        name = self.base
        if name in _INTEGER_RANGES:
            low, high = _INTEGER_RANGES[name]
            n = int(value)
            return (low is None or n >= low) and (high is None or n <= high)
        if name in ("date", "dateTime", "gYearMonth", "gMonthDay"):
            return _day_fits(value, name)
        if name == "anyURI":
            return _uri_ok(value)
        if name == "QName" and ctx is not None:
            prefix = value.partition(":")[0] if ":" in value else None
            return prefix is None or prefix in ctx
        return True

    def key(self, s: str, ctx):
        """The value space key used for <value> equality."""
        value = self.normalise(s)
        name = self.base
        try:
            if name in _NUMERIC and name not in ("float", "double"):
                return Decimal(value)
            if name in ("float", "double"):
                return float(value.replace("INF", "inf"))
            if name == "boolean":
                return value in ("true", "1")
            if name == "QName":
                prefix, _, local = value.rpartition(":")
                return ((ctx or {}).get(prefix or None, ""), local)
        except (InvalidOperation, ValueError):
            return ("invalid", value)
        if self.list_of:
            return tuple(value.split())
        return value

    def equal(self, a: str, actx, b: str, bctx) -> bool:
        if not self.allows(b, bctx):
            return False
        return self.key(a, actx) == self.key(b, bctx)

    def __repr__(self) -> str:
        return self.name


def _day_fits(value: str, name: str) -> bool:
    if name == "gMonthDay":
        month, day = int(value[2:4]), int(value[5:7])
        return day <= _DAYS[month - 1]
    body = value[1:] if value.startswith("-") else value
    parts = body.split("-")
    year, month = int(parts[0]), int(parts[1][:2])
    if name == "gYearMonth":
        return True
    day = int(parts[2][:2])
    if month == 2 and day == 29:
        return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
    return day <= _DAYS[month - 1]


_BAD_ESCAPE = re.compile(r"%(?![0-9A-Fa-f]{2})")


def _uri_ok(value: str) -> bool:
    # jing's anyURI accepts anything that becomes a URI reference once non-ASCII and spaces are
    # escaped; what it rejects in practice is a stray '%' and a second '#'.
    return _BAD_ESCAPE.search(value) is None and value.count("#") <= 1


def _facet(key: str, value: str, name: str, dt: Datatype) -> Callable[[str], bool]:
    if key == "pattern":
        regex = xsd_regex(value)
        return lambda s: regex.fullmatch(s) is not None
    if key in ("length", "minLength", "maxLength"):
        n = int(value)

        def size(s: str) -> int:
            if dt.list_of:
                return len(s.split())
            if name == "hexBinary":
                return len(s) // 2
            return len(s)

        if key == "length":
            return lambda s: size(s) == n
        if key == "minLength":
            return lambda s: size(s) >= n
        return lambda s: size(s) <= n
    if key in ("minInclusive", "maxInclusive", "minExclusive", "maxExclusive"):
        bound = dt.key(value, None)

        def compare(s: str) -> bool:
            v = dt.key(s, None)
            try:
                if key == "minInclusive":
                    return v >= bound
                if key == "maxInclusive":
                    return v <= bound
                if key == "minExclusive":
                    return v > bound
                return v < bound
            except TypeError:
                return False

        return compare
    if key in ("totalDigits", "fractionDigits"):
        n = int(value)

        def digits(s: str) -> bool:
            t = s.lstrip("+-")
            whole, _, frac = t.partition(".")
            frac = frac.rstrip("0")
            if key == "fractionDigits":
                return len(frac) <= n
            return len(whole.lstrip("0") + frac) <= n

        return digits
    raise SchemaError(f'datatype parameter "{key}" is not supported for {name}')


# --- XML Schema regular expressions -------------------------------------------------------------

_REGEX_CACHE: dict[str, str] | None = None


def _cache_file() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "teikit" / "xsd-regex.json"


def _load_regex_cache() -> dict[str, str]:
    global _REGEX_CACHE
    if _REGEX_CACHE is None:
        try:
            _REGEX_CACHE = json.loads(_cache_file().read_text(encoding="utf-8"))
        except (OSError, ValueError):
            _REGEX_CACHE = {}
    return _REGEX_CACHE


def xsd_regex(pattern: str) -> re.Pattern[str]:
    cache = _load_regex_cache()
    translated = cache.get(pattern)
    if translated is None:
        from elementpath.regex import RegexError, translate_pattern

        try:
            translated = translate_pattern(pattern, anchors=False)
        except RegexError as exc:
            raise SchemaError(f"invalid XML Schema pattern {pattern!r}: {exc}") from None
        cache[pattern] = translated
        _save_regex_cache(cache)
    return re.compile(translated, re.S)


def _save_regex_cache(cache: dict[str, str]) -> None:
    path = _cache_file()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text(json.dumps(cache), encoding="utf-8")
        os.replace(tmp, path)
    except OSError:
        pass  # a cache that cannot be written only costs time

"""One exception root and one diagnostic type for every stage.

The library raises or returns these; only ``teikit.cli`` prints them and maps them to exit codes.
Exception classes also subclass the matching built-ins (as xmlschema does), so callers can catch
``ValueError`` or ``OSError`` without knowing teikit.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from enum import Enum
from typing import Any


class Severity(str, Enum):  # noqa: UP042 - str(x) stays 'Severity.ERROR'; code uses .value
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """A positioned message: ``file:line:col: severity[code] message``.

    ``line`` and ``col`` are 1-based; 0 means unknown. ``xpath`` locates the element when known,
    ``schema`` names the schema (or check) that produced it.
    """

    severity: Severity
    code: str
    message: str
    file: str = ""
    line: int = 0
    col: int = 0
    xpath: str = ""
    schema: str = ""
    extra: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def location(self) -> str:
        parts = [self.file or "<input>"]
        if self.line:
            parts.append(str(self.line))
            parts.append(str(self.col or 0))
        return ":".join(parts)

    def __str__(self) -> str:
        return f"{self.location()}: {self.severity.value}[{self.code}] {self.message}"

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["severity"] = self.severity.value
        if not data["extra"]:
            del data["extra"]
        return data


def error(code: str, message: str, **where: Any) -> Diagnostic:
    return Diagnostic(Severity.ERROR, code, message, **where)


def warning(code: str, message: str, **where: Any) -> Diagnostic:
    return Diagnostic(Severity.WARNING, code, message, **where)


class TeikitError(Exception):
    """Root of every exception teikit raises on purpose."""

    def __init__(self, message: str, *, file: str = "", line: int = 0, col: int = 0) -> None:
        super().__init__(message)
        self.message = message
        self.file = file
        self.line = line
        self.col = col

    def __str__(self) -> str:
        where = self.file or ""
        if self.line:
            where = f"{where}:{self.line}:{self.col}"
        return f"{where}: {self.message}" if where else self.message


class InputError(TeikitError, ValueError):
    """The input cannot be read or understood (missing, binary, empty, undecodable, not XML)."""


class SchemaError(TeikitError, ValueError):
    """A schema cannot be found, read or compiled."""


class OutputError(TeikitError, OSError):
    """An output file cannot be written."""


class ConversionError(TeikitError, ValueError):
    """A document cannot be converted (for example: not TEI); also raised by ``--strict`` losses."""

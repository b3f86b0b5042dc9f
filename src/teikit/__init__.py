"""teikit: plain-text transcriptions to TEI P5 editions; validation and conversion of any TEI.

Public API::

    doc = teikit.parse_file("speech.txt")          # text -> model
    xml = teikit.encode(doc)                         # model -> TEI bytes
    report = teikit.validate(["edition.xml"])        # TEI -> diagnostics
    html = teikit.convert("edition.xml", to="html")  # TEI -> html | text | markdown | json
"""

from __future__ import annotations

from typing import Any

__version__ = "0.1.0"

from .errors import (  # noqa: E402
    ConversionError,
    Diagnostic,
    InputError,
    OutputError,
    SchemaError,
    Severity,
    TeikitError,
)

__all__ = [
    "__version__",
    "parse_text",
    "parse_file",
    "encode",
    "validate",
    "convert",
    "Diagnostic",
    "Severity",
    "TeikitError",
    "InputError",
    "SchemaError",
    "OutputError",
    "ConversionError",
]


def parse_text(text: str, source_name: str = "") -> Any:
    from .parse import parse_text as _parse_text

    return _parse_text(text, source_name=source_name)


def parse_file(path: str, encoding: str | None = None) -> Any:
    from .parse import parse_file as _parse_file

    return _parse_file(path, encoding=encoding)


def encode(document: Any, **options: Any) -> bytes:
    from .encode import EncodeOptions
    from .encode import encode as _encode

    return _encode(document, EncodeOptions(**options))


def validate(paths: list[str], **options: Any) -> Any:
    from .validate import validate_paths

    return validate_paths(paths, **options)


def convert(source: Any, to: str, **options: Any) -> Any:
    from .convert import convert as _convert

    return _convert(source, to, **options)

"""TEI P5 → other formats. ``CONVERTERS`` is the registry: add a format by adding a writer.

``convert(source, to)`` reads any TEI P5 document (path, bytes or lxml tree) into a block tree
(``reader``) and hands it to the writer. Unknown elements keep their text and are reported in
``Conversion.diagnostics``; with ``strict=True`` they raise ``ConversionError`` instead.
A writer whose format is a package (EPUB, DOCX) returns bytes; the others return text.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lxml import etree

from ..collector import collector_paused
from ..errors import ConversionError, Diagnostic
from ..io import parse_xml_bytes, read_bytes
from . import docx, epub, html, jsondoc, latex, markdown, text
from .reader import Reader, Reading


@dataclass(frozen=True)
class Writer:
    render: Callable[..., str | bytes]
    extension: str
    media_type: str
    binary: bool = False  # a zip package (bytes), not text
    options: tuple[str, ...] = ()  # keyword options of ``render``: "css", "base"


CONVERTERS: dict[str, Writer] = {
    "html": Writer(html.render, ".html", "text/html", options=("css",)),
    "text": Writer(text.render, ".txt", "text/plain"),
    "markdown": Writer(markdown.render, ".md", "text/markdown"),
    "json": Writer(jsondoc.render, ".json", "application/json"),
    "epub": Writer(epub.render, ".epub", epub.MEDIA_TYPE, True, ("css", "base")),
    "docx": Writer(docx.render, ".docx", docx.MEDIA_TYPE, True),
    "latex": Writer(latex.render, ".tex", "application/x-tex"),
}


@dataclass
class Conversion:
    output: str | bytes  # bytes for the package formats (``Writer.binary``)
    diagnostics: list[Diagnostic] = field(default_factory=list)


def read(source: Any, file: str = "") -> Reading:
    data: bytes | None = None
    if isinstance(source, etree._ElementTree):
        tree = source
    elif isinstance(source, (bytes, bytearray)):
        data = bytes(source)
        tree = parse_xml_bytes(data, file=file)
    elif isinstance(source, (str, os.PathLike)):
        file = file or str(source)
        data = read_bytes(Path(source))
        tree = parse_xml_bytes(data, file=file)
    else:
        raise TypeError(f"cannot convert a {type(source).__name__}")
    return Reader(file, data).read(tree)


# The XML parser stops at 256 levels of elements (no huge_tree); the readers and writers recurse
# a few Python calls a level, so at that depth they need more than Python's default 1000.
_RECURSION_LIMIT = 10_000


@contextmanager
def _deep_documents() -> Iterator[None]:
    """Room for the deepest document the parser accepts; a deeper recursion is a one-line
    ConversionError, never a traceback."""
    before = sys.getrecursionlimit()
    sys.setrecursionlimit(max(before, _RECURSION_LIMIT))
    try:
        yield
    except RecursionError as exc:
        raise ConversionError("the document is nested too deeply to convert") from exc
    finally:
        sys.setrecursionlimit(before)


def convert(
    source: Any, to: str, *, strict: bool = False, css: str | None = None, file: str = ""
) -> Conversion:
    writer = CONVERTERS.get(to)
    if writer is None:
        raise ConversionError(f"unknown output format {to!r}; choose from {', '.join(CONVERTERS)}")
    with collector_paused(), _deep_documents():
        reading = read(source, file)
        if strict and reading.diagnostics:
            first = reading.diagnostics[0]
            raise ConversionError(first.message, file=first.file, line=first.line)
        options: dict[str, Any] = {}
        if "css" in writer.options:
            options["css"] = css
        if "base" in writer.options:  # where a figure's relative file name is looked up
            where = file or (str(source) if isinstance(source, (str, os.PathLike)) else "")
            options["base"] = Path(where).parent if where else None
        output = writer.render(reading, **options)
        conversion = Conversion(output, list(reading.diagnostics))
        # Free the reading tree while the collector is still paused: alive when it resumes, the
        # tree would be scanned whole by the first collection (a tenth of a large document's time).
        del reading
    return conversion


__all__ = ["CONVERTERS", "Conversion", "convert", "read"]

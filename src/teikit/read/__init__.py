"""Word (.docx) and Markdown (.md) sources → teikit's document model, so that ``encode`` gives
them the same header, speakers and validation as plain-text transcriptions.

``read_document(path)`` picks the reader by the file's extension: ``.docx`` (``read/docx.py``),
``.md``/``.markdown`` (``read/markdown.py``), anything else the plain-text parser. Both readers
give a flat run of styled paragraphs that ``read/assemble.py`` nests into the model. A path may
be an fsspec URL (a string: ``s3://bucket/notes.docx``).
"""

from __future__ import annotations

from pathlib import Path

from ..io import Location, is_url, name_of
from ..model import Document
from ..parse import parse_file
from .assemble import build_document

WORD_SUFFIXES = (".docx",)
MARKDOWN_SUFFIXES = (".md", ".markdown")


def read_document(
    path: Location, encoding: str | None = None, keep_line_breaks: bool = False
) -> Document:
    source: Path | str = str(path) if is_url(path) else Path(path)
    name = name_of(source)
    suffix = Path(name).suffix.lower()
    if suffix in WORD_SUFFIXES:
        from .docx import read_docx

        return build_document(read_docx(source), name)
    if suffix in MARKDOWN_SUFFIXES:
        from .markdown import read_markdown

        return build_document(read_markdown(source), name)
    return parse_file(source, encoding=encoding, keep_line_breaks=keep_line_breaks)


__all__ = ["read_document"]

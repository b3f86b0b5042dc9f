"""Plain text → document model, as an ordered pipeline of small rules.

1. ``decode``       bytes → normalised text
2. ``frontmatter``  title block and metadata lines → ``Metadata``; where the body is
3. ``blocks``       body lines → blocks, by ordered rules (``blocks.RULES``), one module each:
                    ``wrapping`` (layout, rejoining hard-wrapped lines, paragraphs without blank
                    lines), ``notes`` (notes sections, footnote blocks, anchors), ``contents``,
                    ``breaks`` (section and page breaks), ``headings`` + ``divisions`` (nested
                    divisions), ``letters`` (opener/closer), ``lists``, ``quotes`` (indented
                    quotations and verse), then paragraphs; ``editorial`` marks brackets
4. ``speakers``     speaker turns, reported speech, persons, genre (a transform over blocks)
5. ``linebreaks``   on request, every original line break kept as ``LineBreak`` (``<lb/>``)
"""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path

from ..collector import collector_paused
from ..errors import Diagnostic, warning
from ..io import read_bytes
from ..model import Document
from .blocks import segment_with_openers
from .decode import decode_bytes, normalise_text
from .emphasis import mark_emphasis
from .frontmatter import read_front_matter
from .frontparts import mark_front_parts
from .language import detect_language
from .linebreaks import keep_line_breaks as keep_original_line_breaks
from .lines import split_lines
from .speakers import attribute_speakers

# Plain-text transcriptions larger than this are refused (bounded memory); a novel is ~1 MB.
MAX_TEXT_BYTES = 64 * 1024 * 1024


def parse_file(
    path: str | os.PathLike[str], encoding: str | None = None, keep_line_breaks: bool = False
) -> Document:
    """The transcription at ``path`` as a Document; ``keep_line_breaks`` keeps every original
    line break (also the wrapper's) as a ``LineBreak``."""
    data = read_bytes(path, limit=MAX_TEXT_BYTES)
    decoded = decode_bytes(data, file=str(path), encoding=encoding)
    with collector_paused():
        return _parse(decoded.text, Path(path).name, decoded.normalisations, keep_line_breaks)


def parse_text(text: str, source_name: str = "", keep_line_breaks: bool = False) -> Document:
    normalised, notes = normalise_text(text.removeprefix("\ufeff"))
    with collector_paused():
        return _parse(normalised, source_name, tuple(notes), keep_line_breaks)


def _parse(
    text: str, source_name: str, normalisations: tuple[str, ...], keep_line_breaks: bool = False
) -> Document:
    lines = split_lines(text)
    front = read_front_matter(lines)
    body_lines = lines[front.body_start : front.body_end]
    blocks, openers = segment_with_openers(body_lines)
    body = mark_front_parts(tuple(blocks), front.metadata)
    document = Document(
        metadata=front.metadata,
        body=body,
        source_name=source_name,
        line_count=len(lines),
        normalisations=normalisations,
    )
    document = attribute_speakers(document, openers)
    if keep_line_breaks:
        document = keep_original_line_breaks(document, lines)
    return replace(
        document,
        body=mark_emphasis(document.body),
        language=detect_language(document, lambda: "\n".join([line.text for line in body_lines])),
        warnings=(*_unmapped_warnings(document), *document.warnings),
    )


def _unmapped_warnings(document: Document) -> list[Diagnostic]:
    """Metadata the header cannot place in a specific element is kept in notesStmt: say so."""
    return [
        warning(
            "header-unmapped",
            f"metadata line {('“' + f.label + ':”') if f.label else 'without a label'} has no "
            "specific TEI element; kept as teiHeader/fileDesc/notesStmt/note",
            file=document.source_name,
            line=f.span.start,
            col=1,
        )
        for f in document.metadata.fields
        if f.key == "other"
    ]


__all__ = ["parse_file", "parse_text"]

"""Build the editions listed in a manifest: encode each source, validate it, render HTML, index.

``editions/editions.toml``::

    [defaults]
    date = "2026-11-25"            # encoding date: pinned, so builds are reproducible
    schemas = ["teikit"]  # validated against these (plus the TEI's own xml-model, if local)

    [[edition]]
    id = "stalin-1924-01-09-the-discussion"
    source = "stalin-1924-01-09-the-discussion/stalin-1924-01-09-the-discussion.txt"
    # tei = "...xml", html = "...html" default to the source's stem beside it

Only outputs whose bytes would change are rewritten (atomically); ``check=True`` writes nothing
and lists what would change, so CI can prove the committed editions have not drifted.
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import partial
from html import escape
from pathlib import Path
from typing import Any

from .config import settings_for
from .convert import convert
from .encode import EncodeOptions, encode
from .errors import Diagnostic, InputError, error
from .io import write_atomic
from .parse import parse_file
from .validate import Options as ValidationOptions
from .validate import validate_file

MANIFEST = "editions.toml"


@dataclass
class Edition:
    id: str
    source: Path
    tei: Path
    html: Path
    date: str
    title: str = ""
    options: dict[str, str] = field(default_factory=dict)


@dataclass
class EditionResult:
    edition: Edition
    changed: list[Path] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not any(d.is_error for d in self.diagnostics)


@dataclass
class BuildReport:
    results: list[EditionResult] = field(default_factory=list)
    index: Path | None = None
    index_changed: bool = False

    @property
    def ok(self) -> bool:
        return all(r.ok for r in self.results)

    @property
    def changed(self) -> list[Path]:
        paths = [p for r in self.results for p in r.changed]
        if self.index_changed and self.index:
            paths.append(self.index)
        return paths


def read_manifest(directory: Path) -> tuple[list[Edition], list[str]]:
    manifest = directory / MANIFEST
    if not manifest.is_file():
        # No manifest: every *.txt one level down is an edition (the layout `teikit init` makes).
        sources = sorted(directory.glob("*/*.txt"))
        if not sources:
            raise InputError(f"no {MANIFEST} and no */*.txt sources", file=str(directory))
        return [
            _edition(directory, {"source": str(s.relative_to(directory))}, {}) for s in sources
        ], ["teikit"]
    try:
        data = tomllib.loads(manifest.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise InputError(f"invalid TOML: {exc}", file=str(manifest)) from exc
    defaults = data.get("defaults", {})
    entries = data.get("edition", [])
    if not entries:
        raise InputError("the manifest lists no [[edition]]", file=str(manifest))
    return [_edition(directory, entry, defaults) for entry in entries], list(
        defaults.get("schemas", ["teikit"])
    )


def _edition(directory: Path, entry: dict, defaults: dict) -> Edition:
    source = directory / entry["source"]
    stem = source.with_suffix("")
    return Edition(
        id=entry.get("id", source.stem),
        source=source,
        tei=directory / entry["tei"] if "tei" in entry else stem.with_suffix(".xml"),
        html=directory / entry["html"] if "html" in entry else stem.with_suffix(".html"),
        date=str(entry.get("date", defaults.get("date", ""))),
        title=entry.get("title", ""),
        options={k: str(v) for k, v in entry.items() if k in ("publisher", "licence", "editor")},
    )


def build_editions(
    directory: str | Path,
    *,
    check: bool = False,
    schemas: list[str] | None = None,
    progress: Callable[[list[Edition], int], Iterable[Edition]] | None = None,
    client: Any = None,
) -> BuildReport:
    """Build (or with ``check``, compare) every edition in the manifest; ``progress`` wraps the
    list of editions (the CLI's progress bar). ``client``, a ``distributed.Client``, builds the
    editions on its Dask cluster (``progress`` then wraps the results as they arrive)."""
    root = Path(directory)
    editions, default_schemas = read_manifest(root)
    report = BuildReport()
    if client is not None:
        from .dask.batches import file_sizes
        from .dask.mapping import map_ordered

        work = partial(_build_one, schemas=schemas or default_schemas, check=check)
        sizes = file_sizes([e.source for e in editions])
        report.results = list(
            map_ordered(client, work, editions, sizes=sizes, progress=progress, on_lost=_lost)
        )
    else:
        for edition in progress(editions, len(editions)) if progress else editions:
            report.results.append(_build_one(edition, schemas or default_schemas, check))
    report.index = root / "index.html"
    index = _index(report.results)
    report.index_changed = _update(report.index, index.encode("utf-8"), check)
    return report


def _build_one(edition: Edition, schemas: list[str], check: bool) -> EditionResult:
    result = EditionResult(edition)
    try:
        document = parse_file(edition.source)
    except InputError as exc:
        result.diagnostics.append(error("input", exc.message, file=exc.file, line=exc.line))
        return result
    if not edition.title:
        edition.title = document.metadata.front_text("title") or edition.id
    manifest = {"when": edition.date or None, "edition_id": edition.id, **edition.options}
    options = EncodeOptions.from_environment(**settings_for(edition.source, manifest))
    xml = encode(document, options)
    if _update(edition.tei, xml, check):
        result.changed.append(edition.tei)
    # With --check nothing is written, but the committed file equals the fresh build unless drift
    # is reported anyway: validating it keeps CI's drift check a validity check too.
    if edition.tei.exists():
        result.diagnostics.extend(
            validate_file(edition.tei, ValidationOptions(tuple(schemas))).diagnostics
        )
    html = convert(xml, "html", file=str(edition.tei))
    result.diagnostics.extend(html.diagnostics)
    page = html.output.encode("utf-8") if isinstance(html.output, str) else html.output
    if _update(edition.html, page, check):
        result.changed.append(edition.html)
    return result


def _lost(edition: Edition, why: str) -> EditionResult:
    """The result of an edition whose build killed every Dask worker that tried it."""
    return EditionResult(edition, diagnostics=[error("worker-lost", why, file=str(edition.source))])


def _update(path: Path, data: bytes, check: bool) -> bool:
    """Write ``data`` unless the file already holds exactly it; say whether it differed."""
    try:
        if path.read_bytes() == data:
            return False
    except OSError:
        pass
    if not check:
        write_atomic(path, data)
    return True


def _index(results: list[EditionResult]) -> str:
    rows = []
    for r in results:
        base = r.edition.tei.parent.parent
        tei = r.edition.tei.relative_to(base).as_posix()
        html = r.edition.html.relative_to(base).as_posix()
        rows.append(
            f'<li><a href="{escape(html)}">{escape(r.edition.title)}</a> '
            f'(<a href="{escape(tei)}">TEI</a>)</li>'
        )
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        "<title>teikit editions</title>\n</head>\n<body>\n<h1>Editions</h1>\n<ul>\n"
        + "\n".join(rows)
        + "\n</ul>\n</body>\n</html>\n"
    )

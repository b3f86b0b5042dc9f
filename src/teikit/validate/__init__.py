"""Validate TEI files: schemas (RELAX NG, XSD, Schematron, DTD), xml-model discovery, TEI
reference checks, and reports for people and CI.

``validate_paths(paths, schemas=…)`` returns a ``Report``; ``report.ok`` is the verdict and
``teikit.validate.report.render(report, fmt)`` prints it. Which schemas apply to a file: the
``schemas`` given (paths, or "teikit" for the edition profile); otherwise the document's own
``<?xml-model?>`` declarations (local or catalogued; remote ones are never fetched; the TEI
Consortium's URLs stand for the configured TEI release, see catalog.py). An ODD (``.odd``, or a
TEI document holding a ``schemaSpec``) is compiled to RELAX NG + Schematron (odd.py). A schema
that cannot be checked here (remote, or needing a tool or TEI release that is not configured)
leaves the file "not checked", never plainly valid; with ``strict`` that is an error.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from functools import partial
from importlib import resources
from pathlib import Path
from typing import Any

from ..errors import Diagnostic, InputError, SchemaError, Severity, error, warning
from ..io import expand_paths, expand_sources, is_url, parse_xml_file
from .locations import Resources, SchemaUnchecked
from .refs import check_references, collect_ids
from .report import fold_duplicates
from .schemas import SCHEMA_NOT_FOUND, detect_kind, load_schema
from .xmlmodel import load_catalog, read_declarations

PROFILE_NAMES = ("teikit", "teikit.rng")


def profile_path() -> Path:
    """teikit's edition profile (RELAX NG), shipped inside the package."""
    return Path(str(resources.files("teikit") / "schemas" / "teikit.rng"))


@dataclass
class FileResult:
    path: str
    diagnostics: list[Diagnostic] = field(default_factory=list)
    schemas: list[str] = field(default_factory=list)
    unchecked: list[str] = field(default_factory=list)  # declared schemas that were not checked

    @property
    def valid(self) -> bool:
        return not any(d.is_error for d in self.diagnostics)


@dataclass
class Report:
    files: list[FileResult] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return all(f.valid for f in self.files)

    @property
    def diagnostics(self) -> list[Diagnostic]:
        return [d for f in self.files for d in f.diagnostics]


def resolve_schema_argument(value: str) -> Path:
    if value in PROFILE_NAMES:
        return profile_path()
    return Path(value)


@dataclass(frozen=True)
class Options:
    schemas: tuple[str, ...] = ()
    use_xml_model: bool = True
    catalog: str | None = None
    references: bool = True
    resources: Resources | None = None
    refs: str = ""  # error, warning or off; "" = resources.refs, else error
    strict: bool = False  # a declared schema that was not checked is an error
    phase: str = ""  # Schematron phase ("" = the schema's default)

    @property
    def refs_mode(self) -> str:
        if not self.references:
            return "off"
        return self.refs or (self.resources.refs if self.resources else None) or "error"


# What each declared or given kind of schema means: which parts to check.
_PARTS = {
    "odd": ("odd", "odd-schematron"),
}


def _parts(path: Path, kind: str | None) -> list[tuple[str | None, bool]]:
    """(kind to load, embedded Schematron?) for a schema given as ``kind`` at ``path``."""
    suffix = path.suffix.lower()
    if kind is None:
        kind = detect_kind(path) if path.is_file() else None
        if kind == "odd":
            return [("odd", False), ("odd-schematron", False)]
        return [(kind, False)]
    if kind == "odd":
        return [("odd", False), ("odd-schematron", False)]
    if suffix == ".odd" or (
        kind in ("relaxng", "schematron") and path.is_file() and detect_kind(path) == "odd"
    ):
        return [("odd-schematron" if kind == "schematron" else "odd", False)]
    if kind == "schematron" and suffix in (".rng", ".rnc"):
        return [("relaxng", True)]
    return [(kind, False)]


def validate_file(path: str | os.PathLike[str], options: Options = Options()) -> FileResult:
    result = FileResult(str(path))
    try:
        tree = parse_xml_file(path)
    except InputError as exc:
        result.diagnostics.append(
            error(
                "xml-syntax" if "well-formed" in exc.message else "input",
                exc.message,
                file=str(path),
                line=exc.line,
                col=exc.col,
            )
        )
        return result
    resources = options.resources or Resources()
    schema_paths: list[tuple[Path, str | None, int]] = [
        (resolve_schema_argument(s), None, 0) for s in options.schemas
    ]
    if not schema_paths and options.use_xml_model:
        catalog = load_catalog(Path(options.catalog) if options.catalog else None)
        document = str(path) if is_url(path) else Path(path)
        for declaration in read_declarations(tree, document, catalog, resources):
            if declaration.resolved is None:
                result.unchecked.append(declaration.href)
                result.diagnostics.append(
                    _unchecked(
                        "schema-remote",
                        f"<?xml-model?> schema {declaration.href} is remote and not in the "
                        "catalog; not fetched, not checked (map it to a local file with "
                        "--catalog, or for the TEI's own URLs give the release with --tei-all)",
                        options.strict,
                        file=str(path),
                        line=declaration.line,
                        col=1,
                    )
                )
                continue
            schema_paths.append((declaration.resolved, declaration.kind, declaration.line))
    seen: set[tuple[Path, str | None, bool]] = set()
    for schema_path, declared_kind, line in schema_paths:
        for kind, embedded in _parts(schema_path, declared_kind):
            if (schema_path, kind, embedded) in seen:
                continue
            seen.add((schema_path, kind, embedded))
            try:
                schema = load_schema(
                    schema_path,
                    kind,
                    embedded_schematron=embedded,
                    resources=resources,
                    phase=options.phase,
                )
            except SchemaUnchecked as exc:
                result.unchecked.append(str(schema_path))
                result.diagnostics.append(
                    _unchecked(
                        "schema-unchecked",
                        f"{exc.file or schema_path}: not checked: {exc.message}",
                        options.strict or bool(options.schemas),  # asked for by name: an error
                        file=str(path),
                        line=line,
                        col=1 if line else 0,
                    )
                )
                continue
            except SchemaError as exc:
                result.diagnostics.append(
                    error(
                        "schema-missing" if exc.message == SCHEMA_NOT_FOUND else "schema-error",
                        f"{exc.file}: {exc.message}" if exc.file else exc.message,
                        file=str(path),
                        line=line,
                        col=1 if line else 0,
                    )
                )
                continue
            result.schemas.append(schema.name)
            result.diagnostics.extend(schema.check(tree, str(path)))
    mode = options.refs_mode
    if mode != "off":
        found = check_references(tree, str(path))
        if mode == "warning":
            found = [replace(d, severity=Severity.WARNING) for d in found]
        result.diagnostics.extend(found)
    result.diagnostics = fold_duplicates(result.diagnostics)
    return result


def _unchecked(code: str, message: str, strict: bool, **where: object) -> Diagnostic:
    return (error if strict else warning)(code, message, **where)


def _validate_in_worker(path: str, options: Options) -> FileResult:
    return validate_file(path, options)


def validate_paths(
    paths: list[str] | tuple[str, ...],
    schemas: tuple[str, ...] | list[str] = (),
    *,
    use_xml_model: bool = True,
    profile: bool = False,
    corpus: bool = False,
    jobs: int | None = None,
    catalog: str | None = None,
    progress: Callable[[Iterable[FileResult], int], Iterable[FileResult]] | None = None,
    client: Any = None,
    resources: Resources | None = None,
    refs: str = "",
    strict: bool = False,
    phase: str = "",
) -> Report:
    """Validate files and directories (searched for *.xml). ``progress`` wraps the stream of
    results as they arrive (the CLI's progress bar), given the iterator and the file count.
    ``client``, a ``distributed.Client``, validates on its Dask cluster instead (``jobs`` is
    then unused); the report is the same. Paths may be fsspec URLs (strings), files or folders;
    a Dask cluster given only URLs needs no shared file system."""
    files = expand_sources(paths)
    chosen = tuple(schemas) + (("teikit",) if profile else ())
    options = Options(
        chosen, use_xml_model, catalog, resources=resources, refs=refs, strict=strict, phase=phase
    )
    jobs = jobs or os.cpu_count() or 1
    if client is not None:
        from ..dask.batches import file_sizes
        from ..dask.mapping import map_ordered

        work = partial(_validate_in_worker, options=options)
        names = [str(f) for f in files]
        results = list(
            map_ordered(
                client,
                work,
                names,
                sizes=file_sizes(names),
                progress=progress,
                on_lost=lambda path, why: FileResult(path, [error("worker-lost", why, file=path)]),
                shared_files=not all(is_url(name) for name in names),
            )
        )
    elif jobs > 1 and len(files) > 4:
        from .parallel import precompile, run_in_workers

        precompile(resolve_schema_argument(s) for s in chosen if _forkable(s))
        work = partial(_validate_in_worker, options=options)
        results = run_in_workers(work, files, jobs, progress)
    else:
        stream = (validate_file(f, options) for f in files)
        results = list(progress(stream, len(files)) if progress else stream)
    report = Report(results)
    if corpus:
        _cross_file_ids(report, files)
    return report


def _forkable(schema: str) -> bool:
    """Whether compiling ``schema`` before forking is safe: SaxonC (ODDs, XPath 2 Schematron)
    must start in each worker, so only the plain grammars are shared."""
    kind = detect_kind(resolve_schema_argument(schema))
    return kind in ("relaxng", "rnc", "xsd", "dtd")


def _cross_file_ids(report: Report, files: list[Path | str]) -> None:
    owners: dict[str, tuple[str, int]] = {}
    by_path = {r.path: r for r in report.files}
    for path in files:
        try:
            tree = parse_xml_file(path)
        except InputError:
            continue
        for value, nodes in collect_ids(tree).items():
            node = nodes[0]
            if value in owners and owners[value][0] != str(path):
                other, line = owners[value]
                by_path[str(path)].diagnostics.append(
                    error(
                        "tei-duplicate-id-corpus",
                        f'xml:id "{value}" is also used in {other}:{line}',
                        file=str(path),
                        line=node.sourceline or 0,
                        col=1,
                        schema="teikit-refs",
                    )
                )
            else:
                owners.setdefault(value, (str(path), node.sourceline or 0))


__all__ = [
    "FileResult",
    "Options",
    "Resources",
    "Report",
    "profile_path",
    "validate_file",
    "validate_paths",
    "expand_paths",
]

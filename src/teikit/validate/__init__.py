"""Validate TEI files: schemas (RELAX NG, XSD, Schematron, DTD), xml-model discovery, TEI
reference checks, and reports for people and CI.

``validate_paths(paths, schemas=…)`` returns a ``Report``; ``report.ok`` is the verdict and
``teikit.validate.report.render(report, fmt)`` prints it. Which schemas apply to a file: the
``schemas`` given (paths, or "teikit" for the edition profile); otherwise the document's own
``<?xml-model?>`` declarations (local or catalogued; remote ones are never fetched).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import partial
from importlib import resources
from pathlib import Path
from typing import Any

from ..errors import Diagnostic, InputError, SchemaError, error, warning
from ..io import expand_paths, parse_xml_file
from .refs import check_references, collect_ids
from .report import fold_duplicates
from .schemas import SCHEMA_NOT_FOUND, load_schema
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
    schema_paths: list[tuple[Path, str | None, int]] = [
        (resolve_schema_argument(s), None, 0) for s in options.schemas
    ]
    if not schema_paths and options.use_xml_model:
        catalog = load_catalog(Path(options.catalog) if options.catalog else None)
        for declaration in read_declarations(tree, Path(path), catalog):
            if declaration.resolved is None:
                result.diagnostics.append(
                    warning(
                        "schema-remote",
                        f"<?xml-model?> schema {declaration.href} is remote and not in the "
                        "catalog; "
                        "not fetched (add it to a catalog with --catalog to check it offline)",
                        file=str(path),
                        line=declaration.line,
                        col=1,
                    )
                )
                continue
            schema_paths.append((declaration.resolved, declaration.kind, declaration.line))
    seen: set[tuple[Path, str | None]] = set()
    for schema_path, kind, line in schema_paths:
        if (schema_path, kind) in seen:
            continue
        seen.add((schema_path, kind))
        try:
            embedded = kind == "schematron" and schema_path.suffix.lower() == ".rng"
            schema = load_schema(
                schema_path, "relaxng" if embedded else kind, embedded_schematron=embedded
            )
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
    if options.references:
        result.diagnostics.extend(check_references(tree, str(path)))
    result.diagnostics = fold_duplicates(result.diagnostics)
    return result


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
) -> Report:
    """Validate files and directories (searched for *.xml). ``progress`` wraps the stream of
    results as they arrive (the CLI's progress bar), given the iterator and the file count.
    ``client``, a ``distributed.Client``, validates on its Dask cluster instead (``jobs`` is
    then unused); the report is the same."""
    files = expand_paths(paths)
    chosen = tuple(schemas) + (("teikit",) if profile else ())
    options = Options(chosen, use_xml_model, catalog)
    jobs = jobs or os.cpu_count() or 1
    if client is not None:
        from ..dask.batches import file_sizes
        from ..dask.mapping import map_ordered

        work = partial(_validate_in_worker, options=options)
        names = [str(f) for f in files]
        results = list(map_ordered(client, work, names, sizes=file_sizes(names), progress=progress))
    elif jobs > 1 and len(files) > 4:
        from .parallel import precompile, run_in_workers

        precompile(resolve_schema_argument(s) for s in chosen)
        work = partial(_validate_in_worker, options=options)
        results = run_in_workers(work, files, jobs, progress)
    else:
        stream = (validate_file(f, options) for f in files)
        results = list(progress(stream, len(files)) if progress else stream)
    report = Report(results)
    if corpus:
        _cross_file_ids(report, files)
    return report


def _cross_file_ids(report: Report, files: list[Path]) -> None:
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
    "Report",
    "profile_path",
    "validate_file",
    "validate_paths",
    "expand_paths",
]

"""``teikit validate``: TEI files against schemas and TEI reference checks, for people and CI."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ..io import is_url
from ..validate import validate_paths
from ..validate.report import render
from .cluster import dask_client, dask_option
from .common import EXIT_INVALID, EXIT_OK, fail, require_fsspec, user_errors
from .progress import track
from .tei_options import CompileStatus, refs_option, resources_from, tei_resource_options


@click.command("validate")
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--schema",
    "schemas",
    multiple=True,
    metavar="FILE|teikit",
    help="Schema to check against (.rng, .rnc, .xsd, .sch, .dtd; repeatable). "
    "'teikit' is teikit's edition profile. Default: the file's <?xml-model?>.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json", "junit", "github"]),
    default="text",
    show_default=True,
    help="Report format.",
)
@click.option(
    "--catalog",
    type=click.Path(exists=True, dir_okay=False),
    help="TOML file mapping remote schema URLs to local files (offline CI).",
)
@click.option("--no-xml-model", is_flag=True, help="Ignore <?xml-model?> declarations.")
@click.option(
    "--corpus", is_flag=True, help="Also require xml:id values to be unique across all files."
)
@click.option(
    "-j", "--jobs", type=click.IntRange(min=1), help="Parallel workers (default: all cores)."
)
@dask_option
@click.option("--warn-only", is_flag=True, help="Report problems but exit 0 (gradual adoption).")
@refs_option
@click.option(
    "--strict",
    is_flag=True,
    help="A declared schema that cannot be checked here (remote, or needing a TEI release or "
    "tool that is not configured) is an error, not a warning.",
)
@click.option("--phase", default="", help="Schematron phase to run (default: the schema's own).")
@tei_resource_options
def validate_command(
    paths: tuple[str, ...],
    schemas: tuple[str, ...],
    fmt: str,
    catalog: str | None,
    no_xml_model: bool,
    corpus: bool,
    jobs: int | None,
    warn_only: bool,
    dask_address: str | None = None,
    refs: str | None = None,
    strict: bool = False,
    phase: str = "",
    tei_all: str | None = None,
    tei_source: str | None = None,
    stylesheets: str | None = None,
    schxslt: str | None = None,
) -> None:
    """Validate TEI files (directories are searched for *.xml). Files and directories may be
    fsspec URLs (s3://bucket/tei/, file:///data/tei/; needs teikit[remote]).

    Exit status: 0 all valid, 1 any invalid, 2 usage or input error.

    \b
    Examples:
      teikit validate editions/
      teikit validate edition.xml --schema tei_all.rng --schema teikit
      teikit validate plays/ --schema dracor.odd --refs warning
      teikit validate tei/ --format github
      teikit validate tei/ --format junit > report.xml
    """
    require_fsspec(paths)
    with user_errors():
        missing = [p for p in paths if not _exists(p)]
    if missing:
        fail(f"error: {missing[0]}: no such file or directory")
    if jobs and dask_address:
        fail("use either -j/--jobs or --dask, not both")
    status = CompileStatus()
    with user_errors(), dask_client(dask_address) as client:
        from ..validate.odd import on_progress

        resources = resources_from(tei_all, tei_source, stylesheets, schxslt, refs)
        on_progress(status)
        report = validate_paths(
            paths,
            schemas,
            use_xml_model=not no_xml_model,
            corpus=corpus,
            jobs=jobs,
            catalog=catalog,
            progress=lambda results, total: track(results, total, "validating"),
            client=client,
            resources=resources,
            strict=strict,
            phase=phase,
        )
    status.finish()
    if not report.files:
        fail("error: no *.xml files found in " + ", ".join(paths))
    sys.stdout.write(render(report, fmt))
    sys.exit(EXIT_OK if report.ok or warn_only else EXIT_INVALID)


def _exists(path: str) -> bool:
    if is_url(path):
        from ..remote import exists

        return exists(path)
    return Path(path).exists()

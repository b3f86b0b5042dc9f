"""``teikit convert``: any TEI P5 document to html, text, markdown, json, epub, docx or latex."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ..convert import CONVERTERS, convert
from ..io import expand_sources, is_url, joined, read_bytes, stem_of
from .cluster import dask_client, dask_option
from .common import (
    EXIT_USAGE,
    PATH_OR_URL,
    echo_diagnostics,
    fail,
    require_fsspec,
    run_batch,
    user_errors,
    write_output,
)


@click.command("convert")
@click.argument("sources", nargs=-1, required=True, type=PATH_OR_URL)
@click.option(
    "--to", "to", type=click.Choice(sorted(CONVERTERS)), required=True, help="Output format."
)
@click.option("-o", "--output", type=PATH_OR_URL, help="Write here instead of stdout.")
@click.option(
    "--out-dir",
    type=PATH_OR_URL,
    help="Write one SOURCE-stem file per source here (.html, .txt, .md or .json).",
)
@click.option("--strict", is_flag=True, help="Fail (exit 2) when an element would lose its markup.")
@click.option(
    "--css",
    type=click.Path(exists=True, dir_okay=False),
    help="Stylesheet for --to html and --to epub.",
)
@click.option("-q", "--quiet", is_flag=True, help="Do not print the loss report.")
@dask_option
def convert_command(
    sources: tuple[Path | str, ...],
    to: str,
    output: Path | str | None,
    out_dir: Path | str | None,
    strict: bool,
    css: str | None,
    quiet: bool,
    dask_address: str | None = None,
) -> None:
    """Convert TEI documents to another format. A directory stands for the *.xml files under it;
    a file that fails is reported (exit 2) and the others go on. Sources and outputs may be
    fsspec URLs (s3://bucket/tei/, file:///data/x.xml; needs teikit[remote]).

    \b
    Examples:
      teikit convert edition.xml --to html -o edition.html
      teikit convert edition.xml --to text
      teikit convert play.xml --to markdown -o play.md
      teikit convert play.xml --to json -o play.json
      teikit convert novel.xml --to epub -o novel.epub
      teikit convert play.xml --to docx -o play.docx
      teikit convert novel.xml --to latex -o novel.tex
      teikit convert tei/ --to html --out-dir html/
      teikit convert s3://bucket/tei/ --to html --out-dir s3://bucket/html/
    """
    if css and "css" not in CONVERTERS[to].options:
        fail("--css applies only to --to html and --to epub")
    if CONVERTERS[to].binary and not (output or out_dir) and sys.stdout.isatty():
        fail(f"--to {to} writes a package (a zip file): give -o FILE or --out-dir DIR")
    if output and out_dir:
        fail("use either -o/--output or --out-dir, not both")
    require_fsspec([*sources, output, out_dir])
    with user_errors():
        files = expand_sources(sources)
    if not files:
        fail("error: no *.xml files found in " + ", ".join(map(str, sources)))
    if len(files) > 1 and not out_dir:
        fail("several sources need --out-dir")
    extension = CONVERTERS[to].extension

    def convert_one(source: Path | str) -> None:
        if is_url(source):  # read here: convert() reads a string as a path
            result = convert(read_bytes(source), to, strict=strict, css=css, file=str(source))
        else:
            result = convert(source, to, strict=strict, css=css)
        if not quiet:
            echo_diagnostics(result.diagnostics)
        if out_dir:
            write_output(joined(out_dir, f"{stem_of(source)}{extension}"), result.output)
        elif output:
            write_output(output, result.output)
        else:
            click.echo(result.output, nl=False)

    with dask_client(dask_address) as client:
        failed = run_batch(files, "converting", convert_one, client)
    if failed:
        sys.exit(EXIT_USAGE)

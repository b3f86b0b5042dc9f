"""``teikit encode``: plain-text transcriptions to TEI P5."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ..config import settings_for
from ..encode import EncodeOptions, encode
from ..io import expand_sources, joined, stem_of
from ..read import read_document
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


@click.command("encode")
@click.argument("sources", nargs=-1, required=True, type=PATH_OR_URL)
@click.option("-o", "--output", type=PATH_OR_URL, help="Write TEI to this file (or URL).")
@click.option(
    "--out-dir", type=PATH_OR_URL, help="Write one SOURCE-stem.xml per source here (or at a URL)."
)
@click.option("--encoding", help="Force the source encoding (default: detect).")
@click.option(
    "--date", "when", help="Encoding date (YYYY-MM-DD); default SOURCE_DATE_EPOCH or today."
)
@click.option("--publisher", help="Publisher of the digital edition (publicationStmt).")
@click.option("--licence", "--license", "licence", help="Licence of the encoding (availability).")
@click.option("--editor", help="Who encoded the text (respStmt), e.g. your name.")
@click.option(
    "--id", "edition_id", help="Edition identifier (TEI/@xml:id and publicationStmt/idno)."
)
@click.option(
    "--keep-linebreaks",
    is_flag=True,
    help="Keep every original line break as <lb/> (also those of hard-wrapped prose).",
)
@click.option("-q", "--quiet", is_flag=True, help="Do not print parser warnings.")
@dask_option
def encode_command(
    sources: tuple[Path | str, ...],
    output: Path | str | None,
    out_dir: Path | str | None,
    encoding: str | None,
    when: str | None,
    publisher: str | None,
    licence: str | None,
    editor: str | None,
    edition_id: str | None,
    keep_linebreaks: bool,
    quiet: bool,
    dask_address: str | None = None,
) -> None:
    """Encode plain-text SOURCES as TEI P5 (to stdout when no output is given). Word (.docx)
    and Markdown (.md) files are read by their styles and markup instead. A directory stands
    for the *.txt files under it; a file that fails is reported and the others go on.

    Settings come from the nearest teikit.toml (project defaults), then a SOURCE.meta.toml
    sidecar next to each source, then these options. Sources and outputs may be fsspec URLs
    (s3://bucket/texts/, file:///data/x.txt; needs teikit[remote]).

    \b
    Examples:
      teikit encode speech.txt > speech.xml
      teikit encode speech.txt -o editions/speech/speech.xml
      teikit encode texts/*.txt --out-dir tei/
      teikit encode texts/ --out-dir tei/
      teikit encode notes.docx -o notes.xml
      teikit encode notes.md -o notes.xml
      teikit encode s3://bucket/texts/ --out-dir s3://bucket/tei/
    """
    if output and out_dir:
        fail("use either -o/--output or --out-dir, not both")
    require_fsspec([*sources, output, out_dir])
    with user_errors():
        files = expand_sources(sources, "*.txt")
    if not files:
        fail("error: no *.txt files found in " + ", ".join(map(str, sources)))
    if output and len(files) > 1:
        fail("-o/--output takes one source; use --out-dir for several")

    def encode_one(source: Path | str) -> None:
        settings = settings_for(
            source,
            {
                "publisher": publisher,
                "licence": licence,
                "editor": editor,
                "edition_id": edition_id,
                "when": when,
            },
        )
        options = EncodeOptions.from_environment(**settings)
        document = read_document(source, encoding=encoding, keep_line_breaks=keep_linebreaks)
        xml = encode(document, options)
        if not quiet:
            echo_diagnostics(list(document.warnings))
        if out_dir:
            write_output(joined(out_dir, f"{stem_of(source)}.xml"), xml)
        elif output:
            write_output(output, xml)
        else:
            click.echo(xml.decode("utf-8"), nl=False)

    with dask_client(dask_address) as client:
        failed = run_batch(files, "encoding", encode_one, client)
    if failed:
        sys.exit(EXIT_USAGE)

"""``teikit convert``: any TEI P5 document to html, text, markdown or json."""

from __future__ import annotations

from pathlib import Path

import click

from ..convert import CONVERTERS, convert
from ..io import write_atomic
from .common import echo_diagnostics, fail, user_errors


@click.command("convert")
@click.argument("source", type=click.Path(path_type=Path))
@click.option(
    "--to", "to", type=click.Choice(sorted(CONVERTERS)), required=True, help="Output format."
)
@click.option(
    "-o", "--output", type=click.Path(path_type=Path), help="Write here instead of stdout."
)
@click.option("--strict", is_flag=True, help="Fail (exit 2) when an element would lose its markup.")
@click.option(
    "--css", type=click.Path(exists=True, dir_okay=False), help="Stylesheet for --to html."
)
@click.option("-q", "--quiet", is_flag=True, help="Do not print the loss report.")
def convert_command(
    source: Path, to: str, output: Path | None, strict: bool, css: str | None, quiet: bool
) -> None:
    """Convert the TEI document SOURCE to another format.

    \b
    Examples:
      teikit convert edition.xml --to html -o edition.html
      teikit convert edition.xml --to text
      teikit convert play.xml --to markdown -o play.md
      teikit convert play.xml --to json -o play.json
    """
    if css and to != "html":
        fail("--css applies only to --to html")
    with user_errors():
        result = convert(source, to, strict=strict, css=css)
        if not quiet:
            echo_diagnostics(result.diagnostics)
        if output:
            write_atomic(output, result.output)
        else:
            click.echo(result.output, nl=False)

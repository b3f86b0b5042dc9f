"""``teikit schema compile``: an ODD customisation to RELAX NG (and Schematron), without Java."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ..errors import SchemaError
from ..io import write_atomic
from .common import EXIT_OK, fail, user_errors
from .tei_options import CompileStatus, resources_from, tei_resource_options


@click.group("schema")
def schema_command() -> None:
    """Compile TEI ODD customisations (for projects that commit compiled schemas)."""


@schema_command.command("compile")
@click.argument("odd", type=click.Path(dir_okay=False))
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False),
    help="Where to write the RELAX NG (default: stdout). Its Schematron stays embedded.",
)
@click.option(
    "--schematron",
    type=click.Path(dir_okay=False),
    help="Also write the ODD's Schematron rules as a standalone ISO Schematron file.",
)
@tei_resource_options
def compile_command(
    odd: str,
    output: str | None,
    schematron: str | None,
    tei_all: str | None,
    tei_source: str | None,
    stylesheets: str | None,
    schxslt: str | None,
) -> None:
    """Compile ODD to RELAX NG with the TEI Stylesheets' odd2odd and odd2relax on saxonche.

    The TEI source is never fetched: an ODD naming a TEI release or URL is compiled over the
    configured p5subset.xml (--tei-source), and one that needs a specification that source
    lacks is refused with the spec and the release it asked for. Results are cached.

    \b
    Examples:
      teikit schema compile dracor.odd -o dracor.rng --schematron dracor.sch
      teikit schema compile tei_lite.odd --tei-source p5subset.xml --stylesheets Stylesheets/
    """
    from lxml import etree

    from ..validate.odd import compile_odd
    from ..validate.schematron import extract

    path = Path(odd)
    if not path.is_file():
        fail(f"error: {odd}: no such file")
    status = CompileStatus()
    with user_errors():
        resources = resources_from(tei_all, tei_source, stylesheets, schxslt)
        compiled = compile_odd(path, resources, progress=status)
        status.finish()
        data = compiled.rng.read_bytes()
        for note in compiled.notes:
            click.echo(f"teikit: note: {odd}: {note}", err=True)
        if output:
            write_atomic(Path(output), data)
        else:
            sys.stdout.buffer.write(data)
        if schematron:
            rules = extract(etree.fromstring(data))
            if rules is None:
                raise SchemaError("the compiled schema holds no Schematron rules", file=odd)
            write_atomic(
                Path(schematron),
                etree.tostring(rules, xml_declaration=True, encoding="UTF-8", pretty_print=True),
            )
    sys.exit(EXIT_OK)

"""``teikit convert`` (placeholder until the conversion stage lands)."""

from __future__ import annotations

import click


@click.command("convert")
@click.argument("source")
@click.option("--to", "to", type=click.Choice(["html", "text", "markdown", "json"]), required=True)
@click.option("-o", "--output")
def convert_command(source: str, to: str, output: str | None) -> None:
    """Convert a TEI document to another format."""
    raise click.UsageError("convert is not available yet")

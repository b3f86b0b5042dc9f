"""``teikit validate`` (placeholder until the validation stage lands)."""

from __future__ import annotations

import click


@click.command("validate")
@click.argument("paths", nargs=-1, required=True)
@click.option("--schema", "schemas", multiple=True, help="Schema file (repeatable).")
@click.option("--format", "fmt", type=click.Choice(["text", "json", "junit", "github"]), default="text")
def validate_command(paths: tuple[str, ...], schemas: tuple[str, ...], fmt: str) -> None:
    """Validate TEI files against schemas."""
    raise click.UsageError("validate is not available yet")

"""``teikit build`` (placeholder until the build stage lands)."""

from __future__ import annotations

import click


@click.command("build")
@click.argument("editions_dir", default="editions")
def build_command(editions_dir: str) -> None:
    """Re-encode, validate and render every edition in EDITIONS_DIR."""
    raise click.UsageError("build is not available yet")

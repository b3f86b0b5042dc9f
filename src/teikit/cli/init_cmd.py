"""``teikit init``: scaffold a new edition repository."""

from __future__ import annotations

from pathlib import Path

import click

from ..init import scaffold
from .common import user_errors


@click.command("init")
@click.argument("directory", default=".", type=click.Path(file_okay=False, path_type=Path))
@click.option("--publisher", default="", help="Publisher of the digital editions.")
@click.option("--licence", default="CC BY 4.0", show_default=True, help="Licence of the encodings.")
@click.option("--force", is_flag=True, help="Overwrite files that already exist.")
def init_command(directory: Path, publisher: str, licence: str, force: bool) -> None:
    """Create a new edition repository in DIRECTORY: manifest, config, example source,
    GitHub Actions workflow and pre-commit config. Then run `teikit build editions`."""
    with user_errors():
        written = scaffold(directory, publisher=publisher, licence=licence, force=force)
    for path in written:
        click.echo(f"created {path}")
    click.echo(f"next: cd {directory} && teikit build editions")

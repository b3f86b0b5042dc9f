"""``teikit build``: re-encode, validate and render every edition in a directory."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ..build import build_editions
from .cluster import dask_client, dask_option
from .common import EXIT_INVALID, EXIT_OK, echo_diagnostics, user_errors
from .progress import track


@click.command("build")
@click.argument("editions_dir", default="editions", type=click.Path(path_type=Path))
@click.option(
    "--check",
    is_flag=True,
    help="Write nothing; exit 1 if any output would change (CI drift check).",
)
@click.option(
    "--schema", "schemas", multiple=True, help="Validate against these instead of the manifest's."
)
@dask_option
def build_command(
    editions_dir: Path, check: bool, schemas: tuple[str, ...], dask_address: str | None = None
) -> None:
    """Re-encode, validate and render every edition in EDITIONS_DIR (default: editions).

    The manifest EDITIONS_DIR/editions.toml lists the sources; outputs are rewritten only when
    they change. Exit status: 0 built and valid, 1 invalid or (with --check) drifted, 2 input error.
    """
    with user_errors(), dask_client(dask_address) as client:
        report = build_editions(
            editions_dir,
            check=check,
            schemas=list(schemas) or None,
            progress=lambda editions, total: track(editions, total, "building"),
            client=client,
        )
    for result in report.results:
        echo_diagnostics(result.diagnostics)
        state = "valid" if result.ok else "INVALID"
        click.echo(f"{result.edition.id}: {state}")
        click.echo(f"  TEI:  {result.edition.tei}")
        click.echo(f"  HTML: {result.edition.html}")
    if check:
        for path in report.changed:
            click.echo(f"would change: {path}", err=True)
        if report.changed:
            click.echo(
                f"{len(report.changed)} output(s) differ from a fresh build; "
                f"run `teikit build {editions_dir}`",
                err=True,
            )
            sys.exit(EXIT_INVALID)
        click.echo("editions are up to date")
    else:
        click.echo(
            f"index: {report.index}"
            + (f" ({len(report.changed)} file(s) written)" if report.changed else "")
        )
    sys.exit(EXIT_OK if report.ok else EXIT_INVALID)

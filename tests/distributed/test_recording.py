"""What a command's per-file work echoes on a worker is recorded in order and replayed here as it
was written: text and bytes, stdout and stderr, and the error that ended it."""

from __future__ import annotations

import click
from click.testing import CliRunner

from teikit.cli.cluster import Outcome, recorded
from teikit.errors import InputError


def _work(name: str) -> None:
    click.echo(f"<TEI>{name}</TEI>", nl=False)
    click.echo(f"{name}:1:1: warning[x] careful", err=True)
    click.echo(b"PK\x03\x04\x00binary")
    if name == "bad":
        raise InputError("not well-formed", file=name, line=2, col=3)


def test_writes_are_recorded_in_order_with_their_stream() -> None:
    assert recorded(_work, "good") == Outcome(
        [
            (False, "<TEI>good</TEI>"),
            (True, "good:1:1: warning[x] careful\n"),
            (False, b"PK\x03\x04\x00binary\n"),
        ]
    )
    assert recorded(_work, "bad").error == "bad:2:3: not well-formed"


def test_replayed_bytes_reach_stdout_unchanged() -> None:
    outcome = recorded(_work, "good")

    @click.command()
    def replay() -> None:
        for to_stderr, data in outcome.writes:
            click.echo(data, nl=False, err=to_stderr)

    @click.command()
    def direct() -> None:
        _work("good")

    replayed, original = CliRunner().invoke(replay), CliRunner().invoke(direct)
    assert replayed.stdout_bytes == original.stdout_bytes
    assert replayed.stderr_bytes == original.stderr_bytes

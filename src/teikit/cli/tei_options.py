"""Options that locate the TEI release and the XSLT tools (validate and schema share them), and
the status line shown while an ODD compiles."""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from typing import Any, TypeVar

import click

from ..validate.locations import REFS, Resources, find_resources
from .progress import wanted

F = TypeVar("F", bound=Callable[..., Any])


def tei_resource_options(function: F) -> F:
    options = [
        click.option(
            "--tei-all",
            type=click.Path(dir_okay=False),
            help="tei_all.rng that the tei-c.org URLs in <?xml-model?> stand for "
            "(default: $TEIKIT_TEI_ALL, or tei-all in teikit.toml [validate]).",
        ),
        click.option(
            "--tei-source",
            type=click.Path(dir_okay=False),
            help="The TEI source (p5subset.xml) ODDs are compiled over "
            "(default: $TEIKIT_TEI_SOURCE, or tei-source in teikit.toml).",
        ),
        click.option(
            "--stylesheets",
            type=click.Path(file_okay=False),
            help="The TEI Stylesheets folder (odds/odd2odd.xsl, odds/odd2relax.xsl) "
            "(default: $TEIKIT_TEI_STYLESHEETS, or tei-stylesheets in teikit.toml).",
        ),
        click.option(
            "--schxslt",
            type=click.Path(dir_okay=False),
            help="SchXslt2's transpile.xsl, for XPath 2/3 Schematron "
            "(default: $TEIKIT_SCHXSLT, or schxslt in teikit.toml).",
        ),
    ]
    for option in reversed(options):
        function = option(function)
    return function


def refs_option(function: F) -> F:
    return click.option(
        "--refs",
        type=click.Choice(REFS),
        help="How TEI reference checks (ids unique, pointers resolve, header order) count: "
        "error (the default), warning, or off for the schemas' verdict alone. "
        "Also refs in teikit.toml [validate].",
    )(function)


def resources_from(
    tei_all: str | None,
    tei_source: str | None,
    stylesheets: str | None,
    schxslt: str | None,
    refs: str | None = None,
) -> Resources:
    return find_resources(
        {
            "tei_all": tei_all,
            "tei_source": tei_source,
            "stylesheets": stylesheets,
            "schxslt": schxslt,
            "refs": refs,
        }
    )


class CompileStatus:
    """Tells on a terminal that an ODD is compiling and how long it took (silent elsewhere).
    With -j the compile may run in a worker process, which prints the first line only."""

    def __init__(self) -> None:
        self.started: tuple[int, float] | None = None
        self.enabled = wanted(2)

    def __call__(self, message: str) -> None:
        if not self.enabled:
            return
        self.finish()
        click.echo(f"teikit: {message}…", err=True)
        self.started = (os.getpid(), time.perf_counter())

    def finish(self) -> None:
        if self.started is not None and self.started[0] == os.getpid():
            click.echo(
                f"teikit: compiled in {time.perf_counter() - self.started[1]:.1f} s", err=True
            )
        self.started = None

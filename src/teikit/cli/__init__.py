"""The ``teikit`` command line. The only place in teikit that prints or exits.

Exit codes: 0 success/valid, 1 invalid (validation found errors), 2 usage or input error.
Each command lives in its own module and registers itself on ``main``.
"""

from __future__ import annotations

from importlib import import_module

import click

from .. import __version__

# Command name → module and attribute. A command's module (and everything it needs: the parser,
# the encoder, the converters) is imported only when that command runs, so `teikit validate`
# starts without loading the whole pipeline.
COMMANDS = {
    "encode": ("teikit.cli.encode_cmd", "encode_command"),
    "validate": ("teikit.cli.validate_cmd", "validate_command"),
    "convert": ("teikit.cli.convert_cmd", "convert_command"),
    "build": ("teikit.cli.build_cmd", "build_command"),
    "init": ("teikit.cli.init_cmd", "init_command"),
    "schema": ("teikit.cli.schema_cmd", "schema_command"),
}


class LazyGroup(click.Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(COMMANDS)

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name not in COMMANDS:
            return None
        module, attribute = COMMANDS[name]
        return getattr(import_module(module), attribute)


@click.group(
    cls=LazyGroup,
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
)
@click.version_option(__version__, prog_name="teikit")
def main() -> None:
    """teikit: plain-text transcriptions to TEI P5 digital editions.

    \b
    Pipeline:  text --encode--> TEI --validate--> diagnostics
                                   \\--convert--> html | text | markdown | json
    """


__all__ = ["main"]

"""The ``teikit`` command line. The only place in teikit that prints or exits.

Exit codes: 0 success/valid, 1 invalid (validation found errors), 2 usage or input error.
Each command lives in its own module and registers itself on ``main``.
"""

from __future__ import annotations

import click

from .. import __version__
from .build_cmd import build_command
from .convert_cmd import convert_command
from .encode_cmd import encode_command
from .init_cmd import init_command
from .validate_cmd import validate_command


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="teikit")
def main() -> None:
    """teikit: plain-text transcriptions to TEI P5 digital editions.

    \b
    Pipeline:  text --encode--> TEI --validate--> diagnostics
                                   \\--convert--> html | text | markdown | json
    """


main.add_command(encode_command)
main.add_command(validate_command)
main.add_command(convert_command)
main.add_command(build_command)
main.add_command(init_command)

__all__ = ["main"]

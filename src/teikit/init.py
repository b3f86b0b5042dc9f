"""Scaffold a new edition repository: manifest, config, an example source, CI and pre-commit.

``scaffold(directory, publisher, licence)`` returns the files it wrote; it never overwrites an
existing file (``InputError`` names the first one) unless ``force`` is set.
"""

from __future__ import annotations

import datetime as _dt
from pathlib import Path

from .errors import InputError
from .io import write_atomic

EXAMPLE = """A. N. Author

An Example Text

January 9, 1924

Source: Collected Works, Vol. 1, pp. 1-2
Transcription/Markup: Your Name
Public Domain: You may freely copy, distribute and make derivative works.

Replace this file with your own transcription: one paragraph per line or per blank-line block.

1) Numbered items become a list.

2) Speaker labels such as "Q:" or "JACK." become speeches.
"""


def files_for(publisher: str, licence: str, today: str) -> dict[str, str]:
    return {
        "teikit.toml": (
            "# Defaults for every edition in this repository (teikit encode / build).\n"
            f'publisher = "{publisher}"\nlicence = "{licence}"\n'
        ),
        "editions/editions.toml": (
            "[defaults]\n"
            f'date = "{today}"   # pinned encoding date: rebuilding gives identical bytes\n'
            'schemas = ["teikit"]\n\n'
            "[[edition]]\n"
            'id = "example"\n'
            'source = "example/example.txt"\n'
            f'publisher = "{publisher}"\n'
        ),
        "editions/example/example.txt": EXAMPLE,
        ".github/workflows/tei.yml": (
            "name: TEI\non: [push, pull_request]\njobs:\n  editions:\n    runs-on: ubuntu-latest\n"
            "    steps:\n      - uses: actions/checkout@v4\n      - uses: actions/setup-python@v5\n"
            '        with: {python-version: "3.12"}\n      - run: pip install teikit\n'
            "      - run: teikit build editions --check\n"
            "      - run: teikit validate editions --schema teikit --format github\n"
            "      - if: always()\n"
            "        run: teikit validate editions --schema teikit --format junit"
            " > tei-report.xml\n"
        ),
        ".pre-commit-config.yaml": (
            "repos:\n  - repo: local\n    hooks:\n      - id: teikit-validate\n"
            "        name: validate TEI (teikit)\n        entry: teikit validate --schema teikit\n"
            "        language: system\n        files: \\.xml$\n"
        ),
    }


def scaffold(
    directory: str | Path,
    *,
    publisher: str = "",
    licence: str = "CC BY 4.0",
    force: bool = False,
    today: str | None = None,
) -> list[Path]:
    root = Path(directory)
    files = files_for(publisher or "Your project", licence, today or _dt.date.today().isoformat())
    if not force:
        for name in files:
            if (root / name).exists():
                raise InputError("already exists; use --force to overwrite", file=str(root / name))
    written = []
    for name, content in files.items():
        write_atomic(root / name, content)
        written.append(root / name)
    return written

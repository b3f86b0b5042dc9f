"""jing over many files at once (one JVM start), skipping when jing is not installed."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest


def jing_errors(corpus: Path, files: list[Path], schema: Path | None = None) -> list[str]:
    """jing's errors for ``files`` against ``schema`` (the corpus's tei_all by default)."""
    exe = shutil.which("jing")
    if exe is None:
        pytest.skip("jing is not installed (Debian package 'jing')")
    schema = schema or corpus / "tei" / "schemas" / "tei_all.rng"
    result = subprocess.run(
        [exe, str(schema), *map(str, files)], capture_output=True, text=True, check=False
    )
    return [line for line in result.stdout.splitlines() if ": error:" in line]

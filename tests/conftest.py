"""Fixtures shared by every test package: the real-data corpus and the jing reference validator."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEED_NAME = "stalin-1924-01-09-the-discussion"


def corpus_root() -> Path | None:
    value = os.environ.get("TEIKIT_CORPUS")
    if not value:
        return None
    path = Path(value).resolve()
    return path if path.is_dir() else None


@pytest.fixture(scope="session")
def corpus() -> Path:
    """The shared corpus (``TEIKIT_CORPUS``); tests using it skip when it is not configured."""
    root = corpus_root()
    if root is None:
        pytest.skip("TEIKIT_CORPUS is not set (the real-data corpus tests need it)")
    return root


@pytest.fixture(scope="session")
def tei_all(corpus: Path) -> Path:
    return corpus / "tei" / "schemas" / "tei_all.rng"


@pytest.fixture(scope="session")
def jing() -> str:
    exe = shutil.which("jing")
    if exe is None:
        pytest.skip("jing is not installed (Debian package 'jing'; .ci/run installs it)")
    return exe


def run_jing(jing_exe: str, schema: Path, *files: Path) -> subprocess.CompletedProcess[str]:
    """Run jing once on many files; its stdout lists ``file:line:col: error: …`` lines."""
    return subprocess.run(
        [jing_exe, str(schema), *map(str, files)], capture_output=True, text=True, check=False
    )


@pytest.fixture(scope="session")
def seed_source() -> Path:
    """The bundled seed transcription (the first edition's source)."""
    path = ROOT / "editions" / SEED_NAME / f"{SEED_NAME}.txt"
    if not path.exists():
        shared = ROOT.parent / "shared" / "seed" / f"{SEED_NAME}.txt"
        if not shared.exists():
            pytest.skip("seed text not found")
        return shared
    return path

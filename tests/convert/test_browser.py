"""The seed edition's HTML in a real browser (headless Chromium): title, header panel, no console
errors; a screenshot is saved under test-output/ for a person to look at."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest
from lxml import etree

ROOT = Path(__file__).resolve().parents[2]
SEED = (
    ROOT / "editions" / "stalin-1924-01-09-the-discussion" / "stalin-1924-01-09-the-discussion.html"
)
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="module")
def chromium() -> str:
    exe = shutil.which("chromium") or shutil.which("chromium-browser")
    if exe is None:
        pytest.skip("chromium is not installed (Debian package 'chromium'; .ci/run installs it)")
    return exe


def run(chromium: str, *args: str) -> subprocess.CompletedProcess[str]:
    with tempfile.TemporaryDirectory() as profile:
        return subprocess.run(
            [chromium, *FLAGS, f"--user-data-dir={profile}", *args],
            capture_output=True,
            text=True,
            timeout=120,
        )


def test_seed_page_in_chromium(chromium: str) -> None:
    out_dir = ROOT / "test-output"
    out_dir.mkdir(exist_ok=True)
    shot = out_dir / "seed-edition.png"
    shot.unlink(missing_ok=True)
    result = run(
        chromium,
        "--window-size=1000,1400",
        f"--screenshot={shot}",
        "--enable-logging=stderr",
        "--v=0",
        SEED.as_uri(),
    )
    assert shot.exists() and shot.stat().st_size > 10_000
    console = [line for line in result.stderr.splitlines() if "CONSOLE" in line]
    assert not console, console
    dom = run(chromium, "--dump-dom", SEED.as_uri()).stdout
    page = etree.fromstring(dom.encode(), etree.HTMLParser())
    assert page.xpath("string(//title)") == "The Discussion"
    panel = page.xpath("//header[@class='tei-header']")
    assert panel and "Brian Reid" in "".join(panel[0].itertext())
    assert page.xpath("//div[@class='sp'][@data-who]")

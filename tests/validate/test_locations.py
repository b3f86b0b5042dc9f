"""Where teikit finds the TEI release and the XSLT tools: option, then environment, then the
[validate] table of the nearest teikit.toml; and what the encoder makes of that table."""

from __future__ import annotations

from pathlib import Path

import pytest

from teikit.config import settings_for
from teikit.errors import InputError
from teikit.validate.catalog import builtin, tei_release_of
from teikit.validate.locations import Resources, SchemaUnchecked, find_resources

VARIABLES = ("TEIKIT_TEI_ALL", "TEIKIT_TEI_SOURCE", "TEIKIT_TEI_STYLESHEETS", "TEIKIT_SCHXSLT")


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    for name in VARIABLES:
        monkeypatch.delenv(name, raising=False)
    (tmp_path / "teikit.toml").write_text(
        'publisher = "P"\n[validate]\ntei-all = "schemas/tei_all.rng"\n'
        'schxslt = "tools/transpile.xsl"\nrefs = "warning"\n'
    )
    (tmp_path / "texts").mkdir()
    return tmp_path


def test_toml_then_environment_then_option(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    found = find_resources(start=project / "texts")
    assert found.tei_all == project / "schemas" / "tei_all.rng"
    assert found.schxslt == project / "tools" / "transpile.xsl" and found.refs == "warning"
    monkeypatch.setenv("TEIKIT_TEI_ALL", "/env/tei_all.rng")
    assert find_resources(start=project).tei_all == Path("/env/tei_all.rng")
    chosen = find_resources({"tei_all": "/opt/tei_all.rng", "refs": "off"}, start=project)
    assert chosen.tei_all == Path("/opt/tei_all.rng") and chosen.refs == "off"


def test_bad_settings_are_input_errors(project: Path) -> None:
    (project / "teikit.toml").write_text('[validate]\ntei_all = "x"\n')
    with pytest.raises(InputError, match="unknown \\[validate\\] setting"):
        find_resources(start=project)
    (project / "teikit.toml").write_text("")
    with pytest.raises(InputError, match="refs must be one of"):
        find_resources({"refs": "sometimes"}, start=project)


def test_the_encoder_accepts_a_validate_table(project: Path) -> None:
    source = project / "texts" / "a.txt"
    source.write_text("x")
    assert settings_for(source)["publisher"] == "P"


def test_a_missing_resource_says_how_to_configure_it() -> None:
    with pytest.raises(SchemaUnchecked, match="TEIKIT_TEI_SOURCE"):
        Resources().require("tei_source", "compiling the ODD x.odd")


@pytest.mark.parametrize(
    "url, release",
    [
        ("http://www.tei-c.org/release/xml/tei/custom/schema/relaxng/tei_all.rng", "current"),
        ("https://tei-c.org/release/xml/tei/custom/schema/relaxng/tei_all.rng", "current"),
        ("https://www.tei-c.org/Vault/P5/4.9.0/xml/tei/custom/schema/relaxng/tei_all.rng", "4.9.0"),
        ("https://vault.tei-c.org/P5/current/xml/tei/custom/schema/relaxng/tei_all.rng", "current"),
    ],
)
def test_the_builtin_catalog_knows_the_tei_urls(url: str, release: str) -> None:
    assert tei_release_of(url) == ("tei_all", release)
    assert builtin(url, Resources()) is None  # nothing configured: nothing to map to
    assert builtin(url, Resources(tei_all=Path("/t/tei_all.rng"))) == Path("/t/tei_all.rng")
    assert tei_release_of("https://example.org/tei_all.rng") is None

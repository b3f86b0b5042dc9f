"""Fixtures for the XPath 2 Schematron and ODD tests: the TEI release, the TEI Stylesheets and
SchXslt2 from the shared corpus (TEIKIT_CORPUS), and saxonche, which the [test] extra installs."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from teikit.validate.locations import Resources

ODDS = ("tei_lite", "tei_simplePrint", "tei_drama", "tei_speech")
SAXON_HE_JAR = Path("/usr/share/java/Saxon-HE.jar")  # Debian libsaxonhe-java


@pytest.fixture(scope="session")
def saxonche() -> None:
    pytest.importorskip(
        "saxonche", reason="saxonche is not installed (pip install 'teikit[schematron]')"
    )


@pytest.fixture(scope="session")
def schxslt(corpus: Path) -> Path:
    return (
        corpus
        / "schematron"
        / "schxslt2"
        / "src"
        / "main"
        / "resources"
        / "content"
        / ("transpile.xsl")
    )


@pytest.fixture(scope="session")
def tei_resources(corpus: Path, saxonche: None, schxslt: Path) -> Resources:
    """Everything configured, as .ci/run configures it."""
    return Resources(
        tei_all=corpus / "tei" / "schemas" / "tei_all.rng",
        tei_source=corpus / "tei" / "schemas" / "odd" / "p5subset-4.10.0a.xml",
        stylesheets=corpus / "tei" / "stylesheets-xsl",
        schxslt=schxslt,
    )


@pytest.fixture(scope="session")
def tei_all_rules(tei_resources: Resources):  # noqa: ANN201 - an XPath2Schematron
    from teikit.validate.schematron import load_xpath2_schematron

    assert tei_resources.tei_all and tei_resources.schxslt
    return load_xpath2_schematron(tei_resources.tei_all, tei_resources.schxslt, embedded=True)


@pytest.fixture(scope="session")
def samples(corpus: Path) -> list[Path]:
    return sorted((corpus / "tei" / "samples").glob("*/*.xml"))


@pytest.fixture(scope="session")
def java_saxon() -> list[str]:
    """The TEI Stylesheets' own toolchain (Saxon-HE on Java), for the reference compilation."""
    java = shutil.which("java")
    if java is None or not SAXON_HE_JAR.is_file():
        pytest.skip("Java Saxon-HE is not installed (Debian libsaxonhe-java; .ci/run installs it)")
    return [java, "-jar", str(SAXON_HE_JAR)]


def java_compile(java_saxon: list[str], odd: Path, resources: Resources, out: Path) -> Path:
    """odd2odd then odd2relax on Java Saxon, as the Stylesheets' own build runs them."""
    assert resources.stylesheets and resources.tei_source
    expanded = out.with_suffix(".compiled.odd")
    common = ["useFixedDate=true"]
    subprocess.run(
        [
            *java_saxon,
            f"-s:{odd}",
            f"-xsl:{resources.stylesheets / 'odds' / 'odd2odd.xsl'}",
            f"-o:{expanded}",
            f"defaultSource={resources.tei_source}",
            *common,
        ],
        check=True,
        capture_output=True,
    )
    subprocess.run(
        [
            *java_saxon,
            f"-s:{expanded}",
            f"-xsl:{resources.stylesheets / 'odds' / 'odd2relax.xsl'}",
            f"-o:{out}",
            *common,
        ],
        check=True,
        capture_output=True,
    )
    return out

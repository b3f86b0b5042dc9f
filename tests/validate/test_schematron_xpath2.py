"""tei_all's embedded Schematron (XPath 2) on SchXslt2 + saxonche: hand-made violations of TEI's
rules, every corpus sample, agreement with an independent implementation, and the two-PI
template that Roma and oXygen write."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree

from teikit.cli import main
from teikit.io import parse_xml_file
from teikit.validate import Options, validate_file
from teikit.validate.locations import Resources
from teikit.validate.schematron import Locator, extract

sys.path.insert(0, str(Path(__file__).parent / "xpath2"))
import minisch  # noqa: E402

HERE = Path(__file__).parent
CASES = sorted((HERE / "schematron_cases").glob("*.xml"))
FEATURES = HERE / "schematron_features"
EXPECT = re.compile(r"<!-- expect: (sch-assert|sch-report) (\d+):(\d+) (.*) -->")
SVRL = "{http://purl.oclc.org/dsdl/svrl}"
TEI_ALL_URL = "http://www.tei-c.org/release/xml/tei/custom/schema/relaxng/tei_all.rng"
TWO_PIS = (
    f'<?xml-model href="{TEI_ALL_URL}" type="application/xml" '
    'schematypens="http://relaxng.org/ns/structure/1.0"?>\n'
    f'<?xml-model href="{TEI_ALL_URL}" type="application/xml" '
    'schematypens="http://purl.oclc.org/dsdl/schematron"?>\n'
)


def expectation(path: Path) -> tuple[str, int, int, str]:
    found = EXPECT.search(path.read_text(encoding="utf-8"))
    assert found, f"{path.name} has no expect comment"
    return found.group(1), int(found.group(2)), int(found.group(3)), found.group(4)


@pytest.mark.corpus
@pytest.mark.parametrize("case", CASES, ids=[c.stem for c in CASES])
def test_each_tei_rule_is_found_with_its_message_and_line(
    case: Path, tei_all_rules, tei_all
) -> None:
    from teikit.validate.relaxng import compile_schema

    tree = parse_xml_file(case)
    assert compile_schema(tei_all).check(tree, str(case)) == [], "the case must be valid RELAX NG"
    found = [(d.code, d.line, d.col, d.message) for d in tei_all_rules.check(tree, str(case))]
    assert found == [expectation(case)]


def test_the_cases_cover_twenty_different_rules() -> None:
    rules = set()
    for case in CASES:
        code, _, _, message = expectation(case)
        rules.add((code, re.sub(r"<\w+>", "<>", message)))
    assert len(CASES) >= 20 and len(rules) >= 20


def _svrl_findings(rules, path: Path) -> list[tuple[str, int, str]]:
    tree = parse_xml_file(path)
    report = rules.svrl(tree, str(path))
    where = Locator(tree, str(path))
    out = []
    for node in report.iter(f"{SVRL}failed-assert", f"{SVRL}successful-report"):
        kind = "assert" if node.tag == f"{SVRL}failed-assert" else "report"
        element = where.element(node.get("location", ""))
        out.append((kind, element.sourceline if element is not None else 0, node.get("test")))
    return sorted(out)


@pytest.mark.corpus
@pytest.mark.slow
def test_findings_agree_with_an_independent_schematron(tei_all_rules, samples, tei_all) -> None:
    """SchXslt2 on Saxon (XSLT 3.0) against minisch (elementpath's XPath, no XSLT): the same
    (kind, line, test) on every corpus sample and every hand-made case."""
    schema = extract(etree.parse(str(tei_all)).getroot())
    assert schema is not None
    disagreements = {}
    total = 0
    for path in [*samples, *CASES]:
        ours = _svrl_findings(tei_all_rules, path)
        theirs = sorted(minisch.run(schema, parse_xml_file(path)))
        total += len(ours)
        if ours != theirs:
            disagreements[path.name] = (set(ours) - set(theirs), set(theirs) - set(ours))
    assert disagreements == {}
    assert total >= len(CASES) + 2  # the cases, and the two corpus findings (testall, testms)


@pytest.mark.corpus
def test_every_sample_runs_without_schematron_errors(tei_all_rules, samples) -> None:
    found = {}
    for path in samples:
        for d in tei_all_rules.check(parse_xml_file(path), str(path)):
            found.setdefault(path.name, []).append((d.code, d.line, d.message))
    assert all(code in ("sch-assert", "sch-report") for f in found.values() for code, _, _ in f)
    assert found == {
        "testall.xml": [("sch-report", 52, "The element <dimensions> may appear once only.")],
        "testms.xml": [("sch-report", 44, "The element <dimensions> may appear once only.")],
    }


@pytest.mark.corpus
def test_the_two_pi_template_never_gives_a_schema_error(
    tmp_path: Path, samples, tei_resources: Resources
) -> None:
    for path in samples:
        root = parse_xml_file(path).getroot()
        copy = tmp_path / path.name
        copy.write_bytes(
            b'<?xml version="1.0" encoding="UTF-8"?>\n'
            + TWO_PIS.encode()
            + etree.tostring(root, encoding="UTF-8")
        )
        result = validate_file(copy, Options(resources=tei_resources, refs="off"))
        assert result.schemas == ["tei_all.rng", "tei_all.rng#schematron"], path.name
        assert not result.unchecked
        codes = {d.code for d in result.diagnostics}
        assert not codes & {"schema-error", "schema-unchecked", "schema-remote", "sch-error"}


def _clean_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    for name in ("TEIKIT_TEI_ALL", "TEIKIT_TEI_SOURCE", "TEIKIT_TEI_STYLESHEETS", "TEIKIT_SCHXSLT"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.chdir(tmp_path)  # no teikit.toml above it


def test_unconfigured_declared_schemas_are_never_reported_plainly_valid(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _clean_environment(monkeypatch, tmp_path)
    edition = next((Path(__file__).parents[2] / "editions").glob("*/*.xml"))
    result = CliRunner().invoke(main, ["validate", str(edition)])
    summary = result.stdout.strip().splitlines()[-1]
    assert result.exit_code == 0
    assert "NOT checked" in summary and "all valid" not in summary
    assert "schema-remote" in result.stdout
    strict = CliRunner().invoke(main, ["validate", str(edition), "--strict"])
    assert strict.exit_code == 1 and "NOT checked" in strict.stdout


@pytest.mark.corpus
def test_editions_are_checked_against_tei_all_and_its_schematron_offline(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, tei_resources: Resources
) -> None:
    _clean_environment(monkeypatch, tmp_path)
    editions = Path(__file__).parents[2] / "editions"
    result = CliRunner().invoke(
        main,
        [
            "validate",
            str(editions),
            "-j",
            "1",
            "--tei-all",
            str(tei_resources.tei_all),
            "--schxslt",
            str(tei_resources.schxslt),
        ],
    )
    summary = result.stdout.strip().splitlines()[-1]
    assert result.exit_code == 0, result.stdout
    assert "against tei_all.rng, tei_all.rng#schematron: all valid" in summary


@pytest.mark.corpus
def test_schematron_features(tmp_path: Path, tei_resources: Resources) -> None:
    """let, abstract patterns, abstract rules, phases, roles, sch:name, value-of, diagnostics
    in two languages, on one schema and one document (files in schematron_features/)."""
    schema = FEATURES / "features.sch"
    document = FEATURES / "letter.xml"
    found = validate_file(document, Options((str(schema),), resources=tei_resources)).diagnostics
    got = [(d.severity.value, d.code, d.line, d.message) for d in found]
    assert got == [
        ("error", "sch-assert", 6, "A <p> needs at least 3 characters, this one has 1 (x)"),
        ("warning", "sch-report", 7, 'The title "Draft" is a placeholder'),
        ("info", "sch-report", 8, "note 1 of 1 (Notiz in deutscher Sprache)"),
        ("error", "sch-assert", 9, "<date> needs @when (abstract rule)"),
    ]
    only_dates = validate_file(
        document, Options((str(schema),), resources=tei_resources, phase="dates")
    ).diagnostics
    assert [(d.code, d.line) for d in only_dates] == [("sch-assert", 9)]


@pytest.mark.corpus
def test_a_rule_asking_for_a_url_is_refused_not_fetched(tmp_path: Path, tei_resources) -> None:
    schema = tmp_path / "remote.sch"
    schema.write_text(
        '<schema xmlns="http://purl.oclc.org/dsdl/schematron" queryBinding="xslt2">'
        '<pattern><rule context="/*"><assert test="name() = doc(\'https://example.org/list.xml\')//item">x'
        "</assert></rule></pattern></schema>"
    )
    document = tmp_path / "d.xml"
    document.write_text("<a/>")
    found = validate_file(document, Options((str(schema),), resources=tei_resources)).diagnostics
    assert [d.code for d in found] == ["sch-error"]
    assert "https://example.org/list.xml" in found[0].message
    assert "never fetches" in found[0].message


_ROUTING = """
import sys
from pathlib import Path
from saxonche import PySaxonProcessor
from teikit.validate.saxon import offline_catalog
tmp = Path(sys.argv[1])
catalog = tmp / "catalog.xml"
catalog.write_text(offline_catalog(tmp.as_uri() + "/"))
proc = PySaxonProcessor(license=False)
proc.set_catalog_files([str(catalog)])
stylesheet = proc.new_xslt30_processor().compile_stylesheet(stylesheet_text=sys.argv[2])
print(stylesheet.call_template_returning_string(None))
"""


def test_the_catalog_routes_every_url_kind_to_local_files(tmp_path: Path, saxonche) -> None:
    """Proof that Saxon's every way of reading a URI goes through the offline catalog: with the
    refusal prefix pointed at a folder that has the files, they are read from there. (In a
    process of its own, so that no other test's Saxon state can matter.)"""
    import subprocess

    # the resolver may take an https URI for http (xmlresolver merges the two): both folders
    for scheme in ("http", "https"):
        site = tmp_path / scheme / "example.org"
        site.mkdir(parents=True)
        (site / "a.xml").write_text("<a>from the catalog</a>")
        (site / "a.txt").write_text("text from the catalog")
        (site / "i.xsl").write_text(
            '<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">'
            '<xsl:variable name="included" select="\'included\'"/></xsl:stylesheet>'
        )
    stylesheet = (
        '<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">'
        '<xsl:include href="https://example.org/i.xsl"/>'
        '<xsl:template name="xsl:initial-template"><r>'
        "<xsl:value-of select=\"doc('https://example.org/a.xml'), "
        "document('https://example.org/a.xml'), unparsed-text('https://example.org/a.txt'), "
        '$included" separator="|"/></r></xsl:template></xsl:stylesheet>'
    )
    run = subprocess.run(
        [sys.executable, "-c", _ROUTING, str(tmp_path), stylesheet],
        capture_output=True,
        text=True,
        check=False,
    )
    assert "from the catalog|from the catalog|text from the catalog|included" in run.stdout, (
        run.stderr
    )

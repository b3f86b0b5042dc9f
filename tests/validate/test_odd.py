"""ODD customisations compiled without Java (the TEI Stylesheets' odd2odd and odd2relax on
saxonche): the four TEI exemplars compile to the very grammar the Stylesheets' own toolchain
(Saxon on Java) makes, and teikit's RELAX NG engine gives jing's verdicts on the corpus samples
against it; DraCor's ODD compiles; an ODD needing more than the TEI source has is refused with
one clear error; `teikit schema compile`; `<?xml-model?>` pointing to an ODD."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree

from teikit.cli import main
from teikit.errors import SchemaError
from teikit.io import parse_xml_file
from teikit.validate import Options, validate_file
from teikit.validate.locations import Resources
from teikit.validate.odd import CompiledOdd, compile_odd

from .conftest import ODDS, java_compile

CASES = Path(__file__).parent / "odd_cases"


@pytest.fixture(scope="session")
def compiled(corpus: Path, tei_resources: Resources) -> dict[str, CompiledOdd]:
    """Each exemplar compiled once per session (then from the disk cache)."""
    folder = corpus / "tei" / "schemas" / "odd"
    return {name: compile_odd(folder / f"{name}.odd", tei_resources) for name in ODDS}


@pytest.fixture(scope="session")
def by_java(
    corpus: Path, tei_resources: Resources, java_saxon: list[str], tmp_path_factory
) -> dict[str, Path]:
    """The reference compilation, two JVMs at a time; kept in teikit's disk cache by content (a
    cold run costs ~20 s per ODD on a busy 2-core machine)."""
    from concurrent.futures import ThreadPoolExecutor

    from teikit.validate import diskcache

    folder = corpus / "tei" / "schemas" / "odd"
    assert tei_resources.tei_source is not None

    def one(name: str) -> tuple[str, Path]:
        odd = folder / f"{name}.odd"
        key = diskcache.digest(
            "java-saxon", odd.read_bytes(), tei_resources.tei_source.read_bytes(), java_saxon[-1]
        )
        cached = diskcache.entry("test-java-odd", key, ".rng")
        if not cached.is_file():
            out = tmp_path_factory.mktemp("java-odd") / f"{name}.rng"
            java_compile(java_saxon, odd, tei_resources, out)
            diskcache.store("test-java-odd", key, ".rng", out.read_bytes())
        return name, cached if cached.is_file() else out

    with ThreadPoolExecutor(max_workers=2) as pool:
        return dict(pool.map(one, ODDS))


def _checkable(samples: list[Path]) -> list[Path]:
    """Samples jing can read (two test-suite files have a DOCTYPE naming a DTD not shipped)."""
    return [p for p in samples if b"<!DOCTYPE" not in p.read_bytes()[:4000]]


@pytest.mark.corpus
@pytest.mark.parametrize("name", ODDS)
def test_the_exemplar_compiles_to_the_stylesheets_own_grammar(
    name: str, compiled: dict[str, CompiledOdd], by_java: dict[str, Path]
) -> None:
    """Exclusive C14N: Saxon 13 and Java's Saxon 9.9 differ only in which unused namespace
    declarations a copied sch:rule keeps in scope."""
    ours = etree.tostring(etree.parse(str(compiled[name].rng)), method="c14n", exclusive=True)
    theirs = etree.tostring(etree.parse(str(by_java[name])), method="c14n", exclusive=True)
    assert ours == theirs


@pytest.mark.corpus
@pytest.mark.slow
@pytest.mark.parametrize("name", ODDS)
def test_verdicts_on_the_samples_are_jings(
    name: str, compiled: dict[str, CompiledOdd], by_java: dict[str, Path], samples, jing: str
) -> None:
    from teikit.validate.relaxng import compile_schema

    from ..conftest import run_jing

    """Verdict and first error line per sample: jing on the Java compilation, teikit's own engine
    on saxonche's."""
    files = _checkable(samples)
    run = run_jing(jing, by_java[name], *files)
    lines = [line for line in run.stdout.splitlines() if line.strip()]
    assert all(re.match(r"^/.+:\d+:\d+: (error|fatal)", line) for line in lines), lines[:3]
    jing_first: dict[str, int] = {}
    for line in lines:
        file, number = line.split(":", 2)[:2]
        jing_first.setdefault(file, int(number))
    grammar = compile_schema(compiled[name].rng)
    ours: dict[str, int] = {}
    for path in files:
        found = grammar.check(parse_xml_file(path), str(path))
        if found:
            ours[str(path)] = min(d.line for d in found)
    assert ours == jing_first
    assert len(ours) >= 20  # most samples break these smaller schemas somewhere


@pytest.mark.corpus
def test_each_exemplar_carries_its_schematron(compiled: dict[str, CompiledOdd]) -> None:
    from teikit.validate.schematron import extract

    for name, result in compiled.items():
        rules = extract(etree.parse(str(result.rng)).getroot())
        assert rules is not None and len(rules) > 10, name
        assert result.release == "4.10.0a"


@pytest.mark.corpus
def test_dracor_compiles_over_the_configured_release_and_says_so(
    corpus: Path, tei_resources: Resources
) -> None:
    odd = corpus / "tei" / "schemas" / "project-schemas" / "dracor" / "dracor.odd"
    result = compile_odd(odd, tei_resources)
    assert result.asked == "4.12.0" and result.release == "4.10.0a"
    assert result.notes[0].startswith("the ODD asks for TEI 4.12.0; compiled over")
    play = corpus / "tei" / "samples" / "dracor" / "dracor-schema_tst000000-base.xml"
    found = validate_file(play, Options((str(odd),), resources=tei_resources, refs="off"))
    assert found.schemas == ["dracor.odd", "dracor.odd#schematron"]
    assert not [d for d in found.diagnostics if d.code.startswith("schema-")]


@pytest.mark.corpus
def test_an_odd_needing_a_newer_release_gets_one_clear_error(tei_resources: Resources) -> None:
    with pytest.raises(SchemaError) as caught:
        compile_odd(CASES / "needs-newer-release.odd", tei_resources)
    message = str(caught.value)
    assert "elementSpec 'hologram'" in message and "line 20" in message
    assert "TEI 4.10.0a" in message and "the ODD asks for TEI 9.9.9" in message
    assert "--tei-source" in message and "\n" not in message


@pytest.mark.corpus
def test_an_odd_taking_specs_from_a_url_is_refused(tei_resources: Resources) -> None:
    with pytest.raises(SchemaError, match=r"https://example.org/p5subset-custom.xml.*not fetch"):
        compile_odd(CASES / "remote-source.odd", tei_resources)


@pytest.mark.corpus
def test_compiled_schemas_are_cached_by_content(
    corpus: Path, tei_resources: Resources, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    odd = tmp_path / "tei_speech.odd"
    odd.write_bytes((corpus / "tei" / "schemas" / "odd" / "tei_speech.odd").read_bytes())
    first = compile_odd(odd, tei_resources)
    again = compile_odd(odd, tei_resources)
    assert not first.cached and again.cached and again.rng == first.rng
    assert first.rng.is_relative_to(tmp_path / "cache" / "teikit" / "odd")
    odd.write_bytes(
        odd.read_bytes().replace(b'<moduleRef key="spoken"', b'<moduleRef  key="spoken"')
    )
    assert not compile_odd(odd, tei_resources).cached  # changed content, new entry


@pytest.mark.corpus
def test_xml_model_pointing_to_an_odd(
    corpus: Path, tei_resources: Resources, tmp_path: Path
) -> None:
    odd = tmp_path / "speech.odd"
    odd.write_bytes((corpus / "tei" / "schemas" / "odd" / "tei_speech.odd").read_bytes())
    sample = corpus / "tei" / "samples" / "teic-p5-test" / "testspoken.xml"
    root = parse_xml_file(sample).getroot()
    document = tmp_path / "spoken.xml"
    document.write_bytes(
        b'<?xml-model href="speech.odd" type="application/xml" '
        b'schematypens="http://relaxng.org/ns/structure/1.0"?>\n'
        b'<?xml-model href="speech.odd" type="application/xml" '
        b'schematypens="http://purl.oclc.org/dsdl/schematron"?>\n'
        + etree.tostring(root, encoding="UTF-8")
    )
    result = validate_file(document, Options(resources=tei_resources, refs="off"))
    assert result.schemas == ["speech.odd", "speech.odd#schematron"]
    assert not result.unchecked


@pytest.mark.corpus
def test_schema_compile_command(
    corpus: Path, tei_resources: Resources, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TEIKIT_TEI_SOURCE", str(tei_resources.tei_source))
    monkeypatch.setenv("TEIKIT_TEI_STYLESHEETS", str(tei_resources.stylesheets))
    odd = corpus / "tei" / "schemas" / "odd" / "tei_lite.odd"
    rng, sch = tmp_path / "lite.rng", tmp_path / "lite.sch"
    result = CliRunner().invoke(
        main, ["schema", "compile", str(odd), "-o", str(rng), "--schematron", str(sch)]
    )
    assert result.exit_code == 0, result.output
    assert etree.parse(str(rng)).getroot().tag == "{http://relaxng.org/ns/structure/1.0}grammar"
    rules = etree.parse(str(sch)).getroot()
    assert rules.tag == "{http://purl.oclc.org/dsdl/schematron}schema"
    assert rules.get("queryBinding") == "xslt2" and len(rules) > 10
    bad = tmp_path / "bad.odd"
    bad.write_text("<TEI><unclosed></TEI>")
    failed = CliRunner().invoke(main, ["schema", "compile", str(bad)])
    assert failed.exit_code == 2
    assert re.fullmatch(
        rf"teikit: error: {re.escape(str(bad))}:1:\d+: not well-formed: .*\n", failed.stderr
    )
    newer = CliRunner().invoke(main, ["schema", "compile", str(CASES / "needs-newer-release.odd")])
    assert newer.exit_code == 2 and "hologram" in newer.stderr and newer.stderr.count("\n") == 1

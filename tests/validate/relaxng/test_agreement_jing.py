"""teikit's RELAX NG engine against jing, the TEI community's reference validator.

For every XML file under the corpus's tei/ folder and every schema (tei_all, tei_lite,
tei_simplePrint, the DraCor and ELTeC project schemas), teikit must give jing's verdict and, for
invalid files, report its first error on the same line. Files jing cannot judge (a DOCTYPE naming
a DTD that is not there makes it stop with "fatal") are left out and listed.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from lxml import etree

from teikit.validate.relaxng import compile_schema

from ...conftest import run_jing

pytestmark = pytest.mark.corpus

SCHEMAS = [
    "tei_all.rng",
    "tei_lite.rng",
    "tei_simplePrint.rng",
    "project-schemas/dracor/dracor.rng",
    "project-schemas/eltec/eltec-0.rng",
    "project-schemas/eltec/eltec-1.rng",
    "project-schemas/eltec/eltec-2.rng",
]
_LINE = re.compile(r"^(?P<file>.+?\.xml):(?P<line>\d+):(?P<col>\d+): (?P<kind>error|fatal): ")


def _jing_first_errors(jing: str, schema: Path, files: list[Path]) -> tuple[dict, set]:
    """file → (line, col) of jing's first error; and the files jing could not judge."""
    first: dict[str, tuple[int, int]] = {}
    unjudged: set[str] = set()
    with_doctype = [f for f in files if b"<!DOCTYPE" in f.read_bytes()[:4096]]
    plain = [f for f in files if f not in with_doctype]
    outputs = [run_jing(jing, schema, *plain).stdout]
    for f in with_doctype:  # a fatal error stops jing's whole batch, so these go one by one
        out = run_jing(jing, schema, f).stdout
        if "fatal" in out:
            unjudged.add(str(f))
        else:
            outputs.append(out)
    for out in outputs:
        for line in out.splitlines():
            m = _LINE.match(line)
            if m:
                first.setdefault(m["file"], (int(m["line"]), int(m["col"])))
            elif line.startswith("fatal:"):
                raise AssertionError(f"jing stopped: {line}")
    return first, unjudged


@pytest.fixture(scope="module")
def corpus_files(corpus: Path) -> list[Path]:
    return sorted((corpus / "tei").rglob("*.xml"))


@pytest.mark.parametrize("schema_name", SCHEMAS)
def test_same_verdict_and_first_error_line_as_jing(
    schema_name: str, corpus: Path, corpus_files: list[Path], jing: str
) -> None:
    schema_path = corpus / "tei" / "schemas" / schema_name
    jing_first, unjudged = _jing_first_errors(jing, schema_path, corpus_files)
    schema = compile_schema(schema_path)
    parser = etree.XMLParser(
        collect_ids=False, huge_tree=True, no_network=True, resolve_entities=False, load_dtd=False
    )
    disagreements = []
    judged = 0
    for path in corpus_files:
        if str(path) in unjudged:
            continue
        judged += 1
        errors = schema.check(etree.parse(str(path), parser), str(path))
        expected = jing_first.get(str(path))
        mine = (errors[0].line, errors[0].col) if errors else None
        if (expected is None) != (mine is None) or (mine and mine[0] != expected[0]):  # type: ignore[index]
            first = errors[0].message[:120] if errors else ""
            disagreements.append(f"{path.name}: jing {expected}, teikit {mine} {first}")
    assert judged >= 70, f"only {judged} files were judged"
    assert not disagreements, "\n".join(disagreements)


def test_streaming_walk_agrees_with_the_tree_walk(corpus: Path, corpus_files: list[Path]) -> None:
    """check_file (iterparse, bounded memory) must give the tree walk's diagnostics on real TEI."""
    schema = compile_schema(corpus / "tei" / "schemas" / "tei_all.rng")
    parser = etree.XMLParser(
        collect_ids=False, resolve_entities=False, no_network=True, huge_tree=True
    )
    compared = 0
    for path in corpus_files:
        try:
            tree = etree.parse(str(path), parser)
        except etree.XMLSyntaxError:
            continue
        whole = [str(d) for d in schema.check(tree, str(path))]
        assert [str(d) for d in schema.check_file(path)] == whole, path
        compared += 1
    assert compared >= 60

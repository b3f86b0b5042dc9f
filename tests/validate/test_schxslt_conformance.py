"""SchXslt2's own conformance cases (ISO Schematron 2020, XSLT 3.0 binding, and its bugs and
features cases), run through teikit's pipeline: schematron.transpile (disk cache, offline
catalog) and the validation stylesheet on teikit's Saxon, each case's expected outcome (valid,
invalid or error) and its assertions over the SVRL."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from lxml import etree

TC = "https://doi.org/10.5281/zenodo.5679629#"
SCH = "http://purl.oclc.org/dsdl/schematron"
SVRL = "http://purl.oclc.org/dsdl/svrl"


def _suite(path: Path) -> list[Path]:
    root = etree.parse(str(path)).getroot()
    out: list[Path] = []
    for node in root:
        href = node.get("href")
        if not href:
            continue
        target = (path.parent / href).resolve()
        if node.tag == f"{{{TC}}}include":
            out.extend(_suite(target))
        elif node.tag == f"{{{TC}}}testcase":
            out.append(target)
    return out


def _cases() -> list[Path]:
    corpus = os.environ.get("TEIKIT_CORPUS")
    if not corpus:
        return []
    tests = Path(corpus) / "schematron" / "schxslt2" / "src" / "test"
    if not tests.is_dir():
        return []
    cases = _suite(tests / "conformance" / "testsuites" / "2020-xslt3.xml")
    cases += _suite(tests / "bugs-and-features.xml")
    return sorted(set(cases))


CASES = _cases()


def _outcome(case: Path, schxslt: Path, tmp: Path) -> tuple[str, etree._Element | None]:
    from teikit.errors import SchemaError
    from teikit.validate.saxon import processor
    from teikit.validate.schematron import transpile

    root = etree.parse(str(case)).getroot()
    schema = root.find(f"{{{TC}}}schemas/{{{SCH}}}schema")
    assert schema is not None, case
    documents = root.findall(f"{{{TC}}}documents/{{{TC}}}document")
    for document in documents:
        (tmp / document.get("filename", "document.xml")).write_bytes(
            etree.tostring(next(iter(document)))
        )
    primary = tmp / documents[0].get("filename", "document.xml")
    standalone = etree.fromstring(etree.tostring(schema))
    try:
        xslt = transpile(
            standalone, schxslt, base_uri=(tmp / "schema.sch").as_uri(), phase=root.get("phase", "")
        )
        saxon = processor()
        stylesheet = saxon.compile_text(xslt, (tmp / "schema.sch").as_uri())
        node = saxon.parse(primary.read_text(encoding="utf-8"), primary.as_uri())
        out = stylesheet.transform_to_string(xdm_node=node)
    except SchemaError:
        return "error", None
    except Exception:  # PySaxonApiError: a dynamic error the case expects
        return "error", None
    svrl = etree.fromstring(out.encode("utf-8"))
    findings = svrl.findall(f".//{{{SVRL}}}failed-assert") + svrl.findall(
        f".//{{{SVRL}}}successful-report"
    )
    return ("invalid" if findings else "valid"), svrl


@pytest.mark.corpus
@pytest.mark.parametrize("case", CASES, ids=[f"{c.parent.name}/{c.stem}" for c in CASES])
def test_schxslt2_conformance(case: Path, schxslt: Path, saxonche: None, tmp_path: Path) -> None:
    from teikit.validate.saxon import processor

    root = etree.parse(str(case)).getroot()
    label = root.findtext(f"{{{TC}}}label") or case.stem
    outcome, svrl = _outcome(case, schxslt, tmp_path)
    assert outcome == root.get("expect"), label
    if svrl is None:
        return
    saxon = processor()
    xpath = saxon.proc.new_xpath_processor()
    holder = root.find(f"{{{TC}}}assertions")
    for prefix, uri in (holder.nsmap if holder is not None else {}).items():
        if prefix:
            xpath.declare_namespace(prefix, uri)
    xpath.declare_namespace("svrl", SVRL)
    xpath.set_context(xdm_item=saxon.parse(etree.tostring(svrl, encoding="unicode")))
    for assertion in root.findall(f"{{{TC}}}assertions/{{{TC}}}assertion"):
        test = assertion.get("assert", "")
        assert xpath.effective_boolean_value(test), f"{test} ({label})"


def test_the_conformance_suite_is_found_when_the_corpus_is_set() -> None:
    if os.environ.get("TEIKIT_CORPUS"):
        assert len(CASES) >= 80

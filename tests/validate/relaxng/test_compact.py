"""RELAX NG compact syntax: read through rnc2rng, judged by teikit's engine, gaps refused."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from teikit.cli import main
from teikit.errors import SchemaError
from teikit.validate.relaxng import compile_schema

SCHEMA = """\
default namespace = "http://www.tei-c.org/ns/1.0"
datatypes xsd = "http://www.w3.org/2001/XMLSchema-datatypes"
# A comment mentioning include "elsewhere.rnc" { } must not count as an include.
start = TEI
TEI = element TEI { attribute n { xsd:integer }?, ((p | note)+ & head*) }
p = element p { mixed { hi* } }
hi = element hi { attribute rend { "italic" | "bold" }, text }
note = element note { attribute place { list { token+ } }?, text }
head = element head { text }
"""
NS = 'xmlns="http://www.tei-c.org/ns/1.0"'


def _check(tmp_path: Path, schema: str, instance: str) -> list:
    (tmp_path / "s.rnc").write_text(schema, encoding="utf-8")
    doc = tmp_path / "d.xml"
    doc.write_text(instance, encoding="utf-8")
    return compile_schema(tmp_path / "s.rnc").check_file(doc)


@pytest.mark.parametrize(
    "instance",
    [
        f'<TEI {NS} n="3"><head>h</head><p>a <hi rend="bold">b</hi></p>'
        '<note place="a b">n</note></TEI>',
        f"<TEI {NS}><p/></TEI>",
    ],
)
def test_valid_instances(tmp_path: Path, instance: str) -> None:
    assert _check(tmp_path, SCHEMA, instance) == []


@pytest.mark.parametrize(
    "instance, code",
    [
        (f'<TEI {NS} n="x"><p/></TEI>', "rng-bad-value"),
        (f'<TEI {NS}><p><hi rend="under">b</hi></p></TEI>', "rng-bad-value"),
        (f"<TEI {NS}><head/></TEI>", "rng-incomplete"),
        (f"<TEI {NS}><p><p/></p></TEI>", "rng-element-not-allowed"),
        (f'<TEI {NS}><note place="">n</note></TEI>', "rng-bad-value"),
        ("<TEI><p/></TEI>", "rng-element-not-allowed"),
    ],
)
def test_invalid_instances(tmp_path: Path, instance: str, code: str) -> None:
    assert [d.code for d in _check(tmp_path, SCHEMA, instance)][:1] == [code]


def test_local_include(tmp_path: Path) -> None:
    (tmp_path / "lib.rnc").write_text("head = element head { text }\n", encoding="utf-8")
    schema = 'default namespace = "urn:x"\ninclude "lib.rnc"\nstart = element a { head+ }\n'
    assert _check(tmp_path, schema, '<a xmlns="urn:x"><head/></a>') == []
    assert _check(tmp_path, schema, '<a xmlns="urn:x"><p/></a>')


@pytest.mark.parametrize(
    "schema, reason",
    [
        ('include "lib.rnc" { start = element b { text } }\n', "overriding definitions"),
        ('include "lib.rnc" inherit = x {\n start = element b { text } }\n', "overriding"),
        (
            'include "https://example.org/lib.rnc"\nstart = element a { text }\n',
            "never the network",
        ),
        ("start = element a { text \n", "compact syntax error"),
        ('start = element a { external "x.rnc" }\n', "compact syntax error"),
    ],
)
def test_unsupported_or_broken_schemas_are_refused(
    tmp_path: Path, schema: str, reason: str
) -> None:
    (tmp_path / "lib.rnc").write_text("head = element head { text }\nstart = head\n")
    (tmp_path / "s.rnc").write_text(schema, encoding="utf-8")
    with pytest.raises(SchemaError, match=reason):
        compile_schema(tmp_path / "s.rnc")


def test_xml_model_declaring_compact_syntax(tmp_path: Path) -> None:
    (tmp_path / "s.rnc").write_text(SCHEMA, encoding="utf-8")
    doc = tmp_path / "d.xml"
    doc.write_text(
        '<?xml-model href="s.rnc" type="application/relax-ng-compact-syntax"?>\n'
        f'<TEI {NS}>\n<p><hi rend="under">b</hi></p></TEI>\n'
    )
    result = CliRunner().invoke(main, ["validate", str(doc)])
    assert result.exit_code == 1
    assert f"{doc}:3:" in result.output and "rng-bad-value" in result.output

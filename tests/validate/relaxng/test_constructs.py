# ruff: noqa: E501  (the schemas and instances are data, kept one per line)
"""The RELAX NG engine, construct by construct (RELAX NG specification, sections 3-7).

Each case is a small schema with instances that must be valid and instances that must not. The
schemas use the XML syntax; `S(...)` wraps a start pattern in a grammar.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from teikit.errors import InputError, SchemaError
from teikit.validate.relaxng import compile_schema

RNG = 'xmlns="http://relaxng.org/ns/structure/1.0"'
XSD = 'datatypeLibrary="http://www.w3.org/2001/XMLSchema-datatypes"'


def S(body: str, extra: str = "") -> str:
    return f"<grammar {RNG} {XSD} {extra}><start>{body}</start>{extra and ''}</grammar>"


CASES = {
    "element and text": (
        S('<element name="a"><text/></element>'),
        ["<a/>", "<a>hi</a>"],
        ["<b/>", "<a><b/></a>"],
    ),
    "empty": (S('<element name="a"><empty/></element>'), ["<a/>", "<a>  </a>"], ["<a>x</a>"]),
    "group keeps order": (
        S(
            '<element name="a"><element name="b"><empty/></element><element name="c"><empty/></element></element>'
        ),
        ["<a><b/><c/></a>"],
        ["<a><c/><b/></a>", "<a><b/></a>"],
    ),
    "choice": (
        S(
            '<element name="a"><choice><element name="b"><empty/></element><element name="c"><empty/></element></choice></element>'
        ),
        ["<a><b/></a>", "<a><c/></a>"],
        ["<a/>", "<a><b/><c/></a>"],
    ),
    "interleave in any order": (
        S(
            '<element name="a"><interleave><element name="b"><empty/></element><element name="c"><empty/></element></interleave></element>'
        ),
        ["<a><b/><c/></a>", "<a><c/><b/></a>"],
        ["<a><b/></a>", "<a><b/><b/><c/></a>"],
    ),
    "optional, zeroOrMore, oneOrMore": (
        S(
            '<element name="a"><optional><element name="b"><empty/></element></optional>'
            '<zeroOrMore><element name="c"><empty/></element></zeroOrMore>'
            '<oneOrMore><element name="d"><empty/></element></oneOrMore></element>'
        ),
        ["<a><d/></a>", "<a><b/><c/><c/><d/><d/></a>"],
        ["<a/>", "<a><b/><b/><d/></a>", "<a><d/><c/></a>"],
    ),
    "mixed": (
        S(
            '<element name="a"><mixed><zeroOrMore><element name="b"><empty/></element></zeroOrMore></mixed></element>'
        ),
        ["<a>x<b/>y<b/>z</a>", "<a/>"],
        ["<a><c/></a>"],
    ),
    "text not allowed between elements": (
        S('<element name="a"><element name="b"><empty/></element></element>'),
        ["<a>\n  <b/>\n</a>"],
        ["<a>x<b/></a>"],
    ),
    "attributes, required and optional": (
        S(
            '<element name="a"><attribute name="x"/><optional><attribute name="y"><value>1</value></attribute></optional></element>'
        ),
        ['<a x="anything"/>', '<a x="" y=" 1 "/>'],
        ["<a/>", '<a x="1" y="2"/>', '<a x="1" z="1"/>'],
    ),
    "attribute order does not matter": (
        S('<element name="a"><attribute name="x"/><attribute name="y"/></element>'),
        ['<a y="1" x="2"/>'],
        ['<a x="1"/>'],
    ),
    "value: token normalises, string does not": (
        S(
            '<element name="a"><attribute name="t"><value>a b</value></attribute>'
            '<attribute name="s"><value type="string" datatypeLibrary="">a b</value></attribute></element>'
        ),
        ['<a t="  a   b " s="a b"/>'],
        ['<a t="a b" s=" a b"/>', '<a t="ab" s="a b"/>'],
    ),
    "data with facets": (
        S(
            '<element name="a"><attribute name="n"><data type="integer"><param name="minInclusive">1</param>'
            '<param name="maxInclusive">10</param></data></attribute>'
            '<attribute name="w"><data type="token"><param name="pattern">[A-Z]{2}\\d+</param></data></attribute>'
            '<attribute name="l"><data type="string"><param name="maxLength">3</param></data></attribute></element>'
        ),
        ['<a n="1" w="AB12" l="abc"/>', '<a n=" 10 " w="ZZ0" l=""/>'],
        [
            '<a n="0" w="AB1" l="a"/>',
            '<a n="5" w="ab1" l="a"/>',
            '<a n="5" w="AB1" l="abcd"/>',
            '<a n="x" w="AB1" l=""/>',
        ],
    ),
    "data except": (
        S(
            '<element name="a"><data type="NCName"><except><value>no</value></except></data></element>'
        ),
        ["<a>yes</a>", "<a> maybe </a>"],
        ["<a>no</a>", "<a>a:b</a>", "<a/>"],
    ),
    "xsd dates and numbers": (
        S(
            '<element name="a"><attribute name="d"><data type="date"/></attribute>'
            '<attribute name="y"><data type="gYear"/></attribute><attribute name="f"><data type="double"/></attribute>'
            '<attribute name="b"><data type="boolean"/></attribute></element>'
        ),
        [
            '<a d="2024-02-29" y="-0044" f="1.5e3" b="true"/>',
            '<a d="1924-01-10Z" y="1924" f="INF" b="0"/>',
        ],
        [
            '<a d="2023-02-29" y="1924" f="1" b="true"/>',
            '<a d="1924-1-10" y="1924" f="1" b="true"/>',
            '<a d="1924-01-10" y="24" f="1" b="true"/>',
            '<a d="1924-01-10" y="1924" f="1,5" b="yes"/>',
        ],
    ),
    "list": (
        S('<element name="a"><list><oneOrMore><data type="integer"/></oneOrMore></list></element>'),
        ["<a>1 2 3</a>", "<a> 4 </a>"],
        ["<a/>", "<a>1 x</a>"],
    ),
    "notAllowed": (
        S('<element name="a"><choice><notAllowed/><empty/></choice></element>'),
        ["<a/>"],
        ["<a>x</a>"],
    ),
    "anyName with except, nsName": (
        S(
            '<element><anyName><except><nsName ns="urn:x"/></except></anyName><zeroOrMore>'
            '<element><nsName ns="urn:y"/><empty/></element></zeroOrMore></element>'
        ),
        ["<a/>", '<q:b xmlns:q="urn:z"><y:c xmlns:y="urn:y"/></q:b>'],
        ['<x:a xmlns:x="urn:x"/>', "<a><c/></a>"],
    ),
    "name class choice": (
        S("<element><choice><name>a</name><name>b</name></choice><empty/></element>"),
        ["<a/>", "<b/>"],
        ["<c/>"],
    ),
    "ns is inherited, attributes have no namespace": (
        f'<element {RNG} ns="urn:t" name="a"><attribute name="x"/><element name="b"><empty/></element></element>',
        ['<a xmlns="urn:t" x="1"><b/></a>'],
        ['<a x="1"><b/></a>', '<t:a xmlns:t="urn:t" t:x="1"><t:b/></t:a>'],
    ),
    "QName prefix in a name": (
        f'<element {RNG} xmlns:t="urn:t" name="t:a"><attribute name="xml:lang"/><empty/></element>',
        ['<a xmlns="urn:t" xml:lang="en"/>'],
        ['<a xml:lang="en"/>'],
    ),
    "defines, refs and combine": (
        f'<grammar {RNG}><start><element name="a"><ref name="c"/></element></start>'
        '<define name="c" combine="choice"><element name="b"><empty/></element></define>'
        '<define name="c" combine="choice"><element name="c"><empty/></element></define>'
        '<define name="att"><attribute name="x"/></define>'
        '<define name="att" combine="interleave"><attribute name="y"/></define>'
        '<div><start combine="choice"><element name="z"><ref name="att"/></element></start></div></grammar>',
        ["<a><b/></a>", "<a><c/></a>", '<z y="1" x="2"/>'],
        ["<a/>", '<z x="1"/>'],
    ),
    "recursion through elements": (
        f'<grammar {RNG}><start><ref name="node"/></start><define name="node"><element name="n">'
        '<zeroOrMore><ref name="node"/></zeroOrMore></element></define></grammar>',
        ["<n><n><n/></n><n/></n>"],
        ["<n><m/></n>"],
    ),
    "nested grammar and parentRef": (
        f'<grammar {RNG}><start><element name="a"><grammar><start><element name="b">'
        '<parentRef name="leaf"/></element></start></grammar></element></start>'
        '<define name="leaf"><element name="c"><empty/></element></define></grammar>',
        ["<a><b><c/></b></a>"],
        ["<a><b/></a>"],
    ),
    "ID uniqueness": (
        S(
            '<element name="a"><zeroOrMore><element name="b"><attribute name="id"><data type="ID"/></attribute></element></zeroOrMore>'
            '<zeroOrMore><element name="r"><attribute name="to"><data type="IDREF"/></attribute></element></zeroOrMore></element>'
        ),
        ['<a><b id="x"/><b id="y"/><r to="x"/></a>'],
        ['<a><b id="x"/><b id="x"/></a>', '<a><b id="x"/><r to="z"/></a>'],
    ),
}


def _check(schema_text: str, instance: str, tmp_path: Path) -> list:
    path = tmp_path / "s.rng"
    path.write_text(schema_text, encoding="utf-8")
    schema = compile_schema(path)
    doc = tmp_path / "d.xml"
    doc.write_text(instance, encoding="utf-8")
    whole = schema.check(etree.parse(str(doc), etree.XMLParser(collect_ids=False)), str(doc))
    streamed = schema.check_file(doc)  # the streaming walk must judge exactly as the tree walk
    assert [str(d) for d in streamed] == [str(d) for d in whole]
    return whole


@pytest.mark.parametrize("name", sorted(CASES))
def test_construct(name: str, tmp_path: Path) -> None:
    schema_text, valid, invalid = CASES[name]
    for instance in valid:
        assert _check(schema_text, instance, tmp_path) == [], f"{name}: {instance} should be valid"
    for instance in invalid:
        errors = _check(schema_text, instance, tmp_path)
        assert errors, f"{name}: {instance} should be invalid"
        assert all(e.line >= 1 for e in errors), errors


def test_include_with_override_and_external_ref(tmp_path: Path) -> None:
    (tmp_path / "lib.rng").write_text(
        f'<grammar {RNG}><start><element name="a"><ref name="inner"/><externalRef href="leaf.rng"/></element></start>'
        '<define name="inner"><element name="old"><empty/></element></define></grammar>'
    )
    (tmp_path / "leaf.rng").write_text(f'<element {RNG} name="leaf"><empty/></element>')
    main = (
        f'<grammar {RNG}><include href="lib.rng">'
        '<define name="inner"><element name="new"><empty/></element></define></include></grammar>'
    )
    assert _check(main, "<a><new/><leaf/></a>", tmp_path) == []
    assert _check(main, "<a><old/><leaf/></a>", tmp_path)


def test_every_independent_error_is_reported(tmp_path: Path) -> None:
    schema = S(
        '<element name="a"><zeroOrMore><element name="b"><attribute name="n"><data type="integer"/></attribute></element></zeroOrMore></element>'
    )
    errors = _check(schema, '<a>\n<b n="x"/>\n<c/>\n<b/>\n<b n="1" m="2"/>\n</a>', tmp_path)
    assert [(e.line, e.code) for e in errors] == [
        (2, "rng-bad-value"),
        (3, "rng-element-not-allowed"),
        (4, "rng-missing-attribute"),
        (5, "rng-attribute-not-allowed"),
    ]


def test_incomplete_is_reported_at_the_end_tag(tmp_path: Path) -> None:
    schema = S(
        '<element name="a"><element name="b"><empty/></element><element name="c"><empty/></element></element>'
    )
    errors = _check(schema, "<a>\n<b/>\n</a>", tmp_path)
    assert [(e.line, e.col, e.code) for e in errors] == [(3, 5, "rng-incomplete")]
    assert '"c"' in errors[0].message


# The positions and messages below are jing's on the same schema and instance (jing 20091111).
# Where jing repeats itself teikit does not: a text error once per text rather than once per line,
# and no stale message repeated at the end tag of an element inside an unknown one.
TWO_PARTS = S(
    '<element name="a"><element name="b"><empty/></element><element name="c"><empty/></element>'
    '<zeroOrMore><element name="d"><text/></element></zeroOrMore></element>'
)


def test_an_element_too_early_is_not_allowed_yet_and_validation_goes_on_after_it(
    tmp_path: Path,
) -> None:
    errors = _check(TWO_PARTS, "<a>\n<c/>\n<d>x</d>\n</a>", tmp_path)
    assert [(e.line, e.col, e.message) for e in errors] == [
        (2, 5, 'element "c" not allowed yet; missing required element "b"')
    ]


def test_incomplete_names_what_is_missing(tmp_path: Path) -> None:
    errors = _check(TWO_PARTS, "<a>\n</a>", tmp_path)
    assert [e.message for e in errors] == ['element "a" incomplete; missing required element "b"']


def test_text_not_allowed_is_placed_at_the_end_of_its_first_line(tmp_path: Path) -> None:
    errors = _check(TWO_PARTS, "<a>\n  <b/> stray\n  words <c/>\n</a>", tmp_path)
    assert [(e.line, e.col) for e in errors] == [(2, 13)]
    assert errors[0].message == 'text not allowed here; expected element "c"'


def test_text_not_allowed_does_not_hide_an_incomplete_element(tmp_path: Path) -> None:
    errors = _check(TWO_PARTS, "<a>oops</a>", tmp_path)
    assert [(e.line, e.col, e.code) for e in errors] == [
        (1, 8, "rng-text-not-allowed"),
        (1, 12, "rng-incomplete"),
    ]


def test_known_elements_inside_an_unknown_one_are_still_checked(tmp_path: Path) -> None:
    errors = _check(TWO_PARTS, '<a>\n<x>\n<y/>\n<d n="1">t</d>\n</x>\n<b/><c/>\n</a>', tmp_path)
    assert [(e.line, e.col, e.message) for e in errors] == [
        (2, 4, 'element "x" not allowed anywhere; expected element "b"'),
        (4, 10, 'found attribute "n", but no attributes allowed here'),
    ]


def test_names_follow_the_documents_namespace_declarations(tmp_path: Path) -> None:
    schema = S(
        '<element name="a" ns="urn:t"><element name="b" ns="urn:t"><empty/></element></element>'
    )
    prefixed = _check(schema, '<t:a xmlns:t="urn:t"><t:z/></t:a>', tmp_path)
    assert [e.message for e in prefixed] == [
        'element "t:z" not allowed anywhere; expected element "t:b"',
        'element "t:a" incomplete; missing required element "t:b"',
    ]
    other_default = _check(schema, '<a xmlns="urn:t"><z xmlns="urn:other"/></a>', tmp_path)
    assert [e.message for e in other_default] == [
        'element "z" not allowed anywhere; expected element "ns:b" (with xmlns:ns="urn:t")',
        'element "a" incomplete; missing required element "b"',
    ]


def test_a_duplicate_id_points_back_at_the_first(tmp_path: Path) -> None:
    schema = S(
        '<element name="a"><oneOrMore><element name="b"><attribute name="id"><data type="ID"/></attribute></element></oneOrMore></element>'
    )
    errors = _check(schema, '<a>\n<b id="x"/>\n<b id="x"/>\n</a>', tmp_path)
    assert [(e.line, e.col, e.message) for e in errors] == [
        (3, 12, 'ID "x" has already been defined'),
        (2, 12, 'first occurrence of ID "x"'),
    ]


@pytest.mark.parametrize(
    "schema_text, reason",
    [
        (S('<ref name="missing"/>'), "undefined"),
        (
            f'<grammar {RNG}><start><ref name="x"/></start><define name="x"><ref name="x"/></define></grammar>',
            "itself",
        ),
        (S('<element name="a"><data type="nonsense"/></element>'), "nonsense"),
        (S('<externalRef href="http://example.org/x.rng"/>'), "network"),
    ],
)
def test_bad_schemas_are_refused(schema_text: str, reason: str, tmp_path: Path) -> None:
    path = tmp_path / "s.rng"
    path.write_text(schema_text, encoding="utf-8")
    with pytest.raises(SchemaError, match=reason):
        schema = compile_schema(path)
        schema.check(etree.fromstring(b"<a/>").getroottree(), "x.xml")


def test_streaming_check_reports_malformed_input_with_its_position(tmp_path: Path) -> None:
    path = tmp_path / "s.rng"
    path.write_text(S('<element name="a"><text/></element>'), encoding="utf-8")
    doc = tmp_path / "d.xml"
    doc.write_text("<a>\n<b></a>", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        compile_schema(path).check_file(doc)
    assert (caught.value.line, caught.value.file) == (2, str(doc))


def test_text_around_comments_pis_and_entity_references_is_the_elements_text(
    tmp_path: Path,
) -> None:
    """The tree walk takes lxml's events; a comment, PI or unexpanded entity reference is not
    an element, and the text after it still belongs to the element around it."""
    (tmp_path / "s.rng").write_text(
        S(
            '<element name="a"><text/><element name="b"><data type="integer"/></element><text/></element>'
        )
    )
    schema = compile_schema(tmp_path / "s.rng")
    parser = etree.XMLParser(resolve_entities=False)
    entity = b'<!DOCTYPE a [<!ENTITY e "x">]>'
    cases = {
        entity + b"<a>t&e;u<b>1</b>v</a>": [],
        entity + b"<a>t<b>&e;</b>v</a>": [(4, 15, "rng-incomplete")],  # line 4: re-serialised
        b"<a>t<!--c-->u<b>1<!--x-->2</b>v<?p q?>w</a>": [],
        b"<a><b> <!--c--> 3 <?p?></b></a>": [],
        b"<a><b>1<!--c-->x</b></a>": [(1, 21, "rng-bad-value")],
        b"<a>t<b>1</b><b>2</b></a>": [(1, 16, "rng-element-not-allowed")],
    }
    for document, expected in cases.items():
        tree = etree.ElementTree(etree.fromstring(document, parser))
        found = [(d.line, d.col, d.code) for d in schema.check(tree, "")]
        assert found == expected, document


def test_recovery_finds_definitions_from_a_document_read_after_the_first_error(
    tmp_path: Path,
) -> None:
    """Definitions of an element outside its parent's model are looked up in a name index; an
    externalRef in content compiled later brings in a document the index must then cover."""
    (tmp_path / "main.rng").write_text(
        S(
            '<element name="a"><optional><element name="x"><externalRef href="ext.rng"/></element></optional>'
            '<element name="z"><empty/></element></element>'
        )
    )
    (tmp_path / "ext.rng").write_text(S('<element name="leaf"><attribute name="n"/></element>', ""))
    schema = compile_schema(tmp_path / "main.rng")
    first = schema.check(etree.ElementTree(etree.fromstring(b"<a><leaf/><z/></a>")), "")
    assert [d.code for d in first] == ["rng-element-not-allowed"]  # ext.rng not read yet
    later = b'<a><x><leaf n="1"/></x><z><leaf/></z></a>'  # <x> compiles, reading ext.rng
    found = schema.check(etree.ElementTree(etree.fromstring(later)), "")
    assert [(d.col, d.code) for d in found] == [
        (34, "rng-element-not-allowed"),
        (34, "rng-missing-attribute"),  # checked against ext.rng's definition of leaf
    ]

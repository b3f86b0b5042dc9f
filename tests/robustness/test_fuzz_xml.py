"""Fuzzing the XML entry points with hostile and broken documents (hypothesis).

Inputs are XML-ish byte strings: random elements, attributes, text, character and entity
references, CDATA, comments and PIs inside a random or TEI-shaped root; prologs with odd
encodings, BOMs and ``<?xml-model?>`` declarations; DOCTYPEs with external entities (a local
secret file, ``/etc/passwd``, an http URL), parameter entities, external DTDs and billion-laughs
chains; then truncation, spliced random bytes and invalid UTF-8, or plain random bytes.

Invariants, for every input:

* ``teikit.io.parse_xml_bytes`` returns a tree or raises ``InputError``, nothing else;
* ``validate_file`` returns a result, and ``teikit validate`` exits 0, 1 or 2 without a traceback;
* ``teikit convert --to text|html|markdown|json -o OUT`` exits 0, 1 or 2 without a traceback,
  and leaves OUT behind only on success (and never a stray temporary file);
* no output contains the content of a local file the document points at, and no HTTP request
  reaches the (local) server that every remote reference in the inputs names.
"""

from __future__ import annotations

import http.server
import re
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape

import pytest
from click.testing import CliRunner, Result
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from teikit.cli import main
from teikit.errors import InputError
from teikit.io import parse_xml_bytes
from teikit.validate import FileResult, validate_file

SECRET = "FUZZ-SECRET-5c1e9b"
TEI_NS = "http://www.tei-c.org/ns/1.0"
FORMATS = ("text", "html", "markdown", "json")


def _passwd_marker() -> str:
    """A line of /etc/passwd long enough not to occur by chance in an output."""
    try:
        lines = Path("/etc/passwd").read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return ""
    return next((line for line in lines if line.count(":") >= 6 and len(line) > 20), "")


PASSWD = _passwd_marker()


@dataclass
class Sandbox:
    """A directory holding the document under test and files it must not leak, plus a local
    HTTP server that records any request (every remote URL in the inputs points at it)."""

    root: Path
    base_url: str
    hits: list[str] = field(default_factory=list)

    @property
    def doc(self) -> Path:
        return self.root / "doc.xml"

    def leaked(self, *texts: str) -> bool:
        return any(SECRET in t or (PASSWD and PASSWD in t) for t in texts)


@pytest.fixture(scope="module")
def sandbox(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Sandbox]:
    root = tmp_path_factory.mktemp("fuzz")
    (root / "secret.txt").write_text(SECRET + "\n")
    (root / "secret.xml").write_text(f"<secret>{SECRET}</secret>\n")
    (root / "secret.dtd").write_text(f'<!ENTITY leak "{SECRET}">\n')
    hits: list[str] = []

    class Recorder(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - the http.server API
            hits.append(self.path)
            body = f'<!ENTITY leak "{SECRET}">'.encode()
            self.send_response(200)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Recorder)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield Sandbox(root, f"http://127.0.0.1:{server.server_address[1]}", hits)
    finally:
        server.shutdown()
        server.server_close()


# --- strategies -------------------------------------------------------------------------------

# URL placeholders are filled in per example, once the sandbox (and its server port) is known.
HTTP = "@HTTP@"
SECRET_PATH = "@SECRET@"

NAMES = st.sampled_from(
    "TEI text body div p head sp speaker l lg note hi list item teiHeader".split()
    + ["x", "a:b", "xml:id", "1bad", "é", "-", "p p", ""]
)
ATTR_NAMES = st.sampled_from(
    "n type xml:id xml:lang rend xmlns xmlns:a a:b target ref who corresp 1x".split()
)
REFERENCES = st.sampled_from(
    "&amp; &lt; &gt; &quot; &apos; &e; &ext; &lol9; &leak; &undefined; &#65; &#x10FFFF; &#0; "
    "&#xD800; &#xFFFE; &#; & &amp %pe;".split()
)
TEXT = st.text(
    alphabet=st.characters(exclude_categories=["Cs"], max_codepoint=0x2FFFF), max_size=12
)
CHUNKS = st.one_of(
    TEXT,
    REFERENCES,
    TEXT.map(lambda t: f"<![CDATA[{t}]]>"),
    TEXT.map(lambda t: f"<!--{t}-->"),
    TEXT.map(lambda t: f"<?pi {t}?>"),
    st.sampled_from(["<", ">", "]]>", "</", "<!", "<?", "\x00", "\x0b", "\r\n", "\ufeff"]),
)
ATTRIBUTE = st.tuples(
    ATTR_NAMES,
    st.lists(st.one_of(TEXT, REFERENCES), max_size=3).map("".join),
    st.sampled_from(['"', "'", ""]),
).map(lambda a: f" {a[0]}={a[2]}{a[1]}{a[2]}")


def element(children: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    return st.tuples(
        NAMES,
        st.lists(ATTRIBUTE, max_size=3).map("".join),
        st.lists(children, max_size=4),
        st.booleans(),
    ).map(
        lambda e: (
            f"<{e[0]}{e[1]}/>" if e[3] and not e[2] else f"<{e[0]}{e[1]}>{''.join(e[2])}</{e[0]}>"
        )
    )


DIRTY_CONTENT = st.recursive(CHUNKS, element, max_leaves=25)

# Well-formed content (bar undeclared entities), so many inputs get past the parser.
XML_CHAR = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
CLEAN_TEXT = TEXT.map(lambda t: escape(XML_CHAR.sub("", t)))
CLEAN_NAMES = st.sampled_from(
    ["p", "div", "head", "hi", "note", "sp", "speaker", "l", "lg", "list", "item", "q", "lb", "pb"]
)
CLEAN_ATTRIBUTE = st.tuples(
    st.sampled_from(["n", "type", "rend", "xml:id", "xml:lang", "who", "target", "place"]),
    CLEAN_TEXT,
).map(lambda a: f' {a[0]}="{a[1]}"')


def clean_element(children: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    return st.tuples(
        CLEAN_NAMES,
        st.lists(CLEAN_ATTRIBUTE, max_size=2, unique_by=lambda a: a.split("=")[0]).map("".join),
        st.lists(children, max_size=4),
    ).map(lambda e: f"<{e[0]}{e[1]}>{''.join(e[2])}</{e[0]}>")


CLEAN_CONTENT = st.recursive(
    st.one_of(CLEAN_TEXT, CLEAN_TEXT, REFERENCES.filter(lambda r: r.endswith(";"))),
    clean_element,
    max_leaves=25,
)
CONTENT = st.one_of(CLEAN_CONTENT, DIRTY_CONTENT)


def laughs(levels: int) -> str:
    """A billion-laughs chain whose top entity is always ``lol9`` (10**levels expansions)."""
    chain = '<!ENTITY lol0 "lol">' + "".join(
        f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10}">' for i in range(1, levels + 1)
    )
    return chain.replace(f"lol{levels}", "lol9") if levels < 9 else chain


DOCTYPES = st.sampled_from(
    [
        "",
        '<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>',
        f'<!DOCTYPE TEI [<!ENTITY ext SYSTEM "file://{SECRET_PATH}/secret.txt">]>',
        '<!DOCTYPE TEI [<!ENTITY ext SYSTEM "secret.txt">]>',
        f'<!DOCTYPE TEI [<!ENTITY ext SYSTEM "{HTTP}/ext.txt">]>',
        f'<!DOCTYPE TEI SYSTEM "{HTTP}/tei.dtd">',
        '<!DOCTYPE TEI SYSTEM "secret.dtd">',
        f'<!DOCTYPE TEI PUBLIC "-//TEI//DTD TEI P5//EN" "{HTTP}/public.dtd">',
        f'<!DOCTYPE TEI [<!ENTITY % pe SYSTEM "{HTTP}/pe.dtd"> %pe;]>',
        '<!DOCTYPE TEI [<!ENTITY % pe SYSTEM "secret.dtd"> %pe;]>',
        '<!DOCTYPE TEI [<!ENTITY % pe SYSTEM "file:///etc/passwd"> %pe;]>',
        '<!DOCTYPE TEI [<!ENTITY e "<p>inner</p>">]>',
        '<!DOCTYPE TEI [<!ENTITY e "&#60;p&#62;char-ref markup&#60;/p&#62;">]>',
        '<!DOCTYPE TEI [<!ATTLIST p n CDATA "&e;"><!ENTITY e "x">]>',
        f'<!DOCTYPE TEI [<!ATTLIST p n CDATA "default"><!ENTITY ext SYSTEM "{HTTP}/a">]>',
        '<!DOCTYPE TEI [<!NOTATION gif SYSTEM "g">'
        '<!ENTITY e SYSTEM "file:///etc/passwd" NDATA gif>]>',
        f"<!DOCTYPE TEI [{laughs(9)}]>",
        f"<!DOCTYPE TEI [{laughs(3)}]>",
        "<!DOCTYPE TEI [<!ENTITY e '&e;'>]>",
        "<!DOCTYPE TEI [",
    ]
)
DECLARATIONS = st.sampled_from(
    [
        "",
        "",
        "",
        '<?xml version="1.0"?>',
        '<?xml version="1.0"?>',
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<?xml version="1.0" encoding="ISO-8859-1"?>',
        '<?xml version="1.0" encoding="UTF-16"?>',
        '<?xml version="1.0" encoding="ebcdic-xx"?>',
        '<?xml version="1.1"?>',
        '<?xml version="2.0"?>',
        "\n<?xml version='1.0'?>",
    ]
)
PROLOG_ITEMS = st.lists(
    st.sampled_from(
        [
            f'<?xml-model href="{HTTP}/tei_all.rng" type="application/xml" '
            'schematypens="http://relaxng.org/ns/structure/1.0"?>',
            '<?xml-model href="file:///etc/passwd" schematypens="http://relaxng.org/ns/structure/1.0"?>',
            '<?xml-model href="secret.txt" schematypens="http://relaxng.org/ns/structure/1.0"?>',
            '<?xml-model href="secret.txt" schematypens="http://purl.oclc.org/dsdl/schematron"?>',
            '<?xml-model href="secret.xml" schematypens="http://www.w3.org/2001/XMLSchema"?>',
            '<?xml-model href="secret.xml" type="application/xml"?>',
            '<?xml-model href="secret.dtd" type="application/xml-dtd"?>',
            '<?xml-model href="missing.xsd"?>',
            "<?xml-model href='teikit.rng'?>",
            "<!-- comment -->",
        ]
    ),
    max_size=3,
).map("\n".join)
TEI_HEAD = (
    f'<TEI xmlns="{TEI_NS}"><teiHeader><fileDesc><titleStmt><title>t</title></titleStmt>'
    "<publicationStmt><p>p</p></publicationStmt><sourceDesc><p>s</p></sourceDesc></fileDesc>"
    "</teiHeader><text><body>"
)
BODIES = st.one_of(
    CONTENT.map(lambda c: f"{TEI_HEAD}{c}</body></text></TEI>"),
    CLEAN_CONTENT.map(lambda c: f"{TEI_HEAD}{c}</body></text></TEI>"),
    CLEAN_CONTENT.map(lambda c: f"{TEI_HEAD}<div>{c}</div></body></text></TEI>"),
    CONTENT.map(lambda c: f"{TEI_HEAD}<div><p>{c}</p></div></body></text></TEI>"),
    CONTENT.map(lambda c: f"<root>{c}</root>"),
    CONTENT,
)


def encoded(codec: str, parts: tuple[str, ...]) -> bytes:
    return "\n".join(p for p in parts if p).encode(codec)


DOCUMENTS = st.builds(
    encoded,
    st.sampled_from(["utf-8", "utf-8", "utf-8", "utf-8-sig", "utf-16"]),
    st.tuples(DECLARATIONS, PROLOG_ITEMS, DOCTYPES, BODIES),
)


@st.composite
def damaged(draw: st.DrawFn, documents: st.SearchStrategy[bytes]) -> bytes:
    """A document truncated, spliced with random bytes or invalid UTF-8, or behind a lying BOM."""
    data = draw(documents)
    for _ in range(draw(st.integers(1, 3))):
        at = draw(st.integers(0, len(data)))
        kind = draw(st.sampled_from(["truncate", "splice", "utf8", "bom"]))
        if kind == "bom":  # a UTF-16 byte order mark on UTF-8 bytes
            data = b"\xff\xfe" + data
        elif kind == "truncate":
            data = data[:at]
        elif kind == "splice":
            data = data[:at] + draw(st.binary(min_size=1, max_size=8)) + data[at:]
        else:
            bad = draw(
                st.sampled_from(
                    [
                        b"\xc3\x28",
                        b"\xff",
                        b"\xed\xa0\x80",
                        b"\xf4\x90\x80\x80",
                        b"\xe2\x82",
                        b"\xc0\xaf",
                        b"\x80",
                    ]
                )
            )
            data = data[:at] + bad + data[at:]
    return data


XMLISH = st.one_of(DOCUMENTS, DOCUMENTS, damaged(DOCUMENTS), st.binary(max_size=200))


def materialise(data: bytes, box: Sandbox) -> bytes:
    return data.replace(HTTP.encode(), box.base_url.encode()).replace(
        SECRET_PATH.encode(), str(box.root).encode()
    )


# --- checks -----------------------------------------------------------------------------------

FUZZ = settings(
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)


def assert_clean_exit(result: Result, box: Sandbox, data: bytes) -> None:
    stderr = result.stderr
    assert result.exception is None or isinstance(result.exception, SystemExit), (
        f"uncaught {result.exception!r} on {data!r}"
    )
    assert result.exit_code in (0, 1, 2), (result.exit_code, data, stderr)
    assert "Traceback" not in result.output and "Traceback" not in stderr, data
    assert not box.leaked(result.output, stderr), data
    assert not box.hits, f"network request {box.hits} for {data!r}"


@settings(FUZZ, max_examples=1000)
@given(data=XMLISH)
def test_parse_xml_bytes_returns_a_tree_or_raises_input_error(
    sandbox: Sandbox, data: bytes
) -> None:
    data = materialise(data, sandbox)
    try:
        tree = parse_xml_bytes(data, file=str(sandbox.doc))
    except InputError:
        pass
    else:
        assert isinstance(tree, etree._ElementTree)
        text = etree.tostring(tree, encoding="unicode")
        assert not sandbox.leaked(text, "".join(map(str, tree.getroot().itertext()))), data
    assert not sandbox.hits, f"network request {sandbox.hits} for {data!r}"


# Loading the RELAX NG engine raises the recursion limit (validate/relaxng/__init__.py) on purpose.
@pytest.mark.filterwarnings("ignore:The recursion limit will not be reset")
@settings(FUZZ, max_examples=400)
@given(data=XMLISH, fmt=st.sampled_from(["text", "json", "junit", "github"]))
def test_validate_never_crashes(sandbox: Sandbox, data: bytes, fmt: str) -> None:
    data = materialise(data, sandbox)
    sandbox.doc.write_bytes(data)
    result = validate_file(sandbox.doc)
    assert isinstance(result, FileResult)
    assert not sandbox.leaked(*(str(d) for d in result.diagnostics)), data
    cli = CliRunner().invoke(main, ["validate", str(sandbox.doc), "--format", fmt, "-j", "1"])
    assert_clean_exit(cli, sandbox, data)


@settings(FUZZ, max_examples=300)
@given(data=XMLISH)
def test_convert_never_crashes_and_leaves_no_output_on_failure(
    sandbox: Sandbox, data: bytes
) -> None:
    data = materialise(data, sandbox)
    sandbox.doc.write_bytes(data)
    before = {p.name for p in sandbox.root.iterdir()}
    for to in FORMATS:
        out = sandbox.root / f"out.{to}"
        cli = CliRunner().invoke(main, ["convert", str(sandbox.doc), "--to", to, "-o", str(out)])
        assert_clean_exit(cli, sandbox, data)
        if cli.exit_code == 0:
            assert out.is_file(), (to, data)
            assert not sandbox.leaked(out.read_text(encoding="utf-8", errors="replace")), data
            out.unlink()
        else:
            assert not out.exists(), f"--to {to} failed (exit {cli.exit_code}) but wrote {out}"
        assert {p.name for p in sandbox.root.iterdir()} == before, "stray file after convert"


# --- broken local schemas -----------------------------------------------------------------------

SCHEMA_TYPES = {
    "relaxng": 'schematypens="http://relaxng.org/ns/structure/1.0"',
    "schematron": 'schematypens="http://purl.oclc.org/dsdl/schematron"',
    "xsd": 'schematypens="http://www.w3.org/2001/XMLSchema"',
    "dtd": 'type="application/xml-dtd"',
}


@pytest.mark.parametrize("kind", sorted(SCHEMA_TYPES))
def test_broken_local_schema_is_a_diagnostic(tmp_path: Path, kind: str) -> None:
    (tmp_path / "broken").write_text("not a schema\n")
    doc = tmp_path / "doc.xml"
    doc.write_text(f'<?xml-model href="broken" {SCHEMA_TYPES[kind]}?>\n<TEI xmlns="{TEI_NS}"/>\n')
    result = validate_file(doc)
    errors = [d for d in result.diagnostics if d.is_error]
    assert [d.code for d in errors][:1] == ["schema-error"]
    assert errors[0].line == 1 and "broken" in errors[0].message

"""Bad and hostile input: no traceback, no lost characters, no entity expansion, no network."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from teikit.cli import main
from teikit.convert import convert
from teikit.encode import EncodeOptions, encode
from teikit.errors import InputError
from teikit.io import parse_xml_bytes
from teikit.parse import parse_text
from teikit.validate import validate_file

SECRET = "TOP-SECRET-7f3a"
TEI_OPEN = '<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>t</title></titleStmt><publicationStmt><p>p</p></publicationStmt><sourceDesc><p>s</p></sourceDesc></fileDesc></teiHeader><text><body>'


def xxe(tmp_path: Path) -> Path:
    secret = tmp_path / "secret.txt"
    secret.write_text(SECRET)
    doc = tmp_path / "xxe.xml"
    doc.write_text(
        f'<?xml version="1.0"?>\n<!DOCTYPE TEI [<!ENTITY x SYSTEM "file://{secret}">]>\n'
        f"{TEI_OPEN}<p>&x;</p></body></text></TEI>"
    )
    return doc


def test_xxe_is_refused_everywhere(tmp_path: Path) -> None:
    doc = xxe(tmp_path)
    with pytest.raises(InputError, match="entit"):
        parse_xml_bytes(doc.read_bytes(), file=str(doc))
    for args in (
        ["convert", str(doc), "--to", "text"],
        ["validate", str(doc)],
        ["convert", str(doc), "--to", "html"],
    ):
        result = CliRunner().invoke(main, args)
        assert SECRET not in result.output and SECRET not in result.stderr
        assert result.exit_code in (1, 2) and "Traceback" not in result.stderr


def test_entity_expansion_bomb_is_refused_quickly(tmp_path: Path) -> None:
    entities = '<!ENTITY a "aaaaaaaaaa">' + "".join(
        f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(9)
    )
    doc = tmp_path / "bomb.xml"
    doc.write_text(
        f'<?xml version="1.0"?>\n<!DOCTYPE TEI [{entities}]>\n'
        f"{TEI_OPEN}<p>&j;</p></body></text></TEI>"
    )
    started = time.perf_counter()
    result = CliRunner().invoke(main, ["convert", str(doc), "--to", "text"])
    assert time.perf_counter() - started < 5
    assert result.exit_code == 2 and "aaaaaaaaaa" * 3 not in result.output


def test_no_network_for_external_dtd(tmp_path: Path) -> None:
    doc = tmp_path / "dtd.xml"
    doc.write_text(
        f'<!DOCTYPE TEI SYSTEM "http://192.0.2.1/never.dtd">\n{TEI_OPEN}<p>x</p></body></text></TEI>'
    )
    started = time.perf_counter()
    assert convert(doc, "text").output.strip() == "x"  # the DTD is neither fetched nor needed
    assert time.perf_counter() - started < 5


@pytest.fixture
def listening_server() -> Iterator[tuple[str, list[str]]]:
    """A local HTTP port that records every connection made to it (none is expected)."""
    server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    server.bind(("127.0.0.1", 0))
    server.listen(8)
    server.settimeout(0.2)
    connections: list[str] = []
    stop = threading.Event()

    def accept() -> None:
        while not stop.is_set():
            try:
                conn, _ = server.accept()
            except OSError:
                continue
            connections.append(conn.recv(200).decode("latin-1"))
            conn.close()

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.getsockname()[1]}", connections
    stop.set()
    thread.join()
    server.close()


def test_no_connection_is_made_for_a_dtd_entity_or_schema(
    tmp_path: Path, listening_server: tuple[str, list[str]]
) -> None:
    # Unlike an unroutable address, a listening local port shows any attempt to fetch, by
    # libxml2 (when built with its HTTP client) or by Python code following an xml-model.
    url, connections = listening_server
    model = (
        f'<?xml-model href="{url}/tei_all.rng" type="application/xml" '
        'schematypens="http://relaxng.org/ns/structure/1.0"?>\n'
    )
    remote = tmp_path / "remote.xml"  # well-formed: an external subset and a remote schema
    remote.write_text(
        f'{model}<!DOCTYPE TEI SYSTEM "{url}/tei.dtd">\n{TEI_OPEN}<p>x</p></body></text></TEI>'
    )
    entity = tmp_path / "entity.xml"  # an external entity used in the text: refused
    entity.write_text(
        f'<!DOCTYPE TEI [<!ENTITY ext SYSTEM "{url}/secret.txt">]>\n'
        f"{TEI_OPEN}<p>&ext;</p></body></text></TEI>"
    )
    with pytest.raises(InputError, match="entit"):
        parse_xml_bytes(entity.read_bytes(), file=str(entity))
    assert convert(remote, "text").output.strip() == "x"
    for doc in (remote, entity):
        validate_file(doc)
        for fmt in ("text", "html"):
            CliRunner().invoke(main, ["convert", str(doc), "--to", fmt])
        CliRunner().invoke(main, ["validate", str(doc)])
    time.sleep(0.5)  # let a late connection reach the server before looking
    assert connections == []


def test_huge_attribute_is_read_without_trouble(tmp_path: Path) -> None:
    doc = tmp_path / "huge.xml"
    doc.write_text(f"{TEI_OPEN}<p n='{'x' * 2_000_000}'>text</p></body></text></TEI>")
    assert validate_file(doc).valid
    assert convert(doc, "text").output.strip() == "text"


@pytest.mark.parametrize(
    "content",
    [
        TEI_OPEN[:57],
        TEI_OPEN + "<p>unclosed",
        '<?xml version="1.0" encoding="ebcdic-xx"?><TEI/>',
        "<TEI>" + "<div>" * 5000,
        "\x00\x01\x02",
    ],
)
def test_malformed_xml_is_a_positioned_diagnostic(tmp_path: Path, content: str) -> None:
    doc = tmp_path / "bad.xml"
    doc.write_bytes(content.encode("utf-8", "surrogatepass"))
    result = validate_file(doc)
    assert not result.valid and result.diagnostics[0].line >= 1
    cli = CliRunner().invoke(
        main, ["convert", str(doc), "--to", "html", "-o", str(tmp_path / "o.html")]
    )
    assert (
        cli.exit_code == 2 and "Traceback" not in cli.stderr and not (tmp_path / "o.html").exists()
    )


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty file"),
        (b"  \n\t\n", "empty file"),
        (b"\x00\x01\x02\xff binary", "binary file"),
        (b"<TEI><p>unclosed", "not well-formed XML"),
    ],
)
def test_unparseable_bytes_get_a_message_naming_why(data: bytes, message: str) -> None:
    with pytest.raises(InputError, match=message):
        parse_xml_bytes(data, file="in.xml")


def test_utf16_without_byte_order_mark_is_xml_not_binary() -> None:
    # libxml2 knows UTF-16 from the first characters; the NUL bytes in it do not make it binary.
    data = '<?xml version="1.0" encoding="UTF-16"?>' + TEI_OPEN + "<p>ä</p></body></text></TEI>"
    tree = parse_xml_bytes(data.encode("utf-16-le"), file="in.xml")
    assert "".join(tree.getroot().itertext()).endswith("ä")


TEXTS = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=400
) | st.lists(
    st.sampled_from(
        [
            "\n",
            "\r\n",
            "\r",
            "\n\n",
            "JACK. Hello.",
            "Q: why?",
            "1) item",
            "CHAPTER I",
            "* * *",
            "[1] note",
            "    indented verse",
            "Source: x",
            "word " * 40,
            "\t",
            "\x0c",
            "\u00a0",
            "—said he—",
        ]
    ),
    max_size=30,
).map("".join)


def squeeze(text: str) -> str:
    return "".join(ch for ch in text if not ch.isspace())


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS)
def test_any_text_encodes_without_losing_characters(text: str) -> None:
    if not text.strip():
        return
    document = parse_text(text, "fuzz.txt")
    xml = encode(document, EncodeOptions(when="2026-01-01"))
    output = squeeze(convert(xml, "text").output)
    # Metadata lines go to the header; control characters cannot exist in XML (U+FFFD instead).
    kept = [f"{f.label}:{f.value}" if f.label else f.value for f in document.metadata.fields]
    source = squeeze(
        "".join(
            "\ufffd" if (ord(c) < 32 and c not in "\n\r\t\x0c") or 0x7F <= ord(c) < 0xA0 else c
            for c in text
        ).replace("\u200b", "")
    )
    for value in kept:
        source = source.replace(squeeze(value), "", 1)
    missing = [
        c for c in set(source) if source.count(c) > output.count(c) + sum(v.count(c) for v in kept)
    ]
    assert not missing, (text, missing)

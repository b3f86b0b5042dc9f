"""Decoding: BOMs, UTF-8, UTF-16 without a mark, Windows-1252/Latin-1, mixed files, forced
encodings, and the newline/space normalisation with the notes it records."""

from __future__ import annotations

import codecs

import pytest

from teikit.errors import InputError
from teikit.parse.decode import decode_bytes

ICELANDIC = "Halla og Kári — “Fjalla-Eyvindur” á Íslandi, æ ö ð þ"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (ICELANDIC.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + ICELANDIC.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF16_LE + ICELANDIC.encode("utf-16-le"), "utf-16-le"),
        (ICELANDIC.encode("utf-16-le"), "utf-16-le"),
        (ICELANDIC.encode("utf-16-be"), "utf-16-be"),
        (ICELANDIC.encode("cp1252"), "windows-1252"),
    ],
)
def test_detected_without_mojibake(data: bytes, encoding: str) -> None:
    decoded = decode_bytes(data)
    assert decoded.text == ICELANDIC
    assert decoded.encoding == encoding


def test_latin1_file_reads_as_latin1_letters() -> None:
    text = "Eyvind of the Hills. Arnes: Ég er hér. Sigrid: Já."
    assert decode_bytes(text.encode("latin-1")).text == text


def test_utf8_with_a_stray_latin1_byte_keeps_its_utf8() -> None:
    data = "Café — naïve “quoted”".encode() + b" \xe9t\xe9"
    decoded = decode_bytes(data)
    assert decoded.text == "Café — naïve “quoted” été"
    assert decoded.encoding.startswith("utf-8")


def test_forced_encoding_wins_and_bad_bytes_are_positioned() -> None:
    assert decode_bytes("ð".encode("latin-1"), encoding="latin-1").text == "ð"
    with pytest.raises(InputError) as caught:
        decode_bytes(b"line one\n\xff", encoding="utf-8")
    assert caught.value.line == 2
    with pytest.raises(InputError):
        decode_bytes(b"abc", encoding="no-such-codec")


def test_newlines_tabs_spaces_and_form_feeds_are_normalised() -> None:
    decoded = decode_bytes(b"a\r\nb\rc\x0cd\te\xc2\xa0f\xe2\x80\x8bg")
    assert decoded.text == "a\nb\nc\n\nd       e fg"
    assert decoded.normalisations == (
        "CRLF/CR line endings converted to LF",
        "form feeds treated as blank lines",
        "tabs expanded to spaces",
        "no-break and zero-width spaces normalised",
    )


@pytest.mark.parametrize("data", [b"", b"   \n\n", b"\x00\x01\x02binary\x00"])
def test_empty_and_binary_input_are_refused(data: bytes) -> None:
    with pytest.raises(InputError):
        decode_bytes(data)

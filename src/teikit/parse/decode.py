"""Bytes → text: detect the encoding and normalise newlines and invisible whitespace.

Order of trust: an explicit ``encoding``; a byte-order mark; UTF-16 without a mark (every other
byte NUL); strict UTF-8; UTF-8 with a few stray single bytes (a file edited in two encodings:
the stray bytes are read as Windows-1252, the rest stays UTF-8, so no mojibake either way);
Windows-1252 (a superset of Latin-1's printable range, and what "Latin-1" files usually are);
Latin-1 as the last resort, which decodes any byte. Binary input (other NUL bytes) and empty
input are refused.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from ..errors import InputError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    encoding: str
    normalisations: tuple[str, ...]


def decode_bytes(data: bytes, *, file: str = "", encoding: str | None = None) -> Decoded:
    notes: list[str] = []
    if encoding:
        try:
            text = data.decode(encoding)
        except LookupError as exc:
            raise InputError(f"unknown encoding {encoding!r}", file=file) from exc
        except UnicodeDecodeError as exc:
            line = data[: exc.start].count(b"\n") + 1
            raise InputError(
                f"cannot decode as {encoding}: byte 0x{data[exc.start]:02x} at offset {exc.start}",
                file=file,
                line=line,
            ) from exc
        used = encoding
    else:
        text, used = _detect(data, file)
    if text.startswith("\ufeff"):
        text = text[1:]
        notes.append("byte-order mark removed")
    if not text or text.isspace():  # (not ``strip``: it copies the whole text)
        raise InputError("empty input: no text to encode", file=file, line=1, col=1)
    text, more = normalise_text(text)
    notes.extend(more)
    if used not in ("utf-8", "ascii"):
        notes.insert(0, f"decoded from {used}")
    return Decoded(text, used, tuple(notes))


def _detect(data: bytes, file: str) -> tuple[str, str]:
    for bom, name in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(name, errors="strict"), name
    utf16 = _utf16_without_bom(data)
    if utf16 is not None:
        return utf16
    if b"\x00" in data:
        at = data.index(b"\x00")
        line = data[:at].count(b"\n") + 1
        col = at - (data.rfind(b"\n", 0, at) + 1) + 1  # 1-based byte column of the first NUL
        raise InputError(
            "binary file: contains NUL bytes, not a text transcription",
            file=file,
            line=line,
            col=col,
        )
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    sequences = _UTF8_MULTIBYTE.findall(data)
    if sequences:
        # Bytes outside well-formed UTF-8 sequences; fewer of them than sequences means the
        # file is UTF-8 with strays, not a single-byte encoding with chance sequences.
        stray = len(_STRAY.findall(data)) - sum(len(s) for s in sequences)
        if stray <= len(sequences):
            return data.decode(
                "utf-8", errors="teikit-cp1252"
            ), "utf-8 (stray bytes read as windows-1252)"
    try:
        return data.decode("cp1252"), "windows-1252"
    except UnicodeDecodeError:
        # cp1252 leaves five bytes undefined; Latin-1 maps them to C1 controls instead of failing.
        return data.decode("latin-1"), "iso-8859-1"


_UTF8_MULTIBYTE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)
_STRAY = re.compile(rb"[\x80-\xff]")


def _cp1252_fallback(exc: UnicodeError) -> tuple[str, int]:
    assert isinstance(exc, UnicodeDecodeError)
    byte = exc.object[exc.start : exc.start + 1]
    return byte.decode("cp1252", errors="replace").replace(
        "\ufffd", byte.decode("latin-1")
    ), exc.start + 1


codecs.register_error("teikit-cp1252", _cp1252_fallback)


def _utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    """UTF-16 text without a byte-order mark: NULs in (nearly) every other byte."""
    sample = data[:4096]
    if len(sample) < 4 or len(sample) % 2:
        return None
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    half = len(sample) // 2
    for nuls, name in ((odd, "utf-16-le"), (even, "utf-16-be")):
        if nuls >= half * 0.9 and (even if name == "utf-16-le" else odd) == 0:
            try:
                return data.decode(name), name
            except UnicodeDecodeError:
                return None
    return None


_CONTROLS = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f]")
# The same characters one by one: looking for each with ``in`` is three times faster than the
# pattern's search over a whole text that has none (as almost every text has).
_CONTROL_CHARS = tuple(chr(c) for c in (*range(0x00, 0x0A), *range(0x0B, 0x20), *range(0x7F, 0xA0)))

_INVISIBLE_SPACES = {
    "\u00a0": " ",  # no-break space
    "\u2007": " ",
    "\u202f": " ",
    "\u200b": "",  # zero-width space
}


def normalise_text(text: str) -> tuple[str, list[str]]:
    """CRLF/CR → LF, form feeds → blank lines, tabs → spaces at line start kept as indentation."""
    notes: list[str] = []
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        notes.append("CRLF/CR line endings converted to LF")
    if "\f" in text:
        text = text.replace("\f", "\n\n")
        notes.append("form feeds treated as blank lines")
    if "\t" in text:
        text = text.expandtabs(8)
        notes.append("tabs expanded to spaces")
    found = [ch for ch in _INVISIBLE_SPACES if ch in text]
    if found:
        for ch in found:
            text = text.replace(ch, _INVISIBLE_SPACES[ch])
        notes.append("no-break and zero-width spaces normalised")
    # Other C0 controls cannot appear in XML 1.0; keep the character visible as a replacement.
    if any(ch in text for ch in _CONTROL_CHARS):
        text = _CONTROLS.sub("\ufffd", text)
        notes.append("control characters replaced by U+FFFD")
    return text, notes

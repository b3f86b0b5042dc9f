"""Zip packages (EPUB, DOCX) written the same way every time: entries in the order given, one
fixed timestamp, fixed permissions, so converting twice gives identical bytes.

EPUB wants its ``mimetype`` entry first and stored (not compressed); ``stored`` names entries
to store as they are.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterable

# The earliest time a zip entry can record: no clock, no timezone in the output.
_EPOCH = (1980, 1, 1, 0, 0, 0)


def zip_package(
    entries: Iterable[tuple[str, str | bytes]], stored: frozenset[str] = frozenset()
) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in entries:
            info = zipfile.ZipInfo(name, date_time=_EPOCH)
            info.external_attr = 0o644 << 16
            info.create_system = 3  # Unix: the attributes above mean what they say
            if name in stored:
                info.compress_type = zipfile.ZIP_STORED
            else:
                info.compress_type = zipfile.ZIP_DEFLATED
            payload = data.encode("utf-8") if isinstance(data, str) else data
            archive.writestr(info, payload, compresslevel=6 if name not in stored else None)
    return buffer.getvalue()


def xml_escape(value: str) -> str:
    """Text or attribute value for XML (quotes included)."""
    if "&" in value:
        value = value.replace("&", "&amp;")
    if "<" in value:
        value = value.replace("<", "&lt;")
    if ">" in value:
        value = value.replace(">", "&gt;")
    if '"' in value:
        value = value.replace('"', "&quot;")
    return value

"""Reading the parts of a zip package (.docx) without trusting it.

A .docx is a zip archive of XML parts. Before anything is inflated: at most ``MAX_ENTRIES``
entries, each part at most ``MAX_PART_BYTES`` and all together ``MAX_TOTAL_BYTES`` as the
archive declares them, and no part that inflates more than ``MAX_RATIO`` times (a zip bomb).
Inflating stops at the declared size, so an archive that lies about it is caught too. The XML
parts are parsed by ``teikit.io.parse_xml_bytes``: no DTD, no entity expansion, no network.
A package at an fsspec URL is fetched whole first, through ``teikit.io.read_bytes`` (bounded by
``MAX_TOTAL_BYTES``), and opened in memory.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import IO

from lxml import etree

from ..errors import InputError
from ..io import is_url, parse_xml_bytes, read_bytes

MAX_ENTRIES = 10_000
MAX_PART_BYTES = 256 * 1024 * 1024
MAX_TOTAL_BYTES = 512 * 1024 * 1024
MAX_RATIO = 200  # a text part deflates 5-20 times; a bomb thousands


class Package:
    def __init__(self, path: Path | str) -> None:
        self.file = str(path)
        archive: Path | IO[bytes]
        if is_url(path):
            archive = io.BytesIO(read_bytes(path, limit=MAX_TOTAL_BYTES))
        elif not Path(path).exists():
            raise InputError("no such file", file=self.file)
        else:
            archive = Path(path)
        try:
            self.zip = zipfile.ZipFile(archive)
        except (zipfile.BadZipFile, OSError) as exc:
            raise InputError(
                f"not a Word document (not a zip package): {exc}", file=self.file
            ) from exc
        infos = self.zip.infolist()
        if len(infos) > MAX_ENTRIES:
            raise InputError(
                f"zip package has {len(infos)} entries (limit {MAX_ENTRIES})", file=self.file
            )
        total = 0
        for info in infos:
            total += info.file_size
            if info.file_size > MAX_PART_BYTES or total > MAX_TOTAL_BYTES:
                raise InputError(
                    f"zip package part {info.filename} is too large when inflated "
                    f"({info.file_size} bytes)",
                    file=self.file,
                )
            if info.file_size > 1_000_000 and info.file_size > MAX_RATIO * max(
                info.compress_size, 1
            ):
                ratio = info.file_size // max(info.compress_size, 1)
                raise InputError(
                    f"zip package part {info.filename} inflates {ratio} times: "
                    "refusing a likely zip bomb",
                    file=self.file,
                )
        self.names = {info.filename for info in infos}

    def read(self, name: str) -> bytes | None:
        if name not in self.names:
            return None
        info = self.zip.getinfo(name)
        try:
            with self.zip.open(info) as handle:
                data = handle.read(info.file_size + 1)
        except (zipfile.BadZipFile, OSError, EOFError, ValueError) as exc:
            raise InputError(
                f"zip package part {name} cannot be read: {exc}", file=self.file
            ) from exc
        if len(data) > info.file_size:
            raise InputError(f"zip package part {name} is larger than it declares", file=self.file)
        return data

    def xml(self, name: str) -> etree._Element | None:
        data = self.read(name)
        if data is None:
            return None
        return parse_xml_bytes(data, file=f"{self.file}/{name}").getroot()

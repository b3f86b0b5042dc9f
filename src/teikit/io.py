"""File input and output shared by every stage: atomic writes and safe XML parsing.

Outputs are written to a temporary file in the target directory and renamed into place, so a
reader sees either the complete new file or the untouched old one, even if the process dies.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from lxml import etree

from .errors import InputError, OutputError

# Refuse inputs larger than this unless the caller raises the bound (huge-input protection).
MAX_XML_BYTES = 512 * 1024 * 1024


def write_atomic(path: str | os.PathLike[str], data: bytes | str) -> None:
    target = Path(path)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    directory = target.parent if str(target.parent) else Path(".")
    try:
        directory.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=directory)
    except OSError as exc:
        raise OutputError(f"cannot write: {exc.strerror or exc}", file=str(target)) from exc
    try:
        # mkstemp makes the file private (0600); an output should get the usual mode instead:
        # the old file's mode when replacing one, else what the umask allows.
        os.chmod(tmp_name, _target_mode(target))
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp_name, target)
    except BaseException as exc:
        try:
            os.unlink(tmp_name)
        except OSError:
            pass
        if isinstance(exc, OSError):
            raise OutputError(f"cannot write: {exc.strerror or exc}", file=str(target)) from exc
        raise


def _target_mode(target: Path) -> int:
    try:
        return target.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def safe_parser(*, line_numbers: bool = True, recover: bool = False) -> etree.XMLParser:
    """An lxml parser that never touches the network or expands external entities.

    ``collect_ids=False`` keeps a duplicate ``xml:id`` from aborting the parse: reference checks
    report duplicates as positioned diagnostics instead.
    """
    parser = etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_blank_text=False,
        collect_ids=False,
        recover=recover,
    )
    parser.resolvers.add(_NoExternalResources())
    return parser


class _NoExternalResources(etree.Resolver):
    """Answer every external fetch (DTD subset, external entity) with an empty document.

    With ``collect_ids=False`` libxml2 still asks for a DOCTYPE's external subset; answering here
    means no file or network access happens, and nothing of the referenced resource can leak.
    """

    def resolve(self, system_url: str, public_id: str, context: object) -> object:
        return self.resolve_string("", context)


def read_bytes(path: str | os.PathLike[str], *, limit: int = MAX_XML_BYTES) -> bytes:
    p = Path(path)
    if not p.exists():
        raise InputError("no such file", file=str(p))
    if p.is_dir():
        raise InputError("is a directory, not a file", file=str(p))
    try:
        size = p.stat().st_size
        if size > limit:
            raise InputError(f"file too large ({size} bytes; limit {limit})", file=str(p))
        return p.read_bytes()
    except PermissionError as exc:
        raise InputError("permission denied", file=str(p)) from exc
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}", file=str(p)) from exc


def parse_xml_bytes(data: bytes, *, file: str = "") -> etree._ElementTree:
    """Parse XML safely; any failure becomes an ``InputError`` with line and column."""
    try:
        root = etree.fromstring(data, safe_parser(), base_url=file or None)
    except etree.XMLSyntaxError as exc:
        # Asked only of a document libxml2 refused: looking first copied every file.
        if not data.strip():
            raise InputError("empty file: no XML content", file=file, line=1, col=1) from exc
        if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
            raise InputError("binary file: not XML text", file=file, line=1, col=1) from exc
        line, col = exc.position if exc.position else (0, 0)
        raise InputError(f"not well-formed XML: {exc.msg}", file=file, line=line, col=col) from exc
    if isinstance(root, etree._Entity):  # pragma: no cover - defensive; fromstring returns elements
        raise InputError("not an XML element", file=file)
    # Only a DOCTYPE can declare entities: without one, an entity reference other than the
    # predefined ones is a well-formedness error, raised above. Walking every node to look for
    # references costs about a tenth of the parse, so documents without a DOCTYPE skip it.
    if root.getroottree().docinfo.internalDTD is not None:
        for _ in root.iter(etree.Entity):
            raise InputError("entity references are not expanded; refusing document", file=file)
    return root.getroottree()


def parse_xml_file(path: str | os.PathLike[str]) -> etree._ElementTree:
    return parse_xml_bytes(read_bytes(path), file=str(path))


def expand_paths(
    paths: list[str] | tuple[str | os.PathLike[str], ...], pattern: str = "*.xml"
) -> list[Path]:
    """Files as given; a directory stands for the files matching ``pattern`` under it, sorted."""
    out: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            out.extend(sorted(p for p in path.rglob(pattern) if p.is_file()))
        else:
            out.append(path)
    return out

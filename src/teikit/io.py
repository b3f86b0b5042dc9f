"""File input and output shared by every stage: atomic writes and safe XML parsing.

Outputs are written to a temporary file in the target directory and renamed into place, so a
reader sees either the complete new file or the untouched old one, even if the process dies.

Where a path is taken, an fsspec URL (``s3://bucket/tei/``, ``file:///data/x.txt``) may be given
as a string instead: ``read_bytes``, ``write_atomic`` and ``expand_sources`` hand it to
``teikit.remote`` (the same bound, the same messages, an atomic write). A ``Path`` is never a
URL: pathlib folds the URL's ``//``, so code that keeps URLs keeps them as strings.
"""

from __future__ import annotations

import os
import re
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path, PurePosixPath

from lxml import etree

from .errors import InputError, OutputError

# Refuse inputs larger than this unless the caller raises the bound (huge-input protection).
MAX_XML_BYTES = 512 * 1024 * 1024

# scheme://, or fsspec's chained form (simplecache::s3://); two letters at least, so that no
# Windows drive letter is taken for a scheme.
_URL = re.compile(r"(?:[A-Za-z][A-Za-z0-9+.\-]*::)*[A-Za-z][A-Za-z0-9+.\-]+://")

# A file to read or write: a path, or an fsspec URL kept as a string.
Location = str | os.PathLike[str]


def is_url(value: object) -> bool:
    """Whether ``value`` is an fsspec URL (a string), not a path."""
    return isinstance(value, str) and _URL.match(value) is not None


def name_of(location: Location) -> str:
    """The file name of a path or URL (``s3://b/tei/a.xml?versionId=3`` → ``a.xml``)."""
    if is_url(location):
        return PurePosixPath(str(location).split("?", 1)[0].rstrip("/")).name
    return Path(location).name


def stem_of(location: Location) -> str:
    return PurePosixPath(name_of(location)).stem if is_url(location) else Path(location).stem


def joined(directory: Location, name: str) -> Location:
    """``name`` inside ``directory``, a path or a URL."""
    if is_url(directory):
        return str(directory).rstrip("/") + "/" + name
    return Path(directory) / name


def write_atomic(path: Location, data: bytes | str) -> None:
    payload = data.encode("utf-8") if isinstance(data, str) else data
    if is_url(path):
        from .remote import write_url

        write_url(str(path), payload)
        return
    target = Path(path)
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


def read_bytes(path: Location, *, limit: int = MAX_XML_BYTES) -> bytes:
    if is_url(path):
        from .remote import read_url

        return read_url(str(path), limit=limit)
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


def parse_xml_file(path: Location) -> etree._ElementTree:
    return parse_xml_bytes(read_bytes(path), file=str(path))


def reread(file: str) -> bytes:
    """A document's bytes once more (where an error lies, for its line and column): a path as it
    is on disk, a URL through fsspec. Raises OSError or InputError."""
    if is_url(file):
        return read_bytes(file)
    return Path(file).read_bytes()


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


def expand_sources(sources: Iterable[Location], pattern: str = "*.xml") -> list[Path | str]:
    """``expand_paths`` for paths and fsspec URLs alike: a folder, local or a URL, stands for the
    files matching ``pattern`` under it; URLs stay strings, paths become ``Path``s."""
    out: list[Path | str] = []
    for raw in sources:
        if is_url(raw):
            from .remote import expand_url

            out.extend(expand_url(str(raw), pattern))
        else:
            out.extend(expand_paths((raw,), pattern))
    return out


def file_sizes(locations: Sequence[Location]) -> list[int]:
    """Each path's or URL's size in bytes (0 for anything that is not a readable file); the URLs
    are asked of their file systems all at once."""
    urls = [str(location) for location in locations if is_url(location)]
    listed: Iterator[int] = iter([])
    if urls:
        from .remote import sizes

        listed = iter(sizes(urls))
    out = []
    for location in locations:
        if is_url(location):
            out.append(next(listed))
            continue
        try:
            out.append(os.stat(location).st_size)
        except OSError:
            out.append(0)
    return out

"""Sources and outputs given as fsspec URLs: ``s3://``, ``gs://``, ``file://``, ``memory://``…

A URL names a file or a folder on any file system fsspec knows (the optional extra
``teikit[remote]``; a cloud store also needs its own package, s3fs or gcsfs). fsspec is imported
here, and this module only when a URL is given, so runs on paths never load it.

- ``read_url`` keeps ``teikit.io.read_bytes``' bound: a file larger than the limit is refused
  before it is fetched (by its listed size) and while it is read (no more than the limit plus
  one byte is ever read), with the messages a path gets.
- ``write_url`` never leaves a half-written output under the final name. On a file system with
  folders (local, SFTP, HDFS, SMB…) the bytes go to a temporary name beside the target, which is
  then renamed over it. An object store has no rename (fsspec's "move" is a copy then a delete),
  but it stores an object whole or not at all, so there the final object is written in one put:
  a reader sees the old object or the new one, never part of one. ``file://`` goes through
  ``teikit.io.write_atomic`` (fsync, the file's mode kept).
- ``expand_url`` lists a folder as ``teikit.io.expand_paths`` lists a local one: every file
  under it whose name matches the pattern, in the order pathlib sorts them; names keep the URL
  as it was typed (``memory://texts/`` gives ``memory://texts/a.txt``).
"""

from __future__ import annotations

import fnmatch
import posixpath
import secrets
from collections.abc import Sequence
from contextlib import suppress
from pathlib import Path, PurePosixPath
from typing import Any

from .errors import InputError, OutputError, TeikitError

MISSING = (
    "URLs (s3://, gs://, file://…) need the optional package 'fsspec': "
    "pip install 'teikit[remote]' (or give local paths)"
)

# Stores that keep whole objects and cannot rename one: an output is written there in one put.
OBJECT_STORES = frozenset({"s3", "s3a", "gs", "gcs", "abfs", "abfss", "az", "adl", "oci", "oss"})


class FsspecMissing(InputError):
    """A URL was given but fsspec is not installed."""


def available() -> bool:
    try:
        import fsspec  # noqa: F401
    except ImportError:
        return False
    return True


def filesystem(url: str, *, error: type[TeikitError] = InputError) -> tuple[Any, str]:
    """fsspec's file system for ``url`` and the path on it; a protocol fsspec does not know, or
    one whose package is missing, is ``error`` in one line."""
    if not available():
        raise FsspecMissing(MISSING)
    from fsspec.core import url_to_fs

    try:
        return url_to_fs(url)
    except ImportError as exc:  # a protocol whose package is missing ("Install s3fs…")
        raise error(f"cannot open: {_one_line(exc)}", file=url) from None
    except ValueError as exc:
        if str(exc).startswith("Protocol not known"):
            protocol = url.split("://", 1)[0].rsplit("::", 1)[-1]
            raise error(f"URL protocol '{protocol}' is not known to fsspec", file=url) from None
        raise error(f"cannot open: {_one_line(exc)}", file=url) from None
    except Exception as exc:  # a backend refusing its options or credentials
        raise error(f"cannot open: {_one_line(exc)}", file=url) from None


def read_url(url: str, *, limit: int) -> bytes:
    fs, path = filesystem(url)
    try:
        info = fs.info(path)
        if info.get("type") == "directory":
            raise InputError("is a directory, not a file", file=url)
        size = info.get("size")
        if size is not None and size > limit:
            raise InputError(f"file too large ({size} bytes; limit {limit})", file=url)
        with fs.open(path, "rb") as handle:
            data = handle.read(limit + 1)
    except InputError:
        raise
    except FileNotFoundError:
        raise InputError("no such file", file=url) from None
    except IsADirectoryError:
        raise InputError("is a directory, not a file", file=url) from None
    except PermissionError:
        raise InputError("permission denied", file=url) from None
    except Exception as exc:  # a backend's own errors (network, credentials) are not all OSError
        raise InputError(f"cannot read: {_one_line(exc)}", file=url) from None
    if len(data) > limit:  # it grew after it was listed
        raise InputError(f"file too large (over {limit} bytes; limit {limit})", file=url)
    return bytes(data)


def write_url(url: str, payload: bytes) -> None:
    fs, path = filesystem(url, error=OutputError)
    if _is_local(fs):
        from .io import write_atomic

        try:
            write_atomic(path, payload)
        except OutputError as exc:
            raise OutputError(exc.message, file=url) from exc
        return
    try:
        if _protocols(fs) & OBJECT_STORES:
            fs.pipe_file(path, payload)
            return
        parent = fs._parent(path)
        fs.makedirs(parent, exist_ok=True)
        temporary = f"{parent.rstrip('/')}/.{posixpath.basename(path)}.{secrets.token_hex(6)}.tmp"
        fs.pipe_file(temporary, payload)
        try:
            fs.mv(temporary, path)
        except BaseException:
            with suppress(Exception):
                fs.rm(temporary)
            raise
    except Exception as exc:
        raise OutputError(f"cannot write: {_one_line(exc)}", file=url) from None


def expand_url(url: str, pattern: str) -> list[str]:
    """``url`` itself, or for a folder the files under it matching ``pattern``, sorted."""
    fs, path = filesystem(url)
    try:
        if not fs.isdir(path):
            return [url]
        found = fs.find(path)
    except Exception as exc:
        raise InputError(f"cannot list: {_one_line(exc)}", file=url) from None
    base = path.rstrip("/")
    prefix = url.rstrip("/")
    relative = []
    for name in found:
        if not fnmatch.fnmatchcase(posixpath.basename(name), pattern):
            continue
        if name.startswith(base + "/"):
            relative.append(name[len(base) :])
        else:  # pragma: no cover - a backend that spells the path differently from its listing
            relative.append("\0" + fs.unstrip_protocol(name))
    # pathlib sorts by path components ("a/b" before "a-b"), not by the string
    relative.sort(key=lambda rel: PurePosixPath(rel).parts)
    return [rel[1:] if rel.startswith("\0") else prefix + rel for rel in relative]


def exists(url: str) -> bool:
    return _asks(url, "exists")


def sizes(urls: Sequence[str]) -> list[int]:
    """Each URL's size in bytes (0 where it cannot be listed), asked of each file system at once
    (an object store answers them concurrently, or from the listing it just made)."""
    groups: dict[int, tuple[Any, list[int], list[str]]] = {}
    for index, url in enumerate(urls):
        try:
            fs, path = filesystem(url)
        except TeikitError:
            continue
        group = groups.setdefault(id(fs), (fs, [], []))
        group[1].append(index)
        group[2].append(path)
    out = [0] * len(urls)
    for fs, indices, paths in groups.values():
        try:
            found = fs.sizes(paths)
        except Exception:  # one missing file fails the lot: ask one by one
            found = [_size(fs, path) for path in paths]
        for index, size in zip(indices, found, strict=True):
            out[index] = int(size or 0)
    return out


def _size(fs: Any, path: str) -> int:
    try:
        return int(fs.size(path) or 0)
    except Exception:
        return 0


def find_upwards(url: str, name: str) -> str | None:
    """The URL of the nearest file ``name`` in ``url``'s folder or a folder above it."""
    fs, path = filesystem(url)
    folder = fs._parent(path)
    while True:
        candidate = f"{folder.rstrip('/')}/{name}"
        try:
            if fs.isfile(candidate):
                return str(fs.unstrip_protocol(candidate))
        except Exception as exc:
            raise InputError(f"cannot read: {_one_line(exc)}", file=url) from None
        above = fs._parent(folder)
        if not above or above == folder:
            return None
        folder = above


def is_file(url: str) -> bool:
    return _asks(url, "isfile")


def _asks(url: str, question: str) -> bool:
    """The backend's answer to ``question`` (``exists``, ``isfile``) about ``url``; its own
    errors (network, credentials) as one input error naming the URL."""
    fs, path = filesystem(url)
    try:
        return bool(getattr(fs, question)(path))
    except Exception as exc:
        raise InputError(f"cannot read: {_one_line(exc)}", file=url) from None


def local_path(url: str) -> Path | None:
    """The local path a ``file://`` (or ``local://``) URL names; None for any other store."""
    fs, path = filesystem(url)
    return Path(path) if _is_local(fs) else None


def _is_local(fs: Any) -> bool:
    from fsspec.implementations.local import LocalFileSystem

    return isinstance(fs, LocalFileSystem)


def _protocols(fs: Any) -> set[str]:
    protocol = fs.protocol
    return {protocol} if isinstance(protocol, str) else set(protocol)


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split()) or type(exc).__name__

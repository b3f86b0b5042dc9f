"""Compiled schemas on disk, keyed by the hash of everything they were compiled from.

The cache lives in ``$XDG_CACHE_HOME/teikit`` (default ``~/.cache/teikit``); an entry's name is a
SHA-256 of its inputs, so a changed input is a new entry and nothing is ever invalidated by hand.
A cache that cannot be written only costs time.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path


def cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "teikit"


def digest(*parts: bytes | str) -> str:
    h = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        h.update(len(data).to_bytes(8, "big"))
        h.update(data)
    return h.hexdigest()


def entry(kind: str, key: str, suffix: str) -> Path:
    return cache_dir() / kind / f"{key}{suffix}"


def load(kind: str, key: str, suffix: str) -> bytes | None:
    try:
        return entry(kind, key, suffix).read_bytes()
    except OSError:
        return None


def store(kind: str, key: str, suffix: str, data: bytes) -> Path | None:
    path = entry(kind, key, suffix)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        tmp.write_bytes(data)
        os.replace(tmp, path)
    except OSError:
        return None
    return path

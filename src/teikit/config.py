"""Encoding settings from files: a project ``teikit.toml`` and a ``SOURCE.meta.toml`` sidecar.

Precedence, lowest first: the nearest ``teikit.toml`` in the source's folder or above (project
defaults such as the publisher of the digital edition and the licence of the encoding), then the
sidecar next to the source (``speech.txt`` → ``speech.meta.toml``), then command-line options.
Recognised keys: ``publisher``, ``licence`` (or ``license``), ``editor``, ``id``, ``date``.
A source given as an fsspec URL finds both the same way, in its folder on that store and the
folders above it (up to the bucket).
"""

from __future__ import annotations

import tomllib
from pathlib import Path

from .errors import InputError
from .io import is_url, read_bytes

# A settings file is a few lines; anything larger is not one.
MAX_SETTINGS_BYTES = 1024 * 1024

KEYS = {
    "publisher": "publisher",
    "licence": "licence",
    "license": "licence",
    "editor": "editor",
    "id": "edition_id",
    "date": "when",
}
PROJECT_FILE = "teikit.toml"


def _read(path: Path | str) -> dict[str, str]:
    try:
        data = tomllib.loads(_text(path))
    except tomllib.TOMLDecodeError as exc:
        raise InputError(f"invalid TOML: {exc}", file=str(path)) from exc
    # [validate] is read by validate/locations.py
    unknown = sorted(set(data) - set(KEYS) - {"fields", "validate"})
    if unknown:
        known = ", ".join(sorted(KEYS))
        raise InputError(f"unknown setting(s) {', '.join(unknown)}; known: {known}", file=str(path))
    return {KEYS[k]: str(v) for k, v in data.items() if k in KEYS}


def _text(path: Path | str) -> str:
    if not is_url(path):
        return Path(path).read_text(encoding="utf-8")
    try:
        return read_bytes(path, limit=MAX_SETTINGS_BYTES).decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(f"not UTF-8: {exc.reason}", file=str(path)) from None


def sidecar_path(source: Path) -> Path:
    return source.with_name(f"{source.stem}.meta.toml")


def settings_for(
    source: Path | str, overrides: dict[str, str | None] | None = None
) -> dict[str, str]:
    """EncodeOptions keyword arguments for ``source`` (project file, sidecar, then overrides)."""
    if is_url(source):
        return _url_settings(str(source), overrides)
    source = Path(source)
    settings: dict[str, str] = {}
    for folder in [source.resolve().parent, *source.resolve().parents]:
        project = folder / PROJECT_FILE
        if project.is_file():
            settings.update(_read(project))
            break
    sidecar = sidecar_path(source)
    if sidecar.is_file():
        settings.update(_read(sidecar))
    settings.update({k: v for k, v in (overrides or {}).items() if v})
    return settings


def _url_settings(source: str, overrides: dict[str, str | None] | None) -> dict[str, str]:
    from .remote import find_upwards, is_file

    settings: dict[str, str] = {}
    project = find_upwards(source, PROJECT_FILE)
    if project is not None:
        settings.update(_read(project))
    folder, _, name = source.split("?", 1)[0].rpartition("/")
    sidecar = f"{folder}/{Path(name).stem}.meta.toml"
    if is_file(sidecar):
        settings.update(_read(sidecar))
    settings.update({k: v for k, v in (overrides or {}).items() if v})
    return settings

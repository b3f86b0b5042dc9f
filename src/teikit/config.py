"""Encoding settings from files: a project ``teikit.toml`` and a ``SOURCE.meta.toml`` sidecar.

Precedence, lowest first: the nearest ``teikit.toml`` in the source's folder or above (project
defaults such as the publisher of the digital edition and the licence of the encoding), then the
sidecar next to the source (``speech.txt`` → ``speech.meta.toml``), then command-line options.
Recognised keys: ``publisher``, ``licence`` (or ``license``), ``editor``, ``id``, ``date``.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

from .errors import InputError

KEYS = {
    "publisher": "publisher",
    "licence": "licence",
    "license": "licence",
    "editor": "editor",
    "id": "edition_id",
    "date": "when",
}
PROJECT_FILE = "teikit.toml"


def _read(path: Path) -> dict[str, str]:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise InputError(f"invalid TOML: {exc}", file=str(path)) from exc
    # [validate] is read by validate/locations.py
    unknown = sorted(set(data) - set(KEYS) - {"fields", "validate"})
    if unknown:
        known = ", ".join(sorted(KEYS))
        raise InputError(f"unknown setting(s) {', '.join(unknown)}; known: {known}", file=str(path))
    return {KEYS[k]: str(v) for k, v in data.items() if k in KEYS}


def sidecar_path(source: Path) -> Path:
    return source.with_name(f"{source.stem}.meta.toml")


def settings_for(source: Path, overrides: dict[str, str | None] | None = None) -> dict[str, str]:
    """EncodeOptions keyword arguments for ``source`` (project file, sidecar, then overrides)."""
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

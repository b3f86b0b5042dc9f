"""Where the TEI release and the XSLT tools teikit validates with live on this machine.

teikit ships none of them (they are the TEI Consortium's and SchXslt2's files, not ours); a user
points at a local copy. Each resource is found from, in order: the command-line option, an
environment variable, then the ``[validate]`` table of the nearest ``teikit.toml`` (paths there
are relative to that file):

- ``tei-all`` (``--tei-all FILE``, TEIKIT_TEI_ALL): the tei_all.rng that the tei-c.org URLs in
  ``<?xml-model?>`` stand for (the built-in catalog maps them to it);
- ``tei-source`` (``--tei-source FILE``, TEIKIT_TEI_SOURCE): the p5subset.xml ODDs select from;
- ``tei-stylesheets`` (``--stylesheets DIR``, TEIKIT_TEI_STYLESHEETS): the TEI Stylesheets,
  whose odd2odd and odd2relax compile ODDs;
- ``schxslt`` (``--schxslt FILE``, TEIKIT_SCHXSLT): SchXslt2's transpile.xsl, which runs
  XPath 2/3 Schematron.

``refs`` (error, warning or off: how reference checks count) may be set in the same table.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, replace
from pathlib import Path

from ..errors import InputError, SchemaError

PROJECT_FILE = "teikit.toml"
ENVIRONMENT = {
    "tei_all": "TEIKIT_TEI_ALL",
    "tei_source": "TEIKIT_TEI_SOURCE",
    "stylesheets": "TEIKIT_TEI_STYLESHEETS",
    "schxslt": "TEIKIT_SCHXSLT",
}
TOML_KEYS = {
    "tei-all": "tei_all",
    "tei-source": "tei_source",
    "tei-stylesheets": "stylesheets",
    "schxslt": "schxslt",
}
HOW_TO = {
    "tei_all": "--tei-all FILE, TEIKIT_TEI_ALL or tei-all in teikit.toml [validate]",
    "tei_source": "--tei-source FILE (a p5subset.xml), TEIKIT_TEI_SOURCE or tei-source in "
    "teikit.toml [validate]",
    "stylesheets": "--stylesheets DIR (the TEI Stylesheets), TEIKIT_TEI_STYLESHEETS or "
    "tei-stylesheets in teikit.toml [validate]",
    "schxslt": "--schxslt FILE (SchXslt2's transpile.xsl), TEIKIT_SCHXSLT or schxslt in "
    "teikit.toml [validate]",
}
WHAT = {
    "tei_all": "tei_all.rng",
    "tei_source": "the TEI source (p5subset.xml)",
    "stylesheets": "the TEI Stylesheets",
    "schxslt": "SchXslt2",
}
REFS = ("error", "warning", "off")


class SchemaUnchecked(SchemaError):
    """The schema cannot be checked on this machine (a tool or a TEI release is not installed or
    not configured): the file is reported as not checked, never as valid or invalid."""


@dataclass(frozen=True)
class Resources:
    tei_all: Path | None = None
    tei_source: Path | None = None
    stylesheets: Path | None = None
    schxslt: Path | None = None
    refs: str | None = None

    def require(self, name: str, purpose: str) -> Path:
        """The resource, or a SchemaError that says how to configure it."""
        value: Path | None = getattr(self, name)
        if value is None:
            raise SchemaUnchecked(f"{purpose} needs {WHAT[name]}: set {HOW_TO[name]}")
        if not value.exists():
            raise SchemaError(f"{WHAT[name]} not found at {value} (set by {HOW_TO[name]})")
        return value


def find_project_file(start: Path | None = None) -> Path | None:
    folder = (start or Path.cwd()).resolve()
    for candidate in [folder, *folder.parents]:
        path = candidate / PROJECT_FILE
        if path.is_file():
            return path
    return None


def _from_toml(path: Path) -> dict[str, object]:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise InputError(f"invalid TOML: {exc}", file=str(path)) from exc
    table = data.get("validate", {})
    if not isinstance(table, dict):
        raise InputError("[validate] must be a table", file=str(path))
    unknown = sorted(set(table) - set(TOML_KEYS) - {"refs"})
    if unknown:
        known = ", ".join(sorted([*TOML_KEYS, "refs"]))
        raise InputError(
            f"unknown [validate] setting(s) {', '.join(unknown)}; known: {known}", file=str(path)
        )
    out: dict[str, object] = {}
    for key, field_name in TOML_KEYS.items():
        if key in table:
            out[field_name] = (path.parent / str(table[key])).resolve()
    if "refs" in table:
        out["refs"] = _check_refs(str(table["refs"]), str(path))
    return out


def _check_refs(value: str, where: str) -> str:
    if value not in REFS:
        raise InputError(f"refs must be one of {', '.join(REFS)}, not {value!r}", file=where)
    return value


def find_resources(
    overrides: dict[str, str | os.PathLike[str] | None] | None = None,
    *,
    start: Path | None = None,
) -> Resources:
    """Options first, then environment variables, then the nearest teikit.toml."""
    settings: dict[str, object] = {}
    project = find_project_file(start)
    if project is not None:
        settings.update(_from_toml(project))
    for field_name, variable in ENVIRONMENT.items():
        if os.environ.get(variable):
            settings[field_name] = Path(os.environ[variable]).expanduser().resolve()
    for field_name, value in (overrides or {}).items():
        if value is None:
            continue
        if field_name == "refs":
            settings["refs"] = _check_refs(str(value), "--refs")
        else:
            settings[field_name] = Path(value).expanduser().resolve()
    return replace(Resources(), **settings)  # type: ignore[arg-type]

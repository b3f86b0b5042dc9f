"""Render a validation Report as text (jing-like), JSON, JUnit XML or GitHub annotations."""

from __future__ import annotations

import json
from html import escape
from typing import TYPE_CHECKING

from ..errors import Diagnostic

if TYPE_CHECKING:
    from . import Report


def quoteattr(value: str) -> str:
    # html.escape rather than xml.sax.saxutils: the latter imports urllib (40 ms of cold start)
    return '"' + escape(value, quote=True) + '"'


def render(report: Report, fmt: str) -> str:
    return {"text": _text, "json": _json, "junit": _junit, "github": _github}[fmt](report)


def summary(report: Report) -> str:
    """One line: how many files, against which schemas, the verdict. A file whose declared
    schemas were not (all) checked is never counted as plainly valid."""
    files = len(report.files)
    invalid = sum(1 for f in report.files if not f.valid)
    unchecked = sum(1 for f in report.files if f.unchecked)
    errors = sum(1 for d in report.diagnostics if d.is_error)
    warnings = sum(1 for d in report.diagnostics if not d.is_error)
    if invalid == 0 and unchecked == 0:
        verdict = "all valid"
    elif invalid == 0:
        verdict = f"no errors found, but {unchecked} with declared schemas NOT checked"
    else:
        verdict = f"{invalid} invalid"
        if unchecked:
            verdict += f", {unchecked} with declared schemas NOT checked"
    plural = "s" if files != 1 else ""
    used = _schemas_used(report)
    against = f" against {used}" if used else ""
    return (
        f"{files} file{plural} checked{against}: {verdict}; "
        f"{errors} error(s), {warnings} warning(s)"
    )


def _schemas_used(report: Report, most: int = 4) -> str:
    names: list[str] = []
    for f in report.files:
        for name in f.schemas:
            if name not in names:
                names.append(name)
    if len(names) > most:
        return ", ".join(names[:most]) + f" and {len(names) - most} more"
    return ", ".join(names)


def _where(d: Diagnostic) -> str:
    """The element and its ancestors (" (at /TEI/text[1]/body[1]/foo[1])"), so a message names
    the parent as well as the element."""
    return f" (at {d.xpath})" if d.xpath else ""


def _text(report: Report) -> str:
    lines = [str(d) + _where(d) for d in report.diagnostics]
    lines.append(summary(report))
    return "\n".join(lines) + "\n"


def _json(report: Report) -> str:
    data = {
        "valid": report.ok,
        "summary": summary(report),
        "files": [
            {
                "file": f.path,
                "valid": f.valid,
                "schemas": f.schemas,
                "unchecked": f.unchecked,
                "diagnostics": [d.to_dict() for d in f.diagnostics],
            }
            for f in report.files
        ],
    }
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def _junit(report: Report) -> str:
    failures = sum(1 for f in report.files if not f.valid)
    out = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<testsuites name="teikit validate" tests="{len(report.files)}" failures="{failures}">',
        f'<testsuite name="teikit validate" tests="{len(report.files)}" failures="{failures}">',
    ]
    for f in report.files:
        out.append(f'<testcase classname="teikit.validate" name={quoteattr(f.path)}>')
        errors = [d for d in f.diagnostics if d.is_error]
        if errors:
            out.append(
                f"<failure message={quoteattr(errors[0].message)} type={quoteattr(errors[0].code)}>"
                + escape("\n".join(str(d) for d in errors))
                + "</failure>"
            )
        warnings = [d for d in f.diagnostics if not d.is_error]
        if warnings:
            out.append(
                "<system-out>" + escape("\n".join(str(d) for d in warnings)) + "</system-out>"
            )
        out.append("</testcase>")
    out += ["</testsuite>", "</testsuites>"]
    return "\n".join(out) + "\n"


def _github_escape(value: str, property_: bool = False) -> str:
    value = value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if property_:
        value = value.replace(":", "%3A").replace(",", "%2C")
    return value


def _github(report: Report) -> str:
    lines = []
    for d in report.diagnostics:
        level = "error" if d.is_error else "warning"
        props = [f"file={_github_escape(d.file, True)}"]
        if d.line:
            props.append(f"line={d.line}")
            if d.col:
                props.append(f"col={d.col}")
        props.append(f"title={_github_escape(d.code, True)}")
        lines.append(f"::{level} {','.join(props)}::{_github_escape(d.message + _where(d))}")
    lines.append(summary(report))
    return "\n".join(lines) + "\n"


def fold_duplicates(diagnostics: list[Diagnostic]) -> list[Diagnostic]:
    seen: set[tuple[str, int, int, str, str]] = set()
    out = []
    for d in diagnostics:
        key = (d.file, d.line, d.col, d.code, d.message)
        if key not in seen:
            seen.add(key)
            out.append(d)
    return out

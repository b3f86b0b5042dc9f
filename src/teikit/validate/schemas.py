"""Load and compile schemas once per run: RELAX NG, XSD (xmlschema), ISO Schematron, DTD.

``load_schema(path)`` picks the kind from the file (extension, then root element) and returns a
``Schema`` whose ``check(tree, file)`` yields Diagnostics. Compiled schemas are cached by path and
modification time, so a batch run compiles each schema once. Nothing here touches the network:
schema documents are parsed with no_network and includes resolve only to local files.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from lxml import etree

from ..errors import Diagnostic, SchemaError, Severity, error
from .locations import SchemaUnchecked

if TYPE_CHECKING:
    from .locations import Resources

RNG_NS = "http://relaxng.org/ns/structure/1.0"
XSD_NS = "http://www.w3.org/2001/XMLSchema"
SCH_NS = "http://purl.oclc.org/dsdl/schematron"
TEI_NS = "http://www.tei-c.org/ns/1.0"


@dataclass
class NoRules:
    """Schematron declared on a grammar that embeds no rules: nothing to check."""

    name: str
    kind: str = "schematron"

    def check(self, tree: etree._ElementTree, file: str) -> list[Diagnostic]:
        return []


class Schema(Protocol):
    name: str
    kind: str

    def check(self, tree: etree._ElementTree, file: str) -> list[Diagnostic]: ...


def _schema_parser() -> etree.XMLParser:
    return etree.XMLParser(no_network=True, resolve_entities=False, load_dtd=False)


@dataclass
class LibxmlSchema:
    """A DTD validated by libxml2; its error log becomes Diagnostics. (RELAX NG uses teikit's own
    engine in relaxng/: libxml2 takes ~10 s to compile tei_all and stops at the first error.)"""

    name: str
    path: Path
    compiled: etree.DTD
    kind: str = "relaxng"

    def check(self, tree: etree._ElementTree, file: str) -> list[Diagnostic]:
        self.compiled.validate(tree)
        prefix = "rng" if self.kind == "relaxng" else self.kind
        return [_from_log_entry(e, file, self.name, prefix) for e in self.compiled.error_log]


@dataclass
class SchematronSchema:
    name: str
    path: Path
    compiled: Any  # lxml.isoschematron.Schematron, imported when a Schematron is loaded
    kind: str = "schematron"

    def check(self, tree: etree._ElementTree, file: str) -> list[Diagnostic]:
        self.compiled.validate(tree)
        report = self.compiled.validation_report
        out: list[Diagnostic] = []
        if report is None:
            return out
        svrl = "http://purl.oclc.org/dsdl/svrl"
        for node in report.iter(f"{{{svrl}}}failed-assert", f"{{{svrl}}}successful-report"):
            location = node.get("location", "")
            text = " ".join("".join(node.itertext()).split())
            role = (node.get("role") or "").lower()
            severity = (
                Severity.WARNING
                if role in ("warning", "warn", "info", "information")
                else Severity.ERROR
            )
            line = _line_of(tree, location)
            out.append(
                Diagnostic(
                    severity,
                    "sch-" + ("assert" if node.tag.endswith("assert") else "report"),
                    text,
                    file=file,
                    line=line,
                    col=1 if line else 0,
                    xpath=location,
                    schema=self.name,
                )
            )
        return out


@dataclass
class XSDSchema:
    name: str
    path: Path
    compiled: Any
    kind: str = "xsd"

    def check(self, tree: etree._ElementTree, file: str) -> list[Diagnostic]:
        out = []
        for err in self.compiled.iter_errors(tree):
            elem = getattr(err, "elem", None)
            line = getattr(elem, "sourceline", 0) or 0
            reason = getattr(err, "reason", None) or str(err).splitlines()[0]
            out.append(
                error(
                    "xsd-invalid",
                    reason,
                    file=file,
                    line=line,
                    col=1 if line else 0,
                    xpath=getattr(err, "path", "") or "",
                    schema=self.name,
                )
            )
        return out


def _line_of(tree: etree._ElementTree, location: str) -> int:
    if not location:
        return 0
    try:
        found = tree.xpath(location)
    except etree.XPathError:
        return 0
    if isinstance(found, list) and found and isinstance(found[0], etree._Element):
        return found[0].sourceline or 0
    return 0


def _from_log_entry(entry: Any, file: str, schema: str, prefix: str) -> Diagnostic:
    message = entry.message
    code = f"{prefix}-invalid"
    lowered = message.lower()
    if (
        "did not expect element" in lowered
        or "element not allowed" in lowered
        or "not allowed" in lowered
    ):
        code = f"{prefix}-element-not-allowed"
    elif "expecting an element" in lowered or "missing" in lowered:
        code = f"{prefix}-missing-content"
    elif "attribute" in lowered:
        code = f"{prefix}-attribute"
    elif "datatype" in lowered or "value" in lowered:
        code = f"{prefix}-bad-value"
    return error(
        code,
        message,
        file=file,
        line=entry.line or 0,
        col=entry.column or 0,
        xpath=entry.path or "",
        schema=schema,
    )


def detect_kind(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix == ".rng":
        return "relaxng"
    if suffix == ".rnc":
        return "rnc"
    if suffix == ".xsd":
        return "xsd"
    if suffix in (".sch", ".schematron"):
        return "schematron"
    if suffix == ".dtd":
        return "dtd"
    if suffix == ".odd":
        return "odd"
    try:
        root = etree.parse(str(path), _schema_parser()).getroot()
    except (etree.XMLSyntaxError, OSError):
        return "unknown"
    namespace = etree.QName(root).namespace
    kinds = {RNG_NS: "relaxng", XSD_NS: "xsd", SCH_NS: "schematron", TEI_NS: "odd"}
    return kinds.get(namespace or "", "unknown")


SCHEMA_NOT_FOUND = "schema not found"


def load_schema(
    path: str | os.PathLike[str],
    kind: str | None = None,
    *,
    embedded_schematron: bool = False,
    resources: Resources | None = None,
    phase: str = "",
) -> Schema:
    """Compile the schema at ``path`` (cached for the run). ``kind`` "odd" is an ODD's RELAX NG,
    "odd-schematron" its Schematron; ``resources`` locate SchXslt2 and the TEI release."""
    p = Path(path)
    if not p.is_file():
        raise SchemaError(SCHEMA_NOT_FOUND, file=str(p))
    key = (p.resolve(), p.stat().st_mtime_ns, kind or detect_kind(p), embedded_schematron)
    failed = _FAILED.get((*key, resources, phase))
    if failed is not None:
        raise failed  # a schema that cannot compile fails once per run, not once per file
    try:
        return _load(*key, resources, phase)
    except SchemaError as exc:
        _FAILED[(*key, resources, phase)] = exc
        raise


_FAILED: dict[tuple[Any, ...], SchemaError] = {}


def _xpath2(path: Path, resources: Resources | None, embedded: bool, phase: str) -> Schema:
    from .saxon import INSTALL_HINT, available

    what = f"the Schematron {'embedded in ' if embedded else 'in '}{path.name}"
    if not available():
        raise SchemaUnchecked(
            f"{what} uses XPath 2 (query binding xslt2/xslt3), which needs saxonche "
            f"({INSTALL_HINT})"
        )
    if resources is None or resources.schxslt is None:
        from .locations import HOW_TO

        raise SchemaUnchecked(f"{what} uses XPath 2, which needs SchXslt2: set {HOW_TO['schxslt']}")
    from .schematron import extract, load_xpath2_schematron

    if embedded:
        from ..io import safe_parser

        root = etree.fromstring(p_bytes(path), safe_parser())
        if extract(root) is None:
            return NoRules(path.name + "#schematron")
    return load_xpath2_schematron(path, resources.schxslt, embedded=embedded, phase=phase)


def p_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise SchemaError(f"cannot read: {exc.strerror}", file=str(path)) from None


def _odd(path: Path, resources: Resources | None) -> Path:
    from .locations import Resources
    from .odd import compile_odd, report_progress

    return compile_odd(path, resources or Resources(), progress=report_progress).rng


@lru_cache(maxsize=32)
def _load(
    path: Path,
    mtime: int,
    kind: str,
    embedded_schematron: bool,
    resources: Resources | None = None,
    phase: str = "",
) -> Schema:
    name = path.name
    if kind == "odd":
        schema = _load(_odd(path, resources), 0, "relaxng", False, resources, phase)
        schema.name = name  # type: ignore[misc]
        return schema
    if kind == "odd-schematron":
        schema = _load(_odd(path, resources), 0, "relaxng", True, resources, phase)
        schema.name = name + "#schematron"  # type: ignore[misc]
        return schema
    try:
        if kind in ("relaxng", "rnc"):
            if embedded_schematron:
                # TEI writes its embedded rules in XPath 2, and they declare no binding
                return _xpath2(path, resources, True, phase)
            from .relaxng import compile_schema

            return compile_schema(path)
        if kind == "schematron":
            from .schematron import XPATH2_BINDINGS, query_binding

            doc = etree.parse(str(path), _schema_parser())
            if query_binding(doc.getroot(), embedded=False) in XPATH2_BINDINGS:
                return _xpath2(path, resources, False, phase)
            from lxml import isoschematron  # only here: importing it costs ~10 ms

            return SchematronSchema(name, path, isoschematron.Schematron(doc, store_report=True))
        if kind == "dtd":
            return LibxmlSchema(name, path, etree.DTD(str(path)), kind="dtd")
        if kind == "xsd":
            import xmlschema

            compiled: xmlschema.XMLSchemaBase
            try:
                compiled = xmlschema.XMLSchema11(str(path), allow="local", defuse="always")
            except xmlschema.XMLSchemaException:
                compiled = xmlschema.XMLSchema10(str(path), allow="local", defuse="always")
            return XSDSchema(name, path, compiled)
    except SchemaError:
        raise
    except (
        etree.XMLSyntaxError,
        etree.RelaxNGParseError,
        etree.SchematronParseError,
        etree.DTDParseError,
    ) as exc:
        raise SchemaError(f"cannot compile {kind} schema: {exc}", file=str(path)) from exc
    except (
        Exception
    ) as exc:  # xmlschema raises its own hierarchy; keep the message, never a traceback
        raise SchemaError(
            f"cannot compile {kind} schema: {exc}".splitlines()[0], file=str(path)
        ) from exc
    raise SchemaError(f"cannot tell what kind of schema this is ({kind})", file=str(path))

"""Compile a TEI ODD customisation to RELAX NG (with its Schematron embedded), without Java.

``compile_odd(odd, resources)`` runs the TEI Stylesheets' own ODD processor, ``odd2odd.xsl``
then ``odd2relax.xsl``, on saxonche, over a local TEI source (``p5subset.xml``), and returns the
path of the compiled grammar in the disk cache. Its RELAX NG is then checked by teikit's own
engine and its embedded rules by schematron.py.

Never the network: an ODD that names a TEI release (``source="tei:4.12.0"``) or a tei-c.org
``p5subset.xml`` URL is served from the configured source (and the result says which release it
asked for); an ODD that takes specifications from any other URL is refused. Before compiling,
every specification the ODD uses (``moduleRef`` keys, ``include``/``except`` lists, changed or
deleted specs, ``memberOf`` and ``*Ref`` keys) is looked up in that source, so an ODD written for
a newer release gets one error naming the missing spec and the release it asked for, rather than
a schema silently without it.

Compiled grammars are cached by the hash of the ODD, the TEI source and the Stylesheets: the
first compile of tei_lite takes ~1 s here (the Stylesheets on Java Saxon: ~4.5 s), a cached one
a few milliseconds.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from lxml import etree

from ..errors import SchemaError
from ..io import safe_parser
from . import diskcache
from .locations import Resources
from .saxon import SaxonError, processor

TEI_NS = "http://www.tei-c.org/ns/1.0"
RNG_NS = "http://relaxng.org/ns/structure/1.0"
T = f"{{{TEI_NS}}}"
SPEC_KINDS = ("elementSpec", "classSpec", "macroSpec", "dataSpec")
_SOURCED = {f"{T}{name}" for name in (*SPEC_KINDS, "schemaSpec", "moduleRef", "specGrp")} | {
    f"{T}{name}" for name in ("elementRef", "classRef", "macroRef", "dataRef")
}
_TEI_URL = re.compile(
    r"^https?://(?:www\.)?(?:vault\.)?tei-c\.org/(?:Vault/P5/|P5/)?([^/]+)/xml/tei/odd/p5subset\.xml$"
)


@dataclass(frozen=True)
class CompiledOdd:
    rng: Path  # the compiled grammar (Schematron embedded), in the disk cache
    release: str  # the TEI release of the source it was compiled over
    asked: str  # the release the ODD named ("" when none), e.g. "4.12.0"
    cached: bool
    skipped: tuple[str, ...] = ()  # what the ODD names that the source lacks and that is skipped

    @property
    def notes(self) -> list[str]:
        out = list(self.skipped)
        if self.asked and self.asked not in ("current", "latest") and self.asked != self.release:
            out.insert(
                0,
                f"the ODD asks for TEI {self.asked}; compiled over the configured TEI source "
                f"(TEI {self.release or 'of unknown release'})",
            )
        return out


def _parser() -> etree.XMLParser:
    return safe_parser()


@dataclass(frozen=True)
class TeiSource:
    path: Path
    release: str
    specs: dict[str, str]  # ident -> spec kind
    modules: frozenset[str]


@lru_cache(maxsize=4)
def read_source(path: Path, mtime: int) -> TeiSource:
    try:
        tree = etree.ElementTree(etree.fromstring(path.read_bytes(), _parser()))
    except (OSError, etree.XMLSyntaxError) as exc:
        raise SchemaError(f"cannot read the TEI source: {exc}", file=str(path)) from None
    specs: dict[str, str] = {}
    for kind in SPEC_KINDS:
        for spec in tree.iter(f"{T}{kind}"):
            specs.setdefault(spec.get("ident", ""), kind)
    modules = frozenset(m.get("ident", "") for m in tree.iter(f"{T}moduleSpec"))
    if not specs:
        raise SchemaError("is not a TEI source (no elementSpec in it)", file=str(path))
    edition = tree.find(f".//{T}editionStmt/{T}edition")
    text = " ".join("".join(edition.itertext()).split()) if edition is not None else ""
    found = re.search(r"Version\s+([0-9][0-9A-Za-z.]*[0-9A-Za-z])", text)
    return TeiSource(path, found.group(1) if found else "", specs, modules)


def _version_asked(value: str) -> str | None:
    """The release a ``@source`` names, when it names the TEI's own source; else None."""
    if value.startswith("tei:"):
        return value[4:]
    found = _TEI_URL.match(value)
    if found:
        return found.group(1)
    if value.rstrip("/") in ("https://www.tei-c.org/release/xml/tei/odd/p5subset.xml",):
        return "current"
    return None


def localise_sources(root: etree._Element, source_uri: str, odd: Path) -> str:
    """Point every ``@source`` naming the TEI release at the local source; refuse other URLs.
    Returns the release asked for ("" when the ODD names none)."""
    asked = ""
    for node in root.iter(*_SOURCED):
        value = (node.get("source") or "").strip()
        if not value:
            continue
        version = _version_asked(value)
        if version is not None:
            asked = asked or version
            node.set("source", source_uri)
        elif re.match(r"^[a-z]+://", value) and not value.startswith("file:"):
            raise SchemaError(
                f"line {node.sourceline}: specifications come from {value}, which teikit does "
                "not fetch (it never uses the network); save it locally and give its path",
                file=str(odd),
            )
    return asked


def _tokens(value: str | None) -> list[str]:
    return (value or "").split()


# XML Schema's built-in types: a dataRef whose key names one becomes <data type="…"/> (odd2relax
# takes an unknown key for a datatype), so it needs no dataSpec in the source.
XSD_TYPES = frozenset(
    "anyURI base64Binary boolean byte date dateTime decimal double duration ENTITIES ENTITY "
    "float gDay gMonth gMonthDay gYear gYearMonth hexBinary ID IDREF IDREFS int integer "
    "language long Name NCName negativeInteger NMTOKEN NMTOKENS nonNegativeInteger "
    "nonPositiveInteger normalizedString NOTATION positiveInteger QName short string time "
    "token unsignedByte unsignedInt unsignedLong unsignedShort".split()
)


@dataclass(frozen=True)
class Missing:
    line: int
    kind: str
    ident: str
    needed: bool  # False: the Stylesheets skip it (an include, except or delete of nothing)

    def describe(self) -> str:
        return f"line {self.line}: {self.kind} {self.ident!r}"


def missing_specs(root: etree._Element, source: TeiSource) -> list[Missing]:
    """Every specification the ODD uses that neither the source nor the ODD itself defines."""
    added = set()
    for kind in SPEC_KINDS:
        for spec in root.iter(f"{T}{kind}"):
            if spec.get("mode") in (None, "add"):
                added.add(spec.get("ident", ""))
    known = set(source.specs) | added
    out: list[Missing] = []

    def need(node: etree._Element, ident: str, kind: str, needed: bool = True) -> None:
        if ident and ident not in known:
            out.append(Missing(node.sourceline or 0, kind, ident, needed))

    for ref in root.iter(f"{T}moduleRef"):
        if ref.get("url"):
            continue
        key = ref.get("key", "")
        if key and key not in source.modules:
            out.append(Missing(ref.sourceline or 0, "moduleSpec", key, True))
        for ident in _tokens(ref.get("include")) + _tokens(ref.get("except")):
            need(ref, ident, f"specification (in moduleRef {key!r})", needed=False)
    for kind in SPEC_KINDS:
        for spec in root.iter(f"{T}{kind}"):
            mode = spec.get("mode")
            if mode in ("change", "delete", "replace"):
                need(spec, spec.get("ident", ""), kind, needed=mode != "delete")
    for name, kind in (
        ("elementRef", "elementSpec"),
        ("classRef", "classSpec"),
        ("macroRef", "macroSpec"),
        ("dataRef", "dataSpec"),
        ("memberOf", "classSpec"),
    ):
        for ref in root.iter(f"{T}{name}"):
            key = ref.get("key", "")
            if name == "memberOf" and ref.get("mode") == "delete":
                continue
            if name == "dataRef" and key in XSD_TYPES:
                continue
            need(ref, key, kind)
    return out


def _stylesheets_key(stylesheets: Path) -> str:
    parts = []
    for folder in ("odds", "common"):
        for path in sorted((stylesheets / folder).glob("*.xsl")):
            stat = path.stat()
            parts.append(f"{path.name}:{stat.st_size}:{stat.st_mtime_ns}")
    version = stylesheets / "VERSION"
    if version.is_file():
        parts.append(version.read_text(encoding="utf-8", errors="replace"))
    return "\n".join(parts)


_PROGRESS: list[Callable[[str], None]] = []


def on_progress(callback: Callable[[str], None] | None) -> None:
    """Have ``callback`` told when a compile starts (the CLI shows it on a terminal)."""
    _PROGRESS.clear()
    if callback is not None:
        _PROGRESS.append(callback)


def report_progress(message: str) -> None:
    for callback in _PROGRESS:
        callback(message)


def compile_odd(
    odd: Path,
    resources: Resources,
    *,
    progress: Callable[[str], None] | None = None,
) -> CompiledOdd:
    """Compile ``odd`` to RELAX NG over the configured TEI source, or raise SchemaError."""
    tei_source = resources.require("tei_source", f"compiling the ODD {odd.name}")
    stylesheets = resources.require("stylesheets", f"compiling the ODD {odd.name}")
    for name in ("odd2odd.xsl", "odd2relax.xsl"):
        if not (stylesheets / "odds" / name).is_file():
            raise SchemaError(
                f"the TEI Stylesheets folder {stylesheets} has no odds/{name}", file=str(odd)
            )
    try:
        data = odd.read_bytes()
        root = etree.fromstring(data, _parser(), base_url=str(odd))
    except OSError as exc:
        raise SchemaError(f"cannot read: {exc.strerror}", file=str(odd)) from None
    except etree.XMLSyntaxError as exc:
        raise SchemaError(
            f"not well-formed: {exc.msg}",
            file=str(odd),
            line=exc.lineno or 0,
            col=exc.offset or 0,
        ) from None
    if root.find(f".//{T}schemaSpec") is None:
        raise SchemaError("is not an ODD (no schemaSpec in it)", file=str(odd))
    source = read_source(tei_source.resolve(), tei_source.stat().st_mtime_ns)
    asked = localise_sources(root, tei_source.resolve().as_uri(), odd)
    missing = missing_specs(root, source)
    needed = [m for m in missing if m.needed]
    skipped = tuple(
        f"{m.describe()} is not in TEI {source.release or '?'} (the Stylesheets skip it)"
        for m in missing
        if not m.needed
    )
    if needed:
        more = f" (and {len(needed) - 1} more)" if len(needed) > 1 else ""
        wanted = f"the ODD asks for TEI {asked}" if asked else "the ODD names no TEI release"
        raise SchemaError(
            f"{needed[0].describe()}{more} is not in the TEI source "
            f"{tei_source.name} (TEI {source.release or 'of unknown release'}); {wanted}: "
            "give a p5subset.xml of a release that has it with --tei-source",
            file=str(odd),
        )
    key = diskcache.digest(
        data, str(odd.resolve()), tei_source.read_bytes(), _stylesheets_key(stylesheets)
    )
    cached = diskcache.entry("odd", key, ".rng")
    if cached.is_file():
        return CompiledOdd(cached, source.release, asked, True, skipped)
    if progress:
        progress(f"compiling {odd.name} over TEI {source.release or '?'} (odd2odd, odd2relax)")
    rng = _run_stylesheets(root, odd, tei_source, stylesheets)
    stored = diskcache.store("odd", key, ".rng", rng.encode("utf-8"))
    if stored is None:
        raise SchemaError(f"cannot write the compiled schema to {cached.parent}", file=str(odd))
    return CompiledOdd(stored, source.release, asked, False, skipped)


def _run_stylesheets(root: etree._Element, odd: Path, tei_source: Path, stylesheets: Path) -> str:
    saxon = processor()
    odd2odd = saxon.compile_file(stylesheets / "odds" / "odd2odd.xsl")
    odd2relax = saxon.compile_file(stylesheets / "odds" / "odd2relax.xsl")
    node = saxon.parse(etree.tostring(root, encoding="unicode"), odd.resolve().as_uri())
    for stylesheet in (odd2odd, odd2relax):
        stylesheet.set_parameter("useFixedDate", saxon.string("true"))
    odd2odd.set_parameter("defaultSource", saxon.string(tei_source.resolve().as_uri()))
    try:
        expanded = odd2odd.transform_to_value(xdm_node=node)
        rng = odd2relax.transform_to_string(xdm_node=expanded.head)
    except Exception as exc:
        raise SchemaError(
            f"the TEI Stylesheets could not compile it: {_reason(exc)}", file=str(odd)
        ) from None
    if not rng or f'xmlns="{RNG_NS}"' not in rng[:2000]:
        raise SchemaError("odd2relax produced no RELAX NG grammar", file=str(odd))
    return rng


def _reason(exc: BaseException) -> str:
    from .saxon import one_line

    text = one_line(exc)
    found = re.search(r"Error: (.*)", text)
    return found.group(1) if found else text


__all__ = ["CompiledOdd", "compile_odd", "SaxonError"]

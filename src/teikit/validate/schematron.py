"""ISO Schematron with XPath 2/3 (query bindings xslt2, xslt3), run by SchXslt2 on saxonche.

``load_xpath2_schematron(path, schxslt)`` reads a Schematron schema (a ``.sch`` file, or the
rules embedded in a RELAX NG grammar, as TEI's compiled schemas carry them), has SchXslt2's
``transpile.xsl`` turn it into an XSLT 3.0 stylesheet that writes SVRL, and returns a schema
whose ``check(tree, file)`` gives Diagnostics: ``sch-assert`` for a failed assertion,
``sch-report`` for a successful report, each with the file's line and column (just past the
start tag, as the RELAX NG errors), the rule's context and the assertion's test. ``@role``
(error, fatal / warning, warn / info) sets the severity; when the schema words a message in
several languages (several asserts or diagnostics that differ only in ``xml:lang``), the one in
the document's language is kept. The transpiled stylesheet is cached on disk by the hash of the
schema, SchXslt2 and the phase; compiling it with Saxon takes ~0.1 s for tei_all's 98 rules.

Embedded Schematron in RELAX NG carries no ``queryBinding``; TEI writes its rules in XPath 2
(``tokenize()``, ``eq``, ``xs:float()``), so embedded rules default to ``xslt2``, as the TEI
Stylesheets' ``extract-isosch.xsl`` and oXygen take them. Standalone schemas with binding
``xslt`` (XSLT 1.0, the ISO default) stay on lxml (schemas.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lxml import etree

from ..errors import Diagnostic, SchemaError, Severity
from ..io import is_url, reread, safe_parser
from . import diskcache
from .saxon import SaxonError, messages, one_line, processor

SCH_NS = "http://purl.oclc.org/dsdl/schematron"
SCH1_NS = "http://www.ascc.net/xml/schematron"
RNG_NS = "http://relaxng.org/ns/structure/1.0"
SVRL_NS = "http://purl.oclc.org/dsdl/svrl"
XSL_NS = "http://www.w3.org/1999/XSL/Transform"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
XPATH2_BINDINGS = ("xslt2", "xslt3", "xpath2", "xpath3", "xpath31")
_WARNING_ROLES = ("warning", "warn", "caution")
_INFO_ROLES = ("info", "information", "informational", "note", "hint")


def _parser() -> etree.XMLParser:
    return safe_parser()


def query_binding(schema: etree._Element, embedded: bool) -> str:
    """The schema's query language binding, lower-cased; embedded rules default to xslt2."""
    value = (schema.get("queryBinding") or "").strip().lower()
    if value:
        return value
    return "xslt2" if embedded else "xslt"


def extract(root: etree._Element) -> etree._Element | None:
    """A standalone ``sch:schema`` from a Schematron document or from the rules embedded in a
    RELAX NG grammar (or any other host): its ``sch:ns``, ``sch:let``, ``sch:phase``,
    ``sch:diagnostics``, ``sch:pattern``s, and an ``sch:ns`` for every prefix the host declares
    that the rules may use. None when there are no rules."""
    if root.tag == f"{{{SCH_NS}}}schema":
        return root
    schema = etree.Element(f"{{{SCH_NS}}}schema", nsmap={"sch": SCH_NS})
    schema.set("queryBinding", "xslt2")
    declared: set[str] = set()
    patterns = []
    for node in root.iter(f"{{{SCH_NS}}}ns"):
        prefix = node.get("prefix") or ""
        if prefix and prefix not in declared:
            declared.add(prefix)
            schema.append(_copy(node))
    for node in root.iter(f"{{{SCH_NS}}}pattern", f"{{{SCH_NS}}}phase", f"{{{SCH_NS}}}diagnostics"):
        parent = node.getparent()
        if parent is not None and etree.QName(parent).namespace == SCH_NS:
            continue  # inside an sch:schema or another Schematron element: copied with it
        patterns.append(node)
    for node in root.iter(f"{{{SCH_NS}}}let"):
        parent = node.getparent()
        if parent is not None and etree.QName(parent).namespace != SCH_NS:
            schema.append(_copy(node))  # a schema-level variable in the host
    if not patterns:
        return None
    for prefix, uri in (root.nsmap or {}).items():
        if prefix and prefix not in declared and uri not in (RNG_NS, SCH_NS):
            declared.add(prefix)
            schema.append(etree.Element(f"{{{SCH_NS}}}ns", prefix=prefix, uri=uri))
    _infer_languages(patterns)
    abstract = {n.get("id") for n in patterns if n.get("abstract") == "true"}
    for node in sorted(patterns, key=lambda n: etree.QName(n).localname != "phase"):
        if node.get("is-a") and node.get("is-a") not in abstract:
            # odd2relax leaves these when a customisation drops the abstract pattern's spec;
            # SchXslt2 would refuse the whole schema for them
            schema.set("skipped", " ".join(filter(None, [schema.get("skipped"), node.get("is-a")])))
            continue
        schema.append(_copy(node))
    return schema


_RULE_NUMBER = re.compile(r"-rule-\d+$")
_TRANSLATED = re.compile(r"^(?P<base>.*)-(?P<lang>[a-z]{2})-constraint$")


def _infer_languages(patterns: list[etree._Element]) -> None:
    """odd2relax drops a constraint's ``xml:lang``: a translation is left as a second pattern whose
    id carries the language (``…-addSpan-requires-spanTo-fr-constraint-rule-44`` beside
    ``…-addSpan-requires-spanTo-constraint-rule-43``). Give such a pattern its language back, so
    that one message per finding, in the document's language, can be kept."""
    ids = {_RULE_NUMBER.sub("", n.get("id") or "") for n in patterns}
    for node in patterns:
        if node.get(XML_LANG) is not None:
            continue
        found = _TRANSLATED.match(_RULE_NUMBER.sub("", node.get("id") or ""))
        if found and f"{found.group('base')}-constraint" in ids:
            node.set(XML_LANG, found.group("lang"))


def _copy(node: etree._Element) -> etree._Element:
    copied = etree.fromstring(etree.tostring(node, with_tail=False))
    return copied


@dataclass
class XPath2Schematron:
    """A Schematron schema compiled to XSLT 3.0 by SchXslt2, run on Saxon."""

    name: str
    path: Path
    xslt: str  # the transpiled validation stylesheet
    binding: str
    kind: str = "schematron"
    skipped: tuple[str, ...] = ()  # abstract patterns instantiated but not defined
    _executable: dict[int, Any] = field(default_factory=dict, repr=False)

    def executable(self) -> Any:
        import os

        pid = os.getpid()
        if pid not in self._executable:
            self._executable.clear()
            # relative URIs in the rules (pattern/@documents, doc()) resolve against the schema
            self._executable[pid] = processor().compile_text(
                self.xslt, self.path.resolve().as_uri()
            )
        return self._executable[pid]

    def svrl(self, tree: etree._ElementTree, file: str) -> etree._Element:
        saxon = processor()
        text = etree.tostring(tree.getroot(), encoding="unicode")
        base = (file if is_url(file) else Path(file).resolve().as_uri()) if file else ""
        node = saxon.parse(text, base)
        executable = self.executable()
        try:
            out = executable.transform_to_string(xdm_node=node)
        except Exception as exc:  # PySaxonApiError: a dynamic error in a rule
            said = messages(executable)
            reason = one_line(Exception(said)) if said else one_line(exc)
            raise SaxonError(f"Schematron {self.name} could not run a rule: {reason}") from None
        return etree.fromstring(out.encode("utf-8"), _parser())

    def check(self, tree: etree._ElementTree, file: str) -> list[Diagnostic]:
        try:
            report = self.svrl(tree, file)
        except SchemaError as exc:
            return [
                Diagnostic(Severity.ERROR, "sch-error", exc.message, file=file, schema=self.name)
            ]
        out = findings(report, tree, file, self.name)
        if self.skipped:
            names = ", ".join(sorted(set(self.skipped)))
            out.insert(
                0,
                Diagnostic(
                    Severity.WARNING,
                    "sch-skipped",
                    f"{len(self.skipped)} pattern(s) of {self.name} instantiate the abstract "
                    f"pattern(s) {names}, which the schema does not define: not checked",
                    file=file,
                    schema=self.name,
                ),
            )
        return out


def _short(exc: BaseException) -> str:
    return " ".join(str(exc).split())[:400]


def findings(
    report: etree._Element, tree: etree._ElementTree, file: str, schema: str
) -> list[Diagnostic]:
    """SVRL → Diagnostics, in document order of the report, one per finding and language."""
    raw = []
    errors: list[Diagnostic] = []
    context = ""
    rule_role: dict[int, str] = {}  # an assertion without @role takes its rule's
    role = ""
    for node in report:
        local = etree.QName(node).localname
        if local == "fired-rule":
            context, role = node.get("context", ""), node.get("role", "")
        elif local in ("failed-assert", "successful-report"):
            raw.append((node, local, context))
            rule_role[id(node)] = role
        elif local == "error":  # a dynamic error in a rule, caught by the validation stylesheet
            errors.append(
                Diagnostic(
                    Severity.ERROR,
                    "sch-error",
                    f"Schematron {schema} could not run a rule: "
                    + one_line(Exception(f"{node.get('code', '')} {_text(node)}")),
                    file=file,
                    schema=schema,
                )
            )
    located = Locator(tree, file)
    chosen = _by_language(raw, tree, located)
    out = errors
    for node, local, rule_context in chosen:
        element = located.element(node.get("location", ""))
        line, col = located.position(element)
        out.append(
            Diagnostic(
                _severity(node.get("role") or rule_role.get(id(node))),
                "sch-assert" if local == "failed-assert" else "sch-report",
                _message(node, located.language(element)),
                file=file,
                line=line,
                col=col,
                xpath=_readable(node.get("location", "")),
                schema=schema,
                extra={
                    k: v
                    for k, v in (
                        ("context", rule_context),
                        ("test", node.get("test", "")),
                        ("id", node.get("id", "")),
                    )
                    if v
                },
            )
        )
    return out


def _severity(role: str | None) -> Severity:
    role = (role or "").strip().lower()
    if role in _WARNING_ROLES:
        return Severity.WARNING
    if role in _INFO_ROLES:
        return Severity.INFO
    return Severity.ERROR


def _lang_of(node: etree._Element) -> str:
    for el in node.iterancestors(f"{{{SVRL_NS}}}*"):
        if el.get(XML_LANG):
            return el.get(XML_LANG, "").lower()
    return (node.get(XML_LANG) or "").lower()


def _matches(lang: str, wanted: str) -> bool:
    return (
        bool(lang)
        and bool(wanted)
        and (lang == wanted or lang.split("-")[0] == wanted.split("-")[0])
    )


def _by_language(
    raw: list[tuple[etree._Element, str, str]], tree: etree._ElementTree, located: Locator
) -> list[tuple[etree._Element, str, str]]:
    """Of findings that differ only in xml:lang (same place, test and kind), keep the one in the
    document's language, else the one without a language, else the first."""
    groups: dict[tuple[str, str, str, str], list[int]] = {}
    for index, (node, local, context) in enumerate(raw):
        key = (node.get("location", ""), node.get("test", ""), local, context)
        groups.setdefault(key, []).append(index)
    keep: set[int] = set()
    for indexes in groups.values():
        langs = [(raw[i][0].get(XML_LANG) or "").lower() for i in indexes]
        if len(indexes) == 1 or len(set(langs)) == 1:
            keep.update(indexes)
            continue
        wanted = located.language(located.element(raw[indexes[0]][0].get("location", "")))
        pairs = list(zip(indexes, langs, strict=True))
        pick = next((i for i, lang in pairs if _matches(lang, wanted)), None)
        if pick is None:
            pick = next((i for i, lang in pairs if not lang), indexes[0])
        keep.add(pick)
    return [item for i, item in enumerate(raw) if i in keep]


def _text(node: etree._Element) -> str:
    return " ".join("".join(node.itertext()).split())


def _message(node: etree._Element, wanted: str) -> str:
    own = next(iter(node.iterchildren(f"{{{SVRL_NS}}}text")), None)
    message = _text(own) if own is not None else ""
    references = node.iterchildren(f"{{{SVRL_NS}}}diagnostic-reference")
    diagnostics = [d.find(f"{{{SVRL_NS}}}text") for d in references]
    texts = [((t.get(XML_LANG) or "").lower(), _text(t)) for t in diagnostics if t is not None]
    if texts:
        langs = {lang for lang, _ in texts}
        if len(langs) > 1:
            matching = [t for lang, t in texts if _matches(lang, wanted)]
            texts = [("", (matching or [t for lang, t in texts if not lang] or [texts[0][1]])[0])]
        extra = "; ".join(t for _, t in texts if t)
        message = f"{message} ({extra})" if message and extra else message or extra
    return message or f"test failed: {node.get('test', '')}"


_STEP = re.compile(r"(?:Q\{([^}]*)\})?([^/\[\]{}]+)(?:\[(\d+)\])?")


def _readable(location: str) -> str:
    """fn:path()'s ``/Q{ns}TEI[1]/Q{ns}text[1]`` as ``/TEI[1]/text[1]``."""
    return re.sub(r"Q\{[^}]*\}", "", location)


class Locator:
    """Finds the element an SVRL location (fn:path() or a simple XPath) points at, and its line
    and column in the file."""

    def __init__(self, tree: etree._ElementTree, file: str) -> None:
        self.tree = tree
        self.file = file
        self._positions: Any = None
        self._order: dict[int, int] | None = None

    def element(self, location: str) -> etree._Element | None:
        root = self.tree.getroot()
        if not location or location == "/":
            return root
        if location.startswith("/Q{") or location.startswith("/*:") or "Q{" in location:
            return self._walk(location)
        try:
            found = self.tree.xpath(location)
        except etree.XPathError:
            return self._walk(location)
        if isinstance(found, list) and found:
            item = found[0]
            if isinstance(item, etree._Element):
                return item
            parent = getattr(item, "getparent", lambda: None)()
            return parent if isinstance(parent, etree._Element) else root
        return root

    def _walk(self, location: str) -> etree._Element | None:
        current: etree._Element | None = None
        for raw in _split(location):
            if (
                not raw
                or raw.startswith("@")
                or raw.startswith("text()")
                or raw.startswith(("comment()", "processing-instruction(", "namespace::"))
            ):
                break
            match = _STEP.fullmatch(raw)
            if match is None:
                break
            namespace, local, position = match.group(1), match.group(2), int(match.group(3) or 1)
            tag = f"{{{namespace}}}{local}" if namespace else local
            if current is None:
                root = self.tree.getroot()
                if root.tag != tag:
                    return root
                current = root
                continue
            children = [c for c in current.iterchildren(tag)]
            if len(children) < position:
                break
            current = children[position - 1]
        return current if current is not None else self.tree.getroot()

    def language(self, element: etree._Element | None) -> str:
        node = element
        while node is not None:
            value = node.get(XML_LANG)
            if value:
                return value.lower()
            node = node.getparent()
        return ""

    def position(self, element: etree._Element | None) -> tuple[int, int]:
        if element is None:
            return 0, 0
        line = element.sourceline or 0
        try:
            if self._positions is None:
                from ..xmlpos import TagPositions

                self._positions = TagPositions(reread(self.file))
                self._order = {
                    id(e): i for i, e in enumerate(self.tree.getroot().iter(etree.Element))
                }
            assert self._order is not None
            index = self._order.get(id(element))
            if index is None:
                return line, 1 if line else 0
            return self._positions.start_tag(index)
        except (OSError, IndexError, ValueError):
            return line, 1 if line else 0


def _split(location: str) -> list[str]:
    """Split a path at the slashes outside braces (namespace URIs hold slashes)."""
    steps: list[str] = []
    current: list[str] = []
    depth = 0
    for char in location.lstrip("/"):
        if char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
        if char == "/" and depth == 0:
            steps.append("".join(current))
            current = []
        else:
            current.append(char)
    steps.append("".join(current))
    return steps


def transpile(schema: etree._Element, schxslt: Path, *, base_uri: str, phase: str = "") -> str:
    """SchXslt2's XSLT 3.0 for ``schema``, from the disk cache when the same schema, SchXslt2 and
    phase were transpiled before."""
    text = etree.tostring(schema, encoding="unicode")
    key = diskcache.digest(text, schxslt.read_bytes(), phase, base_uri)
    cached = diskcache.load("schematron", key, ".xsl")
    if cached is not None:
        return cached.decode("utf-8")
    saxon = processor()
    transpiler = saxon.compile_file(schxslt)
    if phase:
        transpiler.set_parameter("{http://dmaus.name/ns/2023/schxslt}phase", saxon.string(phase))
    node = saxon.parse(text, base_uri)
    try:
        xslt = transpiler.transform_to_string(xdm_node=node)
    except Exception as exc:
        said = messages(transpiler)
        raise SaxonError(
            f"SchXslt2 cannot compile this Schematron: {said or _short(exc)}"
        ) from None
    finally:
        if phase:
            transpiler.clear_parameters()
    diskcache.store("schematron", key, ".xsl", xslt.encode("utf-8"))
    return xslt


def load_xpath2_schematron(
    path: Path, schxslt: Path, *, embedded: bool = False, phase: str = ""
) -> XPath2Schematron:
    """Compile the Schematron in ``path`` (embedded in a RELAX NG grammar when ``embedded``)."""
    try:
        root = etree.fromstring(path.read_bytes(), _parser(), base_url=str(path))
    except (OSError, etree.XMLSyntaxError) as exc:
        raise SchemaError(f"cannot read schema: {exc}", file=str(path)) from exc
    schema = extract(root)
    if schema is None:
        raise SchemaError("holds no Schematron rules", file=str(path))
    binding = query_binding(schema, embedded)
    skipped = schema.attrib.pop("skipped", "")
    xslt = transpile(schema, schxslt, base_uri=path.resolve().as_uri(), phase=phase)
    name = path.name + ("#schematron" if embedded else "")
    try:
        schematron = XPath2Schematron(name, path, xslt, binding, skipped=tuple(skipped.split()))
        schematron.executable()
    except SchemaError as exc:
        raise SchemaError(exc.message, file=str(path)) from None
    return schematron

"""Read a RELAX NG schema (XML syntax) into patterns, doing the specification's simplification.

Handles include (with overriding components), externalRef, nested grammars and parentRef,
combine="choice"/"interleave", div, inherited ns and datatypeLibrary, QName prefixes, name
classes with except, and the syntactic sugar (optional, zeroOrMore, mixed, several children).
Foreign elements and attributes (annotations, embedded Schematron) are skipped.

Element content is compiled on first use (see patterns.Element), so loading tei_all's 1.1 MB
costs a parse and a scan of its top-level definitions; only what a document uses gets compiled.
Schema documents are read with the safe parser: no network, no entities, no DTD.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote

from lxml import etree

from ...errors import SchemaError
from . import nameclasses as nc
from .compact import compact_to_xml
from .datatypes import Datatype
from .patterns import (
    EMPTY,
    NOT_ALLOWED,
    TEXT,
    Attribute,
    Data,
    Element,
    List,
    Pattern,
    Value,
    choice,
    group,
    interleave,
    one_or_more,
)

RNG = "http://relaxng.org/ns/structure/1.0"
_R = f"{{{RNG}}}"
XML_NS = "http://www.w3.org/XML/1998/namespace"


def _rng_children(node: etree._Element) -> Iterator[etree._Element]:
    return node.iterchildren(_R + "*")


def _local(node: etree._Element) -> str:
    return node.tag[len(_R) :]


def _local_path(href: str, base: str | None) -> Path:
    if "://" in href and not href.startswith("file:"):
        raise SchemaError(f"{href}: only local schema files are read, never the network")
    href = unquote(href[7:] if href.startswith("file://") else href)
    if base:
        base = unquote(base[7:] if base.startswith("file://") else base)
        return Path(base).parent / href
    return Path(href)


class Scope:
    """The definitions of one grammar element; `parent` is the grammar around it."""

    def __init__(self, parent: Scope | None) -> None:
        self.parent = parent
        self.defines: dict[str, list[etree._Element]] = {}
        self.starts: list[etree._Element] = []
        self.compiled: dict[str, Pattern] = {}
        self.in_progress: set[str] = set()


class Loader:
    def __init__(self, parser: etree.XMLParser) -> None:
        self.parser = parser
        self.documents: list[etree._Element] = []
        self.doc_ns: dict[etree._Element, str] = {}  # ns passed by include/externalRef
        self.define_scope: dict[etree._Element, Scope] = {}
        self.elements: dict[etree._Element, Element] = {}
        self.by_name: dict[str, list[Element]] = {}
        self.id_attributes: dict[str, str] = {}  # attribute name → ID / IDREF / IDREFS
        self._all_names: set[str] | None = None
        self._wildcards = False
        self._wildcard_classes: list = []
        self._by_exact_name: dict[str, list[Element]] | None = None
        self._by_wildcard: list[Element] = []
        self._named: dict[str, list[Element]] = {}
        self._indexed = 0  # documents the index covers

    # --- documents ---------------------------------------------------------------------------
    def read(self, href: str, base: etree._Element | None, ns: str | None) -> etree._Element:
        path = _local_path(href, base.base if base is not None else None)
        try:
            if path.suffix.lower() == ".rnc":
                xml = compact_to_xml(path)
                root = etree.fromstring(xml, self.parser, base_url=str(path))
            else:
                root = etree.parse(str(path), self.parser).getroot()
        except OSError as exc:
            raise SchemaError(f"{path}: cannot read schema ({exc})") from None
        except etree.XMLSyntaxError as exc:
            line = exc.position[0] if exc.position else 0
            raise SchemaError(f"{path}:{line}: not well-formed: {exc.msg}") from None
        if root.tag[: len(_R)] != _R:
            raise SchemaError(f"{path}: not a RELAX NG schema (root is {root.tag})")
        if ns is not None and root.get("ns") is None:
            self.doc_ns[root] = ns
        self.documents.append(root)
        return root

    def start(self, path: Path) -> Pattern:
        root = self.read(str(path), None, None)
        return self.pattern(root, Scope(None))

    # --- inherited attributes ---------------------------------------------------------------
    def ns_of(self, node: etree._Element) -> str:
        current: etree._Element | None = node
        while current is not None:
            value = current.get("ns")
            if value is not None:
                return value
            parent = current.getparent()
            if parent is None:
                return self.doc_ns.get(current, "")
            current = parent
        return ""

    @staticmethod
    def library_of(node: etree._Element) -> str:
        current: etree._Element | None = node
        while current is not None:
            value = current.get("datatypeLibrary")
            if value is not None:
                return value
            current = current.getparent()
        return ""

    # --- grammars -----------------------------------------------------------------------------
    def grammar(self, node: etree._Element, scope: Scope) -> Pattern:
        inner = Scope(scope)
        self.collect(node, inner)
        return self.combined(inner.starts, inner, "start")

    def collect(self, node: etree._Element, scope: Scope) -> None:
        for child in _rng_children(node):
            kind = _local(child)
            if kind == "start":
                scope.starts.append(child)
                self.define_scope[child] = scope
            elif kind == "define":
                scope.defines.setdefault(child.get("name", "").strip(), []).append(child)
                self.define_scope[child] = scope
            elif kind == "div":
                self.collect(child, scope)
            elif kind == "include":
                self.include(child, scope)

    def include(self, node: etree._Element, scope: Scope) -> None:
        root = self.read(node.get("href", "").strip(), node, self._explicit_ns(node))
        if _local(root) != "grammar":
            raise SchemaError(f"{root.base}: an included schema must be a grammar")
        overrides = Scope(scope)
        self.collect(node, overrides)
        included = Scope(scope)
        self.collect(root, included)
        for name in overrides.defines:
            if name not in included.defines:
                raise SchemaError(
                    f'{node.base}: include overrides "{name}", which it does not define'
                )
            included.defines[name] = []
        if overrides.starts:
            included.starts = []
        for source in (included, overrides):
            for name, nodes in source.defines.items():
                scope.defines.setdefault(name, []).extend(nodes)
            scope.starts.extend(source.starts)
        for child in list(self.define_scope):
            if self.define_scope[child] in (included, overrides):
                self.define_scope[child] = scope

    def _explicit_ns(self, node: etree._Element) -> str | None:
        value = node.get("ns")
        return value if value is not None else self.ns_of(node)

    def combined(self, nodes: list[etree._Element], scope: Scope, what: str) -> Pattern:
        if not nodes:
            raise SchemaError(f'no definition for "{what}"')
        methods = {n.get("combine") for n in nodes if n.get("combine")}
        plain = [n for n in nodes if not n.get("combine")]
        if len(plain) > 1 or len(methods) > 1:
            raise SchemaError(f'"{what}" is defined more than once without a single combine method')
        parts = [self.group_of(n, scope) for n in nodes]
        if methods == {"interleave"}:
            result = parts[0]
            for part in parts[1:]:
                result = interleave(result, part)
            return result
        return choice(parts)

    def ref(self, name: str, scope: Scope | None, node: etree._Element) -> Pattern:
        if scope is None:
            raise SchemaError(
                f'{node.base}:{node.sourceline}: parentRef "{name}" has no parent grammar'
            )
        hit = scope.compiled.get(name)
        if hit is not None:
            return hit
        if name in scope.in_progress:
            raise SchemaError(
                f'{node.base}:{node.sourceline}: "{name}" refers to itself outside an element'
            )
        if name not in scope.defines:
            raise SchemaError(
                f'{node.base}:{node.sourceline}: reference to undefined pattern "{name}"'
            )
        scope.in_progress.add(name)
        try:
            result = scope.compiled[name] = self.combined(scope.defines[name], scope, name)
        finally:
            scope.in_progress.discard(name)
        return result

    # --- patterns -------------------------------------------------------------------------------
    def group_of(self, node: etree._Element, scope: Scope, skip_first: bool = False) -> Pattern:
        result = EMPTY
        children = list(_rng_children(node))
        if skip_first:
            children = children[1:]
        for child in children:
            result = group(result, self.pattern(child, scope))
        return result

    def pattern(self, node: etree._Element, scope: Scope) -> Pattern:
        kind = _local(node)
        if kind == "element":
            return self.element(node, scope)
        if kind == "attribute":
            return self.attribute(node, scope)
        if kind == "ref":
            return self.ref(node.get("name", "").strip(), scope, node)
        if kind == "parentRef":
            return self.ref(node.get("name", "").strip(), scope.parent, node)
        if kind == "group":
            return self.group_of(node, scope)
        if kind == "choice":
            return choice([self.pattern(c, scope) for c in _rng_children(node)])
        if kind == "interleave":
            result = EMPTY
            for child in _rng_children(node):
                result = interleave(result, self.pattern(child, scope))
            return result
        if kind == "optional":
            return choice([self.group_of(node, scope), EMPTY])
        if kind == "zeroOrMore":
            return choice([one_or_more(self.group_of(node, scope)), EMPTY])
        if kind == "oneOrMore":
            return one_or_more(self.group_of(node, scope))
        if kind == "mixed":
            return interleave(self.group_of(node, scope), TEXT)
        if kind == "list":
            return List(self.group_of(node, scope))
        if kind == "empty":
            return EMPTY
        if kind == "text":
            return TEXT
        if kind == "notAllowed":
            return NOT_ALLOWED
        if kind == "data":
            return self.data(node, scope)
        if kind == "value":
            return self.value(node)
        if kind == "grammar":
            return self.grammar(node, scope)
        if kind == "externalRef":
            root = self.read(node.get("href", "").strip(), node, self._explicit_ns(node))
            return self.pattern(root, Scope(None))
        raise SchemaError(f"{node.base}:{node.sourceline}: unexpected <{kind}> in a pattern")

    def element(self, node: etree._Element, scope: Scope) -> Pattern:
        hit = self.elements.get(node)
        if hit is not None:
            return hit
        name_attr = node.get("name")
        if name_attr is not None:
            names = self.qname(name_attr, node, self.ns_of(node))
            skip = False
        else:
            first = next(_rng_children(node), None)
            if first is None:
                raise SchemaError(f"{node.base}:{node.sourceline}: element without a name")
            names = self.name_class(first)
            skip = True
        pattern = Element(names, lambda: self.group_of(node, scope, skip_first=skip))
        self.elements[node] = pattern
        for name in names.names():
            self.by_name.setdefault(name.clark, []).append(pattern)
        return pattern

    def attribute(self, node: etree._Element, scope: Scope) -> Pattern:
        name_attr = node.get("name")
        children = list(_rng_children(node))
        if name_attr is not None:
            names = self.qname(name_attr, node, node.get("ns", ""))
        else:
            names = self.name_class(children[0])
            children = children[1:]
        value = EMPTY
        for child in children:
            value = group(value, self.pattern(child, scope))
        if not children:
            value = TEXT
        if isinstance(value, Data) and value.datatype.name in ("ID", "IDREF", "IDREFS"):
            for name in names.names():
                self.id_attributes[name.clark] = value.datatype.name
        return Attribute(names, value)

    def data(self, node: etree._Element, scope: Scope) -> Pattern:
        params: list[tuple[str, str]] = []
        except_: Pattern | None = None
        for child in _rng_children(node):
            if _local(child) == "param":
                params.append((child.get("name", "").strip(), child.text or ""))
            elif _local(child) == "except":
                except_ = choice([self.pattern(c, scope) for c in _rng_children(child)])
        datatype = self._datatype(node, params)
        return Data(datatype, except_)

    def value(self, node: etree._Element) -> Pattern:
        if node.get("type") is None:
            datatype = Datatype("", "token", [])
        else:
            datatype = self._datatype(node, [])
        ctx = {k: v for k, v in node.nsmap.items()}
        ctx[None] = self.ns_of(node)
        text = node.text or ""
        if not datatype.allows(text, ctx):
            raise SchemaError(
                f'{node.base}:{node.sourceline}: value "{text}" is not a valid {datatype.name}'
            )
        return Value(datatype, text, ctx)

    def _datatype(self, node: etree._Element, params: list[tuple[str, str]]) -> Datatype:
        try:
            return Datatype(self.library_of(node), (node.get("type") or "").strip(), params)
        except SchemaError as exc:
            raise SchemaError(f"{node.base}:{node.sourceline}: {exc}") from None

    # --- name classes ---------------------------------------------------------------------------
    def qname(self, text: str, node: etree._Element, default_ns: str) -> nc.Name:
        text = text.strip()
        if ":" in text:
            prefix, local = text.split(":", 1)
            if prefix == "xml":
                return nc.Name(XML_NS, local)
            uri = node.nsmap.get(prefix)
            if uri is None:
                raise SchemaError(f'{node.base}:{node.sourceline}: undeclared prefix "{prefix}"')
            return nc.Name(uri, local)
        return nc.Name(default_ns, text)

    def name_class(self, node: etree._Element):
        kind = _local(node)
        if kind == "name":
            parent = node.getparent()
            is_attribute = False
            while parent is not None and _local(parent) in ("choice", "except"):
                parent = parent.getparent()
            if parent is not None and _local(parent) == "attribute":
                is_attribute = True
            ns = node.get("ns")
            if ns is None:
                ns = "" if is_attribute and self._no_ns_above(node, parent) else self.ns_of(node)
            return self.qname(node.text or "", node, ns)
        if kind in ("anyName", "nsName"):
            self._wildcards = True
            except_ = None
            for child in _rng_children(node):
                if _local(child) == "except":
                    parts = [self.name_class(c) for c in _rng_children(child)]
                    except_ = parts[0]
                    for part in parts[1:]:
                        except_ = nc.NameChoice(except_, part)
            if kind == "anyName":
                return nc.AnyName(except_)
            return nc.NsName(self.ns_of(node), except_)
        if kind == "choice":
            parts = [self.name_class(c) for c in _rng_children(node)]
            result = parts[0]
            for part in parts[1:]:
                result = nc.NameChoice(result, part)
            return result
        raise SchemaError(f"{node.base}:{node.sourceline}: <{kind}> is not a name class")

    @staticmethod
    def _no_ns_above(node: etree._Element, attribute: etree._Element | None) -> bool:
        # an attribute's <name> gets ns="" unless an ns is given between it and the attribute
        current = node.getparent()
        while current is not None and current is not attribute:
            if current.get("ns") is not None:
                return False
            current = current.getparent()
        return attribute is None or attribute.get("ns") is None

    # --- used for messages and recovery ------------------------------------------------------
    def known_anywhere(self, clark: str) -> bool:
        if self._all_names is None:
            names: set[str] = set()
            for root in self.documents:
                for node in root.iter(_R + "element"):
                    if node.get("name") is not None:
                        names.add(self.qname(node.get("name"), node, self.ns_of(node)).clark)
                    else:
                        first = next(_rng_children(node), None)
                        if first is not None:
                            cls = self.name_class(first)
                            names.update(n.clark for n in cls.names())
                            self._wildcard_classes.append(cls)
            self._all_names = names
        return clark in self._all_names or any(c.contains(clark) for c in self._wildcard_classes)

    def elements_named(self, clark: str) -> list[Element]:
        """Every element pattern in the schema that accepts this name. Asked for each element
        the parent does not allow and each child of an unknown element, so the schema is scanned
        once (tei_all has ~600 element definitions) and the answers are kept."""
        if self._by_exact_name is None or self._indexed != len(self.documents):
            # first call, or an externalRef in content compiled since brought in a document
            self._index_elements()
        hit = self._named.get(clark)
        if hit is not None:
            return hit
        out = list(self._by_exact_name.get(clark, ()))  # type: ignore[union-attr]
        out.extend(p for p in self._by_wildcard if p.nc.contains(clark))  # type: ignore[attr-defined]
        self._named[clark] = out
        return out

    def _index_elements(self) -> None:
        exact: dict[str, list[Element]] = {}
        self._by_wildcard = []
        self._named = {}
        self._indexed = len(self.documents)
        for root in list(self.documents):
            for node in root.iter(_R + "element"):
                scope = self._scope_of(node)
                if scope is None:
                    continue
                try:
                    pattern = self.element(node, scope)
                except SchemaError:
                    continue
                names = pattern.nc  # type: ignore[attr-defined]
                if isinstance(names, nc.Name):
                    exact.setdefault(names.clark, []).append(pattern)  # type: ignore[arg-type]
                else:
                    self._by_wildcard.append(pattern)  # type: ignore[arg-type]
        self._by_exact_name = exact

    def _scope_of(self, node: etree._Element) -> Scope | None:
        current = node.getparent()
        while current is not None:
            scope = self.define_scope.get(current)
            if scope is not None:
                return scope
            current = current.getparent()
        return None

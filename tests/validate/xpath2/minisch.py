"""An independent ISO Schematron evaluator, for agreement tests only: XPath by elementpath (pure
Python; its XPath 3.0 parser, which has generate-id, as its 3.1 parser misreads ``tei:join``),
rules matched by evaluating ``//context`` over the whole document, no XSLT anywhere.

It covers what TEI's embedded rules and the hand-made cases use: ``sch:ns``, patterns and rules
in order (a node fires the first matching rule of each pattern), ``sch:let`` (schema, pattern
and rule level), ``sch:assert`` / ``sch:report``, abstract patterns with ``sch:param`` and
abstract rules with ``sch:extends``. It returns (kind, element line, test) per finding, which is
what the agreement test compares with SchXslt2-on-Saxon.
"""

from __future__ import annotations

import re
from typing import Any

import elementpath
from elementpath import XPathContext
from elementpath.xpath30 import XPath30Parser
from lxml import etree

SCH = "{http://purl.oclc.org/dsdl/schematron}"


def _instantiate(schema: etree._Element) -> list[etree._Element]:
    """Concrete patterns, with is-a patterns expanded and abstract rules inlined."""
    abstract = {p.get("id"): p for p in schema.iter(f"{SCH}pattern") if p.get("abstract") == "true"}
    out = []
    for pattern in schema.iter(f"{SCH}pattern"):
        if pattern.get("abstract") == "true":
            continue
        base = abstract.get(pattern.get("is-a")) if pattern.get("is-a") else None
        if pattern.get("is-a") and base is None:
            continue  # an instance of nothing (teikit skips these too, with a warning)
        if base is not None:
            params = {p.get("name"): p.get("value") for p in pattern.iter(f"{SCH}param")}
            text = etree.tostring(base, encoding="unicode")
            for name in sorted(params, key=len, reverse=True):
                text = text.replace("$" + name, params[name] or "")
            pattern = etree.fromstring(text)
        out.append(pattern)
    return out


def _expand_rules(pattern: etree._Element) -> list[etree._Element]:
    abstract = {r.get("id"): r for r in pattern.iter(f"{SCH}rule") if r.get("abstract") == "true"}
    rules = []
    for rule in pattern.iterchildren(f"{SCH}rule"):
        if rule.get("abstract") == "true":
            continue
        for extends in list(rule.iterchildren(f"{SCH}extends")):
            base = abstract.get(extends.get("rule"))
            if base is not None:
                for child in base:
                    extends.addprevious(etree.fromstring(etree.tostring(child)))
            rule.remove(extends)
        rules.append(rule)
    return rules


def run(schema: etree._Element, tree: etree._ElementTree) -> list[tuple[str, int, str]]:
    namespaces = {n.get("prefix"): n.get("uri") for n in schema.iter(f"{SCH}ns")}
    root = elementpath.get_node_tree(tree)
    lets = [(n.get("name"), n.get("value")) for n in schema.iterchildren(f"{SCH}let")]
    out: list[tuple[str, int, str]] = []
    variables: dict[str, Any] = {}
    present = {e.tag for e in tree.getroot().iter(etree.Element)}
    for name, value in lets:
        variables[name] = _evaluate(value, root, root, namespaces, variables)
    for pattern in _instantiate(schema):
        fired: set[int] = set()
        pattern_vars = dict(variables)
        for let in pattern.iterchildren(f"{SCH}let"):
            pattern_vars[let.get("name")] = _evaluate(
                let.get("value"), root, root, namespaces, pattern_vars
            )
        for rule in _expand_rules(pattern):
            context = rule.get("context", "")
            if _absent(context, namespaces, present):
                continue
            path = context if context.startswith("/") else f"//({context})"
            for node in _select(path, root, namespaces, pattern_vars):
                key = _identity(node)
                if key in fired:
                    continue
                fired.add(key)
                rule_vars = dict(pattern_vars, current__=node)
                for child in rule:
                    kind = etree.QName(child).localname
                    if kind == "let":
                        rule_vars[child.get("name")] = _evaluate(
                            child.get("value"), root, node, namespaces, rule_vars
                        )
                    elif kind in ("assert", "report"):
                        result = _boolean(child.get("test"), root, node, namespaces, rule_vars)
                        if (kind == "assert" and not result) or (kind == "report" and result):
                            out.append((kind, _line(node), child.get("test", "")))
    return out


_LEADING = re.compile(r"^\s*([\w.-]+):([\w.-]+)\s*(?:\[|/|$)")


def _absent(context: str, namespaces: dict[str, str], present: set[str]) -> bool:
    """True when every alternative of ``context`` starts with a named element that the document
    does not have (then it selects nothing; evaluating it over a large tree costs seconds)."""
    for part in context.split("|"):
        found = _LEADING.match(part)
        if found is None or found.group(1) not in namespaces:
            return False
        if f"{{{namespaces[found.group(1)]}}}{found.group(2)}" in present:
            return False
    return True


_TOKENS: dict[tuple[str, tuple[tuple[str, str], ...], tuple[str, ...]], Any] = {}


def _token(path: str, namespaces: dict[str, str], variables: dict[str, Any]) -> Any:
    """Parsed once per expression (parsing dominates evaluation in elementpath)."""
    key = (path, tuple(sorted(namespaces.items())), tuple(sorted(variables)))
    if key not in _TOKENS:
        # XSLT's current() (allowed in the xslt2 binding) is the rule's context node
        path = path.replace("current()", "$current__")
        parser = XPath30Parser(
            namespaces=namespaces, variable_types={name: "item()*" for name in variables}
        )
        _TOKENS[key] = parser.parse(path)
    return _TOKENS[key]


def _select(path: str, root: Any, namespaces: dict[str, str], variables: dict[str, Any]) -> list:
    token = _token(path, namespaces, variables)
    return list(token.select(XPathContext(root, variables=variables)))


def _evaluate(path: str | None, root: Any, item: Any, namespaces: dict, variables: dict) -> Any:
    token = _token(path or "()", namespaces, variables)
    return token.evaluate(XPathContext(root, item=item, variables=variables))


def _boolean(path: str | None, root: Any, item: Any, namespaces: dict, variables: dict) -> bool:
    token = _token(path or "false()", namespaces, variables)
    value = token.evaluate(XPathContext(root, item=item, variables=variables))
    return bool(token.boolean_value(value))


def _identity(node: Any) -> tuple[int, str]:
    if isinstance(node, etree._Element):
        return id(node), ""
    parent = getattr(node, "parent", None)
    element = getattr(parent, "elem", None) if parent is not None else None
    return id(element), str(getattr(node, "name", node))


def _line(node: Any) -> int:
    element = node
    if not isinstance(element, etree._Element):
        parent = getattr(node, "parent", None)
        element = getattr(node, "elem", None)
        if element is None and parent is not None:
            element = getattr(parent, "elem", None)
    return getattr(element, "sourceline", 0) or 0

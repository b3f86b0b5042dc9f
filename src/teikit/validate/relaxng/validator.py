"""Walk a parsed document through a compiled RELAX NG schema and collect every error.

The walk follows the derivative algorithm (patterns.py) element by element. On an error it
reports, then recovers the way jing does, so one mistake does not hide the next:
- an element not allowed here is checked against the schema's own definition of that name (if
  any) and the parent goes on as if it were absent;
- an attribute not allowed is ignored; a bad value is taken as a good one;
- missing attributes are taken as present; an incomplete element is closed anyway;
- text not allowed is ignored.
Positions are those jing gives: just past the start tag (or the end tag for incomplete content).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, TypeAlias

from lxml import etree

from ...errors import Diagnostic, error
from ...xmlpos import TagPositions
from . import nameclasses as nc
from .patterns import (
    NOT_ALLOWED,
    TEXT,
    Pattern,
    att_name_only,
    choice,
    close_forced,
    current_patterns,
    end_forced,
    expected,
    required_attributes,
    required_elements,
    start_open_recover,
    value_patterns,
)
from .refusals import why_refused

_ELEMENT: TypeAlias = etree._Element
_COMMENT_OR_PI = (etree._Comment, etree._ProcessingInstruction, etree._Entity)


@dataclass
class _Error:
    code: str
    message: str
    index: int  # element number in document order
    at_end: bool  # position of the end tag rather than the start tag
    xpath: str = ""


_NORMAL, _RECOVER, _SKIP = 0, 1, 2

# lone_text's answer for blank text, by pattern (those whose text derivative ignores the text)
_BLANK: dict[Pattern, Pattern] = {}


class _Frame:
    """One open element: its state, text not yet matched, and whether it has element children."""

    __slots__ = ("el", "p", "index", "mode", "pending", "mixed")

    def __init__(self, el: _ELEMENT, p: Pattern, index: int, mode: int) -> None:
        self.el, self.p, self.index, self.mode = el, p, index, mode
        self.pending = ""
        self.mixed = False


class Walk:
    def __init__(self, schema: Any, default_ns: str = "") -> None:
        self.schema = schema
        self.stack: list[_Frame] = []
        self.errors: list[_Error] = []
        self.count = 0  # elements seen, in document order
        self.ids: dict[str, int] = {}
        self.idrefs: list[tuple[str, int]] = []
        self.current: _ELEMENT | None = None  # the element an error is about (for its xpath)
        self.default_ns = default_ns  # unused: names follow the document's own declarations

    # --- events ----------------------------------------------------------------------------------
    # The walk is driven by three events, so the same code validates a parsed tree (walk_tree)
    # and a file being parsed (walk_stream, bounded memory).

    def start(self, el: _ELEMENT) -> _Frame:
        """The element's start tag and attributes; returns its frame, to which its text goes."""
        index = self.count
        self.count += 1
        stack = self.stack
        if stack:
            parent = stack[-1]
            if parent.mode == _SKIP:
                return self._start_in_unknown(el, index)
            parent.mixed = True
            if parent.pending:
                if not parent.pending.isspace():
                    self.current = parent.el
                    parent.p = self.mixed_text(parent.p, parent.pending, index)
                parent.pending = ""
            p = parent.p
        else:
            p = self.schema.start
        tag = el.tag
        # the memo lookup of Pattern.start_open, inlined: this runs once per element
        memo = p._open
        p1 = memo.get(tag) if memo is not None else None
        if p1 is None:
            p1 = p.start_open(tag)
        if p1 is NOT_ALLOWED:
            return self._start_not_allowed(el, p, tag, index)
        attributes = el.items()
        if attributes or p1.has_att:  # else the start tag leaves the state as it is
            p1 = self.start_tag(el, p1, index, attributes)
        frame = _Frame(el, p1, index, _NORMAL)
        stack.append(frame)
        return frame

    def _start_in_unknown(self, el: _ELEMENT, index: int) -> _Frame:
        # inside an element the schema does not know, as jing does: elements it knows are
        # checked against their own definitions, the others are passed over in silence
        candidates = self.schema.loader.elements_named(el.tag)
        if not candidates:
            frame = _Frame(el, NOT_ALLOWED, index, _SKIP)
        else:
            self.current = el
            p1 = choice(candidates).start_open(el.tag)
            frame = _Frame(el, self.start_tag(el, p1, index), index, _RECOVER)
        self.stack.append(frame)
        return frame

    def _start_not_allowed(self, el: _ELEMENT, p: Pattern, tag: str, index: int) -> _Frame:
        self.current = el
        p1 = start_open_recover(p, tag)
        if p1 is not NOT_ALLOWED:  # allowed once missing content is assumed: go on from there
            self.not_allowed_yet(el, p, index)
            frame = _Frame(el, self.start_tag(el, p1, index), index, _NORMAL)
        else:
            self.not_allowed(el, p, index)
            candidates = self.schema.loader.elements_named(tag)
            if not candidates:
                frame = _Frame(el, NOT_ALLOWED, index, _SKIP)
            else:
                p1 = choice(candidates).start_open(tag)
                # checked against its own definition; the parent goes on without it
                frame = _Frame(el, self.start_tag(el, p1, index), index, _RECOVER)
        self.stack.append(frame)
        return frame

    def text(self, s: str) -> None:
        self.stack[-1].pending += s

    def end(self) -> None:
        stack = self.stack
        frame = stack.pop()
        if frame.mode == _SKIP:
            return
        el, p, index = frame.el, frame.p, frame.index
        self.current = el
        text_error = False
        pending = frame.pending
        if not frame.mixed:
            blank = None if p.has_data or (pending and not pending.isspace()) else _BLANK.get(p)
            if blank is not None:  # lone_text's memo, inlined: empty elements (<lb/>, <pb/>) abound
                p = blank
            else:
                p, text_error = self.lone_text(el, p, pending, index)
        elif pending and not pending.isspace():
            p = self.mixed_text(p, pending, index, at_end=True)
        q = p._end  # Pattern.end's memo, inlined: this runs once per element
        if q is None:
            q = p.end()
        if q is NOT_ALLOWED:
            if not text_error:
                self.incomplete(el, p, index)
            q = end_forced(p)
        if stack:
            if frame.mode == _NORMAL:
                stack[-1].p = q
        else:
            self.finish()

    def walk_tree(self, root: _ELEMENT) -> None:
        self._feed(root)

    def _feed(self, el: _ELEMENT) -> None:
        frame = self.start(el)
        text = el.text
        if text:
            frame.pending += text
        for child in el:
            if not isinstance(child, _COMMENT_OR_PI):  # comments and PIs are _Elements too
                self._feed(child)
            tail = child.tail
            if tail:
                frame.pending += tail  # the child's frame is gone: this is el's text again
        self.end()

    def walk_stream(self, events) -> None:
        """Events from lxml iterparse (start, end; comments and PIs removed). Elements that are
        done are cleared and dropped, so memory depends on depth, not on file size."""
        for event, el in events:
            if event == "start":
                parent = el.getparent()
                if parent is not None:
                    prev = el.getprevious()
                    before = prev.tail if prev is not None else parent.text
                    if before:
                        self.text(before)
                self.start(el)
            else:
                last = el[-1] if len(el) else None
                after = last.tail if last is not None else el.text
                if after:
                    self.text(after)
                self.end()
                el.clear(keep_tail=True)
                parent = el.getparent()
                if parent is not None:
                    while el.getprevious() is not None:
                        del parent[0]

    def finish(self) -> None:
        for ref, index in self.idrefs:
            if ref not in self.ids:
                self.current = None
                self.report("rng-idref", f'reference to non-existent ID "{ref}"', index, False)

    def start_tag(
        self, el: _ELEMENT, p: Pattern, index: int, attributes: list | None = None
    ) -> Pattern:
        """The state after the start tag: each attribute, then the end of the start tag.
        ``attributes``: el.items() when the caller has it (a plain list: no attribute proxy)."""
        if attributes is None:
            attributes = el.items()
        if attributes:
            id_attributes = self.schema.id_attributes
            for name, value in attributes:
                q = p.att(name, value, None)
                if q is NOT_ALLOWED:
                    q = self.bad_attribute(el, p, name, value, index)
                    if q is NOT_ALLOWED:
                        continue
                if name in id_attributes:
                    self.note_id(id_attributes[name], value, index)
                p = q
        if not p.has_att and p is not NOT_ALLOWED:  # Pattern.close would return p itself
            return p
        q = p.close()
        if q is NOT_ALLOWED:
            self.current = el
            missing = required_attributes(p)
            names = self.quoted(missing, "and", attribute=True) or '"(some)"'
            plural = "s" if len(missing) > 1 else ""
            self.report(
                "rng-missing-attribute",
                f'element "{_qname(el)}" missing required attribute{plural} {names}',
                index,
                False,
            )
            q = close_forced(p)
        return q

    def lone_text(self, el: _ELEMENT, p: Pattern, s: str, index: int) -> tuple[Pattern, bool]:
        """An element with no element children: its text is one text node, whitespace included."""
        if not s or s.isspace():
            if p.has_data:
                return choice([p, p.text(s, None)]), False
            # the text may be there or not; a pattern that does not look at the text itself
            # gives the same choice for every blank text, so it is worked out once
            hit = _BLANK.get(p)
            if hit is None:
                hit = _BLANK[p] = choice([p, p.text(s, None)])
            return hit, False
        q = p.text(s, None)
        if q is NOT_ALLOWED:
            if p.text("x", None) is NOT_ALLOWED and not p.has_data:
                self.report(
                    "rng-text-not-allowed",
                    f"text not allowed here{self.expectation(p)}",
                    index,
                    True,
                )
                return p, False  # the element may still be incomplete, and jing says so too
            else:
                self.report(
                    "rng-bad-value",
                    f'character content of element "{_qname(el)}" invalid'
                    + why_refused(list(current_patterns(p)), s),
                    index,
                    True,
                )
            return p, True
        return q, False

    def mixed_text(self, p: Pattern, s: str, index: int, at_end: bool = False) -> Pattern:
        """Text between elements; reported, as jing does, at the tag that follows it."""
        q = p.text(s, None)
        if q is NOT_ALLOWED:
            self.report(
                "rng-text-not-allowed",
                f"text not allowed here{self.expectation(p)}",
                index,
                at_end,
            )
            return p
        return q

    # --- errors ----------------------------------------------------------------------------------
    def not_allowed(self, el: _ELEMENT, p: Pattern, index: int) -> None:
        where = "here" if self.schema.loader.known_anywhere(el.tag) else "anywhere"
        name = _qname(el)
        self.report(
            "rng-element-not-allowed",
            f'element "{name}" not allowed {where}{self.expectation(p)}',
            index,
            False,
        )

    def bad_attribute(self, el: _ELEMENT, p: Pattern, name: str, value: str, index: int) -> Pattern:
        self.current = el
        shown = _attribute_qname(el, name)
        q = att_name_only(p, name)
        if q is NOT_ALLOWED:
            allowed, _, _ = expected(p, "attribute")
            names = self.quoted(allowed, attribute=True)
            tail = f"; expected attribute {names}" if names else ", but no attributes allowed here"
            head = (
                f'found attribute "{shown}"'
                if not names
                else f'attribute "{shown}" not allowed here'
            )

            self.report("rng-attribute-not-allowed", head + tail, index, False)
            return NOT_ALLOWED
        self.report(
            "rng-bad-value",
            f'value of attribute "{shown}" is invalid'
            + why_refused(value_patterns(p, name), value),
            index,
            False,
        )
        return q

    def not_allowed_yet(self, el: _ELEMENT, p: Pattern, index: int) -> None:
        name = _qname(el)
        self.report(
            "rng-element-not-allowed",
            f'element "{name}" not allowed yet{self.missing_or_expected(p)}',
            index,
            False,
        )

    def missing_or_expected(self, p: Pattern) -> str:
        """jing's explanation: the elements still required if there are any, else what could
        come."""
        missing = required_elements(p)
        if missing:
            plural = "s" if len(missing) > 1 else ""
            return f"; missing required element{plural} {self.quoted(missing, 'and')}"
        return self.expectation(p)

    def incomplete(self, el: _ELEMENT, p: Pattern, index: int) -> None:
        what = self.missing_or_expected(p)
        self.report(
            "rng-incomplete",
            f'element "{_qname(el)}" incomplete{what}',
            index,
            True,
        )

    def note_id(self, kind: str, value: str, index: int) -> None:
        if kind == "ID":
            value = value.strip()
            if value in self.ids:
                self.report(
                    "rng-duplicate-id", f'ID "{value}" has already been defined', index, False
                )
                self.report(
                    "rng-duplicate-id", f'first occurrence of ID "{value}"', self.ids[value], False
                )
            else:
                self.ids[value] = index
        else:
            for ref in value.split():
                self.idrefs.append((ref, index))

    def report(self, code: str, message: str, index: int, at_end: bool) -> None:
        where = self.current
        xpath = _path(where) if where is not None else ""
        self.errors.append(_Error(code, message, index, at_end, xpath))

    # --- names for messages ----------------------------------------------------------------------
    def expectation(self, p: Pattern) -> str:
        """'; expected …' listing what could come next in state p (empty when nothing could)."""
        names, can_end, can_text = expected(p, "element")
        parts = []
        if can_end:
            parts.append("the element end-tag")
        if can_text and TEXT is not None:
            parts.append("text")
        listed = self.quoted(names)
        if listed:
            parts.append("element " + listed)
        if not parts:
            return ""
        listed = (
            " or ".join(parts) if len(parts) <= 2 else ", ".join(parts[:-1]) + " or " + parts[-1]
        )
        return "; expected " + listed

    def quoted(self, classes: list, conjunction: str = "or", attribute: bool = False) -> str:
        """The names, quoted and listed as jing lists them: prefixed as the document declares them
        where the error is, and with invented prefixes declared in "(with xmlns:ns=…)" otherwise."""
        names = [c for c in classes if isinstance(c, nc.Name)]
        shown = {nc.describe(c) for c in classes if not isinstance(c, nc.Name)}
        context = dict(self.current.nsmap) if self.current is not None else {}
        context["xml"] = _XML_NS
        shown_names, declared = _qnames(names, context, attribute)
        items = [f'"{q}"' for q in sorted(shown | set(shown_names))]
        if not items:
            return ""
        listed = (
            items[0] if len(items) == 1 else ", ".join(items[:-1]) + f" {conjunction} " + items[-1]
        )
        if declared:
            bindings = sorted(
                f'xmlns:{p}="{ns}"' if p else f'xmlns="{ns}"' for ns, p in declared.items()
            )
            listed += f" (with {' '.join(bindings)})"
        return listed

    # --- diagnostics -----------------------------------------------------------------------------
    def diagnostics(self, file: str, data: bytes | None, schema_name: str) -> list[Diagnostic]:
        if not self.errors:
            return []
        positions = TagPositions(data) if data is not None else None
        out = []
        for err in self.errors:
            line = col = 0
            if positions is not None:
                if err.code == "rng-text-not-allowed":
                    line, col = positions.text_before(err.index, err.at_end)
                else:
                    where = positions.end_tag if err.at_end else positions.start_tag
                    line, col = where(err.index)
            out.append(
                error(
                    err.code,
                    err.message,
                    file=file,
                    line=line,
                    col=col,
                    xpath=err.xpath,
                    schema=schema_name,
                )
            )
        return out


def _path(el: _ELEMENT) -> str:
    """/TEI/text[1]/body[1]/foo[2]: local names with positions among same-named siblings."""
    steps: list[str] = []
    node: _ELEMENT | None = el
    while node is not None:
        local = etree.QName(node).localname
        parent = node.getparent()
        if parent is None:
            steps.append(local)
        else:
            position = 1 + sum(1 for s in node.itersiblings(node.tag, preceding=True))
            steps.append(f"{local}[{position}]")
        node = parent
    return "/" + "/".join(reversed(steps))


_XML_NS = "http://www.w3.org/XML/1998/namespace"
_GENERATED_PREFIXES = ("ns", "ns-", "ns_", "NS", "NS-", "NS_")


def _qname(el: _ELEMENT) -> str:
    """The element's name as the document writes it."""
    local = etree.QName(el).localname
    return f"{el.prefix}:{local}" if el.prefix else local


def _attribute_qname(el: _ELEMENT, clark: str) -> str:
    ns, local = nc.split(clark)
    if not ns:
        return local
    if ns == _XML_NS:
        return "xml:" + local
    prefix = next((p for p, uri in sorted(el.nsmap.items(), key=str) if p and uri == ns), None)
    return f"{prefix}:{local}" if prefix else clark


def _qnames(names: list, context: dict, attribute: bool) -> tuple[list[str], dict[str, str]]:
    """jing's naming of a set of names in a namespace context (prefix → URI, None for the
    default): names in the default namespace bare, others with a prefix the context binds, and
    the rest with generated prefixes, returned as namespace → prefix declarations to show."""
    declared: dict[str, str] = {}
    default = "" if attribute else context.get(None)
    if not attribute and any(not n.ns for n in names):
        if default is not None:
            declared[""] = ""
        default = ""
    out: list[str] = []
    undeclared: list = []
    for name in names:
        if name.ns == (default if default is not None else None):
            out.append(name.local)
            continue
        prefix = next(
            (p for p, uri in sorted(context.items(), key=str) if p and uri == name.ns), None
        )
        if prefix is None:
            undeclared.append(name)
        else:
            out.append(f"{prefix}:{name.local}")
    if not undeclared:
        return out, declared
    spaces = sorted({n.ns for n in undeclared})
    if len(spaces) == 1 and default is None:
        declared[spaces[0]] = ""
    else:
        bound = {p for p in context if p}
        tries = 0
        while True:
            base = (
                _GENERATED_PREFIXES[tries]
                if tries < len(_GENERATED_PREFIXES)
                else "_" * tries + "ns"
            )
            wanted = [base] if len(spaces) == 1 else [f"{base}{i + 1}" for i in range(len(spaces))]
            if not bound.intersection(wanted):
                break
            tries += 1
        declared.update(zip(spaces, wanted, strict=True))  # one prefix per namespace
    for name in undeclared:
        prefix = declared[name.ns]
        out.append(f"{prefix}:{name.local}" if prefix else name.local)
    return out, declared

"""Hash-consed RELAX NG patterns and their derivatives (James Clark's validation algorithm).

A pattern is an immutable node; constructors (`choice`, `group`, …) normalise and intern them, so
equal patterns are the same object and every derivative can be memoised on the pattern itself.
Validating a document is then a walk that replaces the current pattern by its derivative with
respect to each event (start tag, attribute, end of start tag, text, end tag). Because TEI
documents repeat the same element types, almost every step after the first few is a dictionary
lookup on the pattern's memo.

Reference: J. Clark, "An algorithm for RELAX NG validation" (2002).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from .nameclasses import Name

_INTERN: dict[tuple, Pattern] = {}


class Pattern:
    __slots__ = ("nullable", "has_att", "has_data", "_open", "_att", "_close", "_text", "_end")

    def __init__(self, nullable: bool, has_att: bool, has_data: bool) -> None:
        self.nullable = nullable
        self.has_att = has_att  # attribute patterns reachable before an element boundary
        self.has_data = has_data  # text derivative depends on the text itself
        self._open: dict | None = None
        self._att: dict | None = None
        self._close: Pattern | None = None
        self._text: dict | None = None
        self._end: Pattern | None = None

    # --- derivatives with memo -------------------------------------------------------------
    def start_open(self, tag: str) -> Pattern:
        memo = self._open
        if memo is None:
            memo = self._open = {}
        else:
            hit = memo.get(tag)
            if hit is not None:
                return hit
        result = memo[tag] = self._start_open(tag)
        return result

    def att(self, name: str, value: str, ctx) -> Pattern:
        """Derivative by one attribute. Memoised by name and by which of the candidate value
        patterns accept the value, so unique values (ids, pointers) still hit the memo."""
        if not self.has_att:
            return NOT_ALLOWED
        memo = self._att
        entry = memo.get(name) if memo is not None else None
        cands, by_sig = entry if entry is not None else self._att_entry(name)
        if not cands:
            return NOT_ALLOWED
        if len(cands) == 1:  # the usual case: one attribute of that name in reach
            sig: tuple = (value_matches(cands[0], value, ctx),)
        else:
            sig = tuple([value_matches(v, value, ctx) for v in cands])
        hit = by_sig.get(sig)
        if hit is not None:
            return hit
        tested: dict[Pattern, bool] = dict(zip(cands, sig, strict=True))

        def accepts(v: Pattern) -> bool:
            hit = tested.get(v)
            if hit is None:
                hit = tested[v] = value_matches(v, value, ctx)
            return hit

        hit = by_sig[sig] = self._att_deriv(name, accepts)
        return hit

    def att_by(self, name: str, accepts: Callable[[Pattern], bool]) -> Pattern:
        if not self.has_att:
            return NOT_ALLOWED
        cands, by_sig = self._att_entry(name)
        if not cands:
            return NOT_ALLOWED
        sig = tuple([accepts(v) for v in cands])
        hit = by_sig.get(sig)
        if hit is None:
            hit = by_sig[sig] = self._att_deriv(name, accepts)
        return hit

    def _att_entry(self, name: str) -> tuple[tuple, dict]:
        memo = self._att
        if memo is None:
            memo = self._att = {}
        entry = memo.get(name)
        if entry is None:
            seen: dict[Pattern, None] = {}
            for child in self._att_children():
                if child.has_att:
                    for v in child._att_entry(name)[0]:
                        seen[v] = None
            if type(self) is Attribute and self.nc.contains(name):  # type: ignore[attr-defined]
                seen[self.value] = None  # type: ignore[attr-defined]
            entry = memo[name] = (tuple(seen), {})
        return entry

    def _att_children(self) -> tuple:
        return ()

    def close(self) -> Pattern:
        if not self.has_att:
            return self
        result = self._close
        if result is None:
            result = self._close = self._close_deriv()
        return result

    def text(self, s: str, ctx) -> Pattern:
        key = s if self.has_data else None
        memo = self._text
        if memo is None:
            memo = self._text = {}
        else:
            hit = memo.get(key)
            if hit is not None:
                return hit
        result = self._text_deriv(s, ctx)
        if len(memo) < 4096:
            memo[key] = result
        return result

    def end(self) -> Pattern:
        result = self._end
        if result is None:
            result = self._end = self._end_deriv()
        return result

    # --- defaults: a pattern that matches no event ----------------------------------------
    def _start_open(self, tag: str) -> Pattern:
        return NOT_ALLOWED

    def _att_deriv(self, name: str, accepts) -> Pattern:
        return NOT_ALLOWED

    def _close_deriv(self) -> Pattern:
        return self

    def _text_deriv(self, s: str, ctx) -> Pattern:
        return NOT_ALLOWED

    def _end_deriv(self) -> Pattern:
        return NOT_ALLOWED

    def members(self) -> Iterable[Pattern]:
        return (self,)

    def __repr__(self) -> str:
        return type(self).__name__


class _Empty(Pattern):
    __slots__ = ()

    def __init__(self) -> None:
        super().__init__(True, False, False)

    def _text_deriv(self, s, ctx):
        return NOT_ALLOWED


class _NotAllowed(Pattern):
    __slots__ = ()

    def __init__(self) -> None:
        super().__init__(False, False, False)


class _Text(Pattern):
    __slots__ = ()

    def __init__(self) -> None:
        super().__init__(True, False, False)

    def _text_deriv(self, s, ctx):
        return self


EMPTY: Pattern = _Empty()
NOT_ALLOWED: Pattern = _NotAllowed()
TEXT: Pattern = _Text()


class Choice(Pattern):
    __slots__ = ("alts", "_by_name")

    def __init__(self, alts: frozenset) -> None:
        super().__init__(
            any(a.nullable for a in alts),
            any(a.has_att for a in alts),
            any(a.has_data for a in alts),
        )
        self.alts = alts
        self._by_name: tuple[dict[str, list[Pattern]], list[Pattern]] | None = None

    def members(self):
        return self.alts

    def _start_open(self, tag):
        # TEI's content models are choices among a hundred elements or more: only the elements of
        # this name (and the alternatives that are not single-name elements) can accept the tag
        index = self._by_name
        if index is None:
            index = self._by_name = _index_by_name(self.alts)
        named, others = index
        hits = named.get(tag)
        alts = others if hits is None else hits + others
        return choice([a.start_open(tag) for a in alts])

    def _att_children(self):
        return self.alts

    def _att_deriv(self, name, accepts):
        return choice([a.att_by(name, accepts) for a in self.alts])

    def _close_deriv(self):
        return choice([a.close() for a in self.alts])

    def _text_deriv(self, s, ctx):
        return choice([a.text(s, ctx) for a in self.alts])

    def _end_deriv(self):
        return choice([a.end() for a in self.alts])


def _index_by_name(alts: Iterable[Pattern]) -> tuple[dict[str, list[Pattern]], list[Pattern]]:
    """Element alternatives with one plain name, by that name; and all the other alternatives."""
    named: dict[str, list[Pattern]] = {}
    others: list[Pattern] = []
    for a in alts:
        if type(a) is Element and isinstance(a.nc, Name):  # type: ignore[attr-defined]
            named.setdefault(a.nc.clark, []).append(a)  # type: ignore[attr-defined]
        else:
            others.append(a)
    return named, others


class Group(Pattern):
    __slots__ = ("a", "b")

    def __init__(self, a: Pattern, b: Pattern) -> None:
        super().__init__(
            a.nullable and b.nullable, a.has_att or b.has_att, a.has_data or b.has_data
        )
        self.a, self.b = a, b

    def _start_open(self, tag):
        a, b = self.a, self.b
        x = apply_after(lambda p: group(p, b), a.start_open(tag))
        return choice([x, b.start_open(tag)]) if a.nullable else x

    def _att_children(self):
        return (self.a, self.b)

    def _att_deriv(self, name, accepts):
        a, b = self.a, self.b
        return choice([group(a.att_by(name, accepts), b), group(a, b.att_by(name, accepts))])

    def _close_deriv(self):
        return group(self.a.close(), self.b.close())

    def _text_deriv(self, s, ctx):
        a, b = self.a, self.b
        x = group(a.text(s, ctx), b)
        return choice([x, b.text(s, ctx)]) if a.nullable else x


class Interleave(Pattern):
    __slots__ = ("a", "b")

    def __init__(self, a: Pattern, b: Pattern) -> None:
        super().__init__(
            a.nullable and b.nullable, a.has_att or b.has_att, a.has_data or b.has_data
        )
        self.a, self.b = a, b

    def _start_open(self, tag):
        a, b = self.a, self.b
        return choice(
            [
                apply_after(lambda p: interleave(p, b), a.start_open(tag)),
                apply_after(lambda p: interleave(a, p), b.start_open(tag)),
            ]
        )

    def _att_children(self):
        return (self.a, self.b)

    def _att_deriv(self, name, accepts):
        a, b = self.a, self.b
        return choice(
            [interleave(a.att_by(name, accepts), b), interleave(a, b.att_by(name, accepts))]
        )

    def _close_deriv(self):
        return interleave(self.a.close(), self.b.close())

    def _text_deriv(self, s, ctx):
        a, b = self.a, self.b
        return choice([interleave(a.text(s, ctx), b), interleave(a, b.text(s, ctx))])


class OneOrMore(Pattern):
    __slots__ = ("p",)

    def __init__(self, p: Pattern) -> None:
        super().__init__(p.nullable, p.has_att, p.has_data)
        self.p = p

    def _rest(self) -> Pattern:
        return choice([self, EMPTY])

    def _start_open(self, tag):
        rest = self._rest()
        return apply_after(lambda x: group(x, rest), self.p.start_open(tag))

    def _att_children(self):
        return (self.p,)

    def _att_deriv(self, name, accepts):
        return group(self.p.att_by(name, accepts), self._rest())

    def _close_deriv(self):
        return one_or_more(self.p.close())

    def _text_deriv(self, s, ctx):
        return group(self.p.text(s, ctx), self._rest())


class After(Pattern):
    """What remains inside the current element (a), then what follows it in the parent (b)."""

    __slots__ = ("a", "b")

    def __init__(self, a: Pattern, b: Pattern) -> None:
        super().__init__(False, a.has_att, a.has_data)
        self.a, self.b = a, b

    def _start_open(self, tag):
        b = self.b
        return apply_after(lambda p: after(p, b), self.a.start_open(tag))

    def _att_children(self):
        return (self.a,)

    def _att_deriv(self, name, accepts):
        return after(self.a.att_by(name, accepts), self.b)

    def _close_deriv(self):
        return after(self.a.close(), self.b)

    def _text_deriv(self, s, ctx):
        return after(self.a.text(s, ctx), self.b)

    def _end_deriv(self):
        return self.b if self.a.nullable else NOT_ALLOWED


class Attribute(Pattern):
    __slots__ = ("nc", "value")

    def __init__(self, nc, value: Pattern) -> None:
        super().__init__(False, True, False)
        self.nc, self.value = nc, value

    def _att_deriv(self, name, accepts):
        if self.nc.contains(name) and accepts(self.value):
            return EMPTY
        return NOT_ALLOWED

    def _close_deriv(self):
        return NOT_ALLOWED


class Element(Pattern):
    """An element pattern; its content is compiled on first use, so unused parts of a large
    schema (tei_all has 590 elements) cost nothing."""

    __slots__ = ("nc", "_content", "_compile")

    def __init__(self, nc, compile_content: Callable[[], Pattern]) -> None:
        super().__init__(False, False, False)
        self.nc = nc
        self._content: Pattern | None = None
        self._compile: Callable[[], Pattern] | None = compile_content

    @property
    def content(self) -> Pattern:
        content = self._content
        if content is None:
            content = self._content = self._compile()  # type: ignore[misc]
            self._compile = None
        return content

    def _start_open(self, tag):
        if self.nc.contains(tag):
            return after(self.content, EMPTY)
        return NOT_ALLOWED

    def __repr__(self) -> str:
        return f"Element({self.nc})"


class Data(Pattern):
    __slots__ = ("datatype", "except_")

    def __init__(self, datatype, except_: Pattern | None) -> None:
        super().__init__(False, False, True)
        self.datatype, self.except_ = datatype, except_

    def _text_deriv(self, s, ctx):
        if not self.datatype.allows(s, ctx):
            return NOT_ALLOWED
        if self.except_ is not None and value_matches(self.except_, s, ctx):
            return NOT_ALLOWED
        return EMPTY


class Value(Pattern):
    __slots__ = ("datatype", "value", "ns_ctx")

    def __init__(self, datatype, value: str, ns_ctx) -> None:
        super().__init__(False, False, True)
        self.datatype, self.value, self.ns_ctx = datatype, value, ns_ctx

    def _text_deriv(self, s, ctx):
        return EMPTY if self.datatype.equal(self.value, self.ns_ctx, s, ctx) else NOT_ALLOWED


class List(Pattern):
    __slots__ = ("p",)

    def __init__(self, p: Pattern) -> None:
        super().__init__(False, False, True)
        self.p = p

    def _text_deriv(self, s, ctx):
        p = self.p
        for token in s.split():
            p = p.text(token, ctx)
            if p is NOT_ALLOWED:
                return NOT_ALLOWED
        return EMPTY if p.nullable else NOT_ALLOWED


# --- constructors: normalise, then intern ------------------------------------------------------


def _intern(key: tuple, make: Callable[[], Pattern]) -> Pattern:
    hit = _INTERN.get(key)
    if hit is None:
        hit = _INTERN[key] = make()
    return hit


def choice(ps: Iterable[Pattern]) -> Pattern:
    alts: set[Pattern] = set()
    for p in ps:
        if p is NOT_ALLOWED:
            continue
        if type(p) is Choice:
            alts.update(p.alts)  # type: ignore[attr-defined]
        else:
            alts.add(p)
    if not alts:
        return NOT_ALLOWED
    if len(alts) == 1:
        return next(iter(alts))
    key = frozenset(alts)
    return _intern(("|", key), lambda: Choice(key))


def group(a: Pattern, b: Pattern) -> Pattern:
    if a is NOT_ALLOWED or b is NOT_ALLOWED:
        return NOT_ALLOWED
    if a is EMPTY:
        return b
    if b is EMPTY:
        return a
    return _intern((",", a, b), lambda: Group(a, b))


def interleave(a: Pattern, b: Pattern) -> Pattern:
    if a is NOT_ALLOWED or b is NOT_ALLOWED:
        return NOT_ALLOWED
    if a is EMPTY:
        return b
    if b is EMPTY:
        return a
    return _intern(("&", a, b), lambda: Interleave(a, b))


def after(a: Pattern, b: Pattern) -> Pattern:
    if a is NOT_ALLOWED or b is NOT_ALLOWED:
        return NOT_ALLOWED
    return _intern(("after", a, b), lambda: After(a, b))


def one_or_more(p: Pattern) -> Pattern:
    if p is NOT_ALLOWED or p is EMPTY or p is TEXT:
        return p
    return _intern(("+", p), lambda: OneOrMore(p))


def apply_after(f: Callable[[Pattern], Pattern], p: Pattern) -> Pattern:
    if type(p) is After:
        return after(p.a, f(p.b))  # type: ignore[attr-defined]
    if type(p) is Choice:
        return choice([apply_after(f, a) for a in p.alts])  # type: ignore[attr-defined]
    return NOT_ALLOWED


_RECOVER_MEMO: dict[tuple[Pattern, str], Pattern] = {}


def start_open_recover(p: Pattern, tag: str) -> Pattern:
    """The start-tag derivative that may skip the required first part of a group: where the
    element would be allowed had the missing content been there. jing's recovery, and what lets
    it say "not allowed yet" and then go on from the state after the element."""
    key = (p, tag)
    hit = _RECOVER_MEMO.get(key)
    if hit is not None:
        return hit
    t = type(p)
    if t is Choice:
        result = choice([start_open_recover(a, tag) for a in p.alts])  # type: ignore[attr-defined]
    elif t is Group:
        a, b = p.a, p.b  # type: ignore[attr-defined]
        x = apply_after(lambda q: group(q, b), start_open_recover(a, tag))
        result = choice([x, start_open_recover(b, tag)])
    elif t is Interleave:
        a, b = p.a, p.b  # type: ignore[attr-defined]
        result = choice(
            [
                apply_after(lambda q: interleave(q, b), start_open_recover(a, tag)),
                apply_after(lambda q: interleave(a, q), start_open_recover(b, tag)),
            ]
        )
    elif t is OneOrMore:
        rest = p._rest()  # type: ignore[attr-defined]
        result = apply_after(lambda q: group(q, rest), start_open_recover(p.p, tag))  # type: ignore[attr-defined]
    elif t is After:
        b = p.b  # type: ignore[attr-defined]
        result = apply_after(lambda q: after(q, b), start_open_recover(p.a, tag))  # type: ignore[attr-defined]
    else:
        result = p.start_open(tag)
    _RECOVER_MEMO[key] = result
    return result


def value_matches(p: Pattern, s: str, ctx) -> bool:
    """An attribute value or a lone text node against pattern p (whitespace may match empty)."""
    if p.nullable and (not s or s.isspace()):
        return True
    return p.text(s, ctx).nullable


# --- helpers for recovery and messages ---------------------------------------------------------


def end_forced(p: Pattern) -> Pattern:
    """End the current element whatever is missing in it (error recovery)."""
    if type(p) is After:
        return p.b  # type: ignore[attr-defined]
    if type(p) is Choice:
        return choice([end_forced(a) for a in p.alts])  # type: ignore[attr-defined]
    return NOT_ALLOWED


def close_forced(p: Pattern) -> Pattern:
    """End the start tag treating every missing attribute as present (error recovery)."""
    if not p.has_att:
        return p
    t = type(p)
    if t is Attribute:
        return EMPTY
    if t is Choice:
        return choice([close_forced(a) for a in p.alts])  # type: ignore[attr-defined]
    if t is Group:
        return group(close_forced(p.a), close_forced(p.b))  # type: ignore[attr-defined]
    if t is Interleave:
        return interleave(close_forced(p.a), close_forced(p.b))  # type: ignore[attr-defined]
    if t is OneOrMore:
        return one_or_more(close_forced(p.p))  # type: ignore[attr-defined]
    if t is After:
        return after(close_forced(p.a), p.b)  # type: ignore[attr-defined]
    return p


def att_name_only(p: Pattern, name: str) -> Pattern:
    """attDeriv ignoring the value: tells 'bad value' apart from 'attribute not allowed'."""
    if not p.has_att:
        return NOT_ALLOWED
    t = type(p)
    if t is Attribute:
        return EMPTY if p.nc.contains(name) else NOT_ALLOWED  # type: ignore[attr-defined]
    if t is Choice:
        return choice([att_name_only(a, name) for a in p.alts])  # type: ignore[attr-defined]
    if t is Group:
        return choice(
            [group(att_name_only(p.a, name), p.b), group(p.a, att_name_only(p.b, name))]  # type: ignore[attr-defined]
        )
    if t is Interleave:
        return choice(
            [
                interleave(att_name_only(p.a, name), p.b),  # type: ignore[attr-defined]
                interleave(p.a, att_name_only(p.b, name)),  # type: ignore[attr-defined]
            ]
        )
    if t is OneOrMore:
        return group(att_name_only(p.p, name), choice([p, EMPTY]))  # type: ignore[attr-defined]
    if t is After:
        return after(att_name_only(p.a, name), p.b)  # type: ignore[attr-defined]
    return NOT_ALLOWED


def _current(p: Pattern) -> Iterable[Pattern]:
    """The inside-the-element parts of a state (the `a` of every After)."""
    if type(p) is After:
        yield p.a  # type: ignore[attr-defined]
    elif type(p) is Choice:
        for a in p.alts:  # type: ignore[attr-defined]
            yield from _current(a)
    else:
        yield p


_EXPECTED_MEMO: dict[tuple[Pattern, str], tuple[list, bool, bool]] = {}


def expected(p: Pattern, want: str) -> tuple[list, bool, bool]:
    """Name classes of the elements (want='element') or attributes (want='attribute') that could
    come next in state p, whether the end tag could come, and whether text could. Memoised: a
    document that repeats a mistake asks about the same state each time."""
    hit = _EXPECTED_MEMO.get((p, want))
    if hit is None:
        hit = _EXPECTED_MEMO[(p, want)] = _expected(p, want)
    found, can_end, can_text = hit
    return list(found), can_end, can_text


def _expected(p: Pattern, want: str) -> tuple[list, bool, bool]:
    found: list = []
    seen: set[int] = set()
    can_end = False
    can_text = False

    def walk(q: Pattern, required_only: bool) -> None:
        if id(q) in seen:
            return
        seen.add(id(q))
        t = type(q)
        if t is Choice:
            for a in q.alts:  # type: ignore[attr-defined]
                walk(a, required_only)
        elif t is Group:
            walk(q.a, required_only)  # type: ignore[attr-defined]
            if want == "attribute" or q.a.nullable:  # type: ignore[attr-defined]
                walk(q.b, required_only)  # type: ignore[attr-defined]
        elif t is Interleave:
            walk(q.a, required_only)  # type: ignore[attr-defined]
            walk(q.b, required_only)  # type: ignore[attr-defined]
        elif t is OneOrMore:
            walk(q.p, required_only)  # type: ignore[attr-defined]
        elif t is Element and want == "element":
            found.append(q.nc)  # type: ignore[attr-defined]
        elif t is Attribute and want == "attribute":
            found.append(q.nc)  # type: ignore[attr-defined]

    for inner in _current(p):
        if inner.nullable:
            can_end = True
        if inner.text("x", None) is not NOT_ALLOWED if not inner.has_data else False:
            can_text = True
        walk(inner, False)
    return found, can_end, can_text


def required_attributes(p: Pattern) -> list:
    """Name classes of attributes that every way through p still needs."""
    out: list = []

    def walk(q: Pattern) -> None:
        t = type(q)
        if not q.has_att or q.nullable:
            return
        if t is Attribute:
            out.append(q.nc)  # type: ignore[attr-defined]
        elif t in (Group, Interleave):
            walk(q.a)  # type: ignore[attr-defined]
            walk(q.b)  # type: ignore[attr-defined]
        elif t is OneOrMore:
            walk(q.p)  # type: ignore[attr-defined]
        elif t is Choice:
            # only attributes required by every alternative
            alts = list(q.alts)  # type: ignore[attr-defined]
            sets = []
            for a in alts:
                sub: list = []
                out_len = len(out)
                walk(a)
                sub = out[out_len:]
                del out[out_len:]
                sets.append({repr(n): n for n in sub})
            common = set.intersection(*(set(s) for s in sets)) if sets else set()
            out.extend(sets[0][k] for k in sorted(common))

    for inner in _current(p):
        walk(inner)
    return out


def required_elements(p: Pattern) -> list:
    """Names of the elements that every way through state p still needs (only plain names
    count), as jing lists them in "missing required element" messages."""
    memo: dict[Pattern, dict[str, Any]] = {}

    def walk(q: Pattern) -> dict[str, Any]:
        hit = memo.get(q)
        if hit is not None:
            return hit
        t = type(q)
        out: dict[str, Any] = {}
        if t is Element:
            if isinstance(q.nc, Name):  # type: ignore[attr-defined]
                out = {q.nc.clark: q.nc}  # type: ignore[attr-defined]
        elif t is Group:  # what the first part still needs, or else the second
            out = walk(q.b if q.a.nullable else q.a)  # type: ignore[attr-defined]
        elif t is Interleave:
            out = {**walk(q.a), **walk(q.b)}  # type: ignore[attr-defined]
        elif t is OneOrMore:
            out = walk(q.p)  # type: ignore[attr-defined]
        elif t is After:
            out = walk(q.a)  # type: ignore[attr-defined]
        elif t is Choice:
            sets = [walk(a) for a in q.alts]  # type: ignore[attr-defined]
            common = set(sets[0]).intersection(*sets[1:]) if sets else set()
            out = {k: sets[0][k] for k in common}
        memo[q] = out
        return out

    found = walk(p)
    return [found[k] for k in sorted(found)]


def current_patterns(p: Pattern) -> list[Pattern]:
    """The content still expected inside the current element, one pattern per alternative."""
    return list(_current(p))


def value_patterns(p: Pattern, name: str) -> list[Pattern]:
    """The value patterns of the attributes named ``name`` that state p allows."""
    return list(p._att_entry(name)[0]) if p.has_att else []

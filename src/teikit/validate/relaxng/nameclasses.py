"""RELAX NG name classes over Clark-notation names ('{ns}local', or 'local' with no namespace)."""

from __future__ import annotations

from dataclasses import dataclass, field


def split(clark: str) -> tuple[str, str]:
    if clark[:1] == "{":
        ns, _, local = clark[1:].partition("}")
        return ns, local
    return "", clark


@dataclass(frozen=True)
class Name:
    ns: str
    local: str
    clark: str = field(init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "clark", f"{{{self.ns}}}{self.local}" if self.ns else self.local)

    def contains(self, clark: str) -> bool:
        return clark == self.clark

    def names(self) -> list[Name]:
        return [self]


@dataclass(frozen=True)
class AnyName:
    except_: object | None = None

    def contains(self, clark: str) -> bool:
        return self.except_ is None or not self.except_.contains(clark)  # type: ignore[attr-defined]

    def names(self) -> list[Name]:
        return []


@dataclass(frozen=True)
class NsName:
    ns: str
    except_: object | None = None

    def contains(self, clark: str) -> bool:
        if split(clark)[0] != self.ns:
            return False
        return self.except_ is None or not self.except_.contains(clark)  # type: ignore[attr-defined]

    def names(self) -> list[Name]:
        return []


@dataclass(frozen=True)
class NameChoice:
    a: object
    b: object

    def contains(self, clark: str) -> bool:
        return self.a.contains(clark) or self.b.contains(clark)  # type: ignore[attr-defined]

    def names(self) -> list[Name]:
        return self.a.names() + self.b.names()  # type: ignore[attr-defined]


def describe(nc) -> str:
    """A name class as jing would show it in a message."""
    if isinstance(nc, Name):
        return nc.local if not nc.ns else nc.clark
    if isinstance(nc, NsName):
        return f"{{{nc.ns}}}*"
    if isinstance(nc, AnyName):
        return "*"
    return " or ".join(describe(x) for x in (nc.a, nc.b))

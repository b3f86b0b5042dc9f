"""A faster ``__init__`` for frozen, slotted dataclasses.

The ``__init__`` a frozen dataclass is given sets every field through ``object.__setattr__``,
which looks the field up on the class each time (the class's own ``__setattr__`` refuses). The
parser makes hundreds of thousands of model nodes and label candidates on a corpus, and that
costs a few per cent of its time. ``quick_init`` gives the class an ``__init__`` that calls each
slot's descriptor directly instead: the same parameters, defaults and ``__post_init__``, and the
instances stay as frozen as before (assignment still raises).
"""

from __future__ import annotations

from dataclasses import MISSING, fields, is_dataclass
from typing import Any, TypeVar

T = TypeVar("T", bound=type)


def quick_init(cls: T) -> T:
    """Class decorator, applied above ``@dataclass(frozen=True, slots=True)``."""
    if not is_dataclass(cls) or "__slots__" not in cls.__dict__:
        raise TypeError(f"quick_init needs a slotted dataclass, not {cls.__name__}")
    namespace: dict[str, Any] = {}
    parameters: list[str] = []
    body: list[str] = []
    for f in fields(cls):
        if not f.init:
            continue  # (set by __post_init__)
        if f.default_factory is not MISSING or f.kw_only:
            raise TypeError(f"quick_init does not handle field {cls.__name__}.{f.name}")
        slot = next(k.__dict__[f.name] for k in cls.__mro__ if f.name in k.__dict__)
        namespace[f"_set_{f.name}"] = slot.__set__
        if f.default is MISSING:
            parameters.append(f.name)
        else:
            namespace[f"_default_{f.name}"] = f.default
            parameters.append(f"{f.name}=_default_{f.name}")
        body.append(f"    _set_{f.name}(self, {f.name})")
    if hasattr(cls, "__post_init__"):
        body.append("    self.__post_init__()")
    source = f"def __init__(self, {', '.join(parameters)}):\n" + ("\n".join(body) or "    pass")
    exec(source, namespace)  # the source is made from the class's own field names only
    init = namespace["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    setattr(cls, "__init__", init)  # noqa: B010 (mypy refuses assigning to __init__)
    return cls


__all__ = ["quick_init"]

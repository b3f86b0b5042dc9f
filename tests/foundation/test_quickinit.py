"""quick_init: the same instances as the dataclass's own __init__, built faster, still frozen."""

from __future__ import annotations

from dataclasses import FrozenInstanceError, dataclass, field, fields

import pytest

from teikit import model
from teikit.parse.lists import ItemStart
from teikit.parse.speakers.labels import Label
from teikit.quickinit import quick_init


@dataclass(frozen=True, slots=True)
class _Plain:
    a: int
    b: str = "b"
    c: tuple[int, ...] = ()
    key: str = field(init=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "key", f"{self.a}{self.b}")


def _quick_copy() -> type[_Plain]:
    @quick_init
    @dataclass(frozen=True, slots=True)
    class Quick(_Plain):
        pass

    return Quick


def test_same_fields_defaults_and_post_init() -> None:
    quick = _quick_copy()
    for args, kwargs in [((1,), {}), ((1, "x"), {}), ((2,), {"c": (3,)}), ((), {"a": 4, "b": "y"})]:
        want, got = _Plain(*args, **kwargs), quick(*args, **kwargs)
        assert [getattr(got, f.name) for f in fields(_Plain)] == [
            getattr(want, f.name) for f in fields(_Plain)
        ]


def test_argument_errors_as_before() -> None:
    quick = _quick_copy()
    with pytest.raises(TypeError):
        quick()  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        quick(1, "b", (), 4)  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        quick(1, d=2)  # type: ignore[call-arg]


def test_instances_stay_frozen() -> None:
    span = model.Span(1, 2)
    with pytest.raises(FrozenInstanceError):
        span.start = 3  # type: ignore[misc]


def test_refuses_what_it_cannot_copy() -> None:
    @dataclass
    class Unslotted:
        a: int

    with pytest.raises(TypeError):
        quick_init(Unslotted)

    @dataclass(frozen=True, slots=True)
    class Factory:
        a: list[int] = field(default_factory=list)

    with pytest.raises(TypeError):
        quick_init(Factory)


def test_project_classes_equal_and_hash_alike() -> None:
    label = Label("ALGERNON.", "ALGERNON", "", ".", True, False, False, 10)
    assert label.key == "algernon" and not label.weak
    assert label == Label("ALGERNON.", "ALGERNON", "", ".", True, False, False, 10, False)
    assert hash(model.Paragraph(("x",), model.Span(1, 1))) == hash(
        model.Paragraph(("x",), model.Span(1, 1))
    )
    assert ItemStart("1.", "text", "dot-digit").style == "dot-digit"

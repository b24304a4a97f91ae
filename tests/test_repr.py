"""The library's classes show themselves exactly as attrs would, from one ``__repr__`` (``_repr.FieldsRepr``)."""

from __future__ import annotations

from typing import Any

import attrs
from hypothesis import given, settings

from dangjian_model import Person, Registry, strategies
from dangjian_model._repr import FieldsRepr
from tests.test_hints import library_classes


def as_attrs_writes_it(obj: Any) -> str:
    """The ``repr`` attrs generates for ``obj``'s class: a twin class with the same fields, made by attrs."""
    cls = type(obj)
    fields = attrs.fields(cls)
    twin = attrs.make_class(cls.__name__, {a.name: attrs.field(repr=a.repr) for a in fields}, frozen=True)
    twin.__qualname__ = cls.__qualname__
    return repr(twin(*(getattr(obj, a.name) for a in fields)))


def reachable(value: Any) -> list[Any]:
    """Every attrs object in ``value``, itself included, depth first."""
    found: list[Any] = []
    stack = [value]
    while stack:
        item = stack.pop()
        if attrs.has(type(item)):
            found.append(item)
            stack += [getattr(item, a.name) for a in attrs.fields(type(item))]
        elif isinstance(item, (tuple, list, frozenset)):
            stack += list(item)
    return found


@settings(max_examples=25)
@given(strategies.registries())
def test_every_object_of_a_registry_shows_itself_as_attrs_would(registry: Registry) -> None:
    objects = [obj for obj in reachable(registry) if isinstance(obj, FieldsRepr)]
    assert objects
    for obj in objects:
        assert repr(obj) == as_attrs_writes_it(obj)


def test_a_persons_repr_keeps_masking_the_personal_fields() -> None:
    person = Person(id="p1", name="张三丰", phone="13812345678")
    shown = repr(person)
    assert shown == as_attrs_writes_it(person)
    assert "张三丰" not in shown
    assert "13812345678" not in shown


def test_a_field_left_out_of_the_repr_stays_out() -> None:
    shown = repr(Registry())
    assert "_index" not in shown
    assert shown == as_attrs_writes_it(Registry())


def test_every_class_of_the_library_takes_its_repr_from_one_place() -> None:
    """No class compiles a ``__repr__`` of its own but those that write theirs by hand."""
    classes = library_classes()
    shared_repr: object = FieldsRepr.__repr__
    shared = sum(cls.__repr__ is shared_repr for cls in classes)
    own = [cls.__qualname__ for cls in classes if cls.__repr__ is not shared_repr]
    assert shared > 100
    # Money shows itself as the amount it stands for; Popolo's readers are mutable working state
    assert sorted(own) == ["Money", "_Read", "_Reader"]

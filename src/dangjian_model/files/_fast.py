"""A fast path for well-formed documents: build the model's objects directly from the parsed tree.

The detailed path (cattrs with detailed validation) checks every field separately so that it can
report every problem; that costs several passes per field. Most documents are well-formed, so
loading first tries this path: each object is built by the model's own constructor — its
converters and validators are the same checks — after cheap guards for the few things the
constructors would accept but the format refuses (a mapping where a list is expected, a repeated
enum value, a float, a very long string). Anything unexpected makes it give up (return None) and the
detailed path runs, so a malformed document always gets the full list of problems.
"""

from __future__ import annotations

import typing
from typing import Any

import attrs

from dangjian_model._labels import LabelledEnum
from dangjian_model._model import Alliance
from dangjian_model._money import Money
from dangjian_model._registry import Registry
from dangjian_model.files._converter import MAX_TEXT

__all__ = ["FORMAT_DEPTH", "fast_structure"]

#: The deepest nesting a well-formed document can have; below this limit the fast path is not taken.
FORMAT_DEPTH = 7


class _GiveUp(Exception):
    """The fast path cannot tell; the detailed path will."""


@attrs.frozen
class _Plan:
    """How to build one class: which fields hold nested objects, lists or enum sets."""

    cls: type[Any]
    nested: tuple[tuple[str, type[Any]], ...]
    nested_lists: tuple[tuple[str, type[Any]], ...]
    lists: tuple[str, ...]
    sets: tuple[str, ...]
    numbers: tuple[str, ...]
    unions: tuple[tuple[str, dict[str, type[Any]]], ...] = ()


_PLANS: dict[type[Any], _Plan] = {}


def _plan(cls: type[Any]) -> _Plan:
    plan = _PLANS.get(cls)
    if plan is not None:
        return plan
    hints = typing.get_type_hints(cls)
    nested, nested_lists, lists, sets, numbers = [], [], [], [], []
    unions: list[tuple[str, dict[str, type[Any]]]] = []
    for a in attrs.fields(cls):
        hint = hints[a.name]
        args = [arg for arg in typing.get_args(hint) if arg is not type(None)]
        inner = args[0] if args else hint
        origin = typing.get_origin(hint)
        if len(args) > 1 and all(attrs.has(arg) for arg in args):  # a tagged union: the ``kind`` picks
            unions.append((a.name, {str(attrs.fields_dict(arg)["kind"].default): arg for arg in args}))
        elif origin is tuple:
            lists.append(a.name)
            if attrs.has(inner) and inner is not Money:
                nested_lists.append((a.name, inner))
        elif origin is frozenset:
            lists.append(a.name)
            if isinstance(inner, type) and issubclass(inner, LabelledEnum):
                sets.append(a.name)
        elif attrs.has(inner) and inner is not Money:
            nested.append((a.name, inner))
        elif inner is not str and inner is not int and inner is not bool:
            numbers.append(a.name)  # Decimal, Fraction, Money, date: never a float here
    plan = _Plan(
        cls, tuple(nested), tuple(nested_lists), tuple(lists), tuple(sets), tuple(numbers), tuple(unions)
    )
    _PLANS[cls] = plan
    return plan


def _build(cls: type[Any], item: Any) -> Any:
    if type(item) is not dict:
        raise _GiveUp
    plan = _PLANS.get(cls) or _plan(cls)
    for value in item.values():
        if type(value) is str and len(value) > MAX_TEXT:
            raise _GiveUp
    for name in plan.lists:
        value = item.get(name)
        if value is not None and type(value) is not list:
            raise _GiveUp
    for name in plan.numbers:
        if type(item.get(name)) is float:
            raise _GiveUp
    if plan.nested or plan.nested_lists or plan.unions:
        item = dict(item)
        for name, classes in plan.unions:
            value = item.get(name)
            if value is not None:
                item[name] = _build(classes[value["kind"]], value)  # a wrong kind gives up
        for name, inner in plan.nested:
            value = item.get(name)
            if value is not None:
                item[name] = _build(inner, value)
        for name, inner in plan.nested_lists:
            value = item.get(name)
            if value is not None:
                item[name] = [_build(inner, element) for element in value]
    result = cls(**item)
    for name in plan.sets:
        value = item.get(name)
        if value is not None and len(getattr(result, name)) != len(value):
            raise _GiveUp  # a repeated value: the detailed path reports it
    return result


def fast_structure(tree: Any, into: type[Any]) -> Any:
    """The registry or alliance of a well-formed document, or None to take the detailed path."""
    try:
        if type(tree) is not dict:
            return None
        body = dict(tree)
        version = body.pop("version", 1)
        if type(version) is not int or version != 1:
            return None
        if into is Alliance:
            if list(body) != ["alliance"]:
                return None
            return _build(Alliance, body["alliance"])
        collections = {}
        for name, items in body.items():
            kind = _COLLECTIONS.get(name)
            if kind is None or type(items) is not list:
                return None
            collections[name] = [_build(kind, item) for item in items]
        return Registry(**collections)
    except Exception:  # any doubt at all: the detailed path decides and explains
        return None


_COLLECTIONS = {
    a.name: typing.get_args(typing.get_type_hints(Registry)[a.name])[0]
    for a in attrs.fields(Registry)
    if a.init
}

"""The type hints of the library's attrs classes, worked out once: one place for ``get_type_hints``.

The model's modules use ``from __future__ import annotations``, so every annotation is text.
``typing.get_type_hints`` compiles each text again every time it is asked (one ``ForwardRef`` per
field, ≈ 20 µs), and the model's classes name the same few dozen types over and over (``str``,
``Money``, ``tuple[Membership, ...]``). :func:`type_hints` compiles each distinct text once per process,
evaluates it exactly as ``get_type_hints`` does (the module's names first, then the class's), and keeps
each class's hints: the readers, the forms and the schema all ask here.

A field typed through a module loaded on first use (a :class:`~dangjian_model._lazy.LazyModule`, as
``Project.allocation_rule`` names the allocation rules) is :func:`deferred`: a reader that needs only
the *other* fields' types can leave it unevaluated, so that reading a registry without a rule does not
import the allocation engine.
"""

from __future__ import annotations

import inspect
import sys
import typing
from typing import Any

from dangjian_model._lazy import LazyModule

__all__ = ["deferred", "loaded_hints", "type_hints"]

_CODE: dict[str, Any] = {}
_HINTS: dict[type[Any], dict[str, Any]] = {}


def type_hints(cls: type[Any]) -> dict[str, Any]:
    """``typing.get_type_hints(cls)``, computed once per class (a test checks the two agree everywhere).

    Returns the same dictionary each time: do not change it.
    """
    found = _HINTS.get(cls)
    if found is None:
        found = _HINTS[cls] = _evaluate(cls)
    return found


def loaded_hints(cls: type[Any]) -> dict[str, Any]:
    """The hints of every field of ``cls`` but the :func:`deferred` ones, which are left out.

    (A class whose annotations are unusual is evaluated whole by ``typing``, which imports what they
    name: its fields are then all there.)
    """
    if cls in _HINTS or not any(deferred(cls, name) for name in _annotated(cls)):
        return type_hints(cls)
    return _evaluate(cls, skip_deferred=True)


def _annotated(cls: type[Any]) -> set[str]:
    return {name for base in cls.__mro__ for name in inspect.get_annotations(base)}


def deferred(cls: type[Any], name: str) -> bool:
    """Whether field ``name`` of ``cls`` is typed through a module that is not imported yet."""
    if cls in _HINTS:
        return False
    for base in cls.__mro__:
        text = inspect.get_annotations(base).get(name)
        if text is None:
            continue
        if type(text) is not str:
            return False
        names = vars(sys.modules[base.__module__])
        return any(
            isinstance(names.get(word), LazyModule) and not names[word].loaded
            for word in _code(text).co_names
        )
    return False


def _code(text: str) -> Any:
    code = _CODE.get(text)
    if code is None:
        code = _CODE[text] = compile(text, "<annotation>", "eval")
    return code


def _evaluate(cls: type[Any], skip_deferred: bool = False) -> dict[str, Any]:
    hints: dict[str, Any] = {}
    for base in reversed(cls.__mro__):
        annotations = inspect.get_annotations(base)
        if not annotations:
            continue
        module = vars(sys.modules[base.__module__])
        own = dict(vars(base))
        for name, value in annotations.items():
            if skip_deferred and deferred(cls, name):
                hints.pop(name, None)
                continue
            if type(value) is str:
                # as get_type_hints: the module's names are looked up first, then the class's
                try:
                    value = eval(_code(value), own, module)
                except Exception:
                    return typing.get_type_hints(cls)  # which says what is wrong, as it would have
            if value is None or not _plain(value):
                return typing.get_type_hints(cls)  # anything unusual (it imports what it needs)
            hints[name] = value
    return hints


def _plain(hint: Any) -> bool:
    """Whether a hint holds no text, forward reference or ``Annotated`` that typing would still rework."""
    if isinstance(hint, (str, typing.ForwardRef)):
        return False
    origin = typing.get_origin(hint)
    if origin is typing.Literal:
        return True
    if origin is typing.Annotated:
        return False
    return all(arg is Ellipsis or _plain(arg) for arg in typing.get_args(hint))

"""Public names loaded on first use (PEP 562), from one table per package; modules imported on first use.

A package's ``__init__`` holds one table, public name → the private module that defines it; its
``__all__`` and its module ``__getattr__``/``__dir__`` are made from that table here, and its
``if TYPE_CHECKING:`` imports (which the type checker reads instead) are checked against the same
table by ``tests/test_public_api.py``.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable, Mapping
from typing import Any

__all__ = ["LazyModule", "exports"]


def exports(
    package: str, locations: Mapping[str, str], namespace: dict[str, Any]
) -> tuple[list[str], Callable[[str], Any], Callable[[], list[str]]]:
    """``__all__``, ``__getattr__`` and ``__dir__`` for a package whose names are in ``locations``.

    Args:
        package: The package's name, for the error of an unknown name.
        locations: Each public name and the module that defines it.
        namespace: The package's ``globals()``: a name once loaded is put there, so the next access
            is a plain lookup.
    """

    def __getattr__(name: str) -> Any:
        module = locations.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(module), name)
        namespace[name] = value
        return value

    def __dir__() -> list[str]:
        return sorted({*namespace, *locations})

    # constants, then classes, then functions, each alphabetically (the order ``__all__`` lists were kept in)
    names = sorted(locations, key=lambda name: (not name.isupper(), not name[0].isupper(), name))
    return names, __getattr__, __dir__


class LazyModule:
    """A module imported when one of its names is first read.

    A module that needs another only for an annotation and a rare check holds one of these under the
    other's name, so importing it does not pay for the other: ``typing.get_type_hints`` evaluates an
    annotation such as ``_rules.Rule | None`` in the module's globals, and the attribute access
    imports the module then.
    """

    __slots__ = ("_name",)

    def __init__(self, name: str) -> None:
        self._name = name

    @property
    def loaded(self) -> bool:
        """Whether the module has been imported (by this or by anything else)."""
        return self._name in sys.modules

    def __getattr__(self, name: str) -> Any:
        return getattr(importlib.import_module(self._name), name)

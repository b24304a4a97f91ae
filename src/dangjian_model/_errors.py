"""The exception hierarchy of dangjian_model.

Every error the library raises for bad input derives from :class:`DangjianError` and says
*what* was wrong, *where* (a field or path) and *what would be right*.
"""

from __future__ import annotations

from dangjian_model._privacy import redact

__all__ = [
    "DangjianError",
    "HierarchyCycleError",
    "InvalidFigure",
    "InvalidLabel",
    "InvalidMoney",
    "InvalidValue",
    "UnknownId",
]


class DangjianError(Exception):
    """Base class of every error raised by dangjian_model.

    Its message never shows a phone or ID-card number: whatever looks like one is masked
    (``138****5678``), wherever it came from — a value, an id, a key.
    """

    def __init__(self, *args: object) -> None:
        super().__init__(*(redact(arg) if isinstance(arg, str) else arg for arg in args))


class InvalidValue(DangjianError, ValueError):
    """A value is not allowed where it stands.

    Attributes:
        where: The field or path of the value, e.g. ``Unit.full_members``.
        value: The offending value, already masked if it is personal data.
        expected: What would be right, in words.
    """

    def __init__(self, where: str, value: object, expected: str) -> None:
        text = repr(value)
        shown = redact(text)
        self.where = redact(where)
        # the value itself, or its masked text when it holds a phone or ID-card number
        self.value = value if shown == text else redact(value) if isinstance(value, str) else shown
        self.expected = redact(expected)
        super().__init__(f"{where}: {shown} is not valid; expected {expected}")

    def __reduce__(self) -> tuple[type[InvalidValue], tuple[str, object, str]]:
        return (type(self), (self.where, self.value, self.expected))


class InvalidLabel(InvalidValue):
    """Text is neither the English identifier nor the Chinese label of any member of an enum."""


class InvalidMoney(InvalidValue):
    """Text or a number cannot be read as an amount of money in whole 分."""


class InvalidFigure(InvalidValue):
    """Text cannot be read as a reported figure (``300余个``, ``超过5000人``), or figures in different units
    are added or compared."""


class UnknownId(DangjianError, LookupError):
    """An id names nothing of the kind asked for in a registry.

    Attributes:
        kind: What was looked up, e.g. ``unit``.
        id: The id that was not found.
    """

    def __init__(self, kind: str, id: str, hint: str = "") -> None:
        self.kind = kind
        self.id = id
        self.hint = hint
        message = f"no {kind} with id {id!r} in the registry"
        super().__init__(message + (f"; {hint}" if hint else ""))

    def __str__(self) -> str:  # LookupError would quote the message
        return str(self.args[0])

    def __reduce__(self) -> tuple[type[UnknownId], tuple[str, str, str]]:
        return (type(self), (self.kind, self.id, self.hint))


_HIERARCHY_ZH = {"administrative": "行政隶属", "party": "党组织隶属", "grid": "网格层级"}


class HierarchyCycleError(DangjianError):
    """A hierarchy that must be a tree loops back on itself.

    Attributes:
        hierarchy: Which hierarchy (``administrative``, ``party`` or ``grid``).
        ids: The ids on the cycle, in order.
    """

    def __init__(self, hierarchy: str, ids: tuple[str, ...]) -> None:
        self.hierarchy = hierarchy
        self.ids = ids
        path = " → ".join((*ids, ids[0])) if ids else ""
        zh = _HIERARCHY_ZH.get(hierarchy, hierarchy)
        super().__init__(
            f"{zh}成环 {path}，每种隶属关系应是一棵树 — "
            f"the {hierarchy} hierarchy has a cycle: {path}; each hierarchy must be a tree"
        )

    def __reduce__(self) -> tuple[type[HierarchyCycleError], tuple[str, tuple[str, ...]]]:
        return (type(self), (self.hierarchy, self.ids))

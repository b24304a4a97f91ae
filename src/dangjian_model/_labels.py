"""Enums whose members carry an English identifier and a Chinese label.

Users type either; both are accepted wherever an enum value is read::

    >>> from dangjian_model import UnitKind
    >>> UnitKind("行政村") is UnitKind("village") is UnitKind.VILLAGE
    True
    >>> UnitKind.VILLAGE.label
    '行政村'
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from enum import Enum
from typing import TYPE_CHECKING, Any, TypeVar

from dangjian_model._errors import InvalidLabel

if TYPE_CHECKING:  # for annotations only: typing_extensions costs a first use 2 ms
    from typing_extensions import Self

__all__ = ["LabelledEnum", "zh_name"]

_E = TypeVar("_E", bound="LabelledEnum")
_TYPE_LABELS: dict[type[Any], str] = {}
_LOOKUPS: dict[type[Any], dict[str, Any]] = {}
#: Longer than any spelling of any member: longer text is refused without being normalised or compared.
_LONGEST = 100


def zh_name(label: str) -> Callable[[type[_E]], type[_E]]:
    """Give an enum class the Chinese name users see, e.g. ``单位类型``."""

    def register(cls: type[_E]) -> type[_E]:
        _TYPE_LABELS[cls] = label
        return cls

    return register


def _key(text: str) -> str:
    return unicodedata.normalize("NFKC", text).strip().casefold().replace("-", "_").replace(" ", "_")


class LabelledEnum(Enum):
    """An enum whose value is an English identifier and whose ``label`` is Chinese.

    Members are declared as ``NAME = ("english_id", "中文标签", *aliases)``. Aliases hold
    other spellings people use, such as traditional characters (``聯合黨委``) or short forms.
    """

    _value_: str
    label: str
    aliases: tuple[str, ...]

    if TYPE_CHECKING:  # members are tuples in the source; their value is the English id

        @property
        def value(self) -> str: ...

    else:  # type checkers see Enum's own call: ``UnitKind("行政村")``

        def __new__(cls, value: str, label: str, *aliases: str) -> Self:
            member = object.__new__(cls)
            member._value_ = value
            member.label = label
            member.aliases = aliases
            return member

    @classmethod
    def zh_name(cls) -> str:
        """The Chinese name of this enum type, e.g. ``单位类型``."""
        return _TYPE_LABELS.get(cls, cls.__name__)

    @classmethod
    def _lookup(cls) -> dict[str, Self]:
        table = _LOOKUPS.get(cls)
        if table is None:
            table = {}
            for member in cls:
                for text in (member.value, member.name, member.label, *member.aliases):
                    table.setdefault(_key(text), member)
            _LOOKUPS[cls] = table
        return table

    @classmethod
    def _missing_(cls, value: object) -> Self:
        return cls.parse(value)

    @classmethod
    def parse(cls, value: object, where: str | None = None) -> Self:
        """Return the member named by ``value``: a member, its English id, name or Chinese label.

        Raises:
            InvalidLabel: ``value`` names no member; the message lists the choices and the
                closest match.
        """
        if isinstance(value, cls):
            return value
        if isinstance(value, str) and len(value) <= _LONGEST:
            member = cls._lookup().get(_key(value))
            if member is not None:
                return member
        raise InvalidLabel(where or f"{cls.__name__} ({cls.zh_name()})", value, cls._expected(value))

    @classmethod
    def _expected(cls, value: object) -> str:
        choices = ", ".join(f"{m.value} ({m.label})" for m in cls)
        text = f"one of {choices}"
        if isinstance(value, str) and len(value) <= _LONGEST:
            spellings = [s for m in cls for s in (m.value, m.label)]
            import difflib  # only for a message: not paid for by every import

            close = difflib.get_close_matches(value, spellings, n=1, cutoff=0.5)
            if close:
                text = f"{text}; did you mean {close[0]!r}?"
        return text

    def __str__(self) -> str:
        return self.label

    def __repr__(self) -> str:
        return f"{type(self).__name__}.{self.name}"

    def __reduce_ex__(self, protocol: object) -> Any:
        return (type(self), (self._value_,))

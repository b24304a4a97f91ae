"""Enums whose members carry an English identifier and a Chinese label.

Users type either; both are accepted wherever an enum value is read::

    >>> from dangjian_model import UnitKind
    >>> UnitKind("行政村") is UnitKind("village") is UnitKind.VILLAGE
    True
    >>> UnitKind.VILLAGE.label
    '行政村'
"""

from __future__ import annotations

import types
import typing
import unicodedata
from collections.abc import Callable
from enum import Enum
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar

import attrs

from dangjian_model._errors import InvalidLabel
from dangjian_model._repr import FieldsRepr

if TYPE_CHECKING:  # for annotations only: typing_extensions costs a first use 2 ms
    from typing_extensions import Self

__all__ = ["CustomTerm", "LabelledEnum", "open_term", "open_vocabulary", "zh_name"]

_E = TypeVar("_E", bound="LabelledEnum")
_TYPE_LABELS: dict[type[Any], str] = {}
_LOOKUPS: dict[type[Any], dict[str, Any]] = {}
#: Longer than any spelling of any member: longer text is refused without being normalised or compared.
_LONGEST = 100
#: A longer list of choices is cut, in a message, to the ones closest to what was written.
_CHOICES_SHOWN = 8


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

    # Members are singletons compared by identity: object's hash (a C slot) keeps hash and == in step
    # without a Python call per hash (Enum's own hashes the name in Python — 85,000 calls when a
    # registry of 10k organisations is checked). A set of members has no fixed order either way.
    __hash__ = object.__hash__

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
        import difflib  # only for a message: not paid for by every import

        members = list(cls)
        typed = value if isinstance(value, str) and len(value) <= _LONGEST else None
        if len(members) > _CHOICES_SHOWN and typed is not None:  # a long list: the closest few

            def likeness(member: LabelledEnum) -> float:
                return max(
                    difflib.SequenceMatcher(None, typed, s).ratio() for s in (member.value, member.label)
                )

            shown = sorted(members, key=likeness, reverse=True)[:_CHOICES_SHOWN]
            members = [m for m in cls if m in shown]  # in the enumeration's order
        choices = ", ".join(f"{m.value} ({m.label})" for m in members)
        hidden = len(cls) - len(members)
        text = f"one of {choices}" + (
            f", … (+{hidden}: see {cls.__name__} in the glossary)" if hidden else ""
        )
        if typed is not None:
            spellings = [s for m in cls for s in (m.value, m.label)]
            close = difflib.get_close_matches(typed, spellings, n=1, cutoff=0.5)
            if close:
                text = f"{text}; did you mean {close[0]!r}?"
        return text

    def __str__(self) -> str:
        return self.label

    def __repr__(self) -> str:
        return f"{type(self).__name__}.{self.name}"

    def __reduce_ex__(self, protocol: object) -> Any:
        return (type(self), (self._value_,))


def _check_custom_label(instance: object, attribute: attrs.Attribute[str], value: object) -> None:
    if (
        type(value) is not str
        or not 0 < len(value) <= _LONGEST
        or not value.isprintable()
        or value != value.strip()
    ):
        raise InvalidLabel(
            "CustomTerm.label",
            value,
            f"自定义词语须为1至{_LONGEST}个可见字符 a term of 1 to {_LONGEST} printable characters "
            "without spaces at either end, such as '红色结对'",
        )


@attrs.frozen(repr=False)
class CustomTerm(FieldsRepr):
    """A term outside a vocabulary (自定义词语), kept with its label as written.

    Vocabularies grow: every place coins linkages (红色结对), units (间) and roles of its own. Where a
    field's vocabulary is open, a known term is read as the enum member and a new one is kept as a
    ``CustomTerm`` (validation reports it as information, DJ803), never refused. It answers to
    ``label`` and ``value`` like a member, so code that shows a term shows either.

    >>> from dangjian_model import Linkage
    >>> open_term(Linkage, "组织共建"), open_term(Linkage, "红色结对")
    (Linkage.ORGANISATION_CO_BUILDING, CustomTerm(label='红色结对'))

    Attributes:
        label: The term as written, e.g. ``阵地共建``.
    """

    label: str = attrs.field(validator=_check_custom_label)

    aliases: ClassVar[tuple[str, ...]] = ()

    @property
    def value(self) -> str:
        """The label itself: a custom term has no English identifier."""
        return self.label

    def __str__(self) -> str:
        return self.label


def open_term(enum: type[_E], value: object) -> _E | CustomTerm:
    """The member of ``enum`` that ``value`` names, or a :class:`CustomTerm` for new text.

    A custom term whose label names a member is that member: each term has one spelling in files.

    Raises:
        InvalidLabel: ``value`` is neither a member, nor a custom term, nor a usable label.
    """
    if isinstance(value, enum):
        return value
    if isinstance(value, CustomTerm):
        value = value.label
    try:
        return enum.parse(value)
    except InvalidLabel:
        if not isinstance(value, str):
            raise
    return CustomTerm(value)


def open_vocabulary(hint: object) -> type[LabelledEnum] | None:
    """The enum of an open vocabulary's type hint (``Linkage | CustomTerm``, optionally ``| None``), else None.

    >>> from dangjian_model import Linkage
    >>> open_vocabulary(Linkage | CustomTerm | None), open_vocabulary(Linkage)
    (<enum 'Linkage'>, None)
    """
    if typing.get_origin(hint) not in (typing.Union, types.UnionType):
        return None
    args = [arg for arg in typing.get_args(hint) if arg is not type(None)]
    if len(args) != 2 or CustomTerm not in args:
        return None
    (enum,) = (arg for arg in args if arg is not CustomTerm)
    return enum if isinstance(enum, type) and issubclass(enum, LabelledEnum) else None

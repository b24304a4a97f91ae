"""The one converter configuration every format shares: strict structuring, canonical unstructuring.

Structuring accepts what people write — Chinese labels of every enum, money as ``10万元`` or
``¥1,234.56``, ISO dates (or the native dates of YAML and TOML) — and refuses anything that would
need a guess: a number where text is expected, a string where a list is expected, ``true`` where a
number is expected, unknown keys. Each field is checked by the model's own validator, so that
cattrs' detailed validation reports *every* bad field, not only the first one of each object.

Unstructuring gives the canonical form: keys in field order, fields at their default left out,
enum values as English identifiers, sets sorted, money as ``300000元``, dates ISO, fractions as
``1/3`` and decimals as text.
"""

from __future__ import annotations

import collections
import contextlib
import contextvars
import datetime
import re
import types
import typing
from collections.abc import Callable, Iterator
from decimal import Decimal, InvalidOperation
from fractions import Fraction
from typing import Any

import attrs
import cattrs
from cattrs.errors import (
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
    IterableValidationNote,
)
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn, override

from dangjian_model._errors import InvalidLabel, InvalidValue
from dangjian_model._figures import FigureValue
from dangjian_model._hints import type_hints
from dangjian_model._labels import CustomTerm, LabelledEnum, open_term, open_vocabulary
from dangjian_model._money import MAX_EXPONENT, Money, exact_fraction
from dangjian_model.files._errors import SHOWN

__all__ = ["MAX_TEXT", "Budget", "budget", "configure_converter", "count_problems", "json_converter"]

#: No text field of the model may be longer; longer strings are refused before any other work.
MAX_TEXT = 2000
_MAX_LABEL = 100


def _type_name(value: object) -> str:
    names = {str: "text", bool: "true/false", int: "a number", float: "a number", dict: "a mapping"}
    return names.get(type(value), "a list" if isinstance(value, list) else type(value).__name__)


def _refuse(value: object, expected: str) -> InvalidValue:
    return InvalidValue("", value, f"{expected} (got {_type_name(value)})")


# ------------------------------------------------------------------ scalars


def _structure_str(value: object, _: type) -> str:
    if type(value) is not str:
        raise _refuse(value, "text")
    if len(value) > MAX_TEXT:
        raise InvalidValue("", value[:SHOWN] + "…", f"text of at most {MAX_TEXT} characters")
    return value


def _structure_int(value: object, _: type) -> int:
    if type(value) is not int:
        raise _refuse(value, "a whole number")
    return value


def _structure_bool(value: object, _: type) -> bool:
    if type(value) is not bool:
        raise _refuse(value, "true or false")
    return value


#: Slack over ``_MAX_LABEL`` for numbers in their canonical text: what a number of ``_MAX_LABEL``
#: characters is written as can be a few characters longer (``1e-6`` is written ``0.000001``).
_CANONICAL_SLACK = 10
#: The most digits on either side of a canonical ratio: a loaded fraction has ≤ 2 × 1000 + 100
#: (an exponent of ±1000, as many digits as the text holds, a percentage).
_MAX_RATIO_DIGITS = 2 * MAX_EXPONENT + 100
_RATIO = re.compile(rf"([0-9]{{1,{_MAX_RATIO_DIGITS}}})/([0-9]{{1,{_MAX_RATIO_DIGITS}}})\Z")


def _exact(value: object, expected: str) -> str:
    """Numbers as exact text: ints as they are, floats by their shortest repr (what the user typed)."""
    if type(value) is int or type(value) is float:
        return repr(value)
    if type(value) is str and len(value) <= _MAX_LABEL:
        return value.strip()
    if type(value) is str and len(value) <= _MAX_LABEL + _CANONICAL_SLACK and _is_canonical_decimal(value):
        return value  # what :func:`configure_converter` writes for a decimal it has read
    raise _refuse(value, expected)


def _is_canonical_decimal(text: str) -> bool:
    try:
        return str(Decimal(text)) == text
    except InvalidOperation:
        return False


def _decimal_text(value: object, expected: str) -> str:
    """As the model reads decimals: a trailing ``%`` is ignored (``Unit.area_km2`` takes ``'12.5%'``)."""
    return _exact(value, expected).rstrip("%")


def _structure_decimal(value: object, _: type) -> Decimal:
    expected = "a decimal number such as 12.5 or '12.5'"
    try:
        number = Decimal(_decimal_text(value, expected))
    except InvalidOperation:
        raise InvalidValue("", value, expected) from None
    if not number.is_finite() or abs(number.as_tuple().exponent) > MAX_EXPONENT:  # type: ignore[arg-type]
        raise InvalidValue("", value, expected + f", finite, with an exponent within ±{MAX_EXPONENT}")
    return number


def _structure_fraction(value: object, _: type) -> Fraction:
    expected = "a fraction such as '1/3', '49.3%' or 0.5"
    if type(value) is str and len(value) <= 2 * _MAX_RATIO_DIGITS + 1:
        ratio = _RATIO.match(value)
        if ratio and ratio[2].strip("0"):  # the canonical '1/3', however long a loaded value made it
            return Fraction(int(ratio[1]), int(ratio[2]))
    text = _exact(value, expected)
    try:
        if text.endswith("%"):
            return exact_fraction(text[:-1]) / 100
        if len(text) > _SHORT_RATIO and "/" not in text:  # what a long decimal fraction is written as
            return exact_fraction(Decimal(text))
        return exact_fraction(text)
    except InvalidOperation:
        raise InvalidValue("", value, expected) from None
    except ValueError as error:
        raise InvalidValue("", value, f"{expected}; {error}") from None


def _unstructure_fraction(value: Fraction) -> str:
    """``1/3``; a fraction whose ratio is long but which is a short decimal as ``1E-99``."""
    text = str(value)
    if len(text) <= _SHORT_RATIO:
        return text
    decimal = _decimal_of(value)
    return text if decimal is None or len(decimal) >= len(text) else decimal


#: Ratios up to this long are written as they are (what ``exact_fraction`` reads as text).
_SHORT_RATIO = 64


def _decimal_of(value: Fraction) -> str | None:
    """The exact decimal text of a fraction whose denominator is 2^a·5^b, if its exponent is in bounds."""
    denominator = value.denominator
    twos = (denominator & -denominator).bit_length() - 1
    rest, fives = denominator >> twos, 0
    while rest % 5 == 0 and fives <= MAX_EXPONENT:
        rest, fives = rest // 5, fives + 1
    places = max(twos, fives)
    if rest != 1 or places > MAX_EXPONENT:
        return None
    scaled = value.numerator * 10**places // denominator
    digits = str(abs(scaled))
    significant = digits.rstrip("0") or "0"
    exponent = len(digits) - len(significant) - places
    # built from its digits: Decimal arithmetic would round to the context's 28 digits
    return str(Decimal((int(scaled < 0), tuple(map(int, significant)), exponent)))


def _structure_money(value: object, _: type) -> Money:
    if type(value) is not str:
        raise _refuse(value, "money as text with its unit, such as '10万元' or '1234.56元'")
    return Money.parse(value, where="")


def _structure_figure(value: object, _: type) -> FigureValue:
    if type(value) is not str:
        raise _refuse(value, "a figure as text, such as '300余个', '超过5000人' or '29.3亿元'")
    return FigureValue.parse(value, where="")


def _structure_date(value: object, _: type) -> datetime.date:
    expected = "a date such as 2021-12-06"
    if type(value) is datetime.date:
        return value
    if type(value) is str and len(value) <= _MAX_LABEL:
        try:
            return datetime.date.fromisoformat(value)
        except ValueError:
            raise InvalidValue("", value, expected) from None
    raise _refuse(value, expected)


def _structure_enum(value: object, enum: type[LabelledEnum]) -> LabelledEnum:
    if type(value) is not str:
        raise _refuse(value, f"{enum.zh_name()} ({enum.__name__}) as text")
    if len(value) > _MAX_LABEL:
        raise InvalidValue("", value[:SHOWN] + "…", f"{enum.zh_name()} ({enum.__name__}): a short label")
    return enum.parse(value, where="")


def _is_enum(cls: Any) -> bool:
    return isinstance(cls, type) and issubclass(cls, LabelledEnum)


# ------------------------------------------------------------------ open vocabularies (a member or a custom term)


def _open_term(enum: type[LabelledEnum], value: object) -> LabelledEnum | CustomTerm:
    if type(value) is not str:
        raise _refuse(value, f"{enum.zh_name()} ({enum.__name__}) as text")
    if len(value) > _MAX_LABEL:
        raise InvalidValue("", value[:SHOWN] + "…", f"{enum.zh_name()} ({enum.__name__}): a short label")
    try:
        return open_term(enum, value)
    except InvalidLabel as error:  # not even a new term (spaces, control characters): said at its place
        raise InvalidLabel("", value, error.expected) from None


def _is_open(cls: Any) -> bool:
    return open_vocabulary(cls) is not None


def _open_hook(cls: Any) -> Callable[[Any, Any], Any]:
    enum = open_vocabulary(cls)
    assert enum is not None
    optional = type(None) in typing.get_args(cls)

    def structure(value: Any, _: Any) -> Any:
        if value is None and optional:
            return None
        return _open_term(enum, value)

    return structure


def _is_open_set(cls: Any) -> bool:
    args = typing.get_args(cls)
    return typing.get_origin(cls) is frozenset and len(args) == 1 and _is_open(args[0])


def _open_set_hook(cls: Any) -> Callable[[Any, Any], Any]:
    (hint,) = typing.get_args(cls)
    enum = open_vocabulary(hint)
    assert enum is not None

    def structure(value: Any, _: Any) -> frozenset[Any]:
        items = _items(value, f"{enum.zh_name()} ({enum.__name__})")
        members: list[Any] = []
        errors: list[Exception] = []
        for index, item in enumerate(items):
            try:
                members.append(_open_term(enum, item))
            except Exception as error:  # every error is reported by the walker, with its place
                error.__notes__ = [*getattr(error, "__notes__", []), _index_note(index, hint)]  # type: ignore[attr-defined, unused-ignore]
                errors.append(error)
        if errors:
            raise IterableValidationError("items are not valid", errors, list)
        result = frozenset(members)
        if len(result) != len(members):
            repeated = sorted({m.value for m in members if members.count(m) > 1})
            raise InvalidValue("", value, f"each {enum.__name__} at most once; repeated: {repeated}")
        return result

    return structure


def _unstructure_open(term: LabelledEnum | CustomTerm | None) -> str | None:
    return None if term is None else term.value


def _unstructure_open_set(value: frozenset[LabelledEnum | CustomTerm]) -> list[str]:
    return sorted(term.value for term in value)


# ------------------------------------------------------------------ collections


def _items(value: object, kind: str) -> list[Any]:
    if not isinstance(value, list):
        raise _refuse(value, f"a list of {kind}")
    return value


class Budget:
    """How many problems one load may still find before it stops checking (see :func:`budget`).

    Attributes:
        left: Problems still to be found before checking stops.
        stopped: Whether items were left unchecked because none were left.
    """

    __slots__ = ("left", "stopped")

    def __init__(self, left: int) -> None:
        self.left = left
        self.stopped = False


_BUDGET: contextvars.ContextVar[Budget | None] = contextvars.ContextVar("dangjian_budget", default=None)


@contextlib.contextmanager
def budget(problems: int) -> Iterator[Budget]:
    """Within this block (in this thread or task), structuring stops once ``problems`` are found.

    Lists stop at the item that spends the last of it and skip every item after; without a
    budget, every item is checked.
    """
    found = Budget(problems)
    token = _BUDGET.set(found)
    try:
        yield found
    finally:
        _BUDGET.reset(token)


class _ItemErrors(IterableValidationError):
    """The errors of a list's items, already counted against the budget by :func:`_each`."""


def count_problems(error: BaseException, *, new_only: bool = False) -> int:
    """The problems a (nested) structuring error stands for, without building any of them.

    With ``new_only``, a list's errors raised by :func:`_each` count 0: they were counted (against
    the budget) when they were raised.
    """
    count, stack = 0, [error]
    while stack:
        item = stack.pop()
        if new_only and isinstance(item, _ItemErrors):
            continue
        if isinstance(item, ForbiddenExtraKeysError):
            count += len(item.extra_fields)
        elif isinstance(item, ClassValidationError | IterableValidationError):
            stack.extend(item.exceptions)
        else:
            count += 1
    return count


def _each(converter: cattrs.Converter, item_type: Any, value: list[Any]) -> list[Any]:
    """Structure every item, collecting the errors of all of them with their index.

    Under a :func:`budget`, stop once it is spent: a document with a million bad items costs no
    more than one with a hundred.
    """
    hook = converter.get_structure_hook(item_type)
    spending = _BUDGET.get()
    result: list[Any] = []
    errors: list[Exception] = []
    for index, item in enumerate(value):
        if spending is not None and spending.left <= 0:
            spending.stopped = True
            break
        try:
            result.append(hook(item, item_type))
        except Exception as error:  # every error is reported by the walker, with its place
            error.__notes__ = [*getattr(error, "__notes__", []), _index_note(index, item_type)]  # type: ignore[attr-defined, unused-ignore]
            errors.append(error)
            if spending is not None:
                spending.left -= count_problems(error, new_only=True)
    if errors:
        raise _ItemErrors("items are not valid", errors, list)
    return result


def _index_note(index: int, item_type: Any) -> IterableValidationNote:
    return IterableValidationNote(f"Structuring item @ index {index}", index, item_type)


def _tuple_hook(converter: cattrs.Converter) -> Callable[[Any], Callable[[Any, Any], Any]]:
    def factory(cls: Any) -> Callable[[Any, Any], Any]:
        (item_type, _ellipsis) = typing.get_args(cls)
        kind = getattr(item_type, "__name__", "items")

        def structure(value: Any, _: Any) -> tuple[Any, ...]:
            return tuple(_each(converter, item_type, _items(value, kind)))

        return structure

    return factory


def _is_tuple(cls: Any) -> bool:
    args = typing.get_args(cls)
    return typing.get_origin(cls) is tuple and len(args) == 2 and args[1] is Ellipsis


def _is_enum_set(cls: Any) -> bool:
    args = typing.get_args(cls)
    return typing.get_origin(cls) is frozenset and len(args) == 1 and _is_enum(args[0])


def _enum_set_hook(converter: cattrs.Converter) -> Callable[[Any], Callable[[Any, Any], Any]]:
    def factory(cls: Any) -> Callable[[Any, Any], Any]:
        (enum,) = typing.get_args(cls)

        def structure(value: Any, _: Any) -> frozenset[Any]:
            members = _each(converter, enum, _items(value, f"{enum.zh_name()} ({enum.__name__})"))
            result = frozenset(members)
            if len(result) != len(members):
                counts = collections.Counter(members)  # not members.count(m) per member: quadratic
                repeated = sorted(m.value for m, n in counts.items() if n > 1)
                raise InvalidValue("", value, f"each {enum.__name__} at most once; repeated: {repeated}")
            return result

        return structure

    return factory


# ------------------------------------------------------------------ attrs classes


def _class_hook(converter: cattrs.Converter) -> Callable[[Any], Callable[[Any, Any], Any]]:
    def factory(cls: Any) -> Callable[[Any, Any], Any]:
        hints = type_hints(cls)
        # A bare instance only names the class in the model validators' messages.
        bare = object.__new__(cls)
        overrides = {
            a.name: override(struct_hook=_field_hook(converter, bare, a, hints[a.name]))
            for a in attrs.fields(cls)
            if a.init and a.validator is not None
        }
        generated = make_dict_structure_fn(
            cls,
            converter,
            _cattrs_forbid_extra_keys=True,
            _cattrs_detailed_validation=True,
            **overrides,  # type: ignore[arg-type]
        )

        def structure(value: Any, _: Any) -> Any:
            if not isinstance(value, dict):
                raise _refuse(value, f"a mapping of {cls.__name__} fields")
            return generated(value, cls)  # cattrs before 24 needs the class too

        return structure

    return factory


def _field_hook(
    converter: cattrs.Converter, bare: object, attribute: attrs.Attribute[Any], field_type: Any
) -> Callable[[Any, Any], Any]:
    validator = attribute.validator
    assert validator is not None

    def structure(value: Any, _: Any) -> Any:
        result = converter.structure(value, field_type)
        validator(bare, attribute, result)
        return result

    return structure


# ------------------------------------------------------------------ allocation rules (a tagged union)


def _rule_classes(cls: Any) -> dict[str, type[Any]] | None:
    """``kind`` tag → class, when ``cls`` is a union of allocation rules (optional or not)."""
    from dangjian_model.allocation._rules import RULE_TYPES

    if typing.get_origin(cls) not in (typing.Union, types.UnionType):
        return None
    args = {arg for arg in typing.get_args(cls) if arg is not type(None)}
    if not args or not args <= set(RULE_TYPES):
        return None
    return {_tag(rule): rule for rule in RULE_TYPES if rule in args}


def _tag(rule: type[Any]) -> str:
    default = attrs.fields_dict(rule)["kind"].default
    assert isinstance(default, str)
    return default


def _is_rule_union(cls: Any) -> bool:
    return _rule_classes(cls) is not None


def _rule_hook(converter: cattrs.Converter) -> Callable[[Any], Callable[[Any, Any], Any]]:
    def factory(cls: Any) -> Callable[[Any, Any], Any]:
        classes = _rule_classes(cls)
        assert classes is not None
        optional = type(None) in typing.get_args(cls)
        expected = "an allocation rule with a 'kind' of " + ", ".join(repr(k) for k in classes)

        def structure(value: Any, _: Any) -> Any:
            if value is None and optional:
                return None
            if not isinstance(value, dict):
                raise _refuse(value, expected)
            kind = value.get("kind")
            rule = classes.get(kind) if type(kind) is str else None
            if rule is None:
                raise InvalidValue("", kind, expected)
            return converter.structure(value, rule)

        return structure

    return factory


def _unstructure_rule(converter: cattrs.Converter) -> Callable[[Any], Callable[[Any], Any]]:
    def factory(cls: Any) -> Callable[[Any], Any]:
        def unstructure(value: Any) -> Any:
            if value is None:
                return None
            return {"kind": value.kind, **converter.unstructure(value, type(value))}

        return unstructure

    return factory


def _unstructure_set(value: frozenset[LabelledEnum]) -> list[str]:
    return sorted(member.value for member in value)


def configure_converter(converter: cattrs.Converter) -> None:
    """Configure a (preconf) converter for the configuration format; every format calls this."""
    converter.register_structure_hook(str, _structure_str)
    converter.register_structure_hook(int, _structure_int)
    converter.register_structure_hook(bool, _structure_bool)
    converter.register_structure_hook(Decimal, _structure_decimal)
    converter.register_structure_hook(Fraction, _structure_fraction)
    converter.register_structure_hook(Money, _structure_money)
    converter.register_structure_hook(datetime.date, _structure_date)
    converter.register_structure_hook(FigureValue, _structure_figure)
    converter.register_structure_hook_func(_is_enum, _structure_enum)
    converter.register_structure_hook_factory(_is_open, _open_hook)
    converter.register_structure_hook_factory(_is_open_set, _open_set_hook)
    converter.register_structure_hook_factory(_is_tuple, _tuple_hook(converter))
    converter.register_structure_hook_factory(_is_enum_set, _enum_set_hook(converter))
    converter.register_structure_hook_factory(attrs.has, _class_hook(converter))
    converter.register_structure_hook_factory(_is_rule_union, _rule_hook(converter))

    converter.register_unstructure_hook(Money, Money.to_text)
    converter.register_unstructure_hook(datetime.date, datetime.date.isoformat)
    converter.register_unstructure_hook(FigureValue, FigureValue.to_text)
    converter.register_unstructure_hook_func(_is_open, _unstructure_open)
    converter.register_unstructure_hook_func(_is_open_set, _unstructure_open_set)
    converter.register_unstructure_hook(Fraction, _unstructure_fraction)
    converter.register_unstructure_hook(Decimal, str)
    converter.register_unstructure_hook_func(_is_enum, lambda member: member.value)
    converter.register_unstructure_hook_func(_is_enum_set, _unstructure_set)
    converter.register_unstructure_hook_factory(
        attrs.has, lambda cls: make_dict_unstructure_fn(cls, converter, _cattrs_omit_if_default=True)
    )
    converter.register_unstructure_hook_factory(_is_rule_union, _unstructure_rule(converter))


# Keep the names the error walker needs in one place.
VALIDATION_ERRORS = (ClassValidationError, IterableValidationError)


_JSON_CONVERTER: list[cattrs.Converter] = []


def json_converter() -> cattrs.Converter:
    """The one JSON converter of the library (cattrs' JSON preset with the shared configuration), made once.

    The JSON format module and the fast path both use it, so neither imports the other.
    """
    if not _JSON_CONVERTER:
        from cattrs.preconf.json import make_converter

        converter = make_converter()
        configure_converter(converter)
        _JSON_CONVERTER.append(converter)
    return _JSON_CONVERTER[0]

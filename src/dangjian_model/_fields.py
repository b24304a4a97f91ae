"""Field helpers shared by the domain classes: each guards one local fact and names the field.

Converters accept what people type (Chinese labels, money text, any iterable for a tuple);
validators then check the result and raise an error that names ``Class.field``. Facts that
need more than one object (references, hierarchies, date order) are validation rules instead.
"""

from __future__ import annotations

import datetime
import re
import unicodedata
from collections.abc import Callable, Iterable
from decimal import Decimal
from fractions import Fraction
from typing import Any, TypeVar

import attrs

from dangjian_model._enums import (
    AllianceType,
    AssetNature,
    BrandField,
    ContributionKind,
    Designation,
    Linkage,
    MembershipRole,
    PartyOrgForm,
    PartyStanding,
    PersonRole,
    Principle,
    QuantityUnit,
    TeamKind,
    UnitKind,
)
from dangjian_model._errors import InvalidLabel, InvalidMoney, InvalidValue
from dangjian_model._labels import CustomTerm, LabelledEnum, open_term
from dangjian_model._money import MAX_EXPONENT, Money, exact_fraction

E = TypeVar("E", bound=LabelledEnum)
S = TypeVar("S")
T = TypeVar("T")
#: The longest id and the longest text a field takes.
MAX_ID = 200
MAX_TEXT = 2000
_RATIO = re.compile(r"([0-9]{1,50})/([0-9]{1,50})\Z")

Validator = Callable[[Any, "attrs.Attribute[Any]", Any], None]


def where(instance: object, attribute: attrs.Attribute[Any]) -> str:
    """``Class.field`` for error messages."""
    return f"{type(instance).__name__}.{attribute.name}"


def _bad_text(text: str) -> str | None:
    if not text:
        return "it is empty"
    if text[0].isspace() or text[-1].isspace():
        return "it has spaces at the start or end"
    # isprintable() runs in C and is true for nearly all real text; only then look closer
    if not text.isprintable() and any(unicodedata.category(c) in ("Cc", "Cf", "Cs") for c in text):
        return "it has control characters"
    return None


def _plain(text: str, limit: int) -> bool:
    """The usual text, told in C: 1 to ``limit`` printable characters, no space at either end.

    Printable text has no control, format or surrogate character, so it passes :func:`_bad_text`;
    text that is not plain (an ideographic space inside, say) is looked at closely instead.
    """
    return 0 < len(text) <= limit and text.isprintable() and not text[0].isspace() and not text[-1].isspace()


def check_id(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """An id: non-empty text, at most 200 characters, no surrounding spaces or control characters."""
    if type(value) is str and _plain(value, MAX_ID):
        return
    expected = "a non-empty id of at most 200 characters without surrounding spaces, e.g. 'changlong-village'"
    if not isinstance(value, str):
        raise InvalidValue(where(instance, attribute), value, expected)
    problem = _bad_text(value) or ("it is too long" if len(value) > MAX_ID else None)
    if problem:
        raise InvalidValue(where(instance, attribute), value, f"{expected}; {problem}")


def check_optional_id(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """An id or None."""
    if value is not None:
        check_id(instance, attribute, value)


def check_ids(instance: object, attribute: attrs.Attribute[Any], value: tuple[object, ...]) -> None:
    """A tuple of ids."""
    for index, item in enumerate(value):
        try:
            check_id(instance, attribute, item)
        except InvalidValue as error:
            raise InvalidValue(f"{error.where}[{index}]", item, error.expected) from None


def check_text(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Non-empty text of at most 2000 characters."""
    if type(value) is str and _plain(value, MAX_TEXT):
        return
    expected = "non-empty text of at most 2000 characters"
    if not isinstance(value, str):
        raise InvalidValue(where(instance, attribute), value, expected)
    problem = _bad_text(value) or ("it is too long" if len(value) > MAX_TEXT else None)
    if problem:
        shown = value if len(value) <= 80 else value[:80] + "…"
        raise InvalidValue(where(instance, attribute), shown, f"{expected}; {problem}")


def check_optional_text(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Text or None."""
    if value is not None:
        check_text(instance, attribute, value)


def check_count(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """A whole number ≥ 0 (``bool`` is not a number here)."""
    if type(value) is not int or value < 0:
        raise InvalidValue(where(instance, attribute), value, "a whole number ≥ 0")


def check_optional_count(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """A whole number ≥ 0 or None."""
    if value is not None:
        check_count(instance, attribute, value)


def check_positive(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """A whole number ≥ 1."""
    if type(value) is not int or value < 1:
        raise InvalidValue(where(instance, attribute), value, "a whole number ≥ 1")


def check_optional_positive(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """A whole number ≥ 1 or None."""
    if value is not None:
        check_positive(instance, attribute, value)


def check_optional_date(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """A ``datetime.date`` (not a datetime) or None."""
    if value is not None and (type(value) is not datetime.date):
        raise InvalidValue(where(instance, attribute), value, "a date such as 2021-12-06, or nothing")


def check_date(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """A ``datetime.date`` (not a datetime)."""
    if type(value) is not datetime.date:
        raise InvalidValue(where(instance, attribute), value, "a date such as 2021-12-06")


def to_date(value: datetime.date | str) -> datetime.date:
    """Read an ISO date; anything else is left for the validator to refuse."""
    if isinstance(value, str):
        try:
            return datetime.date.fromisoformat(value)
        except ValueError:
            return value  # type: ignore[return-value]
    return value


def to_optional_date(value: datetime.date | str | None) -> datetime.date | None:
    """Read an ISO date or None."""
    return None if value is None else to_date(value)


def check_optional_decimal(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """A finite ``Decimal`` ≥ 0, or None."""
    if value is None:
        return
    if (
        not isinstance(value, Decimal)
        or not value.is_finite()
        or value < 0
        or abs(value.as_tuple().exponent) > MAX_EXPONENT  # type: ignore[arg-type]
    ):
        raise InvalidValue(
            where(instance, attribute),
            value,
            f"a finite decimal number ≥ 0 with an exponent within ±{MAX_EXPONENT}, e.g. Decimal('12.5')",
        )


def to_optional_decimal(value: Decimal | int | str | None) -> Decimal | None:
    """Read a decimal from int or text; floats and other types are left for the validator to refuse."""
    if isinstance(value, bool):
        return value  # type: ignore[return-value]
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, str):
        try:
            return Decimal(value.strip().rstrip("%"))
        except ArithmeticError:
            return value  # type: ignore[return-value]
    return value


def to_str_tuple(value: Iterable[str]) -> tuple[str, ...]:
    """A tuple of ids or texts from any iterable except a single string."""
    if isinstance(value, str):
        return value  # type: ignore[return-value]  # refused by the validator: a string is not a list
    try:
        return tuple(value)
    except TypeError:  # not iterable (None, a number): refused by the validator
        return value  # type: ignore[return-value]


def check_tuple(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """A tuple (a lone string is not a list of ids)."""
    if not isinstance(value, tuple):
        raise InvalidValue(where(instance, attribute), value, "a list, not a single value")


def _lenient(enum: type[E], value: E | str) -> E:
    """Convert a member, English id or Chinese label to the member; leave the rest to the validator."""
    try:
        return enum.parse(value)
    except InvalidLabel:
        return value  # type: ignore[return-value]


def enum_validator(enum: type[E]) -> Validator:
    """Refuse anything that is not a member of ``enum``, naming the field and the choices."""

    def validate(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, enum):
            raise InvalidLabel(where(instance, attribute), value, enum._expected(value))

    return validate


def _lenient_frozenset(values: Iterable[S], convert: Callable[[S], T]) -> frozenset[T]:
    """A frozenset of ``convert``-ed items from any iterable; the rest is left to the validator."""
    if isinstance(values, str):
        return values  # type: ignore[return-value]
    try:
        result = [convert(value) for value in values]
    except TypeError:  # not iterable
        return values  # type: ignore[return-value]
    try:
        return frozenset(result)
    except TypeError:  # an unhashable element
        return tuple(result)  # type: ignore[return-value]


def _lenient_set(enum: type[E], values: Iterable[E | str]) -> frozenset[E]:
    """A frozenset of members from any iterable of members or labels; the rest is left to the validator."""
    return _lenient_frozenset(values, lambda value: _lenient(enum, value))


def _optional(validate: Validator) -> Validator:
    """``validate``, letting None through."""

    def optional(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if value is not None:
            validate(instance, attribute, value)

    return optional


def optional_enum_validator(enum: type[E]) -> Validator:
    """Refuse anything that is not a member of ``enum`` or None."""
    return _optional(enum_validator(enum))


def _set_validator(enum: type[E], accepted: Any, expected: Callable[[object], str]) -> Validator:
    """Refuse anything but a frozenset of ``accepted`` items, naming ``enum`` and, for a wrong item, ``expected``."""

    def validate(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, frozenset):
            raise InvalidValue(
                where(instance, attribute), value, f"a list of {enum.zh_name()} ({enum.__name__})"
            )
        for item in value:
            if not isinstance(item, accepted):
                raise InvalidLabel(where(instance, attribute), item, expected(item))

    return validate


def enum_set_validator(enum: type[E]) -> Validator:
    """Refuse a set with anything but members of ``enum``."""
    return _set_validator(enum, enum, enum._expected)


def to_money(value: Money | str) -> Money:
    """Parse money text; leave the rest to the validator."""
    try:
        return Money.parse(value)
    except InvalidMoney:
        return value  # type: ignore[return-value]


def to_optional_money(value: Money | str | None) -> Money | None:
    """Parse money text or keep None."""
    return None if value is None else to_money(value)


def check_money(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """A :class:`Money`; text that failed to parse is parsed again for the error message."""
    if not isinstance(value, Money):
        Money.parse(value, where=where(instance, attribute))


def check_optional_money(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """A :class:`Money` or None."""
    if value is not None:
        check_money(instance, attribute, value)


#: What a field that holds an amount (not a signed movement) expects.
AMOUNT = "金额不能为负 an amount of zero or more, not negative, such as '10万元' or '1234.56元'"


def check_amount(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """A :class:`Money` of zero or more: a contribution, income or a value is never negative.

    Only a signed movement (a ledger entry: money in or out) may be negative; a loss is shared by the
    allocation rules that document how, never written as a negative contribution or income.
    """
    check_money(instance, attribute, value)
    if value.fen < 0:  # type: ignore[attr-defined]  # check_money has made sure it is Money
        raise InvalidMoney(where(instance, attribute), value, AMOUNT)


def check_optional_amount(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """A :class:`Money` of zero or more, or None."""
    if value is not None:
        check_amount(instance, attribute, value)


def to_fraction(value: Fraction | Decimal | int | str) -> Fraction:
    """An exact fraction from int, Decimal, Fraction or text such as ``'49.3%'`` (a percentage) or ``'1/3'``."""
    if isinstance(value, bool):
        return value  # type: ignore[return-value]
    if isinstance(value, str):
        ratio = _RATIO.match(value)
        if ratio:  # the canonical '1/3': the same as Fraction(text), without its general parser
            try:
                return Fraction(int(ratio[1]), int(ratio[2]))
            except ZeroDivisionError:
                return value  # type: ignore[return-value]
        text = value.strip()
        try:
            if text.endswith("%"):
                return exact_fraction(text[:-1]) / 100
            return exact_fraction(text)
        except ValueError:
            return value  # type: ignore[return-value]
    if isinstance(value, int | Decimal):
        return Fraction(value)
    return value


def check_share(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """A fraction in (0, 1]."""
    # a Fraction's denominator is positive: 0 < n/d ≤ 1 is 0 < n ≤ d, in integers
    if not isinstance(value, Fraction) or not 0 < value.numerator <= value.denominator:
        raise InvalidValue(
            where(instance, attribute),
            value,
            "a share greater than 0 and at most 1, e.g. '49.3%', '1/3' or Decimal('0.5')",
        )


# Named converters: the attrs mypy plugin needs a named function per field type.


def to_unit_kind(value: UnitKind | str) -> UnitKind:
    """A :class:`UnitKind` from a member, English id or Chinese label."""
    return _lenient(UnitKind, value)


def to_party_org_form(value: PartyOrgForm | str) -> PartyOrgForm:
    """A :class:`PartyOrgForm` from a member, English id or Chinese label."""
    return _lenient(PartyOrgForm, value)


def to_party_standing(value: PartyStanding | str) -> PartyStanding:
    """A :class:`PartyStanding` from a member, English id or Chinese label."""
    return _lenient(PartyStanding, value)


def to_alliance_type(value: AllianceType | str) -> AllianceType:
    """A :class:`AllianceType` from a member, English id or Chinese label."""
    return _lenient(AllianceType, value)


def to_membership_role(value: MembershipRole | str) -> MembershipRole:
    """A :class:`MembershipRole` from a member, English id or Chinese label."""
    return _lenient(MembershipRole, value)


def to_contribution_kind(value: ContributionKind | str) -> ContributionKind:
    """A :class:`ContributionKind` from a member, English id or Chinese label."""
    return _lenient(ContributionKind, value)


def to_asset_nature(value: AssetNature | str) -> AssetNature:
    """A :class:`AssetNature` from a member, English id or Chinese label."""
    return _lenient(AssetNature, value)


def to_team_kind(value: TeamKind | str) -> TeamKind:
    """A :class:`TeamKind` from a member, English id or Chinese label."""
    return _lenient(TeamKind, value)


def _lenient_open(enum: type[E], value: object) -> E | CustomTerm:
    """A member, or a :class:`CustomTerm` for new text; anything else is left for the validator."""
    try:
        return open_term(enum, value)
    except InvalidLabel:
        return value  # type: ignore[return-value]


def _lenient_open_set(enum: type[E], values: Iterable[E | CustomTerm | str]) -> frozenset[E | CustomTerm]:
    """A frozenset of members and custom terms from any iterable; the rest is left to the validator."""
    return _lenient_frozenset(values, lambda value: _lenient_open(enum, value))


def _open_expected(enum: type[E], value: object) -> str:
    return f"{enum._expected(value)}; or a new term as text (kept as a custom term)"


def open_validator(enum: type[E]) -> Validator:
    """Refuse anything but a member of ``enum`` or a :class:`CustomTerm` (None is refused too)."""

    def validate(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, enum | CustomTerm):
            raise InvalidLabel(where(instance, attribute), value, _open_expected(enum, value))

    return validate


def optional_open_validator(enum: type[E]) -> Validator:
    """A member of ``enum``, a :class:`CustomTerm` or None."""
    return _optional(open_validator(enum))


def open_set_validator(enum: type[E]) -> Validator:
    """A frozenset of members of ``enum`` and custom terms."""
    return _set_validator(enum, enum | CustomTerm, lambda item: _open_expected(enum, item))


def to_optional_quantity_unit(
    value: QuantityUnit | CustomTerm | str | None,
) -> QuantityUnit | CustomTerm | None:
    """A :class:`QuantityUnit` from a member, English id or Chinese label, a custom unit (间 before it was
    one), or None."""
    return None if value is None else _lenient_open(QuantityUnit, value)


def to_optional_brand_field(value: BrandField | str | None) -> BrandField | None:
    """A :class:`BrandField` from a member, English id or Chinese label, or None."""
    return None if value is None else _lenient(BrandField, value)


def to_designation_set(values: Iterable[Designation | str]) -> frozenset[Designation]:
    """A frozenset of :class:`Designation` from members, English ids or Chinese labels."""
    return _lenient_set(Designation, values)


def to_person_role_set(values: Iterable[PersonRole | CustomTerm | str]) -> frozenset[PersonRole | CustomTerm]:
    """A frozenset of :class:`PersonRole` from members, English ids or Chinese labels; new roles are kept
    as custom terms."""
    return _lenient_open_set(PersonRole, values)


def to_linkage_set(values: Iterable[Linkage | CustomTerm | str]) -> frozenset[Linkage | CustomTerm]:
    """A frozenset of :class:`Linkage` from members, English ids or Chinese labels; new linkages (every
    place coins its own) are kept as custom terms."""
    return _lenient_open_set(Linkage, values)


def to_principle_set(values: Iterable[Principle | str]) -> frozenset[Principle]:
    """A frozenset of :class:`Principle` from members, English ids or Chinese labels."""
    return _lenient_set(Principle, values)


def check_bool(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """``True`` or ``False`` (not 1, 0 or text)."""
    if not isinstance(value, bool):
        raise InvalidValue(where(instance, attribute), value, "true or false")


def optional_instance(kind: type[Any]) -> Validator:
    """Refuse anything but a ``kind`` or None, naming the field."""

    def validate(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if value is not None and not isinstance(value, kind):
            raise InvalidValue(where(instance, attribute), value, f"a {kind.__name__} or nothing")

    return validate


def masked(validator: Validator, mask: Callable[[object], str]) -> Validator:
    """``validator`` whose errors show the value masked: a bad name or phone is still personal data."""

    def validate(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        try:
            validator(instance, attribute, value)
        except InvalidValue as error:
            raise type(error)(error.where, mask(error.value), error.expected) from None

    return validate

"""Masking of personal data (names, phone numbers, ID-card numbers) wherever it is printed.

The ``masked_*`` functions give the masked text; the ``mask_*`` ones its ``repr``, for ``attrs`` reprs
and error messages.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from dangjian_model._errors import InvalidValue
from dangjian_model.identifiers.id_card import mask as _mask_id

__all__ = [
    "mask_id_card",
    "mask_name",
    "mask_phone",
    "masked",
    "masked_id_card",
    "masked_name",
    "masked_phone",
]


def masked_name(name: object) -> str:
    """Keep the first character (usually the family name): ``龚**``."""
    if not isinstance(name, str) or not name:
        return "*"
    return name[0] + "*" * max(len(name) - 1, 1)


def masked_phone(phone: object) -> str:
    """Keep the first three and last four digits: ``138****5678``."""
    text = str(phone)
    if len(text) <= 7:
        return "*" * len(text)
    return text[:3] + "*" * (len(text) - 7) + text[-4:]


def masked_id_card(number: object) -> str:
    """Keep the region and the last four characters; hide the birth date."""
    return _mask_id(str(number))


def mask_name(name: object) -> str:
    """The ``repr`` of the masked name: ``'龚**'``."""
    return repr(masked_name(name))


def mask_phone(phone: object) -> str:
    """The ``repr`` of the masked phone number: ``'138****5678'``."""
    return "None" if phone is None else repr(masked_phone(phone))


def mask_id_card(number: object) -> str:
    """The ``repr`` of the masked ID-card number: ``'110105********002X'``."""
    return "None" if number is None else repr(masked_id_card(number))


def masked(validator: Callable[[Any, Any, Any], None], mask: Callable[[object], str]) -> Any:
    """``validator`` whose errors show the value masked: a bad name or phone is still personal data."""

    def validate(instance: Any, attribute: Any, value: Any) -> None:
        try:
            validator(instance, attribute, value)
        except InvalidValue as error:
            raise type(error)(error.where, mask(error.value), error.expected) from None

    return validate

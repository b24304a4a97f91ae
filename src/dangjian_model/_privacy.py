"""Masking of personal data (names, phone numbers, ID-card numbers) wherever it is printed."""

from __future__ import annotations

from dangjian_model.identifiers.id_card import mask as _mask_id

__all__ = ["mask_id_card", "mask_name", "mask_phone"]


def mask_name(name: object) -> str:
    """Keep the first character (usually the family name): ``'龚**'``."""
    if not isinstance(name, str) or not name:
        return repr("*")
    return repr(name[0] + "*" * max(len(name) - 1, 1))


def mask_phone(phone: object) -> str:
    """Keep the first three and last four digits: ``'138****5678'``."""
    if phone is None:
        return "None"
    text = str(phone)
    if len(text) <= 7:
        return repr("*" * len(text))
    return repr(text[:3] + "*" * (len(text) - 7) + text[-4:])


def mask_id_card(number: object) -> str:
    """Keep the region and the last four characters; hide the birth date."""
    if number is None:
        return "None"
    return repr(_mask_id(str(number)))

"""Masking of personal data (names, phone numbers, ID-card numbers) wherever it is printed.

The one place that decides how personal data is hidden:

- the ``masked_*`` functions give the masked text of a value known to be personal (a person's
  name, phone or ID-card number); the ``mask_*`` ones its ``repr``, for ``attrs`` reprs and errors;
- :func:`redact` masks whatever in any other text *looks like* a phone or ID-card number — a phone
  typed into ``roles``, an ID number used as a key — and every error message of the library
  (:class:`~dangjian_model.DangjianError`), file problem and validation finding passes through it.

Masks keep little: a one-character name keeps nothing (``*``), an 18-character ID-card number its
region and last four (``110105********002X``), a 15-digit one its region and sequence
(``110105******002``), a mobile number its first three and last four digits (``138****5678``), a
shorter phone number its last two (``******78``).

>>> redact("Person.roles: '13812345678' is not valid")
"Person.roles: '138****5678' is not valid"
>>> redact("no unit with id '11010519491231002X'")
"no unit with id '110105********002X'"

This module imports nothing else of the library: the exception hierarchy sits above it and uses it.
"""

from __future__ import annotations

import re

__all__ = [
    "looks_personal",
    "mask_id_card",
    "mask_name",
    "mask_phone",
    "masked_id_card",
    "masked_name",
    "masked_phone",
    "redact",
]

# \d is any decimal digit (full-width ones too); a number inside a longer run of digits is not one.
_ID_CARD = r"\d{6}[ -]?(?:\d{8}[ -]?\d{3}[\dXx]|\d{6}[ -]?\d{3})"
_MOBILE = r"(?:\+?86[ -]?)?(1[3-9]\d(?:[ -]?\d{4}){2})"
_LANDLINE = r"0\d{2,3}[ -]\d{7,8}"
_PERSONAL = re.compile(rf"(?<!\d)(?:(?P<id>{_ID_CARD})|{_MOBILE}|(?P<landline>{_LANDLINE}))(?!\d)")
_SEPARATORS = str.maketrans("", "", " -")
_DIGIT = re.compile(r"\d")


def masked_name(name: object) -> str:
    """Keep the first character (usually the family name) of a longer name: ``龚**``; a one-character
    name keeps nothing: ``*``."""
    if not isinstance(name, str) or len(name) < 2:
        return "*"
    return name[0] + "*" * (len(name) - 1)


def masked_phone(phone: object) -> str:
    """Keep the first three and last four of 11 characters or more (``138****5678``), the last two
    of 7 to 10 (``******78``), nothing of fewer: at least four, and at least half, are hidden."""
    text = str(phone)
    if len(text) >= 11:
        return text[:3] + "*" * (len(text) - 7) + text[-4:]
    if len(text) >= 7:
        return "*" * (len(text) - 2) + text[-2:]
    return "*" * len(text)


def masked_id_card(number: object) -> str:
    """Hide the birth date and more: 18 characters keep the region and last four
    (``110105********002X``), 15 the region and sequence (``110105******002``), any other length
    at most a quarter at the start and an eighth at the end."""
    text = str(number)
    if len(text) == 18:
        head, tail = 6, 4
    elif len(text) == 15:
        head, tail = 6, 3
    else:
        head, tail = len(text) // 4, len(text) // 8
    return text[:head] + "*" * (len(text) - head - tail) + text[len(text) - tail :]


def mask_name(name: object) -> str:
    """The ``repr`` of the masked name: ``'龚**'``."""
    return repr(masked_name(name))


def mask_phone(phone: object) -> str:
    """The ``repr`` of the masked phone number: ``'138****5678'``."""
    return "None" if phone is None else repr(masked_phone(phone))


def mask_id_card(number: object) -> str:
    """The ``repr`` of the masked ID-card number: ``'110105********002X'``."""
    return "None" if number is None else repr(masked_id_card(number))


def _mask_match(match: re.Match[str]) -> str:
    if match.group("id") is not None:
        return masked_id_card(match.group("id").translate(_SEPARATORS))
    if match.group("landline") is not None:
        return masked_phone(match.group("landline").translate(_SEPARATORS))
    text = match.group(0)
    start = match.start(2) - match.start(0)  # keep a +86 prefix, mask the number itself
    return text[:start] + masked_phone(match.group(2).translate(_SEPARATORS))


def redact(text: str) -> str:
    """``text`` with every phone or ID-card number in it masked.

    Found: ID-card numbers of 18 characters (17 digits and a check digit or X) and of 15 digits,
    mainland mobile numbers (11 digits from 13… to 19…, with or without +86), landline numbers
    with an area code (``0574-12345678``); spaces or hyphens between the groups are allowed, and a
    number inside a longer run of digits is not one. Anything else is left as it is.
    """
    if _DIGIT.search(text) is None:  # the common case
        return text
    return _PERSONAL.sub(_mask_match, text)


def looks_personal(text: str) -> bool:
    """True if :func:`redact` would mask something in ``text``."""
    return _PERSONAL.search(text) is not None

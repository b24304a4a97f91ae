"""居民身份证号码 — the resident identity card number (GB 11643-1999).

Eighteen characters: a 6-digit division code, an 8-digit birth date, a 3-digit sequence and a
check character under ISO 7064 MOD 11-2 (``X`` stands for 10). The numbers are personal data:
the library masks them wherever it prints them (see :func:`mask`).

>>> from dangjian_model.identifiers import id_card
>>> id_card.validate("11010519491231002X")
'11010519491231002X'
>>> id_card.mask("11010519491231002X")
'110105********002X'
"""

from __future__ import annotations

import datetime
import re

from dangjian_model._privacy import masked_id_card
from dangjian_model.identifiers._common import (
    InvalidChecksum,
    InvalidComponent,
    InvalidFormat,
    InvalidLength,
    compact,
    compact_input,
)

__all__ = ["calc_check_character", "compact", "is_valid", "mask", "validate"]

_WEIGHTS = tuple(pow(2, 17 - i, 11) for i in range(17))
_NAME = "居民身份证号码"
_DIGITS = re.compile(r"[0-9]{17}[0-9X]\Z")  # ASCII only: str.isdigit() admits ² and ١


def calc_check_character(first17: str) -> str:
    """The check character for 17 digits."""
    total = sum(int(c) * w for c, w in zip(first17, _WEIGHTS, strict=True))
    value = (12 - total % 11) % 11
    return "X" if value == 10 else str(value)


def validate(text: str, where: str = _NAME) -> str:
    """Return the compact number, or raise what is wrong with it.

    The offending text is never put into the error: it is masked there, as everywhere.
    """
    number = compact_input(text, where, mask)
    shown = mask(number)
    if len(number) != 18:
        raise InvalidLength(where, shown, f"18 characters, got {len(number)}")
    if not _DIGITS.match(number):
        raise InvalidFormat(where, shown, "17 digits and a check character 0–9 or X")
    try:
        datetime.date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:
        raise InvalidComponent(where, shown, "a real birth date in positions 7–14") from None
    if number[17] != calc_check_character(number[:17]):
        raise InvalidChecksum(where, shown, "a matching check character in position 18")
    return number


def is_valid(text: str) -> bool:
    """True when :func:`validate` accepts ``text``."""
    try:
        validate(text)
    except (InvalidLength, InvalidFormat, InvalidComponent, InvalidChecksum):
        return False
    return True


def mask(text: str) -> str:
    """Keep the region and the last four characters and hide the birth date (15 digits keep the
    region and the sequence); see :func:`dangjian_model._privacy.masked_id_card`."""
    return masked_id_card(text)

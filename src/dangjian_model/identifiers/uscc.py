"""统一社会信用代码 — the Unified Social Credit Code (GB 32100-2015).

Eighteen characters from ``0123456789ABCDEFGHJKLMNPQRTUWXY`` (no I, O, Z, S, V): a registration
authority (position 1), an organisation type (position 2), the administrative division (3–8,
digits), the organisation code (9–17) and a check character (18) under ISO 7064 MOD 31-3 with
weights ``3**i % 31``. Positions 1–2 may be letters (``Y`` = other authorities), so a check
that expects digits there is wrong.

>>> from dangjian_model.identifiers import uscc
>>> uscc.validate("91110000600037341L")
'91110000600037341L'
>>> uscc.calc_check_character("91110000600037341")
'L'
>>> uscc.is_valid("91110000600037341A")
False
>>> uscc.is_valid("Y1110000600037341" + uscc.calc_check_character("Y1110000600037341"))
True
"""

from __future__ import annotations

from dangjian_model.identifiers._common import (
    InvalidChecksum,
    InvalidFormat,
    InvalidLength,
    compact,
    compact_input,
)

__all__ = ["ALPHABET", "calc_check_character", "compact", "format", "is_valid", "validate"]

ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_VALUES = {c: i for i, c in enumerate(ALPHABET)}
_WEIGHTS = tuple(pow(3, i, 31) for i in range(17))
_NAME = "统一社会信用代码"


def calc_check_character(first17: str) -> str:
    """The check character for the first 17 characters (already compact and valid)."""
    total = sum(_VALUES[c] * w for c, w in zip(first17, _WEIGHTS, strict=True))
    return ALPHABET[(31 - total % 31) % 31]


def validate(text: str, where: str = _NAME) -> str:
    """Return the compact code, or raise what is wrong with it.

    Raises:
        InvalidLength: not 18 characters.
        InvalidFormat: a character outside the alphabet, or non-digits in positions 3–8.
        InvalidChecksum: the 18th character does not match.
    """
    code = compact_input(text, where)
    if len(code) != 18:
        raise InvalidLength(where, text, f"18 characters, got {len(code)}")
    for position, char in enumerate(code, start=1):
        if char not in _VALUES:
            raise InvalidFormat(
                where, text, f"only characters from {ALPHABET}; position {position} is {char!r}"
            )
    if not code[2:8].isdigit():
        raise InvalidFormat(where, text, "digits in positions 3–8 (the administrative division code)")
    expected = calc_check_character(code[:17])
    if code[17] != expected:
        raise InvalidChecksum(where, text, f"check character {expected!r} in position 18, not {code[17]!r}")
    return code


def is_valid(text: str) -> bool:
    """True when :func:`validate` accepts ``text``."""
    try:
        validate(text)
    except InvalidLength:
        return False
    except (InvalidFormat, InvalidChecksum):
        return False
    return True


def format(text: str) -> str:
    """The code as it is usually printed: compact and upper case."""
    return compact(text)

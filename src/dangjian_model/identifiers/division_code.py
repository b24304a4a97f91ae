"""行政区划代码 — administrative-division codes.

Three lengths are in use: 6 digits for provinces, cities and counties (GB/T 2260), 9 digits
for townships and subdistricts (GB/T 10114) and 12 digits for villages and communities
(统计用区划代码). The first two digits name a province-level division.

>>> from dangjian_model.identifiers import division_code
>>> division_code.validate("330282")
'330282'
>>> division_code.level("330282101201")
'village'
>>> division_code.is_valid("990282")
False
"""

from __future__ import annotations

from dangjian_model.identifiers._common import (
    InvalidComponent,
    InvalidFormat,
    InvalidLength,
    compact,
    compact_input,
)

__all__ = ["PROVINCES", "compact", "is_valid", "level", "parent", "validate"]

#: The province-level prefixes of GB/T 2260 (including 71 台湾, 81 香港, 82 澳门).
PROVINCES = frozenset(
    [
        "11",
        "12",
        "13",
        "14",
        "15",
        "21",
        "22",
        "23",
        "31",
        "32",
        "33",
        "34",
        "35",
        "36",
        "37",
        "41",
        "42",
        "43",
        "44",
        "45",
        "46",
        "50",
        "51",
        "52",
        "53",
        "54",
        "61",
        "62",
        "63",
        "64",
        "65",
        "71",
        "81",
        "82",
    ]
)
_LEVELS = {6: "county", 9: "township", 12: "village"}
_NAME = "行政区划代码"


def validate(text: str, where: str = _NAME) -> str:
    """Return the compact code, or raise what is wrong with its shape.

    Raises:
        InvalidLength: not 6, 9 or 12 characters.
        InvalidFormat: not all digits.
        InvalidComponent: the first two digits name no province-level division.
    """
    code = compact_input(text, where)
    if len(code) not in _LEVELS:
        raise InvalidLength(where, text, f"6, 9 or 12 digits, got {len(code)} characters")
    if not (code.isascii() and code.isdigit()):
        raise InvalidFormat(where, text, "digits only")
    if code[:2] not in PROVINCES:
        raise InvalidComponent(where, text, f"a province-level prefix such as 33 (浙江), not {code[:2]}")
    return code


def is_valid(text: str) -> bool:
    """True when :func:`validate` accepts ``text``."""
    try:
        validate(text)
    except (InvalidLength, InvalidFormat, InvalidComponent):
        return False
    return True


def level(text: str) -> str:
    """``county`` (6 digits), ``township`` (9) or ``village`` (12)."""
    return _LEVELS[len(validate(text))]


def parent(text: str) -> str | None:
    """The code of the enclosing division, or None for a province (``330000``)."""
    code = validate(text)
    if len(code) == 12:
        return code[:9]
    if len(code) == 9:
        return code[:6]
    if code[4:] != "00":
        return code[:4] + "00"
    if code[2:4] != "00":
        return code[:2] + "0000"
    return None

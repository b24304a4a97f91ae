"""Reading weights exactly: ints, Decimals, Fractions, Money and text such as ``'49.3%'`` or ``'1/3'``."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from typing import TypeAlias

from dangjian_model._money import Money, exact_fraction
from dangjian_model.allocation._errors import AllocationError

__all__ = ["WeightLike", "to_weight"]

WeightLike: TypeAlias = int | Decimal | Fraction | str | Money
"""What a weight may be given as; floats are refused because they are not exact."""

_EXPECTED = "a non-negative weight: an int, Decimal, Fraction, Money or text such as '49.3%', '1/3' or '2.5'"


def to_weight(value: object, where: str) -> Fraction:
    """Read one weight exactly; a :class:`Money` counts as its number of 分.

    Args:
        value: The weight as given.
        where: Where it stands, for the error message.

    Raises:
        AllocationError: it is a float, negative, not finite, or text that is not a number.

    >>> to_weight("49.3%", "w"), to_weight(Decimal("0.5"), "w"), to_weight(3, "w")
    (Fraction(493, 1000), Fraction(1, 2), Fraction(3, 1))
    """
    weight: Fraction
    if isinstance(value, (bool, float)):
        raise AllocationError(where, value, _EXPECTED + "; floats and booleans are not exact weights")
    if isinstance(value, Fraction):
        weight = value
    elif isinstance(value, int):
        weight = Fraction(value)
    elif isinstance(value, Money):
        weight = Fraction(value.fen)
    elif isinstance(value, Decimal):
        try:
            weight = exact_fraction(value)
        except ValueError as error:
            raise AllocationError(where, value, f"{_EXPECTED}; {error}") from None
    elif isinstance(value, str):
        text = value.strip().replace("％", "%")
        try:
            weight = exact_fraction(text[:-1]) / 100 if text.endswith("%") else exact_fraction(text)
        except ValueError:
            raise AllocationError(where, value, _EXPECTED) from None
    else:
        raise AllocationError(where, value, _EXPECTED + f"; got {type(value).__name__}")
    if weight < 0:
        raise AllocationError(where, value, _EXPECTED + "; it is negative")
    return weight

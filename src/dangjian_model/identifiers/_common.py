"""The exceptions shared by the identifier modules (after python-stdnum)."""

from __future__ import annotations

from dangjian_model._errors import InvalidValue

__all__ = [
    "InvalidChecksum",
    "InvalidComponent",
    "InvalidFormat",
    "InvalidIdentifier",
    "InvalidLength",
    "compact",
]


class InvalidIdentifier(InvalidValue):
    """An identifier is not valid under its standard."""


class InvalidFormat(InvalidIdentifier):
    """An identifier has characters its standard does not allow where they stand."""


class InvalidLength(InvalidIdentifier):
    """An identifier has the wrong number of characters."""


class InvalidChecksum(InvalidIdentifier):
    """An identifier's check character does not match the rest."""


class InvalidComponent(InvalidIdentifier):
    """A part of an identifier (a region, a date) names nothing real."""


def compact(text: str) -> str:
    """Remove spaces and hyphens and upper-case the letters."""
    return "".join(text.split()).replace("-", "").upper()

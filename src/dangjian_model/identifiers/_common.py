"""The exceptions shared by the identifier modules (after python-stdnum)."""

from __future__ import annotations

from collections.abc import Callable

from dangjian_model._errors import InvalidValue

__all__ = [
    "InvalidChecksum",
    "InvalidComponent",
    "InvalidFormat",
    "InvalidIdentifier",
    "InvalidLength",
    "compact",
    "compact_input",
]

#: No identifier is longer; longer input is refused before any other work (and never echoed whole).
MAX_INPUT = 64


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


def compact_input(value: object, where: str, shown: Callable[[str], str] = lambda text: text) -> str:
    """The compact form of outside input, or :class:`InvalidFormat` / :class:`InvalidLength`.

    ``shown`` turns the text into what an error may show (the ID-card module masks it).
    """
    if not isinstance(value, str):
        raise InvalidFormat(where, f"<{type(value).__name__}>", "text")
    if len(value) > MAX_INPUT:
        raise InvalidLength(where, shown(value[:MAX_INPUT]) + "…", f"at most {MAX_INPUT} characters")
    return compact(value)

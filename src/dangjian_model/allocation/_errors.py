"""Errors of the allocation engine."""

from __future__ import annotations

from dangjian_model._errors import InvalidValue

__all__ = ["AllocationError", "GameTooLarge"]


class AllocationError(InvalidValue):
    """Inputs to an allocation are not allowed: no members, a negative or all-zero weight, a bad rule.

    Like every :class:`~dangjian_model.InvalidValue` it names *what* was wrong (``value``),
    *where* (``where``, e.g. ``apportion(weights)['v3']``) and *what would be right* (``expected``).
    """


class GameTooLarge(AllocationError):
    """A game is past the documented size an exact method takes on (a weighted voting game whose count
    table or work is past :class:`~dangjian_model.allocation.VotingLimits`, a nucleolus of too many
    players …); the message says the limit and what to do instead."""

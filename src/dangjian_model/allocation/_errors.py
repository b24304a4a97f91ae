"""Errors of the allocation engine."""

from __future__ import annotations

from dangjian_model._errors import InvalidValue

__all__ = ["AllocationError"]


class AllocationError(InvalidValue):
    """Inputs to an allocation are not allowed: no members, a negative or all-zero weight, a bad rule.

    Like every :class:`~dangjian_model.InvalidValue` it names *what* was wrong (``value``),
    *where* (``where``, e.g. ``apportion(weights)['v3']``) and *what would be right* (``expected``).
    """

"""A fast path for canonical documents (filled in below)."""

from __future__ import annotations

from typing import Any

__all__ = ["fast_structure"]


def fast_structure(tree: Any, into: type[Any]) -> Any:
    """The registry or alliance of a canonical document, or None to take the detailed path."""
    return None

"""Small argument checks the operations share; each raises with the operation and argument named."""

from __future__ import annotations

import datetime
from collections.abc import Callable, Sequence
from typing import TypeAlias, TypeVar

from dangjian_model._errors import UnknownId
from dangjian_model._model import Alliance, PartyOrganisation, Person, Unit
from dangjian_model._money import Money
from dangjian_model._registry import Entity, Registry
from dangjian_model.lifecycle._errors import AllianceNotActive, IdInUse, OperationRefused
from dangjian_model.lifecycle._events import Event, apply

__all__ = [
    "Outcome",
    "active_alliance",
    "distinct_participants",
    "done",
    "find",
    "money",
    "new_id",
    "not_before",
    "participant",
]

T = TypeVar("T")

#: What every operation returns: the new registry and the events that happened, in order.
Outcome: TypeAlias = tuple[Registry, tuple[Event, ...]]


def done(registry: Registry, event: Event) -> Outcome:
    """The outcome of an operation that checked its arguments and built ``event``."""
    return apply(registry, event), (event,)


def find(where: str, lookup: Callable[[str], T], id: str) -> T:
    """``lookup(id)``, with ``where`` added to the :class:`UnknownId` it may raise."""
    try:
        return lookup(id)
    except UnknownId as error:
        raise UnknownId(
            error.kind, error.id, f"in {where}" + (f"; {error.hint}" if error.hint else "")
        ) from None


def participant(registry: Registry, where: str, id: str) -> Entity:
    """The unit, party organisation or person ``id`` (the kinds that can take part in an alliance)."""
    entity = find(where, registry.get, id)
    if not isinstance(entity, Unit | PartyOrganisation | Person):
        raise OperationRefused(
            where, f"{id!r} is a {type(entity).__name__}", "a unit, party organisation or person"
        )
    return entity


def distinct_participants(
    registry: Registry,
    where: str,
    argument: str,
    ids: Sequence[str],
    expected: str,
    *,
    first: str | None = None,
) -> list[str]:
    """``first`` (when given) and the participants ``ids``, each checked and refused when listed twice.

    ``first`` may be repeated in ``ids`` (the lead of an alliance among its members); it is kept once.
    """
    seen = [] if first is None else [first]
    for index, id in enumerate(ids):
        at = f"{where}({argument}[{index}])"
        participant(registry, at, id)
        if id in seen and id != first:
            raise OperationRefused(at, f"{id!r} is listed twice", expected)
        if id not in seen:
            seen.append(id)
    return seen


def active_alliance(registry: Registry, where: str, id: str) -> Alliance:
    """The alliance ``id``, which must not be dissolved."""
    alliance = find(where, registry.alliance, id)
    if alliance.dissolved_on is not None:
        raise AllianceNotActive(
            where,
            f"alliance {id!r} was dissolved on {alliance.dissolved_on.isoformat()}",
            "an alliance that has not been dissolved",
        )
    return alliance


def new_id(registry: Registry, where: str, id: str) -> str:
    """``id``, which nothing in the registry may have yet."""
    existing = registry.find(id)
    if existing is not None:
        raise IdInUse(where, f"{id!r} is already the id of a {type(existing).__name__}", "an unused id")
    return id


def not_before(where: str, on: datetime.date, earliest: datetime.date | None, what: str) -> None:
    """Refuse a date before ``earliest`` (when known)."""
    if earliest is not None and on < earliest:
        raise OperationRefused(
            where,
            f"{on.isoformat()} is before {what} ({earliest.isoformat()})",
            f"a date on or after {earliest}",
        )


def money(where: str, amount: Money | str) -> Money:
    """The amount as :class:`Money` (text such as ``30万元`` is parsed); it must be more than zero."""
    value = Money.parse(amount, where=where)
    if value.fen <= 0:
        raise OperationRefused(where, f"{value} is not more than zero", "an amount of at least 0.01元")
    return value

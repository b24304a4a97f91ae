"""Who is protected by which principle: the one definition the guards and the checker share.

- 管理层级不变, 资产属性不变 and 账务核算不变 protect a *unit* while it is a current member of an
  alliance (not dissolved) that declares the principle.
- 原组织隶属关系不变 protects a *party organisation* or a *person* while it is itself a current
  member of such an alliance, or (for an organisation) while a unit it is set up in is, or (for a
  person) while its organisation is protected. An alliance protects affiliations if it declares
  原组织隶属关系不变 or 管理层级不变: a member's party line is part of its management hierarchy, and
  the joint committee "does not become anyone's superior" (seed 001). An organisation that serves
  as an alliance's joint committee is not a member's own organisation, so it is not protected.
"""

from __future__ import annotations

import datetime

from dangjian_model._enums import Principle
from dangjian_model._model import Alliance, PartyOrganisation, Person
from dangjian_model._registry import Registry

__all__ = ["english", "guarding_alliances", "principle_text", "protecting_alliances"]

#: The declarations that protect each principle's subjects.
_DECLARATIONS: dict[Principle, frozenset[Principle]] = {
    Principle.MANAGEMENT_HIERARCHY_UNCHANGED: frozenset({Principle.MANAGEMENT_HIERARCHY_UNCHANGED}),
    Principle.ASSET_NATURE_UNCHANGED: frozenset({Principle.ASSET_NATURE_UNCHANGED}),
    Principle.ACCOUNTING_UNCHANGED: frozenset({Principle.ACCOUNTING_UNCHANGED}),
    Principle.AFFILIATION_UNCHANGED: frozenset(
        {Principle.AFFILIATION_UNCHANGED, Principle.MANAGEMENT_HIERARCHY_UNCHANGED}
    ),
}


def english(principle: Principle) -> str:
    """The principle in English words: ``management hierarchy unchanged``."""
    return str(principle.value).replace("_", " ")


def principle_text(principle: Principle) -> str:
    """The principle as messages name it: ``管理层级不变 (management hierarchy unchanged)``."""
    return f"{principle.label} ({english(principle)})"


def _in_force(alliance: Alliance, on: datetime.date | None) -> bool:
    if on is None:
        return alliance.dissolved_on is None
    formed = alliance.formed_on is None or alliance.formed_on <= on
    return formed and (alliance.dissolved_on is None or on < alliance.dissolved_on)


def _declaring(
    registry: Registry, participant_id: str, principle: Principle, on: datetime.date | None
) -> list[Alliance]:
    wanted = _DECLARATIONS[principle]
    return [
        a for a in registry.alliances_of(participant_id, on) if _in_force(a, on) and a.principles & wanted
    ]


def protecting_alliances(
    registry: Registry, principle: Principle, subject_id: str, on: datetime.date | None = None
) -> tuple[Alliance, ...]:
    """The alliances whose declaration of ``principle`` protects ``subject_id``, in id order.

    ``subject_id`` is a unit for 管理层级不变, 资产属性不变 and 账务核算不变, and a party organisation
    or a person for 原组织隶属关系不变. Nothing protects an id the registry does not know.

    Args:
        on: The day to judge by: the memberships and alliances in force that day. None (the default)
            judges by today's: memberships not yet left in alliances not dissolved.
    """
    found: dict[str, Alliance] = {a.id: a for a in _declaring(registry, subject_id, principle, on)}
    if principle is Principle.AFFILIATION_UNCHANGED:
        subject = registry.find(subject_id)
        if isinstance(subject, Person) and subject.party_organisation_id is not None:
            inherited = protecting_alliances(registry, principle, subject.party_organisation_id, on)
            found.update((a.id, a) for a in inherited)
        elif isinstance(subject, PartyOrganisation) and not _is_joint_committee(registry, subject_id):
            for unit_id in subject.host_unit_ids:
                found.update((a.id, a) for a in _declaring(registry, unit_id, principle, on))
    return tuple(found[id] for id in sorted(found))


def guarding_alliances(
    registry: Registry, principle: Principle, subject_id: str, on: datetime.date | None
) -> tuple[Alliance, ...]:
    """The alliances that forbid a change to ``subject_id`` dated ``on``: those protecting it on that
    day and those protecting it today (the change alters the registry's present too), in id order."""
    found = {a.id: a for a in protecting_alliances(registry, principle, subject_id)}
    if on is not None:
        found.update((a.id, a) for a in protecting_alliances(registry, principle, subject_id, on))
    return tuple(found[id] for id in sorted(found))


def _is_joint_committee(registry: Registry, organisation_id: str) -> bool:
    return any(a.joint_committee_id == organisation_id for a in registry.alliances)

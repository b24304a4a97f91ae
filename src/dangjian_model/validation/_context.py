"""The indexes the checks share, built in one pass over the registry, and the hierarchy walks (no recursion)."""

from __future__ import annotations

import functools
import operator
from collections.abc import Mapping
from collections.abc import Set as AbstractSet
from typing import Any, TypeVar

import attrs

from dangjian_model._enums import MembershipRole, PartyOrgForm, PartyStanding, Principle, UnitKind
from dangjian_model._model import (
    Alliance,
    Asset,
    Ledger,
    PartyOrganisation,
    Person,
    Project,
    Unit,
)
from dangjian_model._registry import ENTITY_KINDS, Entity, Registry
from dangjian_model._repr import FieldsRepr

__all__ = [
    "Context",
    "RawFinding",
    "collection_of",
    "find_cycles",
    "find_roots",
    "marked_or_below",
    "path_of",
]

_COLLECTIONS = {cls: name for name, (cls, _) in ENTITY_KINDS.items()}


def collection_of(entity: Entity) -> str:
    """The registry collection an entity lives in, e.g. ``units``."""
    return _COLLECTIONS[type(entity)]


def path_of(entity: Entity) -> str:
    """The path of an entity, addressed by id: ``alliances[cixi-south]``."""
    return f"{collection_of(entity)}[{entity.id}]"


@attrs.frozen(repr=False)
class RawFinding(FieldsRepr):
    """A finding as a check reports it, before the configuration gives it a severity."""

    code: str
    path: str
    message_zh: str
    message_en: str
    hint: str
    alliance_id: str | None = None


def find_cycles(parents: Mapping[str, str | None]) -> list[tuple[str, ...]]:
    """Every cycle in a parent map, each once, rotated to start at its smallest id. Linear, iterative."""
    walk_of: dict[str, int] = {}  # node → the walk (numbered by its start) that reached it first
    cycles: list[tuple[str, ...]] = []
    for walk, start in enumerate(parents):
        node: str | None = start
        while node is not None and node in parents and node not in walk_of:
            walk_of[node] = walk
            node = parents[node]
        # A walk stops at a root, at a node an earlier walk reached, or back on its own path: a cycle,
        # which is then followed once more from where the walk came back to write it down.
        if node is not None and walk_of.get(node) == walk:
            cycle = [node]
            while (next_node := parents[cycle[-1]]) != node:
                cycle.append(next_node)  # type: ignore[arg-type]  # on a cycle every node has a parent
            first = cycle.index(min(cycle))
            cycles.append(tuple(cycle[first:] + cycle[:first]))
    return cycles


def find_roots(parents: Mapping[str, str | None]) -> dict[str, str | None]:
    """The root of every node's tree (None for nodes on or above a cycle). Linear, iterative."""
    roots: dict[str, str | None] = {}
    for start in parents:
        if start in roots:
            continue
        walk: list[str] = []
        seen: set[str] = set()
        node = start
        while True:
            if node in roots:
                root = roots[node]
                break
            if node in seen:
                root = None
                break
            seen.add(node)
            walk.append(node)
            parent = parents[node]
            if parent is None or parent not in parents:
                root = node
                break
            node = parent
        for visited in walk:
            roots[visited] = root
    return roots


def marked_or_below(parents: Mapping[str, str | None], marked: AbstractSet[str]) -> set[str]:
    """The marked nodes and the nodes of ``parents`` that lie below one. Linear, iterative, cycle-safe.

    >>> sorted(marked_or_below({"a": "b", "b": "c", "c": None, "d": "e"}, {"b", "e"}))
    ['a', 'b', 'd', 'e']
    """
    below: dict[str, bool] = {}
    for start in parents:
        walk: list[str] = []
        seen: set[str] = set()
        node: str | None = start
        while True:
            if node is None or node in seen:  # a root, or round a cycle
                found = False
                break
            if node in below:
                found = below[node]
                break
            if node in marked:
                found = True
                break
            if node not in parents:
                found = False
                break
            seen.add(node)
            walk.append(node)
            node = parents[node]
        for visited in walk:
            below[visited] = found
    return set(marked).union(node for node, found in below.items() if found)


_superior_id = operator.attrgetter("superior_id")
_owner_id = operator.attrgetter("owner_id")
_Owned = TypeVar("_Owned", Asset, Ledger)


def _by_owner(items: tuple[_Owned, ...], owners: AbstractSet[str]) -> dict[str, list[_Owned]]:
    """Owner id → its items, for ``owners`` only; nothing is grouped when none of them owns one."""
    grouped: dict[str, list[_Owned]] = {}
    if owners.isdisjoint(map(_owner_id, items)):  # the usual answer, found in C
        return grouped
    for item in items:
        if item.owner_id in owners:
            grouped.setdefault(item.owner_id, []).append(item)
    return grouped


_VILLAGE_LEVEL = (UnitKind.VILLAGE, UnitKind.COMMUNITY)
_BASIC_FORMS = frozenset(
    {
        PartyOrgForm.COMMITTEE,
        PartyOrgForm.WORKING_COMMITTEE,
        PartyOrgForm.GENERAL_BRANCH,
        PartyOrgForm.BRANCH,
        PartyOrgForm.TEMPORARY_BRANCH,
        PartyOrgForm.TEMPORARY_GENERAL_BRANCH,
        PartyOrgForm.TEMPORARY_COMMITTEE,
    }
)


@attrs.frozen(repr=False)
class Context(FieldsRepr):
    """Read-only indexes over one registry, shared by every check of one pass.

    Each index is built the first time a check asks for it, in one pass over its collection, and kept
    for the rest of the pass: a registry whose alliances need no index does not pay for it.

    Attributes:
        registry: The registry being validated.
    """

    registry: Registry
    # Kind → the ids the registry finds an entity of that kind for, filled in as checks ask (this
    # context, and so this map, lives for one validation pass).
    _ids_by_kind: dict[type[Any], frozenset[str]] = attrs.field(init=False, factory=dict, repr=False)

    @classmethod
    def build(cls, registry: Registry) -> Context:
        """The context of one pass over ``registry``."""
        return cls(registry)

    @functools.cached_property
    def orgs_by_unit(self) -> dict[str, list[PartyOrganisation]]:
        """Unit id → the party organisations hosted in it."""
        orgs_by_unit: dict[str, list[PartyOrganisation]] = {}
        for org in self.registry.party_organisations:
            for unit_id in dict.fromkeys(org.host_unit_ids):
                orgs_by_unit.setdefault(unit_id, []).append(org)
        return orgs_by_unit

    @functools.cached_property
    def people_by_org(self) -> dict[str, list[Person]]:
        """Party organisation id → its people."""
        people_by_org: dict[str, list[Person]] = {}
        for person in self.registry.people:
            if person.party_organisation_id is not None:
                people_by_org.setdefault(person.party_organisation_id, []).append(person)
        return people_by_org

    @functools.cached_property
    def full_people_by_unit(self) -> dict[str, int]:
        """Unit id → how many full members (正式党员) are registered there."""
        full_people_by_unit: dict[str, int] = {}
        for person in self.registry.people:
            if person.unit_id is not None and person.standing is PartyStanding.FULL:
                full_people_by_unit[person.unit_id] = full_people_by_unit.get(person.unit_id, 0) + 1
        return full_people_by_unit

    @functools.cached_property
    def projects_by_alliance(self) -> dict[str, list[Project]]:
        """Alliance id → its projects."""
        projects_by_alliance: dict[str, list[Project]] = {}
        for project in self.registry.projects:
            if project.alliance_id is not None:
                projects_by_alliance.setdefault(project.alliance_id, []).append(project)
        return projects_by_alliance

    @functools.cached_property
    def _coordinators(self) -> set[str]:
        """The ids of every alliance and of every alliance's joint committee."""
        alliances = self.registry.alliances
        coordinators = {alliance.id for alliance in alliances}
        coordinators.update(a.joint_committee_id for a in alliances if a.joint_committee_id)
        return coordinators

    @functools.cached_property
    def assets_by_owner(self) -> dict[str, list[Asset]]:
        """Owner id → the assets it owns, for alliances, joint committees and projects' companies only.

        The checks ask about those owners alone (资产属性不变): not every village's assets, which would
        make a million-entry map for a national registry.
        """
        owners = self._coordinators | {p.company_id for p in self.registry.projects if p.company_id}
        return _by_owner(self.registry.assets, owners)

    @functools.cached_property
    def ledgers_by_owner(self) -> dict[str, list[Ledger]]:
        """Owner id → the ledgers it keeps, for alliances and joint committees only (账务核算不变)."""
        return _by_owner(self.registry.ledgers, self._coordinators)

    @functools.cached_property
    def alliances_with_lists(self) -> frozenset[str]:
        """Ids of alliances with a need or listed project (社会联治 items)."""
        with_lists = {need.alliance_id for need in self.registry.needs} | {
            item.alliance_id for item in self.registry.listed_projects
        }
        return frozenset(id for id in with_lists if id is not None)

    @functools.cached_property
    def superior_ids(self) -> frozenset[str | None]:
        """Every id a unit or a party organisation names as its superior."""
        registry = self.registry
        return frozenset(map(_superior_id, registry.units)) | frozenset(
            map(_superior_id, registry.party_organisations)
        )

    @functools.cached_property
    def village_level_orgs(self) -> frozenset[str]:
        """Ids of the village and community organisations at every level (DOMAIN §1: they serve 5 years).

        Those set up in a 村 or 社区, or in a unit that lies within one (a 楼院), and the organisations set up
        in no unit (党小组) below one of those in the party line.
        """
        units = self.registry.units
        villages = {u.id for u in units if u.kind in _VILLAGE_LEVEL}
        within = marked_or_below({u.id: u.superior_id for u in units}, villages)
        orgs = self.registry.party_organisations
        hosted = {o.id for o in orgs if not within.isdisjoint(o.host_unit_ids)}
        # an organisation set up nowhere in particular (a 党小组) is of the level of its superior; one set up
        # in a unit outside the villages (a 商圈, a firm) is not, whatever its superior
        hostless = {o.id: o.superior_id for o in orgs if not o.host_unit_ids}
        return frozenset(marked_or_below(hostless, hosted))

    @functools.cached_property
    def hierarchy_protecting(self) -> dict[str, list[Alliance]]:
        """Unit id → the alliances that protect its management hierarchy (管理层级不变): those it is a
        current member of that are not dissolved and declare the principle (as the lifecycle's guards
        judge it), for member units only."""
        protecting: dict[str, list[Alliance]] = {}
        for alliance in self.registry.alliances:
            if (
                alliance.dissolved_on is None
                and Principle.MANAGEMENT_HIERARCHY_UNCHANGED in alliance.principles
            ):
                for member in dict.fromkeys(alliance.member_ids):
                    protecting.setdefault(member, []).append(alliance)
        return protecting

    def ids_of(self, kind: type[Any]) -> frozenset[str]:
        """The ids for which ``registry.find`` gives an entity of this kind."""
        ids = self._ids_by_kind.get(kind)
        if ids is None:
            collection = getattr(self.registry, _COLLECTIONS[kind])
            ids = frozenset(map(operator.attrgetter("id"), collection))
            if self.registry.duplicate_ids():  # an id used twice is found as its first entity only
                ids = frozenset(id for id in ids if isinstance(self.registry.find(id), kind))
            self._ids_by_kind[kind] = ids
        return ids

    def unit(self, id: str | None) -> Unit | None:
        """The unit with this id, or None (missing, or another kind)."""
        entity = self.registry.find(id) if id is not None else None
        return entity if isinstance(entity, Unit) else None

    def organisation(self, id: str | None) -> PartyOrganisation | None:
        """The party organisation with this id, or None."""
        entity = self.registry.find(id) if id is not None else None
        return entity if isinstance(entity, PartyOrganisation) else None

    def has_own_organisation(self, unit_id: str, besides: PartyOrganisation) -> bool:
        """True if the unit has 3+ full members of its own: its own basic organisation, or 3+ people."""
        if self.full_people_by_unit.get(unit_id, 0) >= 3:
            return True
        return any(
            org is not besides and org.form in _BASIC_FORMS and org.full_members >= 3
            for org in self.orgs_by_unit.get(unit_id, ())
        )

    def territories_of(self, participant_id: str) -> tuple[str, ...]:
        """The units a participant stands for: a unit itself, an organisation's hosts, a person's unit."""
        entity = self.registry.find(participant_id)
        if isinstance(entity, Unit):
            return (entity.id,)
        if isinstance(entity, PartyOrganisation):
            return entity.host_unit_ids
        if isinstance(entity, Person) and entity.unit_id is not None:
            return (entity.unit_id,)
        return ()

    def within(self, unit_id: str, area_id: str) -> bool:
        """True if ``unit_id`` is ``area_id`` or lies under it administratively (cycle-safe)."""
        seen: set[str] = set()
        current: str | None = unit_id
        while current is not None and current not in seen:
            if current == area_id:
                return True
            seen.add(current)
            unit = self.unit(current)
            current = unit.superior_id if unit is not None else None
        return False

    def active_members(self, alliance: Alliance) -> list[str]:
        """The ids of participants who have not left, each once, in listed order."""
        return list(dict.fromkeys(alliance.member_ids))

    def organisational_members(self, alliance: Alliance) -> list[str]:
        """The current members that are units or party organisations: the parties whose kinds the
        per-type structure rules look at. People (乡贤, 合伙人, 国际友人) and teams (教授团队) take part,
        as advisers or partners, but do not make an alliance an industry cluster or a governance alliance."""
        return [
            id
            for id in self.active_members(alliance)
            if isinstance(self.registry.find(id), Unit | PartyOrganisation)
        ]

    def parties(self, alliance: Alliance) -> list[str]:
        """The current members that count as parties to the alliance: all but its advisers (顾问)."""
        advisers = {
            m.participant_id
            for m in alliance.memberships
            if m.left_on is None and m.role is MembershipRole.ADVISER
        }
        return [id for id in self.active_members(alliance) if id not in advisers]

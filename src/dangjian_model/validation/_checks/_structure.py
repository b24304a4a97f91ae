"""References, ids and hierarchies (DJ101–108): every link names an entity of the right kind, every tree is
a tree, and every territory sits under a territory of the right kind."""

from __future__ import annotations

import functools
import itertools
import operator
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any, cast

import attrs

from dangjian_model._enums import UnitKind
from dangjian_model._model import (
    Alliance,
    Asset,
    Brand,
    Figure,
    Grid,
    GridSystem,
    Ledger,
    ListedProject,
    Meeting,
    Need,
    PartyOrganisation,
    Person,
    Project,
    Resource,
    Team,
    Unit,
)
from dangjian_model._registry import ZH_KIND, Entity
from dangjian_model._repr import FieldsRepr
from dangjian_model.validation._checks._common import (
    KIND_NAMES,
    MEMBERS,
    PARTICIPANTS,
    Scope,
    reference_findings,
)
from dangjian_model.validation._checks._identifiers import person_identifiers, unit_identifiers
from dangjian_model.validation._config import ValidationConfig
from dangjian_model.validation._context import Context, RawFinding, find_cycles, path_of

__all__ = ["check_duplicate_ids", "check_hierarchies", "check_references", "check_superior_kinds"]


# ---------------------------------------------------------------- references and ids (DJ101–103)


@attrs.frozen(repr=False)
class _Reference(FieldsRepr):
    """One reference field of an entity kind: where its ids are, and which kinds they may name.

    Attributes:
        field: The attribute holding the id (or, with ``many``, a tuple of ids).
        kinds: The kinds of entity the id may name.
        within: The attribute of the entity that holds ``field``, if not the entity itself: an
            optional value (``committee``), or with ``items`` a tuple of items (``memberships``).
        items: ``within`` is a tuple of items, addressed by index.
        many: ``field`` is a tuple of ids, addressed by index.
    """

    field: str
    kinds: tuple[type[Any], ...]
    within: str | None = None
    items: bool = False
    many: bool = False

    def located(self, entity: Entity) -> Iterator[tuple[str, str | None]]:
        """(field path, id) of every id this field holds in one entity, in order."""
        if self.within is None:
            yield from self._in(entity, "")
        elif self.items:
            for i, item in enumerate(getattr(entity, self.within)):
                yield from self._in(item, f"{self.within}[{i}].")
        elif (holder := getattr(entity, self.within)) is not None:
            yield from self._in(holder, f"{self.within}.")

    def _in(self, holder: Any, prefix: str) -> Iterator[tuple[str, str | None]]:
        value = getattr(holder, self.field)
        if self.many:
            for i, id in enumerate(value):
                yield f"{prefix}{self.field}[{i}]", id
        else:
            yield f"{prefix}{self.field}", value

    def holders(self, entities: Sequence[Entity]) -> Sequence[Any]:
        """What holds this field across many entities: the entities, or their nested values or items."""
        if self.within is None:
            return entities
        nested = map(operator.attrgetter(self.within), entities)
        return list(itertools.chain.from_iterable(nested) if self.items else filter(_is_given, nested))

    def ids(self, holders: Iterable[Any]) -> Iterable[str | None]:
        """Every id this field holds across its holders (None included), gathered in C."""
        values = map(operator.attrgetter(self.field), holders)
        return itertools.chain.from_iterable(values) if self.many else values


_is_given = functools.partial(operator.is_not, None)  # in C: no Python call for each value


_id = operator.attrgetter("id")
_UNITS: tuple[type[Any], ...] = (Unit,)
_ORGS: tuple[type[Any], ...] = (PartyOrganisation,)
_PEOPLE: tuple[type[Any], ...] = (Person,)
_R = _Reference

#: Every reference each kind of entity holds, in the order its findings are reported.
_REFERENCES: dict[type[Any], tuple[_Reference, ...]] = {
    Unit: (_R("superior_id", _UNITS),),
    PartyOrganisation: (
        _R("superior_id", _ORGS),
        _R("host_unit_ids", _UNITS, many=True),
        _R("secretary_id", _PEOPLE, within="committee"),
        _R("deputy_secretary_ids", _PEOPLE, within="committee", many=True),
        _R("member_ids", _PEOPLE, within="committee", many=True),
    ),
    Person: (
        _R("party_organisation_id", _ORGS),
        _R("unit_id", _UNITS),
        _R("organisation_id", (Unit, PartyOrganisation), within="participations", items=True),
        _R("on_behalf_of_id", (Unit, PartyOrganisation), within="participations", items=True),
    ),
    Alliance: (
        _R("lead_id", (Unit, PartyOrganisation)),
        _R("participant_id", MEMBERS, within="memberships", items=True),
        _R("joint_committee_id", _ORGS),
        _R("key_project_id", (Project,)),
        _R("anchor_id", _UNITS),
        _R("covered_unit_ids", _UNITS, within="joint_plan", many=True),
    ),
    Project: (
        _R("alliance_id", (Alliance,)),
        _R("site_unit_id", _UNITS),
        _R("company_id", _UNITS),
        _R("contributor_id", PARTICIPANTS, within="contributions", items=True),
        _R("holder_id", PARTICIPANTS, within="shares", items=True),
    ),
    Asset: (_R("owner_id", _UNITS), _R("held_in_id", _UNITS)),
    Ledger: (_R("owner_id", _UNITS),),
    Grid: (_R("parent_id", (Grid,)), _R("unit_id", _UNITS), _R("party_group_id", _ORGS)),
    Brand: (_R("territory_id", _UNITS), _R("owner_id", _ORGS)),
    Team: (
        _R("party_organisation_id", _ORGS),
        _R("leader_id", _PEOPLE),
        _R("core_member_ids", _PEOPLE, many=True),
        _R("volunteer_ids", _PEOPLE, many=True),
    ),
    Need: (_R("raised_by_id", (Unit, Grid, PartyOrganisation, Person)), _R("alliance_id", (Alliance,))),
    Resource: (_R("provider_id", PARTICIPANTS), _R("alliance_id", (Alliance,))),
    ListedProject: (
        _R("need_id", (Need,)),
        _R("provider_id", PARTICIPANTS),
        _R("resource_id", (Resource,)),
        _R("alliance_id", (Alliance,)),
    ),
    Meeting: (),  # nested references: see _meetings
    Figure: (_R("subject_id", tuple(k for k in KIND_NAMES if k is not Figure)),),
    GridSystem: (
        _R("unit_id", _UNITS),
        _R("top_grid_id", (Grid,)),
        _R("party_organisation_id", _ORGS),
    ),
}


def _references(entity: Entity) -> Iterator[tuple[str, str | None, tuple[type[Any], ...]]]:
    """Every reference an entity holds: (field path, id, the kinds it may name)."""
    for reference in _REFERENCES[type(entity)]:
        for field, id in reference.located(entity):
            yield field, id, reference.kinds


def _alliance_of(entity: Entity) -> str | None:
    if isinstance(entity, Alliance):
        return entity.id
    if isinstance(entity, Project | Need | Resource | ListedProject):
        return entity.alliance_id
    return None


#: Up to this many distinct ids in a field are looked up one by one; more are checked by set operations.
_FEW_IDS = 1_000


def _unresolved(ctx: Context, entities: tuple[Entity, ...]) -> list[tuple[_Reference, set[str]]]:
    """Each reference field of these entities (all of one kind) with the ids in it that would be reported.

    An id is reported when the registry does not find an entity of an allowed kind for it: the set of
    the ids a field holds, less the ids of each allowed kind, is exactly those (a few set operations
    in C instead of a lookup for each of a million references). A field with few distinct ids, such
    as one alliance's, has them looked up one by one instead: cheaper than the ids of a collection.
    """
    unresolved: list[tuple[_Reference, set[str]]] = []
    # ``within`` → its holders, so that the three committee fields gather the committees once
    holders: dict[str | None, Sequence[Any]] = {}
    for reference in _REFERENCES[type(entities[0])]:
        if reference.within not in holders:
            holders[reference.within] = reference.holders(entities)
        held = set(reference.ids(holders[reference.within]))
        held.discard(None)
        ids = cast("set[str]", held)  # None discarded
        if len(ids) <= _FEW_IDS:
            ids = {id for id in ids if not isinstance(ctx.registry.find(id), reference.kinds)}
        else:
            for kind in reference.kinds:
                ids = ids.difference(ctx.ids_of(kind))
        if ids:
            unresolved.append((reference, ids))
    return unresolved


def check_references(ctx: Context, scope: Scope, config: ValidationConfig) -> Iterator[RawFinding]:
    """DJ101 unresolved and DJ102 wrong-kind references, DJ6xx identifiers: one pass over the entities.

    Entities of one kind come in runs (a collection, or an alliance then its projects). Each run is
    screened at once (:func:`_unresolved`); only entities that hold an unresolved id, and units and
    people with an identifier, are then looked at one by one, in the order of the scope.
    """
    find = ctx.registry.find
    for kind, run in itertools.groupby(scope.entities, key=type):
        entities = tuple(run)
        unresolved = _unresolved(ctx, entities)
        if not unresolved and kind is not Unit and kind is not Person:
            continue
        for entity in entities:
            if unresolved and any(
                id in ids for reference, ids in unresolved for _, id in reference.located(entity)
            ):
                yield from reference_findings(
                    path_of(entity), _references(entity), find, _alliance_of(entity)
                )
            if isinstance(entity, Unit):
                if entity.credit_code is not None or entity.division_code is not None:
                    yield from unit_identifiers(entity, path_of(entity))
            elif isinstance(entity, Person) and entity.id_card is not None:
                yield from person_identifiers(entity, path_of(entity))


def _reference_findings(entity: Entity, find: Callable[[str], Entity | None]) -> Iterator[RawFinding]:
    """DJ101 and DJ102 for each reference of one entity that names nothing, or the wrong kind."""
    return reference_findings(path_of(entity), _references(entity), find, _alliance_of(entity))


def check_duplicate_ids(ctx: Context, scope: Scope, config: ValidationConfig) -> Iterator[RawFinding]:
    """DJ103: every id is used by one entity only (all kinds share one namespace)."""
    duplicated = ctx.registry.duplicate_ids()
    seen: dict[str, list[Entity]] = {}
    if duplicated:
        for entity in ctx.registry.entities():
            if entity.id in duplicated:
                seen.setdefault(entity.id, []).append(entity)
    for id, entities in seen.items():
        if len(entities) > 1:
            kinds_zh = "、".join(ZH_KIND[type(e)] for e in entities)
            kinds_en = ", ".join(KIND_NAMES[type(e)][1] for e in entities)
            yield RawFinding(
                "DJ103",
                path_of(entities[1]),
                f"编号 {id!r} 被 {len(entities)} 个实体使用（{kinds_zh}）",
                f"the id {id!r} is used by {len(entities)} entities ({kinds_en})",
                "每个编号在整个登记簿中只能用一次 / give each entity an id of its own across the registry",
            )


# ---------------------------------------------------------------- hierarchies (DJ104–107)

_HIERARCHIES = (
    ("DJ104", "units", "superior_id", "行政隶属", "administrative"),
    ("DJ105", "party_organisations", "superior_id", "党组织隶属", "party"),
    ("DJ106", "grids", "parent_id", "网格", "grid"),
)


def check_hierarchies(ctx: Context, scope: Scope, config: ValidationConfig) -> Iterator[RawFinding]:
    """DJ104–106: each hierarchy is a tree (each cycle reported once); DJ107: grid levels step by one."""
    grid_parents: dict[str, str | None] = {}
    for code, collection, field, name_zh, name_en in _HIERARCHIES:
        entities = getattr(ctx.registry, collection)
        # id → parent, made in C; an id used twice keeps its first entity's parent, as setdefault does
        parents: dict[str, str | None] = dict(
            zip(map(_id, entities), map(operator.attrgetter(field), entities), strict=True)
        )
        if len(parents) != len(entities):
            parents = {}
            for entity in entities:
                parents.setdefault(entity.id, getattr(entity, field))
        if collection == "grids":
            grid_parents = parents
        # Each node on a cycle is the parent of the node before it, so cycles lie among the nodes that
        # are someone's parent: a few thousand superiors, not every village. Only if those hold a cycle
        # is the whole map searched, so that cycles are reported in the usual order.
        superiors = parents.keys() & set(parents.values())
        if not find_cycles({id: parents[id] for id in superiors}):
            continue
        for cycle in find_cycles(parents):
            ring = " → ".join((*cycle, cycle[0]))
            yield RawFinding(
                code,
                f"{collection}[{cycle[0]}].{field}",
                f"{name_zh}关系成环：{ring}",
                f"the {name_en} hierarchy has a cycle: {ring}",
                "层级必须是树：断开环上的一个上级引用 / a hierarchy must be a tree: break one link of the cycle",
            )
    levels = {grid.id: grid.level for grid in ctx.registry.grids}
    for grid in ctx.registry.grids:
        parent_id = grid_parents.get(grid.id)
        expected = 1 if parent_id is None else (levels[parent_id] + 1 if parent_id in levels else None)
        if expected is not None and grid.level != expected:
            yield RawFinding(
                "DJ107",
                f"grids[{grid.id}].level",
                f"网格层级为 {grid.level}，应为 {expected}（上级网格层级加一）",
                f"the grid is on level {grid.level}; it should be on level {expected} (its parent's level + 1)",
                "顶级网格为第1级，每下一级加一 / the top grid is level 1, each level below adds one",
            )


# ---------------------------------------------------------------- administrative superiors (DJ108)

#: The kinds of unit a territory's administrative superior may be. 村民委员会组织法 art. 5: the
#: township (乡、民族乡、镇) government guides the village committee (a 街道 guides the villages in its
#: area); 城市居民委员会组织法 art. 2: a 不设区的市, a 市辖区 or its agency, the 街道办事处, guides the
#: residents' committee, and towns have communities too; 地方组织法 art. 85 (2022; art. 68 before):
#: 街道办事处 are agencies of a 市辖区 or a 不设区的市; 宪法 art. 30: counties divide into townships, cities
#: into districts and counties.
_ADMISSIBLE_SUPERIORS: dict[UnitKind, tuple[UnitKind, ...]] = {
    UnitKind.VILLAGE: (UnitKind.TOWNSHIP, UnitKind.SUBDISTRICT),
    UnitKind.COMMUNITY: (UnitKind.SUBDISTRICT, UnitKind.TOWNSHIP, UnitKind.DISTRICT, UnitKind.CITY),
    UnitKind.SUBDISTRICT: (UnitKind.DISTRICT, UnitKind.CITY),
    UnitKind.TOWNSHIP: (UnitKind.DISTRICT, UnitKind.CITY),
    UnitKind.DISTRICT: (UnitKind.CITY,),
    UnitKind.CITY: (UnitKind.CITY,),
}


def check_superior_kinds(ctx: Context, scope: Scope, config: ValidationConfig) -> Iterator[RawFinding]:
    """DJ108: a territory's administrative superior is a territory of an admissible kind (村 → 镇乡、街道,
    街道、镇乡 → 区县、市 …); never a firm, an organ or a company. A member of an alliance that declares
    管理层级不变 is told so: it keeps its own superior.
    """
    territories = [u for u in ctx.registry.units if u.kind in _ADMISSIBLE_SUPERIORS and u.superior_id]
    superior_kinds: dict[str | None, UnitKind] = {}
    for superior_id in {u.superior_id for u in territories}:  # a few thousand superiors, each looked up once
        superior = ctx.unit(superior_id)
        if superior is not None:  # a missing or wrong-kind superior is DJ101's or DJ102's
            superior_kinds[superior_id] = superior.kind
    for unit in territories:
        kind = superior_kinds.get(unit.superior_id)
        admissible = _ADMISSIBLE_SUPERIORS[unit.kind]
        if kind is None or kind in admissible:
            continue
        alliances = ctx.hierarchy_protecting.get(unit.id, ())
        names = "、".join(a.id for a in alliances)
        yield RawFinding(
            "DJ108",
            f"units[{unit.id}].superior_id",
            f"{unit.kind.label} {unit.id!r} 的行政上级 {unit.superior_id!r} 是{kind.label}，"
            f"{unit.kind.label}的上级应为{'或'.join(k.label for k in admissible)}"
            + (f"；它是联盟 {names} 的成员，违反管理层级不变（成员保持原行政上级）" if alliances else ""),
            f"the {unit.kind.value} {unit.id!r} has the {kind.value} {unit.superior_id!r} as its administrative "
            f"superior; a {unit.kind.value}'s superior is a {' or a '.join(k.value for k in admissible)}"
            + (
                f"; it is a member of {names}: 管理层级不变 (management hierarchy unchanged) is broken, a "
                "member keeps its own superior"
                if alliances
                else ""
            ),
            f"把 superior_id 设为其所在的{'或'.join(k.label for k in admissible)} / set superior_id to the "
            f"{' or '.join(k.value for k in admissible)} it lies in",
            alliances[0].id if alliances else None,
        )

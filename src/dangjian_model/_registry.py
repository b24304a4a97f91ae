"""The :class:`Registry` aggregate: every entity of a platform, with O(1) lookups by id.

All entities share one id namespace. The registry keeps every entity it is given — a
duplicate id is kept and reported by validation, never silently dropped.
"""

from __future__ import annotations

import datetime
import itertools
import operator
from collections.abc import Callable, Iterable, Iterator
from typing import Any, TypeAlias, TypeVar

import attrs

from dangjian_model._errors import HierarchyCycleError, InvalidValue, UnknownId
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
from dangjian_model._repr import FieldsRepr

__all__ = ["ENTITY_KINDS", "ZH_KIND", "Entity", "Registry"]

Entity: TypeAlias = (
    Unit
    | PartyOrganisation
    | Person
    | Alliance
    | Project
    | Asset
    | Ledger
    | Grid
    | Brand
    | Team
    | Need
    | Resource
    | ListedProject
    | Meeting
    | Figure
    | GridSystem
)
T = TypeVar("T")
E = TypeVar("E", bound=Entity)

#: The registry's collections: field name, entity class, its name in English and in Chinese messages.
_KINDS: tuple[tuple[str, type[Any], str, str], ...] = (
    ("units", Unit, "unit", "单位"),
    ("party_organisations", PartyOrganisation, "party organisation", "党组织"),
    ("people", Person, "person", "人员"),
    ("alliances", Alliance, "alliance", "联盟"),
    ("projects", Project, "project", "项目"),
    ("assets", Asset, "asset", "资产"),
    ("ledgers", Ledger, "ledger", "账套"),
    ("grids", Grid, "grid", "网格"),
    ("brands", Brand, "brand", "品牌"),
    ("teams", Team, "team", "队伍"),
    ("needs", Need, "need", "需求"),
    ("resources", Resource, "resource", "资源"),
    ("listed_projects", ListedProject, "listed project", "清单项目"),
    ("meetings", Meeting, "meeting", "会议"),
    ("figures", Figure, "figure", "数据"),
    ("grid_systems", GridSystem, "grid system", "网格体系"),
)
#: The registry's collections: field name → (entity class, its name in messages).
ENTITY_KINDS: dict[str, tuple[type[Any], str]] = {name: (cls, en) for name, cls, en, _ in _KINDS}
#: Each entity class's name in Chinese messages (单位, 党组织 …).
ZH_KIND: dict[type[Any], str] = {cls: zh for _, cls, _, zh in _KINDS}
_COLLECTION_OF = {cls: name for name, (cls, _) in ENTITY_KINDS.items()}


def _sorted(collection: str, items: Iterable[Any]) -> Any:
    """The entities of one collection as a tuple sorted by id; anything else is refused with its place."""
    kind = ENTITY_KINDS[collection][0]
    if isinstance(items, str | bytes):
        return items  # refused by the validator: a string is not a list
    try:
        result = tuple(items)
    except TypeError:  # not iterable (None, a number): refused by the validator
        return items
    if not set(map(type, result)) <= {kind}:  # in C; the loop only to name the first stranger
        for index, item in enumerate(result):
            if not isinstance(item, kind):
                shown = f"<{type(item).__name__}>" if collection == "people" else item  # may be personal data
                raise InvalidValue(f"Registry.{collection}[{index}]", shown, f"a {kind.__name__}")
    return tuple(sorted(result, key=_key))


_key = operator.attrgetter("id")
_held = operator.attrgetter("held_on", "id")


def _check_tuple(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, tuple):
        raise InvalidValue(f"Registry.{attribute.name}", value, "a list of entities")


# Named converters: the attrs mypy plugin needs a named function per field type.


def _units(items: Iterable[Unit]) -> tuple[Unit, ...]:
    return _sorted("units", items)  # type: ignore[no-any-return]


def _party_organisations(items: Iterable[PartyOrganisation]) -> tuple[PartyOrganisation, ...]:
    return _sorted("party_organisations", items)  # type: ignore[no-any-return]


def _people(items: Iterable[Person]) -> tuple[Person, ...]:
    return _sorted("people", items)  # type: ignore[no-any-return]


def _alliances(items: Iterable[Alliance]) -> tuple[Alliance, ...]:
    return _sorted("alliances", items)  # type: ignore[no-any-return]


def _projects(items: Iterable[Project]) -> tuple[Project, ...]:
    return _sorted("projects", items)  # type: ignore[no-any-return]


def _assets(items: Iterable[Asset]) -> tuple[Asset, ...]:
    return _sorted("assets", items)  # type: ignore[no-any-return]


def _ledgers(items: Iterable[Ledger]) -> tuple[Ledger, ...]:
    return _sorted("ledgers", items)  # type: ignore[no-any-return]


def _grids(items: Iterable[Grid]) -> tuple[Grid, ...]:
    return _sorted("grids", items)  # type: ignore[no-any-return]


def _brands(items: Iterable[Brand]) -> tuple[Brand, ...]:
    return _sorted("brands", items)  # type: ignore[no-any-return]


def _teams(items: Iterable[Team]) -> tuple[Team, ...]:
    return _sorted("teams", items)  # type: ignore[no-any-return]


def _needs(items: Iterable[Need]) -> tuple[Need, ...]:
    return _sorted("needs", items)  # type: ignore[no-any-return]


def _resources(items: Iterable[Resource]) -> tuple[Resource, ...]:
    return _sorted("resources", items)  # type: ignore[no-any-return]


def _listed_projects(items: Iterable[ListedProject]) -> tuple[ListedProject, ...]:
    return _sorted("listed_projects", items)  # type: ignore[no-any-return]


def _meetings(items: Iterable[Meeting]) -> tuple[Meeting, ...]:
    return _sorted("meetings", items)  # type: ignore[no-any-return]


def _figures(items: Iterable[Figure]) -> tuple[Figure, ...]:
    return _sorted("figures", items)  # type: ignore[no-any-return]


def _grid_systems(items: Iterable[GridSystem]) -> tuple[GridSystem, ...]:
    return _sorted("grid_systems", items)  # type: ignore[no-any-return]


@attrs.frozen(kw_only=True, repr=False)
class Registry(FieldsRepr):
    """Every unit, party organisation, person, alliance and structure of a platform.

    Collections are kept sorted by id, so two registries with the same entities are equal
    whatever order they were listed in.

    >>> from dangjian_model import Registry, Unit
    >>> registry = Registry(units=[
    ...     Unit(id="kuangyan", name="匡堰镇", kind="镇乡"),
    ...     Unit(id="changlong", name="倡隆村", kind="行政村", superior_id="kuangyan"),
    ... ])
    >>> registry.unit("changlong").name
    '倡隆村'
    >>> registry.administrative_ancestors("changlong")[0].name
    '匡堰镇'
    """

    units: tuple[Unit, ...] = attrs.field(default=(), converter=_units, validator=_check_tuple)
    party_organisations: tuple[PartyOrganisation, ...] = attrs.field(
        default=(), converter=_party_organisations, validator=_check_tuple
    )
    people: tuple[Person, ...] = attrs.field(default=(), converter=_people, validator=_check_tuple)
    alliances: tuple[Alliance, ...] = attrs.field(default=(), converter=_alliances, validator=_check_tuple)
    projects: tuple[Project, ...] = attrs.field(default=(), converter=_projects, validator=_check_tuple)
    assets: tuple[Asset, ...] = attrs.field(default=(), converter=_assets, validator=_check_tuple)
    ledgers: tuple[Ledger, ...] = attrs.field(default=(), converter=_ledgers, validator=_check_tuple)
    grids: tuple[Grid, ...] = attrs.field(default=(), converter=_grids, validator=_check_tuple)
    brands: tuple[Brand, ...] = attrs.field(default=(), converter=_brands, validator=_check_tuple)
    teams: tuple[Team, ...] = attrs.field(default=(), converter=_teams, validator=_check_tuple)
    needs: tuple[Need, ...] = attrs.field(default=(), converter=_needs, validator=_check_tuple)
    resources: tuple[Resource, ...] = attrs.field(default=(), converter=_resources, validator=_check_tuple)
    listed_projects: tuple[ListedProject, ...] = attrs.field(
        default=(), converter=_listed_projects, validator=_check_tuple
    )
    meetings: tuple[Meeting, ...] = attrs.field(default=(), converter=_meetings, validator=_check_tuple)
    figures: tuple[Figure, ...] = attrs.field(default=(), converter=_figures, validator=_check_tuple)
    grid_systems: tuple[GridSystem, ...] = attrs.field(
        default=(), converter=_grid_systems, validator=_check_tuple
    )

    _index: dict[str, Entity] = attrs.field(init=False, eq=False, repr=False, hash=False)
    _cache: dict[str, Any] = attrs.field(init=False, eq=False, repr=False, hash=False)

    def __attrs_post_init__(self) -> None:
        entities = list(self.entities())
        index: dict[str, Entity] = {entity.id: entity for entity in entities}  # faster than dict(zip())
        if len(index) != len(entities):  # a duplicate id: the first entity keeps it
            index = {}
            for entity in entities:
                index.setdefault(entity.id, entity)
        object.__setattr__(self, "_index", index)
        object.__setattr__(self, "_cache", {})

    # ------------------------------------------------------------------ lookups

    def entities(self) -> Iterator[Entity]:
        """Every entity, collection by collection, each collection in id order."""
        return itertools.chain.from_iterable(getattr(self, name) for name in ENTITY_KINDS)

    def __len__(self) -> int:
        return sum(len(getattr(self, name)) for name in ENTITY_KINDS)

    def __contains__(self, id: object) -> bool:
        return id in self._index

    def find(self, id: str) -> Entity | None:
        """The entity with this id, of any kind, or None."""
        return self._index.get(id)

    def get(self, id: str) -> Entity:
        """The entity with this id, of any kind.

        Raises:
            UnknownId: nothing has this id; the message suggests the closest id.
        """
        entity = self._index.get(id)
        if entity is None:
            raise UnknownId("entity", id, self._hint(id))
        return entity

    def _get(self, id: str, kind: type[E]) -> E:
        entity = self._index.get(id)
        if not isinstance(entity, kind):
            name = ENTITY_KINDS[_COLLECTION_OF[kind]][1]
            if entity is not None:
                raise UnknownId(name, id, f"{id!r} is a {type(entity).__name__}")
            raise UnknownId(name, id, self._hint(id, kind))
        return entity

    def _hint(self, id: str, kind: type[Any] | None = None) -> str:
        candidates = [key for key, value in self._index.items() if kind is None or isinstance(value, kind)]
        if len(candidates) > 10_000:  # keep a failed lookup cheap in big registries
            return ""
        import difflib  # only for a message: not paid for by every import

        close = difflib.get_close_matches(id, candidates, n=1)
        return f"did you mean {close[0]!r}?" if close else ""

    def unit(self, id: str) -> Unit:
        """The unit with this id (raises :class:`UnknownId`)."""
        return self._get(id, Unit)

    def party_organisation(self, id: str) -> PartyOrganisation:
        """The party organisation with this id (raises :class:`UnknownId`)."""
        return self._get(id, PartyOrganisation)

    def person(self, id: str) -> Person:
        """The person with this id (raises :class:`UnknownId`)."""
        return self._get(id, Person)

    def alliance(self, id: str) -> Alliance:
        """The alliance with this id (raises :class:`UnknownId`)."""
        return self._get(id, Alliance)

    def project(self, id: str) -> Project:
        """The project with this id (raises :class:`UnknownId`)."""
        return self._get(id, Project)

    def asset(self, id: str) -> Asset:
        """The asset with this id (raises :class:`UnknownId`)."""
        return self._get(id, Asset)

    def ledger(self, id: str) -> Ledger:
        """The ledger with this id (raises :class:`UnknownId`)."""
        return self._get(id, Ledger)

    def grid(self, id: str) -> Grid:
        """The grid with this id (raises :class:`UnknownId`)."""
        return self._get(id, Grid)

    def meeting(self, id: str) -> Meeting:
        """The meeting with this id (raises :class:`UnknownId`)."""
        return self._get(id, Meeting)

    def meetings_of(self, holder_id: str) -> tuple[Meeting, ...]:
        """The meetings an alliance, party organisation or team held, in date order (then id)."""
        index = self._cached("meetings_of", self._build_meetings_of)
        return index.get(holder_id, ())

    def _build_meetings_of(self) -> dict[str, tuple[Meeting, ...]]:
        index: dict[str, list[Meeting]] = {}
        for meeting in sorted(self.meetings, key=_held):
            index.setdefault(meeting.held_by_id, []).append(meeting)
        return {key: tuple(value) for key, value in index.items()}

    def figure(self, id: str) -> Figure:
        """The reported figure with this id (raises :class:`UnknownId`)."""
        return self._get(id, Figure)

    def figures_about(self, subject_id: str | None) -> tuple[Figure, ...]:
        """The figures reported about an entity (None: about the registry as a whole), in id order."""
        index = self._cached("figures_about", self._build_figures_about)
        return index.get(subject_id, ())

    def _build_figures_about(self) -> dict[str | None, tuple[Figure, ...]]:
        index: dict[str | None, list[Figure]] = {}
        for figure in self.figures:
            index.setdefault(figure.subject_id, []).append(figure)
        return {key: tuple(value) for key, value in index.items()}

    def grid_system(self, id: str) -> GridSystem:
        """The grid system (template) with this id (raises :class:`UnknownId`)."""
        return self._get(id, GridSystem)

    def duplicate_ids(self) -> dict[str, int]:
        """Ids used by more than one entity, with how many use each (validation reports them)."""
        if len(self._index) == len(self):  # the index holds one entity per id: no id is used twice
            return {}
        counts: dict[str, int] = {}
        for entity in self.entities():
            counts[entity.id] = counts.get(entity.id, 0) + 1
        return {id: n for id, n in sorted(counts.items()) if n > 1}

    # ------------------------------------------------------------------ alliances

    def members_of(self, alliance_id: str, on: datetime.date | None = None) -> tuple[Entity, ...]:
        """The participants of an alliance (current ones, or those who were members ``on`` a day).

        Raises:
            UnknownId: the alliance, or one of its participants, is not in the registry.
        """
        alliance = self.alliance(alliance_id)
        ids = alliance.member_ids if on is None else alliance.members_on(on)
        return tuple(self.get(id) for id in ids)

    def alliances_of(self, participant_id: str, on: datetime.date | None = None) -> tuple[Alliance, ...]:
        """The alliances in which ``participant_id`` is a member (now, or ``on`` a day), in id order."""
        index = self._cached("alliances_of", self._build_alliances_of)
        found = index.get(participant_id, ())
        return tuple(
            a
            for a in found
            if any(m.participant_id == participant_id and m.is_active(on) for m in a.memberships)
        )

    def _build_alliances_of(self) -> dict[str, tuple[Alliance, ...]]:
        index: dict[str, list[Alliance]] = {}
        for alliance in self.alliances:
            for participant in dict.fromkeys(m.participant_id for m in alliance.memberships):
                index.setdefault(participant, []).append(alliance)
        return {key: tuple(value) for key, value in index.items()}

    def projects_of(self, alliance_id: str) -> tuple[Project, ...]:
        """The projects of an alliance, in id order."""
        return tuple(p for p in self.projects if p.alliance_id == alliance_id)

    # ------------------------------------------------------------------ hierarchies

    def administrative_ancestors(self, unit_id: str) -> tuple[Unit, ...]:
        """The unit's administrative superiors, nearest first (村 → 镇 → 区 …).

        Raises:
            UnknownId: the unit or a superior is missing.
            HierarchyCycleError: the chain of superiors loops.
        """
        return self._ancestors(self.unit(unit_id), Unit, "administrative", lambda u: u.superior_id)

    def party_ancestors(self, organisation_id: str) -> tuple[PartyOrganisation, ...]:
        """The organisation's line of affiliation upwards, nearest first (支部 → 党委 → 区委 …)."""
        return self._ancestors(
            self.party_organisation(organisation_id), PartyOrganisation, "party", lambda o: o.superior_id
        )

    def grid_ancestors(self, grid_id: str) -> tuple[Grid, ...]:
        """The grid's enclosing grids, nearest first."""
        return self._ancestors(self.grid(grid_id), Grid, "grid", lambda g: g.parent_id)

    def _ancestors(
        self, start: E, kind: type[E], hierarchy: str, parent: Callable[[E], str | None]
    ) -> tuple[E, ...]:
        chain: list[E] = []
        seen = {start.id: 0}
        current = start
        while (parent_id := parent(current)) is not None:
            if parent_id in seen:
                ids = [start.id, *(e.id for e in chain)]
                raise HierarchyCycleError(hierarchy, tuple(ids[seen[parent_id] :]))
            current = self._get(parent_id, kind)
            seen[parent_id] = len(chain) + 1
            chain.append(current)
        return tuple(chain)

    def subordinates(self, id: str) -> tuple[Entity, ...]:
        """The direct subordinates of a unit (administrative), party organisation or grid."""
        index = self._cached("subordinates", self._build_subordinates)
        return index.get(id, ())

    def _build_subordinates(self) -> dict[str, tuple[Entity, ...]]:
        index: dict[str, list[Entity]] = {}
        for unit in self.units:
            if unit.superior_id is not None:
                index.setdefault(unit.superior_id, []).append(unit)
        for organisation in self.party_organisations:
            if organisation.superior_id is not None:
                index.setdefault(organisation.superior_id, []).append(organisation)
        for grid in self.grids:
            if grid.parent_id is not None:
                index.setdefault(grid.parent_id, []).append(grid)
        return {key: tuple(value) for key, value in index.items()}

    # ------------------------------------------------------------------ assets and books

    def assets_of(self, owner_id: str) -> tuple[Asset, ...]:
        """The assets a unit owns, in id order."""
        return tuple(a for a in self.assets if a.owner_id == owner_id)

    def ledgers_of(self, owner_id: str) -> tuple[Ledger, ...]:
        """The ledgers (账套) a unit keeps, in id order."""
        return tuple(ledger for ledger in self.ledgers if ledger.owner_id == owner_id)

    # ------------------------------------------------------------------ changes

    def with_entities(self, *entities: Entity) -> Registry:
        """A new registry with these entities added, each replacing any entity of the same id and kind."""
        changes: dict[str, dict[str, Entity]] = {}
        for entity in entities:
            collection = _COLLECTION_OF.get(type(entity))
            if collection is None:
                raise InvalidValue(
                    "Registry.with_entities", entity, "a Unit, PartyOrganisation, Alliance … entity"
                )
            changes.setdefault(collection, {})[entity.id] = entity
        updates: dict[str, tuple[Entity, ...]] = {}
        for collection, replacing in changes.items():
            kept = [e for e in getattr(self, collection) if e.id not in replacing]
            updates[collection] = (*kept, *replacing.values())
        return attrs.evolve(self, **updates)  # type: ignore[arg-type]

    def without(self, *ids: str) -> Registry:
        """A new registry without the entities that have these ids."""
        drop = set(ids)
        kept = {name: tuple(e for e in getattr(self, name) if e.id not in drop) for name in ENTITY_KINDS}
        return attrs.evolve(self, **kept)

    def _cached(self, key: str, build: Callable[[], T]) -> T:
        value = self._cache.get(key)
        if value is None:
            value = build()
            self._cache[key] = value
        return value

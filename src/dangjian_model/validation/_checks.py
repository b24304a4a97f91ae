"""The checks. Each walks one collection once and reports every rule that collection feeds.

A check yields :class:`RawFinding` values; the engine gives them severity and source from the catalogue
and applies the configuration. Nothing here raises for a domain problem, and nothing recurses.
"""

from __future__ import annotations

import datetime
import functools
import itertools
import math
import operator
from collections.abc import Callable, Iterable, Iterator, Sequence
from fractions import Fraction
from typing import Any, cast

import attrs

from dangjian_model._enums import (
    AllianceType,
    AssetNature,
    ContributionKind,
    MembershipRole,
    PartyOrgForm,
    PersonRole,
    Principle,
    QuantityUnit,
    TeamKind,
    UnitKind,
)
from dangjian_model._errors import DangjianError
from dangjian_model._model import (
    Alliance,
    Asset,
    Brand,
    Grid,
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
from dangjian_model._money import Money
from dangjian_model._registry import ENTITY_KINDS, Entity
from dangjian_model.allocation import allocate_project, project_members
from dangjian_model.identifiers import InvalidIdentifier, division_code, id_card, uscc
from dangjian_model.validation import _checks_meetings as meetings
from dangjian_model.validation._config import GridPartyGroups, ValidationConfig
from dangjian_model.validation._context import Context, RawFinding, find_cycles, find_roots, path_of

__all__ = ["CHECKS", "Check", "Scope"]

_PARTICIPANTS: tuple[type[Any], ...] = (Unit, PartyOrganisation, Person)
_KIND_NAMES = {cls: (name, label) for name, (cls, label) in ENTITY_KINDS.items()}
_ZH_KIND = {
    Unit: "单位",
    PartyOrganisation: "党组织",
    Person: "人员",
    Alliance: "联盟",
    Project: "项目",
    Asset: "资产",
    Ledger: "账套",
    Grid: "网格",
    Brand: "品牌",
    Team: "队伍",
    Need: "需求",
    Resource: "资源",
    ListedProject: "清单项目",
    Meeting: "会议",
}


@attrs.frozen
class Scope:
    """What a pass looks at: the whole registry, or one alliance and its projects."""

    alliances: tuple[Alliance, ...]
    projects: tuple[Project, ...]
    entities: tuple[Entity, ...]
    whole_registry: bool


@attrs.frozen
class Check:
    """A check and the codes it can report (the engine skips it when none of them is enabled)."""

    codes: frozenset[str]
    run: Callable[[Context, Scope, ValidationConfig], Iterator[RawFinding]]
    whole_registry_only: bool = False


def _kinds_zh(kinds: tuple[type[Any], ...]) -> str:
    return "或".join(_ZH_KIND[k] for k in kinds)


def _kinds_en(kinds: tuple[type[Any], ...]) -> str:
    return " or ".join(_KIND_NAMES[k][1] for k in kinds)


# ---------------------------------------------------------------- references, ids, identifiers (DJ101–103, DJ6xx)


@attrs.frozen
class _Reference:
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
    Person: (_R("party_organisation_id", _ORGS), _R("unit_id", _UNITS)),
    Alliance: (
        _R("lead_id", (Unit, PartyOrganisation)),
        _R("participant_id", _PARTICIPANTS, within="memberships", items=True),
        _R("joint_committee_id", _ORGS),
        _R("key_project_id", (Project,)),
        _R("anchor_id", _UNITS),
        _R("covered_unit_ids", _UNITS, within="joint_plan", many=True),
    ),
    Project: (
        _R("alliance_id", (Alliance,)),
        _R("site_unit_id", _UNITS),
        _R("company_id", _UNITS),
        _R("contributor_id", _PARTICIPANTS, within="contributions", items=True),
        _R("holder_id", _PARTICIPANTS, within="shares", items=True),
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
    Resource: (_R("provider_id", _PARTICIPANTS), _R("alliance_id", (Alliance,))),
    ListedProject: (
        _R("need_id", (Need,)),
        _R("provider_id", _PARTICIPANTS),
        _R("resource_id", (Resource,)),
        _R("alliance_id", (Alliance,)),
    ),
    Meeting: (),  # nested references: see _checks_meetings
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
                yield from _reference_findings(entity, find)
            if isinstance(entity, Unit):
                if entity.credit_code is not None or entity.division_code is not None:
                    yield from _unit_identifiers(entity, path_of(entity))
            elif isinstance(entity, Person) and entity.id_card is not None:
                path = path_of(entity)
                try:
                    id_card.validate(entity.id_card)
                except InvalidIdentifier as error:
                    yield RawFinding(
                        "DJ603",
                        f"{path}.id_card",
                        f"居民身份证号码 {id_card.mask(entity.id_card)} 无效：{error.expected}",
                        f"the ID-card number {id_card.mask(entity.id_card)} is not valid: expected {error.expected}",
                        "应为18位：17位数字加校验码0–9或X（GB 11643-1999） / "
                        "18 characters: 17 digits and a check character 0–9 or X (GB 11643-1999)",
                    )


def _reference_findings(entity: Entity, find: Callable[[str], Entity | None]) -> Iterator[RawFinding]:
    """DJ101 and DJ102 for each reference of one entity that names nothing, or the wrong kind."""
    path = path_of(entity)
    alliance_id = _alliance_of(entity)
    for field, target_id, kinds in _references(entity):
        if target_id is None:
            continue
        target = find(target_id)
        if target is None:
            yield RawFinding(
                "DJ101",
                f"{path}.{field}",
                f"引用的编号 {target_id!r} 在登记簿中不存在",
                f"{target_id!r} names nothing in the registry",
                f"应填写已登记的{_kinds_zh(kinds)}编号 / use the id of a registered {_kinds_en(kinds)}",
                alliance_id,
            )
        elif not isinstance(target, kinds):
            found = type(target)
            yield RawFinding(
                "DJ102",
                f"{path}.{field}",
                f"{target_id!r} 是{_ZH_KIND[found]}，此处应为{_kinds_zh(kinds)}",
                f"{target_id!r} is a {_KIND_NAMES[found][1]}, but a {_kinds_en(kinds)} is expected here",
                f"应引用{_kinds_zh(kinds)} / refer to a {_kinds_en(kinds)}",
                alliance_id,
            )


_DIVISION_LENGTHS = {
    UnitKind.CITY: (6,),
    UnitKind.DISTRICT: (6,),
    UnitKind.TOWNSHIP: (9,),
    UnitKind.SUBDISTRICT: (9,),
    UnitKind.VILLAGE: (12,),
    UnitKind.COMMUNITY: (12,),
}


def _unit_identifiers(unit: Unit, path: str) -> Iterator[RawFinding]:
    if unit.credit_code is not None:
        try:
            uscc.validate(unit.credit_code)
        except InvalidIdentifier as error:
            yield RawFinding(
                "DJ601",
                f"{path}.credit_code",
                f"统一社会信用代码 {unit.credit_code!r} 无效：{error.expected}",
                f"the Unified Social Credit Code {unit.credit_code!r} is not valid: expected {error.expected}",
                f"应为18位，字符取自 {uscc.ALPHABET}，第18位为 MOD 31-3 校验码（第1–2位可为字母） / "
                f"18 characters from {uscc.ALPHABET} with a MOD 31-3 check character "
                "(positions 1–2 may be letters)",
            )
    if unit.division_code is not None:
        try:
            code = division_code.validate(unit.division_code)
        except InvalidIdentifier as error:
            yield RawFinding(
                "DJ602",
                f"{path}.division_code",
                f"行政区划代码 {unit.division_code!r} 格式不对：{error.expected}",
                f"the division code {unit.division_code!r} has the wrong shape: expected {error.expected}",
                "应为6、9或12位数字，前两位为省级代码 / 6, 9 or 12 digits starting with a province prefix",
            )
            return
        lengths = _DIVISION_LENGTHS.get(unit.kind)
        if lengths is not None and len(code) not in lengths:
            yield RawFinding(
                "DJ604",
                f"{path}.division_code",
                f"{unit.kind.label}的行政区划代码应为{lengths[0]}位，而 {code!r} 为{len(code)}位",
                f"a {unit.kind.value}'s division code has {lengths[0]} digits; {code!r} has {len(code)}",
                "区县6位、乡镇街道9位、村社区12位 / counties 6 digits, townships 9, villages 12",
            )


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
            kinds_zh = "、".join(_ZH_KIND[type(e)] for e in entities)
            kinds_en = ", ".join(_KIND_NAMES[type(e)][1] for e in entities)
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


# ---------------------------------------------------------------- party-organisation forms (DJ2xx)

_RANK = {
    PartyOrgForm.LOCAL_COMMITTEE: 0,
    PartyOrgForm.COMMITTEE: 1,
    PartyOrgForm.WORKING_COMMITTEE: 1,
    PartyOrgForm.TEMPORARY_COMMITTEE: 1,
    PartyOrgForm.JOINT_COMMITTEE: 1,
    PartyOrgForm.GENERAL_BRANCH: 2,
    PartyOrgForm.TEMPORARY_GENERAL_BRANCH: 2,
    PartyOrgForm.BRANCH: 3,
    PartyOrgForm.JOINT_BRANCH: 3,
    PartyOrgForm.TEMPORARY_BRANCH: 3,
    PartyOrgForm.TEMPORARY_JOINT_BRANCH: 3,
    PartyOrgForm.PARTY_GROUP: 4,
}
_FIVE_YEAR_FORMS = frozenset(
    {
        PartyOrgForm.LOCAL_COMMITTEE,
        PartyOrgForm.COMMITTEE,
        PartyOrgForm.WORKING_COMMITTEE,
        PartyOrgForm.TEMPORARY_COMMITTEE,
        PartyOrgForm.JOINT_COMMITTEE,
    }
)


def _may_lead(superior: PartyOrgForm, form: PartyOrgForm) -> bool:
    if form is PartyOrgForm.PARTY_GROUP:
        return superior.is_branch
    high, low = _RANK.get(superior, 1), _RANK.get(form, 1)
    return high < low or (low <= 1 and high <= low)


def check_party_organisations(ctx: Context, scope: Scope, config: ValidationConfig) -> Iterator[RawFinding]:
    """DJ201–213: member counts against forms, committees, joint branches, terms, superiors, dates."""
    for org in ctx.registry.party_organisations:
        yield from _organisation(ctx, org, config)


def _organisation(ctx: Context, org: PartyOrganisation, config: ValidationConfig) -> Iterator[RawFinding]:
    # the path is written only for a finding (most organisations have none)
    form, full, total = org.form, org.full_members, org.total_members
    committee = org.committee
    branch = form.is_branch
    if branch:
        if full < 3:
            yield RawFinding(
                "DJ201",
                f"party_organisations[{org.id}].full_members",
                f"{form.label}只有 {full} 名正式党员，成立党支部需要3名以上",
                f"a {form.value} needs 3 or more full members; it has {full}",
                "正式党员不足3人的单位应与邻近单位成立联合党支部 / "
                "units with fewer than 3 full members join a joint branch",
            )
        if full >= 7 and committee is None:
            yield RawFinding(
                "DJ202",
                f"party_organisations[{org.id}].committee",
                f"有 {full} 名正式党员（7名以上），应设立支部委员会，但未登记",
                f"with {full} full members (7 or more) a branch sets up a committee; none is recorded",
                "登记3–5人（一般不超过7人）的支部委员会 / record a committee of 3–5 (at most 7) members",
            )
        if full < 7 and committee is not None and committee.size > 2:
            yield RawFinding(
                "DJ204",
                f"party_organisations[{org.id}].committee.size",
                f"正式党员不足7人，只设书记（必要时设副书记），不设 {committee.size} 人的委员会",
                f"with fewer than 7 full members a branch has a secretary (and a deputy if needed), "
                f"not a committee of {committee.size}",
                "委员会人数改为1–2人（书记、副书记） / make it 1–2 people: secretary and deputy",
            )
        if 50 < total < 100:
            yield RawFinding(
                "DJ205",
                f"party_organisations[{org.id}].full_members",
                f"支部有 {total} 名党员，超过一般上限50人，可考虑成立党总支",
                f"the branch has {total} members, above the usual 50: consider a general branch",
                "党员超过50人的可以成立党总支 / over 50 members may form a general branch",
            )
    if committee is not None:
        too_big = committee.size > max(total, 1)
        if (full >= 7 and branch and not 3 <= committee.size <= 7) or too_big:
            yield RawFinding(
                "DJ203",
                f"party_organisations[{org.id}].committee.size",
                f"委员会 {committee.size} 人：应为3–7人且不多于党员数 {total}",
                f"a committee of {committee.size}: it should have 3–7 members and no more than the {total} members",
                "支部委员会一般3–5人，最多7人 / a branch committee has 3–5 members, at most 7",
            )
        yield from _terms(ctx, org, f"party_organisations[{org.id}]", config)
    if (branch or form is PartyOrgForm.GENERAL_BRANCH) and total >= 100:
        yield RawFinding(
            "DJ206",
            f"party_organisations[{org.id}].form",
            f"有 {total} 名党员（100名以上），经批准可以成立基层党委",
            f"with {total} members (100 or more) it may, with approval, form a basic committee",
            "这是“可以”而非“应当”：如上级已批准保留现形式，可忽略 / "
            "a 'may', not a 'shall': ignore it if the superior approved the present form",
        )
    if form in (PartyOrgForm.JOINT_BRANCH, PartyOrgForm.TEMPORARY_JOINT_BRANCH):
        n = len(org.host_unit_ids)
        if not 2 <= n <= 5:
            yield RawFinding(
                "DJ207",
                f"party_organisations[{org.id}].host_unit_ids",
                f"联合党支部覆盖 {n} 个单位，应为2个以上、一般不超过5个",
                f"a joint branch covers {n} units; it should cover 2 or more, generally at most 5",
                "超过5个单位时分设联合党支部 / split it when it covers more than 5 units",
            )
        for i, unit_id in enumerate(org.host_unit_ids):
            if ctx.has_own_organisation(unit_id, org):
                yield RawFinding(
                    "DJ208",
                    f"party_organisations[{org.id}].host_unit_ids[{i}]",
                    f"单位 {unit_id!r} 有3名以上正式党员，应单独成立党组织，不应纳入联合党支部",
                    f"the unit {unit_id!r} has 3 or more full members and sets up its own organisation; "
                    "a joint branch covers only units with fewer than 3",
                    "把该单位移出联合党支部 / take the unit out of the joint branch",
                )
    superior = ctx.organisation(org.superior_id)
    if superior is not None and not _may_lead(superior.form, form):
        yield RawFinding(
            "DJ212",
            f"party_organisations[{org.id}].superior_id",
            f"{superior.form.label} {superior.id!r} 不能作为{form.label}的上级",
            f"a {superior.form.value} ({superior.id!r}) cannot be the superior of a {form.value}",
            "党小组隶属党支部；党支部隶属党总支或党委；党总支隶属党委 / "
            "groups sit in branches, branches under general branches or committees, general branches "
            "under committees",
        )
    if org.founded_on and org.dissolved_on and org.dissolved_on < org.founded_on:
        yield RawFinding(
            "DJ213",
            f"party_organisations[{org.id}].dissolved_on",
            f"撤销日期 {org.dissolved_on} 早于成立日期 {org.founded_on}",
            f"dissolved on {org.dissolved_on}, before it was founded on {org.founded_on}",
            "撤销日期应不早于成立日期 / the dissolution date comes on or after the founding date",
        )


def _terms(ctx: Context, org: PartyOrganisation, path: str, config: ValidationConfig) -> Iterator[RawFinding]:
    committee = org.committee
    if committee is None or committee.term_years is None:
        return
    years = committee.term_years
    village = any(
        (unit := ctx.unit(id)) is not None and unit.kind in (UnitKind.VILLAGE, UnitKind.COMMUNITY)
        for id in org.host_unit_ids
    )
    usual = 5 if org.form in _FIVE_YEAR_FORMS or village else 3
    if not 3 <= years <= 5:
        yield RawFinding(
            "DJ209",
            f"{path}.committee.term_years",
            f"任期 {years} 年，党的委员会每届任期3–5年",
            f"a term of {years} years; party committees serve 3–5 years",
            f"此组织通常任期 {usual} 年 / this organisation usually serves {usual} years",
        )
    elif years != usual:
        yield RawFinding(
            "DJ210",
            f"{path}.committee.term_years",
            f"任期 {years} 年，此类组织通常每届 {usual} 年",
            f"a term of {years} years; this kind of organisation usually serves {usual}",
            "村、社区党组织和基层党委5年，其他支部和总支3年 / villages, communities and basic "
            "committees 5 years, other branches and general branches 3",
        )
    ends = committee.term_ends_on
    if config.as_of is not None and ends is not None:
        limit = ends.replace(year=ends.year + 1) if not (ends.month == 2 and ends.day == 29) else ends
        if config.as_of > limit:
            yield RawFinding(
                "DJ211",
                f"{path}.committee.elected_on",
                f"本届任期于 {ends} 届满，延期换届超过1年（截至 {config.as_of}）",
                f"the term ended on {ends}; the election is more than 1 year overdue on {config.as_of}",
                "按期换届，延期不超过1年 / hold the election; it may be postponed by at most 1 year",
            )


# ---------------------------------------------------------------- alliances (DJ3xx, DJ40x, DJ41x, DJ42x)


def check_alliances(ctx: Context, scope: Scope, config: ValidationConfig) -> Iterator[RawFinding]:
    """Membership and dates, the structure of each type, 四联 with substance and 三不变."""
    for alliance in scope.alliances:
        active = ctx.active_members(alliance)  # once for the checks every alliance goes through
        yield from _membership_and_dates(alliance, active)
        structure = _STRUCTURES.get(alliance.type)
        if structure is not None:
            yield from structure(ctx, alliance)
        if alliance.declares_four_links:
            yield from _four_links(ctx, alliance)
        yield from _three_unchanged(ctx, alliance, active)


def _raw(alliance: Alliance, code: str, field: str, zh: str, en: str, hint: str) -> RawFinding:
    suffix = f".{field}" if field else ""
    return RawFinding(code, f"alliances[{alliance.id}]{suffix}", zh, en, hint, alliance.id)


def _membership_and_dates(alliance: Alliance, active: list[str]) -> Iterator[RawFinding]:
    if alliance.lead_id not in active:
        yield _raw(
            alliance,
            "DJ401",
            "lead_id",
            f"牵头方 {alliance.lead_id!r} 不是联盟的在册成员",
            f"the lead {alliance.lead_id!r} is not a current member of the alliance",
            "把牵头方列入成员（角色“牵头”） / list the lead among the memberships (role 'lead')",
        )
    if len(active) < 2 and alliance.dissolved_on is None:
        yield _raw(
            alliance,
            "DJ407",
            "memberships",
            f"联盟只有 {len(active)} 个在册成员，联盟至少需要两方",
            f"the alliance has {len(active)} current member(s); an alliance joins at least two",
            "增加成员或解散联盟 / admit members or dissolve the alliance",
        )
    formed, dissolved = alliance.formed_on, alliance.dissolved_on
    if formed and dissolved and dissolved < formed:
        yield _raw(
            alliance,
            "DJ405",
            "dissolved_on",
            f"解散日期 {dissolved} 早于成立日期 {formed}",
            f"dissolved on {dissolved}, before it was formed on {formed}",
            "解散日期应不早于成立日期 / dissolution comes on or after formation",
        )
    agreement = alliance.agreement
    if (
        agreement
        and agreement.signed_on
        and agreement.expires_on
        and agreement.expires_on < agreement.signed_on
    ):
        yield _raw(
            alliance,
            "DJ406",
            "agreement.expires_on",
            f"协议到期日 {agreement.expires_on} 早于签订日 {agreement.signed_on}",
            f"the agreement expires on {agreement.expires_on}, before it was signed on {agreement.signed_on}",
            "到期日应不早于签订日 / the expiry date comes on or after signing",
        )
    last: dict[str, datetime.date | None] = {}
    for i, membership in enumerate(alliance.memberships):
        joined, left = membership.joined_on, membership.left_on
        if joined and left and left < joined:
            yield _raw(
                alliance,
                "DJ403",
                f"memberships[{i}].left_on",
                f"退出日期 {left} 早于加入日期 {joined}",
                f"left on {left}, before joining on {joined}",
                "退出日期应不早于加入日期 / leaving comes on or after joining",
            )
        outside = (formed and joined and joined < formed) or (
            dissolved and ((joined and joined > dissolved) or (left and left > dissolved))
        )
        if outside:
            yield _raw(
                alliance,
                "DJ404",
                f"memberships[{i}]",
                f"成员资格（{joined}–{left or '至今'}）超出联盟存续期（{formed}–{dissolved or '至今'}）",
                f"the membership ({joined} to {left or 'now'}) lies outside the alliance's lifetime "
                f"({formed} to {dissolved or 'now'})",
                "加入不早于成立，退出不晚于解散 / join on or after formation, leave by dissolution",
            )
        participant = membership.participant_id
        if participant in last:
            previous_left = last[participant]
            if previous_left is None or joined is None or joined < previous_left:
                yield _raw(
                    alliance,
                    "DJ402",
                    f"memberships[{i}].participant_id",
                    f"{participant!r} 在联盟中重复登记，两段成员资格重叠",
                    f"{participant!r} is listed twice with overlapping memberships",
                    "同一成员同一时间只登记一次；重新加入应在退出之后 / "
                    "list a member once at a time; a re-admission starts after it left",
                )
        last[participant] = left


def _units_of(ctx: Context, ids: Iterable[str]) -> list[Unit]:
    return [
        unit for id in ids for unit_id in ctx.territories_of(id) if (unit := ctx.unit(unit_id)) is not None
    ]


def _mentoring(ctx: Context, alliance: Alliance) -> Iterator[RawFinding]:
    current = [m for m in alliance.memberships if m.left_on is None]
    mentors = [m.participant_id for m in current if m.role is MembershipRole.MENTOR]
    mentees = [
        (i, m.participant_id)
        for i, m in enumerate(alliance.memberships)
        if m.left_on is None and m.role is MembershipRole.MENTEE
    ]
    if len(mentors) != 1 or not mentees or alliance.lead_id not in mentors:
        yield _raw(
            alliance,
            "DJ301",
            "memberships",
            f"导师帮带型应为“1+N”：1个导师（即牵头方）和至少1个帮带对象；现有导师 {len(mentors)} 个、帮带对象 {len(mentees)} 个",
            f"a mentoring alliance is '1+N': one mentor (the lead) and at least one mentee; it has "
            f"{len(mentors)} mentor(s) and {len(mentees)} mentee(s)",
            "牵头方角色设为“导师”，被帮带村角色设为“帮带对象” / give the lead the role 'mentor' and the "
            "villages it helps the role 'mentee'",
        )
    for i, mentee in mentees:
        units = _units_of(ctx, [mentee])
        if units and not any(d.needs_help for unit in units for d in unit.designations):
            yield _raw(
                alliance,
                "DJ302",
                f"memberships[{i}]",
                f"帮带对象 {mentee!r} 未被认定为重点村、薄弱村或后进村",
                f"the mentee {mentee!r} is not designated a key, weak or lagging village",
                "为其登记称号“重点村/薄弱村/后进村” / designate it key, weak or lagging",
            )


def _strong_village_led(ctx: Context, alliance: Alliance) -> Iterator[RawFinding]:
    units = _units_of(ctx, [alliance.lead_id])
    if not any(d.is_strong for unit in units for d in unit.designations):
        yield _raw(
            alliance,
            "DJ303",
            "lead_id",
            f"牵头方 {alliance.lead_id!r} 未被认定为强村、红色名村或精品村",
            f"the lead {alliance.lead_id!r} is not designated a strong, red-famous or boutique village",
            "由强村牵头，或为牵头村登记称号 / let a strong village lead, or record its designation",
        )
    if alliance.agreement is None or not alliance.agreement.contract_based:
        yield _raw(
            alliance,
            "DJ304",
            "agreement",
            "强村带动型联盟应签订契约化共建协议",
            "a strong-village-led alliance runs under a contract (契约化) agreement",
            "登记协议并设 contract_based=True / record an agreement with contract_based=True",
        )


def _industry_cluster(ctx: Context, alliance: Alliance) -> Iterator[RawFinding]:
    if not any(unit.kind.is_enterprise for unit in _units_of(ctx, ctx.active_members(alliance))):
        yield _raw(
            alliance,
            "DJ305",
            "memberships",
            "产业集聚型联盟没有企业或企业党组织成员",
            "an industry-cluster alliance has no enterprise or enterprise party organisation among its members",
            "吸收上下游企业或其党组织入盟 / admit upstream/downstream enterprises or their party organisations",
        )


_TOWNSHIPS = (UnitKind.TOWNSHIP, UnitKind.SUBDISTRICT)
_COMMITTEES = (PartyOrgForm.COMMITTEE, PartyOrgForm.WORKING_COMMITTEE)


def _project_driven(ctx: Context, alliance: Alliance) -> Iterator[RawFinding]:
    lead = ctx.organisation(alliance.lead_id)
    if (
        lead is None
        or lead.form not in _COMMITTEES
        or not any((u := ctx.unit(id)) is not None and u.kind in _TOWNSHIPS for id in lead.host_unit_ids)
    ):
        yield _raw(
            alliance,
            "DJ306",
            "lead_id",
            f"项目牵引型联盟应由镇（街道）党（工）委牵头，而牵头方是 {alliance.lead_id!r}",
            f"a project-driven alliance is led by a township or subdistrict committee, not {alliance.lead_id!r}",
            "牵头方改为所在镇党委或街道党工委 / make the township committee or subdistrict working committee the lead",
        )
    key = ctx.registry.find(alliance.key_project_id) if alliance.key_project_id else None
    if not isinstance(key, Project) or key.alliance_id != alliance.id:
        yield _raw(
            alliance,
            "DJ307",
            "key_project_id",
            "项目牵引型联盟应指明本联盟的重点项目",
            "a project-driven alliance names its key project, a project of this alliance",
            "填写 key_project_id 为本联盟的项目 / set key_project_id to one of the alliance's projects",
        )


_GOVERNANCE_FORCES = frozenset(
    {
        UnitKind.COURT,
        UnitKind.GOVERNMENT_ORGAN,
        UnitKind.SOCIAL_ORGANISATION,
        UnitKind.PROPERTY_COMPANY,
        UnitKind.OWNERS_COMMITTEE,
    }
)


def _governance(ctx: Context, alliance: Alliance) -> Iterator[RawFinding]:
    if not any(u.kind in _GOVERNANCE_FORCES for u in _units_of(ctx, ctx.active_members(alliance))):
        yield _raw(
            alliance,
            "DJ308",
            "memberships",
            "治理联动型联盟没有司法行政或专业力量（法院、机关、社会组织、物业、业委会）",
            "a governance alliance has no judicial-administrative or professional force "
            "(court, organ, social organisation, property company, owners' committee)",
            "吸收法院、司法所、社会组织或物业等入盟 / admit a court, justice office, social organisation "
            "or property company",
        )


def _service_hub(ctx: Context, alliance: Alliance) -> Iterator[RawFinding]:
    anchor = ctx.unit(alliance.anchor_id)
    if anchor is None or anchor.kind is not UnitKind.SERVICE_CENTRE:
        yield _raw(
            alliance,
            "DJ309",
            "anchor_id",
            "服务统筹型联盟应依托党群服务中心（anchor_id 指向类型为党群服务中心的单位）",
            "a service-hub alliance is anchored at a party-mass service centre (anchor_id names one)",
            "设置 anchor_id 为楼宇、商圈或园区的党群服务中心 / set anchor_id to the service centre of a "
            "building, business district or park",
        )


def _good_neighbour(ctx: Context, alliance: Alliance) -> Iterator[RawFinding]:
    superiors = {u.superior_id for u in _units_of(ctx, ctx.active_members(alliance)) if u.superior_id}
    if len(superiors) < 2:
        yield _raw(
            alliance,
            "DJ310",
            "memberships",
            f"睦邻协作型联盟应跨不同行政隶属，成员只有 {len(superiors)} 个行政上级",
            f"a good-neighbour alliance spans different administrative superiors; its members have {len(superiors)}",
            "吸收相邻但隶属不同乡镇（区县）的单位 / admit adjacent units under another township or county",
        )


_POOLED = frozenset(
    {
        ContributionKind.FISCAL_SUPPORT_FUNDS,
        ContributionKind.SELF_RAISED_FUNDS,
        ContributionKind.CONSTRUCTION_LAND_QUOTA,
        ContributionKind.CASH,
        ContributionKind.LAND,
    }
)


def _enclave_pooling(ctx: Context, alliance: Alliance) -> Iterator[RawFinding]:
    pooled: list[tuple[Project, list[str]]] = []
    for project in ctx.projects_by_alliance.get(alliance.id, ()):
        villages = list(
            dict.fromkeys(
                c.contributor_id
                for c in project.contributions
                if c.kind in _POOLED
                and (u := ctx.unit(c.contributor_id)) is not None
                and u.kind is UnitKind.VILLAGE
            )
        )
        if len(villages) >= 2:
            pooled.append((project, villages))
    if not pooled:
        yield _raw(
            alliance,
            "DJ311",
            "",
            "飞地抱团型联盟没有由2个以上村共同投入资金或用地指标的项目",
            "an enclave-pooling alliance has no project into which 2 or more villages pool funds or land quotas",
            "登记各村对飞地项目的投入（财政扶持资金、自筹资金、建设用地指标） / record each village's "
            "contribution to the enclave project",
        )
    for project, villages in pooled:
        site = project.site_unit_id
        if site is None or all(ctx.within(site, village) for village in villages):
            yield RawFinding(
                "DJ312",
                f"projects[{project.id}].site_unit_id",
                "飞地项目应建在至少一个投入村的辖区之外",
                "an enclave project is sited outside the territory of at least one contributing village",
                "把 site_unit_id 设为飞地所在地 / set site_unit_id to where the enclave is",
                alliance.id,
            )


_STRUCTURES: dict[AllianceType, Callable[[Context, Alliance], Iterator[RawFinding]]] = {
    AllianceType.MENTORING: _mentoring,
    AllianceType.STRONG_VILLAGE_LED: _strong_village_led,
    AllianceType.INDUSTRY_CLUSTER: _industry_cluster,
    AllianceType.PROJECT_DRIVEN: _project_driven,
    AllianceType.GOVERNANCE: _governance,
    AllianceType.SERVICE_HUB: _service_hub,
    AllianceType.GOOD_NEIGHBOUR: _good_neighbour,
    AllianceType.ENCLAVE_POOLING: _enclave_pooling,
}


def _four_links(ctx: Context, alliance: Alliance) -> Iterator[RawFinding]:
    members = ctx.active_members(alliance)
    member_units = {id for m in members for id in ctx.territories_of(m)}
    joint_branch = any(
        org.form in (PartyOrgForm.JOINT_BRANCH, PartyOrgForm.TEMPORARY_JOINT_BRANCH)
        and len(member_units.intersection(org.host_unit_ids)) >= 2
        for unit_id in member_units
        for org in ctx.orgs_by_unit.get(unit_id, ())
    )
    if ctx.organisation(alliance.joint_committee_id) is None and not joint_branch:
        yield _raw(
            alliance,
            "DJ411",
            "joint_committee_id",
            "声明了四联，但“党建联盟”没有实体：既无联合党委，也无跨成员的联合党支部",
            "declares 四联, but the party-building link has no substance: no joint committee and no joint "
            "branch across members",
            "设立片区联合党委（joint_committee_id）或联合党支部 / set up a joint committee or a joint branch",
        )
    projects = ctx.projects_by_alliance.get(alliance.id, ())
    member_set = set(members)
    shared = any(
        p.company_id is not None
        or len(
            member_set.intersection(
                {c.contributor_id for c in p.contributions} | {s.holder_id for s in p.shares}
            )
        )
        >= 2
        for p in projects
    )
    if not shared:
        yield _raw(
            alliance,
            "DJ412",
            "",
            "声明了四联，但“产业联动”没有实体：没有共同项目或共建公司",
            "declares 四联, but the industry link has no substance: no shared project or joint company",
            "登记由两个以上成员共同投入的项目或共建公司 / record a project shared by 2+ members or a joint company",
        )
    plan = alliance.joint_plan
    uncovered = [
        m
        for m in members
        if plan is None
        or not all(
            any(ctx.within(unit_id, area) for area in plan.covered_unit_ids)
            for unit_id in ctx.territories_of(m)
        )
    ]
    if uncovered:
        missing = "、".join(uncovered) if plan is not None else ""
        yield _raw(
            alliance,
            "DJ413",
            "joint_plan",
            "声明了四联，但“规划联体”没有实体："
            + ("没有联合规划" if plan is None else f"规划未覆盖 {missing}"),
            "declares 四联, but the joint plan has no substance: "
            + (
                "there is no joint plan"
                if plan is None
                else f"the plan does not cover {', '.join(uncovered)}"
            ),
            "登记覆盖每个成员辖区的联合规划 / record a joint plan covering every member's territory",
        )
    if alliance.id not in ctx.alliances_with_lists:
        yield _raw(
            alliance,
            "DJ414",
            "",
            "声明了四联，但“社会联治”没有实体：联盟的需求清单和项目清单都是空的",
            "declares 四联, but joint governance has no substance: the alliance lists no need or project",
            "登记共同治理事项（需求清单或项目清单） / record a joint-governance item on its lists",
        )


def _three_unchanged(ctx: Context, alliance: Alliance, members: list[str]) -> Iterator[RawFinding]:
    declared = alliance.principles
    joint_committee = ctx.organisation(alliance.joint_committee_id)
    coordinators = {alliance.id} | ({joint_committee.id} if joint_committee is not None else set())
    # DJ421 reports a member unit or organisation whose superior is a coordinator: none when no unit
    # or organisation of the registry has a coordinator as its superior.
    if Principle.MANAGEMENT_HIERARCHY_UNCHANGED in declared and not coordinators.isdisjoint(ctx.superior_ids):
        for member in members:
            entity = ctx.registry.find(member)
            orgs: list[PartyOrganisation] = []
            if isinstance(entity, PartyOrganisation):
                orgs.append(entity)
            elif isinstance(entity, Unit):
                orgs.extend(ctx.orgs_by_unit.get(entity.id, ()))
                if entity.superior_id in coordinators:
                    yield RawFinding(
                        "DJ421",
                        f"units[{entity.id}].superior_id",
                        f"成员 {entity.id!r} 的行政上级变成了联盟或联合党委 {entity.superior_id!r}，违反管理层级不变",
                        f"the member {entity.id!r} now has the alliance or its joint committee "
                        f"{entity.superior_id!r} as superior: 管理层级不变 is broken",
                        "恢复其原行政上级；联合党委只协调，不当上级 / restore its own superior; the joint "
                        "committee coordinates, it is no superior",
                        alliance.id,
                    )
            for org in orgs:
                if org.superior_id in coordinators and org.id not in coordinators:
                    yield RawFinding(
                        "DJ421",
                        f"party_organisations[{org.id}].superior_id",
                        f"成员党组织 {org.id!r} 隶属于联合党委 {org.superior_id!r}，违反管理层级不变",
                        f"the member organisation {org.id!r} is placed under the joint committee "
                        f"{org.superior_id!r}: 管理层级不变 is broken",
                        "恢复原隶属关系；联合党委只协调，不当上级 / restore its own superior; the joint "
                        "committee coordinates, it is no superior",
                        alliance.id,
                    )
    # assets_by_owner and ledgers_by_owner hold only what coordinators and companies own: when they are
    # empty, DJ422 and DJ423 have nothing to report.
    if Principle.ASSET_NATURE_UNCHANGED in declared and ctx.assets_by_owner:
        companies = {p.company_id for p in ctx.projects_by_alliance.get(alliance.id, ()) if p.company_id}
        for owner in sorted(coordinators | companies):
            for asset in ctx.assets_by_owner.get(owner, ()):
                if owner in coordinators or asset.nature is AssetNature.VILLAGE_COLLECTIVE:
                    yield RawFinding(
                        "DJ422",
                        f"assets[{asset.id}].owner_id",
                        f"资产 {asset.id!r}（{asset.nature.label}）归 {owner!r} 所有，违反资产属性不变",
                        f"the asset {asset.id!r} ({asset.nature.value}) is owned by {owner!r}: "
                        "资产属性不变 is broken",
                        "成员资产仍归成员所有；共建公司只持有成员以股权投入的部分 / members keep their "
                        "assets; a joint company holds only the stakes members put in",
                        alliance.id,
                    )
    if Principle.ACCOUNTING_UNCHANGED in declared and ctx.ledgers_by_owner:
        for owner in sorted(coordinators):
            for ledger in ctx.ledgers_by_owner.get(owner, ()):
                yield RawFinding(
                    "DJ423",
                    f"ledgers[{ledger.id}].owner_id",
                    f"账套 {ledger.id!r} 记在联盟或联合党委 {owner!r} 名下，违反账务核算不变",
                    f"the ledger {ledger.id!r} is kept by the alliance or its joint committee {owner!r}: "
                    "账务核算不变 is broken",
                    "每个成员单位保留自己的账套 / each member keeps its own books",
                    alliance.id,
                )
    if Principle.AFFILIATION_UNCHANGED in declared and alliance.joint_committee_id:
        for person in ctx.people_by_org.get(alliance.joint_committee_id, ()):
            yield RawFinding(
                "DJ424",
                f"people[{person.id}].party_organisation_id",
                f"党员 {person.id!r} 的组织关系转入了联合党委，违反原组织隶属关系不变",
                f"the member {person.id!r} now belongs to the joint committee: the original affiliation "
                "must stay unchanged",
                "组织关系留在原党组织；联合党委委员为兼职 / keep the person in their own organisation; joint "
                "committee members serve concurrently",
                alliance.id,
            )


# ---------------------------------------------------------------- teams, grids, brands (DJ43x–45x)

_CORE_ROLES = (
    PersonRole.BUILDING_LEADER,
    PersonRole.DUAL_REPORTING_MEMBER,
    PersonRole.COMMUNITY_BACKBONE,
    PersonRole.PROPERTY_MANAGER,
)


def check_teams(ctx: Context, scope: Scope, config: ValidationConfig) -> Iterator[RawFinding]:
    """DJ431–433: a "1+4+N" team has 1 secretary, 4 core members in the four roles and N ≥ 1 volunteers."""
    for team in ctx.registry.teams:
        if team.kind is not TeamKind.ONE_FOUR_N:
            continue
        path = f"teams[{team.id}]"
        leader = ctx.registry.find(team.leader_id) if team.leader_id else None
        if not isinstance(leader, Person) or PersonRole.SECRETARY not in leader.roles:
            yield RawFinding(
                "DJ431",
                f"{path}.leader_id",
                "“1+4+N”的“1”应为支部书记",
                "the '1' of a '1+4+N' team is the branch secretary",
                "leader_id 指向担任书记的人员 / set leader_id to a person with the role secretary",
            )
        core = [p for id in team.core_member_ids if isinstance(p := ctx.registry.find(id), Person)]
        missing = [role for role in _CORE_ROLES if not any(role in p.roles for p in core)]
        if len(team.core_member_ids) != 4 or missing:
            yield RawFinding(
                "DJ432",
                f"{path}.core_member_ids",
                f"“4”应为楼门长、双报到党员、社区骨干、物业负责人4人；现有 {len(team.core_member_ids)} 人"
                + (f"，缺少{'、'.join(r.label for r in missing)}" if missing else ""),
                f"the '4' are a building leader, a dual-reporting member, a community backbone and a property "
                f"manager; there are {len(team.core_member_ids)}"
                + (f", missing {', '.join(r.value for r in missing)}" if missing else ""),
                "每种角色各1人 / one person in each of the four roles",
            )
        if not team.volunteer_ids:
            yield RawFinding(
                "DJ433",
                f"{path}.volunteer_ids",
                "“N”至少需要1名志愿者",
                "the 'N' needs at least one volunteer",
                "登记志愿者 / list the volunteers",
            )


def check_grids(ctx: Context, scope: Scope, config: ValidationConfig) -> Iterator[RawFinding]:
    """DJ441: party groups on grid cells as the configuration requires; DJ442: they are 党小组."""
    grids = ctx.registry.grids
    roots = find_roots({g.id: g.parent_id for g in grids})
    with_group = {roots.get(g.id) for g in grids if g.party_group_id is not None}
    every = config.grid_party_groups is GridPartyGroups.EVERY_GRID
    for grid in grids:
        path = f"grids[{grid.id}].party_group_id"
        if grid.party_group_id is None:
            root = roots.get(grid.id)
            if every or (root is not None and root in with_group):
                yield RawFinding(
                    "DJ441",
                    path,
                    "网格上没有党小组（党小组建在网格上）",
                    "the grid cell has no party group (a party group on every grid cell)",
                    "为该网格建立党小组并填写 party_group_id / set up a party group and set party_group_id",
                )
        else:
            group = ctx.organisation(grid.party_group_id)
            if group is not None and group.form is not PartyOrgForm.PARTY_GROUP:
                yield RawFinding(
                    "DJ442",
                    path,
                    f"网格党组织 {group.id!r} 是{group.form.label}，应为党小组",
                    f"the grid's organisation {group.id!r} is a {group.form.value}, not a party group",
                    "指向党小组 / refer to a party group (党小组)",
                )


def check_brands(ctx: Context, scope: Scope, config: ValidationConfig) -> Iterator[RawFinding]:
    """DJ451: 一域一品, one brand per territory or field; DJ452: a brand names its territory or field."""
    taken: dict[object, str] = {}
    for brand in ctx.registry.brands:
        path = f"brands[{brand.id}]"
        if brand.territory_id is None and brand.field is None:
            yield RawFinding(
                "DJ452",
                path,
                "品牌既没有所属地域也没有所属领域",
                "the brand names neither a territory nor a field",
                "填写 territory_id（镇乡、街道）或 field（学校、医院、国企…） / set territory_id or field",
            )
        for key, shown in (
            (brand.territory_id, brand.territory_id),
            (brand.field, brand.field and brand.field.label),
        ):
            if key is None:
                continue
            if key in taken:
                yield RawFinding(
                    "DJ451",
                    path,
                    f"{shown} 已有品牌 {taken[key]!r}，一域一品",
                    f"{shown} already carries the brand {taken[key]!r}: one brand per territory or field",
                    "合并为一个品牌 / keep one brand for each territory or field",
                )
            else:
                taken[key] = brand.id


# ---------------------------------------------------------------- projects (DJ5xx)


def check_projects(ctx: Context, scope: Scope, config: ValidationConfig) -> Iterator[RawFinding]:
    """DJ501–508: shares, contributions, allocation basis and rule, and dates of each project."""
    for project in scope.projects:
        yield from _project(ctx, project)


def _rule_ids(rule: Any, at: str) -> Iterator[tuple[str, str, str]]:
    """(path, field name, id) of every member or guarantor an allocation rule names, nested rules included."""
    for a in attrs.fields(type(rule)):
        value = getattr(rule, a.name)
        here = f"{at}.{a.name}"
        if value is None:
            continue
        if a.name.endswith("_id") or (a.name.endswith("_ids") or a.name == "players"):
            for i, id in enumerate((value,) if isinstance(value, str) else value):
                yield (here if isinstance(value, str) else f"{here}[{i}]", a.name, id)
        elif isinstance(value, tuple):
            for i, item in enumerate(value):
                if attrs.has(type(item)):
                    yield from _rule_ids(item, f"{here}[{i}]")
        elif attrs.has(type(value)) and not isinstance(value, Money):
            yield from _rule_ids(value, here)


_TRIAL = Money(100_000_00)


def _allocation_rule(
    ctx: Context, project: Project, raw: Callable[[str, str, str, str, str], RawFinding]
) -> Iterator[RawFinding]:
    """DJ508: the rule names only members who share, an existing guarantor, and applies to a trial amount."""
    sharers = {m.id for m in project_members(ctx.registry, project)}
    for path, name, id in _rule_ids(project.allocation_rule, "allocation_rule"):
        if name == "guarantor_id":
            if id not in ctx.registry:
                yield raw(
                    "DJ508",
                    path,
                    f"担保方 {id!r} 不在登记中",
                    f"the guarantor {id!r} is not in the registry",
                    "登记担保方单位 / register the guarantor unit",
                )
        elif id not in sharers:
            yield raw(
                "DJ508",
                path,
                f"规则点名的 {id!r} 不参与本项目分配",
                f"the rule names {id!r}, who does not share in this project",
                "只点名项目的出资方、股东或联盟成员 / name only the project's contributors, shareholders or members",
            )
    try:
        allocate_project(ctx.registry, project.id, _TRIAL, year=1)
    except DangjianError as error:
        yield raw(
            "DJ508",
            "allocation_rule",
            f"分配规则无法用于本项目：{error}",
            f"the allocation rule cannot be applied to this project: {error}",
            "补全分配依据（投入、股份或人口等），或改用合适的规则 / give the basis the rule splits by, or choose another rule",
        )


def _add_up_to_one(fractions: list[Fraction]) -> bool:
    """True if the fractions add up to exactly 1, in integers: over their least common denominator.

    The same answer as adding them as Fractions and comparing with 1, without a Fraction (and a gcd)
    for each partial sum: the sum of ``n * (lcm // d)`` equals ``lcm`` exactly when the fractions add up to 1.
    """
    common = math.lcm(*(f.denominator for f in fractions))
    return sum(f.numerator * (common // f.denominator) for f in fractions) == common


#: The units a land or land-quota contribution may be measured in (DJ503).
_QUANTITY_UNITS = {
    ContributionKind.CONSTRUCTION_LAND_QUOTA: (QuantityUnit.MU,),
    ContributionKind.LAND: (QuantityUnit.MU, QuantityUnit.SQUARE_METRE),
}


def _project(ctx: Context, project: Project) -> Iterator[RawFinding]:
    path = f"projects[{project.id}]"
    aid = project.alliance_id

    def raw(code: str, field: str, zh: str, en: str, hint: str) -> RawFinding:
        return RawFinding(code, f"{path}.{field}" if field else path, zh, en, hint, aid)

    if project.shares and not _add_up_to_one([s.fraction for s in project.shares]):
        total = sum((s.fraction for s in project.shares), start=0 * project.shares[0].fraction)
        if total != 1:
            yield raw(
                "DJ501",
                "shares",
                f"股份合计 {total}，应恰好为 1",
                f"the shares add up to {total}; they must add up to exactly 1",
                "调整股份使合计为100% / adjust the shares to total 100%",
            )
    holders: set[str] = set()
    # DJ505 reports a holder listed twice: none when the holders are all different, as one set shows
    repeated = len({share.holder_id for share in project.shares}) < len(project.shares)
    for i, share in enumerate(project.shares if repeated else ()):
        if share.holder_id in holders:
            yield raw(
                "DJ505",
                f"shares[{i}].holder_id",
                f"{share.holder_id!r} 重复持股",
                f"{share.holder_id!r} holds more than one share entry",
                "每个持有人合并为一条股份 / give each holder one share entry",
            )
        holders.add(share.holder_id)
    started = project.started_on
    for i, c in enumerate(project.contributions):
        kind = c.kind
        if c.amount is None and kind.is_monetary:
            yield raw(
                "DJ502",
                f"contributions[{i}].amount",
                f"{c.kind.label}是资金投入，但没有金额",
                f"a {c.kind.value} contribution is money, but has no amount",
                "填写金额，如“60万元” / give the amount, e.g. '60万元'",
            )
        if kind is ContributionKind.CONSTRUCTION_LAND_QUOTA or kind is ContributionKind.LAND:
            units_ok = _QUANTITY_UNITS[kind]
            if c.quantity is None or c.quantity_unit not in units_ok:
                yield raw(
                    "DJ503",
                    f"contributions[{i}].quantity",
                    f"{c.kind.label}应有数量，单位为{'或'.join(u.label for u in units_ok)}",
                    f"a {c.kind.value} contribution has a quantity in {' or '.join(u.value for u in units_ok)}",
                    "填写 quantity 和 quantity_unit，如 12.5 亩 / give quantity and quantity_unit, e.g. 12.5 亩",
                )
        if started and c.on and c.on < started:
            yield raw(
                "DJ507",
                f"contributions[{i}].on",
                f"投入日期 {c.on} 早于项目开始 {project.started_on}",
                f"contributed on {c.on}, before the project started on {project.started_on}",
                "核对日期 / check the dates",
            )
    for i, record in enumerate(project.income):
        if started and record.on < started:
            yield raw(
                "DJ507",
                f"income[{i}].on",
                f"收入日期 {record.on} 早于项目开始 {project.started_on}",
                f"income recorded on {record.on}, before the project started on {project.started_on}",
                "核对日期 / check the dates",
            )
    if project.allocation_rule is not None:
        yield from _allocation_rule(ctx, project, raw)
    if project.income and not project.shares and not project.contributions:
        yield raw(
            "DJ506",
            "income",
            "项目有收入，但没有股份也没有投入，无法确定分配依据",
            "the project has income but neither shares nor contributions to allocate it by",
            "登记各成员的股份或投入 / record the members' shares or contributions",
        )
    alliance = ctx.registry.find(aid) if aid else None
    if isinstance(alliance, Alliance):
        ever = {m.participant_id for m in alliance.memberships}
        for field, parties in (  # the path is written only for a party that is reported
            ("contributions[{}].contributor_id", [c.contributor_id for c in project.contributions]),
            ("shares[{}].holder_id", [s.holder_id for s in project.shares]),
        ):
            for i, party in enumerate(parties):
                if party not in ever and party != project.company_id and party in ctx.registry:
                    yield raw(
                        "DJ504",
                        field.format(i),
                        f"{party!r} 不是联盟 {alliance.id!r} 的成员",
                        f"{party!r} is not a member of the alliance {alliance.id!r}",
                        "先接纳其入盟，或核对编号 / admit it to the alliance first, or check the id",
                    )


CHECKS: tuple[Check, ...] = (
    Check(frozenset({"DJ101", "DJ102", "DJ601", "DJ602", "DJ603", "DJ604"}), check_references),
    Check(frozenset({"DJ103"}), check_duplicate_ids, whole_registry_only=True),
    Check(frozenset({"DJ104", "DJ105", "DJ106", "DJ107"}), check_hierarchies, whole_registry_only=True),
    Check(
        frozenset({f"DJ2{n:02}" for n in range(1, 14)}), check_party_organisations, whole_registry_only=True
    ),
    Check(
        frozenset({f"DJ3{n:02}" for n in range(1, 13)})
        | {f"DJ40{n}" for n in range(1, 8)}
        | {f"DJ41{n}" for n in range(1, 5)}
        | {f"DJ42{n}" for n in range(1, 5)},
        check_alliances,
    ),
    Check(frozenset({"DJ431", "DJ432", "DJ433"}), check_teams, whole_registry_only=True),
    Check(frozenset({"DJ441", "DJ442"}), check_grids, whole_registry_only=True),
    Check(frozenset({"DJ451", "DJ452"}), check_brands, whole_registry_only=True),
    Check(frozenset({f"DJ50{n}" for n in range(1, 9)}), check_projects),
    Check(meetings.REFERENCE_CODES, meetings.check_meeting_references, whole_registry_only=True),
    Check(meetings.MEETING_CODES, meetings.check_meetings, whole_registry_only=True),
    Check(meetings.TERM_CODES, meetings.check_committee_terms, whole_registry_only=True),
)

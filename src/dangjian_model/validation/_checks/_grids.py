"""Teams, grids and brands (DJ43x–45x): “1+4+N”, 党小组建在网格上, 一域一品."""

from __future__ import annotations

from collections.abc import Iterator

from dangjian_model._enums import PartyOrgForm, PersonRole, TeamKind
from dangjian_model._model import Person
from dangjian_model.validation._checks._common import Scope
from dangjian_model.validation._config import GridPartyGroups, ValidationConfig
from dangjian_model.validation._context import Context, RawFinding, find_roots

__all__ = ["check_brands", "check_grids", "check_teams"]


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
    """DJ441: party groups on grid cells as the configuration (or the grid system's template) requires;
    DJ442: they are 党小组."""
    grids = ctx.registry.grids
    roots = find_roots({g.id: g.parent_id for g in grids})
    # a template's party-group levels, for the systems the configuration names none of its own for
    configured = {id for id, _ in config.grid_party_group_levels_by_system}
    templates = {
        root: system.party_group_levels
        for system in ctx.registry.grid_systems
        if system.party_group_levels
        for root in system.root_ids()
        if root not in configured
    }
    with_group = {roots.get(g.id) for g in grids if g.party_group_id is not None} | set(templates)
    every = config.grid_party_groups is GridPartyGroups.EVERY_GRID
    enclosing = {g.parent_id for g in grids}  # the cells with a cell inside: not bottom cells
    for grid in grids:
        path = f"grids[{grid.id}].party_group_id"
        if grid.party_group_id is None:
            root = roots.get(grid.id)
            if not every and (root is None or root not in with_group):
                continue
            levels = templates.get(root) if root in templates else config.party_group_levels(root)
            if grid.id not in enclosing if levels is None else grid.level in levels:
                where_zh = "最底层网格" if levels is None else f"第{grid.level}级网格"
                where_en = "a bottom cell" if levels is None else f"a level-{grid.level} cell"
                yield RawFinding(
                    "DJ441",
                    path,
                    f"{where_zh}上没有党小组（党小组建在网格上）",
                    f"{where_en} of the grid system has no party group (党小组建在网格上)",
                    "为该网格建立党小组并填写 party_group_id；哪些层级建党小组可在 "
                    "ValidationConfig.grid_party_group_levels 中设置 / set up a party group and set "
                    "party_group_id; which levels carry them is set by grid_party_group_levels",
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

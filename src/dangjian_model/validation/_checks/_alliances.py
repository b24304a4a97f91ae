"""Alliances (DJ3xx, DJ40x, DJ41x): membership and dates, the structure of each type, 四联 with substance."""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable, Iterator

from dangjian_model._enums import AllianceType, ContributionKind, MembershipRole, PartyOrgForm, UnitKind
from dangjian_model._model import Alliance, Project, Unit
from dangjian_model.validation._checks._common import Scope
from dangjian_model.validation._checks._unchanged import three_unchanged
from dangjian_model.validation._config import ValidationConfig
from dangjian_model.validation._context import Context, RawFinding

__all__ = ["check_alliances"]


def check_alliances(ctx: Context, scope: Scope, config: ValidationConfig) -> Iterator[RawFinding]:
    """Membership and dates, the structure of each type, 四联 with substance and 三不变."""
    for alliance in scope.alliances:
        active = ctx.active_members(alliance)  # once for the checks every alliance goes through
        yield from _membership_and_dates(alliance, active, ctx.parties(alliance))
        for kind in alliance.types:  # its type and its secondary types: the structure of each
            structure = _STRUCTURES.get(kind)
            if structure is not None:
                yield from structure(ctx, alliance)
        if alliance.declares_four_links:
            yield from _four_links(ctx, alliance)
        yield from three_unchanged(ctx, alliance, active)


def _raw(alliance: Alliance, code: str, field: str, zh: str, en: str, hint: str) -> RawFinding:
    suffix = f".{field}" if field else ""
    return RawFinding(code, f"alliances[{alliance.id}]{suffix}", zh, en, hint, alliance.id)


def _membership_and_dates(alliance: Alliance, active: list[str], parties: list[str]) -> Iterator[RawFinding]:
    if alliance.lead_id not in active:
        yield _raw(
            alliance,
            "DJ401",
            "lead_id",
            f"牵头方 {alliance.lead_id!r} 不是联盟的在册成员",
            f"the lead {alliance.lead_id!r} is not a current member of the alliance",
            "把牵头方列入成员（角色“牵头”） / list the lead among the memberships (role 'lead')",
        )
    if len(parties) < 2 and alliance.dissolved_on is None:
        yield _raw(
            alliance,
            "DJ407",
            "memberships",
            f"联盟只有 {len(parties)} 个在册成员（顾问不计），联盟至少需要两方",
            f"the alliance has {len(parties)} current member(s) besides advisers; an alliance joins at least two",
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
    if not any(unit.kind.is_enterprise for unit in _units_of(ctx, ctx.organisational_members(alliance))):
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
    if not any(u.kind in _GOVERNANCE_FORCES for u in _units_of(ctx, ctx.organisational_members(alliance))):
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
    superiors = {u.superior_id for u in _units_of(ctx, ctx.organisational_members(alliance)) if u.superior_id}
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

"""Party-organisation forms (DJ2xx): member counts, committees, joint branches, terms, superiors, dates."""

from __future__ import annotations

from collections.abc import Iterator

from dangjian_model._enums import PartyOrgForm
from dangjian_model._model import PartyOrganisation, add_years
from dangjian_model.validation._checks._common import Scope
from dangjian_model.validation._config import ValidationConfig
from dangjian_model.validation._context import Context, RawFinding

__all__ = ["check_party_organisations"]


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
_GENERAL_BRANCHES = (PartyOrgForm.GENERAL_BRANCH, PartyOrgForm.TEMPORARY_GENERAL_BRANCH)
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
        size = committee.size
        # A branch or a general branch elects its committee from its own members. A committee (党委,
        # 党工委, 联合党委) may take in the secretaries of other organisations as concurrent members
        # (兼职委员 of a 大工委/大党委, seed 003), so its size is not bounded by its own members.
        too_big = (branch or form in _GENERAL_BRANCHES) and size > max(total, 1)
        if too_big:
            yield RawFinding(
                "DJ203",
                f"party_organisations[{org.id}].committee.size",
                f"委员会 {size} 人，多于{form.label}的党员数 {total}",
                f"a committee of {size} is more than the {form.value}'s {total} members",
                "支部委员会从本支部党员中选出，一般3–5人，最多7人 / a branch committee is elected from the "
                "branch's own members: 3–5, at most 7",
            )
        elif full >= 7 and branch and not 3 <= size <= 7:
            yield RawFinding(
                "DJ203",
                f"party_organisations[{org.id}].committee.size",
                f"支部委员会 {size} 人：应为3–7人",
                f"a branch committee of {size}: it should have 3–7 members",
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
    # village and community organisations at every level serve 5 years (DOMAIN §1): a 楼院 or grid
    # branch of a community as much as the community's committee
    usual = 5 if org.form in _FIVE_YEAR_FORMS or org.id in ctx.village_level_orgs else 3
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
            "村、社区各级党组织（含楼院、网格党支部）和基层党委5年，其他支部和总支3年 / village and "
            "community organisations at every level (yard and grid branches too) and basic committees 5 "
            "years, other branches and general branches 3",
        )
    ends = committee.term_ends_on
    if config.as_of is not None and ends is not None:
        limit = add_years(ends, 1)  # None: a year past the end of the calendar, never overdue
        if limit is not None and config.as_of > limit:
            yield RawFinding(
                "DJ211",
                f"{path}.committee.elected_on",
                f"本届任期于 {ends} 届满，延期换届超过1年（截至 {config.as_of}）",
                f"the term ended on {ends}; the election is more than 1 year overdue on {config.as_of}",
                "按期换届，延期不超过1年 / hold the election; it may be postponed by at most 1 year",
            )

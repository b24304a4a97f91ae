"""Meetings, deliberation and committee terms (DJ7xx), and the references they hold (DJ101, DJ102).

An alliance lives through its meetings: the joint meeting (联席会议) with its 议题动议, 定期会商, 即时商议
and 跟踪落实 (seed 003), the 议事 of a "1+4+N" team (seed 002), and a branch's 三会一课 under
《中国共产党支部工作条例（试行）》. The checks here read the ``meetings`` collection, each alliance's
``cadence`` and each party organisation's ``committee_terms``; like every check they yield findings and
never raise for a problem in the data. Rules that judge against a day (missed meetings, overdue
follow-up, overdue elections) need ``ValidationConfig.as_of`` and are skipped without it.
"""

from __future__ import annotations

import bisect
import datetime
import itertools
from collections.abc import Iterator
from typing import Any

from dangjian_model._enums import Cadence, MeetingKind, PartyOrgForm
from dangjian_model._model import (  # add_years: the one place a term's end is worked out
    Alliance,
    CadenceRule,
    CommitteeTerm,
    Grid,
    ListedProject,
    Meeting,
    Need,
    PartyOrganisation,
    Person,
    Project,
    Team,
    Unit,
    add_years,
)
from dangjian_model._registry import Entity
from dangjian_model.validation._checks._common import PARTICIPANTS, References, Scope, reference_findings
from dangjian_model.validation._config import ValidationConfig
from dangjian_model.validation._context import Context, RawFinding

__all__ = [
    "MEETING_CODES",
    "REFERENCE_CODES",
    "TERM_CODES",
    "THREE_MEETINGS_ONE_LESSON",
    "check_committee_terms",
    "check_meeting_references",
    "check_meetings",
    "missed_periods",
]

#: The codes each check of this module can report.
REFERENCE_CODES = frozenset({"DJ101", "DJ102"})
MEETING_CODES = frozenset({"DJ701", "DJ702", "DJ703", "DJ704", "DJ705", "DJ711", "DJ712", "DJ713", "DJ714"})
TERM_CODES = frozenset({"DJ721", "DJ722", "DJ723", "DJ724"})

_QUARTER = Cadence.QUARTER
_MONTH = Cadence.MONTH
#: The 三会一课 cadence of 《中国共产党支部工作条例（试行）》: 党员大会 generally once a quarter (第十一条),
#: 支委会 generally once a month (第十二条, where there is a committee), 党小组会 generally once a month
#: (第十三条); 党课 at least once a quarter is the common local rule of 三会一课 systems.
THREE_MEETINGS_ONE_LESSON: dict[str, tuple[CadenceRule, ...]] = {
    "branch": (
        CadenceRule(kind=MeetingKind.BRANCH_GENERAL_MEETING, every=_QUARTER),
        CadenceRule(kind=MeetingKind.PARTY_LECTURE, every=_QUARTER),
    ),
    "branch_committee": (CadenceRule(kind=MeetingKind.BRANCH_COMMITTEE_MEETING, every=_MONTH),),
    "party_group": (CadenceRule(kind=MeetingKind.PARTY_GROUP_MEETING, every=_MONTH),),
}

_HOLDERS: tuple[type[Any], ...] = (Alliance, PartyOrganisation, Team)


# ---------------------------------------------------------------- references (DJ101, DJ102)


def _meeting_references(meeting: Meeting) -> References:
    yield "held_by_id", meeting.held_by_id, _HOLDERS
    yield "convener_id", meeting.convener_id, (Person, PartyOrganisation)
    for i, id in enumerate(meeting.present_ids):
        yield f"present_ids[{i}]", id, PARTICIPANTS
    for i, item in enumerate(meeting.agenda):
        yield f"agenda[{i}].raised_by_id", item.raised_by_id, (*PARTICIPANTS, Grid)
        yield f"agenda[{i}].need_id", item.need_id, (Need,)
        for j, follow_up in enumerate(item.follow_ups):
            at = f"agenda[{i}].follow_ups[{j}]"
            yield f"{at}.responsible_id", follow_up.responsible_id, PARTICIPANTS
            yield f"{at}.project_id", follow_up.project_id, (Project, ListedProject)


def _term_references(org: PartyOrganisation) -> References:
    for i, term in enumerate(org.committee_terms):
        for j, post in enumerate(term.posts):
            at = f"committee_terms[{i}].posts[{j}]"
            yield f"{at}.person_id", post.person_id, (Person,)
            yield f"{at}.concurrent_from_id", post.concurrent_from_id, (Unit, PartyOrganisation)


def check_meeting_references(ctx: Context, scope: Scope, config: ValidationConfig) -> Iterator[RawFinding]:
    """DJ101 and DJ102 for what meetings and committee terms refer to."""
    for meeting in ctx.registry.meetings:
        path = f"meetings[{meeting.id}]"
        yield from reference_findings(
            path, _meeting_references(meeting), ctx.registry.find, _alliance_of(ctx, meeting)
        )
    for org in ctx.registry.party_organisations:
        if org.committee_terms:
            yield from reference_findings(
                f"party_organisations[{org.id}]", _term_references(org), ctx.registry.find
            )


# ---------------------------------------------------------------- meetings (DJ70x, DJ71x)


def _joint_committees(ctx: Context) -> dict[str, str]:
    """Joint committee id → the (first) alliance it coordinates."""
    found: dict[str, str] = {}
    for alliance in ctx.registry.alliances:
        if alliance.joint_committee_id is not None:
            found.setdefault(alliance.joint_committee_id, alliance.id)
    return found


def _alliance_of(ctx: Context, meeting: Meeting, committees: dict[str, str] | None = None) -> str | None:
    """The alliance a meeting is about: the one that holds it, or the one its joint committee coordinates."""
    holder = ctx.registry.find(meeting.held_by_id)
    if isinstance(holder, Alliance):
        return holder.id
    if isinstance(holder, PartyOrganisation):
        return (committees if committees is not None else _joint_committees(ctx)).get(holder.id)
    return None


def check_meetings(ctx: Context, scope: Scope, config: ValidationConfig) -> Iterator[RawFinding]:
    """Each meeting's holder, dates, attendance, quorum, decisions and follow-up; then every cadence."""
    committees = _joint_committees(ctx)
    for meeting in ctx.registry.meetings:
        alliance_id = _alliance_of(ctx, meeting, committees)
        holder = ctx.registry.find(meeting.held_by_id)
        path = f"meetings[{meeting.id}]"
        if isinstance(holder, _HOLDERS):
            yield from _holder(meeting, holder, path, alliance_id)
            yield from _quorum(meeting, holder, path, alliance_id)
        yield from _attendance(meeting, path, alliance_id)
        alliance = ctx.registry.find(alliance_id) if alliance_id is not None else None
        yield from _deliberation(ctx, meeting, alliance, path, config)
    yield from _cadences(ctx, config)


def _holder(meeting: Meeting, holder: Entity, path: str, alliance_id: str | None) -> Iterator[RawFinding]:
    kind = meeting.kind
    if kind.is_party_life and not isinstance(holder, PartyOrganisation):
        yield RawFinding(
            "DJ701",
            f"{path}.held_by_id",
            f"{kind.label}只能由党组织召开，{holder.id!r} 不是党组织",
            f"a {kind.value} is held by a party organisation; {holder.id!r} is not one",
            "填写召开会议的党支部（党小组） / name the branch (or party group) that held it",
            alliance_id,
        )
    elif kind is MeetingKind.PARTY_GROUP_MEETING and (
        isinstance(holder, PartyOrganisation) and holder.form is not PartyOrgForm.PARTY_GROUP
    ):
        yield RawFinding(
            "DJ701",
            f"{path}.held_by_id",
            f"党小组会由党小组召开，{holder.id!r} 是{holder.form.label}",
            f"a party-group meeting is held by a party group; {holder.id!r} is a {holder.form.value}",
            "填写召开会议的党小组 / name the party group that held it",
            alliance_id,
        )
    elif kind in (MeetingKind.JOINT_MEETING, MeetingKind.ALLIANCE_MEETING) and isinstance(holder, Team):
        yield RawFinding(
            "DJ701",
            f"{path}.held_by_id",
            f"{kind.label}由联盟或其联合党委召开，{holder.id!r} 是队伍",
            f"a {kind.value} is held by an alliance or its joint committee; {holder.id!r} is a team",
            "队伍的会议记为议事协商 / record a team's meeting as a deliberation (议事协商)",
            alliance_id,
        )
    start, end = _lifetime(holder)
    if (start is not None and meeting.held_on < start) or (end is not None and meeting.held_on >= end):
        yield RawFinding(
            "DJ702",
            f"{path}.held_on",
            f"会议日期 {meeting.held_on} 不在 {holder.id!r} 的存续期（{start or '…'} 至 {end or '…'}）内",
            f"held on {meeting.held_on}, outside the lifetime of {holder.id!r} ({start or '…'} to {end or '…'})",
            "会议应在召开方成立之后、撤销之前 / a meeting falls after its holder was set up and before it ended",
            alliance_id,
        )


def _lifetime(holder: Entity) -> tuple[datetime.date | None, datetime.date | None]:
    if isinstance(holder, Alliance):
        return holder.formed_on, holder.dissolved_on
    if isinstance(holder, PartyOrganisation):
        return holder.founded_on, holder.dissolved_on
    return None, None


def _attendance(meeting: Meeting, path: str, alliance_id: str | None) -> Iterator[RawFinding]:
    expected, present = meeting.expected, meeting.present
    if expected is not None and present is not None and present > expected:
        yield RawFinding(
            "DJ703",
            f"{path}.present",
            f"实到 {present} 人，多于应到 {expected} 人",
            f"{present} present, more than the {expected} expected",
            "核对应到、实到人数 / check the numbers expected and present",
            alliance_id,
        )
    if present is not None and len(meeting.present_ids) > present:
        yield RawFinding(
            "DJ703",
            f"{path}.present_ids",
            f"列出的到会者 {len(meeting.present_ids)} 个，多于实到 {present}",
            f"{len(meeting.present_ids)} listed as present, more than the {present} present",
            "实到人数不少于列出的到会者 / the count present is at least the number listed",
            alliance_id,
        )


def _committee_size(org: PartyOrganisation, day: datetime.date) -> int | None:
    term = _term_on(org, day)
    if term is not None and term.posts:
        return len(set(term.holders_on(day)))
    return org.committee.size if org.committee is not None else None


def _term_on(org: PartyOrganisation, day: datetime.date) -> CommitteeTerm | None:
    found = None
    for term in sorted(org.committee_terms, key=_elected):
        if term.elected_on <= day:
            found = term
    return found


def _elected(term: CommitteeTerm) -> tuple[datetime.date, int]:
    return term.elected_on, term.number


def _quorum(meeting: Meeting, holder: Entity, path: str, alliance_id: str | None) -> Iterator[RawFinding]:
    """党员大会: more than half of the members with a vote (第十一条); 支委会: of the committee (第十二条)."""
    if not isinstance(holder, PartyOrganisation):
        return
    came = meeting.attendance
    if came is None:
        return
    if meeting.kind is MeetingKind.BRANCH_GENERAL_MEETING:
        basis: int | None = meeting.expected if meeting.expected is not None else holder.full_members
        zh, en = "有表决权的党员", "members with a vote"
    elif meeting.kind is MeetingKind.BRANCH_COMMITTEE_MEETING:
        basis = meeting.expected if meeting.expected is not None else _committee_size(holder, meeting.held_on)
        zh, en = "委员", "committee members"
    else:
        return
    if basis and came * 2 <= basis:
        yield RawFinding(
            "DJ704",
            f"{path}.present",
            f"{meeting.kind.label}到会 {came} 人，未超过应到{zh} {basis} 人的半数",
            f"{came} came to the {meeting.kind.value}, not more than half of the {basis} {en}",
            f"须有半数以上{zh}到会方可进行（至少 {basis // 2 + 1} 人） / more than half must attend "
            f"(at least {basis // 2 + 1})",
            alliance_id,
        )


def _participants(ctx: Context, meeting: Meeting, alliance: Entity | None) -> set[str] | None:
    """Who took part: those listed as present, else the members of the alliance on the day (None: unknown)."""
    if meeting.present_ids:
        return set(meeting.present_ids)
    if isinstance(alliance, Alliance):
        return set(alliance.members_on(meeting.held_on))
    return None


def _took_part(ctx: Context, id: str, participants: set[str]) -> bool:
    """A participant, or someone of one: a person of a participating unit or organisation, an organisation
    set up in a participating unit."""
    if id in participants:
        return True
    entity = ctx.registry.find(id)
    if isinstance(entity, Person):
        return entity.unit_id in participants or entity.party_organisation_id in participants
    if isinstance(entity, PartyOrganisation):
        return any(unit in participants for unit in entity.host_unit_ids)
    return entity is None  # an unresolved id is DJ101's, not this rule's


def _deliberation(
    ctx: Context, meeting: Meeting, alliance: Entity | None, path: str, config: ValidationConfig
) -> Iterator[RawFinding]:
    alliance_id = alliance.id if alliance is not None else None
    participants = _participants(ctx, meeting, alliance)
    for i, item in enumerate(meeting.agenda):
        at = f"{path}.agenda[{i}]"
        if item.effects and alliance is not None:
            broken = "、".join(sorted(effect.principle.label for effect in item.effects))
            yield RawFinding(
                "DJ711",
                f"{at}.effects",
                f"议题“{item.title}”的决定会打破{broken}：联盟的决定不改变成员的隶属、资产和账务",
                f"the decision on {item.title!r} would break {broken}: an alliance's decision never moves "
                "a member's superior, assets or books",
                "改为成员各自按程序决定，联盟只作协调 / let each member decide through its own line; the "
                "alliance only coordinates",
                alliance_id,
            )
        for j, follow_up in enumerate(item.follow_ups):
            where = f"{at}.follow_ups[{j}]"
            if participants is not None and not _took_part(ctx, follow_up.responsible_id, participants):
                yield RawFinding(
                    "DJ712",
                    f"{where}.responsible_id",
                    f"{follow_up.responsible_id!r} 未参与本次会议，决定只约束参与议事的成员",
                    f"{follow_up.responsible_id!r} did not take part; a decision binds only those who did",
                    "由参会成员负责落实，或先征得其同意 / give it to a member that took part, or ask first",
                    alliance_id,
                )
            if config.as_of is not None and follow_up.is_overdue(config.as_of):
                yield RawFinding(
                    "DJ713",
                    f"{where}.due_on",
                    f"“{item.title}”的落实期限 {follow_up.due_on} 已过（截至 {config.as_of}），状态仍为"
                    f"{follow_up.status.label}",
                    f"the follow-up of {item.title!r} was due on {follow_up.due_on} and is still "
                    f"{follow_up.status.value} on {config.as_of}",
                    "督办落实，或更新状态与期限 / chase it, or record its status and a new date",
                    alliance_id,
                )
            yield from _follow_up_dates(meeting, follow_up, where, alliance_id)


def _follow_up_dates(
    meeting: Meeting, follow_up: Any, where: str, alliance_id: str | None
) -> Iterator[RawFinding]:
    for field in ("due_on", "done_on"):
        day = getattr(follow_up, field)
        if day is not None and day < meeting.held_on:
            yield RawFinding(
                "DJ714",
                f"{where}.{field}",
                f"日期 {day} 早于会议日期 {meeting.held_on}",
                f"{day} is before the meeting ({meeting.held_on})",
                "落实日期在作出决定之后 / follow-up comes after the decision",
                alliance_id,
            )
    if follow_up.done_on is not None and follow_up.status.is_open:
        yield RawFinding(
            "DJ714",
            f"{where}.status",
            f"已填写办结日期 {follow_up.done_on}，状态却是{follow_up.status.label}",
            f"done on {follow_up.done_on}, yet still {follow_up.status.value}",
            "办结后状态为已落实或已撤销 / once done, the status is done or dropped",
            alliance_id,
        )


# ---------------------------------------------------------------- cadence (DJ705)


def _period_start(day: datetime.date, months: int) -> datetime.date:
    return datetime.date(day.year, (day.month - 1) // months * months + 1, 1)


def _after(start: datetime.date, months: int) -> datetime.date:
    index = start.year * 12 + start.month - 1 + months
    return datetime.date(index // 12, index % 12 + 1, 1)


def _label(start: datetime.date, every: Cadence) -> str:
    if every is Cadence.MONTH:
        return f"{start.year}-{start.month:02}"
    if every is Cadence.QUARTER:
        return f"{start.year}Q{(start.month - 1) // 3 + 1}"
    if every is Cadence.HALF_YEAR:
        return f"{start.year}H{(start.month - 1) // 6 + 1}"
    return str(start.year)


def missed_periods(
    days: list[datetime.date], rule: CadenceRule, start: datetime.date, end: datetime.date
) -> list[str]:
    """The whole periods between ``start`` and ``end`` with fewer meetings (``days``, sorted) than the rule asks."""
    months = rule.every.months
    period = _period_start(start, months)
    if period < start:
        period = _after(period, months)
    missed: list[str] = []
    while (following := _after(period, months)) <= end:
        held = bisect.bisect_left(days, following) - bisect.bisect_left(days, period)
        if held < rule.at_least:
            missed.append(_label(period, rule.every))
        period = following
    return missed


def _organisation_rules(org: PartyOrganisation) -> tuple[CadenceRule, ...]:
    if org.form is PartyOrgForm.PARTY_GROUP:
        return THREE_MEETINGS_ONE_LESSON["party_group"]
    if not org.form.is_branch:
        return ()
    rules = THREE_MEETINGS_ONE_LESSON["branch"]
    if org.committee is not None or org.committee_terms:
        rules += THREE_MEETINGS_ONE_LESSON["branch_committee"]
    return rules


def _cadences(ctx: Context, config: ValidationConfig) -> Iterator[RawFinding]:
    """DJ705: each alliance's own cadence, and the 三会一课 of organisations whose meetings are recorded."""
    as_of = config.as_of
    if as_of is None:
        return
    for alliance in ctx.registry.alliances:
        if not alliance.cadence:
            continue
        meetings = [*ctx.registry.meetings_of(alliance.id)]
        if alliance.joint_committee_id is not None:
            meetings += ctx.registry.meetings_of(alliance.joint_committee_id)
        start = alliance.formed_on or min((m.held_on for m in meetings), default=None)
        if start is None:
            continue
        end = min(as_of, alliance.dissolved_on or as_of)
        for i, rule in enumerate(alliance.cadence):
            yield from _missed(
                f"alliances[{alliance.id}].cadence[{i}]", alliance.id, meetings, rule, start, end, alliance.id
            )
    for org in ctx.registry.party_organisations:
        meetings = list(ctx.registry.meetings_of(org.id))
        rules = _organisation_rules(org) if meetings else ()
        if not rules:
            continue
        start = max(meetings[0].held_on, org.founded_on or meetings[0].held_on)
        end = min(as_of, org.dissolved_on or as_of)
        for rule in rules:
            yield from _missed(f"party_organisations[{org.id}]", org.id, meetings, rule, start, end, None)


def _missed(
    path: str,
    holder_id: str,
    meetings: list[Meeting],
    rule: CadenceRule,
    start: datetime.date,
    end: datetime.date,
    alliance_id: str | None,
) -> Iterator[RawFinding]:
    days = sorted(m.held_on for m in meetings if m.kind is rule.kind)
    missed = missed_periods(days, rule, start, end)
    if not missed:
        return
    shown = "、".join(missed[:6]) + ("…" if len(missed) > 6 else "")
    yield RawFinding(
        "DJ705",
        path,
        f"{holder_id!r} 应{rule.every.label}至少召开{rule.at_least}次{rule.kind.label}，"
        f"有 {len(missed)} 个周期未召开：{shown}",
        f"{holder_id!r} holds a {rule.kind.value} at least {rule.at_least} time(s) per {rule.every.value}; "
        f"{len(missed)} period(s) had too few: {', '.join(missed[:6])}{'…' if len(missed) > 6 else ''}",
        "按期召开并登记会议，或补录已召开的会议 / hold and record the meetings, or record those held",
        alliance_id,
    )


# ---------------------------------------------------------------- committee terms (DJ72x)


def check_committee_terms(ctx: Context, scope: Scope, config: ValidationConfig) -> Iterator[RawFinding]:
    """The history of terms (换届) of each party organisation: order, gaps, overdue elections, posts."""
    for org in ctx.registry.party_organisations:
        if org.committee_terms:
            yield from _history(org, config)


def _history(org: PartyOrganisation, config: ValidationConfig) -> Iterator[RawFinding]:
    path = f"party_organisations[{org.id}].committee_terms"
    indexed = sorted(enumerate(org.committee_terms), key=lambda pair: (pair[1].number, pair[0]))
    for (i, before), (j, after) in itertools.pairwise(indexed):
        yield from _pair(path, i, before, j, after)
    for i, term in indexed:
        if term.ended_on is not None and term.ended_on < term.elected_on:
            yield RawFinding(
                "DJ721",
                f"{path}[{i}].ended_on",
                f"第{term.number}届于 {term.ended_on} 结束，早于选举日期 {term.elected_on}",
                f"term {term.number} ended on {term.ended_on}, before it was elected ({term.elected_on})",
                "结束日期不早于选举日期 / a term ends on or after its election",
            )
    last_index, last = indexed[-1]
    if last.ended_on is not None and org.dissolved_on is None:
        yield RawFinding(
            "DJ722",
            f"{path}[{last_index}].ended_on",
            f"第{last.number}届已于 {last.ended_on} 结束，之后没有新一届委员会",
            f"term {last.number} ended on {last.ended_on} and no later term is recorded",
            "登记新一届委员会，或删去结束日期 / record the next term, or leave the end open",
        )
    if config.as_of is not None and last.ended_on is None:
        due = _overdue(last, config.as_of)
        if due is not None:
            yield RawFinding(
                "DJ723",
                f"{path}[{last_index}].elected_on",
                f"第{last.number}届任期于 {due} 届满，至 {config.as_of} 仍未换届，延期超过1年",
                f"term {last.number} was due to end on {due}; on {config.as_of} the election is more than "
                "1 year overdue",
                "按期换届，延期不超过1年 / hold the election; it may be postponed by at most 1 year",
            )
    following = {i: after for (i, _), (_, after) in itertools.pairwise(indexed)}
    for i, term in indexed:
        yield from _posts(path, i, term, following.get(i))


def _due(term: CommitteeTerm) -> datetime.date | None:
    """When the term is due to end; a term of unknown length is judged by 5 years, the longest 党章 allows.

    None past the last day a date can hold (year 9999): such a term is never overdue.
    """
    if term.term_years is not None:
        return term.term_ends_on
    return add_years(term.elected_on, 5)


def _overdue(term: CommitteeTerm, on: datetime.date) -> datetime.date | None:
    """When ``term`` was due to end, if ``on`` is past the year its election may be postponed by
    (延期不超过1年); None when the election is not overdue on that day (or that day cannot be written)."""
    due = _due(term)
    late = None if due is None else add_years(due, 1)
    return due if late is not None and on > late else None


def _pair(path: str, i: int, before: CommitteeTerm, j: int, after: CommitteeTerm) -> Iterator[RawFinding]:
    if after.number == before.number or after.elected_on <= before.elected_on:
        yield RawFinding(
            "DJ721",
            f"{path}[{j}]",
            f"第{after.number}届（{after.elected_on}）与第{before.number}届（{before.elected_on}）的届次或日期顺序不对",
            f"term {after.number} ({after.elected_on}) does not follow term {before.number} "
            f"({before.elected_on}) in number and date",
            "届次各不相同，后一届的选举日期晚于前一届 / each 届次 once, each election after the one before",
        )
        return
    if before.ended_on is not None and before.ended_on > after.elected_on:
        yield RawFinding(
            "DJ721",
            f"{path}[{i}].ended_on",
            f"第{before.number}届于 {before.ended_on} 结束，晚于第{after.number}届的选举 {after.elected_on}",
            f"term {before.number} ended on {before.ended_on}, after term {after.number} was elected "
            f"({after.elected_on})",
            "上届在新一届选出之日结束 / a term ends when the next one is elected",
        )
    if after.number != before.number + 1:
        yield RawFinding(
            "DJ722",
            f"{path}[{j}].number",
            f"第{before.number}届之后是第{after.number}届，缺少中间的届次",
            f"term {before.number} is followed by term {after.number}; the terms between are missing",
            "补录缺失的届次 / record the missing terms",
        )
    elif before.ended_on is not None and before.ended_on < after.elected_on:
        yield RawFinding(
            "DJ722",
            f"{path}[{i}].ended_on",
            f"第{before.number}届于 {before.ended_on} 结束，第{after.number}届到 {after.elected_on} 才选出，期间没有委员会",
            f"term {before.number} ended on {before.ended_on} and term {after.number} was elected only on "
            f"{after.elected_on}: no committee in between",
            "上届任期至新一届选出之日 / a term lasts until the next is elected",
        )
    due = _overdue(before, after.elected_on)
    if due is not None:
        yield RawFinding(
            "DJ723",
            f"{path}[{j}].elected_on",
            f"第{before.number}届任期于 {due} 届满，第{after.number}届到 {after.elected_on} 才选出，延期超过1年",
            f"term {before.number} was due to end on {due}; term {after.number} was elected only on "
            f"{after.elected_on}, more than 1 year late",
            "按期换届，延期不超过1年 / elections may be postponed by at most 1 year",
        )


def _posts(path: str, i: int, term: CommitteeTerm, following: CommitteeTerm | None) -> Iterator[RawFinding]:
    ends = term.ended_on or (following.elected_on if following is not None else None)
    for j, post in enumerate(term.posts):
        at = f"{path}[{i}].posts[{j}]"
        starts = post.started_on or term.elected_on
        role = post.role.label
        if starts < term.elected_on or (post.ended_on is not None and post.ended_on < starts):
            yield RawFinding(
                "DJ724",
                f"{at}.started_on",
                f"{role}职务始于 {starts}，不在第{term.number}届（{term.elected_on} 起）之内或晚于其结束",
                f"the {post.role.value} post starts on {starts}, outside term {term.number} "
                f"(from {term.elected_on}) or after it ends",
                "职务在本届选出后开始、结束前结束 / a post starts after the election and ends after it starts",
            )
        elif ends is not None and (post.ended_on is None or post.ended_on > ends):
            yield RawFinding(
                "DJ724",
                f"{at}.ended_on",
                f"第{term.number}届已于 {ends} 结束，{role}职务仍{'未结束' if post.ended_on is None else f'延续到 {post.ended_on}'}",
                f"term {term.number} ended on {ends}, but the {post.role.value} post "
                + ("has no end" if post.ended_on is None else f"lasts until {post.ended_on}"),
                "换届后上届职务终止；连任的登记在新一届 / a post ends with its term; re-elected members are "
                "listed in the new term",
            )

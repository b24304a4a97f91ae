"""Operations of deliberation: hold a meeting, take a decision, close a follow-up.

Pure functions ``registry → (new registry, events)`` like every lifecycle operation. A decision of an
alliance binds only those who took part and never moves a superior, an asset, a ledger or a person's
party affiliation: a decision that would is refused with :class:`PrincipleViolation` (三不变).
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Sequence

from dangjian_model._enums import DecisionEffect, FollowUpStatus, MeetingKind
from dangjian_model._model import (
    AgendaItem,
    Alliance,
    FollowUp,
    ListedProject,
    Meeting,
    PartyOrganisation,
    Project,
    Team,
)
from dangjian_model._registry import Entity, Registry
from dangjian_model.lifecycle._checks import (
    Outcome,
    active_alliance,
    distinct_participants,
    done,
    find,
    new_id,
    not_before,
    participant,
)
from dangjian_model.lifecycle._errors import NotAMember, OperationRefused, PrincipleViolation
from dangjian_model.lifecycle._meeting_events import DecisionTaken, FollowUpClosed, MeetingHeld

__all__ = ["close_follow_up", "hold_meeting", "take_decision"]


def _holder(registry: Registry, where: str, id: str, kind: MeetingKind, on: datetime.date) -> Entity:
    holder = find(where, registry.get, id)
    if isinstance(holder, Alliance):
        active_alliance(registry, where, id)
        not_before(where.replace("held_by_id", "on"), on, holder.formed_on, f"alliance {id!r} was formed")
    elif isinstance(holder, PartyOrganisation):
        not_before(where.replace("held_by_id", "on"), on, holder.founded_on, f"{id!r} was set up")
    elif not isinstance(holder, Team):
        raise OperationRefused(
            where, f"{id!r} is a {type(holder).__name__}", "an alliance, a party organisation or a team"
        )
    if kind.is_party_life and not isinstance(holder, PartyOrganisation):
        raise OperationRefused(
            where,
            f"a {kind.value} ({kind.label}) is held by a party organisation, and {id!r} is not one",
            "the branch or party group that holds it",
        )
    return holder


def hold_meeting(
    registry: Registry,
    *,
    meeting_id: str,
    title: str,
    kind: MeetingKind | str,
    held_by_id: str,
    on: datetime.date,
    convener_id: str | None = None,
    expected: int | None = None,
    present: int | None = None,
    present_ids: Sequence[str] = (),
    agenda: Iterable[AgendaItem | str] = (),
) -> Outcome:
    """Hold a meeting (召开会议) ``on`` a day and put it on record, with its agenda (议题).

    Agenda items given as text are motions (动议) without a decision yet; take decisions on them with
    :func:`take_decision`.

    Raises:
        IdInUse: ``meeting_id`` is taken.
        UnknownId: the holder, the convener or someone present is not in the registry.
        AllianceNotActive: the holder is a dissolved alliance.
        OperationRefused: the holder cannot hold this kind of meeting (三会一课 need a party organisation),
            the day is before the holder was set up, more are present than expected, or someone is listed
            twice.
    """
    where = "hold_meeting"
    new_id(registry, f"{where}(meeting_id)", meeting_id)
    meeting_kind = MeetingKind.parse(kind, f"{where}(kind)")
    _holder(registry, f"{where}(held_by_id)", held_by_id, meeting_kind, on)
    if convener_id is not None:
        participant(registry, f"{where}(convener_id)", convener_id)
    distinct_participants(registry, where, "present_ids", present_ids, "each once")
    if present is not None and expected is not None and present > expected:
        raise OperationRefused(
            f"{where}(present)", f"{present} present but only {expected} expected", f"at most {expected}"
        )
    items = tuple(item if isinstance(item, AgendaItem) else AgendaItem(title=item) for item in agenda)
    event = MeetingHeld(
        on=on,
        meeting_id=meeting_id,
        title=title,
        meeting_kind=meeting_kind,
        held_by_id=held_by_id,
        convener_id=convener_id,
        expected=expected,
        present=present,
        present_ids=tuple(present_ids),
        agenda=items,
    )
    return done(registry, event)


def _participants(registry: Registry, meeting: Meeting) -> tuple[str, ...] | None:
    if meeting.present_ids:
        return meeting.present_ids
    holder = registry.find(meeting.held_by_id)
    if isinstance(holder, Alliance):
        return holder.members_on(meeting.held_on)
    return None


def _alliance_of(registry: Registry, meeting: Meeting) -> str | None:
    holder = registry.find(meeting.held_by_id)
    if isinstance(holder, Alliance):
        return holder.id
    for alliance in registry.alliances:
        if alliance.joint_committee_id == meeting.held_by_id:
            return alliance.id
    return None


def _item_index(meeting: Meeting, where: str, item: int | str) -> int:
    if isinstance(item, int):
        if not 0 <= item < len(meeting.agenda):
            raise OperationRefused(
                where,
                f"meeting {meeting.id!r} has no agenda item {item}",
                f"an index from 0 to {len(meeting.agenda) - 1}"
                if meeting.agenda
                else "the title of a new item",
            )
        return item
    for index, existing in enumerate(meeting.agenda):
        if existing.title == item:
            return index
    return len(meeting.agenda)  # raised at the meeting itself (即时商议)


def take_decision(
    registry: Registry,
    *,
    meeting_id: str,
    item: int | str,
    decision: str,
    on: datetime.date,
    follow_ups: Iterable[FollowUp] = (),
    effects: Iterable[DecisionEffect | str] = (),
) -> Outcome:
    """Take a decision (议事成果) on an agenda item, with who follows it up by when (跟踪落实).

    ``item`` is the index of an agenda item or its title; a title not on the agenda is added as raised
    at the meeting (即时商议). Follow-up goes to those who took part: a decision binds only them.

    Raises:
        UnknownId: no meeting has this id, or a follow-up names someone not in the registry.
        OperationRefused: the item was already decided, the day is before the meeting, a follow-up is
            due before the decision.
        NotAMember: a follow-up is given to someone who did not take part.
        PrincipleViolation: the meeting is an alliance's and the decision would move a superior, an
            asset, books or a person's affiliation (``effects``): 三不变.
    """
    where = "take_decision"
    meeting = find(f"{where}(meeting_id)", registry.meeting, meeting_id)
    not_before(f"{where}(on)", on, meeting.held_on, f"meeting {meeting_id!r} was held")
    index = _item_index(meeting, f"{where}(item)", item)
    title = item if isinstance(item, str) else meeting.agenda[index].title
    if index < len(meeting.agenda) and meeting.agenda[index].decision is not None:
        raise OperationRefused(
            f"{where}(item)",
            f"{title!r} was already decided: {meeting.agenda[index].decision!r}",
            "an open item",
        )
    broken = frozenset(DecisionEffect.parse(effect, f"{where}(effects)") for effect in effects)
    alliance_id = _alliance_of(registry, meeting)
    if broken and alliance_id is not None:
        effect = min(broken, key=lambda e: e.value)
        raise PrincipleViolation(
            f"{where}(effects)",
            f"决定“{title}”会{effect.label}，打破{effect.principle.label} / the decision would "
            f"{effect.value.replace('_', ' ')}, breaking {effect.principle.value}",
            "联盟的决定只作协调，由成员各自按程序决定 / an alliance only coordinates; each member decides "
            "through its own line",
            principle=effect.principle,
            subject_id=meeting_id,
            alliance_ids=(alliance_id,),
        )
    took_part = _participants(registry, meeting)
    follow_ups = tuple(follow_ups)
    for number, follow_up in enumerate(follow_ups):
        at = f"{where}(follow_ups[{number}])"
        participant(registry, at, follow_up.responsible_id)
        if took_part is not None and follow_up.responsible_id not in took_part:
            raise NotAMember(
                at,
                f"{follow_up.responsible_id!r} did not take part in meeting {meeting_id!r}",
                f"one of {list(took_part)}: a decision binds only those who took part",
            )
        if follow_up.due_on is not None:
            not_before(at, follow_up.due_on, on, "the decision")
    event = DecisionTaken(
        on=on,
        meeting_id=meeting_id,
        item=index,
        title=title,
        decision=decision,
        effects=broken,
        follow_ups=follow_ups,
    )
    return done(registry, event)


def close_follow_up(
    registry: Registry,
    *,
    meeting_id: str,
    item: int,
    on: datetime.date,
    follow_up: int = 0,
    status: FollowUpStatus | str = FollowUpStatus.DONE,
    project_id: str | None = None,
    note: str | None = None,
) -> Outcome:
    """Close a follow-up (落实办结): done, perhaps with the project or listed project it led to, or dropped.

    Raises:
        UnknownId: no meeting has this id, or the project is not in the registry.
        OperationRefused: no such item or follow-up, it is closed already, the status is not 已落实 or
            已撤销, the project is neither a project nor a listed project, or the day is before the meeting.
    """
    where = "close_follow_up"
    meeting = find(f"{where}(meeting_id)", registry.meeting, meeting_id)
    if not 0 <= item < len(meeting.agenda):
        raise OperationRefused(
            f"{where}(item)",
            f"meeting {meeting_id!r} has no agenda item {item}",
            "the index of an agenda item",
        )
    follow_ups = meeting.agenda[item].follow_ups
    if not 0 <= follow_up < len(follow_ups):
        raise OperationRefused(
            f"{where}(follow_up)",
            f"agenda item {item} of {meeting_id!r} has no follow-up {follow_up}",
            f"an index below {len(follow_ups)}"
            if follow_ups
            else "a decision with follow-up (take_decision)",
        )
    if not follow_ups[follow_up].status.is_open:
        raise OperationRefused(
            f"{where}(follow_up)", f"it is {follow_ups[follow_up].status.value} already", "an open follow-up"
        )
    closing = FollowUpStatus.parse(status, f"{where}(status)")
    if closing.is_open:
        raise OperationRefused(f"{where}(status)", f"{closing.value} does not close it", "done or dropped")
    not_before(f"{where}(on)", on, meeting.held_on, f"meeting {meeting_id!r} was held")
    if project_id is not None:
        project = find(f"{where}(project_id)", registry.get, project_id)
        if not isinstance(project, Project | ListedProject):
            raise OperationRefused(
                f"{where}(project_id)",
                f"{project_id!r} is a {type(project).__name__}",
                "a project or listed project",
            )
    event = FollowUpClosed(
        on=on,
        meeting_id=meeting_id,
        item=item,
        follow_up=follow_up,
        status=closing,
        project_id=project_id,
        note=note,
    )
    return done(registry, event)

"""Events of deliberation: a meeting was held, a decision was taken, a follow-up was closed.

Like every event they carry their date (``on``) and a ``kind`` tag, and applying one is the only way
the lifecycle changes a registry. None of them touches a superior, an asset or a ledger (三不变):
a meeting adds a record of itself, a decision and a follow-up change only that record.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from typing import Any, Literal

import attrs

from dangjian_model import _fields as f
from dangjian_model._enums import AgendaOrigin, DecisionEffect, FollowUpStatus, MeetingKind
from dangjian_model._model import AgendaItem, FollowUp, Meeting
from dangjian_model._registry import Registry
from dangjian_model._repr import FieldsRepr

__all__ = ["DecisionTaken", "FollowUpClosed", "MeetingHeld"]


def _agenda(value: Iterable[AgendaItem]) -> tuple[AgendaItem, ...]:
    return tuple(value)


def _follow_ups(value: Iterable[FollowUp]) -> tuple[FollowUp, ...]:
    return tuple(value)


def _effects(value: Iterable[DecisionEffect | str]) -> frozenset[DecisionEffect]:
    return f._lenient_set(DecisionEffect, value)


def _kind(value: MeetingKind | str) -> MeetingKind:
    return f._lenient(MeetingKind, value)


def _status(value: FollowUpStatus | str) -> FollowUpStatus:
    return f._lenient(FollowUpStatus, value)


def _with_item(registry: Registry, meeting_id: str, index: int, item: AgendaItem) -> Registry:
    meeting = registry.meeting(meeting_id)
    agenda = list(meeting.agenda)
    if index < len(agenda):
        agenda[index] = item
    else:
        agenda.append(item)
    return registry.with_entities(attrs.evolve(meeting, agenda=tuple(agenda)))


@attrs.frozen(kw_only=True, repr=False)
class MeetingHeld(FieldsRepr):
    """A meeting (会议) was held ``on`` a day: a joint meeting, a deliberation, one of the 三会一课.

    Attributes:
        meeting_id, title, kind, held_by_id, convener_id, expected, present, present_ids, agenda:
            As on :class:`~dangjian_model.Meeting`.
    """

    kind: Literal["meeting_held"] = "meeting_held"
    on: datetime.date = attrs.field(converter=f.to_date, validator=f.check_date)
    meeting_id: str = attrs.field(validator=f.check_id)
    title: str = attrs.field(validator=f.check_text)
    meeting_kind: MeetingKind = attrs.field(converter=_kind, validator=f.enum_validator(MeetingKind))
    held_by_id: str = attrs.field(validator=f.check_id)
    convener_id: str | None = attrs.field(default=None, validator=f.check_optional_id)
    expected: int | None = attrs.field(default=None, validator=f.check_optional_count)
    present: int | None = attrs.field(default=None, validator=f.check_optional_count)
    present_ids: tuple[str, ...] = attrs.field(
        default=(), converter=f.to_str_tuple, validator=[f.check_tuple, f.check_ids]
    )
    agenda: tuple[AgendaItem, ...] = attrs.field(default=(), converter=_agenda)

    def apply_to(self, registry: Registry) -> Registry:
        """The registry with the meeting on record."""
        meeting = Meeting(
            id=self.meeting_id,
            title=self.title,
            kind=self.meeting_kind,
            held_by_id=self.held_by_id,
            held_on=self.on,
            convener_id=self.convener_id,
            expected=self.expected,
            present=self.present,
            present_ids=self.present_ids,
            agenda=self.agenda,
        )
        return registry.with_entities(meeting)


@attrs.frozen(kw_only=True, repr=False)
class DecisionTaken(FieldsRepr):
    """A decision (议事成果) was taken on an agenda item; an item not on the agenda was added (即时商议).

    Attributes:
        meeting_id: The meeting.
        item: The index of the item on the agenda; the agenda's length for a new item.
        title: The item's title.
        decision: What was decided.
        effects: What the decision would change that 三不变 protects (only outside alliances).
        follow_ups: Who follows it up, by when (跟踪落实).
    """

    kind: Literal["decision_taken"] = "decision_taken"
    on: datetime.date = attrs.field(converter=f.to_date, validator=f.check_date)
    meeting_id: str = attrs.field(validator=f.check_id)
    item: int = attrs.field(validator=f.check_count)
    title: str = attrs.field(validator=f.check_text)
    decision: str = attrs.field(validator=f.check_text)
    effects: frozenset[DecisionEffect] = attrs.field(
        default=frozenset(), converter=_effects, validator=f.enum_set_validator(DecisionEffect)
    )
    follow_ups: tuple[FollowUp, ...] = attrs.field(default=(), converter=_follow_ups)

    def apply_to(self, registry: Registry) -> Registry:
        """The registry with the decision and its follow-up on the meeting's agenda item."""
        agenda = registry.meeting(self.meeting_id).agenda
        if self.item < len(agenda):
            item = attrs.evolve(
                agenda[self.item],
                decision=self.decision,
                effects=self.effects,
                follow_ups=(*agenda[self.item].follow_ups, *self.follow_ups),
            )
        else:
            item = AgendaItem(
                title=self.title,
                origin=AgendaOrigin.IMMEDIATE,
                decision=self.decision,
                effects=self.effects,
                follow_ups=self.follow_ups,
            )
        return _with_item(registry, self.meeting_id, self.item, item)


@attrs.frozen(kw_only=True, repr=False)
class FollowUpClosed(FieldsRepr):
    """A follow-up was closed ``on`` a day: done (已落实), perhaps leading to a project, or dropped (已撤销)."""

    kind: Literal["follow_up_closed"] = "follow_up_closed"
    on: datetime.date = attrs.field(converter=f.to_date, validator=f.check_date)
    meeting_id: str = attrs.field(validator=f.check_id)
    item: int = attrs.field(validator=f.check_count)
    follow_up: int = attrs.field(validator=f.check_count)
    status: FollowUpStatus = attrs.field(
        default=FollowUpStatus.DONE, converter=_status, validator=f.enum_validator(FollowUpStatus)
    )
    project_id: str | None = attrs.field(default=None, validator=f.check_optional_id)
    note: str | None = attrs.field(default=None, validator=f.check_optional_text)

    def apply_to(self, registry: Registry) -> Registry:
        """The registry with the follow-up closed."""
        item = registry.meeting(self.meeting_id).agenda[self.item]
        follow_ups = list(item.follow_ups)
        old = follow_ups[self.follow_up]
        changes: dict[str, Any] = {"status": self.status, "done_on": self.on}
        if self.project_id is not None:
            changes["project_id"] = self.project_id
        if self.note is not None:
            changes["note"] = self.note
        follow_ups[self.follow_up] = attrs.evolve(old, **changes)
        return _with_item(
            registry, self.meeting_id, self.item, attrs.evolve(item, follow_ups=tuple(follow_ups))
        )

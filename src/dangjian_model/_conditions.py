"""Conditions on membership, evaluated against a registry's figures and income (DOMAIN §5, 柯桥).

An :class:`~dangjian_model.ExitCondition` says who must leave an alliance and when: 柯桥's villages whose
operating income passes 150万元 leave at the end of the three-year term in which they pass it.
:func:`exits_due` names them, with the figure that shows it::

    >>> from dangjian_model import Alliance, ExitCondition, Figure, Membership, Registry, Unit
    >>> registry = Registry(
    ...     units=[Unit(id="kq-01", name="柯桥一村", kind="行政村"), Unit(id="kq-02", name="柯桥二村", kind="行政村")],
    ...     alliances=[Alliance(
    ...         id="keqiao", name="柯桥飞地抱团", type="飞地抱团型", lead_id="kq-01", formed_on="2019-01-01",
    ...         memberships=[Membership(participant_id="kq-01"), Membership(participant_id="kq-02")],
    ...         exit_conditions=[ExitCondition(metric="经营性收入", above="150万元", term_years=3)])],
    ...     figures=[Figure(id="kq-02-income", metric="经营性收入", value="180万元", subject_id="kq-02", on="2020-12-31")],
    ... )
    >>> [(due.participant_id, due.leave_on.isoformat(), due.truth) for due in exits_due(registry, "keqiao")]
    [('kq-02', '2022-01-01', Truth.TRUE)]
"""

from __future__ import annotations

import datetime

import attrs

from dangjian_model._enums import FigureMetric, Truth
from dangjian_model._errors import InvalidFigure
from dangjian_model._figures import FigureValue
from dangjian_model._model import ExitCondition, Figure, PartyOrganisation, Unit
from dangjian_model._registry import Registry
from dangjian_model._repr import FieldsRepr

__all__ = ["ExitDue", "exits_due"]


@attrs.frozen(kw_only=True, repr=False)
class ExitDue(FieldsRepr):
    """A member an exit condition sends out of an alliance.

    Attributes:
        alliance_id: The alliance.
        participant_id: The member that must leave.
        condition: The condition it meets.
        leave_on: The end of the term it must leave at; None when the terms' start is not known.
        shown_by: The figure that shows it (a figure id), or ``collective_income`` for the unit's own field.
        value: The value that passes the threshold.
        truth: ``TRUE`` when the value surely passes, ``UNKNOWN`` when its qualifier leaves it open
            (约150万元 against 150万元).
    """

    alliance_id: str
    participant_id: str
    condition: ExitCondition
    leave_on: datetime.date | None
    shown_by: str
    value: FigureValue
    truth: Truth


def _evidence(
    registry: Registry, participant_id: str, condition: ExitCondition, on: datetime.date | None
) -> list[tuple[str, FigureValue, datetime.date | None]]:
    """(what shows it, value, the day it holds for) for the member and, for an organisation, its hosts."""
    entity = registry.find(participant_id)
    subjects = [participant_id]
    if isinstance(entity, PartyOrganisation):
        subjects += list(entity.host_unit_ids)
    found: list[tuple[str, FigureValue, datetime.date | None]] = []
    for subject in subjects:
        figure: Figure
        for figure in registry.figures_about(subject):
            if figure.metric == condition.metric:
                found.append((figure.id, figure.value, figure.on or on))
        unit = registry.find(subject)
        if (
            condition.metric is FigureMetric.COLLECTIVE_INCOME
            and isinstance(unit, Unit)
            and unit.collective_income is not None
        ):
            found.append(("collective_income", FigureValue.parse(f"{unit.collective_income.yuan}元"), on))
    return found


def exits_due(registry: Registry, alliance_id: str, on: datetime.date | None = None) -> tuple[ExitDue, ...]:
    """The members of an alliance that its exit conditions send out, and when.

    A member meets a condition when a figure about it (of the condition's metric) passes the threshold:
    surely (``truth`` TRUE) or perhaps, as its qualifier leaves open (UNKNOWN). It leaves at the end of
    the term the figure's day falls in (terms of ``term_years`` from ``terms_start_on``, the alliance's
    formation, or its agreement's signing); a figure without a day is taken to hold ``on``. A member that
    had left by the figure's day is passed over; one that left later is named (DJ806 says it left late). Figures in
    another unit than the threshold's are passed over (validation reports their unit, DJ801).

    Raises:
        UnknownId: there is no such alliance.
    """
    alliance = registry.alliance(alliance_id)
    start_default = alliance.formed_on or (alliance.agreement.signed_on if alliance.agreement else None)
    due: list[ExitDue] = []
    for condition in alliance.exit_conditions:
        start = condition.terms_start_on or start_default
        for member in dict.fromkeys(m.participant_id for m in alliance.memberships):
            membership = alliance.membership_of(member)
            left = membership.left_on if membership is not None else None
            best: ExitDue | None = None
            for shown_by, value, day in _evidence(registry, member, condition, on):
                if left is not None and (day is None or left <= day):
                    continue  # it had left by then
                try:
                    truth = value.range.greater_than(condition.above)
                except InvalidFigure:  # another unit: not comparable
                    continue
                if truth is Truth.FALSE:
                    continue
                leave_on = None if start is None or day is None else condition.term_end(start, day)
                found = ExitDue(
                    alliance_id=alliance.id,
                    participant_id=member,
                    condition=condition,
                    leave_on=leave_on,
                    shown_by=shown_by,
                    value=value,
                    truth=truth,
                )
                if best is None or _sooner(found, best):
                    best = found
            if best is not None:
                due.append(best)
    return tuple(due)


def _sooner(found: ExitDue, best: ExitDue) -> bool:
    """Sure before unsure, then the earlier date (a known date before none)."""
    if (found.truth is Truth.TRUE) != (best.truth is Truth.TRUE):
        return found.truth is Truth.TRUE
    if found.leave_on is None or best.leave_on is None:
        return best.leave_on is None and found.leave_on is not None
    return found.leave_on < best.leave_on

"""Deriving allocation inputs from the domain model (projects, units) without a registry."""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

from dangjian_model._money import Money
from dangjian_model.allocation._result import Allocation
from dangjian_model.allocation._rules import EqualSplit, Member, Rule, allocate

if TYPE_CHECKING:  # the model imports the rules; import it only for the type checker
    from dangjian_model._model import Project, Unit
    from dangjian_model._registry import Registry

__all__ = [
    "allocate_project",
    "members_from_project",
    "project_members",
    "project_rule",
    "project_year",
    "shares_from_project",
    "weights_from_contributions",
]


def weights_from_contributions(project: Project) -> dict[str, Money]:
    """Each contributor's money put into ``project`` (contributions without an amount count as zero).

    Contributors are listed in the order they first appear; the result can be given to ``apportion``.
    """
    result: dict[str, Money] = {}
    for c in project.contributions:
        result[c.contributor_id] = result.get(c.contributor_id, Money.ZERO) + (c.amount or Money.ZERO)
    return result


def shares_from_project(project: Project) -> dict[str, object]:
    """Each holder's equity share of ``project`` (summed if a holder has several)."""
    result: dict[str, object] = {}
    for s in project.shares:
        result[s.holder_id] = result.get(s.holder_id, 0) + s.fraction  # type: ignore[operator]
    return result


def members_from_project(
    project: Project, units: Iterable[Unit] | Mapping[str, Unit] = ()
) -> tuple[Member, ...]:
    """The members of ``project`` (contributors and shareholders) with investment, share and unit figures.

    Args:
        project: The project.
        units: Units to take ``population``, ``households`` and ``area_km2`` from, matched by id.
    """
    by_id = dict(units) if isinstance(units, Mapping) else {u.id: u for u in units}
    investments = weights_from_contributions(project)
    shares = shares_from_project(project)
    members = []
    for member_id in dict.fromkeys([*investments, *shares]):
        members.append(
            Member(
                member_id,
                investment=investments.get(member_id, Money.ZERO),
                share=shares.get(member_id, 0),  # type: ignore[arg-type]
                attributes=_figures(by_id.get(member_id)),
            )
        )
    return tuple(members)


def project_members(registry: Registry, project: Project) -> tuple[Member, ...]:
    """Who shares a project's income: its contributors and shareholders, or else the alliance's current members.

    Unit figures (population, households, area) come from the registry, for rules that weight by them.
    """
    sharers = [*(c.contributor_id for c in project.contributions), *(s.holder_id for s in project.shares)]
    members = members_from_project(project, _units(registry, sharers))
    if members or project.alliance_id is None:
        return members
    ids = registry.alliance(project.alliance_id).member_ids
    units = _units(registry, ids)
    return tuple(Member(id, attributes=_figures(units[id])) for id in ids if id in units)


def _units(registry: Registry, ids: Iterable[str]) -> dict[str, Unit]:
    """The units among ``ids``, looked up one by one (never a pass over the whole registry)."""
    from dangjian_model._model import Unit

    found = {id: registry.find(id) for id in ids}
    return {id: entity for id, entity in found.items() if isinstance(entity, Unit)}


def _figures(unit: Unit | None) -> dict[str, object]:
    if unit is None:
        return {}
    return {
        name: getattr(unit, name)
        for name in ("population", "households", "area_km2")
        if getattr(unit, name) is not None
    }


def project_rule(project: Project) -> Rule:
    """The project's own allocation rule, or an equal split (平分) when it names none."""
    return project.allocation_rule if project.allocation_rule is not None else EqualSplit()


def project_year(project: Project, on: datetime.date | None) -> int:
    """The year of the agreement (1 = the year the project started) that ``on`` falls in; 1 when unknown."""
    if on is None or project.started_on is None or on < project.started_on:
        return 1
    return on.year - project.started_on.year + 1


def allocate_project(
    registry: Registry,
    project_id: str,
    income: Money | str | None = None,
    *,
    on: datetime.date | None = None,
    year: int | None = None,
) -> Allocation:
    """Share a project's income by its allocation rule (its ``allocation_rule``, or 平分).

    Args:
        registry: The registry that holds the project, its alliance and units.
        project_id: The project.
        income: The amount to share; by default all the income the project recorded.
        on: The day of the distribution, to know the year of the agreement (fixed returns and
            escalating minimums depend on it); by default the day of the last income record.
        year: The year of the agreement, overriding ``on``.

    Raises:
        UnknownId: the project (or its alliance) is not in the registry.
        AllocationError: the rule cannot be applied (e.g. nobody to share among).

    >>> import runpy
    >>> registry = runpy.run_path("examples/cixi_three_villages.py")["build"]()
    >>> allocate_project(registry, "lianshu-village").amounts()["qianbing"]
    Money('100000元')
    """
    project = registry.project(project_id)
    amount = project.total_income if income is None else Money.parse(income, "allocate_project(income)")
    if on is None and project.income:
        on = max(record.on for record in project.income)
    chosen_year = year if year is not None else project_year(project, on)
    return allocate(project_rule(project), amount, project_members(registry, project), year=chosen_year)

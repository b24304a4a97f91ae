"""Deriving allocation inputs from the domain model (projects, units) without a registry."""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

from dangjian_model._money import Money
from dangjian_model.allocation._errors import AllocationError
from dangjian_model.allocation._result import Allocation
from dangjian_model.allocation._rules import EqualSplit, Member, Rule, allocate
from dangjian_model.allocation._yearly import AllocationByYear, YearAllocation

if TYPE_CHECKING:  # the model imports the rules; import it only for the type checker
    from dangjian_model._model import IncomeRecord, Project, Unit
    from dangjian_model._registry import Registry

__all__ = [
    "allocate_project",
    "allocate_project_by_year",
    "distribution_year",
    "income_by_year",
    "income_year",
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


def _agreement_year(project: Project, calendar_year: int) -> int:
    """The year of the agreement that ``calendar_year`` is (1 = the year the project started); 1 when unknown."""
    if project.started_on is None:
        return 1
    return max(calendar_year - project.started_on.year + 1, 1)


def project_year(project: Project, on: datetime.date | None) -> int:
    """The year of the agreement (1 = the year the project started) that ``on`` falls in; 1 when unknown."""
    if on is None:
        return 1
    return _agreement_year(project, on.year)


_PERIOD_YEAR = re.compile(r"([12][0-9]{3})(?![0-9])")


def income_year(record: IncomeRecord) -> int:
    """The calendar year an income record is for: the year its ``period`` starts with, else the year of ``on``.

    A period such as ``2021``, ``2021年`` or ``2021-Q4`` names the year the income was earned, which
    may differ from the day it was recorded (rent for 2021 booked on 2022-01-10).

    >>> from dangjian_model import IncomeRecord
    >>> income_year(IncomeRecord(on="2022-01-10", amount="5万元", period="2021年"))
    2021
    >>> income_year(IncomeRecord(on="2022-01-10", amount="5万元"))
    2022
    """
    if record.period is not None:
        found = _PERIOD_YEAR.match(record.period.strip())
        if found:
            return int(found[1])
    return record.on.year


def income_by_year(project: Project) -> dict[int, Money]:
    """The income ``project`` recorded, summed per calendar year (see :func:`income_year`), earliest first."""
    result: dict[int, Money] = {}
    for record in project.income:
        year = income_year(record)
        result[year] = result.get(year, Money.ZERO) + record.amount
    return dict(sorted(result.items()))


def allocate_project(
    registry: Registry,
    project_id: str,
    income: Money | str | int | None = None,
    *,
    on: datetime.date | None = None,
    year: int | None = None,
) -> Allocation:
    """Share one year's income of a project by its allocation rule (its ``allocation_rule``, or 平分).

    Rules are yearly (fixed returns, minimums, excess rates), so without ``income`` only the income
    recorded for one year is shared: the year chosen by ``year`` or ``on``, else the last year with
    income. :func:`allocate_project_by_year` shares every year's.

    Args:
        registry: The registry that holds the project, its alliance and units.
        project_id: The project.
        income: The amount to share (Money, text such as ``'10万元'``, or an int of 分); by default the
            income recorded for the chosen year.
        on: The day of the distribution, to know the year of the agreement (fixed returns and
            escalating minimums depend on it); by default the last year with recorded income.
        year: The year of the agreement (1 = the year the project started), overriding ``on``.

    Raises:
        UnknownId: the project (or its alliance) is not in the registry.
        AllocationError: the rule cannot be applied (e.g. nobody to share among), or ``year`` is
            asked for the recorded income of a project without ``started_on``.

    >>> import runpy
    >>> registry = runpy.run_path("examples/cixi_three_villages.py")["build"]()
    >>> allocate_project(registry, "lianshu-village").amounts()["qianbing"]
    Money('100000元')
    """
    project = registry.project(project_id)
    rule, members = project_rule(project), project_members(registry, project)
    chosen = distribution_year(project, on=on, year=year)
    if income is not None:
        return allocate(rule, income, members, year=chosen)
    recorded = income_by_year(project)
    if year is not None:
        if project.started_on is None:
            raise AllocationError(
                "allocate_project(year)",
                year,
                f"项目 {project.id!r} 没有开始日期 (started_on)，无法确定协议年度 the project has no start "
                "date, so its years of the agreement are unknown: give on=DATE, or the income to share",
            )
        calendar_year = project.started_on.year + year - 1
    elif on is not None:
        calendar_year = on.year
    else:
        calendar_year = max(recorded, default=0)  # no income recorded: nothing to share
    return allocate(rule, recorded.get(calendar_year, Money.ZERO), members, year=chosen)


def distribution_year(project: Project, *, on: datetime.date | None = None, year: int | None = None) -> int:
    """The year of the agreement :func:`allocate_project` shares in.

    ``year`` if given, else the year ``on`` falls in, else the year of the last recorded income
    (see :func:`income_year`); 1 when the project's start or its income is unknown.
    """
    if year is not None:
        return year
    if on is not None or not project.income:
        return project_year(project, on)
    return _agreement_year(project, max(income_year(record) for record in project.income))


def allocate_project_by_year(registry: Registry, project_id: str) -> AllocationByYear:
    """Share each year's recorded income of a project by its rule as it stands in that year of the agreement.

    The income records are summed per calendar year (:func:`income_by_year`); each year is shared on
    its own in its year of the agreement (:func:`project_year`), so a lean year keeps its guarantor
    cover and a fixed return that turns into dividends after year 5 does so from year 6.

    Raises:
        UnknownId: the project (or its alliance) is not in the registry.
        AllocationError: the rule cannot be applied (e.g. nobody to share among).

    >>> import runpy
    >>> registry = runpy.run_path("examples/enclave_fixed_return.py")["load"]()
    >>> [(y.calendar_year, y.year) for y in allocate_project_by_year(registry, "enclave-property")]
    [(2020, 2), (2024, 6)]
    """
    project = registry.project(project_id)
    rule, members = project_rule(project), project_members(registry, project)
    return AllocationByYear(
        tuple(
            YearAllocation(
                year=_agreement_year(project, calendar_year),
                allocation=allocate(rule, amount, members, year=_agreement_year(project, calendar_year)),
                calendar_year=calendar_year,
            )
            for calendar_year, amount in income_by_year(project).items()
        )
    )

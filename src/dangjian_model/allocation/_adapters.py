"""Deriving allocation inputs from the domain model (projects, units) without a registry."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from dangjian_model._model import Project, Unit
from dangjian_model._money import Money
from dangjian_model.allocation._rules import Member

__all__ = ["members_from_project", "shares_from_project", "weights_from_contributions"]


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
        unit = by_id.get(member_id)
        figures: dict[str, object] = {}
        if unit is not None:
            for name in ("population", "households", "area_km2"):
                value = getattr(unit, name)
                if value is not None:
                    figures[name] = value
        members.append(
            Member(
                member_id,
                investment=investments.get(member_id, Money.ZERO),
                share=shares.get(member_id, 0),  # type: ignore[arg-type]
                attributes=figures,
            )
        )
    return tuple(members)

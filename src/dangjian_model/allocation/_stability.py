"""Would the members of a project do better on their own? The project's game, from the registry.

The grand coalition earns the income being shared. What a smaller coalition would earn on its own
comes from the registry's recorded figures — the income of every other project whose contributors
and shareholders are exactly those members (their stand-alone projects) — or from a function the user
supplies. A coalition with no figure earns what its parts do side by side (:meth:`Game.from_worths`).
Record stand-alone incomes for the same period as the income shared, or pass ``worth``.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from typing import TYPE_CHECKING

import attrs

from dangjian_model._money import Money
from dangjian_model._repr import FieldsRepr
from dangjian_model.allocation._adapters import allocate_project, project_members
from dangjian_model.allocation._games import CoreCheck, Game, Worth, core_check, round_payoff
from dangjian_model.allocation._nucleolus import MAX_NUCLEOLUS_PLAYERS, nucleolus
from dangjian_model.allocation._result import Allocation

if TYPE_CHECKING:  # the registry sits above the allocation engine; import it only for the type checker
    from dangjian_model._registry import Registry

__all__ = ["Stability", "explain_stability", "project_game"]


def project_game(
    registry: Registry,
    project_id: str,
    income: Money | str | None = None,
    *,
    worth: Callable[[frozenset[str]], Worth] | None = None,
) -> Game:
    """The characteristic function of a project: what each coalition of its sharers earns on its own, in 分.

    Args:
        registry: The registry with the project and any stand-alone projects of its members.
        project_id: The project.
        income: What all of them earn together; by default all the income the project recorded.
        worth: Coalition → what it earns on its own (Money, or a number of 分), for every coalition but
            everyone; by default the recorded figures described in the module.

    Raises:
        UnknownId: no such project.
        AllocationError: more players than a game's table holds, or a worth that is not exact.
    """
    project = registry.project(project_id)
    players = [m.id for m in project_members(registry, project)]
    grand = project.total_income if income is None else Money.parse(income, "project_game(income)")
    if worth is not None:
        everyone = frozenset(players)
        return Game.from_function(players, lambda c: grand if c == everyone else worth(c))
    inside = set(players)
    recorded: dict[frozenset[str], int] = {}  # in 分
    for other in registry.projects:
        if other.id == project.id:
            continue
        sharers = frozenset(
            [*(c.contributor_id for c in other.contributions), *(s.holder_id for s in other.shares)]
        )
        if sharers and sharers <= inside and sharers != inside:
            recorded[sharers] = recorded.get(sharers, 0) + other.total_income.fen
    return Game.from_worths(players, dict(recorded), grand=grand)


@attrs.frozen(repr=False)
class Stability(FieldsRepr):
    """A project's split judged against what its members could earn on their own.

    Attributes:
        game: The project's game (worths in 分).
        allocation: The split, by the project's rule.
        check: Whether the split is in the core, and the coalition that objects most.
        nucleolus: The nucleolus in whole 分 — in the core whenever the core is non-empty — or None
            for games of more than :data:`MAX_NUCLEOLUS_PLAYERS` players.
    """

    game: Game
    allocation: Allocation
    check: CoreCheck
    nucleolus: dict[str, Money] | None


def explain_stability(
    registry: Registry,
    project_id: str,
    income: Money | str | None = None,
    *,
    on: datetime.date | None = None,
    year: int | None = None,
    worth: Callable[[frozenset[str]], Worth] | None = None,
) -> Stability:
    """Share a project's income by its rule and say whether the split is in the core (see :func:`project_game`).

    >>> import runpy
    >>> registry = runpy.run_path("examples/cixi_three_villages.py")["build"]()
    >>> explain_stability(registry, "lianshu-village").check.in_core
    True
    """
    allocation = allocate_project(registry, project_id, income, on=on, year=year)
    game = project_game(registry, project_id, allocation.total, worth=worth)
    fair = round_payoff(nucleolus(game)) if len(game.players) <= MAX_NUCLEOLUS_PLAYERS else None
    return Stability(game=game, allocation=allocation, check=core_check(game, allocation), nucleolus=fair)

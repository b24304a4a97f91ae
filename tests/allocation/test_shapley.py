"""The Shapley value axioms, the fast table method against the definition, and weighted voting."""

from __future__ import annotations

import itertools
import math
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dangjian_model import Money
from dangjian_model.allocation import (
    AllocationError,
    Member,
    MemberWeight,
    ShapleyTable,
    WeightedVoting,
    allocate,
    shapley_from_table,
    shapley_monte_carlo,
    shapley_values,
    weighted_voting_shapley,
)

fast = settings(max_examples=40, deadline=None)


@st.composite
def games(draw: st.DrawFn, max_players: int = 5) -> tuple[list[str], list[int]]:
    n = draw(st.integers(1, max_players))
    players = [f"p{i}" for i in range(n)]
    table = [0, *draw(st.lists(st.integers(-100, 1000), min_size=2**n - 1, max_size=2**n - 1))]
    return players, table


def by_definition(players: list[str], table: list[int]) -> dict[str, Fraction]:
    """Average marginal contribution over every order of the players."""
    index = {p: 1 << i for i, p in enumerate(players)}
    totals = dict.fromkeys(players, Fraction(0))
    for order in itertools.permutations(players):
        mask = 0
        for p in order:
            totals[p] += table[mask | index[p]] - table[mask]
            mask |= index[p]
    return {p: t / math.factorial(len(players)) for p, t in totals.items()}


@fast
@given(game=games())
def test_the_fast_table_method_agrees_with_the_definition(game: tuple[list[str], list[int]]) -> None:
    assert shapley_from_table(*game) == by_definition(*game)


@fast
@given(game=games())
def test_shapley_values_add_up_to_the_grand_coalitions_worth(game: tuple[list[str], list[int]]) -> None:
    players, table = game
    assert sum(shapley_from_table(players, table).values()) == table[-1]


@fast
@given(game=games(max_players=4), extra=st.lists(st.integers(-50, 50), min_size=15, max_size=15))
def test_symmetric_players_get_the_same_and_a_null_player_gets_nothing(
    game: tuple[list[str], list[int]], extra: list[int]
) -> None:
    players, _ = game
    n = len(players)
    # A game that depends only on how many of the first n players are in, plus a null player "z".
    by_size = [0, *extra[:n]]
    table = [by_size[bin(mask & ((1 << n) - 1)).count("1")] for mask in range(1 << (n + 1))]
    values = shapley_from_table([*players, "z"], table)
    assert len({values[p] for p in players}) == 1
    assert values["z"] == 0


@fast
@given(first=games(max_players=4), data=st.data())
def test_the_shapley_value_of_a_sum_of_games_is_the_sum_of_their_values(
    first: tuple[list[str], list[int]], data: st.DataObject
) -> None:
    players, table = first
    other = [
        0,
        *data.draw(st.lists(st.integers(-100, 100), min_size=len(table) - 1, max_size=len(table) - 1)),
    ]
    together = shapley_from_table(players, [a + b for a, b in zip(table, other, strict=False)])
    apart = (shapley_from_table(players, table), shapley_from_table(players, other))
    assert together == {p: apart[0][p] + apart[1][p] for p in players}


def test_fraction_valued_games_are_exact() -> None:
    assert shapley_values(["a", "b"], lambda c: Fraction(len(c), 3)) == {
        "a": Fraction(1, 3),
        "b": Fraction(1, 3),
    }


@fast
@given(weights=st.lists(st.integers(0, 9), min_size=1, max_size=6), data=st.data())
def test_weighted_voting_power_agrees_with_the_general_method(
    weights: list[int], data: st.DataObject
) -> None:
    if not any(weights):
        weights[0] = 1
    quota = data.draw(st.integers(1, sum(weights)))
    players = [f"v{i}" for i in range(len(weights))]
    power = weighted_voting_shapley(dict(zip(players, weights, strict=False)), quota)
    general = shapley_values(players, lambda c: int(sum(weights[int(p[1:])] for p in c) >= quota))
    assert power == general
    assert sum(power.values()) == 1


def test_weighted_voting_handles_a_hundred_and_twenty_players_exactly() -> None:
    weights = {f"村{k:03d}": 1 + k % 7 for k in range(120)}
    power = weighted_voting_shapley(weights, sum(weights.values()) // 2 + 1)
    assert sum(power.values()) == 1
    assert power["村006"] > power["村000"]


def test_monte_carlo_is_reproducible_and_close_to_the_exact_value() -> None:
    players = [f"p{i}" for i in range(6)]

    def value(c: frozenset[str]) -> int:
        return sum(int(p[1:]) + 1 for p in c) ** 2

    exact = shapley_values(players, value)
    first = shapley_monte_carlo(players, value, samples=400, seed=7)
    assert first == shapley_monte_carlo(players, value, samples=400, seed=7)
    for p in players:
        assert abs(first.values[p] - exact[p]) <= 5 * first.standard_errors[p] + 1


def test_the_shapley_rule_turns_values_into_fen_that_add_up() -> None:
    rule = ShapleyTable(["甲", "乙", "丙"], [0, 10, 20, 60, 0, 10, 20, 90])
    result = allocate(rule, Money(1000), [Member("甲"), Member("乙"), Member("丙")])
    assert sum(result.amounts().values(), Money.ZERO) == Money(1000)
    assert result.lines[0].quota == Fraction(1000) * rule.shapley()["甲"] / 90


def test_the_weighted_voting_rule_splits_by_voting_power() -> None:
    rule = WeightedVoting([MemberWeight("a", 50), MemberWeight("b", 49), MemberWeight("c", 1)], 51)
    result = allocate(rule, Money(600), [Member("a"), Member("b"), Member("c")])
    assert result.amounts() == {"a": Money(400), "b": Money(100), "c": Money(100)}


def test_a_table_of_the_wrong_length_is_refused() -> None:
    with pytest.raises(AllocationError, match=r"shapley_from_table\(table\).*2\*\*2 = 4 values"):
        shapley_from_table(["a", "b"], [0, 1, 2])


def test_a_nonzero_empty_coalition_is_refused() -> None:
    with pytest.raises(AllocationError, match=r"table\)\[0\].*empty coalition"):
        shapley_from_table(["a"], [1, 2])


@fast
@given(game=games(max_players=7))
def test_the_callable_form_asks_each_coalition_once_and_agrees_with_the_table(
    game: tuple[list[str], list[int]],
) -> None:
    players, table = game
    asked: list[frozenset[str]] = []

    def value(coalition: frozenset[str]) -> int:
        asked.append(coalition)
        return table[sum(1 << i for i, p in enumerate(players) if p in coalition)]

    assert shapley_values(players, value) == shapley_from_table(players, table)
    assert len(asked) == len(set(asked)) == 2 ** len(players)


def test_the_first_coalition_with_a_wrong_value_is_named() -> None:
    def value(coalition: frozenset[str]) -> object:
        return 0.5 if coalition >= {"b", "c"} else len(coalition)

    with pytest.raises(AllocationError, match=r"shapley_values\(value\)\(\['b', 'c'\]\).*not float"):
        shapley_values(["a", "b", "c", "d"], value)  # type: ignore[arg-type]


def test_float_coalition_values_are_refused() -> None:
    with pytest.raises(AllocationError, match=r"shapley_values\(value\).*not float"):
        shapley_values(["a"], lambda c: 0.5 * len(c))  # type: ignore[arg-type,return-value]


def test_a_quota_above_the_total_weight_is_refused() -> None:
    with pytest.raises(
        AllocationError, match=r"weighted_voting_shapley\(quota\).*at most the total weight 3"
    ):
        weighted_voting_shapley({"a": 1, "b": 2}, 4)

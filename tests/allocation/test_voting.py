"""Weighted voting games: both exact methods against the definitions, the laws, and the documented limits."""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dangjian_model import Money
from dangjian_model.allocation import (
    AllocationError,
    GameTooLarge,
    Member,
    MemberWeight,
    VotingLimits,
    WeightedVoting,
    allocate,
    shapley_values,
    weighted_voting_banzhaf,
    weighted_voting_monte_carlo,
    weighted_voting_shapley,
)
from dangjian_model.files import loads
from dangjian_model.validation import validate


@st.composite
def voting_games(draw: st.DrawFn, max_players: int = 8, max_weight: int = 40) -> tuple[dict[str, int], int]:
    """Small games: small weights take the generating function, large ones the list of coalitions."""
    weights = draw(st.lists(st.integers(0, max_weight), min_size=1, max_size=max_players))
    if not any(weights):
        weights[0] = 1
    quota = draw(st.integers(1, sum(weights)))
    return {f"v{i}": w for i, w in enumerate(weights)}, quota


def wins(weights: dict[str, int], quota: int, coalition: frozenset[str] | set[str]) -> int:
    return int(sum(weights[p] for p in coalition) >= quota)


def swings_by_definition(weights: dict[str, int], quota: int) -> dict[str, int]:
    players = list(weights)
    result = dict.fromkeys(players, 0)
    for mask in range(1 << len(players)):
        coalition = {p for i, p in enumerate(players) if mask >> i & 1}
        for p in players:
            if p not in coalition:
                result[p] += wins(weights, quota, coalition | {p}) - wins(weights, quota, coalition)
    return result


@given(game=voting_games())
def test_shapley_shubik_power_is_the_shapley_value_of_the_voting_game(
    game: tuple[dict[str, int], int],
) -> None:
    weights, quota = game
    general = shapley_values(list(weights), lambda c: wins(weights, quota, c))
    assert weighted_voting_shapley(weights, quota) == general


@given(game=voting_games())
def test_banzhaf_swings_are_the_decisive_coalitions_counted_one_by_one(
    game: tuple[dict[str, int], int],
) -> None:
    weights, quota = game
    index = weighted_voting_banzhaf(weights, quota)
    assert index.swings == swings_by_definition(weights, quota)
    assert sum(index.normalised.values()) == 1
    assert all(index.raw[p] == Fraction(s, 2 ** (len(weights) - 1)) for p, s in index.swings.items())


@given(game=voting_games())
def test_a_dummy_player_has_no_banzhaf_power_and_only_a_dummy(game: tuple[dict[str, int], int]) -> None:
    # A dummy never turns a losing coalition into a winning one (Banzhaf 1965; Dubey & Shapley 1979, §2).
    weights, quota = game
    index = weighted_voting_banzhaf(weights, quota)
    players = list(weights)
    for p in players:
        others = [q for q in players if q != p]
        dummy = all(
            wins(weights, quota, {q for i, q in enumerate(others) if m >> i & 1} | {p})
            == wins(weights, quota, {q for i, q in enumerate(others) if m >> i & 1})
            for m in range(1 << len(others))
        )
        assert (index.raw[p] == 0) == dummy


@given(game=voting_games(), scale=st.sampled_from([Fraction(10**8), Fraction(1, 10**300), Fraction(7, 3)]))
def test_scaling_every_weight_and_the_quota_changes_no_power(
    game: tuple[dict[str, int], int], scale: Fraction
) -> None:
    weights, quota = game
    scaled = {p: w * scale for p, w in weights.items()}
    assert weighted_voting_shapley(scaled, quota * scale) == weighted_voting_shapley(weights, quota)
    assert weighted_voting_banzhaf(scaled, quota * scale) == weighted_voting_banzhaf(weights, quota)


@given(game=voting_games(max_players=6))
def test_a_player_without_weight_gets_nothing_and_changes_no_one_elses_power(
    game: tuple[dict[str, int], int],
) -> None:
    weights, quota = game
    more = {**weights, "zero": 0}
    assert weighted_voting_shapley(more, quota) == {**weighted_voting_shapley(weights, quota), "zero": 0}
    with_null = weighted_voting_banzhaf(more, quota)
    assert with_null.normalised == {**weighted_voting_banzhaf(weights, quota).normalised, "zero": 0}


def test_two_hundred_players_with_weights_in_the_hundreds_are_exact() -> None:
    weights = {f"村{k:03d}": 100 + (k * 37) % 900 for k in range(200)}
    quota = sum(weights.values()) // 2 + 1
    index = weighted_voting_banzhaf(weights, quota)
    assert sum(index.normalised.values()) == 1
    heaviest = max(weights, key=weights.__getitem__)
    lightest = min(weights, key=weights.__getitem__)
    assert index.swings[heaviest] > index.swings[lightest] > 0


def test_sixty_players_by_the_generating_function_add_up_and_respect_the_order_of_weights() -> None:
    weights = {f"村{k:02d}": 100 + (k * 37) % 900 for k in range(60)}
    power = weighted_voting_shapley(weights, sum(weights.values()) // 2 + 1)
    assert sum(power.values()) == 1
    ordered = sorted(weights, key=weights.__getitem__)
    assert [power[p] for p in ordered] == sorted(power.values())


def test_a_tiny_quota_is_answered_exactly_every_player_with_weight_wins_alone() -> None:
    power = weighted_voting_shapley({"a": "1", "b": "2", "c": "0"}, "1e-300")
    assert power == {"a": Fraction(1, 2), "b": Fraction(1, 2), "c": 0}


def test_weights_of_a_hundred_million_among_three_players_are_answered_by_listing_the_coalitions() -> None:
    weights = {"a": 100_000_001, "b": 99_999_999, "c": 100_000_003}
    assert weighted_voting_shapley(weights, 150_000_001) == dict.fromkeys(weights, Fraction(1, 3))


@pytest.mark.parametrize(
    ("limits", "measure"),
    [
        (VotingLimits(table_bits=1000), "VotingLimits.table_bits"),
        (VotingLimits(work=10_000), "VotingLimits.work"),
        (VotingLimits(steps=100), "VotingLimits.steps"),
    ],
)
def test_a_game_past_a_limit_is_refused_before_any_work_naming_the_limit_and_the_estimate(
    limits: VotingLimits, measure: str
) -> None:
    weights = {f"v{k:02d}": 100 + k for k in range(30)}
    for method in (weighted_voting_shapley, weighted_voting_banzhaf):
        with pytest.raises(GameTooLarge) as refused:
            method(weights, 2000, limits=limits)
        assert measure in str(refused.value)
        assert "weighted_voting_monte_carlo" in refused.value.expected
        assert refused.value.expected.startswith("精确算法")
        assert isinstance(refused.value, AllocationError)


def test_huge_weights_among_many_players_are_refused_not_computed() -> None:
    weights = {f"v{k:02d}": 10**8 + 2 * k + 1 for k in range(30)}
    with pytest.raises(GameTooLarge, match="steps"):
        weighted_voting_shapley(weights, sum(weights.values()) // 2)


def test_limits_must_be_positive_whole_numbers() -> None:
    with pytest.raises(AllocationError, match=r"VotingLimits\.work"):
        VotingLimits(work=0)


@pytest.mark.parametrize(
    ("weights", "quota", "where"),
    [
        ([("a", 1)], 1, r"weights\)"),
        ({"a": 1, "b": 2}, 4, r"quota\).*at most the total weight 3"),
        ({"a": 1}, "1e-99999", r"quota\)"),
        ({"a": 1.5}, 1, r"weights\)\['a'\]"),
        ({"a": 1}, 0, r"quota\).*above 0"),
    ],
)
def test_bad_weights_and_quotas_are_refused_with_where_they_stand(
    weights: object, quota: object, where: str
) -> None:
    for method in (weighted_voting_shapley, weighted_voting_banzhaf, weighted_voting_monte_carlo):
        with pytest.raises(AllocationError, match=method.__name__ + r"\(" + where):
            method(weights, quota)  # type: ignore[arg-type]


def test_the_monte_carlo_estimate_is_reproducible_and_close_to_the_exact_power() -> None:
    weights = {f"v{k}": 1 + k % 4 for k in range(9)}
    quota = 12
    exact = weighted_voting_shapley(weights, quota)
    first = weighted_voting_monte_carlo(weights, quota, samples=3000, seed=11)
    assert first == weighted_voting_monte_carlo(weights, quota, samples=3000, seed=11)
    assert sum(first.values.values()) == 1
    for p in weights:
        assert abs(first.values[p] - exact[p]) <= 5 * Fraction(first.standard_errors[p]) + Fraction(1, 100)


def test_the_monte_carlo_estimate_refuses_too_few_or_too_many_samples() -> None:
    with pytest.raises(AllocationError, match="samples"):
        weighted_voting_monte_carlo({"a": 1}, 1, samples=1)
    with pytest.raises(GameTooLarge, match="samples"):
        weighted_voting_monte_carlo({f"v{k}": 1 for k in range(1000)}, 10, samples=10**6)


def _rule(samples: int | None) -> WeightedVoting:
    weights = [MemberWeight(f"v{k:02d}", 10**8 + 2 * k + 1) for k in range(30)]
    return WeightedVoting(weights, sum(w.weight for w in weights) // 2, samples=samples, seed=5)


def test_the_rule_refuses_a_game_too_large_unless_an_estimate_is_asked_for() -> None:
    members = [Member(f"v{k:02d}") for k in range(30)]
    with pytest.raises(GameTooLarge):
        allocate(_rule(None), Money(30_000), members)
    estimated = allocate(_rule(400), Money(30_000), members)
    assert sum(estimated.amounts().values(), Money.ZERO) == Money(30_000)
    assert estimated == allocate(_rule(400), Money(30_000), members)


@pytest.mark.parametrize(("field", "value"), [("samples", 1), ("samples", True), ("seed", "x")])
def test_the_rule_refuses_bad_estimate_settings(field: str, value: object) -> None:
    with pytest.raises(AllocationError, match=f"WeightedVoting.{field}"):
        WeightedVoting([MemberWeight("a", 1)], 1, **{field: value})  # type: ignore[arg-type]


HOSTILE = (
    """
version: 1
units:
"""
    + "".join(f"  - {{id: v{k:02d}, name: 村{k:02d}, kind: 村}}\n" for k in range(30))
    + """
projects:
  - id: p
    name: 项目
    contributions:
"""
    + "".join(f"      - {{contributor_id: v{k:02d}, kind: 现金, amount: 1万元}}\n" for k in range(30))
    + """
    allocation_rule:
      kind: weighted_voting
      quota: '1500000000'
      weights:
"""
    + "".join(f"        - {{member_id: v{k:02d}, weight: '{10**8 + 2 * k + 1}'}}\n" for k in range(30))
)


def test_validation_reports_a_voting_game_too_large_as_a_finding() -> None:
    report = validate(loads(HOSTILE, format="yaml"))
    findings = [f for f in report.findings if f.code == "DJ508"]
    assert len(findings) == 1
    assert "VotingLimits.steps" in findings[0].message_en


@given(
    weights=st.lists(
        st.builds(lambda d, e: f"{d}e{e}", st.integers(0, 999), st.integers(-1000, 1000)),
        min_size=1,
        max_size=25,
    ),
    quota=st.builds(lambda d, e: f"{d}e{e}", st.integers(1, 999), st.integers(-1000, 1000)),
)
def test_weights_and_quotas_of_any_magnitude_are_answered_or_refused_with_a_documented_error(
    weights: list[str], quota: str
) -> None:
    named = {f"v{k:02d}": w for k, w in enumerate(weights)}
    for method in (weighted_voting_shapley, weighted_voting_banzhaf):
        refusal: AllocationError | None = None
        try:
            result = method(named, quota, limits=VotingLimits(steps=1 << 16))
        except AllocationError as error:
            refusal = error
        if refusal is None:
            power = result if isinstance(result, dict) else result.normalised
            assert sum(power.values()) == 1
        elif isinstance(refusal, GameTooLarge):
            assert "VotingLimits" in refusal.expected
        else:
            assert "quota" in refusal.where

"""Laws and examples of the apportionment core."""

from __future__ import annotations

import math
import random
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dangjian_model import InvalidValue, Money
from dangjian_model.allocation import AllocationError, Method, apportion, quotas, round_quotas

from .strategies import methods, totals, weight_maps

fast = settings(max_examples=80, deadline=None)


@fast
@given(total=totals, weights=weight_maps(), method=methods)
def test_parts_always_add_up_to_the_total(
    total: int, weights: dict[str, int | Fraction], method: Method
) -> None:
    assert sum(apportion(total, weights, method).values()) == total


@fast
@given(total=totals, weights=weight_maps(), method=methods)
def test_a_zero_weight_gets_nothing(total: int, weights: dict[str, int | Fraction], method: Method) -> None:
    weights = {**weights, "零": 0}
    assert apportion(total, weights, method)["零"] == 0


@fast
@given(total=totals, weights=weight_maps())
def test_largest_remainder_gives_each_the_floor_or_ceiling_of_its_quota(
    total: int, weights: dict[str, int | Fraction]
) -> None:
    parts = apportion(total, weights)
    for member, quota in quotas(total, weights).items():
        assert math.floor(quota) <= parts[member] <= math.ceil(quota)


@fast
@given(total=totals, weights=weight_maps(), method=methods)
def test_a_loss_is_split_as_the_mirror_of_a_gain(
    total: int, weights: dict[str, int | Fraction], method: Method
) -> None:
    gains = apportion(total, weights, method)
    losses = apportion(-total, weights, method)
    assert losses == {member: -part for member, part in gains.items()}


@fast
@given(
    total=totals,
    weights=weight_maps(),
    method=methods,
    factor=st.fractions(min_value=Fraction(1, 1000), max_value=1000),
)
def test_scaling_every_weight_by_the_same_factor_changes_nothing(
    total: int, weights: dict[str, int | Fraction], method: Method, factor: Fraction
) -> None:
    scaled = {member: Fraction(w) * factor for member, w in weights.items()}
    assert apportion(total, scaled, method) == apportion(total, weights, method)


@fast
@given(total=totals, weights=weight_maps(), method=methods, seed=st.integers(0, 2**32))
def test_the_order_members_are_listed_in_changes_nobodys_amount(
    total: int, weights: dict[str, int | Fraction], method: Method, seed: int
) -> None:
    shuffled = list(weights.items())
    random.Random(seed).shuffle(shuffled)
    assert apportion(total, dict(shuffled), method) == apportion(total, weights, method)


@fast
@given(
    total=totals,
    names=st.lists(st.text(min_size=1, max_size=3), min_size=1, max_size=30, unique=True),
    method=methods,
)
def test_equal_weights_give_amounts_that_differ_by_at_most_one_fen(
    total: int, names: list[str], method: Method
) -> None:
    parts = apportion(total, dict.fromkeys(names, 7), method).values()
    assert max(parts) - min(parts) <= 1


@fast
@given(
    exact=st.dictionaries(
        st.text(min_size=1, max_size=3),
        st.fractions(-1000, 1000, max_denominator=50),
        min_size=1,
        max_size=10,
    )
)
def test_rounding_quotas_of_any_sign_keeps_their_sum_and_the_quota_rule(exact: dict[str, Fraction]) -> None:
    first = next(iter(exact))
    exact[first] -= sum(exact.values()) - math.floor(sum(exact.values()))  # make the sum whole
    parts = round_quotas(exact)
    assert sum(parts.values()) == sum(exact.values())
    assert all(math.floor(q) <= parts[m] <= math.ceil(q) for m, q in exact.items())


def test_ties_go_to_the_member_whose_id_sorts_first() -> None:
    assert apportion(2, {"c": 1, "b": 1, "a": 1}) == {"c": 0, "b": 1, "a": 1}


def test_weights_may_be_ints_decimals_fractions_money_and_percentages() -> None:
    weights: dict[str, int | Decimal | Fraction | str | Money] = {
        "a": 1,
        "b": Decimal("1.0"),
        "c": Fraction(2, 2),
        "d": "100%",
        "e": Money(1),
        "f": "１/1",
    }
    parts = apportion(Money.parse("120元"), weights)
    assert set(parts.values()) == {Money.parse("20元")}


def test_money_totals_give_money_parts() -> None:
    parts = apportion(Money.parse("100万元"), {"villages": "49.3%", "state": "50.7%"})
    assert parts == {"villages": Money.parse("49.3万元"), "state": Money.parse("50.7万元")}


def test_dhondt_and_sainte_lague_follow_the_textbook_example() -> None:
    votes = {"A": 100_000, "B": 80_000, "C": 30_000, "D": 20_000}
    assert apportion(8, votes, "dhondt") == {"A": 4, "B": 3, "C": 1, "D": 0}
    assert apportion(8, votes, "sainte_lague") == {"A": 3, "B": 3, "C": 1, "D": 1}
    assert apportion(8, votes, "webster") == apportion(8, votes, Method.SAINTE_LAGUE)


def test_an_empty_member_list_is_refused_and_the_message_says_so() -> None:
    with pytest.raises(AllocationError, match=r"apportion\(weights\).*at least one member"):
        apportion(100, {})


def test_a_negative_weight_is_refused_naming_the_member() -> None:
    with pytest.raises(AllocationError, match=r"apportion\(weights\)\['b'\].*zero or more.*negative"):
        apportion(100, {"a": 1, "b": -2})
    with pytest.raises(AllocationError, match=r"\['b'\].*negative"):
        apportion(100, {"a": Fraction(1), "b": "-5%"})


def test_all_zero_weights_are_refused() -> None:
    with pytest.raises(AllocationError, match=r"apportion\(weights\).*at least one weight above zero"):
        apportion(100, {"a": 0, "b": 0})


def test_float_weights_are_refused_because_they_are_not_exact() -> None:
    with pytest.raises(AllocationError, match=r"\['a'\].*floats"):
        apportion(100, {"a": 0.5})  # type: ignore[dict-item]


def test_a_float_total_is_refused() -> None:
    with pytest.raises(AllocationError, match=r"apportion\(total\).*whole number of 分"):
        apportion(1.5, {"a": 1})  # type: ignore[call-overload]


def test_an_unknown_method_is_refused_with_the_choices() -> None:
    with pytest.raises(InvalidValue, match=r"apportion\(method\).*largest_remainder"):
        apportion(100, {"a": 1}, "coin toss")


def test_quotas_that_do_not_add_up_to_whole_fen_are_refused() -> None:
    with pytest.raises(AllocationError, match=r"round_quotas\(quotas\).*whole number of 分"):
        round_quotas({"a": Fraction(1, 2)})

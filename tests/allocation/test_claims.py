"""Claims rules for shortfalls, stated as the textbook laws.

Sources: O'Neill (1982); Aumann & Maschler (1985); Thomson (2003), "Axiomatic and game-theoretic
analysis of bankruptcy and taxation problems: a survey", Math. Social Sciences 45:249–297, §2–3
(bounds, efficiency, duality of constrained equal awards and losses, self-duality of the Talmud rule).
"""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dangjian_model import InvalidLabel, Money
from dangjian_model.allocation import AllocationError, ClaimsRule, claims_awards, claims_split


@st.composite
def problems(draw: st.DrawFn) -> tuple[Fraction, dict[str, Fraction]]:
    values = draw(st.lists(st.fractions(0, 500, max_denominator=7), min_size=1, max_size=6))
    claims = {f"c{i}": v for i, v in enumerate(values)}
    total = sum(values, Fraction(0))
    estate = total * draw(st.fractions(0, 1, max_denominator=9))
    return estate, claims


@given(problem=problems(), rule=st.sampled_from(ClaimsRule))
def test_every_rule_awards_between_nothing_and_the_claim_and_hands_out_the_estate(
    problem: tuple[Fraction, dict[str, Fraction]], rule: ClaimsRule
) -> None:
    estate, claims = problem
    awards = claims_awards(rule, estate, claims)
    assert sum(awards.values()) == estate
    assert all(0 <= awards[p] <= claims[p] for p in claims)


@given(problem=problems())
def test_talmud_is_constrained_equal_awards_on_half_claims_while_the_estate_is_at_most_half(
    problem: tuple[Fraction, dict[str, Fraction]],
) -> None:
    estate, claims = problem
    total = sum(claims.values(), Fraction(0))
    halves = {p: c / 2 for p, c in claims.items()}
    if estate <= total / 2:
        assert claims_awards("talmud", estate, claims) == claims_awards("cea", estate, halves)


@given(problem=problems())
def test_equal_awards_and_equal_losses_are_dual_and_talmud_and_proportional_are_self_dual(
    problem: tuple[Fraction, dict[str, Fraction]],
) -> None:
    estate, claims = problem
    loss = sum(claims.values(), Fraction(0)) - estate

    def dual(rule: str) -> dict[str, Fraction]:
        other = claims_awards(rule, loss, claims)
        return {p: claims[p] - other[p] for p in claims}

    assert claims_awards("cea", estate, claims) == dual("cel")
    assert claims_awards("talmud", estate, claims) == dual("talmud")
    assert claims_awards("proportional", estate, claims) == dual("proportional")


@given(problem=problems())
def test_every_rule_treats_equal_claims_equally(
    problem: tuple[Fraction, dict[str, Fraction]],
) -> None:
    estate, claims = problem
    claims["twin"] = claims["c0"]  # the estate is still at most the claims
    for rule in ClaimsRule:
        awards = claims_awards(rule, estate, claims)
        assert awards["twin"] == awards["c0"]


def test_the_rules_on_the_talmud_estates() -> None:
    claims = {"a": 100, "b": 200, "c": 300}
    assert claims_awards(ClaimsRule.PROPORTIONAL, 300, claims) == {"a": 50, "b": 100, "c": 150}
    assert claims_awards("约束均等收益规则", 300, claims) == {"a": 100, "b": 100, "c": 100}
    assert claims_awards("cel", 300, claims) == {"a": 0, "b": 100, "c": 200}
    assert claims_awards("talmud", 100, claims) == dict.fromkeys(claims, Fraction(100, 3))


@given(
    claims=st.dictionaries(st.sampled_from("abcdef"), st.integers(0, 10**8), min_size=1),
    data=st.data(),
    rule=st.sampled_from(ClaimsRule),
)
def test_money_claims_are_shared_in_whole_fen_never_above_a_claim(
    claims: dict[str, int], data: st.DataObject, rule: ClaimsRule
) -> None:
    estate = data.draw(st.integers(0, sum(claims.values())))
    split = claims_split(rule, Money(estate), {p: Money(c) for p, c in claims.items()})
    assert sum(split.values(), Money.ZERO) == Money(estate)
    assert all(Money.ZERO <= split[p] <= Money(c) for p, c in claims.items())


@pytest.mark.parametrize(
    ("call", "where"),
    [
        (
            lambda: claims_awards("talmud", 700, {"a": 100, "b": 200, "c": 300}),
            r"estate\).*at most the claims",
        ),
        (lambda: claims_awards("talmud", 1, {}), r"claims\)"),
        (lambda: claims_awards("talmud", 1, {"a": -1}), r"claims\)\['a'\]"),
        (lambda: claims_split("cea", "-1元", {"a": "1元"}), r"claims_split"),
    ],
)
def test_bad_problems_are_refused_with_where_they_stand(call: object, where: str) -> None:
    with pytest.raises(AllocationError, match=where):
        call()  # type: ignore[operator]


def test_an_unknown_rule_is_refused_with_the_choices() -> None:
    with pytest.raises(InvalidLabel, match="talmud"):
        claims_awards("fair", 1, {"a": 1})


def test_all_claims_zero_and_nothing_to_share_gives_nothing() -> None:
    assert claims_awards("proportional", 0, {"a": 0, "b": 0}) == {"a": 0, "b": 0}

"""Hypothesis strategies for allocation tests: members, weights and rules."""

from __future__ import annotations

from fractions import Fraction

from hypothesis import strategies as st

from dangjian_model import Money
from dangjian_model.allocation import (
    ByWeights,
    Capped,
    EqualSplit,
    FixedReturn,
    GuaranteedMinimum,
    Member,
    MemberWeight,
    Method,
    Portion,
    Proportional,
    RateFrom,
    Rule,
    Tier,
    Waterfall,
    Weighted,
)

ids = st.text(alphabet="abcdefgh村镇甲乙", min_size=1, max_size=4)
totals = st.integers(min_value=-(10**12), max_value=10**12)
methods = st.sampled_from(list(Method))
weights_values = st.one_of(
    st.integers(min_value=0, max_value=10**6),
    st.fractions(min_value=0, max_value=1000, max_denominator=1000),
)


@st.composite
def weight_maps(draw: st.DrawFn, min_size: int = 1, max_size: int = 12) -> dict[str, int | Fraction]:
    """Member id → non-negative weight, with at least one weight above zero."""
    result = draw(st.dictionaries(ids, weights_values, min_size=min_size, max_size=max_size))
    if not any(result.values()):
        result[next(iter(result))] = 1
    return result


@st.composite
def member_lists(draw: st.DrawFn) -> list[Member]:
    """Members with positive investments, shares and a population."""
    names = draw(st.lists(ids, min_size=1, max_size=8, unique=True))
    return [
        Member(
            name,
            investment=Money(draw(st.integers(min_value=1, max_value=10**10))),
            share=Fraction(draw(st.integers(min_value=1, max_value=100)), 100),
            attributes={"population": draw(st.integers(min_value=1, max_value=10**5))},
        )
        for name in names
    ]


def _simple(members: list[Member]) -> st.SearchStrategy[Rule]:
    names = [m.id for m in members]
    some = st.lists(st.sampled_from(names), min_size=1, unique=True).map(tuple)
    return st.one_of(
        st.builds(EqualSplit, member_ids=st.none() | some, method=methods),
        st.builds(Proportional, basis=st.sampled_from(["investment", "share"]), method=methods),
        st.builds(Weighted, attribute=st.just("population"), method=methods),
        st.builds(
            ByWeights,
            weights=st.just(tuple(MemberWeight(n, 1 + k) for k, n in enumerate(names))),
            method=methods,
        ),
    )


def rules_for(members: list[Member], depth: int = 2) -> st.SearchStrategy[Rule]:
    """Any rule over ``members``, composed up to ``depth`` levels."""
    names = [m.id for m in members]
    if depth == 0:
        return _simple(members)
    inner = rules_for(members, depth - 1)
    some = st.lists(st.sampled_from(names), min_size=1, unique=True).map(tuple)
    rates = st.fractions(min_value=0, max_value=Fraction(1, 2), max_denominator=1000)
    money = st.integers(min_value=0, max_value=10**9).map(Money)
    return st.one_of(
        _simple(members),
        st.builds(
            FixedReturn,
            rate=rates,
            then=st.none() | inner,
            years=st.integers(1, 5),
            member_ids=st.none() | some,
            guarantor_id=st.none() | st.just("guarantor"),
            surplus=st.none() | inner,
        ),
        st.builds(
            GuaranteedMinimum,
            member_ids=some,
            minimum=money,
            escalation=rates,
            every_years=st.integers(1, 3),
            threshold=st.none() | money,
            excess_rates=st.lists(st.builds(RateFrom, st.integers(1, 6), rates), max_size=2).map(tuple),
            residual=st.none() | inner,
            guarantor_id=st.none() | st.just("guarantor"),
        ),
        st.builds(Portion, fraction=st.fractions(0, 1, max_denominator=100), rule=inner),
        st.builds(Capped, rule=inner, cap=st.none() | money),
        st.builds(
            Waterfall,
            tiers=st.lists(
                st.builds(
                    Tier, name=st.sampled_from(["优先", "一般", "剩余"]), rule=inner, limit=st.none() | money
                ),
                min_size=1,
                max_size=3,
            ).map(tuple),
        ),
    )

"""Laws of the allocation rules and the 飞地抱团 schemes of DOMAIN.md §5."""

from __future__ import annotations

import random
from collections.abc import Callable
from fractions import Fraction
from pathlib import Path

import cattrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dangjian_model import Contribution, Money, Project, Share, Unit
from dangjian_model.allocation import (
    Allocation,
    AllocationError,
    ByWeights,
    Capped,
    EqualSplit,
    FixedReturn,
    GuaranteedMinimum,
    Member,
    MemberAmount,
    Method,
    Part,
    Portion,
    Proportional,
    RateFrom,
    Rule,
    RuleKind,
    Tier,
    Waterfall,
    Weighted,
    allocate,
    apportion,
    members_from_project,
    round_half_up,
    weights_from_contributions,
)

from .strategies import member_lists, rules_for

fast = settings(max_examples=60, deadline=None)
wan = Money.from_wan


@st.composite
def cases(draw: st.DrawFn) -> tuple[Rule, Money, list[Member], int]:
    members = draw(member_lists())
    rule = draw(rules_for(members))
    total = Money(draw(st.integers(min_value=-(10**10), max_value=10**11)))
    return rule, total, members, draw(st.integers(1, 10))


@fast
@given(case=cases())
def test_every_rule_and_composition_reconciles_to_the_fen(
    case: tuple[Rule, Money, list[Member], int],
) -> None:
    rule, total, members, year = case
    result = allocate(rule, total, members, year=year)
    assert sum((line.amount for line in result.lines), Money.ZERO) + result.retained == total
    assert (
        all(line.amount.fen >= 0 for line in result.lines)
        or total.fen < 0
        or any(isinstance(r, Waterfall | Capped) for r in [rule])
    )


@fast
@given(case=cases(), seed=st.integers(0, 2**32))
def test_listing_members_in_another_order_changes_nobodys_amount(
    case: tuple[Rule, Money, list[Member], int], seed: int
) -> None:
    rule, total, members, year = case
    shuffled = list(members)
    random.Random(seed).shuffle(shuffled)
    assert (
        allocate(rule, total, shuffled, year=year).amounts()
        == allocate(rule, total, members, year=year).amounts()
    )


@fast
@given(case=cases())
def test_rules_round_trip_through_cattrs(case: tuple[Rule, Money, list[Member], int]) -> None:
    converter = cattrs.Converter()
    converter.register_unstructure_hook(Fraction, str)
    converter.register_structure_hook(Fraction, lambda value, _: Fraction(value))
    converter.register_unstructure_hook(Money, str)
    converter.register_structure_hook(Money, lambda value, _: Money.parse(value))
    rule = case[0]
    assert converter.structure(converter.unstructure(rule, Rule), Rule) == rule  # type: ignore[arg-type]


@fast
@given(
    members=member_lists(),
    minimum=st.integers(0, 10**8),
    total=st.integers(-(10**9), 10**9),
    year=st.integers(1, 12),
)
def test_the_guaranteed_minimum_is_met_when_the_total_allows_and_the_guarantor_pays_exactly_the_shortfall(
    members: list[Member], minimum: int, total: int, year: int
) -> None:
    guaranteed = tuple(m.id for m in members[:2])
    rule = GuaranteedMinimum(guaranteed, Money(minimum), escalation="8%", every_years=3, guarantor_id="国资")
    result = allocate(rule, Money(total), members, year=year)
    owed = {i: Money(round_half_up(rule.minimum_in(year))) for i in guaranteed}
    if total >= sum(o.fen for o in owed.values()):
        assert all(result.amount(i) >= owed[i] for i in guaranteed)
        assert result.guarantor_flows == ()
    for i in guaranteed:
        assert result.covered(i) == owed[i] - result.amount(i)
        assert result.received(i) == owed[i]


@fast
@given(members=member_lists(), total=st.integers(-(10**9), 10**11), year=st.integers(1, 8))
def test_fixed_returns_are_paid_in_full_or_topped_up_by_the_guarantor(
    members: list[Member], total: int, year: int
) -> None:
    rule = FixedReturn("10%", guarantor_id="国资")
    result = allocate(rule, Money(total), members, year=year)
    for m in members:
        assert result.received(m.id) == Money(round_half_up(m.investment.fen * Fraction(1, 10)))


@fast
@given(members=member_lists(), total=st.integers(0, 10**10), cap=st.integers(0, 10**9))
def test_caps_hold_and_what_they_cut_off_goes_to_the_others(
    members: list[Member], total: int, cap: int
) -> None:
    result = allocate(Capped(EqualSplit(), cap=Money(cap)), Money(total), members)
    assert all(result.amount(m.id) <= Money(cap) for m in members)
    if total <= cap * len(members) - len(members):
        assert result.retained == Money.ZERO


# --- DOMAIN.md §5 ------------------------------------------------------------------------------


def test_anji_tianzihu_splits_one_million_equally_among_twenty_villages() -> None:
    villages = [Member(f"天子湖{k:02d}村", investment="60万元") for k in range(1, 21)]
    result = allocate(EqualSplit(), "100万元", villages)
    assert set(result.amounts().values()) == {Money.parse("5万元")}


def test_anji_zhongcun_liantou_splits_225_wan_over_11_villages_exactly_to_the_fen() -> None:
    # 225万 / 11 = 204545.45 4/11 元: not exact. Largest remainder gives 5 villages 204545.46元 and 6 villages 204545.45元.
    villages = [Member(f"村{k:02d}") for k in range(1, 12)]
    result = allocate(EqualSplit(), "225万元", villages)
    amounts = sorted(result.amounts().items())
    assert [a for _, a in amounts[:5]] == [Money.parse("204545.46元")] * 5
    assert [a for _, a in amounts[5:]] == [Money.parse("204545.45元")] * 6
    assert result.lines[0].quota == Fraction(225_000_000, 11)
    assert amounts[0][1].format(unit="万").startswith("20.4545")


def test_tongxiang_pays_ten_percent_on_296_million_as_29_6_million() -> None:
    villages = [Member(f"桐乡{k:03d}", investment="296万元") for k in range(1, 101)]
    result = allocate(FixedReturn("10%", then=Proportional(), years=5), "2960万元", villages)
    assert sum(result.amounts().values(), Money.ZERO) == Money.parse("2960万元")
    assert set(result.amounts().values()) == {Money.parse("29.6万元")}
    assert result.lines[0].part is Part.FIXED_RETURN


def test_yinzhou_qujiang_pays_the_fixed_return_for_five_years_then_dividends() -> None:
    villages = [Member("a", investment="100万元"), Member("b", investment="300万元")]
    rule = FixedReturn("10%", then=Proportional(), years=5)
    fifth = allocate(rule, "50万元", villages, year=5)
    sixth = allocate(rule, "50万元", villages, year=6)
    assert fifth.amounts() == {"a": wan(10), "b": wan(30)}
    assert fifth.retained == wan(10)
    assert sixth.amounts() == {"a": Money.parse("12.5万元"), "b": Money.parse("37.5万元")}
    assert sixth.lines[0].rule is RuleKind.PROPORTIONAL


def test_xiaoshan_sanlian_gets_its_escalating_minimum_plus_a_share_above_seven_million() -> None:
    # 《杭州日报》2022-08-10: 保底 30万元/年，每三年递增8%；运营两年内门票年收入700万元以上部分按5%分红，
    # 2年后按7.5%: the 7.5% applies from year 3 of the agreement.
    rule = GuaranteedMinimum(
        ["三联村"],
        "30万元",
        escalation="8%",
        every_years=3,
        threshold="700万元",
        excess_rates=[RateFrom(1, "5%"), RateFrom(3, "7.5%")],
        residual=EqualSplit(["景区公司"]),
    )
    members = [Member("三联村"), Member("景区公司")]
    assert allocate(rule, "900万元", members, year=1).amount("三联村") == wan(40)  # 30万 + 5% × 200万
    assert allocate(rule, "900万元", members, year=2).amount("三联村") == wan(40)  # still 5% in year 2
    assert allocate(rule, "900万元", members, year=3).amount("三联村") == wan(45)  # 30万 + 7.5% × 200万
    assert allocate(rule, "900万元", members, year=4).amount("三联村") == Money.parse(
        "47.4万元"
    )  # 32.4万 + 15万
    assert allocate(rule, "600万元", members, year=7).amount("三联村") == Money.parse(
        "34.992万元"
    )  # 30万 × 1.08²
    small = allocate(rule, "20万元", members, year=1)
    assert small.amount("三联村") == wan(20)
    assert small.amount("景区公司") == Money.ZERO


def test_the_allocation_page_has_sanlian_move_to_seven_and_a_half_percent_after_two_years_as_reported() -> (
    None
):
    page = (Path(__file__).resolve().parents[2] / "docs" / "allocation.md").read_text(encoding="utf-8")
    assert 'RateFrom(1, "5%"), RateFrom(3, "7.5%")' in page
    assert "RateFrom(4," not in page
    assert "杭州日报" in page


def test_keqiao_state_investor_covers_the_villages_shortfall_as_a_separate_flow() -> None:
    villages = [Member(f"柯桥{k:02d}", investment="320万元") for k in range(1, 80)]
    members = [*villages, Member("国资", investment="2.6亿元")]
    rule = Portion(
        "90%",
        FixedReturn(
            "10%", member_ids=[m.id for m in villages], guarantor_id="国资", surplus=EqualSplit(["国资"])
        ),
    )
    lean = allocate(rule, "2000万元", members)  # 90% = 1800万 < 79 × 32万 = 2528万
    assert lean.retained == wan(200)
    assert sum(lean.amounts().values(), Money.ZERO) == wan(1800)
    assert lean.guaranteed_total == wan(728)
    assert all(lean.received(v.id) == wan(32) for v in villages)
    rich = allocate(rule, "5000万元", members)
    assert rich.guarantor_flows == ()
    assert rich.amount("国资") == wan(4500 - 2528)


def test_a_waterfall_pays_tiers_in_order_and_labels_each_line_with_its_tier() -> None:
    members = [Member("a", investment="100万元"), Member("b", investment="100万元")]
    rule = Waterfall([Tier("优先回报", EqualSplit(["a"]), limit="10万元"), Tier("剩余", Proportional())])
    result = allocate(rule, "30万元", members)
    assert result.amounts() == {"a": wan(20), "b": wan(10)}
    assert [line.tier for line in result.lines] == ["优先回报", "剩余", "剩余"]


def test_weighting_by_population_uses_the_unit_figures_of_a_project() -> None:
    project = Project(
        id="p",
        name="忆山文旅",
        contributions=(
            Contribution(contributor_id="changlong", kind="现金", amount="10万元"),
            Contribution(contributor_id="qianbing", kind="现金", amount="30万元"),
        ),
        shares=(Share(holder_id="changlong", fraction="25%"), Share(holder_id="qianbing", fraction="75%")),
    )
    units = [
        Unit(id="changlong", name="倡隆村", kind="行政村", population=1000),
        Unit(id="qianbing", name="乾炳村", kind="行政村", population=3000),
    ]
    members = members_from_project(project, units)
    assert weights_from_contributions(project) == {"changlong": wan(10), "qianbing": wan(30)}
    for rule in (Weighted("population"), Proportional(), Proportional("share")):
        assert allocate(rule, "4万元", members).amounts() == {"changlong": wan(1), "qianbing": wan(3)}


def test_the_table_shows_members_rules_tiers_and_guarantor_flows_in_chinese_and_english() -> None:
    rule = FixedReturn("10%", guarantor_id="国资")
    result = allocate(rule, "1万元", [Member("甲村", investment="20万元")])
    zh, en = result.table(), result.table("en")
    assert "成员" in zh
    assert "固定收益" in zh
    assert "担保方补足" in zh
    assert "10,000元" in zh
    assert "member" in en
    assert "fixed_return" in en
    assert "guarantor cover" in en


# --- errors -------------------------------------------------------------------------------------


def test_a_missing_attribute_is_refused_naming_the_member() -> None:
    with pytest.raises(
        AllocationError, match=r"Weighted\(attribute='area_km2'\)\(members\)\['b'\].*every member"
    ):
        allocate(Weighted("area_km2"), "1元", [Member("a", attributes={"area_km2": 1}), Member("b")])


def test_a_rule_naming_an_unknown_member_is_refused() -> None:
    with pytest.raises(AllocationError, match=r"EqualSplit.member_ids.*\['z'\].*ids of members"):
        allocate(EqualSplit(["z"]), "1元", [Member("a")])


def test_allocating_among_nobody_is_refused() -> None:
    with pytest.raises(AllocationError, match=r"EqualSplit\(members\).*at least one member"):
        allocate(EqualSplit(), "1元", [])


def test_members_listed_twice_are_refused() -> None:
    with pytest.raises(AllocationError, match=r"allocate\(members\).*\['a'\].*once"):
        allocate(EqualSplit(), "1元", [Member("a"), Member("a")])


def test_proportional_with_no_investment_is_refused_as_all_zero() -> None:
    with pytest.raises(AllocationError, match=r"Proportional\(basis='investment'\)\(weights\).*above zero"):
        allocate(Proportional(), "1元", [Member("a"), Member("b")])


def test_bad_rule_fields_are_refused_with_the_field_named() -> None:
    with pytest.raises(AllocationError, match=r"FixedReturn.rate.*rate of zero or more"):
        FixedReturn("-10%")
    with pytest.raises(AllocationError, match=r"Portion.fraction.*from 0 to 1"):
        Portion("120%", EqualSplit())
    with pytest.raises(AllocationError, match=r"GuaranteedMinimum.every_years.*1 or more"):
        GuaranteedMinimum(["a"], "1元", every_years=0)
    with pytest.raises(AllocationError, match=r"Waterfall.tiers.*at least one tier"):
        Waterfall([])
    with pytest.raises(AllocationError, match=r"allocate\(year\).*1 or more"):
        allocate(ByWeights.of({"a": 1}), "1元", [Member("a")], year=0)


def test_an_allocation_that_does_not_reconcile_cannot_be_built() -> None:
    with pytest.raises(AllocationError, match=r"Allocation.*add up to the total"):
        Allocation(total=Money(100), retained=Money(1))


# ---------------------------------------------------------------------------------------------
# One behaviour for the same input everywhere (issue 14.6)


def test_an_int_is_a_number_of_fen_for_a_member_as_for_apportion() -> None:
    assert Member("a", investment=100).investment == Money(100)
    assert GuaranteedMinimum(["a"], 30_0000_00).minimum == Money.parse("30万元")
    assert Capped(EqualSplit(), cap=5).cap == Money(5)
    with pytest.raises(AllocationError, match=r"Member.investment.*int number of 分"):
        Member("a", investment=True)
    with pytest.raises(AllocationError, match=r"Member.investment"):
        Member("a", investment=1.5)  # type: ignore[arg-type]


@given(total=st.integers(-(10**9), 10**9), weights=st.lists(st.integers(1, 100), min_size=1, max_size=6))
def test_allocate_takes_the_int_total_apportion_takes_and_gives_the_same_parts(
    total: int, weights: list[int]
) -> None:
    members = [Member(f"m{k}") for k in range(len(weights))]
    rule = ByWeights.of({m.id: w for m, w in zip(members, weights, strict=True)})
    parts = apportion(total, {m.id: w for m, w in zip(members, weights, strict=True)})
    assert allocate(rule, total, members).amounts() == {i: Money(p) for i, p in parts.items()}
    assert allocate(rule, total, members) == allocate(rule, Money(total), members)


def test_a_total_that_is_neither_money_nor_an_int_is_an_allocation_error() -> None:
    with pytest.raises(AllocationError, match=r"allocate\(total\).*int number of 分"):
        allocate(EqualSplit(), 1.5, [Member("a")])  # type: ignore[arg-type]
    with pytest.raises(AllocationError, match=r"allocate\(total\)"):
        allocate(EqualSplit(), False, [Member("a")])


def test_a_bad_method_name_is_an_allocation_error_that_lists_the_methods() -> None:
    with pytest.raises(AllocationError, match=r"method.*'largest'.*largest_remainder \(最大余额法\)"):
        EqualSplit(method="largest")
    with pytest.raises(AllocationError, match=r"apportion\(method\).*dhondt"):
        apportion(100, {"a": 1}, "dhont")
    assert EqualSplit(method="最高平均数法").method is Method.DHONDT


def test_by_weights_refuses_a_member_without_a_weight_instead_of_giving_it_nothing() -> None:
    three = [Member("a"), Member("b"), Member("c")]
    with pytest.raises(AllocationError, match=r"ByWeights.weights.*\['c'\].*a weight for every member.*0"):
        allocate(ByWeights.of({"a": 1, "b": 3}), "4元", three)
    result = allocate(ByWeights.of({"a": 1, "b": 3, "c": 0}), "4元", three)
    assert result.amounts() == {"a": Money.parse("1元"), "b": Money.parse("3元"), "c": Money.ZERO}


@pytest.mark.parametrize(
    ("build", "where"),
    [
        (lambda: Member("a", investment="-1元"), "Member.investment"),
        (lambda: Member("a", investment=-1), "Member.investment"),
        (lambda: GuaranteedMinimum(["a"], "-30万元"), "GuaranteedMinimum.minimum"),
        (lambda: GuaranteedMinimum(["a"], "30万元", threshold="-1元"), "GuaranteedMinimum.threshold"),
        (lambda: Capped(EqualSplit(), cap="-1元"), "Capped.cap"),
        (lambda: MemberAmount("a", "-5万元"), "MemberAmount.amount"),
        (lambda: Tier("优先", EqualSplit(), limit="-1元"), "Tier.limit"),
    ],
)
def test_investments_minimums_thresholds_caps_and_limits_are_never_negative(
    build: Callable[[], object], where: str
) -> None:
    with pytest.raises(AllocationError, match=rf"{where}.*金额不能为负 an amount of zero or more"):
        build()


def test_a_loss_is_shared_as_the_splitting_rules_document_it() -> None:
    three = [Member("a", investment="1元"), Member("b", investment="1元"), Member("c", investment="1元")]
    assert allocate(EqualSplit(), "-1元", three).amounts() == {
        "a": Money.parse("-0.34元"),
        "b": Money.parse("-0.33元"),
        "c": Money.parse("-0.33元"),
    }
    fixed = allocate(FixedReturn("10%", guarantor_id="g"), "-1元", three)  # nothing to pay: all kept
    assert fixed.retained == Money.parse("-1元")
    assert fixed.guaranteed_total == Money.parse("0.30元")

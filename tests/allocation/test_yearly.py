"""Income of several years is shared year by year, each by the rule as it stands in its year (issue 14.1).

The expected amounts are worked out by hand in the comments, from the figures of the agreements.
"""

from __future__ import annotations

import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dangjian_model import Contribution, IncomeRecord, Money, Project, Registry
from dangjian_model.allocation import (
    AllocationByYear,
    AllocationError,
    EqualSplit,
    FixedReturn,
    Member,
    Portion,
    Proportional,
    YearAllocation,
    allocate,
    allocate_project,
    allocate_project_by_year,
    allocate_years,
    distribution_year,
    income_by_year,
    income_year,
)
from tests.allocation.strategies import member_lists, rules_for

wan = Money.from_wan
VILLAGES = [f"v{k}" for k in range(1, 9)]


def keqiao_style(income: list[IncomeRecord]) -> Registry:
    """8 villages × 320万 beside a state investor; 90% distributed; 10% fixed to the villages, guaranteed."""
    rule = Portion(
        "90%", FixedReturn("10%", member_ids=VILLAGES, guarantor_id="state", surplus=EqualSplit(["state"]))
    )
    contributions = [Contribution(contributor_id=v, kind="现金", amount="320万元") for v in VILLAGES]
    contributions.append(Contribution(contributor_id="state", kind="现金", amount="2000万元"))
    project = Project(
        id="keqiao",
        name="柯桥式飞地",
        started_on="2021-01-01",
        contributions=contributions,
        income=income,
        allocation_rule=rule,
    )
    return Registry(projects=[project])


@pytest.fixture(name="keqiao")
def _keqiao() -> Registry:
    return keqiao_style(
        [IncomeRecord(on="2021-12-31", amount="500万元"), IncomeRecord(on="2022-12-31", amount="200万元")]
    )


def test_a_lean_year_keeps_the_guarantors_top_up_instead_of_being_pooled_with_a_rich_one(
    keqiao: Registry,
) -> None:
    result = allocate_project_by_year(keqiao, "keqiao")
    assert [(y.calendar_year, y.year, y.allocation.total) for y in result] == [
        (2021, 1, wan(500)),
        (2022, 2, wan(200)),
    ]
    rich, lean = (y.allocation for y in result)
    # 2021: 90% of 500万 = 450万 ≥ 8 × 32万 = 256万: each village 32万, the state the other 194万, 50万 kept
    assert all(rich.amount(v) == wan(32) for v in VILLAGES)
    assert rich.amount("state") == wan(194)
    assert rich.retained == wan(50)
    assert rich.guarantor_flows == ()
    # 2022: 90% of 200万 = 180万 < 256万: 22.5万 each, the state tops each up by 9.5万 = 76万, 20万 kept
    assert all(lean.amount(v) == Money.parse("22.5万元") for v in VILLAGES)
    assert all(lean.covered(v) == Money.parse("9.5万元") for v in VILLAGES)
    assert lean.guaranteed_total == wan(76)
    assert lean.retained == wan(20)
    # over both years: 54.5万 from the pool + 9.5万 cover = 64万 a village; 194万 to the state
    assert all(result.amount(v) == Money.parse("54.5万元") for v in VILLAGES)
    assert all(result.received(v) == wan(64) for v in VILLAGES)
    assert result.amount("state") == wan(194)
    assert result.guaranteed_total == wan(76)
    assert result.retained == wan(70)
    assert result.total == wan(700)
    assert result.allocated == wan(630)


def test_the_years_are_not_the_pool_of_all_income_in_the_last_year(keqiao: Registry) -> None:
    rule = keqiao.project("keqiao").allocation_rule
    assert rule is not None
    members = [Member(v, investment="320万元") for v in VILLAGES] + [Member("state", investment="2000万元")]
    pooled = allocate(rule, "700万元", members, year=2)  # 630万 ≥ 256万: no cover at all
    assert pooled.guaranteed_total == Money.ZERO
    assert allocate_project_by_year(keqiao, "keqiao").guaranteed_total != pooled.guaranteed_total


def test_a_fixed_return_turns_into_dividends_from_year_six_in_the_years_income() -> None:
    project = Project(
        id="p",
        name="鄞州式飞地",
        started_on="2019-01-01",
        contributions=[
            Contribution(contributor_id="a", kind="现金", amount="100万元"),
            Contribution(contributor_id="b", kind="现金", amount="300万元"),
        ],
        allocation_rule=FixedReturn("10%", then=Proportional(), years=5),
        income=[
            IncomeRecord(on="2023-12-31", amount="50万元"),
            IncomeRecord(on="2024-12-31", amount="50万元"),
        ],
    )
    result = allocate_project_by_year(Registry(projects=[project]), "p")
    fifth, sixth = (y.allocation for y in result)
    assert [y.year for y in result] == [5, 6]
    # year 5: 10% of 100万 and 300万 = 10万 and 30万, 10万 kept; year 6: 50万 by 1:3 = 12.5万 and 37.5万
    assert fifth.amounts() == {"a": wan(10), "b": wan(30)}
    assert fifth.retained == wan(10)
    assert sixth.amounts() == {"a": Money.parse("12.5万元"), "b": Money.parse("37.5万元")}
    # pooled in year 6 the 100万 would give 25万 and 75万
    assert result.amounts() == {"a": Money.parse("22.5万元"), "b": Money.parse("67.5万元")}
    assert result.retained == wan(10)


def test_one_year_or_one_day_picks_the_income_of_that_year_only(keqiao: Registry) -> None:
    lean = allocate_project(keqiao, "keqiao", year=2)
    assert lean.total == wan(200)
    assert lean.guaranteed_total == wan(76)
    assert allocate_project(keqiao, "keqiao", on=datetime.date(2021, 6, 30)).total == wan(500)
    assert allocate_project(keqiao, "keqiao").total == wan(200)  # the last year with income
    assert allocate_project(keqiao, "keqiao", on=datetime.date(2023, 6, 30)).total == Money.ZERO


def test_income_recorded_twice_in_a_year_is_shared_once_for_that_year() -> None:
    registry = keqiao_style(
        [
            IncomeRecord(on="2022-06-30", amount="100万元"),
            IncomeRecord(on="2022-12-31", amount="100万元"),
            IncomeRecord(on="2023-01-15", amount="300万元", period="2021年"),
        ]
    )
    project = registry.project("keqiao")
    assert income_by_year(project) == {2021: wan(300), 2022: wan(200)}
    result = allocate_project_by_year(registry, "keqiao")
    # 2022: one year's fixed return of 256万 against 180万, not two returns against two halves
    assert result.years[1].allocation.guaranteed_total == wan(76)
    # 2021: 270万 distributed, 256万 to the villages, 14万 to the state
    assert result.years[0].allocation.amount("state") == wan(14)


def test_the_year_of_an_income_record_is_the_year_its_period_names_else_the_day() -> None:
    assert income_year(IncomeRecord(on="2022-01-10", amount="1元", period="2021")) == 2021
    assert income_year(IncomeRecord(on="2022-01-10", amount="1元", period="2021-Q4")) == 2021
    assert income_year(IncomeRecord(on="2022-01-10", amount="1元", period="第四季度")) == 2022
    assert income_year(IncomeRecord(on="2022-01-10", amount="1元", period="20215")) == 2022
    assert income_year(IncomeRecord(on="2022-01-10", amount="1元")) == 2022


def test_without_a_start_date_each_calendar_year_is_still_shared_apart() -> None:
    project = Project(
        id="p",
        name="无开始日期",
        contributions=[Contribution(contributor_id="a", kind="现金", amount="100万元")],
        allocation_rule=FixedReturn("10%", guarantor_id="g"),
        income=[
            IncomeRecord(on="2021-12-31", amount="20万元"),
            IncomeRecord(on="2022-12-31", amount="4万元"),
        ],
    )
    registry = Registry(projects=[project])
    result = allocate_project_by_year(registry, "p")
    assert [(y.calendar_year, y.year) for y in result] == [(2021, 1), (2022, 1)]
    assert result.covered("a") == wan(6)  # 10万 due in 2022, 4万 earned
    assert distribution_year(project) == 1
    with pytest.raises(AllocationError, match=r"allocate_project\(year\).*started_on"):
        allocate_project(registry, "p", year=2)


def test_a_project_without_income_shares_nothing() -> None:
    registry = keqiao_style([])
    assert len(allocate_project_by_year(registry, "keqiao")) == 0
    assert allocate_project(registry, "keqiao").total == Money.ZERO


def test_the_yearly_table_lists_each_year_then_the_totals_per_member(keqiao: Registry) -> None:
    result = allocate_project_by_year(keqiao, "keqiao")
    zh, en = result.table("zh"), result.table("en")
    assert "协议年度 1 (2021): 分配金额 5,000,000元" in zh
    assert "协议年度 2 (2022): 分配金额 2,000,000元" in zh
    assert "各年度合计:" in zh
    total_rows = zh.split("各年度合计:")[1].splitlines()
    assert any(row.split() == ["v1", "545,000元", "95,000元", "640,000元"] for row in total_rows)
    assert any(row.split() == ["合计", "6,300,000元", "760,000元", "7,060,000元"] for row in total_rows)
    assert any(row.split() == ["留存", "700,000元"] for row in total_rows)
    assert "agreement year 2 (2022): income shared 2,000,000元" in en
    assert "all years:" in en


def test_allocate_years_shares_each_years_income_by_the_rule_of_that_year() -> None:
    rule = FixedReturn("10%", then=Proportional(), years=5)
    two = [Member("a", investment="100万元"), Member("b", investment="300万元")]
    result = allocate_years(rule, {6: "50万元", 5: 50_0000_00}, two)
    assert [y.year for y in result] == [5, 6]
    assert result.years[0].calendar_year is None
    assert result.amounts() == {"a": Money.parse("22.5万元"), "b": Money.parse("67.5万元")}
    with pytest.raises(AllocationError, match=r"allocate_years\(incomes\)"):
        allocate_years(rule, {0: "1元"}, two)


def test_the_yearly_table_has_no_retained_row_when_everything_was_shared() -> None:
    result = allocate_years(EqualSplit(), {1: "3元", 2: "3元"}, [Member("a"), Member("b"), Member("c")])
    assert result.retained == Money.ZERO
    totals = result.table().split("各年度合计:")[1]
    assert "留存" not in totals
    assert any(row.split() == ["a", "2元", "2元"] for row in totals.splitlines())


@given(members=member_lists(), data=st.data())
def test_the_totals_over_the_years_are_the_sums_of_the_years(
    members: list[Member], data: st.DataObject
) -> None:
    rule = data.draw(rules_for(members, depth=1))
    incomes = data.draw(st.dictionaries(st.integers(1, 8), st.integers(0, 10**9).map(Money), max_size=4))
    result = allocate_years(rule, incomes, members)
    assert result.total == sum(incomes.values(), Money.ZERO)
    assert result.allocated + result.retained == result.total
    for member in members:
        assert result.amount(member.id) == sum(
            (allocate(rule, incomes[y], members, year=y).amount(member.id) for y in incomes), Money.ZERO
        )
        assert result.received(member.id) == result.amount(member.id) + result.covered(member.id)


def test_a_year_by_year_result_refuses_what_is_not_a_year() -> None:
    allocation = allocate(EqualSplit(), "1元", [Member("a")])
    with pytest.raises(AllocationError, match=r"YearAllocation\.year"):
        YearAllocation(year=0, allocation=allocation)
    with pytest.raises(AllocationError, match=r"YearAllocation\.calendar_year"):
        YearAllocation(year=1, allocation=allocation, calendar_year=0)
    with pytest.raises(AllocationError, match=r"YearAllocation\.allocation"):
        YearAllocation(year=1, allocation="1元")  # type: ignore[arg-type]
    with pytest.raises(AllocationError, match=r"AllocationByYear\.years.*each"):
        AllocationByYear((YearAllocation(1, allocation), YearAllocation(1, allocation)))
    with pytest.raises(AllocationError, match=r"AllocationByYear\.years.*YearAllocation"):
        AllocationByYear((allocation,))  # type: ignore[arg-type]

"""A project carries its allocation rule: shared by it, serialised with it, checked with it."""

from __future__ import annotations

import datetime
import runpy
from pathlib import Path

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from dangjian_model import Contribution, IncomeRecord, InvalidValue, Money, Project, Registry
from dangjian_model import strategies as dst
from dangjian_model.allocation import (
    ByWeights,
    FixedReturn,
    GuaranteedMinimum,
    Proportional,
    allocate_project,
    project_year,
)
from dangjian_model.files import dumps, loads
from dangjian_model.validation import ValidationConfig, validate

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "cixi_three_villages.py"


@pytest.fixture(name="registry")
def _registry() -> Registry:
    registry = runpy.run_path(str(EXAMPLE))["build"]()
    assert isinstance(registry, Registry)
    return registry


def test_a_project_without_a_rule_shares_its_income_equally(registry: Registry) -> None:
    result = allocate_project(registry, "lianshu-village")
    assert result.amounts() == {v: Money.parse("10万元") for v in ("changlong", "qianbing", "gangdun")}


def test_a_project_shares_by_its_own_rule_and_any_income_given(registry: Registry) -> None:
    project = attrs.evolve(registry.project("lianshu-village"), allocation_rule=Proportional(basis="share"))
    changed = registry.with_entities(project)
    result = allocate_project(changed, "lianshu-village", "100元")
    assert sum(result.amounts().values(), Money.ZERO) == Money.parse("100元")
    assert sorted(result.amounts().values()) == [Money(3333), Money(3333), Money(3334)]


def test_the_year_of_the_agreement_follows_the_project_start() -> None:
    project = Project(id="p", name="飞地", started_on="2019-03-01")
    assert project_year(project, datetime.date(2019, 12, 31)) == 1
    assert project_year(project, datetime.date(2024, 1, 1)) == 6
    assert project_year(project, None) == 1
    assert project_year(Project(id="q", name="飞地"), datetime.date(2024, 1, 1)) == 1


def test_a_fixed_return_changes_to_dividends_after_its_years() -> None:
    project = Project(
        id="p",
        name="飞地",
        alliance_id=None,
        started_on="2019-01-01",
        contributions=[
            Contribution(contributor_id="a", kind="现金", amount="100万元"),
            Contribution(contributor_id="b", kind="财政扶持资金", amount="300万元"),
        ],
        allocation_rule=FixedReturn(rate="10%", years=5, then=Proportional()),
        income=[IncomeRecord(on="2020-12-31", amount="50万元")],
    )
    registry = Registry(projects=[project])
    second_year = allocate_project(registry, "p")
    assert second_year.amounts() == {"a": Money.parse("10万元"), "b": Money.parse("30万元")}
    assert second_year.retained == Money.parse("10万元")
    sixth_year = allocate_project(registry, "p", "50万元", on=datetime.date(2024, 12, 31))
    assert sixth_year.amounts() == {"a": Money.parse("12.5万元"), "b": Money.parse("37.5万元")}


def test_a_project_refuses_what_is_not_a_rule() -> None:
    with pytest.raises(InvalidValue, match=r"Project\.allocation_rule"):
        Project(id="p", name="x", allocation_rule="平分")  # type: ignore[arg-type]


@given(st.data())
def test_every_rule_survives_every_file_format(data: st.DataObject) -> None:
    rule = data.draw(dst.allocation_rules(["a", "b", "c"]))
    registry = Registry(projects=[Project(id="p", name="共建项目", allocation_rule=rule)])
    for format in ("json", "yaml", "toml"):
        assert loads(dumps(registry, format=format), format=format) == registry


def test_a_guaranteed_minimum_reads_from_yaml_with_chinese_money() -> None:
    text = """
projects:
  - id: sanlian
    name: 三联村飞地
    started_on: 2019-01-01
    allocation_rule:
      kind: guaranteed_minimum
      member_ids: [sanlian]
      minimum: 30万元
      escalation: 8%
      every_years: 3
      threshold: 700万元
"""
    registry = loads(text, format="yaml")
    rule = registry.project("sanlian").allocation_rule
    assert isinstance(rule, GuaranteedMinimum)
    assert rule.minimum == Money.parse("30万元")


def test_agreed_weights_that_leave_out_a_contributor_are_found_by_dj508() -> None:
    only = ValidationConfig(select=["DJ508"])

    def project(rule: ByWeights) -> Registry:
        contributions = [
            Contribution(contributor_id=v, kind="现金", amount="10万元") for v in ("a", "b", "c")
        ]
        return Registry(
            projects=[Project(id="p", name="飞地", contributions=contributions, allocation_rule=rule)]
        )

    left_out = validate(project(ByWeights.of({"a": 1, "b": 3})), only)
    assert [(f.code, f.path) for f in left_out.findings] == [("DJ508", "projects[p].allocation_rule")]
    assert "'c'" in left_out.findings[0].message_en
    assert not validate(project(ByWeights.of({"a": 1, "b": 3, "c": 0})), only).findings

"""Figures, grid templates, custom terms, exit conditions and claims in every format: read, written, refused."""

from __future__ import annotations

import json
from typing import Literal

import pytest
from hypothesis import given, settings

from dangjian_model import (
    Alliance,
    Contribution,
    CustomTerm,
    ExitCondition,
    Figure,
    FigureSource,
    GridLevel,
    GridSystem,
    ListedProject,
    Membership,
    Person,
    Project,
    Registry,
    Team,
    Unit,
    files,
    strategies,
)
from dangjian_model.files import ConfigError
from dangjian_model.files._fast import fast_loads_json, fast_structure

Format = Literal["json", "yaml", "toml"]


def _registry() -> Registry:
    return Registry(
        units=[Unit(id="a", name="甲村", kind="村"), Unit(id="b", name="乙村", kind="村")],
        people=[Person(id="p", name="某人", roles=["乡贤", "文化能人"])],
        teams=[Team(id="t", name="教授团队01", kind="教授团队")],
        alliances=[
            Alliance(
                id="al",
                name="联盟",
                type="片区联盟",
                secondary_types=["产业集聚型"],
                lead_id="a",
                linkages=["组织共建", "艺术联姻", "红色结对"],
                memberships=[
                    Membership(participant_id="a"),
                    Membership(participant_id="b"),
                    Membership(participant_id="t", role="顾问"),
                ],
                exit_conditions=[ExitCondition(metric="经营性收入", above="150万元", term_years=3)],
            )
        ],
        projects=[
            Project(
                id="pr",
                name="项目",
                contributions=[
                    Contribution(contributor_id="a", kind="场地", quantity="44", quantity_unit="栋")
                ],
            )
        ],
        figures=[
            Figure(
                id="f1",
                metric="新增就业岗位",
                value="300余个",
                subject_id="al",
                source=FigureSource(title="慈溪"),
            ),
            Figure(id="f2", metric="快乐指数", value="近万名", period="2024"),
        ],
        grid_systems=[
            GridSystem(
                id="gs", name="网格", levels=[GridLevel(count=1), GridLevel(count=11, party_groups=True)]
            )
        ],
        listed_projects=[
            ListedProject(id="lp", title="认领", claimed_on="2024-01-01", status="已认领", provider_id="a")
        ],
    )


@pytest.mark.parametrize("format", ["json", "yaml", "toml"])
def test_the_new_collections_and_custom_terms_read_back_in_every_format(format: Format) -> None:
    registry = _registry()
    text = files.dumps(registry, format=format, personal_data=True)
    assert files.loads(text, format=format) == registry
    assert "红色结对" in text and "300余个" in text and "art_partnership" in text


def test_the_fast_path_builds_the_same_registry_as_the_detailed_one() -> None:
    registry = _registry()
    text = files.dumps(registry, format="json", personal_data=True)
    assert fast_loads_json(text, Registry) == registry
    assert fast_structure(json.loads(text), Registry) == registry


@settings(max_examples=20)
@given(strategies.registries(max_alliances=2))
def test_generated_registries_with_figures_read_back_by_either_path(registry: Registry) -> None:
    text = files.dumps(registry, format="json", personal_data=True)
    assert files.loads(text, format="json") == registry
    assert fast_structure(json.loads(text), Registry) == registry


@pytest.mark.parametrize(
    ("figure", "path"),
    [
        ({"id": "f", "metric": "就业岗位", "value": "很多"}, "$.figures[0].value"),
        ({"id": "f", "metric": "就业岗位", "value": 1.5}, "$.figures[0].value"),
        ({"id": "f", "metric": 5, "value": "3个"}, "$.figures[0].metric"),
        ({"id": "f", "metric": "x" * 101, "value": "3个"}, "$.figures[0].metric"),
        ({"id": "f", "value": "3个"}, "$.figures[0].metric"),
    ],
)
def test_a_bad_figure_is_refused_at_its_path(figure: dict[str, object], path: str) -> None:
    with pytest.raises(ConfigError) as caught:
        files.loads(json.dumps({"version": 1, "figures": [figure]}), format="json")
    assert path in {problem.path for problem in caught.value.problems}


@pytest.mark.parametrize(
    ("linkages", "path"),
    [
        (["组织共建", 5], "$.alliances[0].linkages[1]"),
        ("组织共建", "$.alliances[0].linkages"),
        (["红色结对", "红色结对"], "$.alliances[0].linkages"),
        (["   "], "$.alliances[0].linkages[0]"),
    ],
)
def test_bad_linkages_are_refused_at_their_path(linkages: object, path: str) -> None:
    alliance = {"id": "al", "name": "联盟", "type": "片区联盟", "lead_id": "a", "linkages": linkages}
    with pytest.raises(ConfigError) as caught:
        files.loads(json.dumps({"version": 1, "alliances": [alliance]}), format="json")
    assert path in {problem.path for problem in caught.value.problems}


def test_a_custom_unit_and_no_unit_read_back_and_a_number_is_not_a_unit() -> None:
    contribution = {"contributor_id": "a", "kind": "场地", "quantity": "2", "quantity_unit": "栋"}
    project = {"id": "pr", "name": "项目", "contributions": [contribution]}
    loaded = files.loads(json.dumps({"version": 1, "projects": [project]}), format="json")
    assert loaded.project("pr").contributions[0].quantity_unit == CustomTerm("栋")
    contribution["quantity_unit"] = 5  # type: ignore[assignment]
    with pytest.raises(ConfigError):
        files.loads(json.dumps({"version": 1, "projects": [project]}), format="json")


def test_the_schema_accepts_a_custom_term_and_a_figure_as_text() -> None:
    schema = files.json_schema()
    linkages = schema["$defs"]["Alliance"]["properties"]["linkages"]["items"]["anyOf"]
    assert {"type", "minLength", "maxLength", "pattern", "description"} <= set(linkages[1])
    assert schema["$defs"]["Figure"]["required"] == ["id", "metric", "value"]


def test_a_null_unit_reads_as_no_unit() -> None:
    contribution = {"contributor_id": "a", "kind": "场地", "quantity": "2", "quantity_unit": None}
    project = {"id": "pr", "name": "项目", "contributions": [contribution]}
    loaded = files.loads(json.dumps({"version": 1, "projects": [project]}), format="json")
    assert loaded.project("pr").contributions[0].quantity_unit is None

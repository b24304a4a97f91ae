"""Figures, open vocabularies, grid templates, exit conditions and claims in workbooks, CSV and tables."""

from __future__ import annotations

import datetime
import io
import json
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from openpyxl.utils import get_column_letter

from dangjian_model import (
    Alliance,
    Contribution,
    CustomTerm,
    ExitCondition,
    Figure,
    FigureSource,
    FigureValue,
    GridLevel,
    GridSystem,
    Linkage,
    ListedProject,
    Membership,
    Person,
    PersonRole,
    Project,
    QuantityUnit,
    Registry,
    Team,
    Unit,
)
from dangjian_model.files import (
    ConfigError,
    _yaml_fast,
    dumps_labelled,
    labelled_document,
    loads,
    read_csv,
    read_workbook,
    to_arrow,
    to_tables,
    write_csv,
    write_workbook,
)
from dangjian_model.files._sheets import sheet_named
from dangjian_model.files._xlsx import CHOICES_SHEET


@pytest.fixture(name="figured")
def fixture_figured() -> Registry:
    return Registry(
        units=[Unit(id="a", name="甲村", kind="村"), Unit(id="b", name="乙村", kind="村")],
        people=[Person(id="p", name="某人", roles=["书记", "文化能人"])],
        teams=[Team(id="t", name="教授团队01", kind="教授团队")],
        alliances=[
            Alliance(
                id="al",
                name="联盟",
                type="片区党建联盟",
                secondary_types=["产业集聚型", "强村带动型"],
                lead_id="a",
                linkages=["组织共建", "红色结对"],
                memberships=[
                    Membership(participant_id="a"),
                    Membership(participant_id="b"),
                    Membership(participant_id="t", role="顾问"),
                ],
                exit_conditions=[
                    ExitCondition(
                        metric="经营性收入",
                        above="150万元",
                        term_years=3,
                        terms_start_on=datetime.date(2021, 1, 1),
                        description="超过即退出",
                    ),
                    ExitCondition(metric="游客增幅", above="20%以上", term_years=1),
                ],
            )
        ],
        projects=[
            Project(
                id="pr",
                name="项目",
                alliance_id="al",
                contributions=[
                    Contribution(contributor_id="a", kind="场地", quantity="44", quantity_unit="栋"),
                    Contribution(contributor_id="b", kind="场地", quantity="3", quantity_unit="亩"),
                ],
            )
        ],
        listed_projects=[
            ListedProject(
                id="lp",
                title="文化礼堂改造",
                provider_id="b",
                alliance_id="al",
                claimed_on=datetime.date(2022, 3, 1),
                status="已认领",
            )
        ],
        figures=[
            Figure(
                id="f1",
                metric="新增就业岗位",
                value="300余个",
                subject_id="al",
                on=datetime.date(2021, 12, 31),
                source=FigureSource(
                    title="慈溪：片区党建联盟",
                    published_on=datetime.date(2022, 1, 5),
                    url="https://example.org/1",
                ),
                note="见报道",
            ),
            Figure(id="f2", metric="快乐指数", value="近万名", period="2024"),
        ],
        grid_systems=[
            GridSystem(
                id="gs",
                name="红心网格",
                levels=[
                    GridLevel(count=1, name="一级网格"),
                    GridLevel(count=11),
                    GridLevel(count=170, party_groups=True),
                ],
                unit_id="a",
            )
        ],
    )


def _workbook(registry: Registry, **options: Any) -> bytes:
    buffer = io.BytesIO()
    write_workbook(registry, buffer, personal_data=True, **options)
    return buffer.getvalue()


def _book(data: bytes) -> Any:
    return openpyxl.load_workbook(io.BytesIO(data))


def _edited(data: bytes, sheet: str, cell: str, value: Any) -> bytes:
    book = _book(data)
    book[sheet][cell] = value
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _rows(data: bytes, sheet: str) -> list[dict[str, Any]]:
    """The rows of a sheet as header id → cell."""
    header, *rows = _book(data)[sheet].iter_rows(values_only=True)
    ids = [str(cell).rsplit(" ", 1)[-1] for cell in header]
    return [dict(zip(ids, row, strict=True)) for row in rows]


# ------------------------------------------------------------------------------------ round trips


@pytest.mark.parametrize("labels", [True, False])
def test_figures_templates_exit_conditions_claims_and_custom_terms_survive_a_workbook(
    figured: Registry, labels: bool
) -> None:
    assert read_workbook(_workbook(figured, labels=labels)).registry == figured


@pytest.mark.parametrize("labels", [True, False])
def test_figures_templates_exit_conditions_claims_and_custom_terms_survive_a_csv_folder(
    figured: Registry, labels: bool, tmp_path: Path
) -> None:
    write_csv(figured, tmp_path / "registry", personal_data=True, labels=labels)
    assert read_csv(tmp_path / "registry").registry == figured


def test_a_custom_term_holding_a_separator_is_written_as_a_json_list_and_read_back(figured: Registry) -> None:
    alliance = figured.alliances[0]
    odd = Alliance(
        id=alliance.id,
        name=alliance.name,
        type=alliance.type,
        lead_id=alliance.lead_id,
        linkages=[Linkage.ORGANISATION_CO_BUILDING, CustomTerm("红色，联姻"), CustomTerm("[新]")],
    )
    registry = Registry(units=figured.units, alliances=[odd])
    data = _workbook(registry)
    (row,) = _rows(data, "联盟")
    assert sorted(json.loads(row["linkages"])) == sorted(["组织共建", "红色，联姻", "[新]"])
    assert read_workbook(data).registry == registry


def test_a_cell_of_terms_that_only_looks_like_json_is_split_as_any_other(figured: Registry) -> None:
    data = _edited(_workbook(figured), "人员", "C2", "[乡贤、书记")
    (person,) = read_workbook(data).registry.people
    assert person.roles == {CustomTerm("[乡贤"), PersonRole.SECRETARY}
    data = _edited(_workbook(figured), "人员", "C2", '["书记", 1]')
    (person,) = read_workbook(data).registry.people
    assert person.roles == {CustomTerm('["书记"'), CustomTerm("1]")}


# ------------------------------------------------------------------------------------ the layout


def test_open_vocabularies_are_chinese_labels_and_custom_terms_as_written(figured: Registry) -> None:
    data = _workbook(figured)
    (person,) = _rows(data, "人员")
    assert set(person["roles"].split("、")) == {"书记", "文化能人"}
    (alliance,) = _rows(data, "联盟")
    assert set(alliance["linkages"].split("、")) == {"组织共建", "红色结对"}
    assert set(alliance["secondary_types"].split("、")) == {"产业集聚型", "强村带动型"}
    units = [row["quantity_unit"] for row in _rows(data, "项目投入")]
    assert units == ["栋", "亩"]
    english = [row["quantity_unit"] for row in _rows(_workbook(figured, labels=False), "项目投入")]
    assert english == ["栋", QuantityUnit.MU.value]


def test_figures_grid_templates_and_exit_conditions_have_their_own_chinese_sheets(figured: Registry) -> None:
    data = _workbook(figured)
    figures = _rows(data, "数据")
    assert [(f["id"], f["metric"], f["value"]) for f in figures] == [
        ("f1", "新增就业岗位", "300余个"),
        ("f2", "快乐指数", "近万名"),
    ]
    assert figures[0]["source.title"] == "慈溪：片区党建联盟"
    levels = _rows(data, "网格层级")
    assert [(r["grid_system_id"], r["count"], r["party_groups"]) for r in levels] == [
        ("gs", 1, None),
        ("gs", 11, None),
        ("gs", 170, True),
    ]
    conditions = _rows(data, "联盟退出条件")
    assert [(c["alliance_id"], c["metric"], c["above"], c["term_years"]) for c in conditions] == [
        ("al", "经营性收入", "150万元", 3),
        ("al", "游客增幅", "20%以上", 1),
    ]
    (claim,) = _rows(data, "项目清单")
    assert (claim["claimed_on"], claim["status"]) == (datetime.datetime(2022, 3, 1), "已认领")
    header = next(_book(data)["数据"].iter_rows(values_only=True))
    assert header[:3] == ("编号 id", "指标 metric", "数值 value")
    assert sheet_named("grid_systems.levels") is sheet_named("网格层级")


def test_an_open_vocabulary_offers_its_labels_in_a_drop_down_that_takes_new_text_too() -> None:
    book = _book(_workbook(Registry()))
    contributions = book["项目投入"]
    header = [c.value for c in contributions[1]]
    letter = get_column_letter(header.index("计量单位 quantity_unit") + 1)
    checks = {str(v.sqref).split(":")[0]: v for v in contributions.data_validations.dataValidation}
    unit = checks[f"{letter}2"]
    assert unit.errorStyle == "information"
    assert "自定义词语" in unit.error
    choices = {row[0]: row for row in zip(*book[CHOICES_SHEET].iter_rows(values_only=True), strict=True)}
    assert {"亩", "人次", "%"} <= set(choices["计量单位"])
    people = book["人员"]
    roles = next(v for v in people.data_validations.dataValidation if str(v.sqref).startswith("C2"))
    assert (roles.errorStyle, "、" in roles.error) == ("information", True)
    kind = next(v for v in book["单位"].data_validations.dataValidation if str(v.sqref).startswith("C2"))
    assert kind.errorStyle == "warning"


# ------------------------------------------------------------------------------------ what people type


def test_a_figure_typed_as_a_bare_number_is_read_as_its_text(figured: Registry) -> None:
    for typed, text in ((300, "300"), (1.5, "1.5")):
        data = _edited(_workbook(figured), "数据", "C2", typed)
        figure = read_workbook(data).registry.figure("f1")
        assert figure.value == FigureValue.parse(text)


def test_a_bad_figure_and_a_bad_term_are_reported_with_their_cells(figured: Registry) -> None:
    data = _edited(_workbook(figured), "数据", "C3", "三百多个")
    with pytest.raises(ConfigError) as caught:
        read_workbook(data)
    (problem,) = caught.value.problems
    assert (problem.cell, problem.path) == ("数据!C3", "$.figures[1].value")
    data = _edited(_workbook(figured), "项目投入", "F2", "x" * 101)
    with pytest.raises(ConfigError) as caught:
        read_workbook(data)
    (problem,) = caught.value.problems
    assert (problem.cell, problem.path) == ("项目投入!F2", "$.projects[0].contributions[0].quantity_unit")


# ------------------------------------------------------------------------------------ tables and labels


def test_tables_hold_terms_as_lists_and_figures_as_their_text(figured: Registry) -> None:
    tables = to_tables(figured, personal_data=True)
    (roles,) = tables["people"]["roles"]
    assert sorted(roles) == sorted([PersonRole.SECRETARY.value, "文化能人"])
    assert tables["figures"]["value"] == ["300余个", "近万名"]
    assert tables["figures"]["source_published_on"] == [datetime.date(2022, 1, 5), None]
    assert tables["grid_systems_levels"]["count"] == [1, 11, 170]
    assert tables["grid_systems_levels"]["party_groups"] == [False, False, True]
    assert tables["projects_contributions"]["quantity_unit"] == ["栋", QuantityUnit.MU.value]
    arrow = to_arrow(figured, personal_data=True)
    assert str(arrow["alliances"].schema.field("linkages").type) == "list<item: string>"
    assert str(arrow["figures"].schema.field("value").type) == "string"


def test_a_labelled_document_writes_open_vocabularies_in_chinese_and_reads_back(figured: Registry) -> None:
    document = labelled_document(figured, personal_data=True)
    assert set(document["people"][0]["roles"]) == {"书记", "文化能人"}
    assert set(document["alliances"][0]["linkages"]) == {"组织共建", "红色结对"}
    assert document["alliances"][0]["exit_conditions"][0]["metric"] == "经营性收入"
    assert [c["quantity_unit"] for c in document["projects"][0]["contributions"]] == ["栋", "亩"]
    assert [f["metric"] for f in document["figures"]] == ["新增就业岗位", "快乐指数"]
    assert document["listed_projects"][0]["status"] == "已认领"
    for format in ("json", "yaml", "toml"):
        assert loads(dumps_labelled(figured, format, personal_data=True), format) == figured


def test_the_fast_yaml_reader_takes_dates_under_the_new_date_fields() -> None:
    text = "claimed_on: 2022-03-01\npublished_on: 2022-01-05\nterms_start_on: 2021-01-01\n"
    translated = _yaml_fast.translate(text, 32)
    assert translated is not None
    assert json.loads(translated[0]) == {
        "claimed_on": "2022-03-01",
        "published_on": "2022-01-05",
        "terms_start_on": "2021-01-01",
    }

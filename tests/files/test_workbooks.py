"""Excel workbooks: the round trip, the layout people fill in, and every bad cell named by its address."""

from __future__ import annotations

import datetime
import io
import sys
from collections.abc import Callable
from typing import Any

import attrs
import openpyxl
import pytest
from hypothesis import given

from dangjian_model import Agreement, Alliance, Membership, Person, Project, Registry, Unit, strategies
from dangjian_model._location import column_letters
from dangjian_model._money import Money
from dangjian_model.files import (
    ConfigError,
    MissingExtra,
    PersonalDataError,
    dumps,
    loads,
    read_workbook,
    write_template,
    write_workbook,
)
from dangjian_model.files._sheets import SHEETS, Cell, sheet_named
from dangjian_model.files._xlsx import CHOICES_SHEET, INSTRUCTIONS_SHEET
from dangjian_model.validation import validate


def _workbook(registry: Registry, **options: Any) -> bytes:
    buffer = io.BytesIO()
    write_workbook(registry, buffer, personal_data=True, **options)
    return buffer.getvalue()


def _edited(data: bytes, edit: Callable[[Any], None]) -> bytes:
    """The workbook with ``edit`` applied to it in openpyxl's ordinary (editing) mode."""
    book = openpyxl.load_workbook(io.BytesIO(data))
    edit(book)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _problems(data: bytes) -> tuple[Any, ...]:
    with pytest.raises(ConfigError) as caught:
        read_workbook(data)
    return caught.value.problems


@pytest.fixture(name="small")
def fixture_small() -> Registry:
    return Registry(
        units=[
            Unit(id="kuangyan", name="匡堰镇", kind="镇乡"),
            Unit(
                id="changlong",
                name="倡隆村",
                kind="行政村",
                superior_id="kuangyan",
                collective_income="150万元",
            ),
            Unit(id="qianbing", name="乾炳村", kind="行政村", superior_id="kuangyan"),
        ],
        alliances=[
            Alliance(
                id="south",
                name="南部片区党建联盟",
                type="片区党建联盟",
                lead_id="changlong",
                memberships=[Membership(participant_id="changlong"), Membership(participant_id="qianbing")],
                agreement=Agreement(title="南部片区联建协议"),
            )
        ],
        projects=[Project(id="orchard", name="共建果园", alliance_id="south")],
    )


# ------------------------------------------------------------------------------------ round trips


@given(strategies.registries())
def test_a_registry_survives_yaml_then_a_workbook_then_json_byte_for_byte(registry: Registry) -> None:
    from_yaml = loads(dumps(registry, "yaml", personal_data=True), "yaml")
    back = read_workbook(_workbook(from_yaml)).registry
    assert dumps(back, "json", personal_data=True) == dumps(registry, "json", personal_data=True)


@given(strategies.registries())
def test_a_workbook_of_english_ids_reads_back_as_the_same_registry(registry: Registry) -> None:
    assert read_workbook(_workbook(registry, labels=False)).registry == registry


def test_a_workbook_reads_from_a_file_name_as_from_bytes(small: Registry, tmp_path: Any) -> None:
    path = tmp_path / "登记册.xlsx"
    write_workbook(small, path)
    assert read_workbook(path).registry == read_workbook(path.read_bytes()).registry == small


def test_text_that_looks_like_a_formula_stays_text(small: Registry) -> None:
    registry = attrs.evolve(small, units=[*small.units, Unit(id="=A1", name="=SUM(A1:A3)", kind="村")])
    assert read_workbook(_workbook(registry)).registry == registry


def test_numbers_too_large_for_excel_and_dates_before_1900_are_kept_exactly() -> None:
    registry = Registry(
        units=[Unit(id="big", name="大村", kind="村", population=2**60 + 1)],
        alliances=[
            Alliance(
                id="old",
                name="老联盟",
                type="片区党建联盟",
                lead_id="big",
                formed_on=datetime.date(1899, 1, 1),
            )
        ],
    )
    assert read_workbook(_workbook(registry)).registry == registry


def test_a_workbook_holding_people_is_written_only_when_told_how(small: Registry) -> None:
    registry = attrs.evolve(small, people=[Person(id="p1", name="龚建立", phone="13812345678")])
    with pytest.raises(PersonalDataError):
        write_workbook(registry, io.BytesIO())
    buffer = io.BytesIO()
    write_workbook(registry, buffer, personal_data="mask")
    assert read_workbook(buffer.getvalue()).registry.people[0].name == "龚**"


# ------------------------------------------------------------------------------------ the layout


def test_the_template_has_instructions_every_sheet_with_both_headers_and_drop_downs() -> None:
    buffer = io.BytesIO()
    write_template(buffer)
    book = openpyxl.load_workbook(io.BytesIO(buffer.getvalue()))
    assert book.sheetnames == [INSTRUCTIONS_SHEET, *(s.title for s in SHEETS), CHOICES_SHEET]
    assert book[CHOICES_SHEET].sheet_state == "hidden"
    units = book["单位"]
    assert [c.value for c in units[1]][:3] == ["编号 id", "名称 name", "单位类型 kind"]
    (kind_check,) = units.data_validations.dataValidation
    assert str(kind_check.sqref).startswith("C2:C")
    choices = [row[0] for row in book[CHOICES_SHEET].iter_rows(values_only=True)]
    assert "行政村" in choices
    assert read_workbook(buffer.getvalue()).registry == Registry()


def test_every_sheet_has_a_unique_name_excel_accepts_and_unique_columns() -> None:
    titles = [s.title for s in SHEETS]
    assert len(set(titles)) == len(titles)
    for sheet in SHEETS:
        assert len(sheet.title) <= 31
        assert not set(sheet.title) & set("[]:*?/\\")
        ids = [c.id for c in sheet.all_columns]
        labels = [c.label for c in sheet.all_columns]
        assert len(set(ids)) == len(ids), sheet.key
        assert len(set(labels)) == len(labels), sheet.key


def test_nested_lists_have_their_own_sheets_keyed_by_the_parent_id(small: Registry) -> None:
    book = openpyxl.load_workbook(io.BytesIO(_workbook(small)))
    rows = list(book["联盟成员"].iter_rows(values_only=True))
    assert rows[0][:2] == ("联盟编号 alliance_id", "成员编号 participant_id")
    assert [row[:2] for row in rows[1:]] == [("south", "changlong"), ("south", "qianbing")]


def test_enums_are_chinese_labels_and_whole_amounts_are_in_wan(small: Registry) -> None:
    book = openpyxl.load_workbook(io.BytesIO(_workbook(small)))
    row = next(r for r in book["单位"].iter_rows(values_only=True) if r[0] == "changlong")
    assert row[2] == "行政村"
    assert row[10] == "150万元"


def test_sheets_are_found_by_their_english_key_and_csv_file_name() -> None:
    assert sheet_named("alliances.memberships") is sheet_named("联盟成员") is sheet_named("联盟成员.csv")
    assert sheet_named("units.csv") is sheet_named(" 单位 ")
    assert sheet_named("无此表") is None


def test_columns_are_lettered_as_excel_does() -> None:
    assert [column_letters(n) for n in (1, 26, 27, 52, 703)] == ["A", "Z", "AA", "AZ", "AAA"]
    assert str(Cell("单位", 7, 4)) == "单位!D7"


# ------------------------------------------------------------------------------------ what people type


def test_values_as_excel_keeps_them_are_read(small: Registry) -> None:
    def edit(book: Any) -> None:
        units = book["单位"]
        units.append(
            [2024, "数字村", "村", "kuangyan", None, None, "强村，红色名村", 1200.0, "300", None, 5000]
        )
        units.append([" trimmed ", "全角　空格", "村", None])
        agreement = book["联盟"]
        agreement["J2"], agreement["K2"], agreement["M2"] = "联盟协议", datetime.datetime(2021, 12, 6), "否"

    imported = read_workbook(_edited(_workbook(small), edit))
    registry = imported.registry
    number = registry.unit("2024")
    assert (number.population, number.collective_income) == (1200, Money.parse("5000元"))
    assert {d.label for d in number.designations} == {"强村", "红色名村"}
    assert registry.unit("trimmed").name == "全角 空格"
    agreement = registry.alliances[0].agreement
    assert agreement is not None
    assert (agreement.signed_on, agreement.contract_based) == (datetime.date(2021, 12, 6), False)
    assert {t.cell for t in imported.tidied} == {"单位!A6", "单位!B6"}
    assert all(
        (t.severity == "info" and "去掉首尾空白" in str(t)) or "全角" in str(t) for t in imported.tidied
    )


def test_empty_rows_and_blank_headers_are_skipped(small: Registry) -> None:
    def edit(book: Any) -> None:
        units = book["单位"]
        units.insert_rows(3)
        units.cell(row=1, column=20, value="  ")

    assert read_workbook(_edited(_workbook(small), edit)).registry == small


def test_a_header_may_be_the_chinese_label_or_the_english_id_alone(small: Registry) -> None:
    def edit(book: Any) -> None:
        book["单位"]["A1"], book["单位"]["B1"] = "id", "名称"

    assert read_workbook(_edited(_workbook(small), edit)).registry == small


# ------------------------------------------------------------------------------------ bad cells


def _set(sheet: str, cell: str, value: Any) -> Callable[[Any], None]:
    def edit(book: Any) -> None:
        book[sheet][cell] = value

    return edit


@pytest.mark.parametrize(
    ("sheet", "cell", "value", "path"),
    [
        ("单位", "C3", "乡村", "$.units[1].kind"),  # a collection's own column
        ("单位", "H2", "many", "$.units[0].population"),
        ("联盟", "M2", "也许", "$.alliances[0].agreement.contract_based"),  # a nested object's column
        ("联盟成员", "C3", "盟主", "$.alliances[0].memberships[1].role"),  # a nested list's sheet
        ("项目", "G2", '{"kind": "by_magic"}', "$.projects[0].allocation_rule"),  # a rule as JSON
    ],
)
def test_a_bad_cell_of_each_kind_of_sheet_is_reported_with_its_address(
    small: Registry, sheet: str, cell: str, value: Any, path: str
) -> None:
    (problem,) = _problems(_edited(_workbook(small), _set(sheet, cell, value)))
    assert problem.cell == f"{sheet}!{cell}"
    assert problem.path == path
    assert str(problem).startswith(f"{sheet}!{cell}: {path}: ")


def test_a_bad_cell_two_levels_down_is_reported_with_its_address() -> None:
    registry = loads(
        """
party_organisations:
  - id: branch
    name: 倡隆村党支部
    form: 党支部
    committee_terms:
      - number: 1
        elected_on: 2021-01-01
        posts: [{person_id: p1, role: secretary}]
""",
        "yaml",
    )
    data = _edited(_workbook(registry), _set("换届职务", "D2", "掌柜"))
    (problem,) = _problems(data)
    assert (problem.cell, problem.path) == (
        "换届职务!D2",
        "$.party_organisations[0].committee_terms[0].posts[0].role",
    )


def test_a_missing_required_value_points_at_its_empty_cell(small: Registry) -> None:
    (problem,) = _problems(_edited(_workbook(small), _set("单位", "B3", None)))
    assert (problem.cell, problem.expected) == ("单位!B3", "this key, which is required")


def test_an_allocation_rule_that_is_not_json_is_reported_with_its_cell(small: Registry) -> None:
    (problem,) = _problems(_edited(_workbook(small), _set("项目", "G2", "{平分")))
    assert problem.cell == "项目!G2"
    assert problem.expected.startswith("an allocation rule as JSON text")


def test_an_unknown_column_and_a_repeated_column_are_reported_at_their_headers(small: Registry) -> None:
    def edit(book: Any) -> None:
        book["单位"]["L1"] = "人口数"
        book["单位"]["M1"] = "名称 name"

    unknown, repeated = _problems(_edited(_workbook(small), edit))
    assert (unknown.cell, repeated.cell) == ("单位!L1", "单位!M1")
    assert "did you mean" in unknown.expected
    assert repeated.expected == "each column once"


def test_an_unknown_sheet_and_a_sheet_given_twice_are_reported(small: Registry) -> None:
    def edit(book: Any) -> None:
        book.create_sheet("单 位")["A1"] = "编号 id"
        book.create_sheet("units")["A1"] = "编号 id"

    unknown, twice = _problems(_edited(_workbook(small), edit))
    assert unknown.cell == "单 位!A1" and "did you mean '单位'?" in unknown.expected
    assert twice.cell == "units!A1" and "one sheet 单位" in twice.expected


def test_a_row_whose_parent_is_missing_unknown_or_ambiguous_is_reported(small: Registry) -> None:
    def edit(book: Any) -> None:
        book["联盟成员"].append(["nowhere", "changlong"])
        book["联盟成员"].append([None, "changlong"])
        book["联盟"].append(["south", "重名联盟", "片区党建联盟", "changlong"])
        book["联盟会议频次"].append(["south", "党员大会", "每季度"])

    problems = _problems(_edited(_workbook(small), edit))
    cells = {p.cell: p.expected for p in problems}
    assert "a row of sheet 联盟" in cells["联盟成员!A4"]
    assert "the 联盟编号 alliance_id of the row it belongs to" in cells["联盟成员!A5"]
    assert "one row of sheet 联盟" in cells["联盟会议频次!A2"]


def test_a_nested_sheet_without_its_key_column_is_reported(small: Registry) -> None:
    def edit(book: Any) -> None:
        book["联盟成员"].delete_cols(1)

    (problem,) = _problems(_edited(_workbook(small), edit))
    assert problem.cell == "联盟成员!E1"
    assert "联盟编号 alliance_id" in problem.expected


def test_something_that_is_not_a_workbook_is_one_clear_problem(tmp_path: Any) -> None:
    (problem,) = _problems(b"not a zip at all")
    assert problem.expected.startswith("an Excel workbook (.xlsx)")
    with pytest.raises(ConfigError, match="a readable file"):
        read_workbook(tmp_path / "missing.xlsx")


def test_a_workbook_that_unpacks_too_large_is_refused(small: Registry) -> None:
    from dangjian_model.files import Limits

    with pytest.raises(ConfigError, match="unpacked"):
        read_workbook(_workbook(small), limits=Limits(max_bytes=1000))


def test_validation_findings_point_at_the_cell_of_the_value(small: Registry) -> None:
    wrong = attrs.evolve(small.units[0], superior_id="kuangyang")  # changlong, sorted first
    data = _workbook(attrs.evolve(small, units=[wrong, *small.units[1:]]))
    imported = read_workbook(data)
    finding = next(f for f in validate(imported.registry).findings if f.code == "DJ101")
    assert str(imported.cell(finding.path)) == "单位!D2"
    assert imported.cell("units[nobody].name") is None
    assert imported.cell("not a path") is None
    assert str(imported.cell("$.alliances[0].memberships[1]")) == "联盟成员!A3"


def test_without_openpyxl_the_error_says_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "openpyxl", None)
    with pytest.raises(MissingExtra) as caught:
        write_template(io.BytesIO())
    message = str(caught.value)
    assert message.index("需要安装 openpyxl") < message.index("need openpyxl")
    assert "pip install 'dangjian-model[excel]'" in message
    assert caught.value.extra == "excel"
    assert isinstance(caught.value, ImportError)


def test_the_example_workbook_holds_the_example_registry() -> None:
    from tests.files.conftest import EXAMPLES

    from_workbook = read_workbook(EXAMPLES / "cixi_three_villages.xlsx").registry
    assert from_workbook == loads(
        (EXAMPLES / "cixi_three_villages.yaml").read_text(encoding="utf-8"), "yaml"
    ), (
        "examples/cixi_three_villages.xlsx is stale: write it again with write_workbook(..., personal_data=True)"
    )


def test_a_row_without_an_id_a_blank_cell_and_an_empty_sheet_are_handled(small: Registry) -> None:
    def edit(book: Any) -> None:
        book["单位"].append([None, "无编号村", "村"])
        book["单位"]["E2"] = "   "  # only spaces: an empty cell
        book.create_sheet("空表")  # no header: ignored

    problems = _problems(_edited(_workbook(small), edit))
    assert [(p.cell, p.expected) for p in problems] == [("单位!A5", "this key, which is required")]


def test_a_time_of_day_in_a_date_column_is_refused_with_its_cell(small: Registry) -> None:
    (problem,) = _problems(
        _edited(_workbook(small), _set("联盟", "K2", datetime.datetime(2021, 12, 6, 10, 30)))
    )
    assert (problem.cell, problem.value) == ("联盟!K2", "'2021-12-06T10:30:00'")


def test_cells_are_found_for_list_items_and_not_for_what_no_row_holds(small: Registry) -> None:
    imported = read_workbook(_workbook(small))
    assert str(imported.cell("$.units[0].designations[1]")) == "单位!G2"
    assert str(imported.cell("$.alliances[0].agreement.title")) == "联盟!J2"
    assert str(imported.cell("$.alliances[0].agreement")) == "联盟!A2"
    assert imported.cell("$.meetings[3]") is None
    assert imported.cell("$") is None

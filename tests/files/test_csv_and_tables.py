"""CSV folders and zips, Chinese encodings, tables for analysis, plain dicts and labelled documents."""

from __future__ import annotations

import datetime
import json
import sys
import zipfile
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from dangjian_model import Alliance, Membership, Person, Project, Registry, Unit, strategies
from dangjian_model._money import Money
from dangjian_model._registry import ENTITY_KINDS
from dangjian_model.allocation import EqualSplit, Portion
from dangjian_model.files import (
    ConfigError,
    MissingExtra,
    PersonalDataError,
    dumps,
    dumps_labelled,
    from_dict,
    labelled_document,
    loads,
    read_csv,
    readable_money,
    to_arrow,
    to_dict,
    to_pandas,
    to_tables,
    write_csv,
    write_parquet,
)


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
        ],
        alliances=[
            Alliance(
                id="south",
                name="南部片区党建联盟",
                type="片区党建联盟",
                lead_id="changlong",
                memberships=[Membership(participant_id="changlong", joined_on=datetime.date(2021, 12, 6))],
            )
        ],
        projects=[Project(id="orchard", name="共建果园", alliance_id="south", allocation_rule=EqualSplit())],
    )


# ------------------------------------------------------------------------------------ CSV


@given(strategies.registries(), st.booleans())
def test_a_registry_survives_a_csv_folder_and_a_csv_zip(registry: Registry, labels: bool) -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        write_csv(registry, Path(folder) / "registry", personal_data=True, labels=labels)
        write_csv(registry, Path(folder) / "registry.zip", personal_data=True, labels=labels)
        from_folder = read_csv(Path(folder) / "registry").registry
        from_zip = read_csv(Path(folder) / "registry.zip").registry
    assert dumps(from_folder, personal_data=True) == dumps(registry, personal_data=True)
    assert from_zip == registry


def test_csv_files_are_utf8_with_a_byte_order_mark_so_excel_opens_them(
    small: Registry, tmp_path: Path
) -> None:
    write_csv(small, tmp_path / "out")
    data = (tmp_path / "out" / "units.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    assert data.decode("utf-8-sig").splitlines()[0].startswith("编号 id,名称 name,单位类型 kind")


def _gbk_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "gbk"
    folder.mkdir()
    text = "编号 id,名称 name,单位类型 kind\r\nkuangyan,匡堰镇,镇乡\r\n"
    (folder / "单位.csv").write_bytes(text.encode("gb18030"))
    (folder / "readme.txt").write_text("not a sheet", encoding="utf-8")
    return folder


def test_gb18030_files_from_chinese_excel_are_detected_or_chosen(tmp_path: Path) -> None:
    folder = _gbk_folder(tmp_path)
    assert read_csv(folder).registry.unit("kuangyan").name == "匡堰镇"
    assert read_csv(folder, encoding="gbk").registry == read_csv(folder, encoding="gb18030").registry


def test_a_file_in_the_wrong_encoding_is_reported_with_its_name(tmp_path: Path) -> None:
    with pytest.raises(ConfigError) as caught:
        read_csv(_gbk_folder(tmp_path), encoding="utf-8")
    (problem,) = caught.value.problems
    assert problem.cell == "单位.csv!A1"
    assert "utf-8-sig" in problem.expected and "encoding=" in problem.expected


def test_a_bad_csv_cell_is_reported_with_file_row_and_column(small: Registry, tmp_path: Path) -> None:
    write_csv(small, tmp_path / "out", labels=False)
    path = tmp_path / "out" / "alliances.memberships.csv"
    path.write_text(path.read_text(encoding="utf-8-sig").replace("2021-12-06", "去年"), encoding="utf-8-sig")
    with pytest.raises(ConfigError) as caught:
        read_csv(tmp_path / "out")
    (problem,) = caught.value.problems
    assert (problem.sheet, problem.line, problem.column) == ("alliances.memberships.csv", 2, 4)
    assert problem.cell == "alliances.memberships.csv!D2"


def test_a_zip_with_gbk_file_names_from_windows_is_read(tmp_path: Path) -> None:
    path = tmp_path / "export.zip"
    with zipfile.ZipFile(path, "w") as archive:  # a placeholder name as long as 单位.csv in GBK
        archive.writestr(
            "abcd.csv", "编号 id,名称 name,单位类型 kind\r\nkuangyan,匡堰镇,镇乡\r\n".encode("gb18030")
        )
        archive.writestr("readme.txt", "ignored")
    path.write_bytes(path.read_bytes().replace(b"abcd.csv", "单位.csv".encode("gb18030")))
    assert read_csv(path).registry.unit("kuangyan").kind.label == "镇乡"


def test_what_is_not_a_csv_folder_is_one_clear_problem(tmp_path: Path) -> None:
    (tmp_path / "not.zip").write_bytes(b"nothing")
    for source in (tmp_path / "not.zip", tmp_path / "missing"):
        with pytest.raises(ConfigError, match="a folder or a zip file of CSV files"):
            read_csv(source)


def test_a_csv_folder_too_large_is_refused(small: Registry, tmp_path: Path) -> None:
    from dangjian_model.files import Limits

    write_csv(small, tmp_path / "out")
    write_csv(small, tmp_path / "out.zip")
    for source in (tmp_path / "out", tmp_path / "out.zip"):
        with pytest.raises(ConfigError, match=r"Limits\.max_bytes"):
            read_csv(source, limits=Limits(max_bytes=100))


def test_an_empty_csv_file_is_skipped_and_broken_csv_is_reported(tmp_path: Path) -> None:
    folder = tmp_path / "csv"
    folder.mkdir()
    (folder / "units.csv").write_text("", encoding="utf-8")
    assert read_csv(folder).registry == Registry()
    (folder / "units.csv").write_text("编号 id\r\n" + "a" * 200_000 + "\r\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="well-formed CSV"):
        read_csv(folder)


def test_money_as_a_bare_number_in_csv_is_in_yuan_and_utf8_zip_names_are_read(tmp_path: Path) -> None:
    path = tmp_path / "utf8.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(
            "单位.csv", "编号 id,名称 name,单位类型 kind,集体经济收入 collective_income\r\nk,甲,村,1234.5\r\n"
        )
    income = read_csv(path).registry.unit("k").collective_income
    assert income == Money.parse("1234.50元")


# ------------------------------------------------------------------------------------ tables


def test_tables_are_flat_typed_and_keyed_by_the_parent_id(small: Registry) -> None:
    tables = to_tables(small)
    assert tables["units"]["collective_income_fen"] == [150_000_000, None]
    assert tables["alliances_memberships"] == {
        "alliance_id": ["south"],
        "participant_id": ["changlong"],
        "role": ["member"],
        "joined_on": [datetime.date(2021, 12, 6)],
        "left_on": [None],
    }
    assert json.loads(tables["projects"]["allocation_rule"][0]) == {"kind": "equal_split"}
    assert set(tables["meetings_agenda_follow_ups"]) >= {"meeting_id", "agenda_no", "responsible_id"}


@given(strategies.registries())
def test_every_table_has_one_value_per_row_in_every_column(registry: Registry) -> None:
    for table in to_tables(registry, personal_data=True).values():
        assert len({len(column) for column in table.values()}) <= 1
    assert len(to_tables(registry, personal_data=True)["units"]["id"]) == len(registry.units)


def test_arrow_parquet_and_pandas_tables_have_fixed_column_types(small: Registry, tmp_path: Path) -> None:
    import pyarrow as pa  # type: ignore[import-untyped, unused-ignore]
    import pyarrow.parquet as pq  # type: ignore[import-untyped, unused-ignore]

    tables = to_arrow(small)
    assert tables["units"].schema.field("collective_income_fen").type == pa.int64()
    assert tables["units"].schema.field("designations").type == pa.list_(pa.string())
    assert tables["alliances_memberships"].schema.field("joined_on").type == pa.date32()
    assert tables["meetings"].num_rows == 0
    written = write_parquet(small, tmp_path / "parquet")
    assert pq.read_table(tmp_path / "parquet" / "units.parquet").equals(tables["units"])
    assert len(written) == len(tables)
    frames = to_pandas(small)
    assert list(frames["units"]["id"]) == ["changlong", "kuangyan"]


def test_without_pyarrow_the_error_says_what_to_install(
    small: Registry, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    with pytest.raises(MissingExtra, match=r"dangjian-model\[arrow\]"):
        to_arrow(small)


def test_tables_refuse_people_unless_told_how(small: Registry) -> None:
    registry = attrs.evolve(small, people=[Person(id="p1", name="龚建立")])
    with pytest.raises(PersonalDataError):
        to_tables(registry)
    assert to_tables(registry, personal_data="mask")["people"]["name"] == ["龚**"]


# ------------------------------------------------------------------------------------ plain data


@given(strategies.registries())
def test_from_dict_of_to_dict_is_the_registry_and_every_entity(registry: Registry) -> None:
    assert from_dict(to_dict(registry, personal_data=True), Registry) == registry
    for name, (kind, _) in ENTITY_KINDS.items():
        for entity in getattr(registry, name):
            assert from_dict(to_dict(entity, personal_data=True), kind) == entity


def test_a_registry_dict_is_the_json_document(small: Registry) -> None:
    assert json.dumps(to_dict(small), ensure_ascii=False, indent=2) + "\n" == dumps(small)


def test_from_dict_reports_every_problem_with_its_path_as_loads_does() -> None:
    data = {"units": [{"id": "a", "name": 1, "kind": "村"}, {"id": "b", "name": "乙", "kind": "?"}]}
    with pytest.raises(ConfigError) as from_dicts:
        from_dict(data, Registry)
    with pytest.raises(ConfigError) as from_text:
        loads(json.dumps(data), "json")
    # the text also tells each problem's line and column; a dict has none
    unplaced = tuple(attrs.evolve(p, line=None, column=None) for p in from_text.value.problems)
    assert from_dicts.value.problems == unplaced
    assert from_dicts.value.source == "<dict>"


def test_rules_have_their_kind_and_come_back(small: Registry) -> None:
    rule = Portion(fraction="1/2", rule=EqualSplit())
    assert to_dict(rule) == {"kind": "portion", "fraction": "1/2", "rule": {"kind": "equal_split"}}
    assert from_dict(to_dict(rule), Portion) == rule


def _nested(depth: int) -> list[Any]:
    tree: list[Any] = []
    for _ in range(depth):
        tree = [tree]
    return tree


def test_plain_data_refuses_what_is_not_the_model() -> None:
    with pytest.raises(TypeError):
        to_dict(object())
    with pytest.raises(TypeError):
        from_dict({}, dict)
    with pytest.raises(PersonalDataError):
        to_dict(Person(id="p1", name="龚建立"))
    with pytest.raises(ConfigError, match=r"Limits\.max_depth"):
        from_dict(_nested(40), Unit)
    with pytest.raises(ConfigError, match=r"\$: .*'x' is not valid"):
        from_dict("x", Unit)


@pytest.mark.parametrize("failure", [RecursionError(), RuntimeError("a bug")])
def test_from_dict_turns_any_failure_into_one_config_error(
    failure: Exception, monkeypatch: pytest.MonkeyPatch
) -> None:
    from dangjian_model.files import _plain

    def fail(data: Any, into: Any) -> Any:
        raise failure

    monkeypatch.setattr(_plain._CONVERTER, "structure", fail)
    with pytest.raises(ConfigError) as caught:
        from_dict({"id": "a"}, Unit)
    assert len(caught.value.problems) == 1


def test_missing_extra_errors_survive_pickling() -> None:
    import pickle

    error = MissingExtra("pyarrow", "arrow", "导出表", "tables")
    again = pickle.loads(pickle.dumps(error))
    assert (type(again), str(again), again.extra) == (MissingExtra, str(error), "arrow")


# ------------------------------------------------------------------------------------ labels


@given(strategies.registries(), st.sampled_from(["json", "yaml", "toml"]))
def test_a_labelled_document_reads_back_as_the_same_registry(registry: Registry, format: Any) -> None:
    assert loads(dumps_labelled(registry, format, personal_data=True), format) == registry


def test_labelled_documents_use_chinese_labels_and_wan(small: Registry) -> None:
    document = labelled_document(small)
    assert document["units"][0]["kind"] == "行政村"
    assert document["units"][0]["collective_income"] == "150万元"
    assert readable_money(Money.parse("1234.56元")) == "1234.56元"
    assert readable_money(Money(0)) == "0元"
    with pytest.raises(ValueError, match="format must be"):
        dumps_labelled(small, "xml")

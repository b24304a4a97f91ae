"""Loading and dumping: round trips, canonical output, what people write."""

from __future__ import annotations

import datetime
from pathlib import Path, PurePath
from typing import get_args

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dangjian_model import Alliance, Money, Registry, UnitKind, strategies
from dangjian_model.files import Format, dump, dumps, load, loads
from dangjian_model.files._document import structure_document, unstructure_document
from dangjian_model.files._fast import fast_structure
from dangjian_model.files._json import converter
from tests.files.conftest import EXAMPLES

FORMATS: tuple[Format, ...] = get_args(Format)


@pytest.mark.parametrize("format", FORMATS)
@given(registry=strategies.registries())
@settings(max_examples=25)
def test_loading_what_was_dumped_gives_the_same_registry(format: Format, registry: Registry) -> None:
    assert loads(dumps(registry, format, personal_data=True), format) == registry


@pytest.mark.parametrize("format", FORMATS)
@given(registry=strategies.registries(max_alliances=2))
@settings(max_examples=10)
def test_loading_what_was_dumped_gives_the_same_alliance(format: Format, registry: Registry) -> None:
    for alliance in registry.alliances:
        assert loads(dumps(alliance, format), format, into=Alliance) == alliance


@given(registry=strategies.registries())
@settings(max_examples=25)
def test_the_fast_path_and_the_detailed_path_build_the_same_registry(registry: Registry) -> None:
    tree = unstructure_document(registry, converter())
    assert fast_structure(tree, Registry) == structure_document(tree, Registry, converter(), "<test>")


@pytest.mark.parametrize("format", FORMATS)
def test_the_same_registry_always_gives_the_same_bytes(format: Format, cixi: Registry) -> None:
    shuffled = Registry(units=reversed(cixi.units), party_organisations=cixi.party_organisations)
    again = Registry(units=cixi.units, party_organisations=reversed(cixi.party_organisations))
    assert dumps(shuffled, format, personal_data=True) == dumps(again, format, personal_data=True)
    assert dumps(loads(dumps(cixi, format, personal_data=True), format), format, personal_data=True) == dumps(
        cixi, format, personal_data=True
    )


@pytest.mark.parametrize("format", FORMATS)
def test_the_example_files_are_the_python_example(format: Format, cixi: Registry) -> None:
    path = EXAMPLES / f"cixi_three_villages.{format}"
    assert load(path) == cixi
    assert path.read_text(encoding="utf-8") == dumps(cixi, format, personal_data=True), (
        "regenerate the example files"
    )


def test_the_alliance_example_file_is_the_alliance_of_the_python_example(cixi: Registry) -> None:
    assert load(EXAMPLES / "cixi_south_alliance.yaml", into=Alliance) == cixi.alliance("cixi-south")


def test_dump_writes_a_file_that_load_reads(tmp_path: Path, cixi: Registry) -> None:
    for suffix in (".json", ".yaml", ".yml", ".toml"):
        dump(cixi, tmp_path / f"registry{suffix}", personal_data=True)
        assert load(tmp_path / f"registry{suffix}") == cixi


def test_output_is_readable_chinese_with_english_identifiers(cixi: Registry) -> None:
    text = dumps(cixi, "json", personal_data=True)
    assert "倡隆村" in text
    assert "\\u" not in text
    assert '"kind": "village"' in text
    assert '"amount": "300000元"' in text
    assert '"fraction": "1/3"' in text


def test_chinese_labels_and_money_as_people_write_it_are_read() -> None:
    registry = loads(
        """
units:
  - {id: kuangyan, name: 匡堰镇, kind: 镇}
  - {id: changlong, name: 倡隆村, kind: 行政村, superior_id: kuangyan, designations: [强村],
     collective_income: 2000萬元, area_km2: 3.5}
projects:
  - id: p
    name: 楝树下艺术村落
    shares: [{holder_id: changlong, fraction: 49.3%}]
    income:
      - {on: 2021-12-31, amount: "¥1,234.56"}
      - {on: 2022-12-31, amount: 10万元}
""",
        "yaml",
    )
    village = registry.unit("changlong")
    assert village.kind is UnitKind.VILLAGE
    assert village.collective_income == Money.parse("2000万元")
    assert str(village.area_km2) == "3.5"
    project = registry.project("p")
    assert [r.amount.fen for r in project.income] == [123456, 10_000_000]
    assert project.income[0].on == datetime.date(2021, 12, 31)


@given(st.data())
@settings(max_examples=30)
def test_every_label_of_every_enum_is_read(data: st.DataObject) -> None:
    text, kind = data.draw(strategies.enum_texts(UnitKind))
    registry = loads(
        {"units": [{"id": "u", "name": "单位", "kind": text}]}.__repr__().replace("'", '"'), "json"
    )
    assert registry.unit("u").kind is kind


@given(strategies.money_texts())
@settings(max_examples=30)
def test_money_as_people_write_it_is_read_to_the_fen(pair: tuple[str, Money]) -> None:
    text, amount = pair
    document = f'{{"assets": [{{"id": "a", "name": "资产", "owner_id": "u", "nature": "村集体", "value": "{text}"}}]}}'
    assert loads(document).assets[0].value == amount


def test_toml_has_no_null_so_absent_fields_are_none() -> None:
    registry = loads('[[units]]\nid = "u"\nname = "村"\nkind = "村"\n', "toml")
    assert registry.unit("u").superior_id is None


@given(
    st.lists(st.sampled_from(["a", "b", ".", "..", "/", "yaml", "JSON", "x.", " ", "\\"]), max_size=8).map(
        "".join
    )
)
def test_a_files_extension_is_what_pathlib_says_it_is(path: str) -> None:
    from dangjian_model.files._api import suffix_of

    assert suffix_of(path) == PurePath(path).suffix.lower()


@pytest.mark.parametrize(
    ("path", "suffix"),
    [("a/b.YAML", ".yaml"), ("b.tar.json", ".json"), (".yaml", ""), ("dir/", ""), ("x.", "")],
)
def test_a_files_extension_is_its_last_dotted_part_in_lower_case(path: str, suffix: str) -> None:
    from dangjian_model.files._api import suffix_of

    assert suffix_of(path) == suffix

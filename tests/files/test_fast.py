"""The msgspec fast path for JSON builds exactly what the detailed path builds, or gives way to it."""

from __future__ import annotations

import datetime
import json
import typing
from pathlib import Path

import attrs
import msgspec
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dangjian_model import Money, Registry, Unit, UnitKind, strategies
from dangjian_model import _fields as f
from dangjian_model.files import ConfigError, dumps, load, loads
from dangjian_model.files._document import structure_document
from dangjian_model.files._fast import _GiveUp, _plan, _plans, fast_loads_json, mirror
from dangjian_model.files._json import converter, encode


def detailed(text: str) -> Registry:
    result: Registry = structure_document(json.loads(text), Registry, converter(), "<test>")
    return result


@given(registry=strategies.registries())
@settings(max_examples=40)
def test_the_fast_json_path_and_the_detailed_path_build_the_same_registry(registry: Registry) -> None:
    text = dumps(registry, personal_data=True)
    fast = fast_loads_json(text.encode(), Registry)
    assert fast is not None
    assert fast == detailed(text) == registry
    assert fast_loads_json(text, Registry) == fast


@given(registry=strategies.registries(), indent=st.sampled_from([None, 0, 4]))
@settings(max_examples=20)
def test_json_written_another_way_reads_the_same(registry: Registry, indent: int | None) -> None:
    text = json.dumps(
        json.loads(dumps(registry, personal_data=True)), indent=indent, ensure_ascii=indent is None
    )
    assert loads(text.encode()) == registry


leaves = st.none() | st.booleans() | st.integers() | st.text()
trees = st.recursive(leaves, lambda inner: st.lists(inner) | st.dictionaries(st.text(), inner), max_leaves=20)


@given(tree=trees)
@settings(max_examples=200)
def test_the_fast_encoder_writes_what_json_dumps_writes(tree: object) -> None:
    fast = encode(tree)
    slow = json.dumps(tree, ensure_ascii=False, indent=2) + "\n"
    assert fast is None or fast == slow.encode()


def test_a_repeated_key_is_reported_not_silently_dropped() -> None:
    text = '{"units": [{"id": "a", "name": "甲", "kind": "village", "kind": "township"}]}'
    with pytest.raises(ConfigError, match="each key once"):
        loads(text.encode())


def test_a_colon_inside_a_string_still_loads() -> None:
    registry = Registry(units=[Unit(id="a:1", name="甲: 村", kind="行政村")])
    assert loads(dumps(registry, personal_data=True).encode()) == registry


@pytest.mark.parametrize(
    "item",
    [
        '{"id": "a", "name": "甲", "kind": "village", "population": 1.0}',
        '{"id": "a", "name": "甲", "kind": "village", "colour": "red"}',
        '{"id": "a", "name": " 甲", "kind": "village"}',
        '{"id": "a", "name": "甲", "kind": "village", "designations": ["strong_village", "强村"]}',
        '{"id": "a", "name": "甲", "kind": "village", "area_km2": "' + "1" * 150 + '"}',
    ],
)
def test_what_the_fast_path_doubts_goes_to_the_detailed_path(item: str) -> None:
    text = '{"units": [' + item + "]}"
    assert fast_loads_json(text.encode(), Registry) is None
    with pytest.raises(ConfigError):
        loads(text.encode())


def test_chinese_labels_take_the_fast_path_too() -> None:
    text = '{"units": [{"id": "a", "name": "甲", "kind": "行政村"}]}'
    assert fast_loads_json(text.encode(), Registry) == detailed(text)


def test_a_repeated_key_inside_an_allocation_rule_is_reported() -> None:
    text = '{"projects": [{"id": "p", "name": "项目", "allocation_rule": {"kind": "portion", "fraction": "9/10", "fraction": "1/2", "rule": {"kind": "equal_split"}}}]}'
    with pytest.raises(ConfigError, match="each key once"):
        loads(text.encode())


def test_an_allocation_rule_is_built_on_the_fast_path() -> None:
    text = '{"projects": [{"id": "p", "name": "项目", "allocation_rule": {"kind": "portion", "fraction": "9/10", "rule": {"kind": "equal_split"}}}]}'
    fast = fast_loads_json(text.encode(), Registry)
    assert fast is not None
    assert fast == detailed(text)


@pytest.mark.parametrize("as_bytes", [True, False])
def test_a_collection_given_twice_is_reported_not_silently_dropped(as_bytes: bool) -> None:
    unit = '{"id": "%s", "name": "甲", "kind": "village"}'
    text = '{"units": [' + unit % "a" + '], "units": [' + unit % "b" + "]}"
    with pytest.raises(ConfigError, match="each key once"):
        loads(text.encode() if as_bytes else text)


def test_a_collection_given_twice_in_a_file_is_reported(tmp_path: Path) -> None:
    unit = '{"id": "%s", "name": "甲", "kind": "village"}'
    path = tmp_path / "twice.json"
    path.write_text('{"units": [' + unit % "a" + '], "units": [' + unit % "b" + "]}", encoding="utf-8")
    with pytest.raises(ConfigError, match="each key once"):
        load(path)


def test_a_batch_the_typed_tier_refuses_is_read_untyped_and_agrees_with_the_detailed_path() -> None:
    # 600 alliances make two batches; one date is written in the basic ISO form (20210101), which
    # msgspec's date type refuses and the model's own converter reads where Python can
    alliances = [
        {"id": f"a{i:03}", "name": "联盟", "type": "cluster", "lead_id": "v", "formed_on": "2021-01-01"}
        for i in range(600)
    ]
    alliances[550]["formed_on"] = "20210101"
    text = json.dumps({"alliances": alliances}, ensure_ascii=False)
    try:
        expected: Registry | None = detailed(text)
    except ConfigError:
        expected = None  # this Python's date.fromisoformat does not read the basic form
    assert fast_loads_json(text.encode(), Registry) == expected


def _township_for_village(value: UnitKind) -> UnitKind:
    return UnitKind.TOWNSHIP if value == UnitKind.VILLAGE else value


@attrs.frozen(kw_only=True)
class _Renaming:
    kind: UnitKind = attrs.field(converter=_township_for_village)
    on: datetime.date = attrs.field(converter=f.to_date, validator=f.check_date)
    count: int = attrs.field(default=0, validator=f.check_count)
    name: str | None = attrs.field(default=None, validator=f.check_optional_text)
    amount: Money | None = attrs.field(default=None, converter=f.to_optional_money)


def test_msgspec_checks_a_field_alone_only_where_the_models_converter_keeps_what_it_gives() -> None:
    plans = {
        a.name: _plan(a, hint, object.__new__(_Renaming))[0]
        for a in attrs.fields(_Renaming)
        for hint in [typing.get_type_hints(_Renaming)[a.name]]
    }
    # the converter changes a member, so msgspec's member is not the model's: read it in Python
    assert plans == {"kind": "value", "on": "date", "count": "count", "name": "text", "amount": "value"}


def test_the_mirror_of_a_class_states_its_keys_and_their_types() -> None:
    fields = {field.name: field for field in msgspec.structs.fields(mirror(Unit))}
    assert set(fields) == {a.name for a in attrs.fields(Unit) if a.init}
    assert fields["id"].required and not fields["superior_id"].required
    assert fields["superior_id"].default is msgspec.UNSET
    with pytest.raises(msgspec.ValidationError, match="population"):
        msgspec.json.decode(
            '{"id": "a", "name": "甲", "kind": "village", "population": -1}', type=mirror(Unit)
        )
    with pytest.raises(msgspec.ValidationError, match="colour"):
        msgspec.json.decode('{"id": "a", "name": "甲", "kind": "village", "colour": 1}', type=mirror(Unit))


@attrs.frozen(kw_only=True)
class _WithFactory:
    ids: list[str] = attrs.field(factory=list)


def test_a_class_whose_default_is_made_by_a_factory_is_left_to_its_constructor() -> None:
    with pytest.raises(_GiveUp):
        _plans(_WithFactory)

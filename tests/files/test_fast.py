"""The msgspec fast path for JSON builds exactly what the detailed path builds, or gives way to it."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dangjian_model import Registry, Unit, strategies
from dangjian_model.files import ConfigError, dumps, loads
from dangjian_model.files._document import structure_document
from dangjian_model.files._fast import fast_loads_json
from dangjian_model.files._json import _CONVERTER, encode


def detailed(text: str) -> Registry:
    result: Registry = structure_document(json.loads(text), Registry, _CONVERTER, "<test>")
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

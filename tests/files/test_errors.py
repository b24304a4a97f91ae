"""Malformed documents: one ConfigError listing every problem with its path, never another exception."""

from __future__ import annotations

import copy
import difflib
import json
import tracemalloc
from collections.abc import Iterator
from typing import Any

import pytest
import tomli_w
import yaml  # type: ignore[import-untyped, unused-ignore]

from dangjian_model import Registry
from dangjian_model.files import ConfigError, Limits, loads
from dangjian_model.files._document import unstructure_document
from dangjian_model.files._json import converter
from dangjian_model.files._problems import child, index

_ENUM_KEYS = {"kind", "form", "type", "role", "nature", "linkages", "principles", "designations", "roles"}
_MONEY_KEYS = {"amount", "value", "collective_income"}


def _paths(node: Any, path: str = "$") -> Iterator[tuple[str, Any, Any]]:
    """(path, container, key) for every value below the root."""
    if isinstance(node, dict):
        for key, value in node.items():
            yield child(path, key), node, key
            yield from _paths(value, child(path, key))
    elif isinstance(node, list):
        for position, value in enumerate(node):
            yield index(path, position), node, position
            yield from _paths(value, index(path, position))


def _wrong_type(value: Any) -> Any:
    if isinstance(value, str):
        return 12345
    if isinstance(value, bool | int):
        return "many"
    if isinstance(value, list):
        return "one"
    return ["a", "list"]


def _mutations(tree: dict[str, Any]) -> Iterator[tuple[str, str, dict[str, Any]]]:
    """(what, expected path, mutated document) for each mutation of the canonical document."""
    for path, _, key in list(_paths(tree)):
        for what in ("wrong type", "missing", "unknown key", "bad label", "bad money"):
            mutated = copy.deepcopy(tree)
            container, target = _find(mutated, path)
            expected = path
            if what == "wrong type":
                container[target] = _wrong_type(container[target])
            elif what == "missing" and isinstance(container, dict) and key in ("id", "name", "kind", "form"):
                del container[target]
            elif what == "unknown key" and isinstance(container[target], dict):
                container[target]["nmae"] = "x"
                expected = child(path, "nmae")
            elif what == "bad label" and key in _ENUM_KEYS and isinstance(container[target], str):
                container[target] = "不存在的类型"
            elif what == "bad money" and key in _MONEY_KEYS:
                container[target] = "一百五块"  # 105 or 150: refused
            else:
                continue
            yield what, expected, mutated


def _find(tree: Any, path: str) -> tuple[Any, Any]:
    for parent_path, container, key in _paths(tree):
        if parent_path == path:
            return container, key
    raise AssertionError(path)  # pragma: no cover


def _text(tree: Any, format: str) -> str:
    if format == "json":
        return json.dumps(tree, ensure_ascii=False)
    if format == "yaml":
        return str(yaml.safe_dump(tree, allow_unicode=True))
    return tomli_w.dumps(tree)


@pytest.mark.parametrize("format", ["json", "yaml", "toml"])
def test_every_mutation_of_a_valid_document_is_one_config_error_at_its_path(
    format: str, cixi: Registry
) -> None:
    tree = unstructure_document(cixi, converter())
    count = 0
    for what, path, mutated in _mutations(tree):
        try:
            text = _text(mutated, format)
        except (TypeError, ValueError):  # TOML cannot write a top-level list here and there
            continue
        with pytest.raises(ConfigError) as raised:
            loads(text, format)  # type: ignore[call-overload]
        paths = [p.path for p in raised.value.problems]
        assert path in paths, f"{what} at {path}: got {paths}"
        count += 1
    assert count > 200


def test_every_problem_is_listed_with_path_value_expectation_and_line() -> None:
    text = """\
units:
  - id: a
    name: 1
    kind: 村庄
    nmae: x
people:
  - id: p1
    name: ' 龚建立'
    phone: 13812345678
"""
    with pytest.raises(ConfigError) as raised:
        loads(text, "yaml")
    problems = {p.path: p for p in raised.value.problems}
    assert set(problems) == {
        "$.units[0].name",
        "$.units[0].kind",
        "$.units[0].nmae",
        "$.people[0].name",
        "$.people[0].phone",
    }
    assert problems["$.units[0].name"].line == 3
    assert "did you mean 'name'" in problems["$.units[0].nmae"].expected
    assert "行政村" in problems["$.units[0].kind"].expected


def test_personal_data_is_masked_in_errors() -> None:
    document = {
        "people": [{"id": "p", "name": " 龚建立", "phone": 13812345678, "id_card": 110105199001011234}]
    }
    with pytest.raises(ConfigError) as raised:
        loads(json.dumps(document, ensure_ascii=False))
    message = str(raised.value)
    assert "龚建立" not in message
    assert "13812345678" not in message
    assert "19900101" not in message
    assert "138****5678" in message


def test_a_json_syntax_error_gives_line_and_column() -> None:
    with pytest.raises(ConfigError) as raised:
        loads('{\n  "units": [\n    {"id": }\n  ]\n}')
    (problem,) = raised.value.problems
    assert (problem.line, problem.column) == (3, 12)


def test_a_toml_syntax_error_gives_line_and_column() -> None:
    with pytest.raises(ConfigError) as raised:
        loads("version = 1\nunits = 3 3\n", "toml")
    assert raised.value.problems[0].line is not None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a: &x [1]\nb: *x\n", "no aliases"),
        ("!!python/object/apply:os.system ['ls']\n", "no tags"),
        ("units: !!python/name:os.system\n", "no tag !!python/name:os.system"),
        ("units: []\n---\nunits: []\n", "one YAML document"),
        ("units: []\nunits: []\n", "each key once"),
        ("[1, 2\n", "valid YAML"),
    ],
)
def test_yaml_is_loaded_safely(text: str, expected: str) -> None:
    with pytest.raises(ConfigError, match=expected):
        loads(text, "yaml")


def test_a_yaml_alias_bomb_is_refused_at_once() -> None:
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 10)]
    tracemalloc.start()
    try:
        with pytest.raises(ConfigError, match="no aliases"):
            loads("\n".join(lines), "yaml")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 5_000_000  # 9¹⁰ strings, had anything been expanded


@pytest.mark.parametrize("format", ["json", "yaml", "toml"])
def test_nesting_beyond_the_limit_is_refused(format: str) -> None:
    deep = {
        "json": "[" * 100_000 + "]" * 100_000,
        "yaml": "[" * 100_000 + "]" * 100_000,
        "toml": "a = " + "[" * 100_000 + "]" * 100_000,
    }[format]
    with pytest.raises(ConfigError, match="nesting"):
        loads(deep, format)  # type: ignore[call-overload]
    with pytest.raises(ConfigError, match="max_depth"):
        loads('{"units": [{"id": "a", "name": "b", "kind": "村"}]}', limits=Limits(max_depth=2))


def test_a_document_beyond_the_size_limit_is_refused() -> None:
    with pytest.raises(ConfigError, match="max_bytes"):
        loads(b'{"units": []}' + b" " * 100, limits=Limits(max_bytes=50))


@pytest.mark.parametrize("format", ["json", "yaml", "toml"])
def test_a_ten_megabyte_string_is_refused_quickly(format: str, monkeypatch: pytest.MonkeyPatch) -> None:
    huge = "村" * 10_000_000
    text = {
        "json": f'{{"units": [{{"id": "a", "name": "{huge}", "kind": "{huge}"}}]}}',
        "yaml": f'units:\n  - id: a\n    name: "{huge}"\n    kind: {huge}\n',
        "toml": f'[[units]]\nid = "a"\nname = "{huge}"\nkind = "{huge}"\n',
    }[format]
    compared: list[int] = []  # the lengths of the texts any close-match search was given

    class Counting(difflib.SequenceMatcher):  # type: ignore[type-arg, unused-ignore]
        def set_seq1(self, a: Any) -> None:
            compared.append(len(a))
            super().set_seq1(a)

        def set_seq2(self, b: Any) -> None:
            compared.append(len(b))
            super().set_seq2(b)

    monkeypatch.setattr(difflib, "SequenceMatcher", Counting)
    with pytest.raises(ConfigError) as raised:
        loads(text, format)  # type: ignore[call-overload]
    assert max(compared, default=0) <= 100  # refused by its length, never compared in full
    assert len(str(raised.value)) < 5000


@pytest.mark.parametrize(
    "text",
    ["", "null", "[]", '"units"', "1", '{"units": {}}', '{"units": [[]]}', '{"version": "1"}', "\x00", "{"],
)
def test_odd_documents_are_config_errors(text: str) -> None:
    for format in ("json", "yaml", "toml") if text else ("json", "yaml"):  # empty TOML: an empty registry
        with pytest.raises(ConfigError):
            loads(text, format)


def test_strictness_refuses_every_coercion() -> None:
    document = {
        "units": [{"id": "a", "name": "村", "kind": "村", "population": True, "designations": "强村"}],
        "party_organisations": [
            {"id": 7, "name": "支部", "form": "党支部", "host_unit_ids": "a", "full_members": "3"}
        ],
    }
    with pytest.raises(ConfigError) as raised:
        loads(json.dumps(document))
    assert {p.path for p in raised.value.problems} == {
        "$.units[0].population",
        "$.units[0].designations",
        "$.party_organisations[0].id",
        "$.party_organisations[0].host_unit_ids",
        "$.party_organisations[0].full_members",
    }


def test_an_enum_value_written_twice_is_an_error_not_a_silent_drop() -> None:
    with pytest.raises(ConfigError, match="at most once"):
        loads(
            '{"units": [{"id": "a", "name": "村", "kind": "村", "designations": ["强村", "strong_village"]}]}'
        )

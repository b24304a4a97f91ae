"""Problems and findings are placed by file, line and column in JSON, YAML and TOML — checked against the file."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dangjian_model import Location, Registry
from dangjian_model.files import ConfigError, Format, _locate, dumps, load, loads, locate
from dangjian_model.files._problems import child
from dangjian_model.strategies import registries
from dangjian_model.validation import cixi_example, validate

FORMATS: list[Format] = ["json", "yaml", "toml"]
EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def _written(registry: Registry, format: Format, tmp_path: Path) -> tuple[Path, list[str]]:
    path = tmp_path / f"registry.{format}"
    text = dumps(registry, format, personal_data=True)
    path.write_text(text, encoding="utf-8")
    return path, text.splitlines()


def _at(lines: list[str], place: Location) -> str:
    """The text of the file from the location on, to the end of its line."""
    assert place.line is not None and place.column is not None
    return lines[place.line - 1][place.column - 1 :]


@pytest.mark.parametrize("format", FORMATS)
def test_a_finding_is_placed_on_the_line_and_column_of_its_value(format: Format, tmp_path: Path) -> None:
    registry = cixi_example()
    broken = attrs.evolve(registry.unit("changlong"), superior_id="kuangyang")
    registry = attrs.evolve(registry, units=[broken, *(u for u in registry.units if u.id != "changlong")])
    path, lines = _written(registry, format, tmp_path)
    [finding] = validate(registry).by_code("DJ101")
    place = locate(path, [finding.path])[finding.path]
    assert place.file == str(path)
    assert _at(lines, place).startswith(('"kuangyang"', "kuangyang"))
    # the line is the one of changlong's unit: its id is the closest id above it
    ids = [line for line in lines[: place.line] if re.search(r"\bid\b", line)]
    assert "changlong" in ids[-1]


@pytest.mark.parametrize("format", FORMATS)
def test_a_nested_finding_path_is_placed_inside_its_list_item(format: Format, tmp_path: Path) -> None:
    registry = cixi_example()
    alliance = registry.alliances[0]
    path, lines = _written(registry, format, tmp_path)
    finding_path = f"alliances[{alliance.id}].memberships[2].joined_on"
    place = locate(path, [finding_path])[finding_path]
    joined = alliance.memberships[2].joined_on
    assert joined is not None
    assert joined.isoformat() in _at(lines, place)
    assert "joined_on" in lines[place.line - 1]  # type: ignore[operator]


@settings(max_examples=10, deadline=None)
@given(registry=registries(), format=st.sampled_from(FORMATS))
def test_every_entity_id_is_placed_where_the_file_writes_it(registry: Registry, format: Format) -> None:
    text = dumps(registry, format, personal_data=True)
    lines = text.splitlines()
    paths = [f"{name}[{entity.id}].id" for name, entity in _entities(registry)]
    places = locate(f"r.{format}", paths, text=text)
    for path in paths:
        entity_id = path.split("[", 1)[1].split("]", 1)[0]
        assert _unquoted(_at(lines, places[path])).startswith(entity_id), path


def _entities(registry: Registry) -> list[tuple[str, Any]]:
    return [
        (name, entity)
        for name in ("units", "party_organisations", "alliances", "projects", "people")
        for entity in getattr(registry, name)
    ]


def _unquoted(text: str) -> str:
    return text.lstrip("\"'")


@pytest.mark.parametrize("format", FORMATS)
def test_a_problem_of_a_malformed_file_carries_the_line_of_its_key(format: Format) -> None:
    text = dumps(cixi_example(), format, personal_data=True).replace("superior_id", "superiour_id", 1)
    with pytest.raises(ConfigError) as raised:
        loads(text, format)
    [problem] = raised.value.problems
    assert problem.line is not None
    assert "superiour_id" in text.splitlines()[problem.line - 1]
    assert "未知字段" in problem.zh()
    assert "did you mean 'superior_id'" in problem.en()


@pytest.mark.parametrize("format", FORMATS)
def test_a_missing_key_is_placed_at_the_item_that_lacks_it(format: Format) -> None:
    documents = {
        "json": '{"units": [\n  {"id": "a", "kind": "村"}\n]}',
        "yaml": "units:\n  - id: a\n    kind: 村\n",
        "toml": '\n[[units]]\nid = "a"\nkind = "村"\n',
    }
    with pytest.raises(ConfigError) as raised:
        loads(documents[format], format)
    [problem] = raised.value.problems
    assert problem.path == "$.units[0].name"
    assert problem.line == 2
    assert "缺少必填字段" in problem.zh()


def test_an_unknown_key_lists_only_the_closest_keys_of_a_long_list() -> None:
    with pytest.raises(ConfigError) as raised:
        loads('{"units": [{"id": "a", "name": "甲", "kind": "村", "superiour_id": "x"}]}')
    expected = raised.value.problems[0].expected
    assert "did you mean 'superior_id'" in expected
    listed = expected.split("keys of Unit: ")[1]
    assert listed.startswith("superior_id")
    assert "… (+" in listed  # the rest are counted, not listed
    assert len(listed.split(", ")) <= 7


def test_a_clean_load_never_scans_for_positions(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object) -> object:
        raise AssertionError("positions were scanned for a clean document")

    monkeypatch.setattr(_locate, "_scan_json", refuse)
    monkeypatch.setattr(_locate, "_scan_toml", refuse)
    registry = cixi_example()
    for format in FORMATS:
        assert loads(dumps(registry, format, personal_data=True), format) == registry


def test_a_yaml_syntax_error_keeps_where_the_construct_started() -> None:
    with pytest.raises(ConfigError) as raised:
        loads("units:\n  - {id: a\n  - b\n", "yaml")
    [problem] = raised.value.problems
    assert "started at line 2, column 5" in problem.expected
    assert problem.zh().startswith("YAML 语法有误")


def test_toml_inline_tables_and_nested_arrays_are_followed() -> None:
    text = 'matrix = [[1, 2], [3]]\nunits = [\n  {id = "a", name = "甲", kind = "村"},\n  {id = "b", name = 2},\n]\n'
    found = _locate.positions(text, "toml", ["$.units[1].name", "$.matrix[1][0]"])
    assert found["$.units[1].name"] == (4, 21)
    assert found["$.matrix[1][0]"] == (1, 20)


def test_json_positions_follow_lists_objects_and_escaped_keys() -> None:
    text = '{"a\\"b": [1, {"c": [true, null]}],\n "d": {}}'
    odd = child("$", 'a"b') + "[1].c[1]"
    found = _locate.positions(text, "json", [odd, "$.d"])
    assert found[odd] == (1, 27)
    assert found["$.d"] == (2, 7)


def test_a_finding_of_an_alliance_document_is_placed_under_its_alliance_key() -> None:
    text = (EXAMPLES / "cixi_south_alliance.yaml").read_text(encoding="utf-8")
    alliance_id = re.search(r"^  id: (\S+)", text, re.M)
    assert alliance_id is not None
    path = f"alliances[{alliance_id.group(1)}].name"
    place = locate("a.yaml", [path], text=text)[path]
    assert place.line is not None
    assert text.splitlines()[place.line - 1].strip().startswith("name:")


def test_what_cannot_be_placed_gets_the_file_alone() -> None:
    places = locate("missing.json", ["units[a].name", "$.units[0]"])
    assert set(places.values()) == {Location("missing.json")}
    assert str(Location("missing.json")) == "missing.json"
    assert _locate.positions("{not json", "json", ["$.x"]) == {}
    assert _locate.document_path("units[a]", ["not", "a", "mapping"]) == "$"
    assert _locate.document_path("units[zz].name", {"units": [{"id": "a"}]}) == "$"
    assert _locate.document_path("$.units[0]", None) == "$.units[0]"


def test_a_location_names_a_workbook_cell_or_a_line() -> None:
    assert str(Location("r.xlsx", sheet="units", cell="C7")) == "r.xlsx:units!C7"
    assert str(Location("r.xlsx", sheet="units")) == "r.xlsx:units"
    assert str(Location("r.csv", 12)) == "r.csv:12"
    assert Location("r.csv", 12, 3).to_dict() == {
        "file": "r.csv",
        "line": 12,
        "column": 3,
        "sheet": None,
        "cell": None,
    }
    with pytest.raises(ValueError, match=r"Location\.line"):
        Location("r.csv", 0)


@pytest.mark.parametrize("format", FORMATS)
def test_load_then_locate_a_file_on_disk(format: Format, tmp_path: Path) -> None:
    path, lines = _written(cixi_example(), format, tmp_path)
    registry = load(path)
    unit = registry.units[-1]
    place = locate(path, [f"units[{unit.id}].name"])[f"units[{unit.id}].name"]
    assert unit.name in _at(lines, place)


def test_toml_quoted_keys_and_an_unfinished_array_are_scanned_without_looping() -> None:
    text = "\"odd key\" = 1\n'literal' = {}\n[table]\nx = [\n  1,\n]\n"
    found = _locate.positions(text, "toml", [child("$", "odd key"), "$.literal", "$.table.x[0]"])
    assert found[child("$", "odd key")] == (1, 13)
    assert found["$.literal"] == (2, 13)
    assert found["$.table.x[0]"] == (5, 3)
    assert _locate.positions("x = [1, 2", "toml", ["$.x[1]"]) == {"$.x": (1, 5), "$.x[1]": (1, 9)}

"""YAML tags: ``!!str`` makes text, a core tag that fits its value changes nothing, every other tag is refused."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dangjian_model.cli import EXIT_ERRORS
from dangjian_model.files import ConfigError, loads
from tests.cli.conftest import run_cli

PERSON = "people:\n  - id: p1\n    name: {name}\n    phone: {phone}\n"


def _person(name: str = "龚建立", phone: str = "'13812345678'") -> str:
    return PERSON.format(name=name, phone=phone)


@pytest.mark.parametrize(
    "text",
    [
        "units: !!bool maybe\n",
        "units: !!timestamp hello\n",
        "units: !!int 12x\n",
        "units: !!float abc\n",
        "units: !!null x\n",
        "units: !!binary aGVsbG8=\n",
        "units: !!set {a: null}\n",
        "units: !!python/name:os.system\n",
        "units: !foo bar\n",
        "units: !<tag:example.com,2000:x> bar\n",
        "units: !!int " + "9" * 5000 + "\n",
    ],
)
def test_a_tag_that_does_not_fit_or_is_not_read_is_one_config_error_with_its_place(text: str) -> None:
    with pytest.raises(ConfigError) as raised:
        loads(text, "yaml")
    (problem,) = raised.value.problems
    assert problem.path == "$.units" and problem.line == 1 and problem.column == 8
    assert "!" in problem.value  # the tag is named, not the value


def test_str_makes_any_value_text_and_fitting_core_tags_change_nothing() -> None:
    tagged = loads(
        "units:\n  - {id: !!str a, name: !!str 123, kind: !!str 村, population: !!int 3, area_km2: !!float 1.5}\n",
        "yaml",
    )
    plain = loads("units:\n  - {id: a, name: '123', kind: 村, population: 3, area_km2: 1.5}\n", "yaml")
    assert tagged == plain


@pytest.mark.parametrize(
    ("field", "text", "value"),
    [
        ("phone", _person(phone="!!int 1381234567x"), "1381234567x"),
        ("phone", _person(phone="!!float 13812345678"), "13812345678"),
        ("name", _person(name="!!int 龚建立"), "龚建立"),
        ("name", _person(name="!!bool 龚建立"), "龚建立"),
        ("id_card", _person() + "    id_card: !!float 11010519491231002X\n", "11010519491231002X"),
        ("id_card", _person() + "    id_card: !foo 11010519491231002X\n", "11010519491231002X"),
    ],
)
def test_a_tag_on_a_persons_field_is_refused_without_showing_the_value(
    field: str, text: str, value: str, tmp_path: Path
) -> None:
    with pytest.raises(ConfigError) as raised:
        loads(text, "yaml")
    assert raised.value.problems[0].path == f"$.people[0].{field}"
    assert value not in str(raised.value)
    path = tmp_path / "people.yaml"
    path.write_text(text, encoding="utf-8")
    as_text = run_cli("validate", str(path))
    as_json = run_cli("validate", "--format", "json", str(path))
    assert as_text.code == as_json.code == EXIT_ERRORS
    assert value not in as_text.out + as_text.err
    assert value not in as_json.out + as_json.err
    assert json.loads(as_json.out)["files"][0]["status"] == "malformed"

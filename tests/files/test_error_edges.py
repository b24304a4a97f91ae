"""The less travelled paths of reading: counted problems, odd numbers, unreadable files, a failing converter."""

from __future__ import annotations

import json
import pickle
from pathlib import Path
from typing import Any

import pytest

from dangjian_model import Alliance, Registry
from dangjian_model.files import ConfigError, Format, Limits, Problem, dumps, load, loads
from dangjian_model.files._document import structure_document

FORMATS: tuple[Format, ...] = ("json", "yaml", "toml")


def _share(fraction: str) -> str:
    return json.dumps(
        {
            "units": [{"id": "a", "name": "甲", "kind": "村"}],
            "projects": [{"id": "p", "name": "项目", "shares": [{"holder_id": "a", "fraction": fraction}]}],
        }
    )


def test_a_config_error_pickles_with_what_it_counted() -> None:
    error = ConfigError("f.json", (Problem(path="$.x", value="", expected="y"),), more=5, stopped=True)
    again = pickle.loads(pickle.dumps(error))
    assert (again.problems, again.more, again.stopped, str(again)) == (
        error.problems,
        5,
        True,
        str(error),
    )


@pytest.mark.parametrize("format", ["json", "toml"])
def test_an_integer_past_4300_digits_is_a_config_error(format: str) -> None:
    number = "1" + "0" * 5000
    text = f'{{"version": {number}}}' if format == "json" else f"version = {number}\n"
    with pytest.raises(ConfigError, match="4300 digits"):
        loads(text, format)  # type: ignore[call-overload]


def test_a_problem_past_the_cap_found_before_structuring_is_counted() -> None:
    with pytest.raises(ConfigError) as raised:
        loads('{"version": 2, "x": 1}', into=Alliance, limits=Limits(max_problems=1))
    assert len(raised.value.problems) == 1 and raised.value.count == 3


def test_a_file_that_cannot_be_opened_is_a_config_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="a readable file"):
        load(tmp_path / "missing.json")


def test_an_implicit_date_that_is_no_date_is_left_to_the_fields_check() -> None:
    with pytest.raises(ConfigError) as raised:
        loads("units:\n  - {id: a, name: b, kind: 村, population: 2020-13-01}\n", "yaml")
    (problem,) = raised.value.problems
    assert problem.path == "$.units[0].population" and problem.value == "'2020-13-01'"


@pytest.mark.parametrize(
    "fraction",
    [
        "1/" + str(3**200),  # a long ratio with no decimal form: written as a ratio
        "0." + "0" * 80 + "1",  # long decimal text
        "1e-1000",
    ],
)
def test_long_fractions_load_and_dump_to_text_that_loads(fraction: str) -> None:
    registry = loads(_share(fraction))
    for format in FORMATS:
        assert loads(dumps(registry, format), format) == registry


def test_long_text_that_is_no_number_is_refused_as_a_fraction() -> None:
    with pytest.raises(ConfigError, match="a fraction such as"):
        loads(_share("1." * 40))


def test_a_decimal_in_its_canonical_text_loads_even_a_little_past_the_text_limit() -> None:
    digits = "9" * 97 + "e2"  # 99 characters, written as 9.99…E+98 (103)
    unit = {"id": "a", "name": "甲", "kind": "村", "area_km2": digits}
    registry = loads(json.dumps({"units": [unit]}))
    for format in FORMATS:
        assert loads(dumps(registry, format), format) == registry
    unit["area_km2"] = "x" * 105
    with pytest.raises(ConfigError, match="area_km2"):
        loads(json.dumps({"units": [unit]}))


class _Failing:
    def __init__(self, error: BaseException) -> None:
        self.error = error

    def structure(self, *_: Any) -> Any:
        raise self.error


@pytest.mark.parametrize(
    ("error", "expected"),
    [(MemoryError(), "a document the library can hold"), (RuntimeError(), "a valid document (RuntimeError)")],
)
def test_an_unexpected_failure_while_structuring_is_one_config_error(
    error: BaseException, expected: str
) -> None:
    with pytest.raises(ConfigError) as raised:
        structure_document({"units": []}, Registry, _Failing(error), "<test>")  # type: ignore[arg-type]
    assert raised.value.problems[0].expected == expected


def test_an_enum_value_repeated_many_times_is_one_problem_naming_it() -> None:
    unit = {"id": "a", "name": "甲", "kind": "村", "designations": ["strong_village"] * 20_000}
    with pytest.raises(ConfigError) as raised:
        loads(json.dumps({"units": [unit]}))
    (problem,) = raised.value.problems
    assert problem.path == "$.units[0].designations" and "['strong_village']" in problem.expected

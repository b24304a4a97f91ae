"""Reporting a malformed document costs no more than reading it: the first problems, then a count, then stop.

Cost is asserted by counting work — items checked after their problems were found, problems built,
close-match suggestions computed, memory at its peak — never by the clock.
"""

from __future__ import annotations

import difflib
import json
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

import attrs
import pytest

from dangjian_model.files import ConfigError, Format, Limits, Problem, _converter, loads
from tests.cli.conftest import run_cli
from tests.fuzz import _counters

LIMIT = Limits().max_problems


def _empty_units(n: int) -> tuple[str, Format]:
    return '{"units":[' + ",".join(["{}"] * n) + "]}", "json"


def _misspelt_kinds(n: int) -> tuple[str, Format]:
    units = [{"id": f"u{k}", "name": "村", "kind": f"villag{k}"} for k in range(n)]  # each one different
    return json.dumps({"units": units}), "json"


def _yaml_ints(n: int) -> tuple[str, Format]:
    return "units:\n" + "".join(f"- {k}\n" for k in range(n)), "yaml"


def _toml_unknown_keys(n: int) -> tuple[str, Format]:
    return "".join(f"k{k} = 1\n" for k in range(n)), "toml"


def _repeated_keys(n: int) -> tuple[str, Format]:
    return '{"units":[' + ",".join(['{"id":"a","id":"b"}'] * n) + "]}", "json"


def _bad_people(n: int) -> tuple[str, Format]:
    people = [{"id": f"p{k}", "name": 1, "phone": 2, "nmae": 3} for k in range(n)]
    return json.dumps({"people": people, "unitz": []}), "json"


SHAPES: dict[str, Callable[[int], tuple[str, Format]]] = {
    "empty units": _empty_units,
    "misspelt kinds": _misspelt_kinds,
    "YAML list of numbers": _yaml_ints,
    "TOML unknown keys": _toml_unknown_keys,
    "repeated keys": _repeated_keys,
    "bad people": _bad_people,
}


@attrs.define
class Work:
    """Work done while reporting: failing items checked, problems built, suggestions computed."""

    items: int = 0
    problems: int = 0
    suggestions: int = 0


@pytest.fixture(name="work")
def fixture_work(monkeypatch: pytest.MonkeyPatch) -> Work:
    counted = Work()
    note, init, close = _converter._index_note, Problem.__init__, difflib.get_close_matches

    def counting_note(*args: Any) -> Any:
        counted.items += 1
        return note(*args)

    def counting_init(self: Problem, *args: Any, **kwargs: Any) -> None:
        counted.problems += 1
        init(self, *args, **kwargs)

    def counting_close(*args: Any, **kwargs: Any) -> Any:
        counted.suggestions += 1
        return close(*args, **kwargs)

    monkeypatch.setattr(_converter, "_index_note", counting_note)
    monkeypatch.setattr(Problem, "__init__", counting_init)
    monkeypatch.setattr(difflib, "get_close_matches", counting_close)
    return counted


def _report(shape: str, n: int, limits: Limits | None = None) -> ConfigError:
    text, format = SHAPES[shape](n)
    _counters.tried("error-path cost")
    with pytest.raises(ConfigError) as raised:
        loads(text, format, limits=limits or Limits())
    return raised.value


@pytest.mark.parametrize("shape", SHAPES)
def test_reporting_a_document_with_ten_times_the_problems_does_no_more_work(shape: str, work: Work) -> None:
    small = _report(shape, 1_000)
    done = attrs.evolve(work)
    large = _report(shape, 10_000)
    more = Work(
        *(after - before for after, before in zip(attrs.astuple(work), attrs.astuple(done), strict=True))
    )
    assert more.items <= done.items <= LIMIT  # no item is checked once the cap is reached
    assert more.problems <= done.problems <= 2 * LIMIT  # each built once, and once more with its line
    assert more.suggestions <= done.suggestions <= LIMIT + 10  # (the fast path's first look adds a few)
    assert len(small.problems) == len(large.problems) == LIMIT
    assert large.count >= LIMIT and (large.more > 0 or large.stopped)


def test_problems_that_are_only_counted_are_counted_exactly() -> None:
    error = _report("TOML unknown keys", 50_000)
    assert not error.stopped  # one error stands for all of them: nothing left unchecked
    assert error.count == 50_000 and error.more == 50_000 - LIMIT
    assert f"及另外 {50_000 - LIMIT:,} 个问题 and {50_000 - LIMIT:,} more problems" in str(error)


def test_the_cap_is_configurable_and_says_where_it_stopped() -> None:
    error = _report("empty units", 1_000, Limits(max_problems=5))
    assert [p.path for p in error.problems[:3]] == ["$.units[0].id", "$.units[0].name", "$.units[0].kind"]
    assert len(error.problems) == 5 and error.stopped
    assert "停止检查" in str(error) and "Limits.max_problems" in str(error)
    assert str(error).startswith(f"<string>: {error.count}+ problems")


def test_a_document_within_the_cap_lists_every_problem_and_does_not_say_it_stopped() -> None:
    error = _report("empty units", 10)
    assert len(error.problems) == error.count == 30
    assert not error.stopped and error.more == 0 and error.rest() == ""


@pytest.mark.parametrize("shape", ["empty units", "YAML list of numbers"])
def test_memory_at_its_peak_grows_no_faster_than_the_input(shape: str) -> None:
    peaks = []
    for n in (2_000, 8_000):
        text, format = SHAPES[shape](n)
        tracemalloc.start()
        try:
            with pytest.raises(ConfigError):
                loads(text, format)
            peaks.append(tracemalloc.get_traced_memory()[1])
        finally:
            tracemalloc.stop()
    assert peaks[1] <= 4 * 1.5 * peaks[0]


def test_the_command_lists_the_first_problems_and_says_how_many_more(tmp_path: Path) -> None:
    path = tmp_path / "many.json"
    path.write_text(_empty_units(5_000)[0], encoding="utf-8")
    text = run_cli("validate", str(path))
    lines = text.out.splitlines()
    assert sum("[配置错误 config error]" in line for line in lines) == LIMIT
    assert any("停止检查" in line and "checking stopped" in line for line in lines)
    as_json = json.loads(run_cli("validate", "--format", "json", str(path)).out)["files"][0]
    assert len(as_json["problems"]) == LIMIT
    assert "checking stopped" in as_json["message"]
    assert as_json["counts"]["error"] > LIMIT

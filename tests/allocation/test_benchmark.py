"""The benchmark's correctness check on tiny inputs: the implementations agree where comparable."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

BENCHMARKS = Path(__file__).resolve().parents[2] / "benchmarks"


def _benchmark() -> ModuleType:
    spec = importlib.util.spec_from_file_location("allocation_benchmark", BENCHMARKS / "allocation.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_the_benchmark_implementations_agree_on_tiny_inputs() -> None:
    assert _benchmark().check_correctness(seed=1, cases=20) == []


def test_the_callable_game_and_its_table_are_the_same_game() -> None:
    players, value, make_table = _benchmark().callable_game(6)
    table = make_table()
    for mask, worth in enumerate(table):
        assert value(frozenset(p for i, p in enumerate(players) if mask >> i & 1)) == worth


def test_the_shapley_callable_row_compares_the_same_values_and_traces_memory(
    capsys: pytest.CaptureFixture[str],
) -> None:
    module = _benchmark()
    row = module.shapley_callable_row(8, rounds=1)  # asserts the two ways agree inside
    assert row["callable"] > 0
    assert row["table"] > 0
    assert row["callable_peak"] > 0
    assert row["table_peak"] > 8 * 2**8  # the table alone holds 2**8 references
    module.bench_shapley_callable([4], rounds=1)
    assert "memory ≤ 2" in capsys.readouterr().out

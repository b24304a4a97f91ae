"""The benchmark's correctness check on tiny inputs: the implementations agree where comparable."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

BENCHMARKS = Path(__file__).resolve().parents[2] / "benchmarks"


def test_the_benchmark_implementations_agree_on_tiny_inputs() -> None:
    spec = importlib.util.spec_from_file_location("allocation_benchmark", BENCHMARKS / "allocation.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    assert module.check_correctness(seed=1, cases=20) == []

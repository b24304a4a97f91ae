"""The benchmark harness on tiny sizes: it runs, and the libraries it compares read and write the same."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

BENCHMARKS = Path(__file__).resolve().parents[2] / "benchmarks"


@pytest.fixture(name="harness", scope="module")
def _harness() -> ModuleType:
    pytest.importorskip("msgspec")
    pytest.importorskip("pydantic")
    sys.path.insert(0, str(BENCHMARKS))
    spec = importlib.util.spec_from_file_location("benchmark_run", BENCHMARKS / "run.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_the_three_libraries_read_and_write_the_same_registry(harness: ModuleType) -> None:
    row = harness.measure(300, runs=1, check=True)  # asserts equal results inside
    assert row["findings"] == 0
    assert row["peak_mb"] > 0
    assert row["bytes_per_org"] > 0


def test_a_difference_between_the_libraries_is_noticed(harness: ModuleType) -> None:
    registry = harness.generate(200)
    data = harness.dumpb(registry)
    by_msgspec = harness.msgspec.json.Decoder(harness.MRegistry).decode(data)
    by_pydantic = harness.PRegistry.model_validate_json(data)
    ours = harness.loads(data)
    assert harness.same_results(ours, by_msgspec, by_pydantic)
    changed = registry.without(registry.units[0].id)
    assert not harness.same_results(changed, by_msgspec, by_pydantic)


def test_the_table_has_a_row_per_size_and_the_import_ratio(harness: ModuleType) -> None:
    rows = [harness.measure(n, runs=1, check=True) for n in (100, 200)]
    text = harness.table(rows, (0.2, 0.1), ["allocation"])
    assert "import dangjian_model 200 ms" in text
    assert "ratio 2.00" in text
    assert len([line for line in text.splitlines() if line.strip().startswith(("100 ", "200 "))]) == 2


@pytest.mark.parametrize("n", [1, 40, 317, 2000])
def test_the_direct_generator_writes_what_the_model_writes(harness: ModuleType, n: int) -> None:
    assert harness.generate_json(n) == harness.dumpb(harness.generate(n))


def test_large_sizes_take_the_library_times_from_the_memory_process(
    harness: ModuleType, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(harness, "ONCE", 100)
    row = harness.measure(300, runs=1, check=False)
    assert row["load"] > 0
    assert row["validate"] > 0
    assert row["dump"] > 0
    assert row["peak_mb"] > 0
    text = harness.table([row], (0.2, 0.1, 0.3), [])
    assert "first use" in text
    assert "ratio 3.00" in text


def test_the_first_use_of_the_model_is_timed(harness: ModuleType) -> None:
    assert 0 < harness.first_use_seconds(1) < 30


def test_the_generators_command_line_writes_the_registry_it_describes(
    harness: ModuleType, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    generate = sys.modules["generate"]
    from dangjian_model.files import load

    with pytest.raises(SystemExit):
        generate.main(["--help"])
    assert "N" in capsys.readouterr().out
    for suffix in ("json", "yaml", "toml"):
        path = tmp_path / f"registry.{suffix}"
        generate.main(["40", "--format", suffix, "-o", str(path)])
        assert load(path) == generate.generate(40)


def test_the_workbook_benchmark_reads_back_what_it_wrote_and_reports_ratios(harness: ModuleType) -> None:
    import workbook  # type: ignore[import-not-found, unused-ignore]

    row = workbook.measure(40, rounds=1)  # asserts the registry read back equal inside
    assert row["read_ratio"] == row["read"] / row["floor"] > 0
    (first, read, write) = workbook.lines(row)
    assert "40 organisations" in first
    assert "target ≤ 1.5" in read
    assert "openpyxl writing the same cells" in write

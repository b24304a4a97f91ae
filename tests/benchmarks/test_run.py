"""The benchmark harness on tiny sizes: it runs, and the libraries it compares read and write the same."""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

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


def test_the_table_has_a_row_per_size_and_the_other_figures_below(harness: ModuleType) -> None:
    rows = [harness.measure(n, runs=1, check=True) for n in (100, 200)]
    text = harness.table(rows, ["== allocation\nline one", "", "== workbooks"])
    lines = text.splitlines()
    assert len([line for line in lines if line.strip().startswith(("100 ", "200 "))]) == 2
    assert lines.index("== allocation") < lines.index("line one") < lines.index("== workbooks")
    assert "" not in lines[lines.index("line one") + 1 : lines.index("== workbooks") - 1]


def test_side_by_side_reports_the_median_of_rounds_taken_in_turn(
    harness: ModuleType, monkeypatch: pytest.MonkeyPatch
) -> None:
    clock = iter(range(100))  # each reading of the clock one second later
    monkeypatch.setattr(harness.time, "perf_counter", lambda: next(clock))
    calls: list[str] = []
    durations = {"a": iter([5, 1, 3]), "b": iter([2, 2, 9])}

    def run(name: str) -> str:
        for _ in range(next(durations[name]) - 1):  # the call itself reads the clock once less
            harness.time.perf_counter()
        calls.append(name)
        return name

    measured = harness.side_by_side({"a": lambda: run("a"), "b": lambda: run("b")}, 3)
    assert calls == ["a", "b", "a", "b", "a", "b"]
    assert measured == {"a": (3, "a"), "b": (2, "b")}


def test_yaml_and_json_read_and_write_the_same_registry_and_the_ratios_are_theirs(
    harness: ModuleType,
) -> None:
    row = harness.yaml_row(60, runs=1, check=True)  # asserts equal registries and documents inside
    assert row["yaml_mb"] > row["json_mb"] * 0.5 > 0
    title, _, _, line = harness.yaml_lines([row])
    assert "load ≤ 4" in title
    assert f"{row['yaml_load'] / row['json_load']:.2f}" in line
    assert f"{row['yaml_dump'] / row['json_dump']:.2f}" in line


def test_the_small_file_rows_read_the_bundled_example_both_ways(harness: ModuleType) -> None:
    title, yaml_line, json_line = harness.small_file_lines(1)  # asserts the same registry both ways
    assert "target ≤ 2" in title
    assert yaml_line.startswith("cixi_three_villages.yaml")
    assert json_line.startswith("cixi_three_villages.json")


def test_fresh_processes_cache_byte_code_where_told_and_not_in_the_sources(
    harness: ModuleType, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PYTHONDONTWRITEBYTECODE", "1")
    env = harness.fresh_env(str(tmp_path))
    assert "PYTHONDONTWRITEBYTECODE" not in env
    assert env["PYTHONPYCACHEPREFIX"] == str(tmp_path)
    inside = harness.in_process_seconds({"nothing": "pass", "sum": "sum(range(1000))"}, 2, env)
    assert set(inside) == {"nothing", "sum"}
    assert all(0 <= seconds < 30 for seconds in inside.values())
    whole = harness.process_seconds({"version": [*harness.COMMAND, "--version"]}, 1, env)
    assert 0 < whole["version"] < 60
    assert list(tmp_path.rglob("*.pyc"))  # the warm-up wrote the byte-code there


def test_a_failing_command_is_not_timed(harness: ModuleType, tmp_path: Path) -> None:
    import subprocess

    env = harness.fresh_env(str(tmp_path))
    with pytest.raises(subprocess.CalledProcessError):
        harness.process_seconds({"bad": [*harness.COMMAND, "validate", "no-such-file.yaml"]}, 1, env)


def test_the_start_up_table_gives_each_ratio_to_import_cattrs(harness: ModuleType) -> None:
    lines = harness.start_up_table(
        {"cattrs": 0.02, "import": 0.01, "first": 0.03},
        {"cattrs": 0.05, "version": 0.1, "validate": 0.2},
        "x.yaml",
    )
    text = "\n".join(lines)
    assert "import dangjian_model 10 ms: ratio 0.50" in text
    assert "(Registry, Unit, Alliance) 30 ms: ratio 1.50 (target ≤ 1.5)" in text
    assert "dangjian --version 100 ms: ratio 2.00 (target ≤ 1)" in text
    assert "dangjian validate x.yaml 200 ms: ratio 4.00 (target ≤ 2)" in text


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
    text = harness.table([row], [])
    assert "      300" in text


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


@pytest.fixture(name="into_attrs")
def _into_attrs(harness: ModuleType) -> ModuleType:
    import msgspec_attrs  # type: ignore[import-not-found, unused-ignore]

    module: ModuleType = msgspec_attrs
    return module


def msgspec_builds_frozen_attrs_objects() -> bool:
    """Whether the installed msgspec can decode into a frozen attrs class a document that leaves a field out."""
    import attrs
    import msgspec

    @attrs.frozen
    class Probe:
        n: int
        left_out: int = 0  # 0.18 sets a field the document leaves out after building the object

    try:
        return bool(msgspec.json.decode(b'{"n": 1}', type=Probe) == Probe(1))
    except attrs.exceptions.FrozenInstanceError:
        return False


def test_msgspec_into_the_attrs_classes_is_compared_on_the_collections_it_can_read(
    harness: ModuleType,
) -> None:
    import json

    row = harness.msgspec_attrs_row(300, runs=1)
    written = [name for name in json.loads(harness.generate_json(300)) if name != "version"]
    if not msgspec_builds_frozen_attrs_objects():  # msgspec 0.18: every collection refused
        assert row["collections"] == []
        assert set(row["refused"]) == set(written)
        assert any("FrozenInstanceError" in reason for reason in row["refused"].values())
        assert harness.msgspec_attrs_lines(row)[-1].startswith("  nothing left to compare")
        return
    # an allocation rule is a union of attrs classes, which msgspec refuses: projects are left out
    assert set(row["refused"]) == {"projects"}
    assert row["collections"] == [name for name in written if name != "projects"]
    assert row["objects"] > 0
    assert row["differences"] == {}
    assert row["typed_equal"]
    assert row["bare_same"]
    assert row["unknown_key_accepted"]
    assert row["money_from_text"]
    contenders = ("floor_whole", "floor", "attrs", "attrs_gc", "bare", "loads", "typed")
    assert all(row[name] > 0 for name in contenders)
    text = "\n".join(harness.msgspec_attrs_lines(row))
    assert "collector paused for every contender" in text
    assert "left out on both sides: projects" in text
    assert f"{row['attrs'] / row['floor']:.2f} × (a)" in text
    assert f"{row['typed'] / row['attrs']:.2f} × (b)" in text
    assert f"{row['loads'] / row['floor_whole']:.2f} × (a) whole" in text
    assert f"equal (==) to loads' on all {row['objects']:,}" in text


def test_every_contender_runs_with_the_collector_paused_but_the_one_named_for_it(
    harness: ModuleType, into_attrs: ModuleType
) -> None:
    pausing: list[Callable[[], Any]] = []
    paused_or_not: dict[str, bool] = {}

    def pause(function: Callable[[], Any]) -> Callable[[], Any]:
        pausing.append(harness.paused(function))
        return pausing[-1]

    def timer(functions: dict[str, Callable[[], Any]], runs: int) -> dict[str, tuple[float, Any]]:
        paused_or_not.update({name: function in pausing for name, function in functions.items()})
        measured: dict[str, tuple[float, Any]] = harness.side_by_side(functions, runs)
        return measured

    into_attrs.measure(harness.generate_json(100), harness.MRegistry, 1, timer, pause)
    assert paused_or_not == {name: name != "attrs_gc" for name in paused_or_not}
    assert {"floor_whole", "floor", "attrs", "attrs_gc", "bare", "loads", "typed"} <= set(paused_or_not)


def test_a_difference_from_our_objects_is_named_by_its_fields(
    harness: ModuleType, into_attrs: ModuleType
) -> None:
    import attrs

    units = harness.generate(100).units
    changed = [attrs.evolve(units[0], name="另一个村"), *units[1:]]
    assert into_attrs.first_difference(list(units), units) is None
    assert into_attrs.first_difference(changed, units) == "[0] Unit: fields name differ"
    assert into_attrs.first_difference(changed[1:], units) == f"{len(units) - 1} objects against {len(units)}"
    assert into_attrs.same_values(list(units), units)
    assert not into_attrs.same_values(changed, units)


def test_the_decoding_hook_reads_values_with_the_models_own_converters(into_attrs: ModuleType) -> None:
    from fractions import Fraction

    from dangjian_model import Money, UnitKind

    assert into_attrs.dec_hook(Fraction, "1/3") == Fraction(1, 3)
    assert into_attrs.dec_hook(Money, "1元") == Money(100)
    assert into_attrs.dec_hook(UnitKind, UnitKind.VILLAGE.label) is UnitKind.VILLAGE
    with pytest.raises(NotImplementedError):
        into_attrs.dec_hook(complex, "1")


def test_the_clones_without_validators_keep_the_fields_and_types(into_attrs: ModuleType) -> None:
    import typing

    import attrs

    from dangjian_model import Alliance

    clone = into_attrs.without_validators(Alliance)
    assert [a.name for a in attrs.fields(clone)] == [a.name for a in attrs.fields(Alliance)]
    assert all(a.validator is None and a.converter is None for a in attrs.fields(clone))
    memberships = typing.get_args(attrs.fields_dict(clone)["memberships"].type)[0]
    assert memberships.__name__ == "MembershipBare"


def test_the_start_up_table_shows_where_the_commands_time_goes_when_measured(harness: ModuleType) -> None:
    whole = {"cattrs": 0.05, "version": 0.03, "validate": 0.12, "python": 0.01, "floor": 0.06}
    whole |= {"load": 0.09, "check": 0.1}
    lines = harness.start_up_table({"cattrs": 0.02, "import": 0.01, "first": 0.03}, whole, "x.yaml")
    text = "\n".join(lines)
    assert "python -c pass (the interpreter) 10 ms: ratio 0.20" in text
    assert "and the model's classes (the floor) 60 ms: ratio 1.20" in text
    assert "+ load('x.yaml') 90 ms: ratio 1.80" in text
    assert "+ the command (argument parsing, output) 120 ms: ratio 2.40" in text


def test_the_floor_and_the_steps_run_as_written(harness: ModuleType, tmp_path: Path) -> None:
    import subprocess
    import sys

    example = str(harness.EXAMPLE.with_suffix(".yaml"))
    env = harness.fresh_env(str(tmp_path))
    for code in (harness.FLOOR, harness.LOAD.format(path=example), harness.CHECK.format(path=example)):
        subprocess.run([sys.executable, "-c", code], check=True, env=env, cwd=harness.ROOT)

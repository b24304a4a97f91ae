"""Excel workbooks: reading and writing a registry against openpyxl reading the same file alone.

Run ``pip install -e '.[excel]' && python benchmarks/workbook.py`` (10 000 organisations, a minute or
two) or ``--quick`` (1 000). The floor is what any reader of the file must pay: openpyxl loading the
workbook in read-only mode and taking every cell's value. ``read_workbook`` does that and builds and
checks the registry (target: within 1.5× of the floor); ``write_workbook`` is reported against the
same floor and against openpyxl writing the same cells in write-only mode. Times are medians of
interleaved rounds (each round runs every contender once, in turn); the registry read back is
checked equal to the one written before any time is printed.
"""

from __future__ import annotations

import argparse
import gc
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import openpyxl  # noqa: E402
from generate import generate  # noqa: E402

from dangjian_model import Registry  # noqa: E402
from dangjian_model.files import Limits, read_workbook, write_workbook  # noqa: E402
from dangjian_model.files._sheets import registry_rows  # noqa: E402

BIG = Limits(max_bytes=1 << 40)


def openpyxl_reads(path: Path) -> int:
    """The floor: openpyxl opens the workbook read-only and takes every value; the number of cells."""
    book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    cells = 0
    for sheet in book.worksheets:
        for row in sheet.iter_rows(values_only=True):
            cells += len(row)
    book.close()
    return cells


def openpyxl_writes(registry: Registry, path: Path) -> None:
    """openpyxl writing the registry's cells in write-only mode, without headers, styles or drop-downs."""
    book = openpyxl.Workbook(write_only=True)
    for sheet, rows in registry_rows(registry):
        target = book.create_sheet(sheet.title)
        for row in rows:
            target.append(row)
    book.save(path)


def interleaved(functions: dict[str, Callable[[], Any]], rounds: int) -> dict[str, float]:
    """The median time of each function over ``rounds`` rounds, each round running every one in turn."""
    times: dict[str, list[float]] = {name: [] for name in functions}
    for _ in range(rounds):
        for name, function in functions.items():
            gc.collect()
            start = time.perf_counter()
            function()
            times[name].append(time.perf_counter() - start)
    return {name: statistics.median(found) for name, found in times.items()}


def measure(n: int, rounds: int) -> dict[str, Any]:
    """Times (seconds) and ratios for a registry of about ``n`` organisations."""
    registry = generate(n)
    with tempfile.TemporaryDirectory() as folder:
        path, written, raw = (Path(folder) / name for name in ("r.xlsx", "w.xlsx", "raw.xlsx"))
        write_workbook(registry, path, personal_data=True)
        assert read_workbook(path, limits=BIG).registry == registry, "the workbook did not read back the same"
        times = interleaved(
            {
                "floor": lambda: openpyxl_reads(path),
                "read": lambda: read_workbook(path, limits=BIG),
                "write": lambda: write_workbook(registry, written, personal_data=True),
                "raw_write": lambda: openpyxl_writes(registry, raw),
            },
            rounds,
        )
        size = path.stat().st_size
    return {
        "n": n,
        "mb": size / 1e6,
        **times,
        "read_ratio": times["read"] / times["floor"],
        "write_ratio": times["write"] / times["floor"],
        "write_raw_ratio": times["write"] / times["raw_write"],
    }


def lines(row: dict[str, Any]) -> list[str]:
    """The figures as the benchmark table prints them."""
    return [
        f"workbook, {row['n']:,} organisations ({row['mb']:.1f} MB .xlsx): "
        f"openpyxl read-only load {row['floor'] * 1e3:.0f} ms (the floor)",
        f"  read_workbook {row['read'] * 1e3:.0f} ms: ratio {row['read_ratio']:.2f} to the floor (target ≤ 1.5)",
        f"  write_workbook {row['write'] * 1e3:.0f} ms: ratio {row['write_ratio']:.2f} to the floor, "
        f"{row['write_raw_ratio']:.2f} to openpyxl writing the same cells",
    ]


def workbook_lines(quick: bool) -> list[str]:
    """The workbook figures for ``benchmarks/run.py``."""
    return lines(measure(1_000 if quick else 10_000, 1 if quick else 5))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--quick", action="store_true", help="1 000 organisations, one round")
    args = parser.parse_args(argv)
    print("\n".join(workbook_lines(args.quick)))


if __name__ == "__main__":
    main()

"""飞地抱团 (a): 10% a year fixed for five years, then dividends (鄞州–衢江 style, DOMAIN §5; seed 001).

Run it: ``python examples/enclave_fixed_return.py``.
"""

from __future__ import annotations

import datetime
from pathlib import Path

from dangjian_model import Money, Registry, files
from dangjian_model.allocation import Allocation, allocate_project
from dangjian_model.validation import validate

HERE = Path(__file__).resolve().parent
PROJECT = "enclave-property"


def load() -> Registry:
    """The configuration file beside this script."""
    return files.load(HERE / "enclave_fixed_return.yaml")


def share(registry: Registry, income: str, day: datetime.date) -> Allocation:
    """Share ``income`` earned on ``day`` by the project's rule (the year of the agreement follows the day)."""
    result = allocate_project(registry, PROJECT, income, on=day)
    assert sum(result.amounts().values(), Money.ZERO) + result.retained == Money.parse(income)
    return result


def main() -> None:
    registry = load()
    report = validate(registry)
    print("校验 validation:", report.summary())
    assert not report.has_errors, report.to_text()
    for record in registry.project(PROJECT).income:
        result = share(registry, str(record.amount), record.on)
        print(f"\n{record.period}年 {record.description}: {record.amount.format(unit='万')}")
        print(result.table())


if __name__ == "__main__":
    main()

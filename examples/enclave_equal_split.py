"""飞地抱团 (c): 安吉 天子湖, 20 villages × 60万, profit 平分: 100万 → 5万 each (DOMAIN §5).

Run it: ``python examples/enclave_equal_split.py``.
"""

from __future__ import annotations

from pathlib import Path

from dangjian_model import Money, Registry, files
from dangjian_model.allocation import allocate_project
from dangjian_model.validation import validate

HERE = Path(__file__).resolve().parent
PROJECT = "tianzihu-property"


def load() -> Registry:
    """The configuration file beside this script."""
    return files.load(HERE / "enclave_equal_split.yaml")


def main() -> None:
    registry = load()
    report = validate(registry)
    print("校验 validation:", report.summary())
    assert not report.has_errors, report.to_text()
    project = registry.project(PROJECT)
    capital = sum((c.amount for c in project.contributions if c.amount is not None), Money.ZERO)
    print(f"{project.name}: {len(project.contributions)} 村，资本 capital {capital.format(unit='万')}")
    result = allocate_project(registry, PROJECT)
    print(result.table())
    assert set(result.amounts().values()) == {Money.parse("5万元")}
    assert sum(result.amounts().values(), Money.ZERO) == project.total_income


if __name__ == "__main__":
    main()

"""飞地抱团 (b): villages get 10% fixed, a state investor covers the shortfall (柯桥 style, DOMAIN §5).

Run it: ``python examples/enclave_guarantor.py``.
"""

from __future__ import annotations

import datetime
from pathlib import Path

from dangjian_model import Money, Registry, files, lifecycle
from dangjian_model.allocation import Allocation, FixedReturn, Member, Portion, allocate, allocate_project
from dangjian_model.validation import validate

HERE = Path(__file__).resolve().parent
PROJECT = "keqiao-property"


def load() -> Registry:
    """The configuration file beside this script."""
    return files.load(HERE / "enclave_guarantor.yaml")


def full_scale(registry: Registry, profit: str) -> Allocation:
    """The same rule at the reported scale: 79 villages × 320万 beside the state investor's 2.6亿."""
    rule = registry.project(PROJECT).allocation_rule
    assert rule is not None
    members = [Member(f"kq-{k:02d}", investment="320万元") for k in range(1, 80)]
    members.append(Member("state-investor", investment="2.6亿元"))
    assert isinstance(rule, Portion) and isinstance(rule.rule, FixedReturn)
    scaled = Portion(
        rule.fraction,
        FixedReturn(
            rule.rule.rate,
            member_ids=[m.id for m in members[:-1]],
            guarantor_id="state-investor",
            surplus=rule.rule.surplus,
        ),
    )
    return allocate(scaled, profit, members)


def main() -> None:
    registry = load()
    report = validate(registry)
    print("校验 validation:", report.summary())
    assert not report.has_errors, report.to_text()
    result = allocate_project(registry, PROJECT)
    print(result.table())
    cover = result.guaranteed_total
    print(f"国资兜底 the state investor covers the shortfall: {cover.format(unit='万')}")
    # The cover comes from the guarantor's own books; each village's 32万 reaches its own books.
    after, _ = lifecycle.distribute_income(
        registry, project_id=PROJECT, amount="100万元", on=datetime.date(2021, 1, 15)
    )
    for ledger in after.ledgers:
        print(f"  {registry.unit(ledger.owner_id).name} 账套 books: {ledger.balance.format(unit='万')}")
    big = full_scale(registry, "2000万元")
    print(
        f"全规模 full scale (79 村): 利润 2000万 → 分配 90% = 1800万, 村保底 79 × 32万 = 2528万, "
        f"国资兜底 {big.guaranteed_total.format(unit='万')}"
    )
    assert big.guaranteed_total == Money.parse("728万元")


if __name__ == "__main__":
    main()

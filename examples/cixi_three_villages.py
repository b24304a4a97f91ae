"""慈溪 匡堰镇 南部片区: three villages, one joint committee, one company, 四联三不变 (seed 001).

Run it: ``python examples/cixi_three_villages.py``.
"""

from __future__ import annotations

import datetime
from pathlib import Path

from dangjian_model import Registry, files, lifecycle
from dangjian_model.allocation import allocate_project
from dangjian_model.validation import cixi_seed_example, validate

HERE = Path(__file__).resolve().parent


def build() -> Registry:
    """The 片区 as the seed describes it, built in Python.

    The library holds the one builder of the 片区 (``cixi_seed_example``, whose source is at the end of
    docs/rules.md); the rule examples of ``docs/rules.md`` start from the same 片区.
    """
    return cixi_seed_example()


def load() -> Registry:
    """The configuration file beside this script: the same 片区 as :func:`build`."""
    return files.load(HERE / "cixi_three_villages.yaml")


def main() -> None:
    registry = load()
    report = validate(registry)
    print("校验 validation:", report.summary())
    assert not report.has_errors, report.to_text()
    alliance = registry.alliance("cixi-south")
    villages = alliance.member_ids
    print(f"{alliance.name}（{alliance.type.label} {alliance.type.value}）")
    print("  成员 members:", "、".join(u.name for u in registry.members_of(alliance.id)))
    print(
        "  四联 four links:",
        alliance.declares_four_links,
        "| 三不变 three unchanged:",
        alliance.declares_three_unchanged,
    )
    for village in villages:
        line = " → ".join(o.name for o in registry.party_ancestors(f"{village}-branch"))
        print(f"  {registry.unit(village).name} 隶属 affiliation: {line}")
    project = registry.project("lianshu-village")
    result = allocate_project(registry, project.id)
    print(
        f"  {project.name} 收入 income {project.total_income.format()}，三村共同分配 shared by the three villages:"
    )
    print(result.table())
    # 所得收入由三村共同分配: each village's part reaches its own books (账务核算不变), and nothing
    # the distribution does moves a superior, an asset or a ledger (三不变).
    after, _ = lifecycle.distribute_income(
        registry, project_id=project.id, amount=project.total_income, on=datetime.date(2022, 1, 15)
    )
    for village in villages:
        print(
            f"  {registry.unit(village).name} 账套 books: {after.ledger(f'{village}-books').balance.format()}"
        )
    breaches = lifecycle.check_three_unchanged(registry, after)
    print("  三不变 after the distribution 分配后三不变:", breaches or "保持 kept")
    assert not breaches


if __name__ == "__main__":
    main()

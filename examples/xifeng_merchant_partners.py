"""西峰 朔州路街道 “商企合伙人”: 43 partner merchants, 需求清单—资源清单—项目清单 (seed 004).

Run it: ``python examples/xifeng_merchant_partners.py``.
"""

from __future__ import annotations

from pathlib import Path

from dangjian_model import MembershipRole, Registry, files
from dangjian_model.validation import validate

HERE = Path(__file__).resolve().parent
ALLIANCE = "shuozhou-partners"
#: 西峰区 as a whole, as the seed reports it (not recorded entity by entity).
REPORTED = {"融合服务 services held": "100余场", "覆盖居民 residents reached": "5000余人次"}


def load() -> Registry:
    """The configuration file beside this script."""
    return files.load(HERE / "xifeng_merchant_partners.yaml")


def partners(registry: Registry) -> list[str]:
    """The ids of the alliance's partner merchants (合伙人)."""
    alliance = registry.alliance(ALLIANCE)
    return [m.participant_id for m in alliance.memberships if m.role is MembershipRole.PARTNER]


def main() -> None:
    registry = load()
    report = validate(registry)
    print("校验 validation:", report.summary())
    assert not report.has_errors, report.to_text()
    alliance = registry.alliance(ALLIANCE)
    print(f"{alliance.name}: 合伙人商户 partner merchants {len(partners(registry))}")
    line = " → ".join(o.name for o in registry.party_ancestors("business-district-branch"))
    print(f"  三级组织体系 three levels: 朔州路商圈党支部（示意） → {line}")
    claimed = {p.need_id: p for p in registry.listed_projects}
    print("  需求清单 → 资源清单 → 项目清单 needs → resources → projects:")
    for need in registry.needs:
        project = claimed.get(need.id)
        if project is None:
            print(f"    {need.title}: 待认领 not yet claimed")
            continue
        provider = registry.unit(project.provider_id or "")
        print(f"    {need.title} ← {provider.name} 认领 claims: {project.title}")
    print("  西峰区报道 reported for 西峰区:", "; ".join(f"{k} {v}" for k, v in REPORTED.items()))


if __name__ == "__main__":
    main()

"""怀柔 “一域一品”: four brands, 红帆领航's three 片区 joint committees, 寶山雁陣's five roles (seed 000).

Run it: ``python examples/huairou_one_domain_one_brand.py``.
"""

from __future__ import annotations

from pathlib import Path

from dangjian_model import MembershipRole, PartyOrgForm, PersonRole, Registry, files
from dangjian_model.validation import validate

HERE = Path(__file__).resolve().parent
GEESE = (
    PersonRole.HEAD_GOOSE,
    PersonRole.STRONG_GOOSE,
    PersonRole.RETURNING_GOOSE,
    PersonRole.SWAN_GOOSE,
    PersonRole.FLOCK_GOOSE,
)


def load() -> Registry:
    """The configuration file beside this script."""
    return files.load(HERE / "huairou_one_domain_one_brand.yaml")


def main() -> None:
    registry = load()
    report = validate(registry)
    print("校验 validation:", report.summary())
    assert not report.has_errors, report.to_text()
    print("一域一品 one brand per territory:")
    for brand in registry.brands:
        print(f"  {registry.unit(brand.territory_id or '').name}: {brand.name}")
    joint = [o for o in registry.party_organisations if o.form is PartyOrgForm.JOINT_COMMITTEE]
    print(f"红帆领航 片区联合党委 joint committees of 渤海镇: {len(joint)}")
    for org in joint:
        villages = "、".join(registry.unit(id).name for id in org.host_unit_ids)
        print(
            f"  {org.name}（上级 superior: {registry.party_organisation(org.superior_id or '').name}）: {villages}"
        )
    partners = [m for m in registry.alliance("jingzhi").memberships if m.role is MembershipRole.PARTNER]
    print(f"精治合伙人 first partners: {len(partners)} 家单位")
    print("寶山雁陣 roles:")
    for role in GEESE:
        holders = [p for p in registry.people if role in p.roles]
        print(f"  {role.label} {role.value}: {len(holders)}")
    away = registry.party_organisation("city-branch")
    print(f"  {away.name} 隶属 belongs to {registry.party_organisation(away.superior_id or '').name}")


if __name__ == "__main__":
    main()

"""宁海 艺术振兴乡村党建联盟: 9 villages, 5 art colleges, 6 county organs, 15 professor teams (seed 001).

Run it: ``python examples/ninghai_art_alliance.py``.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from dangjian_model import MembershipRole, Registry, Team, Unit, UnitKind, files
from dangjian_model.validation import validate

HERE = Path(__file__).resolve().parent
ALLIANCE = "ninghai-art"


def load() -> Registry:
    """The configuration file beside this script."""
    return files.load(HERE / "ninghai_art_alliance.yaml")


def member_kinds(registry: Registry) -> Counter[UnitKind]:
    """How many member units of each kind the alliance has (advisers not counted)."""
    alliance = registry.alliance(ALLIANCE)
    return Counter(
        unit.kind
        for m in alliance.memberships
        if m.role is not MembershipRole.ADVISER and isinstance(unit := registry.find(m.participant_id), Unit)
    )


def main() -> None:
    registry = load()
    report = validate(registry)
    print("校验 validation:", report.summary())
    assert not report.has_errors, report.to_text()
    alliance = registry.alliance(ALLIANCE)
    kinds = member_kinds(registry)
    lead = registry.party_organisation(alliance.lead_id)
    print(f"{alliance.name}（牵头 lead: {lead.name}）")
    for kind in (UnitKind.VILLAGE, UnitKind.ART_COLLEGE, UnitKind.GOVERNMENT_ORGAN):
        print(f"  {kind.label} {kind.value}: {kinds[kind]}")
    advisers = [m for m in alliance.memberships if m.role is MembershipRole.ADVISER]
    teams = [m for m in advisers if isinstance(registry.find(m.participant_id), Team)]
    print(
        f"  顾问 advisers: {len(advisers)}（教授团队 professor teams: {len(teams)}，乡贤 village sages: 1，"
        "国际友人 international friends: 1）"
    )
    spaces = [a for a in registry.assets if a.owner_id == "gejia"]
    print(
        f"  葛家村艺术共享空间 art spaces of 葛家村: {len(spaces)}，资产属性 nature: {spaces[0].nature.label}"
    )
    invested = registry.project("gejia-art-village").contributed_by("gejia-sages")
    print(f"  乡贤投资 invested by village sages: {invested.format(unit='万')}")


if __name__ == "__main__":
    main()

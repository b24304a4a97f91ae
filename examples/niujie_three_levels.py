"""牛街: 街道—社区—楼院 three levels (10 communities, 56 yards) and a "1+4+N" 议事先锋队 (seed 002).

The team leads the residents' deliberation (议事协商): 议题 raised by a 楼门长 or a volunteer, a decision
(议事成果) and its follow-up until it lands (落地).

Run it: ``python examples/niujie_three_levels.py``.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from dangjian_model import PersonRole, Registry, TeamKind, UnitKind, files
from dangjian_model.validation import validate

HERE = Path(__file__).resolve().parent


def load() -> Registry:
    """The configuration file beside this script."""
    return files.load(HERE / "niujie_three_levels.yaml")


def levels(registry: Registry) -> Counter[str]:
    """Party organisations on each of the three levels, by the kind of unit they are set up in."""
    kinds = {UnitKind.SUBDISTRICT: "街道", UnitKind.COMMUNITY: "社区", UnitKind.RESIDENTIAL_YARD: "楼院"}
    return Counter(
        kinds[unit.kind]
        for org in registry.party_organisations
        for unit in (registry.unit(id) for id in org.host_unit_ids)
        if unit.kind in kinds
    )


def main() -> None:
    registry = load()
    report = validate(registry)
    print("校验 validation:", report.summary())
    assert not report.has_errors, report.to_text()
    counts = levels(registry)
    print(
        "三级党组织 three levels 街道—社区—楼院:",
        " / ".join(f"{k} {counts[k]}" for k in ("街道", "社区", "楼院")),
    )
    yard = registry.unit("dongli-yard-1")
    line = " → ".join(o.name for o in registry.party_ancestors("dongli-yard-1-branch"))
    print(f"  {yard.name}党支部 隶属 affiliation: {line}")
    for team in registry.teams:
        assert team.kind is TeamKind.ONE_FOUR_N
        leader = registry.person(team.leader_id or "")
        four = [registry.person(id) for id in team.core_member_ids]
        roles = "、".join(role.label for p in four for role in sorted(p.roles, key=lambda r: r.value))
        print(
            f"{team.name}: 1 = {', '.join(r.label for r in leader.roles)}; 4 = {roles}; N = {len(team.volunteer_ids)}"
        )
        assert PersonRole.SECRETARY in leader.roles and len(four) == 4 and team.volunteer_ids
        for meeting in registry.meetings_of(team.id):
            print(
                f"  {meeting.held_on} {meeting.title}（{meeting.kind.label}），到会 present {meeting.attendance}"
            )
            for item in meeting.agenda:
                print(f"    议题 [{item.origin.label}] {item.title}（提出 raised by {item.raised_by_id}）")
                print(f"      议事成果 decision: {item.decision}")
                for follow_up in item.follow_ups:
                    print(f"      跟踪落实 follow-up: {follow_up.responsible_id} {follow_up.status.label}")


if __name__ == "__main__":
    main()

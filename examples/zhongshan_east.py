"""中山 东区街道: 大工委 / 大党委, 红心桥 and the 1/11/170/553 “红心网格” with a party group on each (seed 003).

The configuration holds the structures and grid levels 1–2; this script adds the 170 third-level and
553 fourth-level cells, a 党小组 on every one of them (党小组建在网格上), and validates the whole. It also
shows the 街道社区两级联席会议: who met, the 议题 they took up, the decisions and how they were followed up.

Run it: ``python examples/zhongshan_east.py``.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from dangjian_model import Committee, Grid, PartyOrganisation, Principle, Registry, files
from dangjian_model.validation import validate

HERE = Path(__file__).resolve().parent
#: The grid system's template in the configuration: cells per level, as the seed reports them.
SYSTEM = "dongqu-grids"
GROUP_MEMBERS = 3  # illustrative: full members in each cell's party group


def load() -> Registry:
    """The configuration file beside this script (grid levels 1 and 2)."""
    return files.load(HERE / "zhongshan_east.yaml")


def _spread(total: int, parents: list[str]) -> dict[str, int]:
    """``total`` cells over ``parents`` as evenly as possible, the first ones taking one more."""
    base, extra = divmod(total, len(parents))
    return {parent: base + (1 if i < extra else 0) for i, parent in enumerate(parents)}


def with_lower_grids(registry: Registry) -> Registry:
    """Add levels 3 and 4 as the template counts them: each third-level cell gets a 网格党支部 in its
    community, and every cell a 党小组."""
    levels = dict(enumerate(registry.grid_system(SYSTEM).counts, start=1))
    second = sorted((g for g in registry.grids if g.level == 2), key=lambda g: g.id)
    third_per_second = _spread(levels[3], [g.id for g in second])
    new: list[Grid | PartyOrganisation] = []
    thirds: list[Grid] = []
    for parent in second:
        community = parent.unit_id or ""
        for k in range(1, third_per_second[parent.id] + 1):
            thirds.append(
                Grid(
                    id=f"{parent.id}-{k:02d}",
                    name=f"{parent.name}第{k}三级网格",
                    level=3,
                    parent_id=parent.id,
                    unit_id=community,
                )
            )
    fourth_per_third = _spread(levels[4], [g.id for g in thirds])
    for cell in thirds:
        children = fourth_per_third[cell.id]
        branch = f"{cell.id}-branch"
        members = GROUP_MEMBERS * (1 + children)
        new.append(
            PartyOrganisation(
                id=branch,
                name=f"{cell.name}党支部",
                form="党支部",
                superior_id=f"{cell.unit_id}-committee",
                host_unit_ids=[cell.unit_id or ""],
                full_members=members,
                committee=Committee(size=3, elected_on="2021-05-01", term_years=5) if members >= 7 else None,
            )
        )
        for grid in [
            cell,
            *(
                Grid(
                    id=f"{cell.id}-{j}",
                    name=f"{cell.name}第{j}四级网格",
                    level=4,
                    parent_id=cell.id,
                    unit_id=cell.unit_id,
                )
                for j in range(1, children + 1)
            ),
        ]:
            group = f"{grid.id}-group"
            new.append(
                PartyOrganisation(
                    id=group,
                    name=f"{grid.name}党小组",
                    form="党小组",
                    superior_id=branch,
                    full_members=GROUP_MEMBERS,
                )
            )
            new.append(
                Grid(
                    id=grid.id,
                    name=grid.name,
                    level=grid.level,
                    parent_id=grid.parent_id,
                    unit_id=grid.unit_id,
                    party_group_id=group,
                )
            )
    return registry.with_entities(*new)


def build() -> Registry:
    """The whole 东区街道: the configuration with all 735 grid cells."""
    return with_lower_grids(load())


def joint_meetings(registry: Registry) -> list[str]:
    """Each joint meeting in a few lines: who met, each 议题 with its origin, decision and follow-up."""
    lines: list[str] = []
    for meeting in sorted(registry.meetings, key=lambda m: m.held_on):
        who = "、".join(meeting.present_ids)
        lines.append(f"{meeting.held_on} {meeting.title}（{meeting.kind.label}）出席 present: {who}")
        for item in meeting.agenda:
            lines.append(
                f"  议题 item [{item.origin.label}] {item.title} → 议事成果 decision: {item.decision}"
            )
            for follow_up in item.follow_ups:
                led_to = f"，形成 led to {follow_up.project_id}" if follow_up.project_id else ""
                lines.append(
                    f"    跟踪落实 follow-up: {follow_up.responsible_id} {follow_up.status.label}"
                    f"（{follow_up.done_on or follow_up.due_on}）{led_to}"
                )
    return lines


def main() -> None:
    registry = build()
    report = validate(registry)
    print("校验 validation:", report.summary())
    assert not report.has_errors, report.to_text()
    levels = Counter(g.level for g in registry.grids)
    print(
        "红心网格 grid cells by level 各级网格:", " / ".join(str(levels[level]) for level in sorted(levels))
    )
    assert tuple(levels[level] for level in sorted(levels)) == registry.grid_system(SYSTEM).counts
    covered = sum(1 for g in registry.grids if g.party_group_id is not None)
    print(f"  党小组建在网格上 cells with a party group: {covered} / {len(registry.grids)}")
    for alliance in registry.alliances:
        lead = registry.party_organisation(alliance.lead_id)
        print(
            f"{alliance.name}（{alliance.type.label}），牵头 lead: {lead.name}，成员 members: {len(alliance.member_ids) - 1}"
        )
        if Principle.AFFILIATION_UNCHANGED in alliance.principles:
            print("  不改变党员原组织隶属关系 affiliation unchanged:", Principle.AFFILIATION_UNCHANGED.label)
        if alliance.linkages:
            print("  联动 linkages:", "、".join(sorted(link.label for link in alliance.linkages)))
    big = registry.party_organisation("dongqu-working-committee").committee
    assert big is not None
    for person_id in big.member_ids:
        person = registry.person(person_id)
        home = registry.party_organisation(person.party_organisation_id or "")
        print(f"  大工委兼职委员 concurrent member {person_id}: 仍隶属 still belongs to {home.name}")
    term = registry.party_organisation("dongqu-working-committee").current_term
    assert term is not None
    concurrent = [post.person_id for post in term.posts if post.concurrent]
    print(
        f"  第{term.number}届（{term.elected_on}，{term.method}）兼职委员 concurrent posts: {', '.join(concurrent)}"
    )
    print("报道数据 reported figures:")
    for figure in registry.figures:
        print(f"  {figure.metric.label}: {figure.value}" + (f"（{figure.note}）" if figure.note else ""))
    print("两级联席会议 joint meetings:")
    for line in joint_meetings(registry):
        print(" ", line)


if __name__ == "__main__":
    main()

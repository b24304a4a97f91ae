"""慈溪 匡堰镇 南部片区: three villages, one joint committee, one company, 四联三不变 (seed 001).

Run it: ``python examples/cixi_three_villages.py``.
"""

from __future__ import annotations

import datetime
from pathlib import Path

from dangjian_model import (
    THREE_UNCHANGED,
    Alliance,
    AllianceType,
    Asset,
    Committee,
    IncomeRecord,
    JointPlan,
    Ledger,
    LinkageVocabulary,
    Membership,
    Need,
    PartyOrganisation,
    Project,
    Registry,
    Share,
    Unit,
    files,
    lifecycle,
)
from dangjian_model.allocation import allocate_project
from dangjian_model.validation import validate

HERE = Path(__file__).resolve().parent

FORMED = datetime.date(2020, 6, 1)
VILLAGES = {"changlong": "倡隆村", "qianbing": "乾炳村", "gangdun": "岗墩村"}


def build() -> Registry:
    """The 片区 as the seed describes it."""
    units = [
        Unit(id="cixi", name="慈溪市", kind="市", division_code="330282"),
        Unit(id="kuangyan", name="匡堰镇", kind="镇乡", superior_id="cixi"),
        *(Unit(id=id, name=name, kind="行政村", superior_id="kuangyan") for id, name in VILLAGES.items()),
        Unit(id="yishan", name="忆山文旅有限公司", kind="集体企业", superior_id="kuangyan"),
    ]
    organisations = [
        PartyOrganisation(
            id="cixi-committee", name="中共慈溪市委", form="市委", host_unit_ids=["cixi"], full_members=5000
        ),
        PartyOrganisation(
            id="kuangyan-committee",
            name="中共匡堰镇委员会",
            form="党委",
            superior_id="cixi-committee",
            host_unit_ids=["kuangyan"],
            full_members=900,
        ),
        *(
            PartyOrganisation(
                id=f"{id}-branch",
                name=f"{name}党支部",
                form="党支部",
                superior_id="kuangyan-committee",
                host_unit_ids=[id],
                full_members=40,
                # 7 or more full members: a branch committee (支部委员会) of 3–5 (DJ202).
                committee=Committee(size=5, elected_on="2021-01-10", term_years=5),
            )
            for id, name in VILLAGES.items()
        ),
        # The joint committee coordinates the three branches; it is not their superior.
        PartyOrganisation(
            id="south-joint-committee",
            name="匡堰镇南部片区联合党委",
            form="片区联合党委",
            superior_id="kuangyan-committee",
            host_unit_ids=list(VILLAGES),
            full_members=120,
        ),
    ]
    alliance = Alliance(
        id="cixi-south",
        name="匡堰镇南部片区党建联盟",
        type=AllianceType.CLUSTER,
        lead_id="changlong",
        memberships=[
            Membership(participant_id=id, role="牵头" if id == "changlong" else "成员", joined_on=FORMED)
            for id in VILLAGES
        ],
        linkages=LinkageVocabulary.FOUR_LINKS.linkages,
        principles=THREE_UNCHANGED,
        joint_committee_id="south-joint-committee",
        formed_on=FORMED,
        # 规划联体: one plan for the 片区 covering every member village (DJ413).
        joint_plan=JointPlan(title="南部片区发展规划", covered_unit_ids=list(VILLAGES)),
    )
    # 社会联治: an item of joint governance on the alliance's list (DJ414).
    needs = [Need(id="need-joint-governance", title="片区事务共商、难题共解", alliance_id="cixi-south")]
    project = Project(
        id="lianshu-village",
        name="楝树下艺术村落",
        alliance_id="cixi-south",
        site_unit_id="qianbing",
        company_id="yishan",
        shares=[Share(holder_id=id, fraction="1/3") for id in VILLAGES],
        income=[IncomeRecord(on=datetime.date(2021, 12, 31), amount="30万元", period="2021")],
    )
    stakes = [
        Asset(
            id=f"{id}-stake",
            name=f"{name}持有忆山文旅股权",
            owner_id=id,
            nature="村集体资产",
            held_in_id="yishan",
        )
        for id, name in VILLAGES.items()
    ]
    ledgers = [Ledger(id=f"{id}-books", owner_id=id) for id in VILLAGES]
    return Registry(
        units=units,
        party_organisations=organisations,
        alliances=[alliance],
        projects=[project],
        assets=stakes,
        ledgers=ledgers,
        needs=needs,
    )


def load() -> Registry:
    """The configuration file beside this script: the same 片区 as :func:`build`."""
    return files.load(HERE / "cixi_three_villages.yaml")


def main() -> None:
    registry = load()
    report = validate(registry)
    print("校验 validation:", report.summary())
    assert not report.has_errors, report.to_text()
    alliance = registry.alliance("cixi-south")
    print(f"{alliance.name}（{alliance.type.label} {alliance.type.value}）")
    print("  成员 members:", "、".join(u.name for u in registry.members_of(alliance.id)))
    print(
        "  四联 four links:",
        alliance.declares_four_links,
        "| 三不变 three unchanged:",
        alliance.declares_three_unchanged,
    )
    for village in VILLAGES:
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
    for village in VILLAGES:
        print(
            f"  {registry.unit(village).name} 账套 books: {after.ledger(f'{village}-books').balance.format()}"
        )
    breaches = lifecycle.check_three_unchanged(registry, after)
    print("  三不变 after the distribution 分配后三不变:", breaches or "保持 kept")
    assert not breaches


if __name__ == "__main__":
    main()

"""The 慈溪 匡堰镇 南部片区 of seed 001, built with the lifecycle operations."""

from __future__ import annotations

import datetime

from dangjian_model import (
    THREE_UNCHANGED,
    Ledger,
    LinkageVocabulary,
    PartyOrganisation,
    Person,
    Project,
    Registry,
    Unit,
)
from dangjian_model import lifecycle as lc

FORMED = datetime.date(2020, 6, 1)
VILLAGES = {"changlong": "倡隆村", "qianbing": "乾炳村", "gangdun": "岗墩村"}


def before_the_alliance() -> Registry:
    """The town, its three villages and their branches, each village with its own books."""
    return Registry(
        units=[
            Unit(id="cixi", name="慈溪市", kind="市"),
            Unit(id="kuangyan", name="匡堰镇", kind="镇乡", superior_id="cixi"),
            *(Unit(id=id, name=name, kind="行政村", superior_id="kuangyan") for id, name in VILLAGES.items()),
        ],
        party_organisations=[
            PartyOrganisation(
                id="kuangyan-committee", name="中共匡堰镇委员会", form="党委", host_unit_ids=["kuangyan"]
            ),
            *(
                PartyOrganisation(
                    id=f"{id}-branch",
                    name=f"{name}党支部",
                    form="党支部",
                    superior_id="kuangyan-committee",
                    host_unit_ids=[id],
                    full_members=40,
                )
                for id, name in VILLAGES.items()
            ),
        ],
        people=[
            Person(
                id="gong",
                name="龚建立",
                roles=["书记"],
                party_organisation_id="changlong-branch",
                unit_id="changlong",
            )
        ],
        projects=[
            Project(id="lianshu", name="楝树下艺术村落", alliance_id="cixi-south", site_unit_id="qianbing")
        ],
        ledgers=[Ledger(id=f"{id}-books", owner_id=id) for id in VILLAGES],
    )


def cixi_story() -> tuple[Registry, list[lc.Event]]:
    """Form the alliance, set up the 片区联合党委, co-found 忆山文旅, record and share 30万元."""
    registry = before_the_alliance()
    log: list[lc.Event] = []

    def step(outcome: lc.Outcome) -> None:
        nonlocal registry
        registry, events = outcome
        log.extend(events)

    step(
        lc.form_alliance(
            registry,
            alliance_id="cixi-south",
            name="匡堰镇南部片区党建联盟",
            type="产业集聚型",
            lead_id="changlong",
            member_ids=list(VILLAGES),
            linkages=LinkageVocabulary.FOUR_LINKS.linkages,
            principles=THREE_UNCHANGED,
            on=FORMED,
        )
    )
    step(
        lc.appoint_joint_committee(
            registry,
            alliance_id="cixi-south",
            committee_id="south-joint-committee",
            name="匡堰镇南部片区联合党委",
            superior_id="kuangyan-committee",
            on=FORMED,
        )
    )
    step(lc.appoint_secretary(registry, alliance_id="cixi-south", secretary_id="gong", on=FORMED))
    step(
        lc.found_joint_venture(
            registry,
            alliance_id="cixi-south",
            company_id="yishan",
            name="忆山文旅有限公司",
            founder_ids=list(VILLAGES),
            capital=dict.fromkeys(VILLAGES, "100万元"),
            superior_id="kuangyan",
            project_id="lianshu",
            on=datetime.date(2020, 7, 1),
        )
    )
    step(
        lc.record_income(
            registry, project_id="lianshu", amount="30万元", period="2021", on=datetime.date(2021, 12, 31)
        )
    )
    step(lc.distribute_income(registry, project_id="lianshu", amount="30万元", on=datetime.date(2022, 1, 15)))
    return registry, log

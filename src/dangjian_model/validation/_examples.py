"""Failing and passing examples of every rule, as small registry builders.

The rule reference (``docs/rules.md``) shows their source, and the tests run them: each rule fires on
its failing example and stays silent on its passing one. Most start from :func:`cixi`, the 慈溪 匡堰镇
南部片区 of seed 001 (three villages, a 片区联合党委, a joint company), which validates clean.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable

import attrs

from dangjian_model._enums import AllianceType, LinkageVocabulary, Principle
from dangjian_model._model import (
    THREE_UNCHANGED,
    Agreement,
    Alliance,
    Asset,
    Brand,
    Committee,
    Contribution,
    Figure,
    FigureSource,
    Grid,
    IncomeRecord,
    JointPlan,
    Ledger,
    ListedProject,
    Membership,
    Need,
    PartyOrganisation,
    Person,
    Project,
    Resource,
    Share,
    Team,
    Unit,
)
from dangjian_model._registry import Registry
from dangjian_model.allocation import EqualSplit, Proportional

__all__ = ["EXAMPLES", "Builder", "cixi", "cixi_example", "cixi_seed", "cixi_seed_example"]

Builder = Callable[[], Registry]

#: Rule code → (failing builder, passing builder).
EXAMPLES: dict[str, tuple[Builder, Builder]] = {}
_FAILING: dict[str, Builder] = {}


def _failing(code: str) -> Callable[[Builder], Builder]:
    def register(builder: Builder) -> Builder:
        _FAILING[code] = builder
        return builder

    return register


def _passing(*codes: str) -> Callable[[Builder], Builder]:
    def register(builder: Builder) -> Builder:
        for code in codes:
            EXAMPLES[code] = (_FAILING[code], builder)
        return builder

    return register


FORMED = datetime.date(2020, 6, 1)
VILLAGES = {"changlong": "倡隆村", "qianbing": "乾炳村", "gangdun": "岗墩村"}


def cixi_seed() -> Registry:
    """慈溪 匡堰镇 南部片区 as seed 001 describes it: three villages, their 片区联合党委 (which coordinates
    and is nobody's superior), the company they co-founded, each village's stake and books, 四联三不变.

    The one source of the 片区: ``examples/cixi_three_villages.py`` builds it with this function and
    its configuration files (``.yaml``, ``.json``, ``.toml``) record it; :func:`cixi` adds what the
    rule examples need.
    """
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
    # The figures the seed reports (DOMAIN §6), as it writes them: 3个村子, 新增就业岗位300余个, and each
    # village's collective income up 20%以上 last year (去年, 2020).
    source = FigureSource(title="携手共富，全域党建聚力聚能", published_on="2021-12-06")
    figures = [
        Figure(
            id="cixi-south-villages", metric="成员单位", value="3个", subject_id="cixi-south", source=source
        ),
        Figure(
            id="cixi-south-new-jobs",
            metric="新增就业岗位",
            value="300余个",
            subject_id="cixi-south",
            source=source,
        ),
        *(
            Figure(
                id=f"{id}-income-growth-2020",
                metric="集体经济收入增幅",
                value="20%以上",
                subject_id=id,
                period="2020",
                source=source,
            )
            for id in VILLAGES
        ),
    ]
    return Registry(
        units=units,
        party_organisations=organisations,
        alliances=[alliance],
        projects=[project],
        assets=stakes,
        ledgers=ledgers,
        needs=needs,
        figures=figures,
    )


def cixi() -> Registry:
    """:func:`cixi_seed` with what the rule examples change: codes, people, party groups on two grid cells,
    a "1+4+N" team, a brand, an agreement, a plan for the town, the villages' cash and 原组织隶属关系不变.
    It validates clean."""
    seed = cixi_seed()
    codes = {"kuangyan": "330282104", **{id: f"33028210420{n}" for n, id in enumerate(VILLAGES, start=1)}}
    units = [attrs.evolve(seed.unit(id), division_code=code) for id, code in codes.items()]
    company = attrs.evolve(seed.unit("yishan"), credit_code="91330282MA2H12345D")
    alliance = attrs.evolve(
        seed.alliance("cixi-south"),
        principles=THREE_UNCHANGED | {Principle.AFFILIATION_UNCHANGED},
        agreement=Agreement(title="南部片区共建协议", signed_on=FORMED, expires_on="2025-06-01"),
        # a plan for the whole town, which covers the villages and the company that may join
        joint_plan=JointPlan(title="南部片区联合发展规划", covered_unit_ids=["kuangyan"]),
    )
    project = attrs.evolve(
        seed.project("lianshu-village"),
        contributions=[
            Contribution(contributor_id=id, kind="现金", amount="100万元", on="2020-07-01") for id in VILLAGES
        ],
        started_on="2020-07-01",
    )
    groups = [
        PartyOrganisation(
            id=f"changlong-group-{n}",
            name=f"倡隆村第{n}党小组",
            form="党小组",
            superior_id="changlong-branch",
            full_members=5,
        )
        for n in (1, 2)
    ]
    people = [
        Person(
            id="p-gong",
            name="龚建立",
            roles=["书记"],
            party_organisation_id="changlong-branch",
            standing="正式党员",
            unit_id="changlong",
            id_card="11010519491231002X",
        ),
        Person(id="p-lou", name="楼志明", roles=["楼门长"]),
        Person(id="p-shuang", name="王双华", roles=["双报到党员"], standing="正式党员"),
        Person(id="p-gu", name="陈骨干", roles=["社区骨干"]),
        Person(id="p-wu", name="吴物业", roles=["物业负责人"]),
        Person(id="p-zhi", name="李志愿", roles=["志愿者"]),
    ]
    grids = [
        Grid(
            id="changlong-grid",
            name="倡隆村网格",
            level=1,
            unit_id="changlong",
            party_group_id="changlong-group-1",
        ),
        Grid(
            id="changlong-grid-1",
            name="倡隆村第1网格",
            level=2,
            parent_id="changlong-grid",
            party_group_id="changlong-group-2",
        ),
    ]
    team = Team(
        id="changlong-team",
        name="倡隆村议事先锋队",
        kind="1+4+N",
        party_organisation_id="changlong-branch",
        leader_id="p-gong",
        core_member_ids=["p-lou", "p-shuang", "p-gu", "p-wu"],
        volunteer_ids=["p-zhi"],
    )
    brand = Brand(id="hongfan", name="红帆领航", territory_id="kuangyan", owner_id="kuangyan-committee")
    return seed.with_entities(*units, company, alliance, project, *groups, *people, *grids, team, brand)


#: The public names of the two examples (``dangjian_model.validation.cixi_example``).
cixi_example, cixi_seed_example = cixi, cixi_seed


def _evolve(id: str, **changes: object) -> Registry:
    """:func:`cixi` with one entity changed."""
    registry = cixi()
    entity = registry.find(id)
    assert entity is not None
    return registry.with_entities(attrs.evolve(entity, **changes))  # type: ignore[arg-type]


def _alliance(**changes: object) -> Registry:
    """:func:`cixi` with the alliance changed."""
    return _evolve("cixi-south", **changes)


def _second(type: str, lead_id: str, members: dict[str, str], **fields: object) -> Alliance:
    """A second alliance of ``type`` over some of the villages."""
    return Alliance(
        id="second",
        name="第二联盟",
        type=type,
        lead_id=lead_id,
        memberships=[
            Membership(participant_id=id, role=role, joined_on=FORMED) for id, role in members.items()
        ],
        formed_on=FORMED,
        **fields,  # type: ignore[arg-type]
    )


# ---------------------------------------------------------------- DJ1xx


@_failing("DJ101")
def dj101_failing() -> Registry:
    """A village's superior is misspelt."""
    return _evolve("changlong", superior_id="kuangyang")


@_failing("DJ102")
def dj102_failing() -> Registry:
    """The joint committee field names a village, not a party organisation."""
    return _alliance(joint_committee_id="qianbing")


@_failing("DJ103")
def dj103_failing() -> Registry:
    """A ledger takes the id of a village."""
    return cixi().with_entities(Ledger(id="gangdun", owner_id="gangdun"))


@_failing("DJ104")
def dj104_failing() -> Registry:
    """匡堰镇 is placed under one of its own villages."""
    return _evolve("kuangyan", superior_id="changlong")


@_failing("DJ105")
def dj105_failing() -> Registry:
    """The town committee is placed under one of its own branches."""
    return _evolve("kuangyan-committee", superior_id="qianbing-branch")


@_failing("DJ106")
def dj106_failing() -> Registry:
    """The top grid is placed inside its own child."""
    return _evolve("changlong-grid", parent_id="changlong-grid-1")


@_failing("DJ107")
def dj107_failing() -> Registry:
    """A second-level grid says it is on level 3."""
    return _evolve("changlong-grid-1", level=3)


@_failing("DJ108")
def dj108_failing() -> Registry:
    """岗墩村, a member of an alliance declaring 管理层级不变, is put under the joint company."""
    return _evolve("gangdun", superior_id="yishan")


@_passing("DJ101", "DJ102", "DJ103", "DJ104", "DJ105", "DJ106", "DJ107", "DJ108")
def clean() -> Registry:
    """The 慈溪 片区 as the seed describes it: villages under 匡堰镇, 匡堰镇 under 慈溪市 (a 不设区的市)."""
    return cixi()


# ---------------------------------------------------------------- DJ2xx


@_failing("DJ201")
def dj201_failing() -> Registry:
    """A branch with 2 full members."""
    return _evolve("gangdun-branch", full_members=2, committee=None)


@_passing("DJ201")
def dj201_passing() -> Registry:
    """A branch with exactly 3 full members and one secretary."""
    return _evolve("gangdun-branch", full_members=3, committee=Committee(size=1))


@_failing("DJ202")
def dj202_failing() -> Registry:
    """40 full members and no branch committee on record."""
    return _evolve("gangdun-branch", committee=None)


@_failing("DJ203")
def dj203_failing() -> Registry:
    """A branch of 40 with a committee of 9."""
    return _evolve("gangdun-branch", committee=Committee(size=9, elected_on="2021-01-10", term_years=5))


@_passing("DJ202", "DJ203")
def dj203_passing() -> Registry:
    """A branch of 40 with a committee of 7, the most allowed; the joint committee as a 大党委 of 9 with
    the three village secretaries as concurrent members, and none of its own on record."""
    registry = _evolve("gangdun-branch", committee=Committee(size=7, elected_on="2021-01-10", term_years=5))
    big = Committee(
        size=9, secretary_id="p-gong", member_ids=["p-shuang"], elected_on="2021-01-10", term_years=5
    )
    return registry.with_entities(
        attrs.evolve(registry.party_organisation("south-joint-committee"), full_members=0, committee=big)
    )


@_failing("DJ204")
def dj204_failing() -> Registry:
    """A branch of 5 with a committee of 3."""
    return _evolve("gangdun-branch", full_members=5, committee=Committee(size=3))


@_passing("DJ204")
def dj204_passing() -> Registry:
    """A branch of 5 with a secretary and a deputy."""
    return _evolve("gangdun-branch", full_members=5, committee=Committee(size=2))


@_failing("DJ205")
def dj205_failing() -> Registry:
    """A branch of 48 full and 5 probationary members."""
    return _evolve("gangdun-branch", full_members=48, probationary_members=5)


@_passing("DJ205")
def dj205_passing() -> Registry:
    """A branch of 45 full and 5 probationary members: 50 exactly."""
    return _evolve("gangdun-branch", full_members=45, probationary_members=5)


@_failing("DJ206")
def dj206_failing() -> Registry:
    """A general branch of 120 members."""
    return _evolve("gangdun-branch", form="党总支", full_members=120, committee=Committee(size=5))


@_passing("DJ206")
def dj206_passing() -> Registry:
    """A general branch of 80 members."""
    return _evolve("gangdun-branch", form="党总支", full_members=80, committee=Committee(size=5))


def _shops(n: int) -> list[Unit]:
    return [
        Unit(id=f"shop-{i}", name=f"商户{i}", kind="商户", superior_id="kuangyan") for i in range(1, n + 1)
    ]


def _joint_branch(n: int) -> Registry:
    return cixi().with_entities(
        *_shops(n),
        PartyOrganisation(
            id="shops-branch",
            name="商户联合党支部",
            form="联合党支部",
            superior_id="kuangyan-committee",
            host_unit_ids=[f"shop-{i}" for i in range(1, n + 1)],
            full_members=6,
        ),
    )


@_failing("DJ207")
def dj207_failing() -> Registry:
    """A joint branch over 6 merchants."""
    return _joint_branch(6)


@_failing("DJ208")
def dj208_failing() -> Registry:
    """A joint branch that takes in a village that has its own branch of 40."""
    registry = _joint_branch(2)
    branch = registry.party_organisation("shops-branch")
    return registry.with_entities(attrs.evolve(branch, host_unit_ids=(*branch.host_unit_ids, "gangdun")))


@_passing("DJ207", "DJ208")
def dj208_passing() -> Registry:
    """A joint branch over 5 merchants, none with 3 full members of its own."""
    return _joint_branch(5)


@_failing("DJ209")
def dj209_failing() -> Registry:
    """A village branch committee elected for 6 years."""
    return _evolve("gangdun-branch", committee=Committee(size=5, elected_on="2021-01-10", term_years=6))


@_failing("DJ210")
def dj210_failing() -> Registry:
    """A village branch committee elected for 3 years (villages serve 5)."""
    return _evolve("gangdun-branch", committee=Committee(size=5, elected_on="2021-01-10", term_years=3))


@_failing("DJ211")
def dj211_failing() -> Registry:
    """A committee elected in 2015 for 5 years, judged in 2022 (see the configuration in the tests)."""
    return _evolve("gangdun-branch", committee=Committee(size=5, elected_on="2015-01-10", term_years=5))


@_passing("DJ209", "DJ210", "DJ211")
def dj211_passing() -> Registry:
    """Village branch committees elected in 2021 for 5 years, and a branch of a 小区 within 岗墩村 under
    its branch's general branch: village organisations at every level serve 5."""
    registry = _evolve("gangdun-branch", form="党总支")
    yard = Unit(id="gangdun-yard", name="岗墩村新村小区", kind="楼院", superior_id="gangdun")
    branch = PartyOrganisation(
        id="gangdun-yard-branch",
        name="岗墩村新村小区党支部",
        form="党支部",
        superior_id="gangdun-branch",
        host_unit_ids=["gangdun-yard"],
        full_members=8,
        committee=Committee(size=3, elected_on="2021-01-10", term_years=5),
    )
    return registry.with_entities(yard, branch)


@_failing("DJ212")
def dj212_failing() -> Registry:
    """A branch placed under another branch."""
    return _evolve("gangdun-branch", superior_id="qianbing-branch")


@_passing("DJ212")
def dj212_passing() -> Registry:
    """Branches under the town committee, party groups inside a branch."""
    return cixi()


@_failing("DJ213")
def dj213_failing() -> Registry:
    """A branch dissolved before it was founded."""
    return _evolve("gangdun-branch", founded_on="2010-03-01", dissolved_on="2009-12-31")


@_passing("DJ213")
def dj213_passing() -> Registry:
    """A branch founded in 1955 and still active."""
    return _evolve("gangdun-branch", founded_on="1955-07-01")


# ---------------------------------------------------------------- DJ3xx


def _with_second(alliance: Alliance, *entities: Unit | PartyOrganisation | Project) -> Registry:
    return cixi().with_entities(alliance, *entities)


@_failing("DJ301")
def dj301_failing() -> Registry:
    """A mentoring alliance with two mentors."""
    return _with_second(
        _second("导师帮带型", "changlong", {"changlong": "导师", "qianbing": "导师", "gangdun": "帮带对象"})
    )


@_failing("DJ302")
def dj302_failing() -> Registry:
    """A mentee that is not designated key, weak or lagging."""
    return _with_second(_second("导师帮带型", "changlong", {"changlong": "导师", "gangdun": "帮带对象"}))


@_passing("DJ301", "DJ302")
def dj302_passing() -> Registry:
    """One mentor leads a weak village."""
    registry = _evolve("gangdun", designations=["薄弱村"])
    return registry.with_entities(
        _second("导师帮带型", "changlong", {"changlong": "导师", "gangdun": "帮带对象"})
    )


@_failing("DJ303")
def dj303_failing() -> Registry:
    """A strong-village-led alliance led by a village with no designation."""
    agreement = Agreement(title="强村带动协议", signed_on=FORMED)
    return _with_second(
        _second("强村带动型", "changlong", {"changlong": "牵头", "gangdun": "成员"}, agreement=agreement)
    )


@_failing("DJ304")
def dj304_failing() -> Registry:
    """A strong-village-led alliance without a contract."""
    registry = _evolve("changlong", designations=["强村"])
    return registry.with_entities(
        _second("强村带动型", "changlong", {"changlong": "牵头", "gangdun": "成员"})
    )


@_passing("DJ303", "DJ304")
def dj304_passing() -> Registry:
    """A strong village leads under a contract-based agreement."""
    registry = _evolve("changlong", designations=["强村"])
    agreement = Agreement(title="强村带动协议", signed_on=FORMED, contract_based=True)
    return registry.with_entities(
        _second("强村带动型", "changlong", {"changlong": "牵头", "gangdun": "成员"}, agreement=agreement)
    )


@_failing("DJ305")
def dj305_failing() -> Registry:
    """An industry cluster of villages only."""
    return _with_second(_second("产业集聚型", "changlong", {"changlong": "牵头", "gangdun": "成员"}))


@_passing("DJ305")
def dj305_passing() -> Registry:
    """An industry cluster with the joint company."""
    return _with_second(_second("产业集聚型", "changlong", {"changlong": "牵头", "yishan": "成员"}))


@_failing("DJ306")
def dj306_failing() -> Registry:
    """A project-driven alliance led by a village."""
    return _with_second(
        _second(
            "项目牵引型",
            "changlong",
            {"changlong": "牵头", "gangdun": "核心"},
            key_project_id="lianshu-village",
        )
    )


@_failing("DJ307")
def dj307_failing() -> Registry:
    """A project-driven alliance that names no key project."""
    return _with_second(
        _second("项目牵引型", "kuangyan-committee", {"kuangyan-committee": "牵头", "gangdun": "核心"})
    )


@_passing("DJ306", "DJ307")
def dj307_passing() -> Registry:
    """The town committee leads; its key project is one of its own."""
    project = Project(id="key-project", name="重点项目", alliance_id="second", site_unit_id="gangdun")
    alliance = _second(
        "项目牵引型",
        "kuangyan-committee",
        {"kuangyan-committee": "牵头", "gangdun": "核心"},
        key_project_id="key-project",
    )
    return _with_second(alliance, project)


@_failing("DJ308")
def dj308_failing() -> Registry:
    """A governance alliance of villages only."""
    return _with_second(_second("治理联动型", "changlong", {"changlong": "牵头", "gangdun": "成员"}))


@_passing("DJ308")
def dj308_passing() -> Registry:
    """A governance alliance that takes in the court."""
    court = Unit(id="court", name="慈溪市人民法院", kind="法院", superior_id="cixi")
    return _with_second(_second("治理联动型", "changlong", {"changlong": "牵头", "court": "成员"}), court)


@_failing("DJ309")
def dj309_failing() -> Registry:
    """A service hub with no anchor."""
    return _with_second(_second("服务统筹型", "changlong", {"changlong": "牵头", "gangdun": "成员"}))


@_passing("DJ309")
def dj309_passing() -> Registry:
    """A service hub anchored at the town's service centre."""
    centre = Unit(id="centre", name="匡堰镇党群服务中心", kind="党群服务中心", superior_id="kuangyan")
    alliance = _second(
        "服务统筹型", "changlong", {"changlong": "牵头", "gangdun": "成员"}, anchor_id="centre"
    )
    return _with_second(alliance, centre)


@_failing("DJ310")
def dj310_failing() -> Registry:
    """A good-neighbour alliance of villages of one town."""
    return _with_second(_second("睦邻协作型", "changlong", {"changlong": "牵头", "gangdun": "成员"}))


@_passing("DJ310")
def dj310_passing() -> Registry:
    """A good-neighbour alliance across two towns."""
    town = Unit(id="hengjiang", name="横河镇", kind="镇乡", superior_id="cixi")
    village = Unit(id="neighbour", name="邻村", kind="行政村", superior_id="hengjiang")
    alliance = _second("睦邻协作型", "changlong", {"changlong": "牵头", "neighbour": "成员"})
    return _with_second(alliance, town, village)


def _enclave(site: str | None, *contributors: str) -> Registry:
    project = Project(
        id="enclave",
        name="飞地物业项目",
        alliance_id="second",
        site_unit_id=site,
        contributions=[
            Contribution(contributor_id=id, kind="财政扶持资金", amount="60万元") for id in contributors
        ],
        shares=[Share(holder_id=id, fraction=f"1/{len(contributors)}") for id in contributors],
    )
    alliance = _second(
        "飞地抱团型", "changlong", {"changlong": "牵头", "qianbing": "成员", "gangdun": "成员"}
    )
    return _with_second(alliance, project)


@_failing("DJ311")
def dj311_failing() -> Registry:
    """Only one village pools into the enclave."""
    return _enclave("kuangyan", "gangdun")


@_failing("DJ312")
def dj312_failing() -> Registry:
    """Two villages pool funds, but the enclave's site is not recorded."""
    return _enclave(None, "changlong", "gangdun")


@_passing("DJ311", "DJ312")
def dj312_passing() -> Registry:
    """Three villages pool fiscal support into a project sited in 乾炳村, outside the other two."""
    return _enclave("qianbing", "changlong", "qianbing", "gangdun")


# ---------------------------------------------------------------- DJ4xx


@_failing("DJ401")
def dj401_failing() -> Registry:
    """The lead has left the alliance."""
    registry = cixi()
    alliance = registry.alliance("cixi-south")
    first = attrs.evolve(alliance.memberships[0], left_on="2022-01-01")
    return registry.with_entities(attrs.evolve(alliance, memberships=(first, *alliance.memberships[1:])))


@_failing("DJ402")
def dj402_failing() -> Registry:
    """乾炳村 is listed twice at the same time."""
    registry = cixi()
    alliance = registry.alliance("cixi-south")
    again = Membership(participant_id="qianbing", joined_on="2021-01-01")
    return registry.with_entities(attrs.evolve(alliance, memberships=(*alliance.memberships, again)))


@_failing("DJ403")
def dj403_failing() -> Registry:
    """A member left before it joined."""
    registry = cixi()
    alliance = registry.alliance("cixi-south")
    odd = Membership(participant_id="yishan", joined_on="2021-01-01", left_on="2020-12-01")
    return registry.with_entities(attrs.evolve(alliance, memberships=(*alliance.memberships, odd)))


@_failing("DJ404")
def dj404_failing() -> Registry:
    """A member joined before the alliance was formed."""
    registry = cixi()
    alliance = registry.alliance("cixi-south")
    early = Membership(participant_id="yishan", joined_on="2019-01-01")
    return registry.with_entities(attrs.evolve(alliance, memberships=(*alliance.memberships, early)))


@_failing("DJ405")
def dj405_failing() -> Registry:
    """Dissolved before it was formed."""
    return _alliance(dissolved_on="2019-01-01")


@_failing("DJ406")
def dj406_failing() -> Registry:
    """The agreement expires before it was signed."""
    return _alliance(agreement=Agreement(title="共建协议", signed_on=FORMED, expires_on="2019-06-01"))


@_failing("DJ407")
def dj407_failing() -> Registry:
    """Only the lead is left."""
    registry = cixi()
    alliance = registry.alliance("cixi-south")
    gone = [attrs.evolve(m, left_on="2023-01-01") for m in alliance.memberships[1:]]
    return registry.with_entities(attrs.evolve(alliance, memberships=(alliance.memberships[0], *gone)))


@_passing("DJ401", "DJ402", "DJ403", "DJ404", "DJ405", "DJ406", "DJ407")
def dj40x_passing() -> Registry:
    """The company joins later, leaves, and joins again; the alliance's dates are in order."""
    registry = cixi()
    alliance = registry.alliance("cixi-south")
    history = (
        Membership(participant_id="yishan", joined_on="2021-01-01", left_on="2022-01-01"),
        Membership(participant_id="yishan", joined_on="2022-01-01"),
    )
    return registry.with_entities(attrs.evolve(alliance, memberships=(*alliance.memberships, *history)))


@_failing("DJ411")
def dj411_failing() -> Registry:
    """四联 declared, but no joint committee or joint branch."""
    return _alliance(joint_committee_id=None)


@_failing("DJ412")
def dj412_failing() -> Registry:
    """四联 declared, but no shared project or company."""
    return cixi().without("lianshu-village")


@_failing("DJ413")
def dj413_failing() -> Registry:
    """四联 declared, but the plan covers only 倡隆村."""
    return _alliance(joint_plan=JointPlan(title="倡隆村规划", covered_unit_ids=["changlong"]))


@_failing("DJ414")
def dj414_failing() -> Registry:
    """四联 declared, but nothing on the alliance's lists."""
    return cixi().without("need-joint-governance")


@_passing("DJ411", "DJ412", "DJ413", "DJ414")
def four_links_passing() -> Registry:
    """The 慈溪 片区: joint committee, joint company, a plan for the town, a need on its list."""
    return cixi()


@_failing("DJ421")
def dj421_failing() -> Registry:
    """A village branch is re-affiliated to the joint committee; 乾炳村 is put under the joint company."""
    registry = _evolve("gangdun-branch", superior_id="south-joint-committee")
    return registry.with_entities(attrs.evolve(registry.unit("qianbing"), superior_id="yishan"))


@_failing("DJ422")
def dj422_failing() -> Registry:
    """A village's collective asset is recorded as the company's."""
    return _evolve("gangdun-stake", owner_id="yishan")


@_failing("DJ423")
def dj423_failing() -> Registry:
    """The joint committee keeps a ledger."""
    return cixi().with_entities(Ledger(id="pooled-books", owner_id="south-joint-committee"))


@_failing("DJ424")
def dj424_failing() -> Registry:
    """The secretary's membership is moved to the joint committee."""
    return _evolve("p-gong", party_organisation_id="south-joint-committee")


@_passing("DJ421", "DJ422", "DJ423", "DJ424")
def three_unchanged_passing() -> Registry:
    """Superiors, assets, books and people stay where they were."""
    return cixi()


@_failing("DJ431")
def dj431_failing() -> Registry:
    """The team is led by the building leader."""
    return _evolve("changlong-team", leader_id="p-lou")


@_failing("DJ432")
def dj432_failing() -> Registry:
    """The property manager is missing from the '4'."""
    return _evolve("changlong-team", core_member_ids=["p-lou", "p-shuang", "p-gu"])


@_failing("DJ433")
def dj433_failing() -> Registry:
    """No volunteers."""
    return _evolve("changlong-team", volunteer_ids=[])


@_passing("DJ431", "DJ432", "DJ433")
def team_passing() -> Registry:
    """1 secretary, 4 core members in the four roles, 1 volunteer."""
    return cixi()


@_failing("DJ441")
def dj441_failing() -> Registry:
    """One cell of a grid system with party groups has none."""
    return _evolve("changlong-grid-1", party_group_id=None)


@_failing("DJ442")
def dj442_failing() -> Registry:
    """A grid names a branch as its party group."""
    return _evolve("changlong-grid-1", party_group_id="changlong-branch")


@_passing("DJ441", "DJ442")
def grid_passing() -> Registry:
    """The bottom cell has a party group; the top cell (the whole village) has none and needs none."""
    return _evolve("changlong-grid", party_group_id=None)


@_failing("DJ451")
def dj451_failing() -> Registry:
    """匡堰镇 carries two brands."""
    return cixi().with_entities(Brand(id="second-brand", name="红色邻里", territory_id="kuangyan"))


@_failing("DJ452")
def dj452_failing() -> Registry:
    """A brand with neither territory nor field."""
    return cixi().with_entities(Brand(id="second-brand", name="红色邻里"))


@_passing("DJ451", "DJ452")
def brand_passing() -> Registry:
    """One brand for 匡堰镇 and one for the schools."""
    return cixi().with_entities(Brand(id="second-brand", name="红色邻里", field="学校"))


# ---------------------------------------------------------------- DJ5xx


def _project(**changes: object) -> Registry:
    return _evolve("lianshu-village", **changes)


@_failing("DJ501")
def dj501_failing() -> Registry:
    """Shares of 1/3, 1/3 and 0.33."""
    return _project(
        shares=[
            Share(holder_id="changlong", fraction="1/3"),
            Share(holder_id="qianbing", fraction="1/3"),
            Share(holder_id="gangdun", fraction="0.33"),
        ]
    )


@_failing("DJ502")
def dj502_failing() -> Registry:
    """Fiscal support with no amount."""
    return _project(contributions=[Contribution(contributor_id="gangdun", kind="财政扶持资金")])


@_failing("DJ503")
def dj503_failing() -> Registry:
    """A land quota in square metres."""
    return _project(
        contributions=[
            Contribution(
                contributor_id="gangdun", kind="建设用地指标", quantity="8000", quantity_unit="平方米"
            )
        ]
    )


@_failing("DJ504")
def dj504_failing() -> Registry:
    """The town holds a share but is no member."""
    return _project(
        shares=[Share(holder_id="changlong", fraction="1/2"), Share(holder_id="kuangyan", fraction="1/2")]
    )


@_failing("DJ505")
def dj505_failing() -> Registry:
    """倡隆村 holds two share entries."""
    return _project(
        shares=[Share(holder_id="changlong", fraction="1/2"), Share(holder_id="changlong", fraction="1/2")]
    )


@_failing("DJ506")
def dj506_failing() -> Registry:
    """Income, but no shares or contributions."""
    return _project(shares=[], contributions=[])


@_failing("DJ507")
def dj507_failing() -> Registry:
    """Income recorded before the project started."""
    return _project(income=[IncomeRecord(on="2019-12-31", amount="1万元")])


@_failing("DJ508")
def dj508_failing() -> Registry:
    """An equal split that names a village which holds no share of the project."""
    return _project(contributions=[], allocation_rule=EqualSplit(member_ids=["changlong", "stranger"]))


@_passing("DJ501", "DJ502", "DJ503", "DJ504", "DJ505", "DJ506", "DJ507", "DJ508")
def project_passing() -> Registry:
    """Three equal shares split by share, cash with amounts and a land quota in 亩."""
    quota = Contribution(
        contributor_id="gangdun", kind="建设用地指标", quantity="12.5", quantity_unit="亩", on="2020-07-01"
    )
    project = cixi().project("lianshu-village")
    return _project(
        contributions=(*project.contributions, quota), allocation_rule=Proportional(basis="share")
    )


def _listed(provider_id: str) -> Registry:
    """乾炳村 offers its hall on the 资源清单; ``provider_id`` claims the cleanup need with it."""
    return cixi().with_entities(
        Resource(id="res-hall", title="村文化礼堂", provider_id="qianbing", alliance_id="cixi-south"),
        Resource(id="res-town-hall", title="镇文化站", provider_id="kuangyan", alliance_id="cixi-south"),
        ListedProject(
            id="proj-cleanup",
            title="环境卫生整治志愿服务",
            need_id="need-joint-governance",
            provider_id=provider_id,
            resource_id="res-town-hall" if provider_id == "kuangyan" else "res-hall",
            alliance_id="cixi-south",
        ),
    )


@_failing("DJ509")
def dj509_failing() -> Registry:
    """倡隆村 claims the need with 乾炳村's hall."""
    return _listed("changlong")


@_failing("DJ510")
def dj510_failing() -> Registry:
    """匡堰镇, no member of the 片区 alliance, claims the need with its own cultural station."""
    return _listed("kuangyan")


@_passing("DJ509", "DJ510")
def listed_passing() -> Registry:
    """乾炳村, a member, claims the need with its own hall."""
    return _listed("qianbing")


# ---------------------------------------------------------------- DJ6xx


@_failing("DJ601")
def dj601_failing() -> Registry:
    """A credit code whose check character is wrong."""
    return _evolve("yishan", credit_code="91330282MA2H12345A")


@_passing("DJ601")
def dj601_passing() -> Registry:
    """A credit code that starts with a letter (Y: other authorities) and checks out."""
    return _evolve("yishan", credit_code="Y1330282MA2H12345P")


@_failing("DJ602")
def dj602_failing() -> Registry:
    """A division code of 8 digits."""
    return _evolve("kuangyan", division_code="33028210")


@_failing("DJ604")
def dj604_failing() -> Registry:
    """A town with a 6-digit (county) code."""
    return _evolve("kuangyan", division_code="330282")


@_passing("DJ602", "DJ604")
def division_passing() -> Registry:
    """6 digits for the city, 9 for the town, 12 for the villages."""
    return cixi()


@_failing("DJ603")
def dj603_failing() -> Registry:
    """An ID-card number with the wrong check character (shown masked)."""
    return _evolve("p-gong", id_card="110105194912310021")


@_passing("DJ603")
def dj603_passing() -> Registry:
    """A valid ID-card number."""
    return cixi()

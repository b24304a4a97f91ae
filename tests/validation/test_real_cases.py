"""Right on real cases, both ways: no false alarm on what the seeds show, no breach that passes (issue 14)."""

from __future__ import annotations

import datetime

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from dangjian_model import (
    Committee,
    Grid,
    InvalidValue,
    ListedProject,
    PartyOrganisation,
    Person,
    Principle,
    Registry,
    Resource,
    Unit,
    lifecycle,
)
from dangjian_model.files import ConfigError, loads
from dangjian_model.strategies import registries
from dangjian_model.validation import ValidationConfig, cixi_example, validate, validate_alliance
from dangjian_model.validation._context import Context

DAY = datetime.date(2022, 3, 1)


# ---------------------------------------------------------------- administrative superiors (DJ108, DJ421)


def test_a_member_village_put_under_the_joint_company_breaks_the_management_hierarchy() -> None:
    registry = cixi_example()
    moved = registry.with_entities(attrs.evolve(registry.unit("gangdun"), superior_id="yishan"))
    report = validate(moved)
    (kind,) = report.by_code("DJ108")
    assert kind.path == "units[gangdun].superior_id"
    assert "管理层级不变" in kind.message_zh and "管理层级不变" in kind.message_en
    assert kind.alliance_id == "cixi-south"
    (hierarchy,) = report.by_code("DJ421")
    assert hierarchy.path == "units[gangdun].superior_id" and "共建公司" in hierarchy.message_zh
    # one alliance checked alone sees the breach too, and the lifecycle refuses the same move
    assert validate_alliance(moved, "cixi-south").by_code("DJ421")
    with pytest.raises(lifecycle.PrincipleViolation, match="管理层级不变"):
        lifecycle.move_unit(registry, unit_id="gangdun", superior_id="yishan", on=DAY)


def _territories(kind: str, superior_kind: str) -> Registry:
    return Registry(
        units=[
            Unit(id="above", name="上级", kind=superior_kind),
            Unit(id="below", name="下级", kind=kind, superior_id="above"),
        ]
    )


@pytest.mark.parametrize(
    ("kind", "superior_kind"),
    [
        ("行政村", "镇乡"),  # 村民委员会组织法 art. 5
        ("行政村", "街道"),
        ("社区", "街道"),  # 城市居民委员会组织法 art. 2: the 街道办事处, a 市辖区 or a 不设区的市
        ("社区", "区县"),
        ("社区", "市"),
        ("社区", "镇乡"),
        ("街道", "区县"),  # 地方组织法: 街道办事处 of a 市辖区 or 不设区的市
        ("街道", "市"),
        ("镇乡", "区县"),  # 宪法 art. 30
        ("镇乡", "市"),  # 慈溪市, a county-level city
        ("区县", "市"),
    ],
)
def test_a_territory_under_an_admissible_kind_of_superior_passes(kind: str, superior_kind: str) -> None:
    assert "DJ108" not in validate(_territories(kind, superior_kind)).codes


@pytest.mark.parametrize(
    ("kind", "superior_kind"),
    [
        ("行政村", "集体企业"),
        ("行政村", "民营企业"),
        ("行政村", "机关"),
        ("行政村", "区县"),
        ("行政村", "行政村"),
        ("社区", "物业公司"),
        ("街道", "街道"),
        ("镇乡", "镇乡"),
        ("区县", "街道"),
    ],
)
def test_a_territory_under_a_firm_an_organ_or_the_wrong_level_is_reported(
    kind: str, superior_kind: str
) -> None:
    (finding,) = validate(_territories(kind, superior_kind)).by_code("DJ108")
    assert finding.path == "units[below].superior_id"
    assert "管理层级不变" not in finding.message_zh  # not a member of any alliance
    assert finding.alliance_id is None


def test_units_that_are_not_territories_may_sit_under_anything_registered() -> None:
    registry = Registry(
        units=[
            Unit(id="village", name="村", kind="行政村"),
            Unit(id="firm", name="村集体企业", kind="集体企业", superior_id="village"),
            Unit(id="shop", name="商户", kind="商户", superior_id="firm"),
        ]
    )
    assert "DJ108" not in validate(registry).codes


@given(registries(max_alliances=3))
def test_the_members_validation_protects_are_those_the_lifecycle_protects(registry: Registry) -> None:
    protecting = Context.build(registry).hierarchy_protecting
    for unit in registry.units:
        expected = lifecycle.protecting_alliances(registry, Principle.MANAGEMENT_HIERARCHY_UNCHANGED, unit.id)
        assert {a.id for a in protecting.get(unit.id, ())} == {a.id for a in expected}


# ---------------------------------------------------------------- committees (DJ203)


def test_a_joint_committee_with_concurrent_members_and_none_of_its_own_is_no_committee_size_problem() -> None:
    registry = cixi_example()
    big = Committee(
        size=9, secretary_id="p-gong", member_ids=["p-shuang"], elected_on="2021-01-10", term_years=5
    )
    for form in ("片区联合党委", "党工委", "党委"):
        joint = attrs.evolve(
            registry.party_organisation("south-joint-committee"), form=form, full_members=0, committee=big
        )
        assert "DJ203" not in validate(registry.with_entities(joint)).codes, form


def test_a_general_branch_committee_larger_than_its_members_is_reported_with_its_count() -> None:
    registry = cixi_example()
    general = attrs.evolve(
        registry.party_organisation("gangdun-branch"),
        form="党总支",
        full_members=5,
        committee=Committee(size=7),
    )
    (finding,) = validate(registry.with_entities(general)).by_code("DJ203")
    assert "5" in finding.message_zh and "5 members" in finding.message_en


# ---------------------------------------------------------------- terms (DJ209–211, Committee.term_years)


def _community(yard_branch_term: int) -> Registry:
    return Registry(
        units=[
            Unit(id="district", name="西城区", kind="区县"),
            Unit(id="street", name="牛街街道", kind="街道", superior_id="district"),
            Unit(id="community", name="东里社区", kind="社区", superior_id="street"),
            Unit(id="yard", name="东里社区楼院1", kind="楼院", superior_id="community"),
            Unit(id="mall", name="商圈", kind="商圈", superior_id="street"),
        ],
        party_organisations=[
            PartyOrganisation(
                id="street-committee", name="街道党工委", form="党工委", host_unit_ids=["street"]
            ),
            PartyOrganisation(
                id="community-committee",
                name="东里社区党委",
                form="党委",
                superior_id="street-committee",
                host_unit_ids=["community"],
                full_members=180,
                committee=Committee(size=7, elected_on="2021-06-01", term_years=5),
            ),
            PartyOrganisation(
                id="yard-branch",
                name="东里社区楼院1党支部",
                form="党支部",
                superior_id="community-committee",
                host_unit_ids=["yard"],
                full_members=12,
                committee=Committee(size=3, elected_on="2021-06-01", term_years=yard_branch_term),
            ),
            PartyOrganisation(
                id="mall-branch",
                name="商圈党支部",
                form="党支部",
                superior_id="community-committee",
                host_unit_ids=["mall"],
                full_members=9,
                committee=Committee(size=3, elected_on="2023-03-01", term_years=3),
            ),
        ],
    )


def test_a_yard_branch_of_a_community_serves_five_years_like_the_community() -> None:
    assert "DJ210" not in validate(_community(5)).codes
    (finding,) = validate(_community(3)).by_code("DJ210")
    assert finding.path == "party_organisations[yard-branch].committee.term_years"
    assert "5" in finding.message_zh


def test_a_business_district_branch_under_a_community_keeps_the_three_years_of_other_branches() -> None:
    assert all("mall-branch" not in f.path for f in validate(_community(5)).findings)


@pytest.mark.parametrize("years", [11, 8000, 10**20])
def test_an_absurd_term_is_refused_when_the_committee_is_made(years: int) -> None:
    with pytest.raises(InvalidValue, match=r"Committee\.term_years.*3–5"):
        Committee(size=5, elected_on="2021-01-10", term_years=years)


@pytest.mark.parametrize("text", ["8000", "1e20", "100000000000000000000"])
def test_an_absurd_term_in_a_file_is_a_config_error_not_a_crash(text: str) -> None:
    document = f"""
version: 1
party_organisations:
  - id: o
    name: 党支部
    form: 党支部
    full_members: 9
    committee: {{size: 5, elected_on: '2021-01-10', term_years: {text}}}
"""
    with pytest.raises(ConfigError, match="term_years"):
        loads(document, "yaml")


@given(st.dates(), st.integers(min_value=1, max_value=10))
def test_the_end_of_a_term_is_always_an_answer_and_after_the_election(
    elected: datetime.date, years: int
) -> None:
    ends = Committee(size=3, elected_on=elected, term_years=years).term_ends_on
    assert ends is None or ends > elected
    assert (ends is None) == (elected.year + years > datetime.MAXYEAR)


@pytest.mark.parametrize("elected", ["9995-02-28", "9999-12-31", "2020-02-29"])
def test_terms_near_the_end_of_the_calendar_validate_without_an_exception(elected: str) -> None:
    registry = cixi_example()
    branch = registry.party_organisation("gangdun-branch")
    late = attrs.evolve(branch, committee=Committee(size=5, elected_on=elected, term_years=5))
    report = validate(registry.with_entities(late), ValidationConfig(as_of=datetime.date(9999, 12, 31)))
    assert "DJ211" in report.codes or elected != "2020-02-29"


# ---------------------------------------------------------------- grids (DJ441)


def _grid_system() -> Registry:
    """A subdistrict's grid system as seed 003 builds it: party groups on the bottom cells only."""
    groups = [
        PartyOrganisation(
            id="branch", name="支部", form="党支部", full_members=9, committee=Committee(size=3)
        ),
        *(
            PartyOrganisation(id=f"group-{n}", name=f"第{n}党小组", form="党小组", superior_id="branch")
            for n in (1, 2)
        ),
    ]
    grids = [
        Grid(id="top", name="东区街道", level=1),
        Grid(id="mid", name="花苑社区", level=2, parent_id="top"),
        Grid(id="cell-1", name="第1网格", level=3, parent_id="mid", party_group_id="group-1"),
        Grid(id="cell-2", name="第2网格", level=3, parent_id="mid", party_group_id="group-2"),
    ]
    return Registry(party_organisations=groups, grids=grids)


def test_party_groups_on_the_bottom_cells_are_enough_by_default() -> None:
    assert "DJ441" not in validate(_grid_system()).codes


def test_a_bottom_cell_without_a_party_group_is_reported_by_default() -> None:
    registry = _grid_system()
    (cell,) = [grid for grid in registry.grids if grid.id == "cell-2"]
    bare = registry.with_entities(attrs.evolve(cell, party_group_id=None))
    assert [f.path for f in validate(bare).by_code("DJ441")] == ["grids[cell-2].party_group_id"]


def test_the_levels_that_carry_party_groups_are_configurable_for_all_systems_or_one() -> None:
    registry = _grid_system()
    upper = ValidationConfig(grid_party_group_levels=[2, 3])
    assert [f.path for f in validate(registry, upper).by_code("DJ441")] == ["grids[mid].party_group_id"]
    this_one = ValidationConfig(grid_party_group_levels_by_system={"elsewhere": [2], "top": [1]})
    assert [f.path for f in validate(registry, this_one).by_code("DJ441")] == ["grids[top].party_group_id"]
    other = ValidationConfig(grid_party_group_levels=[1], grid_party_group_levels_by_system={"top": "bottom"})
    assert "DJ441" not in validate(registry, other).codes


@pytest.mark.parametrize("levels", [0, -1, "top", 1.5, [3, "4"]])
def test_grid_levels_that_are_not_whole_numbers_from_1_are_refused(levels: object) -> None:
    with pytest.raises(InvalidValue, match="grid levels such as"):
        ValidationConfig(grid_party_group_levels=levels)  # type: ignore[arg-type]
    with pytest.raises(InvalidValue, match=r"by_system\['top'\]"):
        ValidationConfig(grid_party_group_levels_by_system={"top": levels})  # type: ignore[dict-item]


# ---------------------------------------------------------------- listed projects (DJ509, DJ510)


def _claimed(provider_id: str, resource_provider_id: str | None = "qianbing") -> Registry:
    other = attrs.evolve(cixi_example().alliance("cixi-south"), id="other", name="另一联盟")
    return cixi_example().with_entities(
        other,
        Resource(id="hall", title="村文化礼堂", provider_id=resource_provider_id, alliance_id="cixi-south"),
        ListedProject(
            id="claim",
            title="环境整治",
            provider_id=provider_id,
            resource_id="hall",
            alliance_id="cixi-south",
        ),
        ListedProject(id="elsewhere", title="别处", provider_id="kuangyan", alliance_id="other"),
        ListedProject(id="unclaimed", title="尚未认领", resource_id="hall", alliance_id="cixi-south"),
    )


def test_a_claim_with_someone_elses_resource_is_reported() -> None:
    (finding,) = validate(_claimed("changlong")).by_code("DJ509")
    assert finding.path == "listed_projects[claim].provider_id"
    assert finding.alliance_id == "cixi-south"


def test_a_resource_with_no_provider_on_record_can_be_used_by_any_claimant() -> None:
    assert "DJ509" not in validate(_claimed("changlong", None)).codes


def test_a_claim_by_a_non_member_is_reported_and_by_a_members_people_is_not() -> None:
    paths = [f.path for f in validate(_claimed("qianbing")).by_code("DJ510")]
    assert paths == ["listed_projects[elsewhere].provider_id"]
    worker = Person(id="worker", name="村民", unit_id="qianbing")
    by_person = _claimed("worker", "worker").with_entities(worker)
    assert [f.path for f in validate(by_person).by_code("DJ510")] == paths


def test_one_alliance_checked_alone_reports_only_its_own_listed_projects() -> None:
    report = validate_alliance(_claimed("changlong"), "cixi-south")
    assert report.by_code("DJ509") and "DJ510" not in report.codes

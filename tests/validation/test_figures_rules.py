"""DJ8xx beyond the catalogue's examples, and what the open vocabularies, teams, advisers, secondary types
and grid templates change in the rules that were there before."""

from __future__ import annotations

import datetime

import attrs
import pytest
from hypothesis import given

from dangjian_model import (
    Alliance,
    Contribution,
    CustomTerm,
    ExitCondition,
    Figure,
    Grid,
    GridLevel,
    GridSystem,
    ListedProject,
    Membership,
    PartyOrganisation,
    Person,
    Registry,
    Team,
    Truth,
    Unit,
    exits_due,
    strategies,
)
from dangjian_model.validation import ValidationConfig, cixi_example, validate, validate_alliance

CONFIG = ValidationConfig(as_of=datetime.date(2022, 1, 1))


def _codes(registry: Registry, config: ValidationConfig = CONFIG) -> set[str]:
    return set(validate(registry, config).codes)


def test_a_reported_count_of_party_members_below_the_people_listed_is_an_error() -> None:
    registry = cixi_example()
    branch = registry.party_organisation("changlong-branch")  # 40 full members on record
    below = Figure(id="f", metric="党员", value="30人", subject_id=branch.id)
    about = Figure(id="f", metric="党员", value="约40人", subject_id=branch.id)
    percent = Figure(id="f", metric="党员", value="30%", subject_id=branch.id)
    assert "DJ802" in _codes(registry.with_entities(below))
    assert "DJ802" not in _codes(registry.with_entities(about))
    assert "DJ802" not in _codes(registry.with_entities(percent))  # also DJ801: the unit is no count


def test_a_figure_about_nothing_is_an_unresolved_reference_and_one_about_the_registry_is_fine() -> None:
    registry = cixi_example()
    assert "DJ101" in _codes(
        registry.with_entities(Figure(id="f", metric="就业岗位", value="3个", subject_id="x"))
    )
    assert not _codes(registry.with_entities(Figure(id="f", metric="就业岗位", value="3个")))


def test_custom_terms_are_reported_as_information_where_they_stand() -> None:
    registry = cixi_example()
    person = attrs.evolve(registry.person("p-zhi"), roles=["志愿者", "文明劝导员"])
    figure = Figure(id="f", metric="快乐指数", value="3艘")
    project = registry.project("lianshu-village")
    contribution = Contribution(contributor_id="changlong", kind="场地", quantity="44", quantity_unit="栋")
    changed = registry.with_entities(
        person, figure, attrs.evolve(project, contributions=(*project.contributions, contribution))
    )
    report = validate(changed, CONFIG)
    paths = {f.path for f in report.by_code("DJ803")}
    assert paths == {
        "people[p-zhi].roles",
        "figures[f].metric",
        "figures[f].value",
        "projects[lianshu-village].contributions[3].quantity_unit",
    }
    assert not report.has_errors


def test_a_custom_linkage_is_reported_for_its_alliance_alone_too() -> None:
    registry = cixi_example()
    alliance = attrs.evolve(registry.alliance("cixi-south"), linkages=["党建联盟", "红色结对"])
    condition = ExitCondition(metric="分红", above="10万元", term_years=3)
    registry = registry.with_entities(attrs.evolve(alliance, exit_conditions=[condition]))
    findings = validate_alliance(registry, "cixi-south", CONFIG).by_code("DJ803")
    assert {f.path for f in findings} == {
        "alliances[cixi-south].linkages",
        "alliances[cixi-south].exit_conditions",
    }
    assert all(f.alliance_id == "cixi-south" for f in findings)


def test_a_team_may_be_an_adviser_and_advisers_do_not_make_an_alliance_of_two() -> None:
    registry = cixi_example()
    team = Team(id="professors", name="教授团队", kind="教授团队")
    friend = Person(id="friend", name="国际友人", roles=["国际友人"])
    second = Alliance(
        id="second",
        name="第二联盟",
        type="片区联盟",
        lead_id="changlong",
        memberships=[
            Membership(participant_id="changlong", role="牵头"),
            Membership(participant_id="professors", role="顾问"),
            Membership(participant_id="friend", role="顾问"),
        ],
    )
    codes = _codes(registry.with_entities(team, friend, second))
    assert "DJ101" not in codes and "DJ102" not in codes
    assert "DJ407" in codes
    member = attrs.evolve(second, memberships=(*second.memberships, Membership(participant_id="qianbing")))
    assert "DJ407" not in _codes(registry.with_entities(team, friend, member))


def test_a_person_working_at_a_firm_does_not_make_an_alliance_an_industry_cluster() -> None:
    registry = cixi_example()
    firm = Unit(id="firm", name="某企业", kind="民营企业", superior_id="kuangyan")
    worker = Person(id="worker", name="某职工", unit_id="firm")
    alliance = attrs.evolve(
        registry.alliance("cixi-south"),
        memberships=(
            *registry.alliance("cixi-south").memberships,
            Membership(participant_id="worker", role="顾问"),
        ),
    )
    as_cluster = attrs.evolve(alliance, secondary_types=["产业集聚型"])
    assert "DJ305" in _codes(registry.with_entities(firm, worker, as_cluster))
    with_firm = attrs.evolve(
        as_cluster, memberships=(*as_cluster.memberships, Membership(participant_id="firm"))
    )
    assert "DJ305" not in _codes(registry.with_entities(firm, worker, with_firm))
    assert as_cluster.types[0].value == "cluster" and len(as_cluster.types) == 2


def test_a_grid_template_sets_the_party_group_levels_unless_the_configuration_names_its_own() -> None:
    registry = cixi_example()  # two cells, both with a party group
    bare = Grid(id="changlong-grid-2", name="倡隆村第2网格", level=2, parent_id="changlong-grid")
    system = GridSystem(
        id="changlong-grids",
        name="倡隆村网格",
        levels=[GridLevel(count=1), GridLevel(count=2, party_groups=True)],
        top_grid_id="changlong-grid",
    )
    with_bare = registry.with_entities(bare, system)
    assert "DJ441" in _codes(with_bare)
    assert "DJ804" not in _codes(with_bare)
    own = ValidationConfig(grid_party_group_levels_by_system={"changlong-grid": [1]}, as_of=CONFIG.as_of)
    assert "DJ441" not in _codes(with_bare, own)
    without_groups = attrs.evolve(system, levels=[GridLevel(count=1), GridLevel(count=2)])
    assert "DJ441" in _codes(registry.with_entities(bare, without_groups))  # bottom cells, as before


def test_cells_deeper_than_the_template_are_counted_against_nothing() -> None:
    registry = cixi_example()
    system = GridSystem(id="gs", name="倡隆村网格", levels=[GridLevel(count=1)], top_grid_id="changlong-grid")
    report = validate(registry.with_entities(system), CONFIG)
    assert [f.message_en for f in report.by_code("DJ804")] == [
        "1 level-2 cells are listed; the template says 0"
    ]


def test_an_expanded_template_validates_against_itself() -> None:
    registry = cixi_example()
    system = GridSystem(
        id="gs",
        name="示意网格",
        levels=[GridLevel(count=1), GridLevel(count=3), GridLevel(count=7, party_groups=True)],
        party_organisation_id="changlong-branch",
        unit_id="changlong",
    )
    cells = system.expand()
    grids = [c for c in cells if isinstance(c, Grid)]
    groups = [c for c in cells if isinstance(c, PartyOrganisation)]
    assert [sum(g.level == n for g in grids) for n in (1, 2, 3)] == [1, 3, 7]
    assert len(groups) == 7 and all(g.superior_id == "changlong-branch" for g in groups)
    parents = [g.parent_id for g in grids if g.level == 3]
    assert sorted(parents.count(p) for p in set(parents)) == [2, 2, 3]
    full = registry.with_entities(system, *cells)
    assert not {"DJ441", "DJ804", "DJ101"} & _codes(full)
    assert system.root_ids() == ("gs-1-1",)


def _keqiao(*figures: Figure, left_on: str | None = None, formed_on: str | None = "2019-01-01") -> Registry:
    villages = [Unit(id=f"kq-{n}", name=f"柯桥{n}村", kind="行政村") for n in (1, 2, 3)]
    branch = PartyOrganisation(id="kq-3-branch", name="柯桥3村党支部", form="党支部", host_unit_ids=["kq-3"])
    alliance = Alliance(
        id="keqiao",
        name="柯桥飞地抱团",
        type="片区联盟",
        lead_id="kq-1",
        formed_on=formed_on,
        memberships=[
            Membership(participant_id="kq-1"),
            Membership(participant_id="kq-2", left_on=left_on),
            Membership(participant_id="kq-3-branch"),
        ],
        exit_conditions=[ExitCondition(metric="经营性收入", above="150万元", term_years=3)],
    )
    return Registry(units=villages, party_organisations=[branch], alliances=[alliance], figures=figures)


def test_an_exit_condition_names_who_leaves_and_when() -> None:
    high = Figure(id="a", metric="经营性收入", value="180万元", subject_id="kq-2", on="2020-12-31")
    later = Figure(id="b", metric="经营性收入", value="200万元", subject_id="kq-2", on="2023-12-31")
    unsure = Figure(id="c", metric="经营性收入", value="约150万元", subject_id="kq-3", on="2021-06-30")
    low = Figure(id="d", metric="经营性收入", value="100万元", subject_id="kq-1", on="2021-06-30")
    other_unit = Figure(id="e", metric="经营性收入", value="180个", subject_id="kq-1", on="2021-06-30")
    due = exits_due(_keqiao(high, later, unsure, low, other_unit), "keqiao")
    found = {(d.participant_id, d.leave_on, d.truth, d.shown_by) for d in due}
    assert found == {
        ("kq-2", datetime.date(2022, 1, 1), Truth.TRUE, "a"),
        ("kq-3-branch", datetime.date(2022, 1, 1), Truth.UNKNOWN, "c"),  # by its host village's figure
    }


def test_a_member_gone_before_the_figure_is_not_sent_out_and_one_staying_late_is_flagged() -> None:
    high = Figure(id="a", metric="经营性收入", value="180万元", subject_id="kq-2", on="2020-12-31")
    assert not exits_due(_keqiao(high, left_on="2020-06-01"), "keqiao")
    late = _keqiao(high, left_on="2023-01-01")
    assert {"DJ805", "DJ806"} <= _codes(late)
    stayed = _keqiao(high)
    assert "DJ806" not in _codes(stayed)  # 2022-01-01: the very day it leaves
    assert "DJ806" in _codes(stayed, ValidationConfig(as_of=datetime.date(2022, 1, 2)))
    assert "DJ806" not in _codes(stayed, ValidationConfig())  # without a day to judge by


def test_without_a_start_or_a_day_the_exit_is_named_without_a_date() -> None:
    undated = Figure(id="a", metric="经营性收入", value="180万元", subject_id="kq-2")
    (due,) = exits_due(_keqiao(undated, formed_on=None), "keqiao")
    assert due.leave_on is None
    (dated,) = exits_due(_keqiao(undated), "keqiao", on=datetime.date(2022, 3, 1))
    assert dated.leave_on == datetime.date(2025, 1, 1)
    report = validate(_keqiao(undated, formed_on=None), CONFIG)
    assert [f.message_en.endswith("leaves at term end (shown by a)") for f in report.by_code("DJ805")] == [
        True
    ]


def test_the_collective_income_field_counts_for_a_collective_income_condition() -> None:
    registry = _keqiao()
    alliance = registry.alliance("keqiao")
    condition = ExitCondition(
        metric="村集体经济收入", above="150万元", term_years=3, terms_start_on="2020-01-01"
    )
    rich = attrs.evolve(registry.unit("kq-2"), collective_income="160万元")
    registry = registry.with_entities(rich, attrs.evolve(alliance, exit_conditions=[condition]))
    (due,) = exits_due(registry, "keqiao", on=datetime.date(2021, 5, 1))
    assert (due.participant_id, due.shown_by, due.leave_on) == (
        "kq-2",
        "collective_income",
        datetime.date(2023, 1, 1),
    )


def test_the_earliest_sure_exit_is_the_one_named() -> None:
    first = Figure(id="a", metric="经营性收入", value="180万元", subject_id="kq-2", on="2023-12-31")
    second = Figure(id="b", metric="经营性收入", value="190万元", subject_id="kq-2", on="2020-12-31")
    unsure = Figure(id="c", metric="经营性收入", value="约150万元", subject_id="kq-2", on="2019-06-30")
    undated = Figure(id="d", metric="经营性收入", value="170万元", subject_id="kq-2")
    (due,) = exits_due(_keqiao(first, second, unsure, undated), "keqiao")
    assert (due.shown_by, due.leave_on) == ("b", datetime.date(2022, 1, 1))


def test_a_term_end_counts_whole_terms_from_the_start() -> None:
    condition = ExitCondition(metric="经营性收入", above="150万元", term_years=3)
    start = datetime.date(2020, 2, 29)
    assert condition.term_end(start, datetime.date(2019, 1, 1)) == datetime.date(2023, 2, 28)
    assert condition.term_end(start, datetime.date(2023, 2, 28)) == datetime.date(2026, 2, 28)
    assert condition.term_end(start, datetime.date(2023, 2, 27)) == datetime.date(2023, 2, 28)


@pytest.mark.parametrize(
    ("fields", "fires"),
    [
        ({"status": "实施中"}, True),
        ({"claimed_on": "2021-03-01"}, True),
        ({"status": "待认领", "provider_id": "qianbing"}, True),
        ({"status": "待认领", "claimed_on": "2021-03-01"}, True),
        ({"status": "待认领"}, False),
        ({}, False),
        ({"status": "已完成", "provider_id": "qianbing", "claimed_on": "2021-03-01"}, False),
    ],
)
def test_a_claim_names_its_claimant_exactly_when_it_is_claimed(fields: dict[str, str], fires: bool) -> None:
    item = ListedProject(
        id="claim", title="认领", need_id="need-joint-governance", alliance_id="cixi-south", **fields
    )
    registry = cixi_example().with_entities(item)
    assert ("DJ807" in _codes(registry)) is fires
    assert ("DJ807" in validate_alliance(registry, "cixi-south", CONFIG).codes) is fires
    other = attrs.evolve(item, alliance_id=None)
    assert "DJ807" not in validate_alliance(cixi_example().with_entities(other), "cixi-south", CONFIG).codes


def test_custom_terms_in_a_person_do_not_make_the_registry_unequal_to_its_copy() -> None:
    person = Person(id="p", name="某人", roles=["乡贤", CustomTerm("文化能人")])
    assert person == Person(id="p", name="某人", roles=["文化能人", "village_sage"])


@given(strategies.grid_systems())
def test_an_expanded_template_has_its_counts_and_validates_against_itself(system: GridSystem) -> None:
    cells = system.expand()
    grids = [cell for cell in cells if isinstance(cell, Grid)]
    assert tuple(sum(g.level == n for g in grids) for n in range(1, len(system.levels) + 1)) == system.counts
    groups = [cell for cell in cells if isinstance(cell, PartyOrganisation)]
    assert len(groups) == sum(level.count for level in system.levels if level.party_groups)
    report = validate(
        Registry(grids=grids, grid_systems=[system]), ValidationConfig(select=["DJ804", "DJ441"])
    )
    assert not report.by_code("DJ804")
    assert all(f.path.endswith("party_group_id") for f in report.by_code("DJ441"))  # no groups listed


def test_a_member_count_about_a_unit_is_not_compared_with_anything() -> None:
    figure = Figure(id="f", metric="成员单位", value="0个", subject_id="changlong")
    assert "DJ802" not in _codes(cixi_example().with_entities(figure))

"""Every example configuration validates clean, every example script runs, and each case keeps its figures."""

from __future__ import annotations

import datetime
import runpy
import subprocess
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from dangjian_model import (
    FigureValue,
    Linkage,
    MembershipRole,
    Money,
    PartyOrgForm,
    Qualifier,
    Registry,
    Team,
    TeamKind,
    Truth,
    UnitKind,
)
from dangjian_model.allocation import Allocation, allocate_project
from dangjian_model.files import load
from dangjian_model.validation import validate

REPO = Path(__file__).resolve().parents[2]
EXAMPLES = REPO / "examples"
#: cixi_south_alliance.yaml is one alliance on its own (``load(path, into=Alliance)``), not a registry.
YAMLS = sorted(p.name for p in EXAMPLES.glob("*.yaml") if p.name != "cixi_south_alliance.yaml")
SCRIPTS = sorted(p.name for p in EXAMPLES.glob("*.py"))


def script(name: str) -> dict[str, Any]:
    return runpy.run_path(str(EXAMPLES / f"{name}.py"))


@pytest.mark.parametrize("name", YAMLS)
def test_every_configuration_loads_and_validates_without_errors(name: str) -> None:
    report = validate(load(EXAMPLES / name))
    assert not report.has_errors, report.to_text()
    assert not report.findings, report.to_text()  # no example needs a warning


@pytest.mark.parametrize("name", SCRIPTS)
def test_every_script_runs(name: str) -> None:
    done = subprocess.run(
        [sys.executable, str(EXAMPLES / name)], cwd=REPO, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    assert "校验 validation: 0 错误 error" in done.stdout


def test_every_script_has_its_configuration() -> None:
    assert {Path(s).stem for s in SCRIPTS} <= {Path(y).stem for y in YAMLS}


def test_cixi_shares_its_income_among_the_three_villages() -> None:
    registry: Registry = script("cixi_three_villages")["load"]()
    assert registry == script("cixi_three_villages")["build"]()
    alliance = registry.alliance("cixi-south")
    assert alliance.declares_four_links and alliance.declares_three_unchanged


def test_ninghai_has_9_villages_5_art_colleges_6_organs_and_15_professor_teams() -> None:
    module = script("ninghai_art_alliance")
    registry: Registry = module["load"]()
    kinds = module["member_kinds"](registry)
    assert (kinds[UnitKind.VILLAGE], kinds[UnitKind.ART_COLLEGE], kinds[UnitKind.GOVERNMENT_ORGAN]) == (
        9,
        5,
        6,
    )
    alliance = registry.alliance("ninghai-art")
    advisers = [
        registry.find(m.participant_id) for m in alliance.memberships if m.role is MembershipRole.ADVISER
    ]
    assert sum(isinstance(team, Team) and team.kind is TeamKind.PROFESSOR_TEAM for team in advisers) == 15
    assert Linkage.ART_PARTNERSHIP in alliance.linkages
    assert sum(1 for a in registry.assets if a.owner_id == "gejia") == 40
    assert registry.project("gejia-art-village").contributed_by("gejia-sages") == Money.parse("2000万元")


def test_yinzhou_records_a_subset_and_the_reported_scale() -> None:
    module = script("yinzhou_courier_alliance")
    registry: Registry = module["load"]()
    reported = module["reported"](registry)
    assert (reported["yinzhou-brands"], reported["yinzhou-workers"]) == ("18个", "超过5000人")
    assert registry.figure("yinzhou-revenue-2021h1").value.money == Money.parse("29.3亿元")
    workers = registry.figure("yinzhou-workers").value.range
    assert workers.greater_than(5000) is Truth.UNKNOWN and workers.greater_than(4999) is Truth.TRUE
    assert registry.alliance("yinling-express").anchor_id == "station-shounan"
    assert len(registry.listed_projects) >= 3


def test_zhongshan_has_1_11_170_553_grid_cells_each_with_a_party_group() -> None:
    registry: Registry = script("zhongshan_east")["build"]()
    assert Counter(g.level for g in registry.grids) == {1: 1, 2: 11, 3: 170, 4: 553}
    for grid in registry.grids:
        assert grid.party_group_id is not None
        assert registry.party_organisation(grid.party_group_id).form is PartyOrgForm.PARTY_GROUP
    assert not validate(registry).findings
    bridge = registry.alliance("huayuan-red-heart-bridge")
    assert len(bridge.linkages) == 8


def test_niujie_has_three_levels_10_communities_56_yards_and_a_1_4_n_team() -> None:
    module = script("niujie_three_levels")
    registry: Registry = module["load"]()
    assert module["levels"](registry) == {"街道": 1, "社区": 10, "楼院": 56}
    (team,) = registry.teams
    assert team.leader_id and len(team.core_member_ids) == 4 and team.volunteer_ids


def test_xifeng_has_43_partner_merchants_and_three_lists() -> None:
    module = script("xifeng_merchant_partners")
    registry: Registry = module["load"]()
    assert len(module["partners"](registry)) == 43
    assert registry.needs and registry.resources and registry.listed_projects


def test_huairou_has_four_brands_three_joint_committees_and_five_geese() -> None:
    module = script("huairou_one_domain_one_brand")
    registry: Registry = module["load"]()
    assert {b.name for b in registry.brands} == {"红色邻里", "精治合伙人", "红帆领航", "寶山雁陣"}
    joint = [o for o in registry.party_organisations if o.form is PartyOrgForm.JOINT_COMMITTEE]
    assert len(joint) == 3 and all(o.superior_id == "bohai-committee" for o in joint)
    assert all(any(role in p.roles for p in registry.people) for role in module["GEESE"])
    assert len(registry.alliance("jingzhi").member_ids) - 1 >= 10


def test_ningbo_has_one_alliance_of_each_other_type() -> None:
    registry: Registry = script("ningbo_alliance_types")["load"]()
    types = {a.type.value for a in registry.alliances}
    assert types == {
        "mentoring",
        "strong_village_led",
        "industry_cluster",
        "project_driven",
        "governance",
        "service_hub",
        "good_neighbour",
    }


def test_fixed_return_pays_10_percent_in_years_1_to_5_and_dividends_after() -> None:
    module = script("enclave_fixed_return")
    registry: Registry = module["load"]()
    second: Allocation = module["share"](registry, "35万元", datetime.date(2020, 12, 31))
    fifth: Allocation = module["share"](registry, "35万元", datetime.date(2023, 12, 31))
    sixth: Allocation = module["share"](registry, "40万元", datetime.date(2024, 12, 31))
    for year in (second, fifth):
        assert set(year.amounts().values()) == {Money.parse("7.4万元")}
        assert year.retained == Money.parse("5.4万元")
    assert set(sixth.amounts().values()) == {Money.parse("10万元")} and sixth.retained == Money.ZERO


def test_the_guarantor_covers_exactly_the_shortfall() -> None:
    module = script("enclave_guarantor")
    registry: Registry = module["load"]()
    result = allocate_project(registry, "keqiao-property")
    villages = [f"kq-{k:02d}" for k in range(1, 5)]
    assert all(result.received(v) == Money.parse("32万元") for v in villages)
    shortfall = Money.parse("128万元") - Money.parse("90万元")
    assert result.guaranteed_total == shortfall
    assert sum((f.amount for f in result.guarantor_flows), Money.ZERO) == shortfall
    assert module["full_scale"](registry, "2000万元").guaranteed_total == Money.parse("728万元")


def test_tianzihu_pays_5_wan_to_each_of_20_villages() -> None:
    module = script("enclave_equal_split")
    registry: Registry = module["load"]()
    amounts = allocate_project(registry, "tianzihu-property").amounts()
    assert len(amounts) == 20 and set(amounts.values()) == {Money.parse("5万元")}


def test_zhongshan_shows_its_two_level_joint_meetings_with_items_decisions_and_follow_up() -> None:
    registry: Registry = script("zhongshan_east")["load"]()
    street, community = sorted(registry.meetings, key=lambda m: m.held_on)
    assert street.held_by_id == "dongqu-big-committee" and community.held_by_id == "dongyu-big-committee"
    (motion,) = street.agenda
    assert motion.origin.label == "动议" and motion.follow_ups[0].project_id == "fengxiang"
    (regular,) = community.agenda
    assert regular.origin.label == "定期会商" and regular.need_id == "need-safety"
    assert regular.follow_ups[0].project_id == "xueliang" and regular.decision
    term = registry.party_organisation("dongqu-working-committee").current_term
    assert term is not None and sum(post.concurrent for post in term.posts) == 2
    lines = script("zhongshan_east")["joint_meetings"](registry)
    assert any("跟踪落实" in line and "fengxiang" in line for line in lines)


def test_niujie_shows_the_teams_deliberation_landing() -> None:
    registry: Registry = script("niujie_three_levels")["load"]()
    (meeting,) = registry.meetings_of("dongli-yard-1-team")
    assert meeting.kind.label == "议事协商" and len(meeting.decisions) == 2
    assert {item.origin.label for item in meeting.agenda} == {"动议", "即时商议"}
    statuses = [f.status.label for item in meeting.agenda for f in item.follow_ups]
    assert statuses == ["已落实", "落实中"]


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        (
            "cixi_three_villages",
            {"cixi-south-new-jobs": "300余个", "changlong-income-growth-2020": "20%以上"},
        ),
        ("yinzhou_courier_alliance", {"yinzhou-outlets": "393处", "yinzhou-parcels-2021h1": "1.3亿件"}),
        ("zhongshan_east", {"dongqu-co-building-units": "425个", "dongqu-volunteers": "近万名"}),
        ("huairou_one_domain_one_brand", {"jingzhi-partner-count": "10余家", "changcheng-jobs": "200余个"}),
    ],
)
def test_the_seeds_figures_are_recorded_as_the_seeds_write_them(name: str, expected: dict[str, str]) -> None:
    registry: Registry = script(name)["load"]()
    for figure_id, text in expected.items():
        figure = registry.figure(figure_id)
        assert figure.value.to_text() == text
        assert figure.source is not None and figure.subject_id in registry


def test_cixi_new_jobs_are_at_least_300_and_stay_at_least_when_more_are_added() -> None:
    registry: Registry = script("cixi_three_villages")["load"]()
    jobs = registry.figure("cixi-south-new-jobs").value
    assert jobs.qualifier is Qualifier.AT_LEAST
    assert (jobs + FigureValue.parse("20个")).qualifier is Qualifier.AT_LEAST


def test_zhongshan_grid_template_stands_for_the_cells_not_listed_and_is_checked_against_the_listed() -> None:
    loaded: Registry = script("zhongshan_east")["load"]()
    built: Registry = script("zhongshan_east")["build"]()
    system = loaded.grid_system("dongqu-grids")
    assert system.counts == (1, 11, 170, 553) and system.party_group_levels == {1, 2, 3, 4}
    assert len(loaded.grids) == 12 and len(built.grids) == system.total
    assert not validate(loaded).findings and not validate(built).findings


def test_a_floating_member_and_a_dual_reporting_member_keep_their_affiliation_where_it_was() -> None:
    huairou: Registry = script("huairou_one_domain_one_brand")["load"]()
    away = huairou.person("goose-away")
    assert away.party_organisation_id == "sankuaishi-branch"
    assert [(p.organisation_id, p.role) for p in away.participations] == [("city-branch", "流动党员")]
    niujie: Registry = script("niujie_three_levels")["load"]()
    dual = niujie.person("p-dual")
    assert dual.party_organisation_id == "xicheng-organ-branch"
    assert [(p.organisation_id, p.role) for p in dual.participations] == [("dongli", "双报到党员")]

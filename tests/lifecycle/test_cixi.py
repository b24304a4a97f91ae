"""Seed 001: 倡隆村, 乾炳村 and 岗墩村 form a 片区 alliance under 四联三不变, co-found 忆山文旅有限公司
and share its income — and every village keeps its superior, its assets and its books."""

from __future__ import annotations

import datetime
import importlib.util
import sys
from pathlib import Path

import pytest

from dangjian_model import AssetNature, Money, Principle, Registry
from dangjian_model import lifecycle as lc
from tests.lifecycle._cixi import VILLAGES, before_the_alliance, cixi_story
from tests.lifecycle._support import money_position, round_trip, unresolved_references

EXAMPLE = Path(__file__).parents[2] / "examples" / "cixi_three_villages.py"
DAY = datetime.date(2022, 3, 1)


@pytest.fixture(name="story")
def _story() -> tuple[Registry, list[lc.Event]]:
    return cixi_story()


def test_the_three_villages_share_the_company_income_equally(story: tuple[Registry, list[lc.Event]]) -> None:
    registry, _ = story
    for village in VILLAGES:
        (books,) = registry.ledgers_of(village)
        assert books.balance == Money.parse("10万元")
        assert books.entries[-1].reference == "lianshu"
    assert lc.undistributed_income(registry, "lianshu") == Money.ZERO


def test_each_village_holds_its_own_stake_as_village_collective_property(
    story: tuple[Registry, list[lc.Event]],
) -> None:
    registry, _ = story
    assert registry.unit("yishan").name == "忆山文旅有限公司"
    assert registry.project("lianshu").company_id == "yishan"
    for village in VILLAGES:
        (stake,) = registry.assets_of(village)
        assert (stake.held_in_id, stake.nature, stake.value) == (
            "yishan",
            AssetNature.VILLAGE_COLLECTIVE,
            Money.parse("100万元"),
        )
    assert registry.assets_of("yishan") == ()
    assert [ledger.id for ledger in registry.ledgers_of("yishan")] == ["yishan-books"]


def test_the_joint_committee_coordinates_but_is_nobodys_superior(
    story: tuple[Registry, list[lc.Event]],
) -> None:
    registry, _ = story
    committee = registry.party_organisation("south-joint-committee")
    assert committee.form.label == "联合党委"
    assert committee.committee is not None
    assert committee.committee.secretary_id == "gong"
    assert registry.person("gong").party_organisation_id == "changlong-branch"
    for village in VILLAGES:
        assert registry.unit(village).superior_id == "kuangyan"
        assert registry.party_organisation(f"{village}-branch").superior_id == "kuangyan-committee"


def test_the_whole_story_keeps_three_unchanged_and_replays(story: tuple[Registry, list[lc.Event]]) -> None:
    registry, log = story
    start = before_the_alliance()
    assert lc.replay(start, log) == registry
    assert [round_trip(event) for event in log] == log
    assert unresolved_references(registry) == []
    assert money_position(registry) == money_position(start)
    state = start
    for event in log:
        after = lc.apply(state, event)
        assert lc.check_three_unchanged(state, after) == ()
        state = after


def test_moving_a_village_under_the_company_is_refused_naming_the_principle(
    story: tuple[Registry, list[lc.Event]],
) -> None:
    registry, _ = story
    with pytest.raises(
        lc.PrincipleViolation, match="管理层级不变 \\(management hierarchy unchanged\\)"
    ) as error:
        lc.move_unit(registry, unit_id="qianbing", superior_id="yishan", on=DAY)
    assert error.value.principle is Principle.MANAGEMENT_HIERARCHY_UNCHANGED
    assert error.value.alliance_ids == ("cixi-south",)


def test_putting_a_village_branch_under_the_joint_committee_is_refused(
    story: tuple[Registry, list[lc.Event]],
) -> None:
    registry, _ = story
    with pytest.raises(lc.PrincipleViolation, match="原组织隶属关系不变"):
        lc.reaffiliate_organisation(
            registry, organisation_id="gangdun-branch", superior_id="south-joint-committee", on=DAY
        )


def test_the_bundled_example_passes_the_checker_after_sharing_its_income() -> None:
    spec = importlib.util.spec_from_file_location("cixi_three_villages", EXAMPLE)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("cixi_three_villages", module)
    spec.loader.exec_module(module)
    registry: Registry = module.build()
    after, (event,) = lc.distribute_income(registry, project_id="lianshu-village", amount="30万元", on=DAY)
    assert isinstance(event, lc.IncomeDistributed)
    assert {p.member_id: p.amount for p in event.payouts} == dict.fromkeys(VILLAGES, Money.parse("10万元"))
    assert lc.check_three_unchanged(registry, after) == ()
    for stake in after.assets:
        assert stake.nature is AssetNature.VILLAGE_COLLECTIVE

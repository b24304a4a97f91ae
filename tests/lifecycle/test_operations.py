"""Lifecycle operations refuse what cannot be done, saying what, where and what would be right."""

from __future__ import annotations

import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dangjian_model import CustomTerm, InvalidLabel, Linkage, Money, UnknownId
from dangjian_model import lifecycle as lc
from dangjian_model.lifecycle._operations import _split
from tests.lifecycle._cixi import before_the_alliance, cixi_story
from tests.lifecycle._support import round_trip

DAY = datetime.date(2022, 3, 1)


@given(
    total=st.integers(0, 10**12).map(Money),
    member_ids=st.lists(st.text(min_size=1, max_size=5), min_size=1, max_size=20, unique=True),
)
def test_the_equal_split_is_exact_to_the_fen_and_fair(total: Money, member_ids: list[str]) -> None:
    parts = _split(total, member_ids)
    assert set(parts) == set(member_ids)
    assert sum(parts.values(), Money.ZERO) == total
    assert max(p.fen for p in parts.values()) - min(p.fen for p in parts.values()) <= 1
    ordered = [parts[id].fen for id in sorted(member_ids)]
    assert ordered == sorted(ordered, reverse=True)  # the left-over 分 go to the smallest ids


def test_admitting_an_existing_member_is_refused() -> None:
    registry, _ = cixi_story()
    with pytest.raises(
        lc.AlreadyMember, match=r"admit_member\(participant_id\): 'gangdun' is already a member"
    ):
        lc.admit_member(registry, alliance_id="cixi-south", participant_id="gangdun", on=DAY)


def test_an_unknown_id_is_refused_with_the_argument_and_a_suggestion() -> None:
    registry, _ = cixi_story()
    with pytest.raises(UnknownId, match=r"in admit_member\(participant_id\); did you mean 'gangdun'\?"):
        lc.admit_member(registry, alliance_id="cixi-south", participant_id="gangdum", on=DAY)


def test_withdrawing_a_non_member_or_the_lead_is_refused() -> None:
    registry, _ = cixi_story()
    with pytest.raises(lc.NotAMember):
        lc.withdraw_member(registry, alliance_id="cixi-south", participant_id="kuangyan", on=DAY)
    with pytest.raises(lc.OperationRefused, match="leads alliance"):
        lc.withdraw_member(registry, alliance_id="cixi-south", participant_id="changlong", on=DAY)


def test_a_dissolved_alliance_takes_no_more_operations() -> None:
    registry, _ = cixi_story()
    ended, (event,) = lc.dissolve_alliance(registry, alliance_id="cixi-south", on=DAY)
    assert isinstance(event, lc.AllianceDissolved)
    assert ended.alliance("cixi-south").member_ids == ()
    with pytest.raises(lc.AllianceNotActive):
        lc.admit_member(ended, alliance_id="cixi-south", participant_id="kuangyan", on=DAY)
    # and, outside the alliance, its former members may be reorganised
    moved, _ = lc.move_unit(ended, unit_id="gangdun", superior_id="cixi", on=DAY)
    assert lc.check_three_unchanged(ended, moved) == ()


def test_dissolving_with_income_still_undistributed_is_refused() -> None:
    registry, _ = cixi_story()
    earned, _ = lc.record_income(registry, project_id="lianshu", amount="9万元", on=DAY)
    with pytest.raises(lc.OperationRefused, match="still has 90000元 of undistributed income"):
        lc.dissolve_alliance(earned, alliance_id="cixi-south", on=DAY)


def test_distributing_more_than_is_undistributed_is_refused() -> None:
    registry, _ = cixi_story()
    with pytest.raises(lc.NotEnoughUndistributedIncome, match="at most 0元"):
        lc.distribute_income(registry, project_id="lianshu", amount="0.01元", on=DAY)


def test_a_new_id_that_is_taken_is_refused() -> None:
    with pytest.raises(lc.IdInUse, match="'changlong' is already the id of a Unit"):
        lc.form_alliance(
            before_the_alliance(),
            alliance_id="changlong",
            name="联盟",
            type="强村带动型",
            lead_id="changlong",
            member_ids=["gangdun"],
            on=DAY,
        )


def test_an_agreement_is_renewed_and_ended() -> None:
    registry, _ = cixi_story()
    with pytest.raises(lc.OperationRefused, match="has no agreement to renew"):
        lc.renew_agreement(registry, alliance_id="cixi-south", expires_on=datetime.date(2025, 1, 1), on=DAY)
    signed, _ = lc.renew_agreement(
        registry, alliance_id="cixi-south", title="片区共建协议", expires_on=datetime.date(2025, 1, 1), on=DAY
    )
    renewed, _ = lc.renew_agreement(
        signed, alliance_id="cixi-south", expires_on=datetime.date(2028, 1, 1), on=datetime.date(2024, 12, 1)
    )
    agreement = renewed.alliance("cixi-south").agreement
    assert agreement is not None
    assert (agreement.title, agreement.expires_on) == ("片区共建协议", datetime.date(2028, 1, 1))
    ended, _ = lc.end_agreement(renewed, alliance_id="cixi-south", on=datetime.date(2026, 6, 30))
    ended_agreement = ended.alliance("cixi-south").agreement
    assert ended_agreement is not None
    assert ended_agreement.expires_on == datetime.date(2026, 6, 30)


def test_a_money_contribution_needs_an_amount_and_a_member() -> None:
    registry, _ = cixi_story()
    with pytest.raises(lc.OperationRefused, match="has no amount"):
        lc.record_contribution(registry, project_id="lianshu", contributor_id="qianbing", kind="现金", on=DAY)
    with pytest.raises(lc.NotAMember):
        lc.record_contribution(registry, project_id="lianshu", contributor_id="kuangyan", kind="土地", on=DAY)
    after, _ = lc.record_contribution(
        registry,
        project_id="lianshu",
        contributor_id="qianbing",
        kind="土地",
        quantity=12,
        quantity_unit="亩",
        on=DAY,
    )
    assert after.project("lianshu").contributions[-1].quantity == 12
    assert lc.check_three_unchanged(registry, after) == ()


def test_a_new_linkage_and_a_new_unit_are_kept_through_the_events_and_their_replay() -> None:
    registry, _ = lc.form_alliance(
        before_the_alliance(),
        alliance_id="art",
        name="艺术联盟",
        type="片区联盟",
        lead_id="changlong",
        member_ids=["changlong", "gangdun"],
        on=DAY,
        linkages=["艺术联姻", "红色结对"],
    )
    alliance = registry.alliance("art")
    assert Linkage.ART_PARTNERSHIP in alliance.linkages
    assert alliance.custom_linkages == (CustomTerm("红色结对"),)
    with pytest.raises(InvalidLabel, match=r"form_alliance\(linkages\)"):
        lc.form_alliance(
            before_the_alliance(),
            alliance_id="art",
            name="艺术联盟",
            type="片区联盟",
            lead_id="changlong",
            member_ids=["changlong", "gangdun"],
            on=DAY,
            linkages=[" 前后空格 "],
        )
    story, _ = cixi_story()
    after, events = lc.record_contribution(
        story,
        project_id="lianshu",
        contributor_id="qianbing",
        kind="场地",
        quantity=3,
        quantity_unit="栋",
        on=DAY,
    )
    assert after.project("lianshu").contributions[-1].quantity_unit == CustomTerm("栋")
    assert round_trip(events[0]) == events[0]
    assert lc.replay(story, events) == after

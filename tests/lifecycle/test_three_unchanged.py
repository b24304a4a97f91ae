"""三不变: forbidden changes are refused for members, allowed for others, and the checker catches
deliberately broken operations that slip past the guards."""

from __future__ import annotations

import datetime
import functools

import attrs
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from dangjian_model import AssetNature, Principle, Registry
from dangjian_model import lifecycle as lc
from dangjian_model.strategies import registries
from tests.lifecycle._cixi import cixi_story

DAY = datetime.date(2022, 3, 1)


@pytest.fixture(name="registry")
def _registry() -> Registry:
    return cixi_story()[0]


# ---------------------------------------------------------------------------- deliberately broken operations


def reparent_anyway(registry: Registry, unit_id: str, superior_id: str) -> Registry:
    """A broken operation: moves a unit without asking whether it may."""
    return registry.with_entities(attrs.evolve(registry.unit(unit_id), superior_id=superior_id))


def move_asset_anyway(registry: Registry, asset_id: str, owner_id: str) -> Registry:
    """A broken operation: hands an asset to someone else without asking."""
    return registry.with_entities(attrs.evolve(registry.asset(asset_id), owner_id=owner_id))


def pool_ledgers_anyway(registry: Registry, source_id: str, target_id: str) -> Registry:
    """A broken operation: pools one ledger's entries into another and closes the first."""
    source, target = registry.ledger(source_id), registry.ledger(target_id)
    pooled = attrs.evolve(target, entries=(*target.entries, *source.entries))
    return registry.with_entities(pooled).without(source_id)


def test_the_checker_catches_an_operation_that_reparents_a_member(registry: Registry) -> None:
    (breach,) = lc.check_three_unchanged(registry, reparent_anyway(registry, "gangdun", "yishan"))
    assert breach.principle is Principle.MANAGEMENT_HIERARCHY_UNCHANGED
    assert (breach.member_id, breach.field, breach.before, breach.after) == (
        "gangdun",
        "superior_id",
        "kuangyan",
        "yishan",
    )
    assert "joint venture" in breach.note
    assert "管理层级不变" in str(breach)


def test_the_checker_catches_an_operation_that_moves_a_members_asset(registry: Registry) -> None:
    after = move_asset_anyway(registry, "qianbing-stake-yishan", "south-joint-committee")
    (breach,) = lc.check_three_unchanged(registry, after)
    assert breach.principle is Principle.ASSET_NATURE_UNCHANGED
    assert (breach.member_id, breach.subject_id, breach.field) == (
        "qianbing",
        "qianbing-stake-yishan",
        "owner_id",
    )
    assert "joint committee" in breach.note


def test_the_checker_catches_an_operation_that_pools_members_ledgers(registry: Registry) -> None:
    breaches = lc.check_three_unchanged(
        registry, pool_ledgers_anyway(registry, "gangdun-books", "changlong-books")
    )
    assert {(b.principle, b.member_id, b.field) for b in breaches} == {
        (Principle.ACCOUNTING_UNCHANGED, "gangdun", "exists"),
        (Principle.ACCOUNTING_UNCHANGED, "changlong", "entries"),
    }
    assert any("pooled" in b.note for b in breaches)


def test_the_checker_catches_a_changed_nature_and_a_moved_person(registry: Registry) -> None:
    stake = registry.asset("changlong-stake-yishan")
    after = registry.with_entities(
        attrs.evolve(stake, nature=AssetNature.STATE),
        attrs.evolve(registry.person("gong"), party_organisation_id="south-joint-committee"),
    )
    found = {(b.principle, b.field, b.before, b.after) for b in lc.check_three_unchanged(registry, after)}
    assert found == {
        (Principle.ASSET_NATURE_UNCHANGED, "nature", "村集体资产", "国有资产"),
        (
            Principle.AFFILIATION_UNCHANGED,
            "party_organisation_id",
            "changlong-branch",
            "south-joint-committee",
        ),
    }


def test_applying_a_forbidden_event_directly_is_caught_by_the_checker(registry: Registry) -> None:
    event = lc.UnitMoved(on=DAY, unit_id="changlong", superior_id="cixi")
    assert [b.principle for b in lc.check_three_unchanged(registry, lc.apply(registry, event))] == [
        Principle.MANAGEMENT_HIERARCHY_UNCHANGED
    ]


def _protected_members(registry: Registry, principle: Principle) -> list[str]:
    return [u.id for u in registry.units if lc.protecting_alliances(registry, principle, u.id)]


@given(registry=registries(), data=st.data())
def test_every_reparenting_of_a_protected_member_is_caught(registry: Registry, data: st.DataObject) -> None:
    members = _protected_members(registry, Principle.MANAGEMENT_HIERARCHY_UNCHANGED)
    assume(members)
    unit_id = data.draw(st.sampled_from(members))
    superior_id = data.draw(
        st.sampled_from([u.id for u in registry.units if u.id != registry.unit(unit_id).superior_id])
    )
    breaches = lc.check_three_unchanged(registry, reparent_anyway(registry, unit_id, superior_id))
    assert [(b.principle, b.member_id) for b in breaches] == [
        (Principle.MANAGEMENT_HIERARCHY_UNCHANGED, unit_id)
    ]
    with pytest.raises(lc.OperationRefused):  # PrincipleViolation, or a loop in the hierarchy
        lc.move_unit(registry, unit_id=unit_id, superior_id=superior_id, on=DAY)


@given(registry=registries(), data=st.data())
def test_every_asset_moved_away_from_a_protected_member_is_caught(
    registry: Registry, data: st.DataObject
) -> None:
    members = _protected_members(registry, Principle.ASSET_NATURE_UNCHANGED)
    assets = [a for a in registry.assets if a.owner_id in members]
    assume(assets)
    asset = data.draw(st.sampled_from(assets))
    owner_id = data.draw(st.sampled_from([u.id for u in registry.units if u.id != asset.owner_id]))
    (breach,) = lc.check_three_unchanged(registry, move_asset_anyway(registry, asset.id, owner_id))
    assert (breach.principle, breach.subject_id, breach.after) == (
        Principle.ASSET_NATURE_UNCHANGED,
        asset.id,
        owner_id,
    )


@given(registry=registries(), data=st.data())
def test_every_pooling_of_a_protected_members_ledger_is_caught(
    registry: Registry, data: st.DataObject
) -> None:
    members = _protected_members(registry, Principle.ACCOUNTING_UNCHANGED)
    sources = [ledger for ledger in registry.ledgers if ledger.owner_id in members]
    assume(sources)
    source = data.draw(st.sampled_from(sources))
    target = data.draw(st.sampled_from([ledger for ledger in registry.ledgers if ledger.id != source.id]))
    breaches = lc.check_three_unchanged(registry, pool_ledgers_anyway(registry, source.id, target.id))
    assert (Principle.ACCOUNTING_UNCHANGED, source.owner_id, "exists") in {
        (b.principle, b.member_id, b.field) for b in breaches
    }


# ---------------------------------------------------------------------------- guards


def test_transferring_or_renaturing_a_members_asset_is_refused(registry: Registry) -> None:
    with pytest.raises(lc.PrincipleViolation, match="资产属性不变"):
        lc.transfer_asset(registry, asset_id="changlong-stake-yishan", owner_id="kuangyan", on=DAY)
    with pytest.raises(lc.PrincipleViolation, match="资产属性不变 \\(asset nature unchanged\\)"):
        lc.change_asset_nature(registry, asset_id="changlong-stake-yishan", nature="国有资产", on=DAY)


def test_merging_a_members_books_is_refused(registry: Registry) -> None:
    with pytest.raises(lc.PrincipleViolation, match="账务核算不变 \\(accounting unchanged\\)") as error:
        lc.merge_ledgers(registry, source_id="gangdun-books", target_id="yishan-books", on=DAY)
    assert error.value.subject_id == "gangdun"


def test_moving_a_members_person_to_the_joint_committee_is_refused(registry: Registry) -> None:
    with pytest.raises(lc.PrincipleViolation, match="原组织隶属关系不变 \\(affiliation unchanged\\)"):
        lc.reaffiliate_person(
            registry, person_id="gong", party_organisation_id="south-joint-committee", on=DAY
        )


def test_outside_an_alliance_the_same_changes_are_allowed(registry: Registry) -> None:
    after, _ = lc.move_unit(registry, unit_id="yishan", superior_id="cixi", on=DAY)
    assert after.unit("yishan").superior_id == "cixi"
    after, _ = lc.reaffiliate_organisation(
        after, organisation_id="south-joint-committee", superior_id=None, on=DAY
    )
    assert after.party_organisation("south-joint-committee").superior_id is None


def test_after_withdrawing_a_village_may_be_moved(registry: Registry) -> None:
    after, _ = lc.withdraw_member(registry, alliance_id="cixi-south", participant_id="gangdun", on=DAY)
    moved, _ = lc.move_unit(after, unit_id="gangdun", superior_id="cixi", on=DAY)
    assert moved.unit("gangdun").superior_id == "cixi"
    assert lc.check_three_unchanged(after, moved) == ()


def test_an_alliance_that_declares_only_accounting_does_not_guard_the_hierarchy(registry: Registry) -> None:
    alliance = registry.alliance("cixi-south")
    only_books = registry.with_entities(attrs.evolve(alliance, principles={Principle.ACCOUNTING_UNCHANGED}))
    moved, _ = lc.move_unit(only_books, unit_id="changlong", superior_id="cixi", on=DAY)
    assert lc.check_three_unchanged(only_books, moved) == ()
    with pytest.raises(lc.PrincipleViolation):
        lc.merge_ledgers(only_books, source_id="changlong-books", target_id="gangdun-books", on=DAY)


def test_a_principle_violation_survives_pickling(registry: Registry) -> None:
    import pickle

    with pytest.raises(lc.PrincipleViolation) as error:
        lc.move_unit(registry, unit_id="changlong", superior_id="cixi", on=DAY)
    copy = pickle.loads(pickle.dumps(error.value))
    assert (str(copy), copy.principle, copy.alliance_ids) == (
        str(error.value),
        error.value.principle,
        ("cixi-south",),
    )


# ---------------------------------------------------------------------------- changes dated in the past

JOINED = datetime.date(2020, 6, 1)
INSIDE = datetime.date(2021, 1, 1)  # after 岗墩村 joined, before it withdrew on DAY


@pytest.fixture(name="left")
def _left(registry: Registry) -> Registry:
    return lc.withdraw_member(registry, alliance_id="cixi-south", participant_id="gangdun", on=DAY)[0]


def test_a_change_dated_inside_a_finished_membership_is_refused(left: Registry) -> None:
    with pytest.raises(lc.PrincipleViolation, match="a member on 2021-01-01") as error:
        lc.move_unit(left, unit_id="gangdun", superior_id="cixi", on=INSIDE)
    assert error.value.alliance_ids == ("cixi-south",)
    with pytest.raises(lc.PrincipleViolation, match="资产属性不变"):
        lc.change_asset_nature(left, asset_id="gangdun-stake-yishan", nature="国有资产", on=INSIDE)
    with pytest.raises(lc.PrincipleViolation, match="资产属性不变"):
        lc.transfer_asset(left, asset_id="gangdun-stake-yishan", owner_id="kuangyan", on=INSIDE)
    with pytest.raises(lc.PrincipleViolation, match="账务核算不变"):
        lc.merge_ledgers(left, source_id="gangdun-books", target_id="yishan-books", on=INSIDE)


def test_the_same_changes_dated_after_the_withdrawal_or_before_joining_are_allowed(left: Registry) -> None:
    for on in (DAY, JOINED - datetime.timedelta(days=1)):
        moved, _ = lc.move_unit(left, unit_id="gangdun", superior_id="cixi", on=on)
        assert lc.check_three_unchanged(left, moved, on=on) == ()
        renatured, _ = lc.change_asset_nature(left, asset_id="gangdun-stake-yishan", nature="国有资产", on=on)
        assert lc.check_three_unchanged(left, renatured, on=on) == ()


def test_a_change_dated_before_a_dissolution_is_refused_and_one_after_it_allowed(registry: Registry) -> None:
    dissolved, _ = lc.dissolve_alliance(registry, alliance_id="cixi-south", on=DAY)
    with pytest.raises(lc.PrincipleViolation, match="管理层级不变"):
        lc.move_unit(dissolved, unit_id="changlong", superior_id="cixi", on=INSIDE)
    moved, _ = lc.move_unit(dissolved, unit_id="changlong", superior_id="cixi", on=DAY)
    assert moved.unit("changlong").superior_id == "cixi"


def test_a_current_member_is_guarded_even_for_a_change_dated_before_it_joined(registry: Registry) -> None:
    # the registry keeps only the present: the change would alter a member's superior today
    with pytest.raises(lc.PrincipleViolation, match="管理层级不变"):
        lc.move_unit(
            registry, unit_id="changlong", superior_id="cixi", on=JOINED - datetime.timedelta(days=1)
        )


def test_the_checker_judges_a_dated_change_by_the_memberships_in_force_that_day(left: Registry) -> None:
    after = reparent_anyway(left, "gangdun", "cixi")
    assert lc.check_three_unchanged(left, after) == ()
    assert lc.check_three_unchanged(left, after, on=DAY) == ()
    (breach,) = lc.check_three_unchanged(left, after, on=INSIDE)
    assert (breach.member_id, breach.field, breach.after, breach.alliance_ids) == (
        "gangdun",
        "superior_id",
        "cixi",
        ("cixi-south",),
    )


@functools.cache
def _withdrawn() -> Registry:
    return lc.withdraw_member(cixi_story()[0], alliance_id="cixi-south", participant_id="gangdun", on=DAY)[0]


@given(on=st.dates(datetime.date(2019, 1, 1), datetime.date(2023, 12, 31)))
def test_a_withdrawn_village_is_guarded_exactly_on_the_days_it_was_a_member(on: datetime.date) -> None:
    left = _withdrawn()
    was_member = JOINED <= on < DAY
    assert (
        bool(lc.protecting_alliances(left, Principle.MANAGEMENT_HIERARCHY_UNCHANGED, "gangdun", on))
        == was_member
    )
    try:
        lc.move_unit(left, unit_id="gangdun", superior_id="cixi", on=on)
    except lc.PrincipleViolation:
        assert was_member
    else:
        assert not was_member

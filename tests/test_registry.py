"""The registry finds anything by id in O(1) and answers the questions apps ask."""

from __future__ import annotations

import datetime

import pytest

from dangjian_model import (
    Alliance,
    Grid,
    HierarchyCycleError,
    InvalidValue,
    Ledger,
    Membership,
    PartyOrganisation,
    Registry,
    Unit,
    UnknownId,
)


@pytest.fixture(name="registry")
def _registry() -> Registry:
    return Registry(
        units=[
            Unit(id="kuangyan", name="匡堰镇", kind="镇乡", superior_id="cixi"),
            Unit(id="cixi", name="慈溪市", kind="市"),
            Unit(id="changlong", name="倡隆村", kind="村", superior_id="kuangyan"),
            Unit(id="qianbing", name="乾炳村", kind="村", superior_id="kuangyan"),
        ],
        party_organisations=[
            PartyOrganisation(id="town-committee", name="镇党委", form="党委", full_members=900),
            PartyOrganisation(
                id="changlong-branch", name="倡隆村党支部", form="党支部", superior_id="town-committee"
            ),
        ],
        alliances=[
            Alliance(
                id="south",
                name="南部片区",
                type="片区联盟",
                lead_id="changlong",
                memberships=[
                    Membership(participant_id="changlong", role="牵头"),
                    Membership(participant_id="qianbing", left_on="2022-01-01"),
                ],
            )
        ],
        ledgers=[Ledger(id="changlong-books", owner_id="changlong")],
        grids=[
            Grid(id="g1", name="一级网格", level=1),
            Grid(id="g2", name="二级网格", level=2, parent_id="g1"),
        ],
    )


def test_entities_are_found_by_id(registry: Registry) -> None:
    assert registry.unit("changlong").name == "倡隆村"
    assert registry.party_organisation("changlong-branch").form.label == "党支部"
    assert registry.get("south") == registry.alliance("south")
    assert registry.find("nowhere") is None
    assert "cixi" in registry and "nowhere" not in registry
    assert len(registry) == 10


def test_an_unknown_id_is_refused_with_a_suggestion(registry: Registry) -> None:
    with pytest.raises(UnknownId, match=r"no unit with id 'changlog'.*did you mean 'changlong'"):
        registry.unit("changlog")
    with pytest.raises(UnknownId, match="is a Alliance"):
        registry.unit("south")
    with pytest.raises(UnknownId, match="no entity"):
        registry.get("zzz")


def test_collections_are_kept_in_id_order_so_listing_order_does_not_matter(registry: Registry) -> None:
    assert [u.id for u in registry.units] == sorted(u.id for u in registry.units)
    shuffled = Registry(
        units=reversed(registry.units),
        party_organisations=registry.party_organisations,
        alliances=registry.alliances,
        ledgers=registry.ledgers,
        grids=registry.grids,
    )
    assert shuffled == registry


def test_duplicate_ids_are_kept_and_reported_never_dropped() -> None:
    first = Unit(id="a", name="甲村", kind="村")
    second = Unit(id="a", name="乙村", kind="村")
    registry = Registry(units=[first, second], ledgers=[Ledger(id="a", owner_id="a")])
    assert len(registry.units) == 2
    assert registry.duplicate_ids() == {"a": 3}
    assert registry.unit("a") == first


def test_a_collection_must_hold_its_own_kind_of_entity() -> None:
    with pytest.raises(InvalidValue, match=r"Registry.units\[0\]"):
        Registry(units=[Ledger(id="x", owner_id="y")])  # type: ignore[list-item]
    with pytest.raises(InvalidValue, match=r"Registry\.units"):
        Registry(units="abc")  # type: ignore[arg-type]


def test_ancestors_are_listed_nearest_first(registry: Registry) -> None:
    assert [u.id for u in registry.administrative_ancestors("changlong")] == ["kuangyan", "cixi"]
    assert [o.id for o in registry.party_ancestors("changlong-branch")] == ["town-committee"]
    assert [g.id for g in registry.grid_ancestors("g2")] == ["g1"]
    assert registry.administrative_ancestors("cixi") == ()
    assert [u.id for u in registry.subordinates("kuangyan")] == ["changlong", "qianbing"]
    assert [g.id for g in registry.subordinates("g1")] == ["g2"]


def test_a_cycle_in_a_hierarchy_is_an_error_naming_the_ids_on_it() -> None:
    registry = Registry(
        units=[
            Unit(id="a", name="甲", kind="村", superior_id="b"),
            Unit(id="b", name="乙", kind="镇", superior_id="c"),
            Unit(id="c", name="丙", kind="区", superior_id="b"),
        ]
    )
    with pytest.raises(HierarchyCycleError) as error:
        registry.administrative_ancestors("a")
    assert set(error.value.ids) == {"b", "c"}
    assert "administrative" in str(error.value)


def test_a_deep_hierarchy_is_walked_without_recursion() -> None:
    depth = 20_000
    units = [
        Unit(id=f"u{i}", name="单位", kind="其他", superior_id=f"u{i - 1}" if i else None)
        for i in range(depth)
    ]
    registry = Registry(units=units)
    assert len(registry.administrative_ancestors(f"u{depth - 1}")) == depth - 1


def test_a_missing_superior_is_an_unknown_id() -> None:
    registry = Registry(units=[Unit(id="a", name="甲", kind="村", superior_id="ghost")])
    with pytest.raises(UnknownId, match="ghost"):
        registry.administrative_ancestors("a")


def test_members_and_alliances_are_answered_both_ways(registry: Registry) -> None:
    assert [u.id for u in registry.members_of("south")] == ["changlong"]
    assert [u.id for u in registry.members_of("south", on=datetime.date(2021, 1, 1))] == [
        "changlong",
        "qianbing",
    ]
    assert [a.id for a in registry.alliances_of("changlong")] == ["south"]
    assert registry.alliances_of("qianbing") == ()
    assert [a.id for a in registry.alliances_of("qianbing", on=datetime.date(2021, 1, 1))] == ["south"]
    assert [ledger.id for ledger in registry.ledgers_of("changlong")] == ["changlong-books"]
    assert registry.assets_of("changlong") == ()
    assert registry.projects_of("south") == ()


def test_changes_return_a_new_registry_and_leave_the_old_one_alone(registry: Registry) -> None:
    renamed = Unit(id="changlong", name="倡隆新村", kind="村", superior_id="kuangyan")
    changed = registry.with_entities(
        renamed, Unit(id="gangdun", name="岗墩村", kind="村", superior_id="kuangyan")
    )
    assert changed.unit("changlong").name == "倡隆新村"
    assert registry.unit("changlong").name == "倡隆村"
    assert "gangdun" in changed and "gangdun" not in registry
    smaller = changed.without("gangdun", "g2")
    assert "gangdun" not in smaller and "g2" not in smaller and "g1" in smaller
    with pytest.raises(InvalidValue):
        registry.with_entities("not an entity")  # type: ignore[arg-type]

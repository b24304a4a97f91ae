"""Deep hierarchies and long cycles validate without recursion, in linear time."""

from __future__ import annotations

from dangjian_model import Grid, PartyOrganisation, Registry, Unit
from dangjian_model.validation import validate

DEPTH = 100_000


def test_a_hierarchy_100000_levels_deep_validates_without_recursion_errors() -> None:
    units = [
        Unit(id=f"u{i}", name="单位", kind="其他", superior_id=f"u{i - 1}" if i else None)
        for i in range(DEPTH)
    ]
    assert validate(Registry(units=units)).findings == ()


def test_a_cycle_through_100000_organisations_is_reported_once() -> None:
    organisations = [
        PartyOrganisation(
            id=f"o{i}", name="党委", form="党委", superior_id=f"o{(i + 1) % DEPTH}", full_members=100
        )
        for i in range(DEPTH)
    ]
    (finding,) = validate(Registry(party_organisations=organisations)).findings
    assert finding.code == "DJ105"
    assert finding.path == "party_organisations[o0].superior_id"


def test_a_grid_cycle_under_a_deep_chain_is_reported_once_and_the_chain_is_not() -> None:
    chain = [
        Grid(id=f"g{i}", name="网格", level=i + 1, parent_id=f"g{i - 1}" if i else "g2") for i in range(3)
    ]
    tail = [Grid(id=f"t{i}", name="网格", level=1, parent_id=f"t{i - 1}" if i else "g0") for i in range(1000)]
    report = validate(Registry(grids=[*chain, *tail]))
    assert len(report.by_code("DJ106")) == 1

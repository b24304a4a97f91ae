"""The public strategies build registries that are internally consistent and valid, in every alliance type."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from dangjian_model import (
    AllianceType,
    DangjianError,
    Entity,
    PartyOrganisation,
    PartyOrgForm,
    Registry,
    Unit,
    UnitKind,
)
from dangjian_model import strategies as dst
from dangjian_model.validation import validate


def references(value: Any) -> Iterator[str]:
    """Every id an entity (or a value inside it) refers to, found by the ``_id`` / ``_ids`` naming rule."""
    for field in attrs.fields(type(value)):
        item = getattr(value, field.name)
        if field.name.endswith("_id") and item is not None:
            yield item
        elif field.name.endswith("_ids") and item is not None:
            yield from item
        elif isinstance(item, tuple):
            for element in item:
                if attrs.has(type(element)):
                    yield from references(element)
        elif attrs.has(type(item)):
            yield from references(item)


def parent_of(entity: Entity) -> str | None:
    return getattr(entity, "superior_id", None) or getattr(entity, "parent_id", None)


@given(dst.registries())
def test_every_reference_in_a_generated_registry_resolves(registry: Registry) -> None:
    for entity in registry.entities():
        for id in references(entity):
            assert id in registry, f"{entity.id} refers to missing {id}"


@given(dst.registries())
def test_ids_are_unique_across_a_generated_registry(registry: Registry) -> None:
    assert registry.duplicate_ids() == {}


@given(dst.registries())
def test_every_hierarchy_of_a_generated_registry_is_a_tree(registry: Registry) -> None:
    for unit in registry.units:
        chain = registry.administrative_ancestors(unit.id)  # raises on a cycle
        assert all(isinstance(u, Unit) for u in chain)
    for organisation in registry.party_organisations:
        registry.party_ancestors(organisation.id)
    for grid in registry.grids:
        assert len(registry.grid_ancestors(grid.id)) == grid.level - 1
    roots = [u for u in registry.units if u.superior_id is None]
    assert len(roots) == 1


@given(dst.registries())
def test_member_counts_fit_the_form_of_each_organisation(registry: Registry) -> None:
    for organisation in registry.party_organisations:
        if organisation.form is PartyOrgForm.BRANCH:
            assert organisation.full_members >= 3
            assert organisation.total_members <= 50
            assert (organisation.committee is not None) == (organisation.full_members >= 7)
            if organisation.committee is not None:
                assert 3 <= organisation.committee.size <= 7


@given(dst.registries())
def test_alliances_are_led_by_a_member_and_dates_are_ordered(registry: Registry) -> None:
    for alliance in registry.alliances:
        assert alliance.lead_id in alliance.member_ids
        for membership in alliance.memberships:
            assert (
                alliance.formed_on is None
                or membership.joined_on is None
                or alliance.formed_on <= membership.joined_on
            )
            assert (
                membership.left_on is None
                or membership.joined_on is None
                or membership.joined_on <= membership.left_on
            )
    for project in registry.projects:
        assert sum(share.fraction for share in project.shares) == 1


@given(st.data())
def test_single_value_strategies_build_valid_values(data: st.DataObject) -> None:
    unit = data.draw(dst.units())
    organisation = data.draw(dst.party_organisations(data.draw(st.sampled_from(PartyOrgForm))))
    person = data.draw(dst.people("branch-1"))
    alliance = data.draw(dst.alliances(["a", "b", "c", "d"]))
    assert isinstance(unit, Unit) and isinstance(organisation, PartyOrganisation)
    assert person.party_organisation_id == "branch-1"
    assert alliance.lead_id == alliance.memberships[0].participant_id
    assert data.draw(dst.committees(5)) is None


# ---------------------------------------------------------------------------- alliance types


@pytest.mark.parametrize("type", list(AllianceType), ids=lambda t: t.value)
@settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large]
)
@given(data=st.data())
def test_every_alliance_type_is_generated_with_the_structure_it_needs(
    type: AllianceType, data: st.DataObject
) -> None:
    registry = data.draw(dst.registries(alliance_types=[type]))
    assert registry.alliances
    assert {alliance.type for alliance in registry.alliances} == {type}
    report = validate(registry)
    assert not report.has_errors, report.to_text()


@given(
    dst.registries(
        alliance_types=["飞地抱团型", AllianceType.GOOD_NEIGHBOUR], max_townships=1, max_villages=1
    )
)
def test_alliance_types_may_be_named_by_label_and_grow_the_territory_they_need(registry: Registry) -> None:
    assert {a.type for a in registry.alliances} <= {AllianceType.ENCLAVE_POOLING, AllianceType.GOOD_NEIGHBOUR}
    townships = [u for u in registry.units if u.kind in (UnitKind.TOWNSHIP, UnitKind.SUBDISTRICT)]
    if any(a.type is AllianceType.GOOD_NEIGHBOUR for a in registry.alliances):
        assert len(townships) >= 2
    assert not validate(registry).has_errors


def test_an_empty_choice_of_alliance_types_is_refused() -> None:
    with pytest.raises(InvalidArgument, match="alliance_types"):
        dst.registries(alliance_types=[])


def test_an_unknown_alliance_type_is_refused() -> None:
    with pytest.raises(DangjianError):
        dst.registries(alliance_types=["联谊型"])


@given(dst.registries())
def test_alliances_that_declare_four_links_give_them_substance(registry: Registry) -> None:
    report = validate(registry)
    assert not [f for f in report.findings if f.code in {"DJ411", "DJ412", "DJ413", "DJ414"}]


def test_generated_registries_include_four_links_and_three_unchanged() -> None:
    seen: set[str] = set()

    @settings(max_examples=60, deadline=None, database=None)
    @given(dst.registries(alliance_types=list(AllianceType)))
    def collect(registry: Registry) -> None:
        for alliance in registry.alliances:
            if alliance.declares_four_links:
                seen.add("四联")
            if alliance.declares_three_unchanged:
                seen.add("三不变")

    collect()
    assert seen == {"四联", "三不变"}

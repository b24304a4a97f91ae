"""The public strategies build registries that are internally consistent."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import attrs
from hypothesis import given
from hypothesis import strategies as st

from dangjian_model import Entity, PartyOrganisation, PartyOrgForm, Registry, Unit
from dangjian_model import strategies as dst


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

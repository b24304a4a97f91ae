"""Generated registries validate without errors; each single mutation of a kind gives the expected code."""

from __future__ import annotations

import attrs
from hypothesis import given
from hypothesis import strategies as st

from dangjian_model import PartyOrgForm, Registry
from dangjian_model.strategies import registries
from dangjian_model.validation import validate


@given(registries())
def test_generated_registries_have_no_errors(registry: Registry) -> None:
    report = validate(registry)
    assert not report.has_errors, report.to_text()


@given(registries(), st.data())
def test_dropping_the_leads_membership_reports_the_lead_is_not_a_member(
    registry: Registry, data: st.DataObject
) -> None:
    if not registry.alliances:
        return
    alliance = data.draw(st.sampled_from(registry.alliances))
    kept = tuple(m for m in alliance.memberships if m.participant_id != alliance.lead_id)
    report = validate(registry.with_entities(attrs.evolve(alliance, memberships=kept)))
    assert f"alliances[{alliance.id}].lead_id" in {f.path for f in report.by_code("DJ401")}


@given(registries(), st.data())
def test_breaking_a_reference_reports_it_unresolved(registry: Registry, data: st.DataObject) -> None:
    unit = data.draw(st.sampled_from([u for u in registry.units if u.superior_id is not None]))
    report = validate(registry.with_entities(attrs.evolve(unit, superior_id="nowhere")))
    assert [f.path for f in report.by_code("DJ101")] == [f"units[{unit.id}].superior_id"]


@given(registries(), st.data())
def test_adding_a_cycle_reports_it_once_with_its_ids(registry: Registry, data: st.DataObject) -> None:
    township = data.draw(
        st.sampled_from([u for u in registry.units if u.kind.is_territory and u.superior_id])
    )
    below = [u for u in registry.units if u.superior_id == township.id]
    if not below:
        return
    report = validate(registry.with_entities(attrs.evolve(township, superior_id=below[0].id)))
    (cycle,) = report.by_code("DJ104")
    assert township.id in cycle.message_en
    assert below[0].id in cycle.message_en


@given(registries(), st.data())
def test_cutting_a_branch_below_three_full_members_reports_it(
    registry: Registry, data: st.DataObject
) -> None:
    branches = [o for o in registry.party_organisations if o.form is PartyOrgForm.BRANCH]
    branch = data.draw(st.sampled_from(branches))
    cut = attrs.evolve(branch, full_members=data.draw(st.integers(0, 2)), committee=None)
    report = validate(registry.with_entities(cut))
    assert [f.path for f in report.by_code("DJ201")] == [f"party_organisations[{branch.id}].full_members"]


@given(registries())
def test_validation_is_deterministic_whatever_order_entities_are_listed_in(registry: Registry) -> None:
    shuffled = attrs.evolve(registry, units=list(reversed(registry.units)))
    assert validate(registry) == validate(shuffled)

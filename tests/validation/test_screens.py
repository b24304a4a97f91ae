"""The screens that let validation skip work report exactly what the plain walks report.

``check_references`` screens each collection with set operations (or, for few ids, a lookup each)
before walking entities one by one, and ``check_hierarchies`` looks for cycles among superiors
before searching a whole hierarchy. These tests compare them with the plain walks they stand for.
"""

from __future__ import annotations

import itertools

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from dangjian_model import Ledger, Registry
from dangjian_model._registry import ENTITY_KINDS
from dangjian_model.strategies import registries
from dangjian_model.validation import ValidationConfig
from dangjian_model.validation._checks import CHECKS, Scope, _structure
from dangjian_model.validation._checks._structure import check_references
from dangjian_model.validation._context import Context, RawFinding, find_cycles


@st.composite
def broken_registries(draw: st.DrawFn) -> Registry:
    """A generated registry with some references pointed at nothing, or at the wrong kind of entity."""
    registry = draw(registries(max_alliances=3))
    ids = [entity.id for entity in registry.entities()]
    collections = {name: list(getattr(registry, name)) for name in ENTITY_KINDS}
    for items in collections.values():
        for i, entity in enumerate(items):
            names = [a.name for a in attrs.fields(type(entity)) if a.name.endswith("_id")]
            if draw(st.booleans()) and names:
                name = draw(st.sampled_from(names))
                items[i] = attrs.evolve(entity, **{name: draw(st.sampled_from(["nowhere", *ids]))})
    if draw(st.booleans()) and registry.units:  # an id used twice: the registry finds the unit only
        collections["ledgers"].append(Ledger(id=registry.units[0].id, owner_id=registry.units[-1].id))
    return Registry(**collections)


def _plain_references(ctx: Context, scope: Scope) -> list[RawFinding]:
    """DJ101 and DJ102 as a walk over every reference of every entity reports them."""
    find = ctx.registry.find
    return [finding for entity in scope.entities for finding in _structure._reference_findings(entity, find)]


def _scope(registry: Registry) -> Scope:
    return Scope(registry.alliances, registry.projects, tuple(registry.entities()), whole_registry=True)


@pytest.mark.parametrize("few_ids", [0, _structure._FEW_IDS], ids=["set operations", "lookups"])
@given(registry=broken_registries())
def test_screened_references_report_what_a_walk_over_every_reference_reports(
    registry: Registry, few_ids: int
) -> None:
    ctx, scope = Context.build(registry), _scope(registry)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(_structure, "_FEW_IDS", few_ids)  # 0: every field goes through the set operations
        screened = [
            f for f in check_references(ctx, scope, ValidationConfig()) if f.code in ("DJ101", "DJ102")
        ]
    assert screened == _plain_references(ctx, scope)


@given(registry=broken_registries())
def test_every_check_reports_the_same_with_set_operations_and_with_lookups(registry: Registry) -> None:
    scope, config = _scope(registry), ValidationConfig()
    with_lookups = [list(check.run(Context.build(registry), scope, config)) for check in CHECKS]
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(_structure, "_FEW_IDS", 0)
        with_sets = [list(check.run(Context.build(registry), scope, config)) for check in CHECKS]
    assert with_sets == with_lookups


_NAMES = [f"n{i}" for i in range(8)]


@given(
    st.dictionaries(
        st.sampled_from(_NAMES),
        st.none() | st.sampled_from([*_NAMES, "elsewhere"]),
        max_size=len(_NAMES),
    )
)
def test_cycles_lie_among_the_nodes_that_are_someones_parent(parents: dict[str, str | None]) -> None:
    superiors = parents.keys() & set(parents.values())
    restricted = {id: parents[id] for id in superiors}
    assert {frozenset(c) for c in find_cycles(restricted)} == {frozenset(c) for c in find_cycles(parents)}


@given(
    st.dictionaries(
        st.sampled_from(_NAMES),
        st.none() | st.sampled_from([*_NAMES, "elsewhere"]),
        max_size=len(_NAMES),
    )
)
def test_find_cycles_finds_each_cycle_once_from_its_smallest_id(parents: dict[str, str | None]) -> None:
    on_cycles = set()
    for start in parents:  # a node is on a cycle if following parents from it comes back to it
        node = parents[start]
        for _ in range(len(parents)):
            if node == start:
                on_cycles.add(start)
                break
            if node is None or node not in parents:
                break
            node = parents[node]
    cycles = find_cycles(parents)
    assert sorted(itertools.chain.from_iterable(cycles)) == sorted(on_cycles)
    for cycle in cycles:
        assert cycle[0] == min(cycle)
        assert all(parents[a] == b for a, b in zip(cycle, (*cycle[1:], cycle[0]), strict=True))

"""Diagrams draw affiliation solid and coordination dashed, so 三不变 is visible."""

from __future__ import annotations

import runpy
from collections.abc import Callable
from pathlib import Path

import attrs
import pytest

from dangjian_model import HierarchyCycleError, Registry, UnknownId
from dangjian_model.diagram import DASHED, SOLID, picture, to_dot, to_mermaid

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "cixi_three_villages.py"


@pytest.fixture(name="registry")
def _registry() -> Registry:
    build = runpy.run_path(str(EXAMPLE))["build"]
    registry = build()
    assert isinstance(registry, Registry)
    return registry


def test_every_member_keeps_its_solid_line_to_its_own_superior(registry: Registry) -> None:
    drawing = picture(registry, "cixi-south")
    solid = {(e.source, e.target) for e in drawing.edges if e.style == SOLID}
    for village in ("changlong", "qianbing", "gangdun"):
        assert (village, "kuangyan") in solid
        assert (f"{village}-branch", "kuangyan-committee") in solid


def test_the_joint_committee_reaches_members_only_by_dashed_lines(registry: Registry) -> None:
    drawing = picture(registry, "cixi-south")
    from_committee = [e for e in drawing.edges if e.source == "south-joint-committee"]
    assert {e.style for e in from_committee if e.target != "kuangyan-committee"} == {DASHED}
    assert all(e.target != "south-joint-committee" for e in drawing.edges if e.style == SOLID)


def test_mermaid_and_dot_show_every_node_and_line(registry: Registry) -> None:
    drawing = picture(registry, "cixi-south")
    mermaid = to_mermaid(registry, "cixi-south")
    dot = to_dot(registry, "cixi-south")
    assert mermaid.count(" .-> ") == sum(e.style == DASHED for e in drawing.edges)
    assert mermaid.count(" -->") == sum(e.style == SOLID for e in drawing.edges)
    assert dot.count("style=dashed") == sum(e.style == DASHED for e in drawing.edges)
    for _, name, _ in drawing.nodes:
        assert name in mermaid
        assert name in dot


def test_the_same_registry_always_gives_the_same_picture(registry: Registry) -> None:
    assert to_dot(registry, "cixi-south") == to_dot(
        Registry(
            **{
                k: tuple(reversed(getattr(registry, k)))
                for k in ("units", "party_organisations", "alliances", "projects", "assets", "ledgers")
            }
        ),
        "cixi-south",
    )


def test_drawing_an_unknown_alliance_is_an_unknown_id(registry: Registry) -> None:
    with pytest.raises(UnknownId, match="cixi-north"):
        to_mermaid(registry, "cixi-north")


def _looped(registry: Registry, field: str) -> Registry:
    """The town above the villages made subordinate to one of them (or the town committee to a branch)."""
    if field == "units":
        top, bottom = "kuangyan", "changlong"
    else:
        top, bottom = "kuangyan-committee", "changlong-branch"
    items = [
        attrs.evolve(item, superior_id=bottom) if item.id == top else item
        for item in getattr(registry, field)
    ]
    return attrs.evolve(registry, **{field: items})


@pytest.mark.parametrize("draw", [to_mermaid, to_dot, picture])
@pytest.mark.parametrize(
    ("field", "hierarchy"), [("units", "administrative"), ("party_organisations", "party")]
)
def test_a_looping_line_of_superiors_is_a_documented_hierarchy_cycle_error(
    registry: Registry, draw: Callable[[Registry, str], object], field: str, hierarchy: str
) -> None:
    with pytest.raises(HierarchyCycleError) as error:
        draw(_looped(registry, field), "cixi-south")
    assert error.value.hierarchy == hierarchy
    assert "HierarchyCycleError" in (draw.__doc__ or "")

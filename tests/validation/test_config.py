"""Configuration like ruff's: select and ignore codes or prefixes, change severities, per alliance."""

from __future__ import annotations

import attrs
import pytest

from dangjian_model import InvalidValue, Registry
from dangjian_model.validation import GridPartyGroups, Severity, ValidationConfig, cixi_example, validate


def _wrong() -> Registry:
    """Two problems in the alliance (no joint committee under 四联, an early member) and one outside it."""
    registry = cixi_example()
    alliance = registry.alliance("cixi-south")
    early = attrs.evolve(alliance.memberships[2], joined_on="2019-01-01")
    branch = attrs.evolve(registry.party_organisation("gangdun-branch"), full_members=2, committee=None)
    return registry.with_entities(
        attrs.evolve(alliance, joint_committee_id=None, memberships=(*alliance.memberships[:2], early)),
        branch,
    )


def test_by_default_every_rule_runs() -> None:
    assert validate(_wrong()).codes == ("DJ201", "DJ404", "DJ411")


def test_ignoring_a_prefix_silences_the_whole_family() -> None:
    assert validate(_wrong(), ValidationConfig(ignore=["DJ4"])).codes == ("DJ201",)


def test_selecting_a_code_runs_only_that_rule() -> None:
    assert validate(_wrong(), ValidationConfig(select=["DJ201"])).codes == ("DJ201",)


def test_a_more_specific_select_beats_a_broader_ignore() -> None:
    config = ValidationConfig(select=["DJ", "DJ411"], ignore=["DJ4"])
    assert validate(_wrong(), config).codes == ("DJ201", "DJ411")


def test_a_severity_can_be_changed_by_code_or_prefix() -> None:
    config = ValidationConfig(severities={"DJ4": "warning", "DJ411": Severity.INFO})
    report = validate(_wrong(), config)
    assert {(f.code, f.severity) for f in report.findings} == {
        ("DJ201", Severity.ERROR),
        ("DJ404", Severity.WARNING),
        ("DJ411", Severity.INFO),
    }


def test_a_per_alliance_override_applies_only_to_findings_about_that_alliance() -> None:
    config = ValidationConfig(
        per_alliance={"cixi-south": ValidationConfig(ignore=["DJ41"], severities={"DJ404": "info"})}
    )
    report = validate(_wrong(), config)
    assert report.codes == ("DJ201", "DJ404")
    assert report.by_code("DJ404")[0].severity is Severity.INFO


def test_a_per_alliance_override_can_select_a_rule_ignored_elsewhere() -> None:
    config = ValidationConfig(ignore=["DJ4"], per_alliance={"cixi-south": ValidationConfig(select=["DJ"])})
    assert validate(_wrong(), config).codes == ("DJ201", "DJ404", "DJ411")


def test_an_unknown_code_in_the_configuration_is_refused_with_what_would_be_right() -> None:
    with pytest.raises(InvalidValue, match="a rule code such as 'DJ101'"):
        ValidationConfig(ignore=["DJ999"])


def test_party_groups_on_every_grid_can_be_required_everywhere() -> None:
    registry = cixi_example()
    plain = registry.with_entities(*(attrs.evolve(g, party_group_id=None) for g in registry.grids))
    assert validate(plain).by_code("DJ441") == ()
    strict = ValidationConfig(grid_party_groups=GridPartyGroups.EVERY_GRID)
    assert [f.path for f in validate(plain, strict).by_code("DJ441")] == [
        "grids[changlong-grid-1].party_group_id"
    ]
    every_level = ValidationConfig(grid_party_groups="every_grid", grid_party_group_levels=[1, 2])
    assert len(validate(plain, every_level).by_code("DJ441")) == len(registry.grids)

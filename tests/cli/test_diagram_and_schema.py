"""``dangjian diagram`` draws one alliance; ``dangjian schema`` prints the JSON Schema."""

from __future__ import annotations

import json
from pathlib import Path

import attrs

from dangjian_model.cli import EXIT_ERRORS, EXIT_OK, EXIT_USAGE
from dangjian_model.diagram import to_dot, to_mermaid
from dangjian_model.files import dump, json_schema, load
from tests.cli.conftest import Run, clean_registry

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def test_the_only_alliance_is_drawn_in_mermaid_by_default(run: Run, clean: Path) -> None:
    result = run("diagram", str(clean))
    assert result.code == EXIT_OK
    assert result.out == to_mermaid(load(clean), "cixi-south") + "\n"


def test_dot_is_drawn_on_request(run: Run, clean: Path) -> None:
    result = run("diagram", str(clean), "--format", "dot", "--alliance", "cixi-south")
    assert result.code == EXIT_OK
    assert result.out == to_dot(load(clean), "cixi-south") + "\n"


def test_several_alliances_need_a_choice_and_the_ids_are_listed(run: Run, tmp_path: Path) -> None:
    registry = clean_registry()
    second = attrs.evolve(registry.alliance("cixi-south"), id="cixi-north", name="北部片区")
    path = tmp_path / "two.json"
    dump(attrs.evolve(registry, alliances=(*registry.alliances, second)), path, personal_data=True)
    result = run("diagram", str(path))
    assert result.code == EXIT_USAGE
    assert "several alliances: cixi-north, cixi-south" in result.err
    assert "--alliance ID" in result.err
    assert run("diagram", str(path), "--alliance", "cixi-north").code == EXIT_OK


def test_an_unknown_alliance_exits_2_with_the_ids(run: Run, clean: Path) -> None:
    result = run("diagram", str(clean), "--alliance", "nowhere")
    assert result.code == EXIT_USAGE
    assert "no alliance 'nowhere'; 联盟 alliances: cixi-south" in result.err


def test_a_registry_without_alliances_exits_2(run: Run, tmp_path: Path) -> None:
    path = tmp_path / "empty.yaml"
    path.write_text("units: []\n", encoding="utf-8")
    result = run("diagram", str(path))
    assert result.code == EXIT_USAGE
    assert "no alliance" in result.err


def test_an_alliance_whose_members_are_missing_exits_1_and_points_to_validate(
    run: Run, tmp_path: Path
) -> None:
    path = tmp_path / "dangling.yaml"
    path.write_text(
        "alliances:\n  - {id: a, name: 联盟, type: 片区联盟, lead_id: ghost, memberships: [{participant_id: ghost}]}\n",
        encoding="utf-8",
    )
    result = run("diagram", str(path))
    assert result.code == EXIT_ERRORS
    assert "ghost" in result.err
    assert f"dangjian validate {path}" in result.err


def test_an_alliance_file_cannot_be_drawn_alone(run: Run) -> None:
    result = run("diagram", str(EXAMPLES / "cixi_south_alliance.yaml"))
    assert result.code == EXIT_USAGE
    assert "needs a registry file" in result.err


def test_the_schema_is_printed_as_json(run: Run) -> None:
    result = run("schema")
    assert result.code == EXIT_OK
    assert json.loads(result.out) == json_schema()


def test_a_looping_hierarchy_exits_1_with_the_cycle_in_both_languages(run: Run, tmp_path: Path) -> None:
    path = tmp_path / "loop.yaml"
    path.write_text(
        "units:\n"
        "  - {id: town, name: 乙镇, kind: 镇乡, superior_id: village}\n"
        "  - {id: village, name: 甲村, kind: 行政村, superior_id: town}\n"
        "alliances:\n"
        "  - {id: a, name: 联盟, type: 片区联盟, lead_id: village, memberships: [{participant_id: village}]}\n",
        encoding="utf-8",
    )
    result = run("diagram", str(path))
    assert result.code == EXIT_ERRORS
    assert "行政隶属成环" in result.err and "hierarchy has a cycle" in result.err
    assert f"dangjian validate {path}" in result.err
    assert "Traceback" not in result.err

"""The published JSON Schema, and Popolo export and import."""

from __future__ import annotations

import datetime
import json
from pathlib import Path
from typing import Any

import jsonschema  # type: ignore[import-untyped, unused-ignore]
import pytest
from referencing import Registry as SchemaRegistry
from referencing import Resource
from referencing.jsonschema import DRAFT3

from dangjian_model import Registry, UnitKind
from dangjian_model.files import (
    ConfigError,
    _yaml,
    dumps,
    from_popolo,
    json_schema,
    json_schema_text,
    to_popolo,
)
from tests.files.conftest import EXAMPLES, REPO, SHARED

POPOLO = SHARED / "popolo"


def test_the_published_schema_is_the_generated_one() -> None:
    assert (REPO / "docs" / "schema.json").read_text(encoding="utf-8") == json_schema_text()
    jsonschema.Draft202012Validator.check_schema(json_schema())


@pytest.mark.parametrize(
    "path", sorted(p for p in EXAMPLES.iterdir() if p.suffix in (".json", ".yaml", ".toml"))
)
def test_every_example_file_validates_against_the_schema(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".json":
        document = json.loads(text)
    elif path.suffix == ".yaml":
        # read as the library reads YAML (keys are text, e.g. ``on``), with dates as the ISO text
        # a YAML 1.2 editor sees
        document = _as_text_dates(_yaml.parse(text)[0])
    else:
        from dangjian_model.files import _toml

        tomllib = _toml.tomllib  # type: ignore[attr-defined]

        document = tomllib.loads(text)
    jsonschema.Draft202012Validator(json_schema()).validate(document)


def _as_text_dates(tree: Any) -> Any:
    if isinstance(tree, dict):
        return {key: _as_text_dates(value) for key, value in tree.items()}
    if isinstance(tree, list):
        return [_as_text_dates(value) for value in tree]
    return tree.isoformat() if isinstance(tree, datetime.date) else tree


def test_the_schema_refuses_an_unknown_key(cixi: Registry) -> None:
    document = json.loads(dumps(cixi, personal_data=True))
    document["units"][0]["nmae"] = "x"
    assert not jsonschema.Draft202012Validator(json_schema()).is_valid(document)


def _popolo_validator(name: str) -> jsonschema.Draft3Validator:
    resources = []
    for path in (POPOLO / "schemas").glob("*.json"):
        contents = json.loads(path.read_text(encoding="utf-8"))
        resources.append((contents["id"], Resource.from_contents(contents, default_specification=DRAFT3)))
    registry: SchemaRegistry[Any] = SchemaRegistry().with_resources(resources)
    schema = json.loads((POPOLO / "schemas" / f"{name}.json").read_text(encoding="utf-8"))
    return jsonschema.Draft3Validator(schema, registry=registry)


def test_popolo_export_validates_against_the_popolo_schemas(cixi: Registry) -> None:
    exported = to_popolo(cixi)
    organisations, memberships = _popolo_validator("organization"), _popolo_validator("membership")
    for organisation in exported["organizations"]:
        organisations.validate(organisation)
    for membership in exported["memberships"]:
        memberships.validate(membership)
        assert "organization_id" in membership
        assert "member" in membership or "person_id" in membership


def test_popolo_export_then_import_keeps_organisations_hierarchy_and_memberships(cixi: Registry) -> None:
    back = from_popolo(json.loads(json.dumps(to_popolo(cixi), ensure_ascii=False))).registry
    assert [(u.id, u.name, u.kind, u.superior_id, u.division_code) for u in back.units] == [
        (u.id, u.name, u.kind, u.superior_id, u.division_code) for u in cixi.units
    ]
    assert [(o.id, o.name, o.form, o.superior_id) for o in back.party_organisations] == [
        (o.id, o.name, o.form, o.superior_id) for o in cixi.party_organisations
    ]
    (alliance,) = back.alliances
    original = cixi.alliance("cixi-south")
    assert (alliance.type, alliance.lead_id, alliance.memberships, alliance.joint_committee_id) == (
        original.type,
        original.lead_id,
        original.memberships,
        original.joint_committee_id,
    )


def test_the_joint_committee_is_never_written_as_a_parent(cixi: Registry) -> None:
    alliance = next(o for o in to_popolo(cixi)["organizations"] if o["id"] == "cixi-south")
    assert "parent_id" not in alliance


def test_an_unknown_popolo_classification_is_kept_as_such() -> None:
    example = json.loads((POPOLO / "examples" / "organization.json").read_text(encoding="utf-8"))
    read = from_popolo(example)
    (unit,) = read.registry.units
    assert unit.kind is UnitKind.OTHER
    assert read.classifications == {"abc-inc": "Corporation"}
    assert unit.superior_id == "holding-company-corp"
    assert any("other_names" in note for note in read.not_kept)
    again = to_popolo(read.registry, read.classifications)["organizations"][0]
    assert again["classification"] == "Corporation"


@pytest.mark.parametrize("name", sorted(p.stem for p in (POPOLO / "examples").glob("*.json")))
def test_every_popolo_example_is_read_or_refused_with_a_config_error(name: str) -> None:
    data = json.loads((POPOLO / "examples" / f"{name}.json").read_text(encoding="utf-8"))
    try:
        read = from_popolo(data)
    except ConfigError as error:
        problems = error.problems
        assert problems
    else:
        assert isinstance(read.registry, Registry)


def test_popolo_memberships_embedded_in_an_alliance_are_read() -> None:
    data = {
        "id": "a",
        "name": "片区联盟",
        "classification": "片区党建联盟",
        "memberships": [
            {"member": {"id": "v1"}, "role": "牵头"},
            {"member": {"id": "v2"}, "start_date": "2020-06"},
        ],
    }
    read = from_popolo(data)
    (alliance,) = read.registry.alliances
    assert alliance.lead_id == "v1"
    assert [m.participant_id for m in alliance.memberships] == ["v1", "v2"]
    assert any("whole day" in note for note in read.not_kept)


@pytest.mark.parametrize(
    "data", [[], {"organizations": "x"}, {"organizations": [1]}, {"organizations": [{"id": 1, "name": "x"}]}]
)
def test_malformed_popolo_is_a_config_error(data: object) -> None:
    with pytest.raises(ConfigError):
        from_popolo(data)

"""The Popolo export read as W3C ORG RDF (JSON-LD), and the JSON Schema used inside OpenAPI 3.1."""

from __future__ import annotations

import json
from typing import Any

import jsonschema  # type: ignore[import-untyped, unused-ignore]
from openapi_spec_validator import validate as validate_openapi
from rdflib import RDF, Graph, Literal, Namespace, URIRef
from rdflib.namespace import SKOS, XSD

from dangjian_model import Registry
from dangjian_model.files import dumps, json_schema, openapi_components, to_popolo

ORG = Namespace("http://www.w3.org/ns/org#")
ID = Namespace("https://dangjian-model.invalid/id/")


def _graph(registry: Registry) -> Graph:
    text = json.dumps(to_popolo(registry), ensure_ascii=False)
    return Graph().parse(data=text, format="json-ld")


def test_the_popolo_export_reads_as_w3c_org_rdf(cixi: Registry) -> None:
    graph = _graph(cixi)
    alliance = cixi.alliances[0]
    assert (ID[alliance.id], RDF.type, ORG.OrganizationalCollaboration) in graph
    assert (ID[alliance.id], SKOS.prefLabel, Literal(alliance.name)) in graph
    village = next(u for u in cixi.units if u.superior_id is not None)
    assert village.superior_id is not None
    assert (ID[village.id], RDF.type, ORG.Organization) in graph
    assert (ID[village.id], ORG.subOrganizationOf, ID[village.superior_id]) in graph
    memberships = set(graph.subjects(ORG.organization, ID[alliance.id]))
    members = {graph.value(m, ORG.member) for m in memberships}
    assert {ID[m.participant_id] for m in alliance.memberships} <= members


def test_dates_are_typed_xsd_dates(cixi: Registry) -> None:
    graph = _graph(cixi)
    alliance = next(a for a in cixi.alliances if a.formed_on is not None)
    founded = graph.value(ID[alliance.id], URIRef("http://schema.org/foundingDate"))
    assert isinstance(founded, Literal)
    assert (founded.datatype, founded.toPython()) == (XSD.date, alliance.formed_on)


def _openapi(components: dict[str, Any]) -> dict[str, Any]:
    """An OpenAPI 3.1 document of a service that takes a registry document and returns findings."""
    return {
        "openapi": "3.1.0",
        "info": {"title": "党建联盟登记册 registry service", "version": "1.0.0"},
        "paths": {
            "/registries/validate": {
                "post": {
                    "requestBody": {
                        "required": True,
                        "content": {
                            "application/json": {"schema": {"$ref": "#/components/schemas/Configuration"}}
                        },
                    },
                    "responses": {"200": {"description": "the findings"}},
                }
            }
        },
        "components": components,
    }


def test_the_json_schema_as_openapi_3_1_components_is_a_valid_openapi_document(cixi: Registry) -> None:
    document = _openapi(openapi_components())
    validate_openapi(document)  # raises if the document, with every schema and reference in it, is not 3.1
    root = {"$schema": json_schema()["$schema"], "components": document["components"]}
    body = json.loads(dumps(cixi, personal_data=True))
    validator = jsonschema.Draft202012Validator({**root, "$ref": "#/components/schemas/Configuration"})
    validator.validate(body)
    assert not validator.is_valid({"units": [{"id": "a", "name": "甲", "kind": "no such kind"}]})


def test_openapi_components_hold_the_same_schemas_as_the_json_schema() -> None:
    schemas = openapi_components()["schemas"]
    assert set(schemas) == {"Configuration", *json_schema()["$defs"]}
    assert "$defs" not in json.dumps(schemas)

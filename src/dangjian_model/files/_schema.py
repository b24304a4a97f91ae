"""The JSON Schema (2020-12) of the configuration format, generated from the model's attrs fields."""

from __future__ import annotations

import datetime
import inspect
import json
import types
import typing
from decimal import Decimal
from fractions import Fraction
from typing import Any

import attrs

from dangjian_model import _fields as f
from dangjian_model._figures import FigureValue
from dangjian_model._hints import type_hints
from dangjian_model._labels import LabelledEnum, open_vocabulary
from dangjian_model._model import Alliance
from dangjian_model._money import Money
from dangjian_model._registry import Registry
from dangjian_model.files._converter import MAX_TEXT
from dangjian_model.files._document import VERSION

__all__ = ["SCHEMA_ID", "json_schema", "json_schema_text"]

#: The ``$id`` of the published schema.
SCHEMA_ID = "https://dangjian-model.invalid/schemas/configuration-v1.json"
_MAX_ID = 200


def json_schema() -> dict[str, Any]:
    """The JSON Schema of registry and alliance documents (``docs/schema.json``).

    >>> schema = json_schema()
    >>> schema["$defs"]["Membership"]["properties"]["role"]["enum"][:3]
    ['lead', '牵头', '牵头单位']
    """
    defs: dict[str, Any] = {}
    registry = _class(Registry, defs)
    registry["properties"] = {"version": {"const": VERSION}, **registry["properties"]}
    alliance_document = {
        "type": "object",
        "properties": {"version": {"const": VERSION}, "alliance": {"$ref": "#/$defs/Alliance"}},
        "required": ["alliance"],
        "additionalProperties": False,
    }
    _class(Alliance, defs)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "dangjian_model configuration (党建联盟 registry or alliance)",
        "description": "A registry document (collections of entities) or an alliance document "
        "(one key, alliance). Enum values are English identifiers or their Chinese labels; money is "
        "text such as '10万元'; dates are ISO; fractions are text such as '1/3' or '49.3%'.",
        "anyOf": [{"$ref": "#/$defs/RegistryDocument"}, {"$ref": "#/$defs/AllianceDocument"}],
        "$defs": {
            "RegistryDocument": registry,
            "AllianceDocument": alliance_document,
            **dict(sorted(defs.items())),
        },
    }


def json_schema_text() -> str:
    """The schema as canonical JSON text, exactly as published."""
    return json.dumps(json_schema(), ensure_ascii=False, indent=2) + "\n"


def _class(cls: type[Any], defs: dict[str, Any]) -> dict[str, Any]:
    hints = type_hints(cls)
    properties: dict[str, Any] = {}
    required: list[str] = []
    for a in attrs.fields(cls):
        if not a.init:
            continue
        properties[a.name] = _type(hints[a.name], a, defs)
        tag = a.name == "kind" and typing.get_origin(hints[a.name]) is typing.Literal
        if a.default is attrs.NOTHING or tag:  # the tag of a tagged union is required
            required.append(a.name)
    schema: dict[str, Any] = {"type": "object"}
    doc = inspect.getdoc(cls)
    if doc:
        schema["description"] = doc.split("\n\n")[0].replace("\n", " ")
    schema["properties"] = properties
    if required:
        schema["required"] = required
    schema["additionalProperties"] = False
    return schema


def _validators(attribute: attrs.Attribute[Any] | None) -> list[Any]:
    if attribute is None or attribute.validator is None:
        return []
    found = getattr(attribute.validator, "_validators", None)
    return list(found) if found is not None else [attribute.validator]


def _type(hint: Any, attribute: attrs.Attribute[Any] | None, defs: dict[str, Any]) -> dict[str, Any]:
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    enum = open_vocabulary(hint)
    if enum is not None:  # an open vocabulary: a member, or new text kept as a custom term
        custom = {
            "type": "string",
            "description": "a new term, kept as a custom term (reported as information, DJ803)",
            "minLength": 1,
            "maxLength": 100,
            "pattern": r"^\S(.*\S)?$",
        }
        term = {"anyOf": [_type(enum, None, defs), custom]}
        return {"anyOf": [term, {"type": "null"}]} if type(None) in args else term
    if origin in (typing.Union, types.UnionType):
        options = [_type(arg, attribute, defs) for arg in args if arg is not type(None)]
        if len(options) > 1:  # a tagged union (allocation rules): the ``kind`` tells which
            options = [{"anyOf": options}]
        return {"anyOf": [*options, {"type": "null"}]} if type(None) in args else options[0]
    if origin is typing.Literal:
        return {"enum": list(args)} if len(args) > 1 else {"const": args[0]}
    if origin is tuple:
        return {"type": "array", "items": _type(args[0], attribute, defs)}
    if origin is frozenset:
        return {"type": "array", "items": _type(args[0], None, defs), "uniqueItems": True}
    if isinstance(hint, type) and issubclass(hint, LabelledEnum):
        spellings = [text for m in hint for text in dict.fromkeys((m.value, m.label, *m.aliases))]
        labels = ", ".join(f"{m.value} = {m.label}" for m in hint)
        return {"description": f"{hint.zh_name()} ({hint.__name__}): {labels}", "enum": spellings}
    if attrs.has(hint) and hint not in (Money, FigureValue):
        if hint.__name__ not in defs:
            defs[hint.__name__] = {}  # placeholder against recursion
            defs[hint.__name__] = _class(hint, defs)
        return {"$ref": f"#/$defs/{hint.__name__}"}
    return _scalar(hint, _validators(attribute))


def _scalar(hint: Any, checks: list[Any]) -> dict[str, Any]:
    if hint is str:
        if f.check_id in checks or f.check_optional_id in checks or f.check_ids in checks:
            return {"type": "string", "minLength": 1, "maxLength": _MAX_ID, "pattern": r"^\S(.*\S)?$"}
        return {"type": "string", "minLength": 1, "maxLength": MAX_TEXT, "pattern": r"^\S(.*\S)?$"}
    if hint is bool:
        return {"type": "boolean"}
    if hint is int:
        positive = f.check_positive in checks or f.check_optional_positive in checks
        return {"type": "integer", "minimum": 1 if positive else 0}
    if hint is Money:
        text = "money in 元 as people write it: '10万元', '2000萬元', '¥1,234.56', '1234.56元'"
        if f.check_money in checks or f.check_optional_money in checks:  # a signed movement (ledger)
            return {"type": "string", "description": text + "; negative for money out", "maxLength": 64}
        # an amount: contributions, income, values, and the money of allocation rules are never negative
        return {
            "type": "string",
            "description": text + "; zero or more",
            "maxLength": 64,
            "not": {"pattern": r"^\s*[-−－﹣]"},
        }
    if hint is FigureValue:
        return {
            "description": "a reported figure as written: a number (or 十/百/千/万/亿), a marker and a unit, "
            "e.g. '300余个', '超过5000人', '近万名', '20%以上', '1.3亿件', '29.3亿元'",
            "anyOf": [
                {"type": "string", "minLength": 1, "maxLength": 100},
                {"type": "integer", "minimum": 0},
            ],
        }
    if hint is datetime.date:
        return {"type": "string", "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"}
    if hint is Fraction:
        return {
            "description": "a fraction in (0, 1]: '1/3', '49.3%' or a number",
            "anyOf": [
                {"type": "string", "pattern": r"^\s*\d+(\.\d+)?\s*(/\s*\d+|%)?\s*$"},
                {"type": "number"},
            ],
        }
    if hint is Decimal:
        return {
            "description": "a decimal number ≥ 0 (text keeps it exact)",
            "anyOf": [
                {"type": "string", "pattern": r"^\s*\d+(\.\d+)?\s*$"},
                {"type": "number", "minimum": 0},
            ],
        }
    raise TypeError(f"no schema for {hint!r}")  # pragma: no cover - a new field type needs a rule here

"""The JSON Schema of the configuration format as OpenAPI 3.1 components.

OpenAPI 3.1 schema objects are JSON Schema 2020-12, so :func:`json_schema` can be used as it is by
tools that honour ``$id``; many OpenAPI tools resolve ``#/…`` against the OpenAPI document instead.
:func:`openapi_components` gives the same schemas as ``components.schemas`` with every reference
pointing there, which every OpenAPI 3.1 tool reads:

>>> components = openapi_components()
>>> components["schemas"]["Configuration"]["anyOf"][0]
{'$ref': '#/components/schemas/RegistryDocument'}
"""

from __future__ import annotations

import json
from typing import Any

from dangjian_model.files._schema import json_schema

__all__ = ["openapi_components"]

_DEFS = '"#/$defs/'
_COMPONENTS = '"#/components/schemas/'


def openapi_components(name: str = "Configuration") -> dict[str, Any]:
    """``components`` of an OpenAPI 3.1 document: the schema of a document under ``name``, its parts beside.

    Refer to ``#/components/schemas/Configuration`` (either document), ``RegistryDocument``,
    ``AllianceDocument`` or any entity (``Unit``, ``Alliance`` …) in request and response bodies.
    """
    schema = json_schema()
    text = json.dumps(schema, ensure_ascii=False).replace(_DEFS, _COMPONENTS)
    rewritten: dict[str, Any] = json.loads(text)
    defs = rewritten.pop("$defs")
    rewritten.pop("$schema", None)
    rewritten.pop("$id", None)
    return {"schemas": {name: rewritten, **defs}}

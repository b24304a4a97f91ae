"""Configuration files and serialisation: JSON, YAML and TOML, JSON Schema, Popolo.

Every format has the same small API in its own private module (after cattrs' preconf
converters) and shares one converter configuration; this package re-exports the public names.

>>> from dangjian_model.files import dumps, loads
>>> registry = loads("units:\\n  - {id: kuangyan, name: 匡堰镇, kind: 镇乡}\\n", format="yaml")
>>> loads(dumps(registry, "toml"), format="toml") == registry
True
"""

from dangjian_model.files._api import FORMATS, Format, PersonalData, dump, dumps, format_of, load, loads
from dangjian_model.files._document import VERSION, Limits
from dangjian_model.files._errors import ConfigError, PersonalDataError, Problem
from dangjian_model.files._locate import locate
from dangjian_model.files._popolo import PopoloImport, from_popolo, to_popolo
from dangjian_model.files._schema import SCHEMA_ID, json_schema, json_schema_text
from dangjian_model.files._tidy import Tidied

__all__ = [
    "FORMATS",
    "SCHEMA_ID",
    "VERSION",
    "ConfigError",
    "Format",
    "Limits",
    "PersonalData",
    "PersonalDataError",
    "PopoloImport",
    "Problem",
    "Tidied",
    "dump",
    "dumps",
    "format_of",
    "from_popolo",
    "json_schema",
    "json_schema_text",
    "load",
    "loads",
    "locate",
    "to_popolo",
]

"""Configuration files and serialisation: JSON, YAML and TOML, JSON Schema, Popolo; workbooks, CSV and tables.

Every format has the same small API in its own private module (after cattrs' preconf
converters) and shares one converter configuration; this package re-exports the public names.

>>> from dangjian_model.files import dumps, loads
>>> registry = loads("units: [{id: kuangyan, name: 匡堰镇, kind: 镇乡}]", format="yaml")
>>> loads(dumps(registry, "toml"), format="toml") == registry
True
"""

from dangjian_model.files._api import FORMATS, Format, PersonalData, dump, dumps, format_of, load, loads
from dangjian_model.files._csv import Encoding, read_csv, write_csv
from dangjian_model.files._document import VERSION, Limits
from dangjian_model.files._errors import ConfigError, PersonalDataError, Problem
from dangjian_model.files._extras import MissingExtra
from dangjian_model.files._labelled import Labels, dumps_labelled, labelled_document, readable_money
from dangjian_model.files._locate import locate
from dangjian_model.files._openapi import openapi_components
from dangjian_model.files._plain import from_dict, to_dict
from dangjian_model.files._popolo import POPOLO_CONTEXT, PopoloImport, from_popolo, to_popolo
from dangjian_model.files._schema import SCHEMA_ID, json_schema, json_schema_text
from dangjian_model.files._sheets import Cell
from dangjian_model.files._tables import to_arrow, to_pandas, to_tables, write_parquet
from dangjian_model.files._tidy import Tidied
from dangjian_model.files._xlsx import SheetImport, read_workbook, write_template, write_workbook

__all__ = [
    "FORMATS",
    "POPOLO_CONTEXT",
    "SCHEMA_ID",
    "VERSION",
    "Cell",
    "ConfigError",
    "Encoding",
    "Format",
    "Labels",
    "Limits",
    "MissingExtra",
    "PersonalData",
    "PersonalDataError",
    "PopoloImport",
    "Problem",
    "SheetImport",
    "Tidied",
    "dump",
    "dumps",
    "dumps_labelled",
    "format_of",
    "from_dict",
    "from_popolo",
    "json_schema",
    "json_schema_text",
    "labelled_document",
    "load",
    "loads",
    "locate",
    "openapi_components",
    "read_csv",
    "read_workbook",
    "readable_money",
    "to_arrow",
    "to_dict",
    "to_pandas",
    "to_popolo",
    "to_tables",
    "write_csv",
    "write_parquet",
    "write_template",
    "write_workbook",
]

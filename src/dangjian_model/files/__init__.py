"""Configuration files and serialisation: JSON, YAML and TOML, JSON Schema, Popolo; workbooks, CSV and tables.

Every format has the same small API in its own private module (after cattrs' preconf
converters) and shares one converter configuration; this package re-exports the public names.

>>> from dangjian_model.files import dumps, loads
>>> registry = loads("units: [{id: kuangyan, name: 匡堰镇, kind: 镇乡}]", format="yaml")
>>> loads(dumps(registry, "toml"), format="toml") == registry
True
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from dangjian_model._lazy import exports

if TYPE_CHECKING:  # the type checker sees every name eagerly
    from dangjian_model.files._api import FORMATS as FORMATS
    from dangjian_model.files._api import Format as Format
    from dangjian_model.files._api import PersonalData as PersonalData
    from dangjian_model.files._api import dump as dump
    from dangjian_model.files._api import dumps as dumps
    from dangjian_model.files._api import format_of as format_of
    from dangjian_model.files._api import load as load
    from dangjian_model.files._api import loads as loads
    from dangjian_model.files._csv import Encoding as Encoding
    from dangjian_model.files._csv import read_csv as read_csv
    from dangjian_model.files._csv import write_csv as write_csv
    from dangjian_model.files._document import VERSION as VERSION
    from dangjian_model.files._document import Limits as Limits
    from dangjian_model.files._errors import ConfigError as ConfigError
    from dangjian_model.files._errors import PersonalDataError as PersonalDataError
    from dangjian_model.files._errors import Problem as Problem
    from dangjian_model.files._extras import MissingExtra as MissingExtra
    from dangjian_model.files._labelled import Labels as Labels
    from dangjian_model.files._labelled import dumps_labelled as dumps_labelled
    from dangjian_model.files._labelled import labelled_document as labelled_document
    from dangjian_model.files._labelled import readable_money as readable_money
    from dangjian_model.files._locate import locate as locate
    from dangjian_model.files._openapi import openapi_components as openapi_components
    from dangjian_model.files._plain import from_dict as from_dict
    from dangjian_model.files._plain import to_dict as to_dict
    from dangjian_model.files._popolo import POPOLO_CONTEXT as POPOLO_CONTEXT
    from dangjian_model.files._popolo import PopoloImport as PopoloImport
    from dangjian_model.files._popolo import from_popolo as from_popolo
    from dangjian_model.files._popolo import to_popolo as to_popolo
    from dangjian_model.files._schema import SCHEMA_ID as SCHEMA_ID
    from dangjian_model.files._schema import json_schema as json_schema
    from dangjian_model.files._schema import json_schema_text as json_schema_text
    from dangjian_model.files._sheets import Cell as Cell
    from dangjian_model.files._tables import to_arrow as to_arrow
    from dangjian_model.files._tables import to_pandas as to_pandas
    from dangjian_model.files._tables import to_tables as to_tables
    from dangjian_model.files._tables import write_parquet as write_parquet
    from dangjian_model.files._tidy import Tidied as Tidied
    from dangjian_model.files._xlsx import SheetImport as SheetImport
    from dangjian_model.files._xlsx import read_workbook as read_workbook
    from dangjian_model.files._xlsx import write_template as write_template
    from dangjian_model.files._xlsx import write_workbook as write_workbook

#: Each public name and the private module that defines it: the one list, loaded on first use.
_LOCATIONS: dict[str, str] = {
    "FORMATS": "dangjian_model.files._api",
    "Format": "dangjian_model.files._api",
    "PersonalData": "dangjian_model.files._api",
    "dump": "dangjian_model.files._api",
    "dumps": "dangjian_model.files._api",
    "format_of": "dangjian_model.files._api",
    "load": "dangjian_model.files._api",
    "loads": "dangjian_model.files._api",
    "Encoding": "dangjian_model.files._csv",
    "read_csv": "dangjian_model.files._csv",
    "write_csv": "dangjian_model.files._csv",
    "VERSION": "dangjian_model.files._document",
    "Limits": "dangjian_model.files._document",
    "ConfigError": "dangjian_model.files._errors",
    "PersonalDataError": "dangjian_model.files._errors",
    "Problem": "dangjian_model.files._errors",
    "MissingExtra": "dangjian_model.files._extras",
    "Labels": "dangjian_model.files._labelled",
    "dumps_labelled": "dangjian_model.files._labelled",
    "labelled_document": "dangjian_model.files._labelled",
    "readable_money": "dangjian_model.files._labelled",
    "locate": "dangjian_model.files._locate",
    "openapi_components": "dangjian_model.files._openapi",
    "from_dict": "dangjian_model.files._plain",
    "to_dict": "dangjian_model.files._plain",
    "POPOLO_CONTEXT": "dangjian_model.files._popolo",
    "PopoloImport": "dangjian_model.files._popolo",
    "from_popolo": "dangjian_model.files._popolo",
    "to_popolo": "dangjian_model.files._popolo",
    "SCHEMA_ID": "dangjian_model.files._schema",
    "json_schema": "dangjian_model.files._schema",
    "json_schema_text": "dangjian_model.files._schema",
    "Cell": "dangjian_model.files._sheets",
    "to_arrow": "dangjian_model.files._tables",
    "to_pandas": "dangjian_model.files._tables",
    "to_tables": "dangjian_model.files._tables",
    "write_parquet": "dangjian_model.files._tables",
    "Tidied": "dangjian_model.files._tidy",
    "SheetImport": "dangjian_model.files._xlsx",
    "read_workbook": "dangjian_model.files._xlsx",
    "write_template": "dangjian_model.files._xlsx",
    "write_workbook": "dangjian_model.files._xlsx",
}

__all__, __getattr__, __dir__ = exports(__name__, _LOCATIONS, globals())

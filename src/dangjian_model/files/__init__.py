"""Configuration files and serialisation: JSON, YAML and TOML, JSON Schema, Popolo.

Every format has the same small API in its own private module (after cattrs' preconf
converters) and shares one converter configuration; this package re-exports the public names.
"""

from dangjian_model.files._api import FORMATS, Format, dump, dumps, format_of, load, loads
from dangjian_model.files._document import VERSION, Limits
from dangjian_model.files._errors import ConfigError, Problem

__all__ = [
    "FORMATS",
    "VERSION",
    "ConfigError",
    "Format",
    "Limits",
    "Problem",
    "dump",
    "dumps",
    "format_of",
    "load",
    "loads",
]

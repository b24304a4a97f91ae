"""TOML: the same small API as the other formats. TOML has no null: fields left out are None."""

from __future__ import annotations

import functools
import re
import sys
from typing import TYPE_CHECKING, Any

from dangjian_model.files._document import (
    DEFAULT_LIMITS,
    Document,
    Limits,
    check_depth,
    finder,
    structure_document,
    unstructure_document,
)
from dangjian_model.files._errors import ConfigError, Problem
from dangjian_model.files._json import _HUGE_NUMBER

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib  # type: ignore[import-not-found, unused-ignore]

if TYPE_CHECKING:
    import cattrs

__all__ = ["converter", "dumps", "loads", "make_converter", "parse"]

_AT = re.compile(r"\s*\(at line (\d+), column (\d+)\)\s*\Z")


def make_converter() -> cattrs.Converter:
    """A new cattrs converter with the shared configuration (cattrs' TOML preconf needs tomlkit)."""
    import cattrs

    from dangjian_model.files._converter import configure_converter

    made = cattrs.Converter()
    configure_converter(made)
    return made


@functools.cache
def converter() -> cattrs.Converter:
    """The library's TOML converter, made when first asked."""
    return make_converter()


def parse(text: str, source: str = "<string>", limits: Limits = DEFAULT_LIMITS) -> Any:
    """Parse TOML text; a syntax error is a :class:`ConfigError` with its line and column."""
    limits.check_size(len(text), source)
    try:
        tree = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        message = str(error)
        at = _AT.search(message)
        line, column = (int(at.group(1)), int(at.group(2))) if at else (None, None)
        problem = Problem(
            path="$", value="", expected=f"valid TOML ({_AT.sub('', message)})", line=line, column=column
        )
    except ValueError:  # Python refuses to read an integer of more than 4300 digits
        problem = Problem(path="$", value="", expected=_HUGE_NUMBER)
    except RecursionError:
        problem = limits.depth_problem("$")
    else:
        check_depth(tree, limits, source)
        return tree
    raise ConfigError(source, (problem,))


def loads(
    text: str, into: type[Document], *, source: str = "<string>", limits: Limits = DEFAULT_LIMITS
) -> Any:
    """Read a registry or an alliance from TOML text."""
    tree = parse(text, source, limits)
    return structure_document(tree, into, converter(), source, limits=limits, find=finder(text, "toml"))


def dumps(obj: Document) -> str:
    """Canonical TOML: keys in field order, arrays of tables for the collections."""
    import tomli_w

    return tomli_w.dumps(unstructure_document(obj, converter()))

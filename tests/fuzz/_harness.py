"""The fuzz harness: every public entry point that reads outside data, with the errors it may raise.

An entry point is one line in :data:`ENTRY_POINTS`: a name, a function of one input, and the
documented error type(s). The ``dangjian`` command is fuzzed through files on disk, with its exit
codes as the contract, in ``tests/cli/test_fuzz.py``.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import attrs

from dangjian_model import (
    Alliance,
    AllianceType,
    AssetNature,
    BrandField,
    ContributionKind,
    DangjianError,
    Designation,
    Linkage,
    MembershipRole,
    Money,
    OrgTypeCode,
    PartyOrgForm,
    PartyStanding,
    PersonRole,
    Principle,
    QuantityUnit,
    Registry,
    TeamKind,
    UnitKind,
)
from dangjian_model._errors import InvalidFigure, InvalidLabel, InvalidMoney
from dangjian_model._figures import FigureValue
from dangjian_model._labels import LabelledEnum
from dangjian_model.files import ConfigError, from_dict, from_popolo, loads
from dangjian_model.identifiers import InvalidIdentifier, division_code, id_card, uscc
from tests.fuzz import _counters

ENUMS: tuple[type[LabelledEnum], ...] = (
    AllianceType,
    AssetNature,
    BrandField,
    ContributionKind,
    Designation,
    Linkage,
    MembershipRole,
    OrgTypeCode,
    PartyOrgForm,
    PartyStanding,
    PersonRole,
    Principle,
    QuantityUnit,
    TeamKind,
    UnitKind,
)


@attrs.frozen
class EntryPoint:
    """A public function that reads outside data, and the only errors it may let escape."""

    name: str
    call: Callable[[Any], object]
    errors: tuple[type[BaseException], ...]


def _loads(format: str, into: type[Any] = Registry) -> Callable[[Any], object]:
    def call(data: Any) -> object:
        return loads(data, format, into=into)  # type: ignore[call-overload]

    return call


def _popolo_text(data: Any) -> object:
    """Popolo arrives as JSON text; a parse error is the caller's, the rest is ours."""
    try:
        tree = json.loads(data)
    except (ValueError, RecursionError):
        return None
    return from_popolo(tree)


#: Entry points that read text or bytes.
TEXT_ENTRY_POINTS: tuple[EntryPoint, ...] = (
    EntryPoint("loads json", _loads("json"), (ConfigError,)),
    EntryPoint("loads yaml", _loads("yaml"), (ConfigError,)),
    EntryPoint("loads toml", _loads("toml"), (ConfigError,)),
    EntryPoint("loads json alliance", _loads("json", Alliance), (ConfigError,)),
    EntryPoint("loads yaml alliance", _loads("yaml", Alliance), (ConfigError,)),
    EntryPoint("loads toml alliance", _loads("toml", Alliance), (ConfigError,)),
    EntryPoint("from_popolo (JSON text)", _popolo_text, (ConfigError,)),
)

#: Entry points that read any value (text, numbers, mappings, lists …).
VALUE_ENTRY_POINTS: tuple[EntryPoint, ...] = (
    EntryPoint("from_popolo", from_popolo, (ConfigError,)),
    EntryPoint("from_dict registry", lambda data: from_dict(data, Registry), (ConfigError,)),
    EntryPoint("from_dict alliance", lambda data: from_dict(data, Alliance), (ConfigError,)),
    EntryPoint("FigureValue.parse", FigureValue.parse, (InvalidFigure,)),
    EntryPoint("Money.parse", Money.parse, (InvalidMoney,)),
    EntryPoint("Money.from_yuan", Money.from_yuan, (InvalidMoney,)),
    EntryPoint("Money.from_wan", Money.from_wan, (InvalidMoney,)),
    EntryPoint("id_card.validate", id_card.validate, (InvalidIdentifier,)),
    EntryPoint("uscc.validate", uscc.validate, (InvalidIdentifier,)),
    EntryPoint("division_code.validate", division_code.validate, (InvalidIdentifier,)),
    *(EntryPoint(f"{enum.__name__}.parse", enum.parse, (InvalidLabel,)) for enum in ENUMS),
)

ENTRY_POINTS = TEXT_ENTRY_POINTS + VALUE_ENTRY_POINTS


def feed(entry: EntryPoint, data: Any) -> None:
    """Call ``entry`` with ``data``: it returns, or raises one of its errors with a message."""
    _counters.INPUTS_TRIED += 1
    try:
        entry.call(data)
    except entry.errors as error:
        check_error(entry.name, error)


def check_error(name: str, error: BaseException) -> None:
    """A documented error: a :class:`DangjianError` with a message."""
    if not isinstance(error, DangjianError):
        raise AssertionError(f"{name}: {type(error).__name__} is not a DangjianError") from error
    if not str(error).strip():
        raise AssertionError(f"{name}: {type(error).__name__} without a message") from error

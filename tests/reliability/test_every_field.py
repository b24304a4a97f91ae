"""Nothing lost: a registry with every optional field of every class filled survives every format."""

from __future__ import annotations

import datetime
import types
import typing
from decimal import Decimal
from fractions import Fraction
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from dangjian_model import Money, Registry, strategies
from dangjian_model import _fields as fields
from dangjian_model._figures import FigureValue
from dangjian_model._labels import LabelledEnum, open_vocabulary
from dangjian_model._model import MAX_TERM_YEARS
from dangjian_model._registry import ENTITY_KINDS
from dangjian_model.allocation import RULE_TYPES
from dangjian_model.files import dumps, loads
from tests.fuzz import _counters

_ids = strategies.ids()


def _value(owner: type[Any], name: str, hint: Any) -> st.SearchStrategy[Any]:
    """A strategy for a field that is never None and never the default."""
    args = [a for a in typing.get_args(hint) if a is not type(None)]
    if len(args) > 1 and set(args) <= set(RULE_TYPES):  # an allocation rule: any kind, nested
        return strategies.allocation_rules(["a", "b", "c"])
    enum = open_vocabulary(hint)
    if enum is not None:  # an open vocabulary: a member or a custom term
        return st.sampled_from(list(enum)) | strategies.custom_terms(enum)
    if typing.get_origin(hint) is frozenset and (enum := open_vocabulary(args[0])) is not None:
        return st.frozensets(st.sampled_from(list(enum)) | strategies.custom_terms(enum), min_size=1)
    if hint is FigureValue:
        return strategies.figure_values()
    if typing.get_origin(hint) in (typing.Union, types.UnionType):
        return _value(owner, name, args[0])
    origin = typing.get_origin(hint)
    if origin is tuple:
        return st.lists(_value(owner, name, args[0]), min_size=1, max_size=3).map(tuple)
    if origin is frozenset:
        return st.frozensets(st.sampled_from(list(args[0])), min_size=1)
    if isinstance(hint, type) and issubclass(hint, LabelledEnum):
        return st.sampled_from(list(hint))
    if hint is str:
        return (
            _ids
            if name == "id" or name.endswith(("_id", "_ids")) or name == "reference"
            else strategies.names()
        )
    if (
        hint is bool
    ):  # the one value that is not the default (Agreement.contract_based, GridLevel.party_groups)
        return st.just(not attrs.fields_dict(owner)[name].default)
    if hint is int:  # a committee's term is refused above MAX_TERM_YEARS
        return st.integers(1, MAX_TERM_YEARS if name == "term_years" else 10_000)
    if hint is Decimal:
        return st.decimals(min_value=Decimal("0.01"), max_value=Decimal(10**6), places=2)
    if hint is Fraction:
        return st.fractions(min_value=Fraction(1, 1000), max_value=1)
    if hint is Money:  # an amount is never negative; a ledger entry (money in or out) may be
        validator = attrs.fields_dict(owner)[name].validator
        signed = validator in (fields.check_money, fields.check_optional_money)
        return strategies.money() if signed else strategies.money(0)
    if hint is datetime.date:
        return strategies.dates()
    if attrs.has(hint):
        return _filled(hint)
    raise NotImplementedError(f"{owner.__name__}.{name}: {hint!r}")


def _differs_from(default: object) -> Any:
    return lambda value: value != default


def _filled(cls: type[Any]) -> st.SearchStrategy[Any]:
    hints = typing.get_type_hints(cls)
    fields: dict[str, st.SearchStrategy[Any]] = {
        a.name: _value(cls, a.name, hints[a.name]).filter(_differs_from(a.default))
        for a in attrs.fields(cls)
        if a.init
    }
    return st.builds(cls, **fields)


@st.composite
def filled_registries(draw: st.DrawFn) -> Registry:
    """One entity of every kind with every field filled (the ids need not resolve: this is about files)."""
    collections = {}
    for name, (kind, _) in ENTITY_KINDS.items():
        collections[name] = [draw(_filled(kind))]
    return Registry(**collections)


@pytest.mark.parametrize("format", ["json", "yaml", "toml"])
@given(registry=filled_registries())
def test_every_optional_field_written_survives_dump_and_load(format: str, registry: Registry) -> None:
    _counters.example()
    for kind in registry.entities():
        for a in attrs.fields(type(kind)):
            assert getattr(kind, a.name) != a.default, f"{type(kind).__name__}.{a.name} is not filled"
    text = dumps(registry, format, personal_data=True)  # type: ignore[arg-type]
    assert loads(text, format) == registry  # type: ignore[call-overload]

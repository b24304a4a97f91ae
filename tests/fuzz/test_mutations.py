"""Structure-aware mutations of valid documents, and arbitrary values fed to the model's constructors."""

from __future__ import annotations

import contextlib
import json
from typing import Any

import attrs
import pytest
import tomli_w
import yaml  # type: ignore[import-untyped, unused-ignore]
from hypothesis import given
from hypothesis import strategies as st

from dangjian_model import DangjianError, Registry, _model, strategies
from dangjian_model.files import ConfigError, dumps, loads
from dangjian_model.validation import validate
from tests.fuzz import _counters
from tests.fuzz._data import example_trees, json_values, mutated
from tests.fuzz._harness import check_error

_EXAMPLES = example_trees()


def _texts(tree: Any) -> list[tuple[str, str]]:
    """The tree written in each format that can hold it (TOML has no null and needs a table on top)."""
    texts = [
        ("json", json.dumps(tree, ensure_ascii=False)),
        ("yaml", yaml.safe_dump(tree, allow_unicode=True)),
    ]
    with contextlib.suppress(TypeError, ValueError):
        texts.append(("toml", tomli_w.dumps(tree)))
    return texts


def _load_each(tree: Any) -> None:
    for format, text in _texts(tree):
        _counters.INPUTS_TRIED += 1
        try:
            registry = loads(text, format)  # type: ignore[call-overload]
        except ConfigError as error:
            check_error(f"loads {format}", error)
            if not error.problems:
                raise AssertionError("a ConfigError lists at least one problem") from error
        else:
            validate(registry)  # whatever loads, validation reports on without raising


@pytest.mark.parametrize(("name", "tree"), _EXAMPLES, ids=[name for name, _ in _EXAMPLES])
@given(data=st.data())
def test_mutated_example_files_load_or_give_a_config_error(name: str, tree: Any, data: st.DataObject) -> None:
    _counters.example()
    _load_each(data.draw(mutated(tree)))


@given(data=st.data(), registry=strategies.registries(max_alliances=2))
def test_mutated_dumps_of_generated_registries_load_or_give_a_config_error(
    data: st.DataObject, registry: Registry
) -> None:
    _counters.example()
    tree = json.loads(dumps(registry, "json", personal_data=True))
    _load_each(data.draw(mutated(tree)))


_KINDS = [kind for kind in (getattr(_model, name) for name in _model.__all__) if attrs.has(kind)] + [Registry]


@pytest.mark.parametrize("kind", _KINDS, ids=lambda kind: kind.__name__)
@given(data=st.data())
def test_model_constructors_fed_arbitrary_values_build_or_raise_a_dangjian_error(
    kind: type[Any], data: st.DataObject
) -> None:
    _counters.example()
    fields = [a for a in attrs.fields(kind) if a.init]
    chosen = data.draw(st.lists(st.sampled_from(fields), unique=True, max_size=len(fields)))
    values = {a.name: data.draw(json_values, label=a.name) for a in chosen}
    _counters.INPUTS_TRIED += 1
    try:
        kind(**values)
    except DangjianError as error:
        check_error(kind.__name__, error)
    except TypeError as error:  # a required argument left out: Python's own call error
        if "required" not in str(error):
            raise AssertionError(f"{kind.__name__}: {error!r}") from error


@given(registry=strategies.registries())
def test_validation_of_any_constructible_registry_reports_without_raising(registry: Registry) -> None:
    _counters.example()
    _counters.INPUTS_TRIED += 1
    report = validate(registry)
    assert report.to_text() is not None

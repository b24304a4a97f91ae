"""The type hints of the library's classes: ``typing.get_type_hints``, worked out once per class."""

from __future__ import annotations

import importlib
import pkgutil
import subprocess
import sys
import typing
from typing import Annotated, Any

import attrs
import pytest

import dangjian_model
from dangjian_model import Money
from dangjian_model._hints import deferred, loaded_hints, type_hints


def library_classes() -> list[type[Any]]:
    """Every attrs class a module of the library defines."""
    found: dict[str, type[Any]] = {}
    for info in pkgutil.walk_packages(dangjian_model.__path__, "dangjian_model."):
        if info.name.endswith("__main__"):
            continue
        module = importlib.import_module(info.name)
        for value in vars(module).values():
            if isinstance(value, type) and attrs.has(value) and value.__module__ == info.name:
                found[f"{value.__module__}.{value.__qualname__}"] = value
    return [found[name] for name in sorted(found)]


def test_every_class_of_the_library_has_the_hints_typing_gives_it() -> None:
    classes = library_classes()
    assert len(classes) > 100  # the model, the rules, the files', the validation's and the commands' classes
    compared = 0
    for cls in classes:
        try:
            expected = typing.get_type_hints(cls)
        except NameError:  # names only the type checker imports: both refuse alike (below)
            with pytest.raises(NameError):
                type_hints(cls)
            continue
        assert type_hints(cls) == expected, cls
        compared += 1
    assert compared > 100


def test_a_class_is_worked_out_once() -> None:
    from dangjian_model._model import Unit

    assert type_hints(Unit) is type_hints(Unit)


@attrs.frozen
class Annotated_:
    amount: Annotated[int, "分"]
    cap: Money | None = None


@attrs.frozen
class Nested:
    inner: list[Annotated_]
    later: tuple[str, ...] = ()


@attrs.frozen
class Unknown:
    thing: NoSuchName  # type: ignore[name-defined]  # noqa: F821


@pytest.mark.parametrize("cls", [Annotated_, Nested])
def test_unusual_annotations_read_as_typing_reads_them(cls: type[Any]) -> None:
    assert type_hints(cls) == typing.get_type_hints(cls)


def test_a_name_nobody_defines_is_refused_as_typing_refuses_it() -> None:
    with pytest.raises(NameError, match="NoSuchName"):
        type_hints(Unknown)


def test_a_field_typed_through_a_module_not_imported_yet_is_deferred_until_it_is() -> None:
    code = (
        "import sys\n"
        "from dangjian_model._hints import deferred, loaded_hints, type_hints\n"
        "from dangjian_model._model import Project\n"
        "print(deferred(Project, 'allocation_rule'), deferred(Project, 'name'))\n"
        "print('allocation_rule' in loaded_hints(Project), 'name' in loaded_hints(Project))\n"
        "print('dangjian_model.allocation._rules' in sys.modules)\n"
        "print('EqualSplit' in str(type_hints(Project)['allocation_rule']))\n"
        "print(deferred(Project, 'allocation_rule'), 'allocation_rule' in loaded_hints(Project))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["True", "False", "False", "True", "False", "True", "False", "True"]


def test_once_every_module_is_imported_nothing_is_deferred() -> None:
    from dangjian_model._model import Project
    from dangjian_model.allocation import _rules  # noqa: F401 - the module a project's rule names

    assert not deferred(Project, "allocation_rule")
    assert loaded_hints(Project) == typing.get_type_hints(Project)

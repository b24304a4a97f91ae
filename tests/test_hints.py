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


@attrs.frozen
class Quoted:
    inner: list["Annotated_"]  # noqa: UP037 - a text inside the annotation, which typing evaluates again


@attrs.frozen
class Child(Annotated_):
    extra: int = 0


def test_a_text_inside_an_annotation_is_read_as_typing_reads_it() -> None:
    assert type_hints(Quoted) == typing.get_type_hints(Quoted)  # (Python 3.10 leaves the inner text as it is)


def test_a_field_of_a_base_class_is_found_on_the_base_and_is_not_deferred() -> None:
    assert not deferred(Child, "amount")
    assert not deferred(Child, "no_such_field")
    assert type_hints(Child) == typing.get_type_hints(Child)


def test_a_field_annotated_by_an_object_rather_than_text_is_not_deferred() -> None:
    namespace: dict[str, Any] = {}
    source = "import attrs\n@attrs.frozen\nclass Plain:\n    n: int = 0\n"
    exec(compile(source, "<plain>", "exec", dont_inherit=True), namespace)  # annotations not postponed
    assert not deferred(namespace["Plain"], "n")


def test_a_module_loaded_on_first_use_defers_the_fields_it_types_until_it_is_imported() -> None:
    import types

    from dangjian_model._lazy import LazyModule

    lazy = "tests._hints_later"  # a module no test imports before this one asks for it
    module = types.ModuleType("tests._hints_probe")
    module.__dict__["later"] = LazyModule(lazy)
    sys.modules[module.__name__] = module
    try:
        exec(
            "from __future__ import annotations\n"
            "import attrs\n"
            "@attrs.frozen\n"
            "class Holder:\n"
            "    name: str\n"
            "    thing: later.Thing | None = None\n",
            module.__dict__,
        )
        holder = module.__dict__["Holder"]
        assert deferred(holder, "thing")
        assert not deferred(holder, "name")
        assert loaded_hints(holder) == {"name": str}
        assert lazy not in sys.modules
        later = types.ModuleType(lazy)
        exec("class Thing:\n    pass\n", later.__dict__)
        sys.modules[lazy] = later
        assert not deferred(holder, "thing")
        assert loaded_hints(holder) == {"name": str, "thing": later.__dict__["Thing"] | None}
    finally:
        sys.modules.pop(module.__name__, None)
        sys.modules.pop(lazy, None)

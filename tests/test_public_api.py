"""The public API is stated: one ``__all__`` per public module, every name importable and documented."""

from __future__ import annotations

import importlib
import inspect
from types import GenericAlias, ModuleType

import pytest

import dangjian_model

#: The public modules; everything else (a module whose name starts with ``_``) is private.
PUBLIC = [
    "dangjian_model",
    "dangjian_model.allocation",
    "dangjian_model.cli",
    "dangjian_model.diagram",
    "dangjian_model.files",
    "dangjian_model.identifiers",
    "dangjian_model.identifiers.division_code",
    "dangjian_model.identifiers.id_card",
    "dangjian_model.identifiers.uscc",
    "dangjian_model.lifecycle",
    "dangjian_model.report",
    "dangjian_model.strategies",
    "dangjian_model.validation",
]


def _module(name: str) -> ModuleType:
    return importlib.import_module(name)


@pytest.mark.parametrize("name", PUBLIC)
def test_every_public_module_states_its_names_in_all_and_has_a_docstring(name: str) -> None:
    module = _module(name)
    assert module.__doc__
    assert len(set(module.__all__)) == len(module.__all__)


@pytest.mark.parametrize("name", PUBLIC)
def test_every_public_name_is_importable_and_documented(name: str) -> None:
    module = _module(name)
    for public in module.__all__:
        value = getattr(module, public)
        if inspect.isclass(value) or inspect.isfunction(value):
            assert inspect.getdoc(value), f"{name}.{public} has no docstring"


def test_the_top_level_exports_nothing_from_a_private_module_by_a_private_name() -> None:
    for public in dangjian_model.__all__:
        assert not public.startswith("_") or public == "__version__"


def test_public_classes_say_where_users_import_them_from_or_live_in_a_private_module_of_the_package() -> None:
    for name in PUBLIC:
        module = _module(name)
        for public in module.__all__:
            value = getattr(module, public)
            # a type alias such as ``tuple[Registry, ...]`` is no class (Python 3.10 says it is)
            if inspect.isclass(value) and not isinstance(value, GenericAlias):
                assert value.__module__.startswith("dangjian_model"), f"{name}.{public}"


def test_the_version_is_the_packages_version() -> None:
    from importlib.metadata import version

    assert dangjian_model.__version__ == version("dangjian-model")


#: Names public in two modules for two different things, each known and meant: a validation rule of the
#: catalogue is not an allocation rule; the files' and the report's ``personal_data`` options differ.
HOMONYMS = {"Rule", "PersonalData"}


def test_one_public_name_is_one_thing_in_every_public_package_that_lists_it() -> None:
    """Two public ways to do one thing start as one name in two packages (the identifier modules, such as
    ``id_card.is_valid``, are namespaces read with their module's name and are left out)."""
    seen: dict[str, tuple[str, object]] = {}
    for name in (name for name in PUBLIC if name.count(".") <= 1):
        module = _module(name)
        for public in module.__all__:
            value = getattr(module, public)
            first = seen.setdefault(public, (name, value))
            if public not in HOMONYMS:
                assert first[1] is value, f"{name}.{public} is not {first[0]}.{public}: one name, two things"


@pytest.mark.parametrize(
    "name",
    ["dangjian_model", "dangjian_model.allocation", "dangjian_model.files", "dangjian_model.validation"],
)
def test_a_lazy_package_names_each_public_name_once_and_its_type_checking_imports_agree(name: str) -> None:
    """``_LOCATIONS`` is the one list: ``__all__`` is made from it, and the imports the type checker reads match it."""
    import ast
    from pathlib import Path

    module = _module(name)
    tree = ast.parse(Path(str(module.__file__)).read_text(encoding="utf-8"))
    (guarded,) = [
        node for node in tree.body if isinstance(node, ast.If) and ast.unparse(node.test) == "TYPE_CHECKING"
    ]
    imported = {
        alias.name: statement.module
        for statement in guarded.body
        if isinstance(statement, ast.ImportFrom)
        for alias in statement.names
        if alias.asname == alias.name  # re-exported explicitly
    }
    assert imported == module._LOCATIONS
    listed = [public for public in module.__all__ if public != "__version__"]
    assert len(listed) == len(set(listed)) and set(listed) == set(module._LOCATIONS)
    for public, where in module._LOCATIONS.items():
        assert getattr(importlib.import_module(where), public) is getattr(module, public)
    with pytest.raises(AttributeError, match="no attribute 'nothing_here'"):
        getattr(module, "nothing_here")  # noqa: B009
    assert set(module._LOCATIONS) <= set(dir(module))

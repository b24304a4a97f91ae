"""Plain data: any entity, the registry or an allocation rule as JSON-ready dicts, and back.

``to_dict`` gives the canonical form the JSON format writes (English ids, money as ``300000元``,
dates ISO, fields at their default left out); ``from_dict`` reads what the files read (Chinese
labels, ``10万元``) with the same checks and the same :class:`ConfigError`, every problem with its
path. For a web service the request body is already a dict:

>>> from dangjian_model import Unit
>>> unit = from_dict({"id": "kuangyan", "name": "匡堰镇", "kind": "镇乡"}, Unit)
>>> to_dict(unit)
{'id': 'kuangyan', 'name': '匡堰镇', 'kind': 'township'}
>>> from_dict(to_dict(unit), Unit) == unit
True
"""

from __future__ import annotations

from typing import Any, TypeVar, cast

import attrs

from dangjian_model._errors import DangjianError
from dangjian_model._model import Person
from dangjian_model._registry import Registry
from dangjian_model.allocation._rules import RULE_TYPES
from dangjian_model.files._api import PersonalData, _personal
from dangjian_model.files._converter import VALIDATION_ERRORS
from dangjian_model.files._document import (
    DEFAULT_LIMITS,
    Limits,
    check_depth,
    structure_document,
    unstructure_document,
)
from dangjian_model.files._errors import ConfigError, Problem, shown
from dangjian_model.files._fast import fast_structure
from dangjian_model.files._json import make_converter
from dangjian_model.files._problems import problems_of

__all__ = ["from_dict", "to_dict"]

T = TypeVar("T")
_CONVERTER = make_converter()


def to_dict(obj: Any, *, personal_data: PersonalData = False) -> dict[str, Any]:
    """The canonical plain form of an entity, a registry (with ``version``) or an allocation rule.

    A registry's dict is the JSON document (``json.dumps`` of it is what :func:`dumps` writes, up to
    spacing). ``personal_data`` is as for :func:`dumps`: a person, or a registry holding people, is
    refused unless it says how to write names, phones and ID-card numbers.

    Raises:
        PersonalDataError: ``obj`` is or holds people and ``personal_data`` is ``False``.
        TypeError: ``obj`` is not one of the model's classes.
    """
    if isinstance(obj, Registry):
        chosen = _personal(obj, personal_data)
        return unstructure_document(chosen, _CONVERTER)
    if isinstance(obj, Person):
        masked = _personal(Registry(people=[obj]), personal_data)
        assert isinstance(masked, Registry)
        obj = masked.people[0]
    if not attrs.has(type(obj)):
        raise TypeError(
            f"to_dict takes an entity of the model, a Registry or a rule, not {type(obj).__name__}"
        )
    result: dict[str, Any] = _CONVERTER.unstructure(obj, type(obj))
    if type(obj) in RULE_TYPES:  # a rule names its kind, as in a project's allocation_rule
        result = {"kind": obj.kind, **result}
    return result


def from_dict(data: Any, into: type[T], *, limits: Limits = DEFAULT_LIMITS, source: str = "<dict>") -> T:
    """Build an entity, a registry or a rule of class ``into`` from plain data, checked as files are.

    >>> from dangjian_model import Alliance
    >>> from_dict({"id": "a", "name": "联盟", "type": "片区党建联盟", "lead_id": 1}, Alliance)
    Traceback (most recent call last):
      ...
    dangjian_model.files._errors.ConfigError: <dict>: 1 problem
      $.lead_id: 值 1 无效，应为 文本（实际是数字） — 1 is not valid; expected text (got a number)

    Raises:
        ConfigError: the data is not a valid ``into``; every problem is listed with its path.
        TypeError: ``into`` is not one of the model's classes.
    """
    check_depth(data, limits, source)
    if into is Registry:
        fast = fast_structure(data, Registry)  # well-formed data: no cattrs pass
        return cast(T, fast if fast is not None else structure_document(data, Registry, _CONVERTER, source))
    if not attrs.has(into):
        raise TypeError(f"from_dict builds an entity of the model, a Registry or a rule, not {into!r}")
    try:
        return cast(T, _CONVERTER.structure(data, into))
    except (*VALIDATION_ERRORS, DangjianError) as error:
        problems = tuple(problems_of(error, "$"))
    except (RecursionError, MemoryError):
        problems = (Problem(path="$", value="", expected="data the library can hold"),)
    except Exception as error:  # a bug: still one ConfigError, never a traceback
        problems = (
            Problem(path="$", value=shown(type(error).__name__), expected=f"a valid {into.__name__}"),
        )
    raise ConfigError(source, problems)

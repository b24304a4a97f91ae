"""Documents for people to read: Chinese labels instead of English ids, amounts in 万元.

The canonical form stays English ids and ``300000元`` (what :func:`~dangjian_model.files.dumps`
writes); a labelled document reads back as the same registry, since every reader takes the labels
and ``30万元`` too.

>>> from dangjian_model import Registry, Unit
>>> registry = Registry(units=[Unit(id="changlong", name="倡隆村", kind="行政村", collective_income="150万元")])
>>> print(dumps_labelled(registry, "yaml"), end="")
version: 1
units:
  - id: changlong
    name: 倡隆村
    kind: 行政村
    collective_income: 150万元
"""

from __future__ import annotations

import json
import typing
from typing import Any, Literal

import cattrs
import tomli_w
import yaml  # type: ignore[import-untyped, unused-ignore]

from dangjian_model._labels import CustomTerm, LabelledEnum, open_vocabulary
from dangjian_model._money import Money
from dangjian_model.files._api import PersonalData, _personal
from dangjian_model.files._document import Document, unstructure_document
from dangjian_model.files._json import make_converter

__all__ = ["Labels", "dumps_labelled", "labelled_document", "readable_money"]

#: The words of a written document: ``en`` English ids (canonical), ``zh`` Chinese labels and 万元.
Labels = Literal["en", "zh"]
_WAN = 10_000 * 100


def readable_money(amount: Money) -> str:
    """An amount as people write it, exact: whole 万 as ``150万元``, other amounts as ``1234.56元``."""
    if amount.fen and amount.fen % _WAN == 0:
        return amount.format(unit="万", separators=False)
    return amount.to_text()


def _is_enum(cls: Any) -> bool:
    return isinstance(cls, type) and issubclass(cls, LabelledEnum)


def _is_enum_set(cls: Any) -> bool:
    args: tuple[Any, ...] = typing.get_args(cls)
    return typing.get_origin(cls) is frozenset and len(args) == 1 and _is_enum(args[0])


def _is_open(cls: Any) -> bool:
    return open_vocabulary(cls) is not None


def _is_open_set(cls: Any) -> bool:
    args: tuple[Any, ...] = typing.get_args(cls)
    return typing.get_origin(cls) is frozenset and len(args) == 1 and _is_open(args[0])


def _label(term: LabelledEnum | CustomTerm | None) -> str | None:
    """A member's Chinese label, or a custom term's (its only spelling)."""
    return None if term is None else term.label


def _labels(terms: frozenset[LabelledEnum | CustomTerm]) -> list[str]:
    return [t.label for t in sorted(terms, key=lambda t: t.value)]


def _make_converter() -> cattrs.Converter:
    converter = make_converter()
    converter.register_unstructure_hook(Money, readable_money)
    converter.register_unstructure_hook_func(_is_enum, _label)
    converter.register_unstructure_hook_func(_is_enum_set, _labels)
    converter.register_unstructure_hook_func(_is_open, _label)
    converter.register_unstructure_hook_func(_is_open_set, _labels)
    return converter


_CONVERTER = _make_converter()


def labelled_document(obj: Document, *, personal_data: PersonalData = False) -> dict[str, Any]:
    """The document of a registry or an alliance with Chinese labels and readable amounts."""
    return unstructure_document(_personal(obj, personal_data), _CONVERTER)


def dumps_labelled(obj: Document, format: str = "json", *, personal_data: PersonalData = False) -> str:
    """The text of :func:`labelled_document` in ``format`` (``json``, ``yaml`` or ``toml``).

    Raises:
        PersonalDataError: the document holds people and ``personal_data`` is ``False``.
        ValueError: ``format`` is none of the three.
    """
    document = labelled_document(obj, personal_data=personal_data)
    if format == "json":
        return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    if format == "yaml":
        from dangjian_model.files._yaml import _Dumper

        return str(yaml.dump(document, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=1000))
    if format == "toml":
        return tomli_w.dumps(document)
    raise ValueError(f"format must be json, yaml or toml, not {format!r}")

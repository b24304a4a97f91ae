"""msgspec decoding straight into the model's attrs classes, against the floor and against our load.

msgspec builds attrs instances in C: it fills the slots, then calls one post-init that runs every
field's attrs validator (a Python call per field with a validator); it does not run converters, and
it reads an attrs class only from a JSON object. ``dec_hook`` is asked only for the types msgspec does
not know (here: ``Fraction``), and answers with the model's own converters. This is the nearest
msgspec gets to building the model's objects for us, so it is the floor our typed tier should be
judged against, rather than structs that hold text where the model holds money and fractions.

Every contender runs on the same bytes with the garbage collector paused (the harness's ``paused``),
and the times are medians of interleaved rounds (the harness's ``side_by_side``, passed in):

- (a) msgspec into the benchmark's typed structs, whole document (the table's ``/no-gc``
  denominator), and the same on only the collections (b) can read;
- (b) msgspec into the attrs classes, on the collections it can read; (b gc) the same with the
  collector running, to show what the pause is worth;
- (c) ``loads`` of the whole document;
- (d) our typed tier (``files/_fast.py``) on the collections (b) can read, including the split of
  each collection into its entities that the whole load does in its outline pass.

A collection msgspec cannot read into the attrs classes is named with msgspec's reason, and both
sides of the (b)/(d) comparison leave it out.
"""

from __future__ import annotations

import functools
import operator
import types
import typing
from collections.abc import Callable, Mapping
from decimal import Decimal
from fractions import Fraction
from typing import Any

import attrs
import msgspec

from dangjian_model import Money, Registry
from dangjian_model import _fields as f
from dangjian_model._figures import FigureValue
from dangjian_model._labels import CustomTerm, LabelledEnum
from dangjian_model.files import Limits, loads
from dangjian_model.files._fast import _COLLECTIONS, _collections, _Session

Timer = Callable[[dict[str, Callable[[], Any]], int], dict[str, tuple[float, Any]]]
Pause = Callable[[Callable[[], Any]], Callable[[], Any]]

BIG = Limits(max_bytes=1 << 40)

#: The model's own converter for each type msgspec may hand to ``dec_hook`` (text or a number in).
CONVERTERS: dict[type[Any], Callable[[Any], Any]] = {
    Fraction: f.to_fraction,
    Money: f.to_money,
    Decimal: f.to_optional_decimal,
}


def dec_hook(kind: type[Any], value: Any) -> Any:
    """Turn what msgspec read into the model's value of ``kind``, with the model's converter."""
    convert = CONVERTERS.get(kind)
    if convert is not None:
        return convert(value)
    if isinstance(kind, type) and issubclass(kind, LabelledEnum):
        return f._lenient(kind, value)  # an id or a Chinese label, as the model reads it
    raise NotImplementedError(f"no converter for {kind!r}")


def list_of(kind: type[Any]) -> Any:
    """``list[kind]`` for a class known only when the benchmark runs."""
    return list[kind]  # type: ignore[valid-type]


def attrs_decoders(raw: Mapping[str, bytes]) -> tuple[dict[str, Any], dict[str, str]]:
    """For each collection: msgspec's decoder into ``list[attrs class]``, or why msgspec cannot read it.

    A collection counts as readable only if its decoder reads all of it (untimed, once). msgspec 0.18
    sets a field the document leaves out on the object it has built, which a frozen class refuses
    (``FrozenInstanceError``): with it no collection is readable, and the row says why.
    """
    decoders: dict[str, Any] = {}
    refused: dict[str, str] = {}
    for name, text in raw.items():
        try:
            decoder = msgspec.json.Decoder(list_of(_COLLECTIONS[name]), dec_hook=dec_hook)
            decoder.decode(text)
        except Exception as error:  # refused when the decoder is made, or when it reads
            refused[name] = f"{type(error).__name__}: {error}"
        else:
            decoders[name] = decoder
    return decoders, refused


#: Value classes kept as they are in the clones: written as text, or not the model's entities.
_KEPT: tuple[type[Any], ...] = (Money, FigureValue, CustomTerm)


def without_validators(cls: type[Any], made: dict[type[Any], type[Any]] | None = None) -> type[Any]:
    """A clone of an attrs class with the same fields and types but no validator or converter.

    Nested entity classes are cloned too. msgspec builds such a class without calling any Python,
    so it shows what the model's objects would cost if their checks were free.
    """
    made = {} if made is None else made
    found = made.get(cls)
    if found is not None:
        return found
    hints = typing.get_type_hints(cls)
    fields = {
        a.name: attrs.field(default=a.default, init=a.init, type=_swap(hints[a.name], made))
        for a in attrs.fields(cls)
    }
    found = made[cls] = attrs.make_class(f"{cls.__name__}Bare", fields, frozen=True, slots=True, kw_only=True)
    return found


def _swap(hint: Any, made: dict[type[Any], type[Any]]) -> Any:
    """``hint`` with every entity class in it replaced by its clone."""
    if isinstance(hint, type) and attrs.has(hint) and not issubclass(hint, _KEPT):
        return without_validators(hint, made)
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin in (typing.Union, types.UnionType):
        return functools.reduce(operator.or_, [_swap(arg, made) for arg in args])
    if origin in (tuple, frozenset):
        return origin[tuple(arg if arg is Ellipsis else _swap(arg, made) for arg in args)]
    return hint


def floor_types(floor: type[Any]) -> dict[str, type[Any]]:
    """The struct of each collection of the floor's registry struct (``tuple[MUnit, ...]`` gives ``MUnit``)."""
    found: dict[str, type[Any]] = {}
    for name, hint in typing.get_type_hints(floor).items():
        args = typing.get_args(hint)
        if args:
            found[name] = args[0]
    return found


def first_difference(theirs: list[Any], ours: tuple[Any, ...]) -> str | None:
    """Where two lists of attrs objects first differ (index, class, the fields that differ), or None."""
    if len(theirs) != len(ours):
        return f"{len(theirs)} objects against {len(ours)}"
    for index, (one, other) in enumerate(zip(theirs, ours, strict=True)):
        if one != other:
            if type(one) is not type(other):
                return f"[{index}]: {type(one).__name__} against {type(other).__name__}"
            fields = [
                a.name for a in attrs.fields(type(one)) if getattr(one, a.name) != getattr(other, a.name)
            ]
            return f"[{index}] {type(one).__name__}: fields {', '.join(fields)} differ"
    return None


def accepts_unknown_key() -> bool:
    """Whether msgspec into the attrs classes reads an object with a key the class does not have.

    Our load refuses it (and says where); structs with ``forbid_unknown_fields`` refuse it too.
    False as well when this msgspec cannot build the frozen class at all (0.18: see :func:`attrs_decoders`).
    """
    decoder = msgspec.json.Decoder(_COLLECTIONS["units"], dec_hook=dec_hook)
    try:
        decoder.decode(b'{"id": "u1", "name": "x", "kind": "village", "no_such_key": 1}')
    except (msgspec.ValidationError, attrs.exceptions.FrozenInstanceError):
        return False
    return True


def money_from_text() -> str | None:
    """Why msgspec cannot read an amount written as text into ``Money`` (None if it can).

    ``Money`` is an attrs class, so msgspec reads it only from a JSON object and never asks
    ``dec_hook``; the format writes amounts as text (``"1610000元"``).
    """
    try:
        msgspec.json.Decoder(Money, dec_hook=dec_hook).decode('"1610000元"'.encode())
    except msgspec.ValidationError as error:
        return f"{type(error).__name__}: {error}"
    return None


def same_values(theirs: list[Any], ours: tuple[Any, ...]) -> bool:
    """Whether objects of other classes hold the same values as ours, field by field, nested ones too."""
    return len(theirs) == len(ours) and all(
        _values(one) == _values(other) for one, other in zip(theirs, ours, strict=True)
    )


def _values(value: Any) -> Any:
    """An entity as the tuple of its fields' values, nested entities too; other values as they are."""
    if attrs.has(type(value)) and not isinstance(value, _KEPT):
        return tuple(_values(getattr(value, a.name)) for a in attrs.fields(type(value)))
    if type(value) is tuple:
        return tuple(map(_values, value))
    return value


def measure(data: bytes, floor: type[Any], runs: int, timer: Timer, pause: Pause) -> dict[str, Any]:
    """Every contender on ``data`` (a registry's JSON), the collector paused; times, checks and reasons."""
    raw = {
        name: bytes(value)
        for name, value in msgspec.json.decode(data, type=dict[str, msgspec.Raw]).items()
        if name != "version"
    }
    decoders, refused = attrs_decoders(raw)
    names = list(decoders)
    structs = {name: msgspec.json.Decoder(list_of(kind)) for name, kind in floor_types(floor).items()}
    bare = {
        name: msgspec.json.Decoder(list_of(without_validators(_COLLECTIONS[name])), dec_hook=dec_hook)
        for name in names
    }
    whole = msgspec.json.Decoder(floor)
    split = msgspec.json.Decoder(tuple[msgspec.Raw, ...])

    def floor_part() -> list[Any]:
        return [structs[name].decode(raw[name]) for name in names]

    def attrs_part() -> dict[str, list[Any]]:
        return {name: decoders[name].decode(raw[name]) for name in names}

    def bare_part() -> list[Any]:
        return [bare[name].decode(raw[name]) for name in names]

    def ours_part() -> dict[str, list[Any]]:
        top = {name: split.decode(raw[name]) for name in names}
        return _collections(top, _Session(), None)

    measured = timer(
        {
            "floor_whole": pause(lambda: whole.decode(data)),
            "floor": pause(floor_part),
            "attrs": pause(attrs_part),
            "attrs_gc": attrs_part,
            "bare": pause(bare_part),
            "loads": pause(lambda: loads(data, limits=BIG)),
            "typed": pause(ours_part),
        },
        runs,
    )
    ours: Registry = measured["loads"][1]
    by_attrs: dict[str, list[Any]] = measured["attrs"][1]
    by_typed: dict[str, list[Any]] = measured["typed"][1]
    by_bare: list[list[Any]] = measured["bare"][1]
    differences = {
        name: found
        for name in names
        if (found := first_difference(by_attrs[name], getattr(ours, name))) is not None
    }
    row: dict[str, Any] = {name: seconds for name, (seconds, _) in measured.items()}
    row.update(
        n_bytes=len(data),
        collections=names,
        refused=refused,
        objects=sum(len(items) for items in by_attrs.values()),
        differences=differences,
        typed_equal=all(tuple(by_typed[name]) == getattr(ours, name) for name in names),
        unknown_key_accepted=accepts_unknown_key(),
        money_from_text=money_from_text(),
        bare_same=all(
            same_values(items, getattr(ours, name)) for name, items in zip(names, by_bare, strict=True)
        ),
    )
    return row


def lines(row: dict[str, Any]) -> list[str]:
    """The row as the table prints it: seconds, ratios, what msgspec could not read, the equality check.

    ``row`` is :func:`measure`'s with the number of organisations added as ``n`` (as
    ``run.msgspec_attrs_row`` gives it).
    """

    def ms(seconds: float) -> str:
        return f"{seconds * 1e3:.0f} ms"

    parts = "+".join(row["collections"]) or "none"
    out = [
        "== msgspec straight into the model's attrs classes (validators run by msgspec, converters not), "
        "collector paused for every contender",
        f"{row['n']:,} organisations, {row['n_bytes'] / 1e6:.1f} MB; collections msgspec reads into the attrs classes: {parts} "
        f"({row['objects']:,} top-level objects)",
    ]
    for name, reason in row["refused"].items():
        out.append(f"  not readable, left out on both sides: {name} ({reason.splitlines()[0][:150]})")
    if not row["collections"]:
        return [*out, f"  nothing left to compare: msgspec {msgspec.__version__} reads none of them"]
    if row["money_from_text"]:
        out.append(f"  and Money is read only from a JSON object, never from text: {row['money_from_text']}")
    floor = row["floor"]
    out += [
        f"  (a) msgspec into typed structs: whole document {ms(row['floor_whole'])}, these collections "
        f"{ms(floor)}",
        f"  (b) msgspec into attrs classes {ms(row['attrs'])}: {row['attrs'] / floor:.2f} × (a) "
        f"[collector running: {ms(row['attrs_gc'])}, {row['attrs_gc'] / floor:.2f} × (a)]",
        f"  (c) loads, whole document {ms(row['loads'])}: {row['loads'] / row['floor_whole']:.2f} × (a) whole",
        f"  (d) our typed tier, these collections {ms(row['typed'])}: {row['typed'] / floor:.2f} × (a), "
        f"{row['typed'] / row['attrs']:.2f} × (b)",
    ]
    out.append(
        f"  (e) msgspec into clones of these classes without validators {ms(row['bare'])}: "
        f"{row['bare'] / floor:.2f} × (a) (what building the attrs objects costs when no check runs; "
        f"same values as loads': {'yes' if row['bare_same'] else 'NO'})"
    )
    if row["differences"]:
        found = "; ".join(f"{name} {where}" for name, where in row["differences"].items())
        out.append(f"  (b) builds different objects from loads: {found}")
    else:
        out.append(f"  (b) builds objects equal (==) to loads' on all {row['objects']:,}")
    out.append(
        f"  (d) equal to loads' objects: {'yes' if row['typed_equal'] else 'NO'}; "
        f"(b) reads an object with an unknown key without a word: "
        f"{'yes' if row['unknown_key_accepted'] else 'no'} (loads refuses it)"
    )
    return out

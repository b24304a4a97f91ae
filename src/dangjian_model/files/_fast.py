"""A fast path for well-formed documents: build the model's objects without cattrs' per-field passes.

The detailed path (cattrs with detailed validation) checks every field separately so that it can
report every problem; that costs several passes per field. Most documents are well-formed, so
loading first tries this path, in two tiers that build exactly the objects the constructors build:

- **Typed** (JSON only): msgspec decodes each batch of entities into *mirror structs* generated
  from the attrs classes, so the checks a type can state — an object with only these keys, a whole
  number ≥ 0, an ISO date, a member of an enum (its English id, or its Chinese label through the
  enum's own ``_missing_``), a list — run in C. A builder generated per class then fills the attrs
  slots from the struct, running *the model's own validator* on each text (cached per distinct
  text) and its own converter on each value no type can state (money, fractions, decimals). Which
  fields msgspec may check alone is decided when the builder is generated, by running the model's
  converter and validator on every enum member, a date and None: if they would change or refuse
  any of them, the field is handled in Python like any other value.
- **Untyped** (a parsed tree: YAML, TOML, or a JSON batch the typed tier refused, e.g. one with a
  float where a struct wants an integer): a builder per class reads the JSON object and runs, for
  every field present, the model's own converter and validator.

In both tiers the result of converting and validating a text depends only on the text, so it is
cached per load: a reference, a name, a date or an amount seen before costs one dict lookup, and
equal values share one object (a million branches named ``第1村党支部`` hold one string). A few
guards cover what the constructors accept but the format refuses (a float, a number as long text,
a key the class does not have, a repeated enum value). A repeated key — which both msgspec and
``dict`` would silently drop — is found by counting: a document without one has exactly as many
``:`` outside its strings as its objects have keys.

For JSON bytes, msgspec splits each collection into its entities' raw bytes and decodes 512 at a
time, so only one batch's objects are alive at a time. Anything unexpected makes the path give up
(return None) and the detailed path runs, so a malformed document always gets the full list of
problems.
"""

from __future__ import annotations

import contextlib
import datetime
import gc
import threading
import typing
from collections.abc import Callable, Iterator
from typing import Any

import attrs

from dangjian_model import _fields as f
from dangjian_model._figures import FigureValue
from dangjian_model._hints import loaded_hints, type_hints
from dangjian_model._labels import LabelledEnum, open_vocabulary
from dangjian_model._model import Alliance
from dangjian_model._money import Money
from dangjian_model._registry import Registry

__all__ = ["FORMAT_DEPTH", "fast_load_json_file", "fast_loads_json", "fast_structure"]

#: The deepest nesting a well-formed document can have; below this limit the fast path is not taken.
FORMAT_DEPTH = 8
#: The longest text the detailed path reads as a number, date or label.
_MAX_LABEL = 100


class _GiveUp(Exception):
    """The fast path cannot tell; the detailed path will."""


_MISSING = object()
#: attrs classes that are values written as text (``10万元``, ``300余个``), not objects of the format.
_SCALARS = (Money, FigureValue)
_INT_BOUNDS: dict[Any, tuple[int, bool]] = {
    f.check_count: (0, False),
    f.check_optional_count: (0, True),
    f.check_positive: (1, False),
    f.check_optional_positive: (1, True),
}
_TEXT_LIMITS: dict[Any, int] = {
    f.check_id: f.MAX_ID,
    f.check_optional_id: f.MAX_ID,
    f.check_text: f.MAX_TEXT,
    f.check_optional_text: f.MAX_TEXT,
}
_TEXT_CHECKS = tuple(_TEXT_LIMITS)
# For text (never None) the optional check is the check; lists of ids check each id with check_id.
_SAME_FOR_TEXT: dict[Any, Any] = {f.check_optional_id: f.check_id, f.check_optional_text: f.check_text}


class _Session:
    """The builders of one load, with their caches (dropped with the session)."""

    def __init__(self) -> None:
        self._globals: list[dict[str, Any]] = []  # each builder counts the keys it read in its ``_n``
        self._builders: dict[type[Any], Callable[[Any], Any]] = {}
        self._typed: dict[type[Any], Callable[[Any], Any]] = {}
        self._caches: dict[tuple[Any, Any], dict[str, Any]] = {}
        self._sets: dict[frozenset[Any], frozenset[Any]] = {}
        self._dates: dict[Any, Any] = {}

    def builder(self, cls: type[Any]) -> Callable[[Any], Any]:
        found = self._builders.get(cls)
        if found is None:
            found = self._compile(cls)
        return found

    @property
    def keys(self) -> int:
        """The keys of every object built, for the repeated-key count."""
        return sum(names["_n"] for names in self._globals)

    def typed_builder(self, cls: type[Any]) -> Callable[[Any], Any]:
        """The builder of a ``cls`` from its mirror struct (see :func:`mirror`)."""
        found = self._typed.get(cls)
        if found is None:
            found = self._compile_typed(cls)
        return found

    def _cache(self, converter: Any, validator: Any) -> dict[str, Any]:
        # one cache per check, whatever the field: every id shares one, every name another
        validator = _SAME_FOR_TEXT.get(validator, validator)
        return self._caches.setdefault((converter, validator), {})

    def _names(self, cls: type[Any]) -> dict[str, Any]:
        names = {
            "_n": 0,
            "_GiveUp": _GiveUp,
            "_M": _MISSING,
            "_new": object.__new__,
            "_cls": cls,
            "_str": str,
            "_int": int,
            "_list": list,
            "_dict": dict,
            "_len": len,
            "_tuple": tuple,
            "_frozenset": frozenset,
            "_sets": self._sets,
            "_date": self._dates.setdefault,
            "_count_keys": _count_keys,
        }
        self._globals.append(names)
        return names

    def _compile(self, cls: type[Any]) -> Callable[[Any], Any]:
        _check_defaults(cls)
        hints = _hints(cls)
        bare = object.__new__(cls)  # only names the class in the validators' messages
        names = self._names(cls)
        lines = [
            "def build(item):",
            "    global _n",
            "    if type(item) is not _dict: raise _GiveUp",
            "    self = _new(_cls)",
            "    n = 0",
        ]
        for a in attrs.fields(cls):
            if not a.init:
                continue
            lines += self._field(a, hints[a.name], bare, names)
        lines += [
            "    if n != _len(item): raise _GiveUp",  # a key the class does not have
            "    _n += n",
            "    return self",
        ]
        build = _exec(lines, f"<fast builder {cls.__name__}>", names)
        self._builders[cls] = build
        return build

    def _compile_typed(self, cls: type[Any]) -> Callable[[Any], Any]:
        import msgspec

        bare = object.__new__(cls)
        names = self._names(cls)
        names["_U"] = msgspec.UNSET
        plans = _plans(cls)
        required = sum(a.default is attrs.NOTHING for a, _, _, _ in plans)
        lines = ["def build(s):", "    global _n", "    self = _new(_cls)", f"    n = {required}"]
        for a, kind, inner, _ in plans:
            lines += self._typed_field(a, kind, inner, bare, names)
        lines += ["    _n += n", "    return self"]
        build = _exec(lines, f"<typed builder {cls.__name__}>", names)
        self._typed[cls] = build
        return build

    def _typed_field(
        self, a: attrs.Attribute[Any], kind: str, inner: Any, bare: object, names: dict[str, Any]
    ) -> list[str]:
        """Fill one slot from a mirror struct: msgspec has checked what the mirror's type states."""
        name = a.name
        body: list[str] = []
        if kind == "union":
            names[f"R_{name}"] = _union_builder(inner, _nullable(a, bare))
            body = ["n += _count_keys(v)", f"v = R_{name}(v)"]
        elif kind == "objects":
            names[f"B_{name}"] = self.typed_builder(inner)
            body = [f"v = _tuple(map(B_{name}, v))"]
        elif kind == "object":
            names[f"B_{name}"] = self.typed_builder(inner)
            body = [f"if v is not None: v = B_{name}(v)"]
        elif kind == "ids":
            names[f"C_{name}"] = cache = self._cache(None, f.check_id)
            names[f"S_{name}"] = self._item(a, str, bare, cache)
            body = [  # most are references to ids already read: looked up in C, one by one only if not
                f"w = _tuple(map(C_{name}.get, v))",
                f"v = _tuple([C_{name}[x] if x in C_{name} else S_{name}(x) for x in v]) if None in w else w",
            ]
        elif kind == "open":  # members and custom terms: the model's converter, once per distinct list
            names[f"O_{name}"] = self._open_set(a, bare)
            body = [f"v = O_{name}(v)"]
        elif kind == "members":  # a list of members: a set, each member once
            body = [
                "w = v",
                "v = _frozenset(w)",
                "if _len(v) != _len(w): raise _GiveUp",
                "v = _sets.setdefault(v, v)",
            ]
        elif kind == "text":  # msgspec has checked it is text; most text is plain, told in C
            names["_bare"] = bare
            names[f"A_{name}"], names[f"V_{name}"] = a, _SAME_FOR_TEXT.get(a.validator, a.validator)
            check = f"if not ({_plain_test('v', _TEXT_LIMITS[a.validator])}): V_{name}(_bare, A_{name}, v)"
            # equal texts share one object: a reference holds the very string of the id it names
            names[f"C_{name}"] = self._cache(a.converter, a.validator)
            body = [
                f"w = C_{name}.get(v)",
                "if w is None:",
                f"    {check}",
                f"    C_{name}[v] = v",
                "else:",
                "    v = w",
            ]
            if _nullable(a, bare):
                body = ["if v is not None:", *("    " + line for line in body)]
        elif kind == "value":
            names[f"C_{name}"] = cache = self._cache(a.converter, a.validator)
            names[f"S_{name}"] = self._value(a, bare, cache)
            body = [
                f"w = C_{name}.get(v) if type(v) is _str else None",
                f"v = S_{name}(v) if w is None else w",
            ]
        elif kind == "date":  # equal dates share one object, as they do when read from text
            body = ["v = _date(v, v)"]
        # counts, enum members, dates and booleans: checked by msgspec, as the model would
        names[f"P_{name}"] = _slot_setter(type(bare), name)
        names[f"D_{name}"] = a.default
        if a.default is attrs.NOTHING:
            return [f"    v = s.{name}", *("    " + line for line in body), f"    P_{name}(self, v)"]
        return [
            f"    v = s.{name}",
            "    if v is _U:",
            f"        P_{name}(self, D_{name})",
            "    else:",
            "        n += 1",
            *("        " + line for line in body),
            f"        P_{name}(self, v)",
        ]

    def _field(self, a: attrs.Attribute[Any], hint: Any, bare: object, names: dict[str, Any]) -> list[str]:
        name = a.name
        # ``tuple[X, ...]`` has the arguments (X, Ellipsis): only X counts, it is no union
        args = [arg for arg in typing.get_args(hint) if arg is not type(None) and arg is not Ellipsis]
        inner = args[0] if args else hint
        origin = typing.get_origin(hint)
        names[f"D_{name}"] = a.default
        required = a.default is attrs.NOTHING
        head = [f"    v = item.get({name!r}, _M)", "    if v is _M:"]
        head.append("        raise _GiveUp" if required else f"        P_{name}(self, D_{name})")
        head += ["    else:", "        n += 1"]
        is_open = open_vocabulary(hint) is not None
        if origin is frozenset and open_vocabulary(inner) is not None:
            names[f"O_{name}"] = self._open_set(a, bare)
            body = [
                "        if type(v) is not _list: raise _GiveUp",
                f"        v = O_{name}(_tuple(v))",
            ]
        elif (len(args) > 1 and not is_open) or isinstance(hint, _Later):
            # a tagged union (allocation rules): built by the converter
            names[f"R_{name}"] = _union_builder(hint, _nullable(a, bare))
            body = ["        _n += _count_keys(v)", f"        v = R_{name}(v)"]
        elif origin is tuple and attrs.has(inner) and inner not in _SCALARS:
            names[f"B_{name}"] = self.builder(inner)
            body = [
                "        if type(v) is not _list: raise _GiveUp",
                f"        v = _tuple([B_{name}(x) for x in v])",
            ]
        elif origin in (tuple, frozenset):
            item_check = f._lenient if origin is frozenset else None
            converter = a.converter if origin is frozenset else None
            names[f"C_{name}"] = cache = self._cache(converter, item_check or f.check_id)
            names[f"S_{name}"] = self._item(a, inner if origin is frozenset else str, bare, cache)
            body = [
                "        if type(v) is not _list: raise _GiveUp",
                f"        c = C_{name}",
                f"        w = [c[x] if x in c else S_{name}(x) for x in v]",
            ]
            if origin is frozenset:
                # equal sets share one object (every alliance with the same principles holds one set)
                body += [
                    "        v = _frozenset(w)",
                    "        if _len(v) != _len(w): raise _GiveUp",
                    "        v = _sets.setdefault(v, v)",
                ]
            else:
                body += ["        v = _tuple(w)"]
        elif attrs.has(inner) and inner not in _SCALARS and not is_open:
            names[f"B_{name}"] = self.builder(inner)
            body = [f"        if v is not None: v = B_{name}(v)"]
            if required:
                body = [f"        v = B_{name}(v)"]
        elif a.validator in _INT_BOUNDS and a.converter is None:
            low, optional = _INT_BOUNDS[a.validator]
            test = f"(type(v) is not _int or v < {low})"
            body = [f"        if {'v is not None and ' if optional else ''}{test}: raise _GiveUp"]
        else:
            names[f"C_{name}"] = self._cache(a.converter, a.validator)
            names[f"S_{name}"] = self._value(a, bare, names[f"C_{name}"])
            body = [
                f"        w = C_{name}.get(v) if type(v) is _str else None",
                f"        v = S_{name}(v) if w is None else w",
            ]
        names[f"P_{name}"] = _slot_setter(type(bare), name)  # faster than object.__setattr__
        return [*head, *body, f"        P_{name}(self, v)"]

    @staticmethod
    def _value(a: attrs.Attribute[Any], bare: object, cache: dict[str, Any]) -> Callable[[Any], Any]:
        """Convert and validate one value as the constructor would; remember the result for text."""
        converter: Any = a.converter
        validator = a.validator
        texts = a.validator in _TEXT_CHECKS

        def slow(value: Any) -> Any:
            if type(value) is float or type(value) in (list, dict):
                raise _GiveUp  # the detailed path reads these differently, or refuses them
            if type(value) is str and not texts and len(value) > _MAX_LABEL:
                raise _GiveUp
            result = value if converter is None else converter(value)
            if validator is not None:
                try:
                    validator(bare, a, result)
                except Exception:
                    raise _GiveUp from None
            if type(value) is str:
                cache[value] = result
            return result

        return slow

    def _open_set(self, a: attrs.Attribute[Any], bare: object) -> Callable[[Any], Any]:
        """A list of members and custom terms as the constructor reads it, each once; one set per list."""
        converter: Any = a.converter
        validator = a.validator
        assert validator is not None
        cache: dict[tuple[Any, ...], Any] = {}

        def build(value: tuple[Any, ...]) -> Any:
            found = cache.get(value)
            if found is not None:
                return found
            if any(type(item) is not str or len(item) > _MAX_LABEL for item in value):
                raise _GiveUp
            result = converter(value)
            if type(result) is not frozenset or len(result) != len(value):
                raise _GiveUp  # a repeated term: the detailed path names it
            try:
                validator(bare, a, result)
            except Exception:
                raise _GiveUp from None
            result = cache[value] = self._sets.setdefault(result, result)
            return result

        return build

    @staticmethod
    def _item(
        a: attrs.Attribute[Any], kind: Any, bare: object, cache: dict[str, Any]
    ) -> Callable[[Any], Any]:
        """One element of a list of ids or of a set of enum members."""

        def slow(value: Any) -> Any:
            if type(value) is not str:
                raise _GiveUp
            if kind is str:
                try:
                    f.check_id(bare, a, value)
                except Exception:
                    raise _GiveUp from None
                result: Any = value
            else:
                if len(value) > _MAX_LABEL:
                    raise _GiveUp
                result = f._lenient(kind, value)
                if not isinstance(result, kind):
                    raise _GiveUp
            cache[value] = result
            return result

        return slow


_CODE: dict[tuple[str, str], Any] = {}
_PLANS: dict[type[Any], list[tuple[attrs.Attribute[Any], str, Any, bool]]] = {}


def _plain_test(name: str, limit: int) -> str:
    """The test of :func:`dangjian_model._fields._plain` as an expression, for the builders to run inline."""
    return (
        f"0 < _len({name}) <= {limit} and {name}.isprintable()"
        f" and not {name}[0].isspace() and not {name}[-1].isspace()"
    )


def _exec(lines: list[str], filename: str, names: dict[str, Any]) -> Callable[[Any], Any]:
    """Define ``build`` from generated lines in ``names``; the same source is compiled only once."""
    source = "\n".join(lines)
    code = _CODE.get((filename, source))
    if code is None:
        code = _CODE[filename, source] = compile(source, filename, "exec")
    exec(code, names)
    build: Callable[[Any], Any] = names["build"]
    return build


def _accepts(a: attrs.Attribute[Any], bare: object, value: Any) -> bool:
    """Whether the model's converter keeps ``value`` as it is and its validator accepts it."""
    try:
        converted = value if a.converter is None else a.converter(value)  # type: ignore[operator]
        if converted is not value:
            return False
        if a.validator is not None:
            a.validator(bare, a, value)
    except Exception:
        return False
    return True


def _nullable(a: attrs.Attribute[Any], bare: object) -> bool:
    return _accepts(a, bare, None)


_SAMPLE_DATE = datetime.date(2000, 1, 1)


class _Later:
    """The hint of a field typed through a module not imported yet (see :func:`~dangjian_model._hints.deferred`).

    Such a field (an allocation rule) is built by the shared converter; its type is resolved, and the
    module imported, when a document first holds a value for it.
    """

    def __init__(self, cls: type[Any], name: str) -> None:
        self.cls, self.name = cls, name

    def resolve(self) -> Any:
        return type_hints(self.cls)[self.name]


def _hints(cls: type[Any]) -> dict[str, Any]:
    """Each field's type hint, or a :class:`_Later` for a field typed through a module not imported yet."""
    found = loaded_hints(cls)
    return {a.name: found[a.name] if a.name in found else _Later(cls, a.name) for a in attrs.fields(cls)}


def _check_defaults(cls: type[Any]) -> None:
    """The builders put a field's default itself in an object left without it: a factory cannot be."""
    if any(isinstance(a.default, attrs.Factory) for a in attrs.fields(cls)):  # type: ignore[arg-type]
        raise _GiveUp  # the detailed path builds such a class through its constructor


def _plans(cls: type[Any]) -> list[tuple[attrs.Attribute[Any], str, Any, bool]]:
    """Each field of ``cls`` the constructor takes, with its :func:`_plan`, worked out once."""
    found = _PLANS.get(cls)
    if found is None:
        _check_defaults(cls)
        hints, bare = _hints(cls), object.__new__(cls)
        found = _PLANS[cls] = [(a, *_plan(a, hints[a.name], bare)) for a in attrs.fields(cls) if a.init]
    return found


def _plan(a: attrs.Attribute[Any], hint: Any, bare: object) -> tuple[str, Any, bool]:
    """How a field is read from a mirror struct: (kind, inner type, whether null is accepted).

    The kinds msgspec checks alone — ``count``, ``enum``, ``date``, ``bool`` — are chosen only when
    the model's converter and validator are proven, here, to keep and accept what msgspec gives
    (every member of the enum, a date, True and False, None where the mirror allows it).
    """
    args = [arg for arg in typing.get_args(hint) if arg is not type(None) and arg is not Ellipsis]
    inner = args[0] if args else hint
    origin = typing.get_origin(hint)
    nullable = type(None) in typing.get_args(hint) and _nullable(a, bare)
    if open_vocabulary(hint) is not None:  # a member or a custom term: the model's converter reads it
        return "value", hint, False
    if len(args) > 1 or isinstance(hint, _Later):
        return "union", hint, False
    if origin is tuple:
        if attrs.has(inner) and inner not in _SCALARS:
            return "objects", inner, False
        return ("ids" if inner is str else "value"), inner, False
    if origin is frozenset:
        if open_vocabulary(inner) is not None:
            return "open", inner, False
        members = isinstance(inner, type) and issubclass(inner, LabelledEnum)
        return ("members" if members else "value"), inner, False
    if attrs.has(inner) and inner not in _SCALARS:
        return "object", inner, nullable
    if a.converter is None and a.validator in _INT_BOUNDS:
        return "count", inner, _INT_BOUNDS[a.validator][1]
    if a.converter is None and a.validator in _TEXT_CHECKS and inner is str:
        return "text", inner, nullable
    if isinstance(inner, type) and issubclass(inner, LabelledEnum):
        if all(_accepts(a, bare, member) for member in inner):
            return "enum", inner, nullable
    elif inner is datetime.date and _accepts(a, bare, _SAMPLE_DATE):
        return "date", inner, nullable
    elif inner is bool and _accepts(a, bare, True) and _accepts(a, bare, False):
        return "bool", inner, False
    return "value", inner, False


_MIRRORS: dict[type[Any], Any] = {}
_DECODERS: dict[Any, Any] = {}


def mirror(cls: type[Any]) -> Any:
    """The msgspec struct of ``cls``'s JSON object: its keys, and the type of each value where a type says it.

    A key left out is ``msgspec.UNSET`` (the builder puts the attrs default, and counts the keys
    present); an unknown key is refused. Values no msgspec type states (money, fractions,
    decimals, allocation rules) are ``Any``: the builder runs the model's converter on them.
    """
    import msgspec

    found = _MIRRORS.get(cls)
    if found is not None:
        return found
    fields: list[Any] = []
    for a, kind, inner, nullable in _plans(cls):
        kind_type = _mirror_type(kind, inner, a)
        if nullable:
            kind_type = kind_type | None
        if a.default is attrs.NOTHING:
            fields.append((a.name, kind_type))
        else:
            fields.append((a.name, kind_type | msgspec.UnsetType, msgspec.UNSET))
    found = _MIRRORS[cls] = msgspec.defstruct(
        f"{cls.__name__}Mirror", fields, kw_only=True, forbid_unknown_fields=True, gc=False
    )
    return found


def _mirror_type(kind: str, inner: Any, a: attrs.Attribute[Any]) -> Any:
    """The msgspec type of one kind of field (see :func:`_plan`)."""
    import msgspec

    if kind == "objects":
        return tuple[mirror(inner), ...]  # type: ignore[misc]
    if kind == "object":
        return mirror(inner)
    if kind in ("ids", "open"):
        return tuple[str, ...]
    if kind == "members":
        return tuple[inner, ...]
    if kind == "count":
        return typing.Annotated[int, msgspec.Meta(ge=_INT_BOUNDS[a.validator][0])]
    if kind in ("text", "enum", "date", "bool"):
        return inner
    return Any  # union, value: the builder reads it


def _decoder(kind: Any) -> Any:
    """The msgspec decoder of a mirror type (``mirror(cls)`` or ``list[mirror(cls)]``), made once."""
    import msgspec

    found = _DECODERS.get(kind)
    if found is None:
        found = _DECODERS[kind] = msgspec.json.Decoder(kind)
    return found


def _count_keys(value: Any) -> int:
    """The keys of every mapping inside a value, for the repeated-key count."""
    count, stack = 0, [value]
    while stack:
        item = stack.pop()
        if type(item) is dict:
            count += len(item)
            stack.extend(item.values())
        elif type(item) is list:
            stack.extend(item)
    return count


def _union_builder(hint: Any, nullable: bool) -> Callable[[Any], Any]:
    """Build a tagged-union value (an allocation rule) with the shared converter; any problem gives up.

    The converter (and the rules' module, for a :class:`_Later` hint) is loaded when a document first
    holds such a value: most hold none (``None``, where the field accepts it).
    """
    ready: list[tuple[Any, Any]] = []

    def build(value: Any) -> Any:
        if value is None and nullable:
            return None
        try:
            if not ready:
                from dangjian_model.files._converter import json_converter

                ready.append((json_converter(), hint.resolve() if isinstance(hint, _Later) else hint))
            converter, resolved = ready[0]
            return converter.structure(value, resolved)
        except Exception:  # the detailed path reports it with its place
            raise _GiveUp from None

    return build


def _slot_setter(cls: type[Any], name: str) -> Callable[[Any, Any], None]:
    for klass in cls.__mro__:
        slot = klass.__dict__.get(name)
        if slot is not None and hasattr(slot, "__set__"):
            return slot.__set__  # type: ignore[no-any-return]
    return lambda obj, value: object.__setattr__(obj, name, value)  # pragma: no cover - slots classes only


def fast_structure(tree: Any, into: type[Any]) -> Any:
    """The registry or alliance of a well-formed, parsed document, or None to take the detailed path."""
    session = _Session()
    try:
        if type(tree) is not dict:
            return None
        body = dict(tree)
        version = body.pop("version", 1)
        if type(version) is not int or version != 1:
            return None
        if into is Alliance:
            if list(body) != ["alliance"]:
                return None
            return session.builder(Alliance)(body["alliance"])
        collections = {}
        for name, items in body.items():
            kind = _COLLECTIONS.get(name)
            if kind is None or type(items) is not list:
                return None
            build = session.builder(kind)
            collections[name] = [build(item) for item in items]
        return Registry(**collections)
    except Exception:  # any doubt at all: the detailed path decides and explains
        return None


#: Entities decoded per msgspec call: small enough that each batch's parsed tree reuses the memory
#: the previous batch freed (no growing heap of holes), large enough that the calls cost nothing.
_BATCH = 512
#: For a mapped file: how many bytes may be read before the pages already read are given back.
_RELEASE_EVERY = 32 * 1024 * 1024


def fast_loads_json(
    data: bytes | str | Any,
    into: type[Any],
    release: Callable[[], None] | None = None,
    colons: int | None = None,
) -> Any:
    """The registry or alliance of well-formed JSON text, or None to take the detailed path.

    ``data`` is text, bytes or any buffer (a memory-mapped file); ``release``, if given, is called
    now and then to give back the pages of ``data`` already read (see :func:`fast_load_json_file`);
    ``colons`` is the number of ``:`` in ``data`` if the caller has counted them.
    """
    if not isinstance(data, str) and bytes(data[:3]) == b"\xef\xbb\xbf":
        return None
    session = _Session()
    # millions of new objects, none in a cycle: collections would only rescan them
    with gc_paused():
        return _decode_json(data, into, session, release, colons)


def _decode_json(
    data: Any, into: type[Any], session: _Session, release: Callable[[], None] | None, colons: int | None
) -> Any:
    try:
        import msgspec

        if colons is None:  # one per key of every object, if no ':' is inside a string
            colons = data.count(":") if isinstance(data, str) else bytes(data).count(b":")
        result: Any
        if into is Alliance:
            top = msgspec.json.decode(data, type=dict[str, msgspec.Raw])
            keys = len(top)
            version = msgspec.json.decode(top.pop("version")) if "version" in top else 1
            if type(version) is not int or version != 1 or list(top) != ["alliance"]:
                return None
            body = top["alliance"]
            try:
                result = session.typed_builder(Alliance)(_decoder(mirror(Alliance)).decode(body))
            except msgspec.ValidationError:  # a float, a label msgspec does not know: read it untyped
                result = session.builder(Alliance)(msgspec.json.decode(body))
        else:
            outline = _outline().decode(data)  # one pass: each entity's raw bytes, not parsed
            if release is not None:
                release()  # the pages the outline read: each entity's are read again in turn
            top = {
                name: value
                for name in outline.__struct_fields__
                if (value := getattr(outline, name)) is not msgspec.UNSET
            }
            del outline
            keys = len(top)
            version = top.pop("version", 1)
            if type(version) is not int or version != 1:
                return None
            result = Registry(**_collections(top, session, release))
        if colons != keys + session.keys:
            return None  # a repeated key, or a ':' inside a string: let the detailed path look
        return result
    except Exception:  # any doubt at all: the detailed path decides and explains
        return None


class _GcPause:
    """Pauses the garbage collector while any load runs, in any thread; a count, not a check-then-set.

    The first load to start notes whether the collector was on and turns it off; the last one to
    finish turns it back on, and only if it was on. (Each load saving and restoring the state
    itself races: a load that starts while another has it off would note "off" and never restore.)
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._running = 0
        self._was_enabled = False

    @contextlib.contextmanager
    def __call__(self) -> Iterator[None]:
        with self._lock:
            if self._running == 0:
                self._was_enabled = gc.isenabled()
                gc.disable()
            self._running += 1
        try:
            yield
        finally:
            with self._lock:
                self._running -= 1
                if self._running == 0 and self._was_enabled:
                    gc.enable()


#: ``with gc_paused(): ...`` — the collector is off while any load in any thread is inside.
gc_paused = _GcPause()


def _collections(
    top: dict[str, Any], session: _Session, release: Callable[[], None] | None
) -> dict[str, list[Any]]:
    """Every collection of a registry document, built batch by batch from its entities' raw bytes."""
    import msgspec

    collections: dict[str, list[Any]] = {}
    decode = msgspec.json.decode
    read = 0
    for name in list(top):
        kind = _COLLECTIONS[name]
        typed = _decoder(list[mirror(kind)]).decode  # type: ignore[misc]
        build = session.typed_builder(kind)
        built: list[Any] = []
        for piece in _pieces(top.pop(name)):
            try:
                structs = typed(piece)
            except msgspec.ValidationError:  # a float, a wrong type: the untyped tier looks closer
                tree = decode(piece)
                if type(tree) is not list:
                    raise _GiveUp from None
                built += map(session.builder(kind), tree)
            else:
                built += map(build, structs)
            read += len(piece)
            if release is not None and read >= _RELEASE_EVERY:
                release()
                read = 0
        collections[name] = built
    if release is not None:
        release()
    return collections


def _pieces(items: tuple[Any, ...]) -> Iterator[bytes]:
    """A collection's entities (their raw bytes) as JSON lists of ``_BATCH`` entities each.

    Only one batch's structs are alive at any time, and the memory each batch frees is reused by
    the next one's objects. (Decoded whole, a 28 MB list leaves its 60 MB of freed structs as holes
    between the objects built from them, and the loaded registry holds 12 % more memory.)
    """
    for start in range(0, len(items), _BATCH):
        yield b"[" + b",".join(items[start : start + _BATCH]) + b"]"


def _outline() -> Any:
    """The decoder of a registry document's outline: its version, and each entity's raw bytes."""
    import msgspec

    found = _DECODERS.get("outline")
    if found is None:
        fields: list[Any] = [("version", Any, msgspec.UNSET)]
        fields += [
            (name, tuple[msgspec.Raw, ...] | msgspec.UnsetType, msgspec.UNSET) for name in _COLLECTIONS
        ]
        outline = msgspec.defstruct(
            "RegistryOutline", fields, kw_only=True, forbid_unknown_fields=True, gc=False
        )
        found = _DECODERS["outline"] = msgspec.json.Decoder(outline)
    return found


def _colons(file: Any, size: int) -> int:
    """The ``:`` in a file of ``size`` bytes, read into one buffer a piece at a time (no page of a mapping is touched).

    The buffer is no larger than the file: a small file costs a small buffer.
    """
    file.seek(0)
    buffer = bytearray(max(1, min(size, _RELEASE_EVERY)))
    count = 0
    while read := file.readinto(buffer):
        count += buffer.count(b":", 0, read)
    return count


def fast_load_json_file(file: Any, into: type[Any]) -> Any:
    """The document of a well-formed JSON file (an open binary file), or None for the detailed path.

    The file is memory-mapped rather than read: its pages are read as the entities are built and
    given back to the operating system as the load goes on, so a large file never sits in memory
    next to the registry built from it.
    """
    import mmap

    try:
        mapped = mmap.mmap(file.fileno(), 0, access=mmap.ACCESS_READ)
    except (OSError, ValueError, AttributeError):  # an empty file, a pipe: read it the usual way
        return None
    dontneed = getattr(mmap, "MADV_DONTNEED", None)

    def release() -> None:
        if dontneed is not None:
            mapped.madvise(dontneed)

    try:
        colons = _colons(file, len(mapped))
    except (OSError, ValueError, AttributeError):  # pragma: no cover - mapped yet unreadable
        mapped.close()
        return None
    try:
        return fast_loads_json(mapped, into, release, colons)
    finally:
        _close(mapped)


def _close(mapped: Any) -> None:
    """Unmap a file. Views of it (msgspec's raw pieces) held only by a reference cycle are collected first."""
    try:
        mapped.close()
    except BufferError:
        gc.collect()
        with contextlib.suppress(BufferError):  # still viewed: unmapped when the last view goes
            mapped.close()


_COLLECTIONS: dict[str, type[Any]] = {
    a.name: typing.get_args(type_hints(Registry)[a.name])[0] for a in attrs.fields(Registry) if a.init
}

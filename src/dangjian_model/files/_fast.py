"""A fast path for well-formed documents: build the model's objects directly from the parsed tree.

The detailed path (cattrs with detailed validation) checks every field separately so that it can
report every problem; that costs several passes per field. Most documents are well-formed, so
loading first tries this path. Each class gets a builder, generated once from its attrs fields,
that reads a JSON object and runs, for every field present, *the model's own converter and
validator* — so the objects it builds are the ones the constructor would build — and then fills
the slots directly. Three things make it fast:

- The result of converting and validating a text value depends only on the text, so it is cached
  per load: an id, a name, a date or an amount seen before costs one dict lookup, and equal values
  share one object (a million branches named ``第1村党支部`` hold one string).
- A few guards cover what the constructors accept but the format refuses (a float, a number as
  long text, a key the class does not have, a repeated enum value, a repeated key).
- For JSON bytes, msgspec decodes each collection separately (so only one collection's tree is
  alive at a time) and a repeated key is found by counting: a document without one has exactly as
  many ``:`` outside its strings as its objects have keys.

Anything unexpected makes it give up (return None) and the detailed path runs, so a malformed
document always gets the full list of problems.
"""

from __future__ import annotations

import gc
import typing
from collections.abc import Callable
from typing import Any

import attrs

from dangjian_model import _fields as f
from dangjian_model._model import Alliance
from dangjian_model._money import Money
from dangjian_model._registry import Registry

__all__ = ["FORMAT_DEPTH", "fast_load_json_file", "fast_loads_json", "fast_structure"]

#: The deepest nesting a well-formed document can have; below this limit the fast path is not taken.
FORMAT_DEPTH = 7
#: The longest text the detailed path reads as a number, date or label.
_MAX_LABEL = 100


class _GiveUp(Exception):
    """The fast path cannot tell; the detailed path will."""


_MISSING = object()
_INT_BOUNDS: dict[Any, tuple[int, bool]] = {
    f.check_count: (0, False),
    f.check_optional_count: (0, True),
    f.check_positive: (1, False),
    f.check_optional_positive: (1, True),
}
_TEXT_CHECKS = (f.check_id, f.check_optional_id, f.check_text, f.check_optional_text)
# For text (never None) the optional check is the check; lists of ids check each id with check_id.
_SAME_FOR_TEXT = {f.check_optional_id: f.check_id, f.check_optional_text: f.check_text}


class _Session:
    """The builders of one load, with their caches (dropped with the session)."""

    def __init__(self) -> None:
        self.keys = 0  # keys of every object built, for the repeated-key count
        self._builders: dict[type[Any], Callable[[Any], Any]] = {}
        self._caches: dict[tuple[Any, Any], dict[str, Any]] = {}
        self._sets: dict[frozenset[Any], frozenset[Any]] = {}

    def builder(self, cls: type[Any]) -> Callable[[Any], Any]:
        found = self._builders.get(cls)
        if found is None:
            found = self._compile(cls)
        return found

    def _cache(self, converter: Any, validator: Any) -> dict[str, Any]:
        # one cache per check, whatever the field: every id shares one, every name another
        validator = _SAME_FOR_TEXT.get(validator, validator)
        return self._caches.setdefault((converter, validator), {})

    def _compile(self, cls: type[Any]) -> Callable[[Any], Any]:
        hints = typing.get_type_hints(cls)
        bare = object.__new__(cls)  # only names the class in the validators' messages
        names: dict[str, Any] = {
            "_GiveUp": _GiveUp,
            "_M": _MISSING,
            "_new": object.__new__,
            "_set": object.__setattr__,
            "_cls": cls,
            "_session": self,
            "_str": str,
            "_int": int,
            "_list": list,
            "_dict": dict,
            "_len": len,
            "_tuple": tuple,
            "_frozenset": frozenset,
        }
        lines = [
            "def build(item):",
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
            "    _session.keys += n",
            "    return self",
        ]
        code = "\n".join(lines)
        exec(compile(code, f"<fast builder {cls.__name__}>", "exec"), names)
        build: Callable[[Any], Any] = names["build"]
        self._builders[cls] = build
        return build

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
        if len(args) > 1:  # a tagged union (allocation rules): few per document, built by the converter
            names[f"R_{name}"] = _union_builder(hint)
            names["_count_keys"] = _count_keys
            body = ["        _session.keys += _count_keys(v)", f"        v = R_{name}(v)"]
        elif origin is tuple and attrs.has(inner) and inner is not Money:
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
                names["_sets"] = self._sets
                body += [
                    "        v = _frozenset(w)",
                    "        if _len(v) != _len(w): raise _GiveUp",
                    "        v = _sets.setdefault(v, v)",
                ]
            else:
                body += ["        v = _tuple(w)"]
        elif attrs.has(inner) and inner is not Money:
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


def _union_builder(hint: Any) -> Callable[[Any], Any]:
    """Build a tagged-union value (an allocation rule) with the shared converter; any problem gives up."""
    from cattrs.preconf.json import make_converter

    from dangjian_model.files._converter import configure_converter

    converter = make_converter()
    configure_converter(converter)

    def build(value: Any) -> Any:
        try:
            return converter.structure(value, hint)
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
    data: bytes | str | Any, into: type[Any], release: Callable[[], None] | None = None
) -> Any:
    """The registry or alliance of well-formed JSON text, or None to take the detailed path.

    ``data`` is text, bytes or any buffer (a memory-mapped file); ``release``, if given, is called
    now and then to give back the pages of ``data`` already read (see :func:`fast_load_json_file`).
    """
    try:
        import msgspec
    except ImportError:  # pragma: no cover - msgspec is a dependency; without it the old parser runs
        return None
    if not isinstance(data, str) and bytes(data[:3]) == b"\xef\xbb\xbf":
        return None
    session = _Session()
    collecting = gc.isenabled()
    gc.disable()  # millions of new objects, none in a cycle: collections would only rescan them
    try:
        top = msgspec.json.decode(data, type=dict[str, msgspec.Raw])
        if release is not None:
            release()
        keys = len(top)
        colons = keys  # one per key of the top mapping; the rest are counted in each collection
        version = msgspec.json.decode(top.pop("version")) if "version" in top else 1
        if type(version) is not int or version != 1:
            return None
        result: Any
        if into is Alliance:
            if list(top) != ["alliance"]:
                return None
            body = top["alliance"]
            colons += bytes(body).count(b":")
            result = session.builder(Alliance)(msgspec.json.decode(body))
        else:
            collections = {}
            decode = msgspec.json.decode
            read = 0
            for name in list(top):
                kind = _COLLECTIONS.get(name)
                if kind is None:
                    return None
                try:
                    items = decode(top.pop(name), type=list[msgspec.Raw])  # each entity's bytes, not parsed
                except msgspec.ValidationError:
                    return None  # not a list
                build = session.builder(kind)
                built: list[Any] = []
                for start in range(0, len(items), _BATCH):
                    # one batch's tree at a time: it is freed before the next is parsed
                    batch = b"[" + b",".join(items[start : start + _BATCH]) + b"]"
                    colons += batch.count(b":")
                    built += [build(item) for item in decode(batch)]
                    read += len(batch)
                    if release is not None and read >= _RELEASE_EVERY:
                        release()
                        read = 0
                collections[name] = built
                del items
            if release is not None:
                release()
            result = Registry(**collections)
        if colons != keys + session.keys:
            return None  # a repeated key, or a ':' inside a string: let the detailed path look
        return result
    except Exception:  # any doubt at all: the detailed path decides and explains
        return None
    finally:
        if collecting:
            gc.enable()


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
        return fast_loads_json(mapped, into, release)
    finally:
        mapped.close()


_COLLECTIONS: dict[str, type[Any]] = {
    a.name: typing.get_args(typing.get_type_hints(Registry)[a.name])[0]
    for a in attrs.fields(Registry)
    if a.init
}

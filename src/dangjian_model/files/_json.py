"""JSON: the same small API as the other formats (``make_converter``, ``configure_converter``, ``loads``, ``dumps``)."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, BinaryIO

import attrs

from dangjian_model._registry import ENTITY_KINDS, Registry
from dangjian_model.files._document import (
    DEFAULT_LIMITS,
    VERSION,
    Document,
    Limits,
    check_depth,
    finder,
    place,
    structure_document,
    unstructure_document,
)
from dangjian_model.files._errors import ConfigError, Problem
from dangjian_model.files._fast import FORMAT_DEPTH, fast_load_json_file, fast_loads_json, fast_structure
from dangjian_model.files._problems import child, index

if TYPE_CHECKING:
    import cattrs

__all__ = [
    "dump_file",
    "dumpb",
    "dumps",
    "encode",
    "load_file_fast",
    "loads",
    "loads_fast",
    "make_converter",
    "parse",
    "write_registry",
]


def make_converter() -> cattrs.Converter:
    """A new cattrs JSON converter with the shared configuration."""
    from cattrs.preconf.json import make_converter as preconf

    from dangjian_model.files._converter import configure_converter

    converter = preconf()
    configure_converter(converter)
    return converter


def converter() -> cattrs.Converter:
    """The library's JSON converter (the detailed path and writing): cattrs is imported when first asked."""
    from dangjian_model.files._converter import json_converter

    return json_converter()


_REGISTRY_FIELDS = [a.name for a in attrs.fields(Registry) if a.init]


class _Pairs:
    """Builds JSON objects and remembers whether any had a key twice (which ``dict`` would drop)."""

    def __init__(self) -> None:
        self.duplicated = False

    def __call__(self, pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        result = dict(pairs)
        if len(result) != len(pairs):
            self.duplicated = True
            return _Duplicated(pairs)
        return result


class _Duplicated(dict[str, Any]):
    def __init__(self, pairs: list[tuple[str, Any]]) -> None:
        super().__init__(pairs)
        seen: set[str] = set()
        self.repeated = sorted({key for key, _ in pairs if key in seen or seen.add(key)})  # type: ignore[func-returns-value]


def parse(text: str, source: str = "<string>", limits: Limits = DEFAULT_LIMITS) -> tuple[Any, bool]:
    """Parse JSON text; a syntax error is a :class:`ConfigError` with its line and column.

    Returns:
        The tree, and whether an object repeated a key.
    """
    limits.check_size(len(text), source)
    pairs = _Pairs()
    try:
        return json.loads(text, object_pairs_hook=pairs), pairs.duplicated
    except json.JSONDecodeError as error:
        problem = Problem(
            path="$", value="", expected=f"valid JSON ({error.msg})", line=error.lineno, column=error.colno
        )
    except ValueError:  # Python refuses to read an integer of more than 4300 digits
        problem = Problem(path="$", value="", expected=_HUGE_NUMBER)
    except RecursionError:
        problem = limits.depth_problem("$")
    raise ConfigError(source, (problem,))


#: What a document holding a number too long to read should hold instead.
_HUGE_NUMBER = "数字过长 numbers of at most 4300 digits (write a longer one as text)"


def _duplicates(tree: Any) -> list[str]:
    """The path of every key an object repeats, in order (paths only: problems are built for the first few)."""
    found: list[str] = []
    stack: list[tuple[Any, str]] = [(tree, "$")]
    while stack:
        node, path = stack.pop()
        if isinstance(node, _Duplicated):
            found += [child(path, key) for key in node.repeated]
        if isinstance(node, dict):
            stack.extend((value, child(path, key)) for key, value in node.items())
        elif isinstance(node, list):
            stack.extend((value, index(path, i)) for i, value in enumerate(node))
    return sorted(found)


def loads_fast(data: str | bytes, into: type[Document], limits: Limits = DEFAULT_LIMITS) -> Any:
    """The document of well-formed JSON text or UTF-8 bytes (size already checked), or None."""
    if limits.max_depth < FORMAT_DEPTH:
        return None
    return fast_loads_json(data, into)


def load_file_fast(file: Any, into: type[Document], limits: Limits = DEFAULT_LIMITS) -> Any:
    """The document of a well-formed JSON file (open in binary mode, size already checked), or None."""
    if limits.max_depth < FORMAT_DEPTH:
        return None
    return fast_load_json_file(file, into)


def loads(
    text: str, into: type[Document], *, source: str = "<string>", limits: Limits = DEFAULT_LIMITS
) -> Any:
    """Read a registry or an alliance from JSON text; well-formed documents take the fast path."""
    limits.check_size(len(text), source)
    fast = loads_fast(text, into, limits)
    if fast is not None:
        return fast
    tree, duplicated = parse(text, source, limits)
    if not duplicated and limits.max_depth >= FORMAT_DEPTH:
        fast = fast_structure(tree, into)
        if fast is not None:
            return fast
    check_depth(tree, limits, source)
    if duplicated:
        repeated = _duplicates(tree)
        listed = tuple(
            Problem(path=path, value="", expected="each key once") for path in repeated[: limits.max_problems]
        )
        raise ConfigError(source, place(listed, None, finder(text, "json")), len(repeated) - len(listed))
    return structure_document(tree, into, converter(), source, limits=limits, find=finder(text, "json"))


def dumps(obj: Document) -> str:
    """Canonical JSON: UTF-8 text (not ASCII escapes), two-space indents, a final newline."""
    tree = unstructure_document(obj, converter())
    fast = encode(tree)
    if fast is not None:
        return fast.decode("utf-8")
    return json.dumps(tree, ensure_ascii=False, indent=2) + "\n"


def dumpb(obj: Document) -> bytes:
    """The canonical JSON of :func:`dumps` as UTF-8 bytes (what a file holds)."""
    parts: list[bytes] = []
    if isinstance(obj, Registry) and write_registry(obj, parts.append):
        return b"".join(parts)
    return _dumpb_whole(obj)


def _dumpb_whole(obj: Document) -> bytes:
    tree = unstructure_document(obj, converter())
    fast = encode(tree)
    if fast is not None:
        return fast
    return (json.dumps(tree, ensure_ascii=False, indent=2) + "\n").encode("utf-8", "surrogatepass")


def dump_file(obj: Document, file: BinaryIO) -> None:
    """Write the canonical JSON of :func:`dumpb` to a binary file, a registry entity by entity."""
    start = file.tell()
    if isinstance(obj, Registry) and write_registry(obj, file.write):
        return
    file.seek(start)
    file.truncate()
    file.write(_dumpb_whole(obj))


#: Entities unstructured and encoded per msgspec call when a registry is written piece by piece.
_WRITE_BATCH = 1024


def write_registry(registry: Registry, write: Callable[[bytes], Any]) -> bool:
    """Write the canonical JSON of a registry a batch of entities at a time; False if msgspec cannot.

    The bytes are those of ``json.dumps(document, ensure_ascii=False, indent=2) + "\\n"``: the document
    is ``version`` then every non-empty collection in field order (what the converter writes), and
    each batch is formatted as a list and indented one level deeper (JSON text holds no raw newline
    inside a string, so every newline is an indentation point). Only one batch's tree is alive at a
    time, never the whole document. False (after writing part of it) when msgspec cannot encode a
    value (a lone surrogate): the caller then writes the whole document the slow way.
    """
    try:
        import msgspec
    except ImportError:  # pragma: no cover - msgspec is a dependency
        return False
    encode_, format_ = msgspec.json.encode, msgspec.json.format
    write(b'{\n  "version": ' + str(VERSION).encode())
    for name in _REGISTRY_FIELDS:
        items: tuple[Any, ...] = getattr(registry, name)
        if not items:
            continue  # an empty collection is the default: left out, as the converter does
        hook = converter().get_unstructure_hook(ENTITY_KINDS[name][0])
        write(b",\n  " + encode_(name) + b": [\n")
        for start in range(0, len(items), _WRITE_BATCH):
            batch = [hook(item) for item in items[start : start + _WRITE_BATCH]]
            try:
                text = format_(encode_(batch), indent=2)
            except (TypeError, ValueError, UnicodeError):
                return False
            # "[\n  {...},\n  {...}\n]" → the items, two spaces deeper
            body = text[2:-2].replace(b"\n", b"\n  ")
            write((b",\n  " if start else b"  ") + body)
        write(b"\n  ]")
    write(b"\n}\n")
    return True


def encode(tree: Any) -> bytes | None:
    """``json.dumps(tree, ensure_ascii=False, indent=2) + "\\n"`` in UTF-8, byte for byte, by msgspec in C.

    None when msgspec cannot (a lone surrogate is not UTF-8): the caller takes the slow way.
    """
    try:
        import msgspec

        return msgspec.json.format(msgspec.json.encode(tree), indent=2) + b"\n"
    except (ImportError, TypeError, ValueError, UnicodeError):
        return None

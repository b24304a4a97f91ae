"""Where a path is in the text of a file: line and column, found only when there is something to report.

Reading a file never records positions for JSON or TOML (that would slow every clean load); when a
problem or a finding needs its place, the text is scanned once for just the paths asked about and
their enclosing paths. A path the file does not hold (a missing key) gets the place of the nearest
enclosing one it does.

Two kinds of path are understood: a document path in the file's own keys (``$.units[0].name``, as
:class:`~dangjian_model.files.Problem` has), and a finding path addressing entities by id
(``units[changlong].superior_id``, as validation findings have), which is turned into a document path
by the position of that id in the file's list (the registry itself keeps entities sorted by id).
"""

from __future__ import annotations

import json
import os
import re
import sys
from collections.abc import Callable, Iterable, Iterator
from typing import Any

import yaml  # type: ignore[import-untyped, unused-ignore]

from dangjian_model._location import Location
from dangjian_model.files._problems import child, index

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib  # type: ignore[import-not-found, unused-ignore]

__all__ = ["Positions", "document_path", "enclosing", "locate", "positions"]

#: Document path → (line, column), 1-based.
Positions = dict[str, tuple[int, int]]

_PARENT = re.compile(r"(?:\.[A-Za-z_][A-Za-z0-9_]*|\[[^\[\]]*\])\Z")
_FINDING = re.compile(r"([a-z_]+)\[([^\]]*)\](.*)\Z", re.S)


def enclosing(path: str) -> Iterator[str]:
    """``path`` and every path enclosing it, innermost first, ending with ``$``."""
    while True:
        yield path
        shorter = _PARENT.sub("", path)
        if shorter == path:
            return
        path = shorter


def _wanted(paths: Iterable[str]) -> set[str]:
    return {p for path in paths for p in enclosing(path)}


def _line_columns(text: str, offsets: dict[str, int]) -> Positions:
    """Offsets turned into (line, column), counting newlines once over the text."""
    result: Positions = {}
    line, start, at = 1, 0, 0
    for path, offset in sorted(offsets.items(), key=lambda item: item[1]):
        line += text.count("\n", at, offset)
        newline = text.rfind("\n", at, offset)
        if newline >= 0:
            start = newline + 1
        at = offset
        result[path] = (line, offset - start + 1)
    return result


# ----------------------------------------------------------------------------------------------- JSON

_JSON_TOKEN = re.compile(r'"(?:[^"\\]|\\.)*"|[{}\[\],:]|[^\s{}\[\],:"]+', re.S)


class _Frame:
    __slots__ = ("is_map", "item", "key", "path", "wanted")

    def __init__(self, path: str, is_map: bool, wanted: bool) -> None:
        self.path = path
        self.is_map = is_map
        self.wanted = wanted  # whether paths inside it may be asked for: only then are they built
        self.key: Any = None
        self.item = 0


def _scan_json(text: str, wanted: set[str]) -> dict[str, int]:
    found: dict[str, int] = {}
    stack: list[_Frame] = []
    expect_key = False
    for match in _JSON_TOKEN.finditer(text):
        token = match.group()
        first = token[0]
        if first == ",":
            frame = stack[-1]
            if frame.is_map:
                expect_key = True
            else:
                frame.item += 1
            continue
        if first == ":":
            continue
        if first in "}]":
            stack.pop()
            expect_key = False
            continue
        if expect_key:
            stack[-1].key = json.loads(token)
            expect_key = False
            continue
        path: str | None = "$"
        if stack:
            frame = stack[-1]
            path = None
            if frame.wanted:
                path = child(frame.path, frame.key) if frame.is_map else index(frame.path, frame.item)
        if path is not None and path in wanted:
            found[path] = match.start()
            if len(found) == len(wanted):
                break
        if first in "{[":
            stack.append(_Frame(path or "", first == "{", path is not None and path in wanted))
            expect_key = first == "{"
    return found


# ----------------------------------------------------------------------------------------------- TOML

_TOML_TOKEN = re.compile(
    r"""(?P<nl>\n)|[ \t\r]+|\#[^\n]*
    |(?P<str>\"\"\"(?:[^\\]|\\.)*?\"\"\"|'''.*?'''|"(?:[^"\\\n]|\\.)*"|'[^'\n]*')
    |(?P<punct>\[\[|\]\]|[\[\]{}=,.])
    |(?P<bare>[+-]?[0-9][A-Za-z0-9_:+.\-]*|[A-Za-z0-9_+\-]+)""",
    re.X | re.S,
)


class _Tokens:
    """TOML tokens with one of look-ahead; whitespace and comments dropped, newlines kept."""

    def __init__(self, text: str) -> None:
        self._matches = _TOML_TOKEN.finditer(text)
        self._ahead: list[tuple[str, str, int]] = []

    def _read(self) -> tuple[str, str, int]:
        for match in self._matches:
            kind = match.lastgroup
            if kind is not None:
                return kind, match.group(), match.start()
        return "end", "", -1

    def peek(self) -> tuple[str, str, int]:
        if not self._ahead:
            self._ahead.append(self._read())
        return self._ahead[0]

    def next(self) -> tuple[str, str, int]:
        return self._ahead.pop() if self._ahead else self._read()

    def push(self, token: tuple[str, str, int]) -> None:
        self._ahead.append(token)

    def skip_newlines(self) -> None:
        while self.peek()[0] == "nl":
            self.next()


def _toml_key(token: str) -> str:
    if token.startswith("'"):
        return token[1:-1]
    if token.startswith('"'):
        return str(json.loads(token))
    return token


def _scan_toml(text: str, wanted: set[str]) -> dict[str, int]:
    found: dict[str, int] = {}
    tokens = _Tokens(text)
    tables: dict[str, int] = {}  # array-of-tables path → items so far
    base = "$"

    def resolve(start: str, keys: list[str]) -> str:
        path = start
        for key in keys:
            path = child(path, key)
            if path in tables:
                path = index(path, tables[path] - 1)
        return path

    def keys_until(end: str) -> list[str]:
        keys: list[str] = []
        while True:
            kind, token, _ = tokens.next()
            if kind == "end" or token == end:
                return keys
            if token != ".":
                keys.append(_toml_key(token))

    def record(path: str, offset: int) -> None:
        if path in wanted:
            found[path] = offset

    def value(path: str) -> None:
        tokens.skip_newlines()
        _kind, token, offset = tokens.next()
        record(path, offset)
        if token in ("[", "[["):
            opened = 1 if token == "[" else 2
            paths = [path] if opened == 1 else [path, index(path, 0)]
            if opened == 2:
                record(paths[1], offset + 1)
            items = [0] * opened
            _array(paths, items)
        elif token == "{":
            while True:
                tokens.skip_newlines()
                if tokens.peek()[1] == "}":
                    tokens.next()
                    return
                keys = keys_until("=")
                value(resolve(path, keys))
                tokens.skip_newlines()
                if tokens.next()[1] == "}":
                    return

    def _array(paths: list[str], items: list[int]) -> None:
        # ``paths`` are the open arrays, outermost first; ``[[`` opened two at once
        while paths:
            tokens.skip_newlines()
            kind, token, offset = tokens.peek()
            if kind == "end":
                return
            if token in ("]", "]]"):
                tokens.next()
                if len(token) > len(paths):  # ``]]`` closes this array and the one around it
                    tokens.push(("punct", "]", offset + 1))
                for _ in range(min(len(token), len(paths))):
                    paths.pop()
                    items.pop()
                continue
            if token == ",":
                tokens.next()
                items[-1] += 1
                continue
            value(index(paths[-1], items[-1]))

    while True:
        tokens.skip_newlines()
        kind, token, offset = tokens.peek()
        if kind == "end":
            return found
        if token in ("[", "[["):
            tokens.next()
            keys = keys_until("]" if token == "[" else "]]")
            parent = resolve("$", keys[:-1])
            path = child(parent, keys[-1]) if keys else parent
            if token == "[[":
                tables[path] = tables.get(path, 0) + 1
                path = index(path, tables[path] - 1)
            record(path, offset)
            base = path
            continue
        keys = keys_until("=")
        value(resolve(base, keys))


# ----------------------------------------------------------------------------------------------- YAML

_YAML_LOADER: Any = getattr(yaml, "CBaseLoader", None) or yaml.BaseLoader


def _scan_yaml(text: str, wanted: set[str]) -> Positions:
    found: Positions = {}
    root = yaml.compose(text, Loader=_YAML_LOADER)
    stack: list[tuple[Any, str]] = [(root, "$")] if root is not None else []
    while stack:
        node, path = stack.pop()
        if path not in wanted:
            continue
        found[path] = (node.start_mark.line + 1, node.start_mark.column + 1)
        if isinstance(node, yaml.MappingNode):
            stack.extend((value, child(path, key.value)) for key, value in node.value)
        elif isinstance(node, yaml.SequenceNode):
            stack.extend((item, index(path, n)) for n, item in enumerate(node.value))
    return found


def positions(text: str, format: str, paths: Iterable[str]) -> Positions:
    """The (line, column) of each document path in ``paths`` and of every path enclosing one.

    A path the text does not hold is left out (its enclosing paths are there). Costs one scan of
    the text; a text that cannot be scanned (not valid in its format) gives none.

    >>> positions('{"units": [\\n  {"id": "a", "name": 1}]}', "json", ["$.units[0].name"])
    {'$': (1, 1), '$.units': (1, 11), '$.units[0]': (2, 3), '$.units[0].name': (2, 23)}
    """
    wanted = _wanted(paths)
    try:
        if format == "yaml":
            return _scan_yaml(text, wanted)
        scan: Callable[[str, set[str]], dict[str, int]] = _scan_json if format == "json" else _scan_toml
        return _line_columns(text, scan(text, wanted))
    except (yaml.YAMLError, ValueError, IndexError, KeyError, RecursionError):
        return {}


def _tree(text: str, format: str) -> Any:
    if format == "yaml":
        return yaml.load(text, Loader=_YAML_LOADER)
    if format == "toml":
        return tomllib.loads(text)
    return json.loads(text)


def document_path(path: str, tree: Any) -> str:
    """The document path of a finding path: ``units[changlong].x`` → ``$.units[3].x`` (its place in the file).

    A finding path whose entity the document does not hold becomes ``$``; an alliance document's
    alliance (key ``alliance``) is matched by id too. A document path is returned as it is.
    """
    if path.startswith("$"):
        return path
    match = _FINDING.match(path)
    if match is None or not isinstance(tree, dict):
        return "$"
    collection, wanted_id, rest = match.groups()
    alliance = tree.get("alliance")
    if collection == "alliances" and isinstance(alliance, dict) and str(alliance.get("id")) == wanted_id:
        return "$.alliance" + rest
    items = tree.get(collection)
    if isinstance(items, list):
        for n, item in enumerate(items):
            if isinstance(item, dict) and str(item.get("id")) == wanted_id:
                return f"$.{collection}[{n}]{rest}"
    return "$"


def locate(
    source: str | os.PathLike[str],
    paths: Iterable[str],
    *,
    format: str | None = None,
    text: str | None = None,
) -> dict[str, Location]:
    """Where each of ``paths`` is in a file: its :class:`~dangjian_model.Location`, line and column.

    Args:
        source: The file (read only if ``text`` is not given).
        paths: Document paths (``$.units[0].name``) or validation finding paths
            (``units[changlong].superior_id``); a path the file does not hold is placed at the
            nearest enclosing one it does.
        format: ``json``, ``yaml`` or ``toml`` (default: by the file's extension).
        text: The file's text, when it has been read already (standard input).

    Returns:
        Every path of ``paths`` with its location; line and column are None when the file cannot
        be read or scanned.

    >>> from dangjian_model.files import locate
    >>> text = "units:\\n  - id: changlong\\n    superior_id: kuangyang\\n"
    >>> str(locate("r.yaml", ["units[changlong].superior_id"], text=text)["units[changlong].superior_id"])
    'r.yaml:3:18'
    """
    from dangjian_model.files._api import format_of  # the API module imports this one

    name = str(source)
    asked = list(dict.fromkeys(paths))
    try:
        chosen = format or format_of(source)
        if text is None:
            with open(source, encoding="utf-8-sig") as file:
                text = file.read()
        tree = _tree(text, chosen) if any(not p.startswith("$") for p in asked) else None
        documents = {path: document_path(path, tree) for path in asked}
        found = positions(text, chosen, documents.values())
    except Exception:  # a file that changed or vanished since it was read: no line rather than a crash
        return {path: Location(name) for path in asked}
    result: dict[str, Location] = {}
    for path, document in documents.items():
        place = next((found[p] for p in enclosing(document) if p in found), None)
        result[path] = Location(name, *place) if place else Location(name)
    return result

"""Fast YAML for the common case: block-style documents read as JSON, and canonical YAML written directly.

PyYAML builds a Python object per token, per event and per node, which makes YAML 25–80 times
slower than JSON. Most YAML documents are of one simple shape, the shape :func:`emit` writes:
block mappings and block lists, one key or item per line, plain or simply quoted scalars.

- :func:`translate` turns such a document into the JSON text of the *same tree* the safe composer
  in :mod:`dangjian_model.files._yaml` would build, so that the fast JSON path (msgspec, typed)
  can build the registry. Every plain scalar that PyYAML's resolver could read as anything but
  text is read by its own resolver and constructors (once per distinct text), so ``on``, ``yes``,
  ``0x10``, ``~`` or ``2021-01-01`` mean exactly what they mean to the composer; the others (a
  character no resolver matches, or a first character none starts with) are text. Anything else — a tag, an anchor or alias, flow collections,
  multi-line scalars, escapes, tabs, comments after a quoted value, a date under a key that is not
  a date, nesting past the limit — makes it give up (return None): the safe composer then reads
  the document and, if it is wrong, says where.
- :func:`emit` writes the canonical YAML of an unstructured document: block style, keys in the
  order given, text plain when PyYAML's safe loader reads it back as the same text and quoted
  otherwise (single quotes when that is enough, double quotes with escapes for line breaks and
  characters YAML does not print). It returns None for a value it does not know; the caller then
  asks PyYAML.
"""

from __future__ import annotations

import datetime
import json
import re
import string
import typing
from collections.abc import Callable
from typing import Any

import attrs
import yaml  # type: ignore[import-untyped, unused-ignore]

from dangjian_model._hints import loaded_hints
from dangjian_model.files._fast import gc_paused

__all__ = ["date_keys", "emit", "translate"]


class _Doubt(Exception):
    """The document is not of the simple shape: let the safe composer read it."""


#: Characters that make a document leave the fast path at once: tabs, carriage returns, YAML's
#: other line breaks, a byte-order mark inside the text, and what PyYAML refuses to read.
#: (Written as the few characters it finds, not as the complement of what it lets through: the same
#: set, a test checks every code point, but ten times cheaper to compile on every start.)
_UNUSUAL = re.compile("[\x00-\t\x0b-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufeff\ufffe\uffff]")
#: A plain scalar's first character that starts something else (PyYAML's indicators).
_INDICATORS = frozenset("-?:,[]{}#&*!|>'\"%@`")
_SAFE = yaml.SafeLoader("")
_STR_TAG = "tag:yaml.org,2002:str"


def _plain(text: str, helper: Any) -> Any:
    """What the safe composer makes of an untagged plain scalar (see ``_yaml._scalar``)."""
    tag = helper.resolve(yaml.ScalarNode, text, (True, False))
    if tag == _STR_TAG:
        return text
    try:
        return helper.construct_object(yaml.ScalarNode(tag, text), deep=True)
    except Exception:  # as the composer: an odd scalar stays text, the field's check judges it
        return text


_DATE_KEYS: frozenset[str] | None = None


def date_keys() -> frozenset[str]:
    """The keys under which a YAML date may stand: date fields of the model, and never anything else.

    A field typed through a module not imported yet (an allocation rule) is left out: rules hold no
    dates, nor a name a date field of the model has (a test walks them too, with ``typing``).
    """
    global _DATE_KEYS
    if _DATE_KEYS is None:
        _DATE_KEYS = walk_date_keys(loaded_hints)[0]
    return _DATE_KEYS


def walk_date_keys(hints_of: Callable[[type[Any]], dict[str, Any]]) -> tuple[frozenset[str], set[type[Any]]]:
    """The date keys of every class a document can hold, each class's fields typed by ``hints_of``;
    and the classes walked."""
    from dangjian_model._model import Alliance
    from dangjian_model._registry import Registry

    dated: set[str] = set()
    other: set[str] = set()
    seen: set[type[Any]] = set()
    todo: list[type[Any]] = [Registry, Alliance]
    while todo:
        cls = todo.pop()
        if cls in seen:
            continue
        seen.add(cls)
        for name, hint in hints_of(cls).items():
            args = [arg for arg in typing.get_args(hint) if arg is not type(None)]
            todo += [arg for arg in (*args, hint) if isinstance(arg, type) and attrs.has(arg)]
            (dated if hint is datetime.date or args == [datetime.date] else other).add(name)
    return frozenset(dated - other), seen


#: First characters of the plain scalars PyYAML's resolver may read as something other than text.
_RESOLVED_FIRST = frozenset(key for key in yaml.SafeLoader.yaml_implicit_resolvers if key)
#: Every character any of PyYAML's implicit resolvers can match (its patterns, read by hand and
#: checked by a test): a plain scalar with any other character in it is text.
_RESOLVABLE = frozenset(string.ascii_letters + string.digits + "_.:+-~<=!&* \t")
#: A plain scalar that is text as it stands, and plain JSON between quotes: no indicator first, no
#: ``#``, ``:``, quote, backslash or tab anywhere (comments, keys, escapes), no space at the end; and
#: either a first character no resolver starts with, or a character no resolver matches.
_TEXT = re.compile(
    "(?![-?:,\\[\\]{}#&*!|>'\"%@` \t])"
    f"(?:(?![{re.escape(''.join(sorted(_RESOLVED_FIRST)))}])|(?=.*[^{re.escape(''.join(sorted(_RESOLVABLE)))}]))"
    '[^#:"\\\\\t]+(?<! )'
)


#: What a line is: the second field of its record (see ``_Reader.record``).
_KEY, _DASH, _SCALAR, _FLOW_KEY, _FLOW_SCALAR, _SKIP, _START = range(7)
#: A line's record: its column, what it is, its JSON (``,"key":value`` for an entry, a scalar's
#: value), whether a value is due on the next lines, and for a list item the record of the text
#: after its dash (None for none).
_Record = tuple[int, int, str, bool, Any]
_SKIPPED: _Record = (0, _SKIP, "", False, None)
#: The flow collections read: empty ones (their nesting counts towards the depth where they stand).
_FLOWS = ("[]", "{}")
#: What stands before the ``: `` of the common lines, ``key: value`` and ``- key: value``: a key
#: that is a plain identifier, or simply quoted (``'on'``).
_HEAD = re.compile(r"( *)(?:(-) +)?(?:([^\W\d]\w*)|'([^'\"\\]*)')")
#: What stands before the ``: `` of a common line: its column, its key's column, the JSON before the
#: value (``,"key":``; ``,{"key":`` after a dash), whether it is a list item, and its key.
_Prefix = tuple[int, int, str, bool, str]


class _Reader:
    """One document's lines, read as JSON fragments into ``out``.

    Most lines are ``key: value`` or ``- key: value``: what stands before the ``: `` and the value
    are each read once per document and then only looked up (a line is not worth keeping whole:
    most are met once). Any other line is read once into a record (see ``_Record``), which depends
    only on the line: a date depends on its key, which is on the line; a flow ``[]`` or ``{}`` on
    the depth where it stands, which the loop checks.
    """

    __slots__ = ("dates", "helper", "keys", "max_depth", "out", "prefixes", "records", "scalars")

    def __init__(self, max_depth: int) -> None:
        self.max_depth = max_depth
        self.out: list[str] = []
        self.keys = 0
        #: JSON of each scalar's text read so far (dates apart: they may stand under date keys only)
        self.scalars: dict[str, str] = {}
        self.dates: dict[str, str] = {}
        #: each text before ": " read so far, and what it is; () if not of the simple shape
        self.prefixes: dict[str, _Prefix | tuple[()]] = {}
        #: the record of each other line read so far
        self.records: dict[str, _Record] = {}
        self.helper: Any = None

    def run(self, text: str) -> None:
        """Read every line: one pass, the open mappings and lists on a stack."""
        out, max_depth = self.out, self.max_depth
        append, known, record_of = out.append, self.records.get, self.record
        prefix_of, text_of, value_of = self.prefixes.get, self.scalars.get, self.value
        # the mapping or list being read: whether a mapping, its indent, and whether it is a list at
        # its key's own indent; the enclosing ones are on the stack
        is_map, at, flush = True, -1, False
        stack: list[tuple[bool, int, bool]] = []
        push, pop = stack.append, stack.pop
        pending = True  # a value is due: the document's, or that of a "key:" or "-" line
        keys = 0
        marked = False  # a "---" read
        for raw in text.split("\n"):
            if not pending:  # the common lines first: the next "key: value" or "- key: value"
                head, colon, value = raw.partition(": ")
                prefix = prefix_of(head)
                if prefix and colon:
                    col, key_col, json_key, dash, key = prefix
                    fragment = text_of(value) or value_of(value, key)
                    if fragment is not None:
                        if not dash:
                            while col < at or (flush and col == at):
                                append("}" if is_map else "]")
                                is_map, at, flush = pop()
                            if col != at or not is_map:
                                raise _Doubt  # deeper: a scalar continued, a value given twice; a list
                            append(json_key)
                            append(fragment)
                            keys += 1
                            continue
                        while col < at:
                            append("}" if is_map else "]")
                            is_map, at, flush = pop()
                        if col != at or is_map:
                            raise _Doubt
                        append(json_key)
                        append(fragment)
                        push((False, at, flush))
                        if len(stack) > max_depth:
                            raise _Doubt
                        is_map, at, flush = True, key_col, False
                        keys += 1
                        continue
            record = known(raw)
            if record is None:
                record = record_of(raw)
            col, kind, fragment, due, sub = record
            if kind >= _SKIP:  # a blank line, a comment, the document's start
                if kind == _START:
                    if marked or at != -1:
                        raise _Doubt  # a second document, or text before the marker
                    marked = True
                continue
            opened = False  # the line is the first of a new mapping or list
            if pending:
                pending = False
                dash = kind == _DASH
                if col > at or (col == at and dash and is_map):  # a block: the value
                    push((is_map, at, flush))
                    if len(stack) > max_depth:
                        raise _Doubt
                    is_map, flush, at, opened = not dash, col == at, col, True
                    append("[" if dash else "{")
                else:
                    append("null")  # nothing under a "key:" or "-": what the composer reads
            if kind == _DASH:
                while col < at:
                    append("}" if is_map else "]")
                    is_map, at, flush = pop()
            else:
                while col < at or (flush and col == at):
                    append("}" if is_map else "]")
                    is_map, at, flush = pop()
            if col != at:
                raise _Doubt
            while True:
                if kind in (_KEY, _FLOW_KEY):
                    if not is_map or (kind == _FLOW_KEY and len(stack) >= max_depth):
                        raise _Doubt  # an entry in a list; a flow [] or {} one level too deep
                    append(fragment[1:] if opened else fragment)
                    keys += 1
                    pending = due
                    break
                if is_map:
                    raise _Doubt  # an item in a mapping
                if not opened:
                    append(",")
                if sub is None:
                    pending = True
                    break
                col, kind, fragment, due, sub = sub  # what follows the dash, at its own column
                if kind in (_SCALAR, _FLOW_SCALAR):
                    if kind == _FLOW_SCALAR and len(stack) >= max_depth:
                        raise _Doubt
                    append(fragment)
                    break
                push((is_map, at, flush))  # "- key: value" or "- - item": a block on the item's line
                if len(stack) > max_depth:
                    raise _Doubt
                is_map, flush, at, opened = kind != _DASH, False, col, True
                append("{" if is_map else "[")
        if at == -1:
            raise _Doubt  # no document: the composer says what is wrong
        if pending:
            append("null")
        while stack:
            append("}" if is_map else "]")
            is_map, at, flush = pop()
        self.keys = keys

    def value(self, text: str, key: str) -> str | None:
        """The JSON of the value of a common line, or None if the line is to be read otherwise."""
        if _TEXT.fullmatch(text) is not None:  # the most common new value
            fragment = self.scalars[text] = '"' + text + '"'
            return fragment
        if not text or text[0] == " " or text[-1] == " ":
            return None  # nothing (a value is due), or spaces to strip
        fragment = self.scalar(text, key)
        return None if fragment in _FLOWS else fragment

    def record(self, raw: str) -> _Record:
        """The record of a line of no common shape, or not seen before; the text before its ": " learnt."""
        head, colon, _ = raw.partition(": ")
        if colon and head not in self.prefixes:
            match = _HEAD.fullmatch(head)
            key = None if match is None else match[4] if match[3] is None else match[3]
            self.prefixes[head] = (
                (
                    len(match[1]),
                    match.start(3) if match[4] is None else match.start(4) - 1,
                    (',{"' if match[2] else ',"') + key + '":',
                    match[2] is not None,
                    key,
                )
                if match is not None and key is not None and (match[4] is not None or key.isidentifier())
                else ()
            )
        found = self.line(raw)
        self.records[raw] = found
        return found

    def line(self, raw: str) -> _Record:
        """The record of a line."""
        line = raw.lstrip(" ")
        if not line or line[0] == "#":
            return _SKIPPED  # a blank line, a comment
        col = len(raw) - len(line)
        line = line.rstrip(" ")
        if not col and line[:3] in ("---", "...") and line[3:4] in ("", " "):
            if line != "---":
                raise _Doubt  # the end of a document, or text after the marker
            return 0, _START, "", False, None
        return self.content(line, col)

    def content(self, line: str, col: int) -> _Record:
        """The record of a line's text (no space at either end) that starts at column ``col``."""
        if line[0] == "-" and (len(line) == 1 or line[1] == " "):
            item = line[2:]
            stripped = item.lstrip(" ")
            if not stripped:
                return col, _DASH, "", False, None
            # "- key: value" or "- - item": a block starting on this line, at the column of its text
            sub_col = col + 2 + len(item) - len(stripped)
            head, colon, rest = stripped.partition(":")
            dashed = stripped[0] == "-" and stripped[1:2] in ("", " ")
            keyed = colon and (not rest or rest[0] == " ") and head
            if dashed or (keyed and (head.isidentifier() or head[0] == "'")):
                sub = self.content(stripped, sub_col)
            else:
                fragment = self.scalar(stripped, None)
                sub = (sub_col, _FLOW_SCALAR if fragment in _FLOWS else _SCALAR, fragment, False, None)
            return col, _DASH, "", False, sub
        if line[0] == "'":
            end = line.find("':", 1)
            if end < 0:
                raise _Doubt
            key, rest = line[1:end], line[end + 2 :]
            if "'" in key or "\\" in key or '"' in key:
                raise _Doubt
        else:
            key, colon, rest = line.partition(":")
            if not colon or not key.isidentifier():
                raise _Doubt
        head = ',"' + key + '":'
        if not rest:
            return col, _KEY, head, True, None
        if rest[0] != " ":
            raise _Doubt
        fragment = self.scalar(rest.lstrip(" "), key)
        return col, _FLOW_KEY if fragment in _FLOWS else _KEY, head + fragment, False, None

    def scalar(self, text: str, key: str | None) -> str:
        """The JSON of a scalar's text, the value of ``key`` (None for a list's item)."""
        fragment = self.scalars.get(text)
        if fragment is not None:
            return fragment
        if text in _FLOWS:
            return text  # an empty flow list or mapping: its depth is checked where it stands
        fragment = self.dates.get(text)
        if fragment is None:
            self._read(text)
            fragment = self.scalars.get(text)
            if fragment is not None:
                return fragment
            fragment = self.dates[text]
        if key is None or key not in date_keys():
            raise _Doubt  # the composer reads a date there; JSON would read text
        return fragment

    def _read(self, text: str) -> None:
        """Put the JSON of a scalar's text in ``scalars``, or of a date in ``dates``."""
        if _TEXT.fullmatch(text) is not None:
            self.scalars[text] = '"' + text + '"'  # most texts: no resolver can read them otherwise
            return
        raw, first = text, text[:1]
        if first in _INDICATORS:
            if first == "'":
                inner = text[1:-1]
                if len(text) < 2 or text[-1] != "'" or "'" in inner.replace("''", ""):
                    raise _Doubt
                self.scalars[raw] = _json_text(inner.replace("''", "'"))
                return
            if first == '"':
                inner = text[1:-1]
                if len(text) < 2 or text[-1] != '"' or '"' in inner or "\\" in inner:
                    raise _Doubt
                self.scalars[raw] = _json_text(inner)
                return
            if first not in "-?:" or len(text) == 1 or text[1] == " ":
                raise _Doubt
        if " #" in text:
            text = text[: text.index(" #")].rstrip(" ")
        if ": " in text or text.endswith(":"):
            raise _Doubt
        if text.isdigit() and text.isascii() and (text[0] != "0" or text == "0") and len(text) < 4000:
            self.scalars[raw] = text  # a whole number, as the resolver and constructor read it
            return
        if text and text[0] not in _RESOLVED_FIRST:
            self.scalars[raw] = _json_text(text)  # text whatever follows (the resolver's own index)
            return
        if self.helper is None:
            self.helper = yaml.SafeLoader("")  # constructing is not thread-safe: one per document
        value = _plain(text, self.helper)
        kind = type(value)
        if kind is str or kind is int or kind is bool or value is None:
            self.scalars[raw] = json.dumps(value, ensure_ascii=False)
        elif kind is datetime.date:
            self.dates[raw] = json.dumps(value.isoformat())
        else:
            raise _Doubt  # a float, a time: the composer and the model decide


def _json_text(text: str) -> str:
    """A JSON string (the text holds no control character: the document was checked for them)."""
    if '"' in text or "\\" in text:
        return json.dumps(text, ensure_ascii=False)
    return '"' + text + '"'


def translate(text: str, max_depth: int) -> tuple[bytes, int] | None:
    """The JSON bytes of the tree the safe composer builds from ``text``, and its number of keys; or None.

    None whenever the document is not of the simple block shape (see the module's docstring).
    """
    if _UNUSUAL.search(text) is not None:
        return None
    reader = _Reader(max_depth)
    try:
        with gc_paused():  # hundreds of thousands of strings, no cycle: collections would only rescan
            reader.run(text)
    except _Doubt:
        return None
    return "".join(reader.out).encode("utf-8"), reader.keys


# ------------------------------------------------------------------ writing

#: Text PyYAML's safe loader may read back as itself when written plain (still to be resolved):
#: printable, no space at either end, no indicator first (but ``-``, ``?`` and ``:`` before a
#: character other than a space), no ``: `` or `` #`` inside.
_PLAIN = re.compile(
    "(?:[^\x00-\x20\\-?:,\\[\\]{}#&*!|>'\"%@`\x7f-\x9f\u2028\u2029\ufeff\ud800-\udfff\ufffe\uffff]|[-?:](?=[^ ]))"
    "(?:[^\x00-\x20:#\x7f-\x9f\u2028\u2029\ufeff\ud800-\udfff\ufffe\uffff]|[ ](?!#)|:(?! )|(?<! )#)*"
    "(?<![ :])"
)
#: Characters written as escapes in double quotes.
_ESCAPED = re.compile(r'[\\"\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff\ud800-\udfff\ufffe\uffff]')
#: Characters that need double quotes: breaks and what YAML does not print; ``\t`` too.
_SPECIAL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff\ud800-\udfff\ufffe\uffff]")
_NAMED = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\t": "\\t", "\0": "\\0"}


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    named = _NAMED.get(char)
    if named is not None:
        return named
    code = ord(char)
    return f"\\x{code:02X}" if code < 0x100 else f"\\u{code:04X}"


def _text(text: str) -> str:
    """A text as YAML reads it back: plain if it can be, else quoted."""
    if (
        _PLAIN.fullmatch(text) is not None
        and not text.startswith(("---", "..."))
        and _SAFE.resolve(yaml.ScalarNode, text, (True, False)) == _STR_TAG
    ):
        return text
    if _SPECIAL.search(text) is None:
        return "'" + text.replace("'", "''") + "'"
    return '"' + _ESCAPED.sub(_escape, text) + '"'


class _Writer:
    __slots__ = ("cache", "keys", "lines")

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.cache: dict[str, str] = {}
        self.keys: dict[str, str] = {}

    def scalar(self, value: Any) -> str:
        kind = type(value)
        if kind is str:
            found = self.cache.get(value)
            if found is None:
                found = self.cache[value] = _text(value)
            return found
        if kind is bool:
            return "true" if value else "false"
        if kind is int:
            return str(value)
        if value is None:
            return "null"
        if kind is datetime.date:
            return str(value.isoformat())
        raise _Doubt

    def key(self, key: Any) -> str:
        if type(key) is not str or len(key) > 120:
            raise _Doubt  # PyYAML writes long keys as "? key": its own way
        found = self.keys[key] = self.scalar(key) + ":"
        return found

    def mapping(self, node: dict[Any, Any], pad: str, first: str) -> None:
        """``node``'s entries, the first after ``first`` (a list item's dash), the rest after ``pad``."""
        append, keys, cache = self.lines.append, self.keys, self.cache
        lead = first
        for key, value in node.items():
            head = keys.get(key) or self.key(key)
            kind = type(value)
            if kind is str:
                text = cache.get(value)
                if text is None:
                    text = cache[value] = _text(value)
                append(f"{lead}{head} {text}")
            elif kind is dict:
                if value:
                    append(lead + head)
                    self.mapping(value, pad + "  ", pad + "  ")
                else:
                    append(f"{lead}{head} {{}}")
            elif kind is list:
                if value:
                    append(lead + head)
                    self.sequence(value, pad + "  ")
                else:
                    append(f"{lead}{head} []")
            else:
                append(f"{lead}{head} {self.scalar(value)}")
            lead = pad

    def sequence(self, node: list[Any], pad: str) -> None:
        lines = self.lines
        for item in node:
            kind = type(item)
            if kind is dict and item:
                self.mapping(item, pad + "  ", pad + "- ")
            elif kind is list and item:
                self.nested(item, pad)
            elif kind is dict:
                lines.append(pad + "- {}")
            elif kind is list:
                lines.append(pad + "- []")
            else:
                lines.append(pad + "- " + self.scalar(item))

    def nested(self, node: list[Any], pad: str) -> None:
        """A list inside a list: ``- - a`` then ``  - b`` (PyYAML's layout)."""
        start = len(self.lines)
        self.sequence(node, pad + "  ")
        self.lines[start] = pad + "- " + self.lines[start][len(pad) + 2 :]


def emit(document: dict[str, Any]) -> str | None:
    """The block-style YAML of an unstructured document, or None for a value this writer does not know."""
    writer = _Writer()
    try:
        if document:
            writer.mapping(document, "", "")
        else:
            writer.lines.append("{}")
    except _Doubt:
        return None
    writer.lines.append("")
    return "\n".join(writer.lines)

"""YAML: the same small API as the other formats, loaded safely and with line numbers.

The document is composed here from the parser's events rather than by ``yaml.load``: aliases
(``*name``) are refused before anything is expanded (no alias bombs), nesting is bounded, keys may
appear once, only the safe scalar tags are constructed, and every path keeps its line and column
so that problems can say where they are.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Any

import yaml  # type: ignore[import-untyped, unused-ignore]

from dangjian_model.files._document import (
    DEFAULT_LIMITS,
    Document,
    Limits,
    structure_document,
    unstructure_document,
)
from dangjian_model.files._errors import ConfigError, Problem, shown
from dangjian_model.files._fast import fast_loads_json
from dangjian_model.files._problems import child, index
from dangjian_model.files._yaml_fast import emit, translate

if TYPE_CHECKING:
    import cattrs

__all__ = ["converter", "dumps", "loads", "make_converter", "parse"]

_Parser: Any = getattr(yaml, "CBaseLoader", None) or yaml.BaseLoader
_MAP = "tag:yaml.org,2002:map"
_SEQ = "tag:yaml.org,2002:seq"


def make_converter() -> cattrs.Converter:
    """A new cattrs PyYAML converter with the shared configuration."""
    from cattrs.preconf.pyyaml import make_converter as preconf

    from dangjian_model.files._converter import configure_converter

    made = preconf()
    configure_converter(made)
    return made


@functools.cache
def converter() -> cattrs.Converter:
    """The library's YAML converter (the detailed path and writing), made when first asked."""
    return make_converter()


class _Refused(Exception):
    def __init__(self, problem: Problem) -> None:
        self.problem = problem


def _problem(path: str, mark: Any, expected: str, value: str = "") -> Problem:
    line = mark.line + 1 if mark is not None else None
    column = mark.column + 1 if mark is not None else None
    return Problem(path=path, value=value, expected=expected, line=line, column=column)


class _Frame:
    """A mapping or list being built, with the path of the next value in it."""

    __slots__ = ("key", "key_mark", "path", "value")

    def __init__(self, value: dict[Any, Any] | list[Any], path: str) -> None:
        self.value = value
        self.path = path
        self.key: Any = None
        self.key_mark: Any = None


def parse(
    text: str, source: str = "<string>", limits: Limits = DEFAULT_LIMITS
) -> tuple[Any, dict[str, tuple[int, int]]]:
    """Parse one YAML document safely.

    Returns:
        The tree and a map from each path to its (line, column).

    Raises:
        ConfigError: a syntax error, an alias, an unsafe tag, a repeated key, or a limit passed.
    """
    limits.check_size(len(text), source)
    marks: dict[str, tuple[int, int]] = {}
    try:
        try:
            return _compose(text, limits, marks, _Parser), marks
        except yaml.MarkedYAMLError:
            if _Parser is yaml.BaseLoader:
                raise
            # libyaml has limits of its own that differ by release (6.0.4 refuses flow nesting past
            # 1,000 while scanning ahead, before our depth check sees an event). The pure-Python parser
            # reads the same grammar without them, so what the user is told is the same whatever
            # PyYAML is installed: our limit, the value, or the syntax error. Only failed reads pay
            # for this, and in time linear in the text.
            marks.clear()
            return _compose(text, limits, marks, yaml.BaseLoader), marks
    except _Refused as refused:
        raise ConfigError(source, (refused.problem,)) from None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        reason = " ".join(part for part in (error.context, _started(error), error.problem) if part)
        problem = _problem("$", mark, f"valid YAML ({reason})")
    except yaml.YAMLError as error:
        problem = Problem(path="$", value="", expected=f"valid YAML ({type(error).__name__})")
    except RecursionError:
        problem = limits.depth_problem("$")
    raise ConfigError(source, (problem,))


def _started(error: Any) -> str:
    """PyYAML's ``started at line 2``: where the construct that failed began, when that is elsewhere."""
    start, end = error.context_mark, error.problem_mark
    if start is None or end is None or (start.line, start.column) == (end.line, end.column):
        return ""
    return f"started at line {start.line + 1}, column {start.column + 1},"


def _compose(text: str, limits: Limits, marks: dict[str, tuple[int, int]], reader: Any) -> Any:
    parser = reader(text)
    helper = yaml.SafeLoader("")  # resolves and constructs single scalars with the safe tags only
    stack: list[_Frame] = []
    documents = 0
    root: Any = None
    try:
        while True:
            event = parser.get_event()
            if isinstance(event, yaml.StreamEndEvent):
                break
            if isinstance(event, yaml.DocumentStartEvent):
                documents += 1
                if documents > 1:
                    raise _Refused(_problem("$", event.start_mark, "one YAML document, not several"))
                continue
            if isinstance(event, yaml.StreamStartEvent | yaml.DocumentEndEvent):
                continue
            if isinstance(event, yaml.MappingEndEvent | yaml.SequenceEndEvent):
                done = stack.pop()
                if not stack:
                    root = done.value
                else:
                    _put(stack[-1], done.value, done.path, event.start_mark, limits)
                continue
            path = _next_path(stack)
            if isinstance(event, yaml.AliasEvent):
                raise _Refused(
                    _problem(
                        path, event.start_mark, "no aliases (*name): write the value out", f"*{event.anchor}"
                    )
                )
            if stack and isinstance(stack[-1].value, dict) and stack[-1].key is None:
                _key(stack[-1], event, helper, path)
                continue
            marks[path] = (event.start_mark.line + 1, event.start_mark.column + 1)
            if isinstance(event, yaml.MappingStartEvent | yaml.SequenceStartEvent):
                tag = _MAP if isinstance(event, yaml.MappingStartEvent) else _SEQ
                if event.tag not in (None, "!", tag):
                    raise _Refused(
                        _problem(
                            path,
                            event.start_mark,
                            "映射和列表不能带标签 no tags on mappings or lists",
                            shown(_short(event.tag)),
                        )
                    )
                if len(stack) + 1 > limits.max_depth:
                    raise _Refused(limits.depth_problem(path, *marks[path]))
                value: dict[Any, Any] | list[Any] = {} if tag == _MAP else []
                stack.append(_Frame(value, path))
                continue
            scalar = _scalar(event, helper, path)
            if not stack:
                root = scalar
            else:
                _put(stack[-1], scalar, path, event.start_mark, limits)
    finally:
        dispose = getattr(parser, "dispose", None)
        if dispose is not None:
            dispose()
    return root


def _next_path(stack: list[_Frame]) -> str:
    if not stack:
        return "$"
    frame = stack[-1]
    if isinstance(frame.value, list):
        return index(frame.path, len(frame.value))
    if frame.key is None:
        return frame.path
    return child(frame.path, frame.key)


def _key(frame: _Frame, event: Any, helper: Any, path: str) -> None:
    if not isinstance(event, yaml.ScalarEvent):
        raise _Refused(_problem(path, event.start_mark, "a key that is plain text, not a mapping or list"))
    # Keys are text, never resolved: YAML 1.1 would read ``on:`` (IncomeRecord.on) as true.
    key = event.value if event.tag in (None, "!") else _scalar(event, helper, path)
    try:
        hash(key)
    except TypeError:
        raise _Refused(_problem(path, event.start_mark, "a key that is plain text")) from None
    assert isinstance(frame.value, dict)
    if key in frame.value:
        raise _Refused(_problem(child(frame.path, key), event.start_mark, "each key once", shown(key)))
    frame.key, frame.key_mark = key, event.start_mark


def _put(frame: _Frame, value: Any, path: str, mark: Any, limits: Limits) -> None:
    if isinstance(frame.value, list):
        frame.value.append(value)
    else:
        frame.value[frame.key] = value
        frame.key = None


_CORE = "tag:yaml.org,2002:"
_STR = _CORE + "str"
#: Tags honoured on a scalar whose plain reading already has that type (then they change nothing).
_REDUNDANT = frozenset(_CORE + name for name in ("int", "float", "bool", "null", "timestamp"))


def _short(tag: str) -> str:
    """``!!int`` for the core schema's ``tag:yaml.org,2002:int``, other tags as written."""
    if tag.startswith(_CORE):
        return "!!" + tag[len(_CORE) :]
    return tag if tag.startswith("!") else f"!<{tag}>"


def _scalar(event: Any, helper: Any, path: str) -> Any:
    """One scalar, read safely.

    Tags: ``!!str`` (and ``!``) make the value text; ``!!int``, ``!!float``, ``!!bool``, ``!!null`` and
    ``!!timestamp`` are read only on a value that has that type without them; every other tag is
    refused. A refusal never shows the value: a tag may sit on a person's phone or name.
    """
    tag = event.tag
    # how the value reads without its tag: a plain scalar is resolved, a quoted one is text
    implicit = event.implicit if tag in (None, "!") else (not event.style, True)  # plain: None or ""
    plain = helper.resolve(yaml.ScalarNode, event.value, implicit)
    if tag in (None, "!"):
        tag = plain
    elif tag == _STR:
        return event.value
    elif tag not in _REDUNDANT:
        raise _Refused(
            _problem(
                path,
                event.start_mark,
                f"不支持此标签 no tag {_short(tag)}: remove it; quote the value, or tag it !!str, "
                "to make it text",
                shown(_short(tag)),
            )
        )
    elif plain != tag:
        raise _Refused(_misfit(path, event, tag))
    node = yaml.ScalarNode(tag, event.value, event.start_mark, event.end_mark, style=event.style)
    try:
        return helper.construct_object(node, deep=True)
    except Exception:  # PyYAML raises ValueError, KeyError, AttributeError … on odd scalars
        if event.tag in (
            None,
            "!",
        ):  # 2020-13-01 looks like a date but is not one: the field's check will say so
            return event.value
        raise _Refused(_misfit(path, event, tag)) from None


def _misfit(path: str, event: Any, tag: str) -> Problem:
    return _problem(
        path,
        event.start_mark,
        f"标签 {_short(tag)} 与值不符 a value that is a valid {_short(tag)} "
        "(the value is not shown: it may be personal data); remove the tag",
        shown(_short(tag)),
    )


def loads(
    text: str, into: type[Document], *, source: str = "<string>", limits: Limits = DEFAULT_LIMITS
) -> Any:
    """Read a registry or an alliance from YAML text.

    A document of the simple block shape is read as JSON by the fast path (see
    :mod:`dangjian_model.files._yaml_fast`); any other, or one the fast path doubts, is composed
    safely here, and its problems are told with their lines.
    """
    limits.check_size(len(text), source)
    translated = translate(text, limits.max_depth)
    if translated is not None:
        fast = fast_loads_json(translated[0], into, colons=translated[1])
        if fast is not None:
            return fast
    tree, marks = parse(text, source, limits)
    return structure_document(tree, into, converter(), source, marks.get, limits)


class _Dumper(yaml.SafeDumper):  # type: ignore[misc]
    """Block style; lists indented under their key; no anchors even for repeated values."""

    def ignore_aliases(self, data: Any) -> bool:
        return True

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)


def dumps(obj: Document) -> str:
    """Canonical YAML: block style, keys in field order, UTF-8 text (not escapes)."""
    document = unstructure_document(obj, converter())
    text = emit(document)
    if text is not None:
        return text
    return str(yaml.dump(document, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=1000))

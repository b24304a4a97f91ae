"""The document shape shared by every format, the limits, and structuring with every problem reported.

A registry document is a mapping with an optional ``version`` (1) and one key per collection of
:class:`~dangjian_model.Registry` (``units``, ``party_organisations``, ``people``, ``alliances`` …),
each a list of entities. An alliance document has ``version`` and one key, ``alliance``.
"""

from __future__ import annotations

import heapq
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Final

import attrs

from dangjian_model._errors import DangjianError
from dangjian_model._model import Alliance
from dangjian_model._registry import Registry
from dangjian_model._repr import FieldsRepr
from dangjian_model.files._errors import ConfigError, Problem, shown
from dangjian_model.files._problems import Found, Locate, child, index, problems_of, unknown_key

if TYPE_CHECKING:
    import cattrs

__all__ = [
    "DEFAULT_LIMITS",
    "VERSION",
    "Document",
    "Find",
    "Limits",
    "check_depth",
    "finder",
    "place",
    "structure_document",
    "unstructure_document",
]

#: The version of the configuration format this library writes and reads.
VERSION: Final = 1

Document = Registry | Alliance
#: Finds the (line, column) of the given paths and of the paths enclosing them, by scanning the text.
Find = Callable[[Iterable[str]], Mapping[str, "tuple[int, int]"]]
_PARENT = re.compile(r"(?:\.[A-Za-z_][A-Za-z0-9_]*|\[[^\[\]]*\])\Z")


def finder(text: str, format: str) -> Find:
    """Positions in ``text`` (JSON, YAML or TOML) found by one scan, only when a problem asks.

    The scanner (:mod:`dangjian_model.files._locate`) is imported then too: a clean load does not pay for it.
    """

    def find(paths: Iterable[str]) -> Mapping[str, tuple[int, int]]:
        from dangjian_model.files._locate import positions

        return positions(text, format, paths)

    return find


@attrs.frozen(kw_only=True, repr=False)
class Limits(FieldsRepr):
    """Limits against hostile or broken files; a document beyond them is refused with a clear error.

    Attributes:
        max_bytes: The largest document, in bytes (characters for text already decoded).
        max_depth: The deepest nesting of mappings and lists; the format itself needs 8.
        max_problems: The most problems reported: checking a malformed document stops once this
            many are found (at least 1), so that reporting costs no more than reading.
    """

    max_bytes: int = attrs.field(default=32 * 1024 * 1024, validator=attrs.validators.ge(0))
    max_depth: int = attrs.field(default=32, validator=attrs.validators.ge(1))
    max_problems: int = attrs.field(default=100, validator=attrs.validators.ge(1))

    def check_size(self, size: int, source: str) -> None:
        """Raise :class:`ConfigError` if a document of ``size`` bytes is too large."""
        if size > self.max_bytes:
            raise ConfigError(
                source,
                (
                    Problem(
                        path="$",
                        value=f"{size} bytes",
                        expected=f"a document of at most {self.max_bytes} bytes (Limits.max_bytes)",
                    ),
                ),
            )

    def depth_problem(self, path: str, line: int | None = None, column: int | None = None) -> Problem:
        """The problem of a document nested deeper than :attr:`max_depth`."""
        return Problem(
            path=path,
            value="",
            expected=f"nesting at most {self.max_depth} levels deep (Limits.max_depth)",
            line=line,
            column=column,
        )


#: The limits used when none are given.
DEFAULT_LIMITS = Limits()


def check_depth(tree: Any, limits: Limits, source: str) -> None:
    """Refuse a parsed tree nested deeper than the limit (iteratively: no recursion)."""
    stack: list[tuple[Any, int, str]] = [(tree, 1, "$")]
    while stack:
        node, depth, path = stack.pop()
        if depth > limits.max_depth:
            raise ConfigError(source, (limits.depth_problem(path),))
        if isinstance(node, dict):
            stack.extend((value, depth + 1, child(path, key)) for key, value in node.items())
        elif isinstance(node, list):
            stack.extend((value, depth + 1, index(path, i)) for i, value in enumerate(node))


def unstructure_document(obj: Document, converter: cattrs.Converter) -> dict[str, Any]:
    """The canonical document of a registry or an alliance: ``version`` first, then the fields."""
    if isinstance(obj, Registry):
        return {"version": VERSION, **converter.unstructure(obj, Registry)}
    if isinstance(obj, Alliance):
        return {"version": VERSION, "alliance": converter.unstructure(obj, Alliance)}
    raise TypeError(f"can only write a Registry or an Alliance, not {type(obj).__name__}")


def structure_document(
    tree: Any,
    into: type[Document],
    converter: cattrs.Converter,
    source: str,
    locate: Locate | None = None,
    limits: Limits = DEFAULT_LIMITS,
    find: Find | None = None,
) -> Any:
    """Build a registry or an alliance from a parsed document, or raise one :class:`ConfigError`.

    At most ``limits.max_problems`` problems are built: checking stops there, and a single error
    standing for more (a million unknown keys) is counted, not listed. Problems are placed by
    ``locate`` (positions the parser kept) or, only once there are problems, by ``find`` (a scan of
    the text for just their paths).
    """
    if not isinstance(tree, dict):
        problem = Problem(path="$", value=shown(tree), expected=_top_expected(into))
        raise ConfigError(source, place((problem,), locate, find))
    found = Found(limits.max_problems)
    body = dict(tree)
    version = body.pop("version", VERSION)
    if type(version) is not int or version != VERSION:
        found.add(
            lambda: Problem(path="$.version", value=shown(version), expected=f"{VERSION}, the format version")
        )
    target, path = body, "$"
    if into is Alliance:
        target, path = body.pop("alliance", None), "$.alliance"
        if target is None:
            found.add(lambda: Problem(path=path, value="", expected="this key, which is required"))
        extra = heapq.nsmallest(found.room, body, key=str)
        found.problems += [unknown_key("$", key, ("version", "alliance"), "keys") for key in extra]
        found.more += len(body) - len(extra)
    stopped = False
    if target is not None:
        from dangjian_model.files._converter import VALIDATION_ERRORS, budget  # the detailed path: cattrs

        try:
            with budget(max(found.room, 1)) as spending:
                try:
                    result = converter.structure(target, into)
                finally:
                    stopped = spending.stopped
        except (*VALIDATION_ERRORS, DangjianError) as error:
            problems_of(error, path, found)
        except (RecursionError, MemoryError):
            found.add(lambda: Problem(path=path, value="", expected="a document the library can hold"))
        except Exception as error:  # a bug: still one ConfigError, never a traceback
            name = type(error).__name__
            found.add(lambda: Problem(path=path, value="", expected=f"a valid document ({name})"))
        else:
            if not found.problems and not found.more:
                return result
    raise ConfigError(source, place(found.problems, locate, find), found.more, stopped)


def _top_expected(into: type[Document]) -> str:
    if into is Alliance:
        return "a mapping with keys version and alliance"
    return "a mapping with keys version, " + ", ".join(a.name for a in attrs.fields(Registry) if a.init)


def place(
    problems: Sequence[Problem], locate: Locate | None, find: Find | None = None
) -> tuple[Problem, ...]:
    """The problems with the line and column of their paths (of the nearest enclosing path the file has)."""
    if find is not None and locate is None and problems:
        locate = find([p.path for p in problems if p.line is None]).get
    return tuple(_located(problem, locate) for problem in problems)


def _located(problem: Problem, locate: Locate | None) -> Problem:
    """The problem with the line of its path, or of the nearest enclosing path the file has."""
    if locate is None or problem.line is not None:
        return problem
    path = problem.path
    while True:
        spot = locate(path)
        if spot is not None:
            return attrs.evolve(problem, line=spot[0], column=spot[1])
        shorter = _PARENT.sub("", path)
        if shorter == path:
            return problem
        path = shorter

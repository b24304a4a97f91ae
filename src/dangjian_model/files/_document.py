"""The document shape shared by every format, the limits, and structuring with every problem reported.

A registry document is a mapping with an optional ``version`` (1) and one key per collection of
:class:`~dangjian_model.Registry` (``units``, ``party_organisations``, ``people``, ``alliances`` …),
each a list of entities. An alliance document has ``version`` and one key, ``alliance``.
"""

from __future__ import annotations

import difflib
import re
from typing import Any, Final

import attrs
import cattrs

from dangjian_model._errors import DangjianError
from dangjian_model._model import Alliance
from dangjian_model._registry import Registry
from dangjian_model.files._converter import VALIDATION_ERRORS, shown
from dangjian_model.files._errors import ConfigError, Problem
from dangjian_model.files._problems import Locate, child, index, problems_of

__all__ = [
    "DEFAULT_LIMITS",
    "VERSION",
    "Document",
    "Limits",
    "check_depth",
    "structure_document",
    "unstructure_document",
]

#: The version of the configuration format this library writes and reads.
VERSION: Final = 1

Document = Registry | Alliance
_PARENT = re.compile(r"(?:\.[A-Za-z_][A-Za-z0-9_]*|\[[^\[\]]*\])\Z")


@attrs.frozen(kw_only=True)
class Limits:
    """Limits against hostile or broken files; a document beyond them is refused with a clear error.

    Attributes:
        max_bytes: The largest document, in bytes (characters for text already decoded).
        max_depth: The deepest nesting of mappings and lists; the format itself needs 8.
    """

    max_bytes: int = 32 * 1024 * 1024
    max_depth: int = 32

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
) -> Any:
    """Build a registry or an alliance from a parsed document, or raise one :class:`ConfigError`."""
    problems: list[Problem] = []
    if not isinstance(tree, dict):
        problems.append(Problem(path="$", value=shown(tree), expected=_top_expected(into)))
        raise ConfigError(source, tuple(problems))
    body = dict(tree)
    version = body.pop("version", VERSION)
    if type(version) is not int or version != VERSION:
        problems.append(
            Problem(path="$.version", value=shown(version), expected=f"{VERSION}, the format version")
        )
    target, path = body, "$"
    if into is Alliance:
        target, path = body.pop("alliance", None), "$.alliance"
        if target is None:
            problems.append(Problem(path=path, value="", expected="this key, which is required"))
        for key in sorted(body, key=str):
            problems.append(_unknown(key, ["version", "alliance"]))
    if target is not None:
        try:
            result = converter.structure(target, into)
        except (*VALIDATION_ERRORS, DangjianError) as error:
            problems.extend(problems_of(error, path))
        except (RecursionError, MemoryError):
            problems.append(Problem(path=path, value="", expected="a document the library can hold"))
        except Exception as error:  # a bug: still one ConfigError, never a traceback
            problems.append(
                Problem(path=path, value="", expected=f"a valid document ({type(error).__name__})")
            )
        else:
            if not problems:
                return result
    raise ConfigError(source, tuple(_located(problem, locate) for problem in problems))


def _top_expected(into: type[Document]) -> str:
    if into is Alliance:
        return "a mapping with keys version and alliance"
    return "a mapping with keys version, " + ", ".join(a.name for a in attrs.fields(Registry) if a.init)


def _unknown(key: object, known: list[str]) -> Problem:
    hint = difflib.get_close_matches(str(key)[:100], known, n=1)
    return Problem(
        path=child("$", key),
        value="",
        expected="no such key"
        + (f"; did you mean {hint[0]!r}?" if hint else "")
        + f" (keys: {', '.join(known)})",
    )


def _located(problem: Problem, locate: Locate | None) -> Problem:
    """The problem with the line of its path, or of the nearest enclosing path the file has."""
    if locate is None or problem.line is not None:
        return problem
    path = problem.path
    while True:
        place = locate(path)
        if place is not None:
            return attrs.evolve(problem, line=place[0], column=place[1])
        shorter = _PARENT.sub("", path)
        if shorter == path:
            return problem
        path = shorter

"""Walk cattrs' detailed validation errors into :class:`Problem` entries with paths in the file's keys.

cattrs reports attribute names; our keys are the attribute names, so a path is built from its
notes directly. Values of personal fields (a person's name, phone and ID-card number) are masked.
"""

from __future__ import annotations

import functools
import heapq
import re
from collections.abc import Callable
from typing import Any

import attrs

from dangjian_model._errors import InvalidValue
from dangjian_model._model import Person
from dangjian_model._privacy import mask_id_card, mask_name, mask_phone
from dangjian_model._registry import Registry
from dangjian_model.files._errors import Problem, shown

__all__ = ["Found", "Locate", "child", "index", "problems_of", "unknown_key"]

#: Maps a path to its (line, column) in the file, or None when the format cannot tell.
Locate = Callable[[str], "tuple[int, int] | None"]

_IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*\Z")


def _hidden(value: object) -> str:
    """Anything where a person should be may be personal data: only its type is shown."""
    return f"<{type(value).__name__}>"


_MASKS: dict[tuple[type[Any], str], Callable[[object], str]] = {
    (Registry, "people"): _hidden,
    (Person, "name"): mask_name,
    (Person, "phone"): mask_phone,
    (Person, "id_card"): mask_id_card,
}
_WHERE = re.compile(r"[A-Za-z]+\.([A-Za-z_]+)(.*)\Z")


def child(path: str, key: object) -> str:
    """The path of ``key`` inside the mapping at ``path``: ``$.units`` or ``$["odd key"]``."""
    text = str(key)
    if _IDENTIFIER.match(text):
        return f"{path}.{text}"
    return f"{path}[{shown(text)}]"


def index(path: str, position: int) -> str:
    """The path of item ``position`` of the list at ``path``."""
    return f"{path}[{position}]"


class Found:
    """The problems of a document: the first ``limit`` built, the rest only counted.

    Attributes:
        problems: The problems built, at most ``limit``.
        more: Problems counted but not built.
    """

    __slots__ = ("limit", "more", "problems")

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.problems: list[Problem] = []
        self.more = 0

    @property
    def room(self) -> int:
        """How many more problems may be built."""
        return self.limit - len(self.problems)

    def add(self, problem: Callable[[], Problem]) -> None:
        """Build and keep a problem if there is room, else count it."""
        if self.room > 0:
            self.problems.append(problem())
        else:
            self.more += 1


def problems_of(error: BaseException, path: str = "$", found: Found | None = None) -> list[Problem]:
    """Every problem in a (nested) cattrs validation error, depth-first in document order.

    With ``found``, they are added to it: once it is full, the rest are counted, not built.
    """
    found = found if found is not None else Found(limit=2**62)
    start = len(found.problems)
    _walk(error, path, None, found)
    return found.problems[start:]


#: The most keys an unknown key's message lists: the closest ones, not every key of a class.
_KEYS_SHOWN = 6


def unknown_key(path: str, key: object, known: tuple[str, ...], owner: str) -> Problem:
    """The problem of a key ``owner`` does not have, with the closest keys it does have."""
    import difflib  # only an unknown key needs it: a clean load does not import it

    keys = closest_keys(str(key), known)
    hint = keys[0] if keys and difflib.SequenceMatcher(None, str(key)[:100], keys[0]).ratio() >= 0.6 else None
    expected = "no such key" + (f"; did you mean {hint!r}?" if hint else "")
    more = f", … (+{len(known) - len(keys)})" if len(keys) < len(known) else ""
    return Problem(
        path=child(path, key), value="", expected=expected + f" ({owner}: {', '.join(keys)}{more})"
    )


@functools.lru_cache(maxsize=1024)
def closest_keys(text: str, known: tuple[str, ...]) -> tuple[str, ...]:
    """The few keys of ``known`` most like ``text``, most alike first (one look at the list per misspelling)."""
    import difflib

    return tuple(difflib.get_close_matches(text[:100], known, n=_KEYS_SHOWN, cutoff=0.0))


def _walk(error: BaseException, path: str, mask: Callable[[object], str] | None, found: Found) -> None:
    # cattrs is imported by the detailed path only: a clean load never comes here
    from cattrs.errors import (
        AttributeValidationNote,
        ClassValidationError,
        ForbiddenExtraKeysError,
        IterableValidationError,
        IterableValidationNote,
    )

    from dangjian_model.files._converter import count_problems

    if found.room <= 0:
        found.more += count_problems(error)
        return
    if isinstance(error, ForbiddenExtraKeysError):
        known = tuple(a.name for a in attrs.fields(error.cl) if a.init)
        owner = f"keys of {error.cl.__name__}"
        keys = error.extra_fields
        first = heapq.nsmallest(found.room, keys, key=str)  # never sorts a million keys to show a hundred
        for key in first:
            found.problems.append(unknown_key(path, key, known, owner))
        found.more += len(keys) - len(first)
        return
    if isinstance(error, ClassValidationError):
        for sub in error.exceptions:
            name = _note(sub, AttributeValidationNote)
            if name is None:
                _walk(sub, path, mask, found)
            else:
                _walk(sub, child(path, name.name), _MASKS.get((error.cl, name.name)), found)
        return
    if isinstance(error, IterableValidationError):
        for sub in error.exceptions:
            note = _note(sub, IterableValidationNote)
            _walk(sub, path if note is None else index(path, int(note.index)), mask, found)
        return
    if isinstance(error, KeyError) and _note(error, AttributeValidationNote) is not None:
        found.add(lambda: Problem(path=path, value="", expected="this key, which is required"))
        return
    if isinstance(error, InvalidValue):
        where = _WHERE.match(error.where)
        if where:  # ``Class.field[2]`` from a model validator: the field may already be on the path
            if not path.endswith("." + where.group(1)):
                path = child(path, where.group(1))
            path += where.group(2)
        shown_as = mask if mask is not None else shown
        found.add(lambda: Problem(path=path, value=shown_as(error.value), expected=error.expected))
        return
    # Anything else is a bug of ours or of a library; the user still gets a place, not a traceback.
    found.add(lambda: Problem(path=path, value="", expected=f"a valid value ({type(error).__name__})"))


def _note(error: BaseException, kind: type[Any]) -> Any:
    for note in getattr(error, "__notes__", ()):
        if isinstance(note, kind):
            return note
    return None

"""The errors of the file formats: one :class:`ConfigError` that lists every :class:`Problem`."""

from __future__ import annotations

import attrs

from dangjian_model._errors import DangjianError

__all__ = ["ConfigError", "PersonalDataError", "Problem"]

_MAX_SHOWN = 50


@attrs.frozen(kw_only=True)
class Problem:
    """One thing wrong in a document.

    Attributes:
        path: Where, in the file's own keys: ``$.alliances[0].memberships[2].role``.
        value: The offending value as text (``repr``), masked if it is personal data; empty when
            there is no value (a missing key, a syntax error).
        expected: What would be right, in words.
        line: The line in the file (1-based), when the format tells it.
        column: The column in the line (1-based), when the format tells it.
        sheet: In a workbook or CSV folder, the sheet (``单位``) or file (``units.csv``); then
            ``line`` is the row and ``column`` the column, and :attr:`cell` is ``单位!D7``.
    """

    path: str
    value: str
    expected: str
    line: int | None = None
    column: int | None = None
    sheet: str | None = None

    @property
    def cell(self) -> str | None:
        """The cell in a workbook or CSV folder, ``单位!D7``; None for the other formats."""
        if self.sheet is None or self.line is None or self.column is None:
            return None
        letters, number = "", self.column
        while number:
            number, rest = divmod(number - 1, 26)
            letters = chr(65 + rest) + letters
        return f"{self.sheet}!{letters}{self.line}"

    def __str__(self) -> str:
        where = self.path
        if self.cell is not None:
            where = f"{self.cell}: {self.path}"
        elif self.line is not None:
            where = f"line {self.line}" + (f", column {self.column}" if self.column is not None else "")
            where += f": {self.path}"
        got = f"{self.value} is not valid; " if self.value else ""
        return f"{where}: {got}expected {self.expected}"


class ConfigError(DangjianError, ValueError):
    """A configuration document is malformed; ``problems`` lists every problem found.

    Attributes:
        source: The file name, or ``<string>`` for text.
        problems: Every problem, in document order where known.

    >>> from dangjian_model.files import loads
    >>> loads('{"units": [{"id": "a", "name": 1, "kind": "村"}]}', format="json")
    Traceback (most recent call last):
      ...
    dangjian_model.files._errors.ConfigError: <string>: 1 problem
      $.units[0].name: 1 is not valid; expected text (got a number)
    """

    def __init__(self, source: str, problems: tuple[Problem, ...]) -> None:
        self.source = source
        self.problems = problems
        super().__init__(self._message())

    def _message(self) -> str:
        count = len(self.problems)
        lines = [f"{self.source}: {count} problem{'' if count == 1 else 's'}"]
        lines += [f"  {problem}" for problem in self.problems[:_MAX_SHOWN]]
        if count > _MAX_SHOWN:
            lines.append(f"  … and {count - _MAX_SHOWN} more")
        return "\n".join(lines)

    def __reduce__(self) -> tuple[type[ConfigError], tuple[str, tuple[Problem, ...]]]:
        return (type(self), (self.source, self.problems))


class PersonalDataError(DangjianError):
    """A document to be written holds personal data and the caller has not said what to do with it.

    Attributes:
        people: How many people the document holds.

    >>> from dangjian_model import Person, Registry
    >>> from dangjian_model.files import dumps
    >>> dumps(Registry(people=[Person(id="p1", name="龚建立")]))
    Traceback (most recent call last):
      ...
    dangjian_model.files._errors.PersonalDataError: the document holds personal data of 1 person (names, ...
    """

    def __init__(self, people: int) -> None:
        self.people = people
        super().__init__(
            f"the document holds personal data of {people} person{'' if people == 1 else 's'} "
            "(names, phone numbers, ID-card numbers); pass personal_data=True to write them as they are, "
            "or personal_data='mask' to write them masked (龚**, 138****5678)"
        )

    def __reduce__(self) -> tuple[type[PersonalDataError], tuple[int]]:
        return (type(self), (self.people,))

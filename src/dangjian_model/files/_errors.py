"""The errors of the file formats: one :class:`ConfigError` that lists every :class:`Problem`."""

from __future__ import annotations

import attrs

from dangjian_model._errors import DangjianError
from dangjian_model._location import Location, column_letters
from dangjian_model._messages import MESSAGES, en_expected, zh_expected
from dangjian_model._privacy import redact
from dangjian_model._repr import FieldsRepr

__all__ = ["SHOWN", "ConfigError", "PersonalDataError", "Problem", "shown"]

#: Problems listed in the message at most; ``problems`` may hold more (up to ``Limits.max_problems``).
_MAX_SHOWN = 100

#: The longest ``repr`` of a value a problem shows (see :func:`shown`).
SHOWN = 80


def shown(value: object) -> str:
    """The ``repr`` of a value for a message, cut to a readable length (never the whole of a 10 MB string)."""
    if isinstance(value, str) and len(value) > SHOWN:
        return repr(value[:SHOWN]) + "…"
    if isinstance(value, dict):
        return "a mapping" if value else "{}"
    if isinstance(value, list):
        return "a list" if value else "[]"
    text = repr(value)
    return text if len(text) <= SHOWN else text[:SHOWN] + "…"


@attrs.frozen(kw_only=True, repr=False)
class Problem(FieldsRepr):
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

    path: str = attrs.field(converter=redact)  # a phone number used as a key is masked too
    value: str = attrs.field(converter=redact)
    expected: str = attrs.field(converter=redact)
    line: int | None = None
    column: int | None = None
    sheet: str | None = None

    @property
    def cell(self) -> str | None:
        """The cell in a workbook or CSV folder, ``单位!D7``; None for the other formats."""
        if self.sheet is None or self.line is None or self.column is None:
            return None
        return f"{self.sheet}!{column_letters(self.column)}{self.line}"

    def location(self, file: str) -> Location:
        """Where the problem is in ``file``: line and column, and in a workbook or CSV folder its cell.

        >>> str(Problem(path="$.units[0].kind", value="", expected="x", line=7, column=4, sheet="单位").location("r.xlsx"))
        'r.xlsx:单位!D7'
        """
        if self.cell is not None:
            assert self.sheet is not None and self.line is not None and self.column is not None
            return Location.of_cell(file, self.sheet, row=self.line, column=self.column)
        return Location(file, self.line, self.column, sheet=self.sheet)

    def zh(self) -> str:
        """What is wrong, in Chinese: ``值 1 无效，应为 文本（实际是数字）``."""
        got = MESSAGES["not_valid"][0].format(value=self.value) + "，" if self.value else ""
        return got + zh_expected(self.expected)

    def en(self) -> str:
        """What is wrong, in English: ``1 is not valid; expected text (got a number)``."""
        got = MESSAGES["not_valid"][1].format(value=self.value) + "; " if self.value else ""
        return got + en_expected(self.expected)

    def __str__(self) -> str:
        where = self.path
        if self.cell is not None:
            where = f"{self.cell}: {self.path}"
        elif self.line is not None:
            where = f"line {self.line}" + (f", column {self.column}" if self.column is not None else "")
            where += f": {self.path}"
        zh = self.zh()
        return f"{where}: {self.en()}" if zh == self.en() else f"{where}: {zh} — {self.en()}"


class ConfigError(DangjianError, ValueError):
    """A configuration document is malformed; ``problems`` lists the problems found.

    A document with very many problems is not checked to the end: loading stops once
    ``Limits.max_problems`` are found (``stopped``), and a single error that stands for many
    problems (a million unknown keys) lists the first of them and counts the rest (``more``).

    Attributes:
        source: The file name, or ``<string>`` for text.
        problems: The problems, in document order where known; at most ``Limits.max_problems``.
        more: Problems found but not listed (counted only).
        stopped: Whether checking stopped early, leaving part of the document unchecked.

    >>> from dangjian_model.files import loads
    >>> loads('{"units": [{"id": "a", "name": 1, "kind": "村"}]}', format="json")
    Traceback (most recent call last):
      ...
    dangjian_model.files._errors.ConfigError: <string>: 1 problem
      line 1, column 32: $.units[0].name: 值 1 无效，应为 文本（实际是数字） — 1 is not valid; expected text (got a number)
    """

    def __init__(
        self, source: str, problems: tuple[Problem, ...], more: int = 0, stopped: bool = False
    ) -> None:
        self.source = source
        self.problems = problems
        self.more = more
        self.stopped = stopped
        super().__init__(self._message())

    @property
    def count(self) -> int:
        """The problems found: those listed and those only counted (more if ``stopped``)."""
        return len(self.problems) + self.more

    def rest(self, listed: int | None = None) -> str:
        """What a list of the first ``listed`` problems (all of ``problems`` by default) leaves out, in words.

        Empty when nothing is left out.

        >>> from dangjian_model.files import ConfigError, Problem
        >>> ConfigError("f.json", (Problem(path="$.x", value="", expected="y"),), more=299_990).rest()
        '… 及另外 299,990 个问题 and 299,990 more problems'
        """
        hidden = self.count - (len(self.problems) if listed is None else min(listed, len(self.problems)))
        parts = []
        if hidden:
            parts.append(
                f"… 及另外 {hidden:,} 个问题 and {hidden:,} more problem{'' if hidden == 1 else 's'}"
            )
        if self.stopped:
            parts.append(
                f"… 发现 {self.count:,} 个问题后停止检查，其余部分未检查 checking stopped after "
                f"{self.count:,} problems (Limits.max_problems): the rest of the document was not checked"
            )
        return "\n".join(parts)

    def _message(self) -> str:
        count = self.count
        plus = "+" if self.stopped else ""
        lines = [f"{self.source}: {count:,}{plus} problem{'' if count == 1 and not plus else 's'}"]
        lines += [f"  {problem}" for problem in self.problems[:_MAX_SHOWN]]
        lines += [f"  {line}" for line in self.rest(_MAX_SHOWN).splitlines()]
        return "\n".join(lines)

    def __reduce__(self) -> tuple[type[ConfigError], tuple[str, tuple[Problem, ...], int, bool]]:
        return (type(self), (self.source, self.problems, self.more, self.stopped))


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

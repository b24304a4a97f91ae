"""Where something is in a file: :class:`Location`, the one type every problem and finding is placed by.

A text file is placed by line and column (1-based, columns in characters); a workbook or a folder of
CSV files by sheet (or CSV file) and cell, its row and column kept as line and column. Nothing here
reads a file: the file formats find locations, the command and the report print them.

>>> str(Location("registry.yaml", 12, 5))
'registry.yaml:12:5'
>>> str(Location("registry.xlsx", sheet="units", cell="C7"))
'registry.xlsx:units!C7'
>>> Location.of_cell("registry.xlsx", "单位", row=7, column=4)
Location(file='registry.xlsx', line=7, column=4, sheet='单位', cell='D7')
"""

from __future__ import annotations

import re
from typing import Any

import attrs

from dangjian_model._repr import FieldsRepr

__all__ = ["Location", "column_letters"]

_REFERENCE = re.compile(r"(.+)!([A-Z]+)([1-9][0-9]*)\Z", re.S)


def _positive(instance: object, attribute: attrs.Attribute[Any], value: int | None) -> None:
    if value is not None and (type(value) is not int or value < 1):
        raise ValueError(f"Location.{attribute.name} must be a whole number of 1 or more, not {value!r}")


@attrs.frozen(repr=False)
class Location(FieldsRepr):
    """A place in a file, as editors, ``grep`` and code-scanning tools read it.

    Attributes:
        file: The file as the user named it (``-`` or ``<stdin>`` for standard input).
        line: The line (1-based); in a workbook or CSV folder the row of the cell. None when unknown.
        column: The column in the line (1-based, in characters); in a workbook or CSV folder the
            column of the cell. None when unknown.
        sheet: The worksheet of a workbook (``单位``), or the CSV file of a folder or zip
            (``units.csv``); None for the other formats.
        cell: The cell in ``sheet`` (``C7``), when there is a sheet.
    """

    file: str
    line: int | None = attrs.field(default=None, validator=_positive)
    column: int | None = attrs.field(default=None, validator=_positive)
    sheet: str | None = None
    cell: str | None = None

    @classmethod
    def of_cell(cls, file: str, sheet: str, *, row: int, column: int) -> Location:
        """The location of the cell at ``row`` and ``column`` (1-based) of ``sheet`` in ``file``."""
        return cls(file, row, column, sheet=sheet, cell=f"{column_letters(column)}{row}")

    @classmethod
    def of_reference(cls, file: str, reference: str) -> Location:
        """The location of a cell named as in a formula, ``单位!D7``; only ``file`` if it names none.

        >>> str(Location.of_reference("r.xlsx", "单位!D7")), Location.of_reference("r.xlsx", "D7").line
        ('r.xlsx:单位!D7', None)
        """
        match = _REFERENCE.match(reference)
        if match is None:
            return cls(file)
        sheet, letters, row = match.groups()
        column = 0
        for letter in letters:
            column = column * 26 + ord(letter) - 64
        return cls.of_cell(file, sheet, row=int(row), column=column)

    def __str__(self) -> str:
        """``file:line:column`` (what editors jump to), ``file:sheet!cell``, or as much as is known."""
        if self.sheet is not None:
            return f"{self.file}:{self.sheet}" + (f"!{self.cell}" if self.cell is not None else "")
        if self.line is None:
            return self.file
        return f"{self.file}:{self.line}" + (f":{self.column}" if self.column is not None else "")

    def to_dict(self) -> dict[str, Any]:
        """A JSON-able dict with every attribute (None when unknown)."""
        return {
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "sheet": self.sheet,
            "cell": self.cell,
        }


def column_letters(column: int) -> str:
    """The letters of a spreadsheet column (1-based): 1 is ``A``, 27 is ``AA``.

    >>> column_letters(4), column_letters(28)
    ('D', 'AB')
    """
    letters = ""
    while column:
        column, rest = divmod(column - 1, 26)
        letters = chr(65 + rest) + letters
    return letters

"""Where something is in a file: :class:`Location`, the one type every problem and finding is placed by.

A text file is placed by line and column (1-based, columns in characters); a workbook by sheet and cell;
a CSV file by line (its row) and column. Nothing here reads a file: the file formats find locations,
the command and the report print them.

>>> str(Location("registry.yaml", 12, 5))
'registry.yaml:12:5'
>>> str(Location("registry.xlsx", sheet="units", cell="C7"))
'registry.xlsx:units!C7'
"""

from __future__ import annotations

from typing import Any

import attrs

__all__ = ["Location"]


def _positive(instance: object, attribute: attrs.Attribute[Any], value: int | None) -> None:
    if value is not None and (type(value) is not int or value < 1):
        raise ValueError(f"Location.{attribute.name} must be a whole number of 1 or more, not {value!r}")


@attrs.frozen
class Location:
    """A place in a file, as editors, ``grep`` and code-scanning tools read it.

    Attributes:
        file: The file as the user named it (``-`` or ``<stdin>`` for standard input).
        line: The line (1-based), or the row of a CSV file; None when unknown.
        column: The column in the line (1-based, in characters); None when unknown.
        sheet: The worksheet of a workbook, if the file is one.
        cell: The cell in ``sheet`` (``C7``), if the file is a workbook.
    """

    file: str
    line: int | None = attrs.field(default=None, validator=_positive)
    column: int | None = attrs.field(default=None, validator=_positive)
    sheet: str | None = None
    cell: str | None = None

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

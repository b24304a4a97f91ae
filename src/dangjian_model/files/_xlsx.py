"""Excel workbooks (``.xlsx``): a registry as one sheet per collection, read and written with openpyxl.

openpyxl is the well-kept pure-Python library for the format (MIT, maintained since 2010, used by
pandas for ``.xlsx``); its *read-only* and *write-only* modes stream rows, so a 10 000-organisation
workbook is never held as a tree of cell objects. It is the optional extra ``excel``
(``pip install 'dangjian-model[excel]'``); without it, these functions raise
:class:`~dangjian_model.files.MissingExtra` saying so.

The layout is that of :mod:`dangjian_model.files._sheets`; a workbook also has an instructions
sheet (``说明``) and a hidden sheet of choices (``选项``) that the drop-down lists of the enum
columns use; the drop-down of an open vocabulary (linkages, roles, units, metrics) offers the known
labels and takes new text too.
"""

from __future__ import annotations

import datetime
import io
import os
import zipfile
from collections.abc import Iterable, Iterator, Sequence
from typing import IO, Any, Final

import attrs

from dangjian_model._location import Location, column_letters
from dangjian_model._registry import Registry
from dangjian_model._repr import FieldsRepr
from dangjian_model.files._api import PersonalData, _personal
from dangjian_model.files._document import DEFAULT_LIMITS, Limits
from dangjian_model.files._errors import ConfigError, Problem
from dangjian_model.files._extras import require
from dangjian_model.files._sheets import (
    SHEETS,
    VOCABULARY_KINDS,
    Cell,
    Column,
    Located,
    Sheet,
    registry_rows,
    tables_to_registry,
)
from dangjian_model.files._tidy import Tidied

__all__ = [
    "CHOICES_SHEET",
    "INSTRUCTIONS_SHEET",
    "SheetImport",
    "read_workbook",
    "write_template",
    "write_workbook",
]

#: The sheet that tells people how to fill the workbook in; ignored when reading.
INSTRUCTIONS_SHEET: Final = "说明"
#: The hidden sheet that holds the choices of the drop-down lists; ignored when reading.
CHOICES_SHEET: Final = "选项"
_IGNORED = frozenset({INSTRUCTIONS_SHEET, CHOICES_SHEET})
#: The largest whole number a cell keeps exactly (Excel holds numbers as doubles); larger ones are text.
_EXACT = 2**53
#: The earliest date written as an Excel date (earlier ones are text: Excel's calendar starts in 1900).
_FIRST_DATE = datetime.date(1900, 3, 1)
_LAST_ROW = 1_048_576
#: Kinds whose columns have a drop-down list: not ``enums``, whose cells hold several labels of a closed
#: vocabulary (the list would warn at each); an open vocabulary's list informs, as new text is kept.
_LISTED = VOCABULARY_KINDS - {"enums"}


def _openpyxl() -> Any:
    return require("openpyxl", "excel", "读写 Excel 工作簿", "Excel workbooks")


@attrs.frozen(repr=False)
class SheetImport(FieldsRepr):
    """A registry read from a workbook or a CSV folder, and what was tidied on the way.

    Attributes:
        registry: The registry.
        tidied: Text that was tidied (spaces at either end, full-width spaces), each with its cell.
    """

    registry: Registry
    tidied: tuple[Tidied, ...]
    _located: Located = attrs.field(repr=False, eq=False, alias="located")

    def cell(self, path: str) -> Cell | None:
        """The cell a path points at: a problem's (``$.units[3].kind``) or a finding's
        (``units[kuangyan].kind``); None when no cell holds it.
        """
        return self._located.cell(path)

    def locate(self, file: str, paths: Iterable[str]) -> dict[str, Location]:
        """Where each of ``paths`` is in ``file`` (the workbook or CSV folder as the user named it).

        As :func:`~dangjian_model.files.locate` does for text files: every path gets a
        :class:`~dangjian_model.Location`, with the sheet and cell of :meth:`cell` (its row and
        column as line and column), or only the file when no cell holds it.

        >>> from dangjian_model import Registry, Unit
        >>> buffer = io.BytesIO()
        >>> write_workbook(Registry(units=[Unit(id="k", name="匡堰镇", kind="镇乡")]), buffer)
        >>> imported = read_workbook(buffer.getvalue())
        >>> str(imported.locate("r.xlsx", ["units[k].kind"])["units[k].kind"])
        'r.xlsx:单位!C2'
        """
        result: dict[str, Location] = {}
        for path in paths:
            cell = self.cell(path)
            result[path] = (
                Location(file)
                if cell is None
                else Location.of_cell(file, cell.sheet, row=cell.row, column=cell.column)
            )
        return result


# ------------------------------------------------------------------------------------------ writing

_INSTRUCTIONS = [
    ("党建联盟登记册工作簿", "dangjian_model registry workbook"),
    ("", ""),
    (
        "每个工作表是一类登记对象，每行一个；第一行是列名：中文名称和英文字段名（读取时二者之一即可）。",
        "Each sheet is one collection, one row per entity; row 1 names the columns in Chinese and by their "
        "English field id (either alone is read).",
    ),
    (
        "「联盟成员」「项目投入」「项目股份」「项目收益」等表的每行属于另一张表的一行：第一列填所属行的编号。",
        "Sheets such as 联盟成员 (memberships), 项目投入, 项目股份 and 项目收益 list what belongs to a row of "
        "another sheet: the first column holds that row's id.",
    ),
    (
        "「换届职务」「议题督办」的行属于再下一层：填所属对象的编号和所属行的序号。",
        "Rows of 换届职务 and 议题督办 belong two levels down: give the id and the 序号 (number) of the row "
        "they belong to.",
    ),
    (
        "带下拉列表的列填中文名称；一个格子填多个编号或名称时用顿号「、」分隔。",
        "Columns with a drop-down take the Chinese labels; several ids or labels in one cell are "
        "separated by 、 (commas and new lines are read too).",
    ),
    (
        "联动方式、人员角色、计量单位、指标可填列表中的名称，也可填新词语（作为自定义词语保留）；数据的数值照原文填写，如「300余个」。",
        "Linkages, person roles, units and metrics take the listed labels or new text (kept as a custom "
        "term); a figure's value is written as the report writes it, e.g. 300余个.",
    ),
    (
        "金额写成「12万元」「1234.56元」，或直接填数字（单位为元）；日期写成 2021-12-06 或 Excel 日期。",
        "Amounts are text such as 12万元 or 1234.56元, or numbers in 元; dates are 2021-12-06 or Excel dates.",
    ),
    (
        '分配规则填 JSON 文本，例如 {"kind":"equal_split"}。空行会被跳过；首尾空格会被去掉并提示。',
        'An allocation rule is JSON text such as {"kind":"equal_split"}. Empty rows are skipped; spaces '
        "at either end are removed and reported.",
    ),
    (
        "校验：dangjian validate 本文件.xlsx ——每个问题都给出单元格位置，例如 单位!D7。",
        "Check it with: dangjian validate THIS.xlsx — every problem names its cell, e.g. 单位!D7.",
    ),
    ("", ""),
    ("工作表 sheet", "内容 contents"),
]


def _instructions(sheet: Any, cell_class: Any, bold: Any) -> None:
    sheet.column_dimensions["A"].width = 60
    sheet.column_dimensions["B"].width = 90
    for row, (zh, en) in enumerate(_INSTRUCTIONS):
        if row in (0, len(_INSTRUCTIONS) - 1):
            sheet.append([_styled(cell_class, sheet, zh, bold), _styled(cell_class, sheet, en, bold)])
        else:
            sheet.append([zh, en])
    for each in SHEETS:
        owner = "" if each.parent is None else f"（属于 {each.parent.title} belongs to {each.parent.title}）"
        sheet.append([each.title + owner, f"{each.key}: {each.cls.__name__}"])


def _styled(cell_class: Any, sheet: Any, value: Any, font: Any) -> Any:
    cell = cell_class(sheet, value=value)
    cell.font = font
    return cell


def _choices(book: Any) -> dict[str, str]:
    """Write the hidden choices sheet; the range of each vocabulary's labels."""
    sheet = book.create_sheet(CHOICES_SHEET)
    sheet.sheet_state = "hidden"
    enums = list(
        {c.enum: None for s in SHEETS for c in s.columns if c.kind in _LISTED and c.enum is not None}
    )
    columns = [[e.zh_name(), *(member.label for member in e)] for e in enums]
    for row in range(max(len(c) for c in columns)):
        sheet.append([c[row] if row < len(c) else None for c in columns])
    return {
        enum.__name__: f"'{CHOICES_SHEET}'!${column_letters(i + 1)}$2:${column_letters(i + 1)}${len(columns[i])}"
        for i, enum in enumerate(enums)
    }


def _cell(value: Any, sheet: Any, cell_class: Any) -> Any:
    if type(value) is str:
        if value[:1] == "=":  # text, never a formula
            cell = cell_class(sheet, value=value)
            cell.data_type = "s"
            return cell
        return value
    if type(value) is int and not -_EXACT < value < _EXACT:
        return str(value)
    return value


def _dated(column: Column, value: Any) -> Any:
    if column.kind == "date" and value is not None:
        day = datetime.date.fromisoformat(value)
        return day if day >= _FIRST_DATE else value
    return value


def _write(registry: Registry | None, target: str | os.PathLike[str] | IO[bytes], labels: bool) -> None:
    openpyxl = _openpyxl()
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font
    from openpyxl.worksheet.datavalidation import DataValidation

    bold = Font(bold=True)
    book = openpyxl.Workbook(write_only=True)
    _instructions(book.create_sheet(INSTRUCTIONS_SHEET), WriteOnlyCell, bold)
    rows: dict[str, Iterator[list[Any]]] = {}
    if registry is not None:
        rows = {sheet.key: sheet_rows for sheet, sheet_rows in registry_rows(registry, labels=labels)}
    sheets = [(s, book.create_sheet(s.title)) for s in SHEETS]
    choices = _choices(book)
    for sheet, target_sheet in sheets:
        _header(sheet, target_sheet, choices, WriteOnlyCell, bold, DataValidation)
        dates = [i for i, c in enumerate(sheet.all_columns) if c.kind == "date"]
        for row in rows.get(sheet.key, ()):
            for i in dates:
                row[i] = _dated(sheet.all_columns[i], row[i])
            target_sheet.append([_cell(value, target_sheet, WriteOnlyCell) for value in row])
    book.save(target)


def _header(
    sheet: Sheet, target: Any, choices: dict[str, str], cell_class: Any, bold: Any, validation: Any
) -> None:
    target.freeze_panes = "A2"
    for number, column in enumerate(sheet.all_columns, start=1):
        letter = column_letters(number)
        target.column_dimensions[letter].width = max(12, 2 * len(column.label) + len(column.id) + 2)
        if column.kind in _LISTED and column.enum is not None:
            closed = column.kind == "enum"
            check = validation(
                type="list",
                formula1=choices[column.enum.__name__],
                allow_blank=True,
                showErrorMessage=True,
                # other spellings (English ids, aliases) are read too; an open vocabulary keeps new text
                errorStyle="warning" if closed else "information",
                errorTitle=column.enum.zh_name(),
                error=(
                    f"请从列表中选择 choose from the list ({column.enum.__name__})"
                    if closed
                    else "不在列表中的词语将作为自定义词语保留 "
                    f"a term not in the list is kept as a custom term ({column.enum.__name__})"
                    + ("；多个用顿号「、」分隔 separate several with 、" if column.kind == "terms" else "")
                ),
            )
            check.add(f"{letter}2:{letter}{_LAST_ROW}")
            target.data_validations.append(check)
    target.append([_styled(cell_class, target, c.header, bold) for c in sheet.all_columns])


def write_workbook(
    registry: Registry,
    target: str | os.PathLike[str] | IO[bytes],
    *,
    personal_data: PersonalData = False,
    labels: bool = True,
) -> None:
    """Write a registry as an Excel workbook (a file name, or a binary file).

    Enum values are written as their Chinese labels (what the drop-down lists offer) and whole
    amounts in 万元 unless ``labels`` is False (then English ids and ``300000元``); either way the
    workbook reads back as the same registry. ``personal_data`` is as for
    :func:`~dangjian_model.files.dumps`.

    Raises:
        PersonalDataError: the registry holds people and ``personal_data`` is ``False``.
        MissingExtra: openpyxl is not installed.
    """
    chosen = _personal(registry, personal_data)
    assert isinstance(chosen, Registry)
    _write(chosen, target, labels)


def write_template(target: str | os.PathLike[str] | IO[bytes]) -> None:
    """Write an empty workbook to fill in: every sheet with its headers, drop-downs and instructions.

    Raises:
        MissingExtra: openpyxl is not installed.
    """
    _write(None, target, True)


# ------------------------------------------------------------------------------------------ reading


def _refused(source: str, expected: str) -> ConfigError:
    return ConfigError(source, (Problem(path="$", value="", expected=expected),))


def _tables(book: Any) -> Iterator[tuple[str, Sequence[Any], Iterator[tuple[int, Sequence[Any]]]]]:
    for sheet in book.worksheets:
        if sheet.title in _IGNORED:
            continue
        rows = sheet.iter_rows(values_only=True)
        header = next(rows, None)
        if header is None or all(cell is None for cell in header):
            continue
        yield sheet.title, header, enumerate(rows, start=2)


def read_workbook(
    source: str | os.PathLike[str] | IO[bytes] | bytes,
    *,
    limits: Limits = DEFAULT_LIMITS,
    name: str | None = None,
) -> SheetImport:
    """Read a registry from an Excel workbook (a file name, a binary file or the bytes).

    >>> import io
    >>> from dangjian_model import Registry, Unit
    >>> buffer = io.BytesIO()
    >>> write_workbook(Registry(units=[Unit(id="kuangyan", name="匡堰镇", kind="镇乡")]), buffer)
    >>> read_workbook(buffer.getvalue()).registry.unit("kuangyan").kind.label
    '镇乡'

    Raises:
        ConfigError: the workbook cannot be read, or a cell, header or row is wrong; each problem
            names its cell (``Problem.cell``, ``单位!D7``).
        MissingExtra: openpyxl is not installed.
    """
    openpyxl = _openpyxl()
    label = name or (str(source) if isinstance(source, str | os.PathLike) else "<workbook>")
    data: Any = io.BytesIO(source) if isinstance(source, bytes) else source
    try:
        with zipfile.ZipFile(data) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
        if unpacked > 4 * limits.max_bytes:
            raise _refused(
                label, f"a workbook of at most {4 * limits.max_bytes} bytes unpacked (4 × Limits.max_bytes)"
            )
        if not isinstance(data, str | os.PathLike):
            data.seek(0)
        book = openpyxl.load_workbook(data, read_only=True, data_only=True)
    except ConfigError:
        raise
    except OSError as error:
        raise _refused(label, f"a readable file ({error.strerror or type(error).__name__})") from None
    except Exception as error:  # not a zip, not a workbook: openpyxl and zipfile raise many kinds
        raise _refused(label, f"an Excel workbook (.xlsx) ({type(error).__name__})") from None
    try:
        registry, tidied, located = tables_to_registry(_tables(book), label)
    finally:
        book.close()
    return SheetImport(registry, tidied, located=located)

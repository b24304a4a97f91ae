"""Tables for analysis: one flat, typed table per collection and nested list, for Arrow, Parquet and pandas.

The tables follow the workbook's sheets (:mod:`dangjian_model.files._sheets`) with names and values
for analysis rather than for people: table and column names are SQL-friendly (``alliances_memberships``,
``agreement_title``), enum values are their English ids (a custom term of an open vocabulary is its
label), reported figures are their text (``300余个``), amounts are whole 分 in a column named
``…_fen`` (exact integers: divide by 100 for 元), dates are dates, lists of ids are lists, and a
nested list's rows carry the id of the entity they belong to (``alliance_id``).

>>> from dangjian_model import Registry, Unit
>>> tables = to_tables(Registry(units=[Unit(id="changlong", name="倡隆村", kind="行政村",
...                                          collective_income="150万元")]))
>>> tables["units"]["collective_income_fen"], tables["units"]["kind"]
([150000000], ['village'])
"""

from __future__ import annotations

import datetime
import json
import os
from pathlib import Path
from typing import Any

from dangjian_model._money import Money
from dangjian_model._registry import Registry
from dangjian_model.files._api import PersonalData, _personal
from dangjian_model.files._document import unstructure_document
from dangjian_model.files._extras import require
from dangjian_model.files._json import make_converter
from dangjian_model.files._sheets import SHEETS, Column, Sheet, items, value_at

__all__ = ["table_name", "to_arrow", "to_pandas", "to_tables", "write_parquet"]

_CONVERTER = make_converter()


def table_name(sheet: Sheet) -> str:
    """The table of a sheet: its key with ``_`` for ``.`` (``alliances_memberships``)."""
    return sheet.key.replace(".", "_")


def _column_name(column: Column) -> str:
    name = column.id.replace(".", "_")
    return f"{name}_fen" if column.kind == "money" else name


def _typed(column: Column, value: Any) -> Any:
    if value is None:
        return None
    kind = column.kind
    if kind == "money":
        return Money.parse(value).fen
    if kind == "date":
        return datetime.date.fromisoformat(value)
    if kind == "json":
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return value


def _holder(item: dict[str, Any], dotted: str) -> bool:
    """Whether the object that holds a (nested) field is there: an absent agreement has no defaults."""
    return "." not in dotted or isinstance(value_at(item, dotted.rsplit(".", 1)[0]), dict)


def to_tables(registry: Registry, *, personal_data: PersonalData = False) -> dict[str, dict[str, list[Any]]]:
    """One table per sheet (every collection and nested list, empty ones too), column by column.

    Returns:
        Table name → column name → the column's values, one per row (None where empty).

    Raises:
        PersonalDataError: the registry holds people and ``personal_data`` is ``False`` (as for
            :func:`~dangjian_model.files.dumps`).
    """
    chosen = _personal(registry, personal_data)
    tree = unstructure_document(chosen, _CONVERTER)
    tables: dict[str, dict[str, list[Any]]] = {}
    for sheet in SHEETS:
        columns = sheet.all_columns
        values: list[list[Any]] = [[] for _ in columns]
        fields = len(columns) - len(sheet.columns)
        for keys, item in items(sheet, tree):
            for i, key in enumerate(keys):
                values[i].append(key)
            for i, column in enumerate(sheet.columns, start=fields):
                value = value_at(item, column.id)
                if value is None and column.default is not None and _holder(item, column.id):
                    value = column.default  # the canonical form leaves defaults out; a table shows them
                values[i].append(_typed(column, value))
        tables[table_name(sheet)] = {_column_name(c): v for c, v in zip(columns, values, strict=True)}
    return tables


def _arrow_type(pa: Any, column: Column) -> Any:
    kind = column.kind
    if kind in ("int", "money"):
        return pa.int64()
    if kind == "bool":
        return pa.bool_()
    if kind == "date":
        return pa.date32()
    if kind in ("list", "enums", "terms"):
        return pa.list_(pa.string())
    return (
        pa.string()
    )  # text, ids, enum ids and terms, figures, exact decimals and fractions as text, rules as JSON


def to_arrow(registry: Registry, *, personal_data: PersonalData = False) -> dict[str, Any]:
    """The tables of :func:`to_tables` as ``pyarrow.Table`` objects with a fixed schema per table.

    Raises:
        MissingExtra: pyarrow is not installed (``pip install 'dangjian-model[arrow]'``).
    """
    pa = require("pyarrow", "arrow", "导出 Arrow/Parquet 表", "Arrow and Parquet tables")
    tables = to_tables(registry, personal_data=personal_data)
    result = {}
    for sheet in SHEETS:
        schema = pa.schema([(_column_name(c), _arrow_type(pa, c)) for c in sheet.all_columns])
        result[table_name(sheet)] = pa.table(tables[table_name(sheet)], schema=schema)
    return result


def write_parquet(
    registry: Registry, folder: str | os.PathLike[str], *, personal_data: PersonalData = False
) -> list[Path]:
    """Write one Parquet file per table into ``folder`` (made if missing): ``units.parquet`` ….

    Returns:
        The files written.

    Raises:
        MissingExtra: pyarrow is not installed (``pip install 'dangjian-model[arrow]'``).
    """
    tables = to_arrow(registry, personal_data=personal_data)
    parquet = require("pyarrow.parquet", "arrow", "导出 Parquet 文件", "Parquet files")
    target = Path(folder)
    target.mkdir(parents=True, exist_ok=True)
    written = []
    for name, table in tables.items():
        path = target / f"{name}.parquet"
        parquet.write_table(table, path)
        written.append(path)
    return written


def to_pandas(registry: Registry, *, personal_data: PersonalData = False) -> dict[str, Any]:
    """The tables of :func:`to_arrow` as pandas DataFrames.

    Raises:
        MissingExtra: pandas or pyarrow is not installed (``pip install 'dangjian-model[arrow]' pandas``).
    """
    require("pandas", "arrow", "生成 pandas 表", "pandas DataFrames")
    return {
        name: table.to_pandas() for name, table in to_arrow(registry, personal_data=personal_data).items()
    }

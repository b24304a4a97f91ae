"""Reading and writing files for the command: what cannot be read is :class:`Unreadable` (exit 2)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Literal

from dangjian_model._model import Alliance
from dangjian_model._registry import Registry
from dangjian_model.files import (
    FORMATS,
    ConfigError,
    Format,
    Limits,
    MissingExtra,
    SheetImport,
    loads,
    read_csv,
    read_workbook,
)
from dangjian_model.files._api import read_at_most

__all__ = [
    "SHEET_FORMATS",
    "AnyFormat",
    "Document",
    "Unreadable",
    "format_for",
    "is_stdout",
    "read_document",
    "read_located",
    "write_text",
]

Document = Registry | Alliance
#: The formats of tables people keep: an Excel workbook, a folder or zip of CSV files.
SheetFormat = Literal["xlsx", "csv"]
AnyFormat = Format | SheetFormat
SHEET_FORMATS: dict[str, SheetFormat] = {".xlsx": "xlsx", ".zip": "csv"}
_LIMITS = Limits()


class Unreadable(Exception):
    """A file cannot be read or written: missing, not permitted, not UTF-8, too large, unknown format.

    Attributes:
        path: The file as the user named it.
        reason: Why, in Chinese and English.
    """

    def __init__(self, path: str, reason: str) -> None:
        self.path = path
        self.reason = reason
        super().__init__(f"{path}: {reason}")


def format_for(path: str, forced: AnyFormat | None = None) -> AnyFormat:
    """The format of ``path`` by its extension (a folder: CSV files), unless ``forced``.

    Raises:
        Unreadable: the name says no format.
    """
    if forced is not None:
        return forced
    suffix = Path(path).suffix.lower()
    found: AnyFormat | None = FORMATS.get(suffix) or SHEET_FORMATS.get(suffix)
    if found is None and (os.path.isdir(path) or path.endswith(("/", os.sep))):
        found = "csv"
    if found is None:
        known = ", ".join([*FORMATS, *SHEET_FORMATS])
        raise Unreadable(
            path,
            f"不知道这是什么格式 unknown format: the name should end in {known} (or be a folder of CSV files)",
        )
    return found


def _os_reason(error: OSError) -> str:
    if isinstance(error, FileNotFoundError):
        return "文件不存在 no such file"
    if isinstance(error, PermissionError):
        return "没有读取权限 permission denied"
    if isinstance(error, IsADirectoryError):
        return "这是一个目录 is a directory, not a file"
    return f"无法读取 cannot be read ({error.strerror or type(error).__name__})"


def read_located(
    path: str, forced: AnyFormat | None = None, limits: Limits = _LIMITS, encoding: str = "auto"
) -> tuple[Document, SheetImport | None]:
    """Read a document as :func:`read_document` does, and for a workbook or CSV folder what says
    where each value came from (to put cells on findings).
    """
    chosen = format_for(path, forced)
    if chosen not in ("xlsx", "csv"):
        return read_document(path, chosen, limits), None
    if not os.path.exists(path):
        raise Unreadable(path, _os_reason(FileNotFoundError()))
    try:
        if chosen == "xlsx":
            imported = read_workbook(path, limits=limits)
        else:
            imported = read_csv(path, encoding=encoding, limits=limits)  # type: ignore[arg-type]
    except MissingExtra as error:
        raise Unreadable(path, str(error)) from None
    return imported.registry, imported


def read_document(path: str, forced: AnyFormat | None = None, limits: Limits = _LIMITS) -> Document:
    """Read a registry document, or an alliance document (one key ``alliance``), from ``path``.

    Raises:
        Unreadable: the file cannot be read, is not UTF-8 text, is too large or has no known format.
        ConfigError: the file is read but malformed; every problem is listed with its path.
    """
    chosen = format_for(path, forced)
    if chosen == "xlsx" or chosen == "csv":
        return read_located(path, chosen, limits)[0]
    try:
        with open(path, "rb") as file:
            data = read_at_most(file, limits.max_bytes, os.fstat(file.fileno()).st_size)
    except OSError as error:
        raise Unreadable(path, _os_reason(error)) from None
    if len(data) > limits.max_bytes:
        raise Unreadable(path, f"文件太大 too large: more than {limits.max_bytes} bytes")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise Unreadable(path, f"不是 UTF-8 文本 not UTF-8 text (bad byte at offset {error.start})") from None
    try:
        return loads(text, chosen, source=path, limits=limits)
    except ConfigError as error:
        if not any(problem.path == "$.alliance" for problem in error.problems):
            raise
        try:
            return loads(text, chosen, into=Alliance, source=path, limits=limits)
        except ConfigError:
            raise error from None


def write_text(path: str, text: str, *, force: bool) -> None:
    """Write ``text`` (UTF-8, ``\\n`` line ends) to ``path``; refuse to replace a file unless ``force``.

    Raises:
        Unreadable: the file exists (and not ``force``) or cannot be written.
    """
    try:
        with open(path, "w" if force else "x", encoding="utf-8", newline="\n") as file:
            file.write(text)
    except FileExistsError:
        raise Unreadable(path, "文件已存在 already exists: give --force to replace it") from None
    except OSError as error:
        reason = "没有写入权限 permission denied" if isinstance(error, PermissionError) else None
        raise Unreadable(
            path, reason or f"无法写入 cannot be written ({error.strerror or type(error).__name__})"
        ) from None


def is_stdout(path: str) -> bool:
    """``-`` means standard output."""
    return path == "-"

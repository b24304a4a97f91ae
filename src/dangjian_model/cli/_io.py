"""Reading and writing files for the command: what cannot be read is :class:`Unreadable` (exit 2).

Files are read by :func:`dangjian_model.files.load` (a JSON file is mapped, not read and decoded
whole); ``-`` is standard input (with ``--input-format``) or standard output.
"""

from __future__ import annotations

import os
import stat
import sys
from typing import TYPE_CHECKING, BinaryIO, Literal

import attrs

from dangjian_model._location import Location
from dangjian_model._messages import Language, say
from dangjian_model._model import Alliance
from dangjian_model._registry import Registry
from dangjian_model._repr import FieldsRepr
from dangjian_model.files._api import FORMATS, Format, OnRead, load, loads, read_at_most, suffix_of
from dangjian_model.files._document import Limits
from dangjian_model.files._errors import ConfigError
from dangjian_model.files._extras import MissingExtra

if TYPE_CHECKING:  # workbooks and CSV are read by modules imported when one is read
    from dangjian_model.files._csv import Encoding
    from dangjian_model.files._tidy import Tidied
    from dangjian_model.files._xlsx import SheetImport

__all__ = [
    "SHEET_FORMATS",
    "STDIN",
    "AnyFormat",
    "Document",
    "Source",
    "Unreadable",
    "format_for",
    "is_stdout",
    "read_source",
    "write_text",
]

Document = Registry | Alliance
#: The formats of tables people keep: an Excel workbook, a folder or zip of CSV files.
SheetFormat = Literal["xlsx", "csv"]
AnyFormat = Format | SheetFormat
SHEET_FORMATS: dict[str, SheetFormat] = {".xlsx": "xlsx", ".zip": "csv"}
#: How standard input is named in messages and locations.
STDIN = "<stdin>"


class Unreadable(Exception):
    """A file cannot be read or written: missing, not permitted, not UTF-8, too large, unknown format.

    Attributes:
        path: The file as the user named it.
        reason: Why, in Chinese and English (or the language asked for).
    """

    def __init__(self, path: str, reason: str) -> None:
        self.path = path
        self.reason = reason
        super().__init__(f"{path}: {reason}")


@attrs.frozen(repr=False)
class Source(FieldsRepr):
    """A document read, and where from: enough to find the place of a path in it later.

    Attributes:
        document: The registry or alliance.
        name: The file as the user named it, or ``<stdin>``.
        format: The format it was read as.
        text: The text, when it came from standard input (a file is read again only to locate).
        size: Its size in bytes (0 for a folder of CSV files).
        imported: For a workbook or CSV folder, what says which cell each value came from and
            what text was tidied; None for the other formats.
    """

    document: Document
    name: str
    format: AnyFormat
    text: str | None = None
    size: int = 0
    imported: SheetImport | None = attrs.field(default=None, eq=False)

    @property
    def tidied(self) -> tuple[Tidied, ...]:
        """The text of a workbook or CSV folder that was tidied on reading (none for other formats)."""
        return () if self.imported is None else self.imported.tidied

    def locate(self, paths: list[str]) -> dict[str, Location]:
        """The location of each path (document or finding path) in this source: line, or sheet and cell."""
        if self.imported is not None:
            return self.imported.locate(self.name, paths)
        from dangjian_model.files._locate import locate  # only when there is something to place

        name = "-" if self.name == STDIN else self.name
        assert self.format != "xlsx" and self.format != "csv"
        return locate(name, paths, format=self.format, text=self.text)


def format_for(path: str, forced: AnyFormat | None = None, lang: Language = None) -> AnyFormat:
    """The format of ``path`` by its extension (a folder: CSV files), unless ``forced``.

    Raises:
        Unreadable: the name says no format (standard input always needs ``forced``).
    """
    if forced is not None:
        return forced
    if path == "-":
        raise Unreadable(STDIN, say("stdin_format", lang))
    suffix = suffix_of(path)
    found: AnyFormat | None = FORMATS.get(suffix) or SHEET_FORMATS.get(suffix)
    if found is None and (os.path.isdir(path) or path.endswith(("/", os.sep))):
        found = "csv"
    if found is None:
        raise Unreadable(path, say("unknown_format", lang, known=", ".join([*FORMATS, *SHEET_FORMATS])))
    return found


def _os_reason(error: OSError, lang: Language) -> str:
    if isinstance(error, FileNotFoundError):
        return say("no_such_file", lang)
    if isinstance(error, PermissionError):
        return say("permission_denied", lang)
    if isinstance(error, IsADirectoryError):
        return say("is_a_directory", lang)
    return f"无法读取 cannot be read ({error.strerror or type(error).__name__})"


def _check_file(path: str, limits: Limits, lang: Language) -> int:
    """The size of a readable regular file; :class:`Unreadable` saying why it is not one."""
    try:
        info = os.stat(path)
        if stat.S_ISDIR(info.st_mode):
            raise IsADirectoryError(path)
        with open(path, "rb"):
            pass
    except OSError as error:
        raise Unreadable(path, _os_reason(error, lang)) from None
    if stat.S_ISREG(info.st_mode) and info.st_size > limits.max_bytes:
        raise Unreadable(path, say("too_large", lang, limit=limits.max_bytes))
    return info.st_size


def _encoding_problem(error: ConfigError) -> str | None:
    first = error.problems[0] if len(error.problems) == 1 else None
    if (
        first is not None
        and first.path == "$"
        and first.expected.startswith("UTF-8 text (bad byte at offset")
    ):
        return first.expected.rsplit(" ", 1)[-1].rstrip(")")
    return None


def _read_sheets(
    path: str, chosen: SheetFormat, limits: Limits, encoding: Encoding, lang: Language
) -> Source:
    """Read a workbook, or a folder or zip of CSV files: always a registry."""
    if path == "-":
        raise Unreadable(STDIN, say("stdin_sheets", lang))
    size = 0 if os.path.isdir(path) else _check_file(path, limits, lang)
    try:
        if chosen == "xlsx":
            from dangjian_model.files._xlsx import read_workbook

            imported = read_workbook(path, limits=limits)
        else:
            from dangjian_model.files._csv import read_csv

            imported = read_csv(path, encoding=encoding, limits=limits)
    except MissingExtra as error:
        raise Unreadable(path, str(error)) from None
    return Source(imported.registry, path, chosen, None, size, imported)


def read_source(
    path: str,
    forced: AnyFormat | None = None,
    limits: Limits | None = None,
    stdin: BinaryIO | None = None,
    lang: Language = None,
    encoding: Encoding = "auto",
    on_read: OnRead | None = None,
) -> Source:
    """Read a registry document, or an alliance document (one key ``alliance``), from ``path`` or ``-``.

    A workbook (``.xlsx``) or a folder or zip of CSV files (read in ``encoding``) holds a registry;
    standard input holds JSON, YAML or TOML. ``on_read`` is called as a JSON, YAML or TOML file is
    read, with the bytes read so far and its size (see :func:`dangjian_model.files.load`).

    Raises:
        Unreadable: the file cannot be read, is not UTF-8 text, is too large or has no known format.
        ConfigError: the file is read but malformed; every problem is listed with its path.
    """
    limits = limits or Limits()
    chosen = format_for(path, forced, lang)
    if chosen == "xlsx" or chosen == "csv":
        return _read_sheets(path, chosen, limits, encoding, lang)
    if path == "-":
        data = read_at_most(stdin or sys.stdin.buffer, limits.max_bytes)
        if len(data) > limits.max_bytes:
            raise Unreadable(STDIN, say("too_large", lang, limit=limits.max_bytes))
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise Unreadable(STDIN, say("not_utf8", lang, offset=error.start)) from None

        def read(into: type[Document]) -> Document:
            return loads(text, chosen, into=into, source=STDIN, limits=limits)

        return Source(_either(read), STDIN, chosen, text, len(data))
    size = _check_file(path, limits, lang)

    def read_file(into: type[Document]) -> Document:
        return load(path, into=into, format=chosen, limits=limits, progress=on_read)

    try:
        return Source(_either(read_file), path, chosen, None, size)
    except ConfigError as error:
        offset = _encoding_problem(error)
        if offset is not None:
            raise Unreadable(path, say("not_utf8", lang, offset=offset)) from None
        raise


def _either(read: object) -> Document:
    """A registry, or (when the document's only unknown key is ``alliance``) an alliance."""
    assert callable(read)
    try:
        document: Document = read(Registry)
        return document
    except ConfigError as error:
        if not any(problem.path == "$.alliance" for problem in error.problems):
            raise
        try:
            alliance: Document = read(Alliance)
            return alliance
        except ConfigError:
            if all(problem.path == "$.alliance" for problem in error.problems):
                raise  # only an alliance document: its own problems say what is wrong
            raise error from None


def write_text(path: str, text: str, *, force: bool) -> None:
    """Write ``text`` (UTF-8, ``\\n`` line ends) to ``path``; refuse to replace a file unless ``force``.

    Raises:
        Unreadable: the file exists (and not ``force``) or cannot be written.
    """
    if os.path.isdir(path):
        raise Unreadable(path, say("is_a_directory"))
    try:
        with open(path, "w" if force else "x", encoding="utf-8", newline="\n") as file:
            file.write(text)
    except FileExistsError:
        raise Unreadable(path, "文件已存在 already exists: give --force to replace it") from None
    except OSError as error:
        if isinstance(error, FileNotFoundError):
            reason = "无法写入：所在目录不存在 cannot be written: its folder does not exist"
        elif isinstance(error, PermissionError):
            reason = "没有写入权限 permission denied"
        else:
            reason = f"无法写入 cannot be written ({error.strerror or type(error).__name__})"
        raise Unreadable(path, reason) from None


def is_stdout(path: str) -> bool:
    """``-`` means standard output."""
    return path == "-"

"""CSV: a registry as a folder (or a zip) of one CSV file per sheet of the workbook layout.

Files are named by the sheet's key (``units.csv``, ``alliances.memberships.csv``); the Chinese sheet
name (``单位.csv``) is read too. Written files are UTF-8 with a byte-order mark, which Excel needs to
open them as UTF-8; read files may also be in GB18030 (GBK, what Chinese Excel writes as "CSV"):
the encoding is detected per file, or chosen with ``encoding=``. A problem names its file, row and
column: ``units.csv!D7`` (``Problem.sheet``, ``line``, ``column``).
"""

from __future__ import annotations

import contextlib
import csv
import io
import os
import zipfile
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, Literal

from dangjian_model._registry import Registry
from dangjian_model.files._api import PersonalData, _personal
from dangjian_model.files._document import DEFAULT_LIMITS, Limits
from dangjian_model.files._errors import ConfigError, Problem
from dangjian_model.files._sheets import registry_rows, tables_to_registry
from dangjian_model.files._xlsx import SheetImport

__all__ = ["Encoding", "read_csv", "write_csv"]

#: How CSV files read are decoded: ``auto`` tries UTF-8 (with or without a byte-order mark), then GB18030.
Encoding = Literal["auto", "utf-8", "gb18030", "gbk"]
_UTF8_ZIP_NAMES = 0x800


def _files(registry: Registry, labels: bool) -> Iterator[tuple[str, bytes]]:
    for sheet, rows in registry_rows(registry, labels=labels):
        text = io.StringIO(newline="")
        writer = csv.writer(text, lineterminator="\r\n")
        writer.writerow([c.header for c in sheet.all_columns])
        writer.writerows(rows)
        yield f"{sheet.key}.csv", text.getvalue().encode("utf-8-sig")


def write_csv(
    registry: Registry,
    target: str | os.PathLike[str],
    *,
    personal_data: PersonalData = False,
    labels: bool = True,
) -> None:
    """Write a registry as one CSV file per sheet into the folder ``target`` (made if missing), or
    into a zip file when ``target`` ends in ``.zip``.

    Files are UTF-8 with a byte-order mark (so that Excel reads them as UTF-8) and CRLF line ends;
    ``labels`` and ``personal_data`` are as for :func:`write_workbook`.

    Raises:
        PersonalDataError: the registry holds people and ``personal_data`` is ``False``.
    """
    chosen = _personal(registry, personal_data)
    assert isinstance(chosen, Registry)
    path = Path(target)
    if path.suffix.lower() == ".zip":
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
            for name, data in _files(chosen, labels):
                archive.writestr(name, data)
        return
    path.mkdir(parents=True, exist_ok=True)
    for name, data in _files(chosen, labels):
        (path / name).write_bytes(data)


def _decode(data: bytes, name: str, encoding: Encoding, source: str) -> str:
    tried = (
        ("utf-8-sig", "gb18030")
        if encoding == "auto"
        else ("utf-8-sig" if encoding == "utf-8" else encoding,)
    )
    for each in tried:
        try:
            return data.decode(each)
        except UnicodeDecodeError as error:
            bad = error.start
    expected = f"text in {' or '.join(tried)} (bad byte at offset {bad}); choose the encoding with encoding="
    raise ConfigError(
        source, (Problem(path="$", value=name, expected=expected, sheet=name, line=1, column=1),)
    )


def _members(source: Path, limits: Limits) -> list[tuple[str, bytes]]:
    if source.is_dir():
        found = []
        total = 0
        for file in sorted(source.iterdir()):
            if file.suffix.lower() == ".csv":
                total += file.stat().st_size
                limits.check_size(total, str(source))
                found.append((file.name, file.read_bytes()))
        return found
    with zipfile.ZipFile(source) as archive:
        infos = [i for i in archive.infolist() if not i.is_dir()]
        limits.check_size(sum(i.file_size for i in infos), str(source))
        result = []
        for info in infos:
            name = info.filename.rsplit("/", 1)[-1]
            if not info.flag_bits & _UTF8_ZIP_NAMES:  # Chinese Windows tools write GBK names
                with contextlib.suppress(UnicodeEncodeError, UnicodeDecodeError):
                    name = name.encode("cp437").decode("gb18030")
            if name.lower().endswith(".csv"):
                result.append((name, archive.read(info)))
        return result


def _tables(
    members: list[tuple[str, bytes]], encoding: Encoding, source: str
) -> Iterator[tuple[str, Sequence[Any], Iterator[tuple[int, Sequence[Any]]]]]:
    for name, data in members:
        rows = csv.reader(io.StringIO(_decode(data, name, encoding, source), newline=""))
        header = next(rows, None)
        if header is None:
            continue
        yield name, header, enumerate(rows, start=2)


def read_csv(
    source: str | os.PathLike[str], *, encoding: Encoding = "auto", limits: Limits = DEFAULT_LIMITS
) -> SheetImport:
    """Read a registry from a folder or a zip file of CSV files, one per sheet.

    Raises:
        ConfigError: a file cannot be read or decoded, or a cell, header or row is wrong; each
            problem names its file, row and column (``units.csv!D7``).
    """
    label = str(source)
    path = Path(source)
    try:
        members = _members(path, limits)
    except ConfigError:
        raise
    except (OSError, zipfile.BadZipFile) as error:
        reason = getattr(error, "strerror", None) or type(error).__name__
        expected = f"a folder or a zip file of CSV files ({reason})"
        raise ConfigError(label, (Problem(path="$", value="", expected=expected),)) from None
    try:
        registry, tidied, located = tables_to_registry(_tables(members, encoding, label), label)
    except csv.Error as error:
        raise ConfigError(
            label, (Problem(path="$", value="", expected=f"well-formed CSV ({error})"),)
        ) from None
    return SheetImport(registry, tidied, located=located)

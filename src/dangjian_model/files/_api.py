"""``load``/``loads``/``dump``/``dumps``: pick the format, keep I/O at the edge, delegate to the format modules."""

from __future__ import annotations

import importlib
import os
from collections.abc import Callable
from typing import Any, BinaryIO, Literal, overload

import attrs

from dangjian_model._model import Alliance
from dangjian_model._privacy import masked_id_card, masked_name, masked_phone
from dangjian_model._registry import Registry
from dangjian_model.files._document import Document, Limits
from dangjian_model.files._errors import ConfigError, PersonalDataError, Problem

__all__ = [
    "FORMATS",
    "PROGRESS_STEP",
    "Format",
    "OnRead",
    "PersonalData",
    "dump",
    "dumps",
    "format_of",
    "load",
    "loads",
    "read_at_most",
    "suffix_of",
]

Format = Literal["json", "yaml", "toml"]
#: What :func:`dumps` does with people's names, phones and ID-card numbers: refuse (``False``, the
#: default), write them as they are (``True``) or write them masked (``"mask"``).
PersonalData = bool | Literal["mask"]
#: File extensions and the format each one means.
FORMATS: dict[str, Format] = {".json": "json", ".yaml": "yaml", ".yml": "yaml", ".toml": "toml"}
#: The module of each format, imported when a document in that format is first read or written.
_MODULES = {
    "json": "dangjian_model.files._json",
    "yaml": "dangjian_model.files._yaml",
    "toml": "dangjian_model.files._toml",
}
_DEFAULT_LIMITS = Limits()


def suffix_of(path: str | os.PathLike[str]) -> str:
    """The extension of a file name in lower case, as ``pathlib`` tells it (``""`` for none).

    (Without ``pathlib``, whose import costs a command more than reading a small file.)
    """
    separators = os.sep + (os.altsep or "")
    name = os.path.basename(os.fspath(path).rstrip(separators))
    dot = name.rfind(".")
    return name[dot:].lower() if 0 < dot < len(name) - 1 else ""


def format_of(path: str | os.PathLike[str]) -> Format:
    """The format a file name means by its extension.

    Raises:
        ConfigError: the extension is none of ``.json``, ``.yaml``, ``.yml``, ``.toml``.
    """
    suffix = suffix_of(path)
    found = FORMATS.get(suffix)
    if found is None:
        expected = "a file name ending in " + ", ".join(FORMATS) + " (or give format=...)"
        raise ConfigError(str(path), (Problem(path="$", value=repr(suffix), expected=expected),))
    return found


def _module(format: str, source: str) -> Any:
    name = _MODULES.get(format)
    if name is None:
        raise ConfigError(
            source, (Problem(path="$", value=repr(format), expected="format json, yaml or toml"),)
        )
    return importlib.import_module(name)


#: How much :func:`read_at_most` asks for at a time once the file's size has been read.
_CHUNK = 1 << 20
#: How much it reads between two calls of a progress callback.
PROGRESS_STEP = 4 << 20
#: What :func:`load` calls as it reads: bytes read so far, and the file's size.
OnRead = Callable[[int, int], None]


def read_at_most(file: BinaryIO, limit: int, size: int = 0, progress: OnRead | None = None) -> bytes:
    """The bytes of an open binary file, but no more than ``limit + 1`` (one more tells it is too large).

    Never asks for more memory than the file holds: ``size`` (its size when opened) is read at
    once, then whatever it has grown by (or a pipe holds) a chunk at a time. With ``progress``, the
    file is read :data:`PROGRESS_STEP` bytes at a time and ``progress(read, total)`` called after each.
    """
    parts: list[bytes] = []
    total = 0
    want = size + 1  # the +1 sees the end of a file that has not grown in the same call
    while total <= limit:
        part = file.read(min(want if progress is None else PROGRESS_STEP, limit + 1 - total))
        if not part:
            break
        parts.append(part)
        total += len(part)
        if progress is not None:
            progress(total, max(size, total))
        want = _CHUNK
    return b"".join(parts)


def _text(data: str | bytes, source: str, limits: Limits) -> str:
    if isinstance(data, str):
        return data.removeprefix("\ufeff")  # as ``bytes`` decoded with utf-8-sig: one BOM is allowed
    limits.check_size(len(data), source)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        problem = Problem(path="$", value="", expected=f"UTF-8 text (bad byte at offset {error.start})")
        raise ConfigError(source, (problem,)) from None


@overload
def loads(
    text: str | bytes,
    format: Format = ...,
    *,
    into: type[Registry] = ...,
    limits: Limits = ...,
    source: str = ...,
) -> Registry: ...
@overload
def loads(
    text: str | bytes,
    format: Format = ...,
    *,
    into: type[Alliance],
    limits: Limits = ...,
    source: str = ...,
) -> Alliance: ...
def loads(
    text: str | bytes,
    format: Format = "json",
    *,
    into: type[Document] = Registry,
    limits: Limits = _DEFAULT_LIMITS,
    source: str = "<string>",
) -> Document:
    """Read a registry (or, with ``into=Alliance``, an alliance) from text in ``format``.

    >>> registry = loads('units = [{id = "kuangyan", name = "匡堰镇", kind = "镇乡"}]', format="toml")
    >>> registry.unit("kuangyan").kind
    UnitKind.TOWNSHIP

    Raises:
        ConfigError: the document is malformed; every problem is listed with its path.
    """
    module = _module(format, source)
    if into not in (Registry, Alliance):
        raise TypeError(f"into must be Registry or Alliance, not {into!r}")
    if format == "json" and isinstance(text, bytes):  # msgspec reads UTF-8 bytes without a copy
        limits.check_size(len(text), source)
        fast: Document | None = module.loads_fast(text, into, limits)
        if fast is not None:
            return fast
    result: Document = module.loads(_text(text, source, limits), into, source=source, limits=limits)
    return result


@overload
def load(
    path: str | os.PathLike[str],
    *,
    into: type[Registry] = ...,
    format: Format | None = ...,
    limits: Limits = ...,
    progress: OnRead | None = ...,
) -> Registry: ...
@overload
def load(
    path: str | os.PathLike[str],
    *,
    into: type[Alliance],
    format: Format | None = ...,
    limits: Limits = ...,
    progress: OnRead | None = ...,
) -> Alliance: ...
def load(
    path: str | os.PathLike[str],
    *,
    into: type[Document] = Registry,
    format: Format | None = None,
    limits: Limits = _DEFAULT_LIMITS,
    progress: OnRead | None = None,
) -> Document:
    """Read a registry or an alliance from a file; the format is chosen by the extension.

    At most ``limits.max_bytes`` are read: a larger file is refused without reading it whole.

    ``progress``, if given, is called with the bytes read so far and the file's size as the file is
    read, every few megabytes (:data:`PROGRESS_STEP`), the last time with the whole file — for a
    progress line on a long read. A JSON file is mapped into memory rather than read: it is reported whole at once.

    Raises:
        ConfigError: the file is malformed, too large, or cannot be read.
    """
    source = str(path)
    chosen = format or format_of(path)
    try:
        with open(path, "rb") as file:
            size = os.fstat(file.fileno()).st_size
            limits.check_size(size, source)  # refused unread
            if chosen == "json" and into in (Registry, Alliance) and size > 0:  # mapped, not read
                if progress is not None:
                    progress(size, size)
                fast: Document | None = _module("json", source).load_file_fast(file, into, limits)
                if fast is not None:
                    return fast
                file.seek(0)
            data = read_at_most(file, limits.max_bytes, size, progress)
    except OSError as error:
        raise ConfigError(
            source, (Problem(path="$", value="", expected=f"a readable file ({error.strerror})"),)
        ) from None
    return loads(data, chosen, into=into, limits=limits, source=source)


def dumps(obj: Document, format: Format = "json", *, personal_data: PersonalData = False) -> str:
    """The canonical text of a registry or an alliance: the same value always gives the same text.

    >>> from dangjian_model import Registry, Unit
    >>> print(dumps(Registry(units=[Unit(id="kuangyan", name="匡堰镇", kind="镇乡")]), "yaml"), end="")
    version: 1
    units:
      - id: kuangyan
        name: 匡堰镇
        kind: township

    People's names, phone numbers and ID-card numbers are personal data: a document holding any is
    written only when ``personal_data`` says how — ``True`` as they are, ``"mask"`` masked
    (``龚**``; a masked document is for showing, it no longer holds the real values).

    Raises:
        PersonalDataError: the document holds people and ``personal_data`` is ``False``.
    """
    module = _module(format, "<dumps>")
    text: str = module.dumps(_personal(obj, personal_data))
    return text


def _personal(obj: Document, personal_data: PersonalData) -> Document:
    if personal_data is True or not isinstance(obj, Registry) or not obj.people:
        return obj
    if personal_data == "mask":
        people = [
            attrs.evolve(
                person,
                name=masked_name(person.name),
                phone=None if person.phone is None else masked_phone(person.phone),
                id_card=None if person.id_card is None else masked_id_card(person.id_card),
            )
            for person in obj.people
        ]
        return attrs.evolve(obj, people=people)
    if personal_data is False:
        raise PersonalDataError(len(obj.people))
    raise TypeError(f"personal_data must be True, False or 'mask', not {personal_data!r}")


def dump(
    obj: Document,
    path: str | os.PathLike[str],
    *,
    format: Format | None = None,
    personal_data: PersonalData = False,
) -> None:
    """Write the canonical text of a registry or an alliance to a file (UTF-8, ``\\n`` line ends).

    ``personal_data`` is as for :func:`dumps`; nothing is written when it refuses.
    """
    chosen = format or format_of(path)
    if chosen == "json":  # bytes straight from the encoder: no copy as text
        chosen_obj = _personal(obj, personal_data)  # refused before the file is opened
        with open(path, "wb") as binary:
            _module("json", str(path)).dump_file(
                chosen_obj, binary
            )  # entity by entity: never the whole document in memory
        return
    text = dumps(obj, chosen, personal_data=personal_data)
    with open(path, "w", encoding="utf-8", newline="\n") as file:
        file.write(text)

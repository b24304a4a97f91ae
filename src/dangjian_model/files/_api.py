"""``load``/``loads``/``dump``/``dumps``: pick the format, keep I/O at the edge, delegate to the format modules."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Literal, overload

from dangjian_model._model import Alliance
from dangjian_model._registry import Registry
from dangjian_model.files import _json, _toml, _yaml
from dangjian_model.files._document import Document, Limits
from dangjian_model.files._errors import ConfigError, Problem

__all__ = ["FORMATS", "Format", "dump", "dumps", "format_of", "load", "loads"]

Format = Literal["json", "yaml", "toml"]
#: File extensions and the format each one means.
FORMATS: dict[str, Format] = {".json": "json", ".yaml": "yaml", ".yml": "yaml", ".toml": "toml"}
_MODULES = {"json": _json, "yaml": _yaml, "toml": _toml}
_DEFAULT_LIMITS = Limits()


def format_of(path: str | os.PathLike[str]) -> Format:
    """The format a file name means by its extension.

    Raises:
        ConfigError: the extension is none of ``.json``, ``.yaml``, ``.yml``, ``.toml``.
    """
    suffix = Path(path).suffix.lower()
    found = FORMATS.get(suffix)
    if found is None:
        expected = "a file name ending in " + ", ".join(FORMATS) + " (or give format=...)"
        raise ConfigError(str(path), (Problem(path="$", value=repr(suffix), expected=expected),))
    return found


def _module(format: str, source: str) -> object:
    module = _MODULES.get(format)
    if module is None:
        raise ConfigError(
            source, (Problem(path="$", value=repr(format), expected="format json, yaml or toml"),)
        )
    return module


def _text(data: str | bytes, source: str, limits: Limits) -> str:
    if isinstance(data, str):
        return data
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
        fast: Document | None = _json.loads_fast(text, into, limits)
        if fast is not None:
            return fast
    result: Document = module.loads(_text(text, source, limits), into, source=source, limits=limits)  # type: ignore[attr-defined]
    return result


@overload
def load(
    path: str | os.PathLike[str],
    *,
    into: type[Registry] = ...,
    format: Format | None = ...,
    limits: Limits = ...,
) -> Registry: ...
@overload
def load(
    path: str | os.PathLike[str], *, into: type[Alliance], format: Format | None = ..., limits: Limits = ...
) -> Alliance: ...
def load(
    path: str | os.PathLike[str],
    *,
    into: type[Document] = Registry,
    format: Format | None = None,
    limits: Limits = _DEFAULT_LIMITS,
) -> Document:
    """Read a registry or an alliance from a file; the format is chosen by the extension.

    At most ``limits.max_bytes`` are read: a larger file is refused without reading it whole.

    Raises:
        ConfigError: the file is malformed, too large, or cannot be read.
    """
    source = str(path)
    chosen = format or format_of(path)
    try:
        with open(path, "rb") as file:
            data = file.read(limits.max_bytes + 1)
    except OSError as error:
        raise ConfigError(
            source, (Problem(path="$", value="", expected=f"a readable file ({error.strerror})"),)
        ) from None
    return loads(data, chosen, into=into, limits=limits, source=source)


def dumps(obj: Document, format: Format = "json") -> str:
    """The canonical text of a registry or an alliance: the same value always gives the same text.

    >>> from dangjian_model import Registry, Unit
    >>> print(dumps(Registry(units=[Unit(id="kuangyan", name="匡堰镇", kind="镇乡")]), "yaml"), end="")
    version: 1
    units:
      - id: kuangyan
        name: 匡堰镇
        kind: township
    """
    module = _module(format, "<dumps>")
    text: str = module.dumps(obj)  # type: ignore[attr-defined]
    return text


def dump(obj: Document, path: str | os.PathLike[str], *, format: Format | None = None) -> None:
    """Write the canonical text of a registry or an alliance to a file (UTF-8, ``\\n`` line ends)."""
    chosen = format or format_of(path)
    if chosen == "json":  # bytes straight from the encoder: no copy as text
        with open(path, "wb") as binary:
            binary.write(_json.dumpb(obj))
        return
    text = dumps(obj, chosen)
    with open(path, "w", encoding="utf-8", newline="\n") as file:
        file.write(text)

"""What every command shares: its :class:`Context`, the usage error, and the mapping of errors to exit codes.

:func:`execute` runs the command the parsed arguments name: it imports that command's module only
(``validate`` never imports the allocation games, the report or the workbook writer).
"""

from __future__ import annotations

import argparse
import importlib
import io
import os
from collections.abc import Callable, Sequence
from typing import TextIO

import attrs

from dangjian_model._errors import DangjianError
from dangjian_model._messages import Language, bilingual
from dangjian_model._model import Alliance
from dangjian_model._privacy import redact
from dangjian_model._registry import Registry
from dangjian_model._repr import FieldsRepr
from dangjian_model.cli._exits import (
    EXIT_BROKEN_PIPE,
    EXIT_BUG,
    EXIT_ERRORS,
    EXIT_INTERRUPTED,
    EXIT_USAGE,
)
from dangjian_model.cli._io import Document, Source, Unreadable, is_stdout, read_source, write_text
from dangjian_model.cli._parser import version
from dangjian_model.cli._term import Painter, Progress, wants_colour
from dangjian_model.files._document import Limits
from dangjian_model.files._errors import ConfigError

__all__ = [
    "Context",
    "UsageError",
    "emit",
    "execute",
    "free",
    "ids_text",
    "reading",
    "size_of",
    "with_alliance",
]

_MAX_IDS_SHOWN = 20
#: Each command: the module that runs it and its function there.
_COMMANDS = {
    "validate": ("_validate", "run"),
    "allocate": ("_allocate", "run"),
    "convert": ("_convert", "convert"),
    "template": ("_convert", "template"),
    "schema": ("_convert", "schema"),
    "report": ("_report", "run"),
    "diagram": ("_diagram", "run"),
}


class UsageError(Exception):
    """The command line asks for something that cannot be done (exit 2); the message says what instead."""


@attrs.frozen(repr=False)
class Context(FieldsRepr):
    """What every command gets: the parsed arguments, the streams, colour and progress."""

    args: argparse.Namespace
    out: TextIO
    err: TextIO
    paint: Painter
    progress_on: bool

    def progress(self, message: str) -> Progress:
        """A progress line for slow work (shown only after a second, only if enabled)."""
        return Progress(message, self.err, enabled=self.progress_on)

    @property
    def lang(self) -> Language:
        """The language asked for with ``--lang``, or None for both."""
        lang: Language = getattr(self.args, "lang", None)
        return lang

    @property
    def limits(self) -> Limits:
        """The limits of reading, with ``--max-bytes``."""
        return Limits(max_bytes=self.args.max_bytes)

    def source(self, path: str) -> Source:
        """Read a document, with a progress line (its size) if that is slow."""
        with self.progress(f"正在读取 reading {path}{size_of(path)} …") as progress:
            return read_source(
                path,
                self.args.input_format,
                self.limits,
                lang=self.lang,
                encoding=getattr(self.args, "encoding", "auto"),
                on_read=reading(progress, f"正在读取 reading {path}"),
            )

    def read(self, path: str) -> Document:
        """Read a document, with a progress line if that is slow."""
        return self.source(path).document

    def read_registry(self, path: str, command: str) -> Registry:
        """Read a registry document; an alliance document is a usage error for ``command``."""
        document = self.read(path)
        if isinstance(document, Alliance):
            raise UsageError(
                f"{path}: 这是单个联盟文件，{command} 需要登记册文件 "
                f"holds one alliance; {command} needs a registry file"
            )
        return document


def size_of(path: str) -> str:
    """`` (12.3 MB)``: the size of a file, for the progress line; empty for stdin or what cannot be read."""
    try:
        size = os.stat(path).st_size if path != "-" else 0
    except OSError:
        return ""
    return f" ({size / 1e6:,.1f} MB)" if size >= 100_000 else ""


def ids_text(ids: Sequence[str]) -> str:
    """The first twenty ids, comma-separated, and how many more; ``（无 none）`` for none."""
    shown = ", ".join(ids[:_MAX_IDS_SHOWN])
    more = f" … (+{len(ids) - _MAX_IDS_SHOWN})" if len(ids) > _MAX_IDS_SHOWN else ""
    return (shown + more) or "（无 none）"


def reading(progress: Progress, what: str) -> Callable[[int, int], None]:
    """What :func:`~dangjian_model.files.load` calls as it reads: the progress line says bytes read of total."""

    def read(done: int, total: int) -> None:
        progress.update(f"{what}: {done / 1e6:,.1f} / {total / 1e6:,.1f} MB")

    return read


def with_alliance(registry: Registry, alliance: Alliance) -> Registry:
    """``registry`` with ``alliance`` in place of the alliance of that id (or added)."""
    others = tuple(a for a in registry.alliances if a.id != alliance.id)
    return attrs.evolve(registry, alliances=(*others, alliance))


def free(path: str, force: bool) -> None:
    """Refuse to replace an existing file or folder unless ``force``."""
    if os.path.exists(path) and not force:
        raise Unreadable(path, "文件已存在 already exists: give --force to replace it")


def emit(ctx: Context, text: str) -> None:
    """Write ``text`` to ``--output`` (``-``: standard output), saying so on stderr when it is a file."""
    if is_stdout(ctx.args.output):
        ctx.out.write(text)
        return
    write_text(ctx.args.output, text, force=ctx.args.force)
    ctx.err.write(f"已写入 wrote {ctx.args.output}\n")


def _silence(stream: TextIO) -> None:
    # Python flushes stdout at exit; point it at devnull so that flush cannot fail again.
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, stream.fileno())
    except (OSError, ValueError, io.UnsupportedOperation):
        pass


def _bug(err: TextIO, error: BaseException) -> int:
    err.write(
        f"dangjian: 内部错误 internal error ({type(error).__name__}). 这是 dangjian_model {version()} 的缺陷，"
        "请附上所用命令报告 — this is a bug in dangjian_model; please report it with the command you ran.\n"
    )
    return EXIT_BUG


def execute(args: argparse.Namespace, out: TextIO, err: TextIO, lang: Language) -> int:
    """Run the command ``args`` name; every error of the library becomes a message and an exit code."""
    progress_on = args.progress if args.progress is not None else bool(err.isatty())
    ctx = Context(args, out, err, Painter(wants_colour(args.color, out)), progress_on)
    prefix = f"dangjian {args.command}"
    label = bilingual("错误", "error", lang)
    try:
        module, name = _COMMANDS[args.command]
        run: Callable[[Context], int] = getattr(importlib.import_module(f"dangjian_model.cli.{module}"), name)
        return run(ctx)
    except UsageError as error:  # it may echo an id from the command line or the file
        err.write(redact(f"{prefix}: {label}: {error}") + "\n")
        return EXIT_USAGE
    except Unreadable as error:
        err.write(redact(f"{prefix}: {error}") + "\n")
        return EXIT_USAGE
    except ConfigError as error:
        from dangjian_model.cli import _output

        result = _output.FileResult(error.source, problems=error)
        _output.text(result, err, Painter(wants_colour(args.color, err)), lang)
        return EXIT_ERRORS
    except DangjianError as error:
        err.write(f"{prefix}: {label}: {error}\n")
        return EXIT_ERRORS
    except BrokenPipeError:  # the reader went away (`| head`): stop quietly
        _silence(out)
        return EXIT_BROKEN_PIPE
    except KeyboardInterrupt:
        err.write(f"{prefix}: 已中断 interrupted\n")
        return EXIT_INTERRUPTED
    except Exception as error:
        return _bug(err, error)

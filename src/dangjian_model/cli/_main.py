"""The entry of ``dangjian``: parse the command line, then import and run only the command it names.

Kept small on purpose: ``dangjian --version`` and ``--help`` import the parser and the help texts,
nothing of the library's files, validation, allocation or report (``tests/cli/test_start_up.py``).
"""

from __future__ import annotations

import contextlib
import io
import sys
from collections.abc import Sequence
from typing import TextIO

from dangjian_model.cli._exits import EXIT_OK, EXIT_USAGE
from dangjian_model.cli._parser import build_parser, language_of

__all__ = ["main"]


def _tolerant(stream: TextIO) -> None:
    # A console that cannot show Chinese gets escapes rather than a crash.
    if isinstance(stream, io.TextIOWrapper):
        with contextlib.suppress(ValueError, io.UnsupportedOperation):
            stream.reconfigure(errors="backslashreplace")


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``dangjian`` with ``argv`` (default: ``sys.argv[1:]``) and return the exit code.

    Bad input never ends in a traceback: every error of the library becomes a message and an exit
    code (0 no errors, 1 errors found, 2 cannot read or bad command line, 3 a bug).
    """
    out, err = sys.stdout, sys.stderr
    _tolerant(out)
    _tolerant(err)
    argv = list(sys.argv[1:] if argv is None else argv)
    lang = language_of(argv)
    try:
        args = build_parser(lang).parse_args(argv)
    except SystemExit as exit:  # --help, --version and usage errors
        return exit.code if isinstance(exit.code, int) else EXIT_OK if exit.code is None else EXIT_USAGE
    from dangjian_model.cli._app import execute  # the command's work: imported only now

    return execute(args, out, err, lang)

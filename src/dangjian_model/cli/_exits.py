"""The exit codes of ``dangjian`` (a module of its own: the entry imports it before anything heavy)."""

from __future__ import annotations

__all__ = ["EXIT_BROKEN_PIPE", "EXIT_BUG", "EXIT_ERRORS", "EXIT_INTERRUPTED", "EXIT_OK", "EXIT_USAGE"]

#: Done, no errors found.
EXIT_OK = 0
#: Errors found: validation errors, or a configuration file that is malformed.
EXIT_ERRORS = 1
#: A file cannot be read or written, or the command line is wrong.
EXIT_USAGE = 2
#: A bug in dangjian_model.
EXIT_BUG = 3
#: Interrupted with Ctrl-C (128 + SIGINT, as shells do).
EXIT_INTERRUPTED = 130
#: The output pipe was closed early, e.g. by ``| head`` (128 + SIGPIPE).
EXIT_BROKEN_PIPE = 141

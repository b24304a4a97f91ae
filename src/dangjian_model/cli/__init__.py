"""The ``dangjian`` command: validate, allocate, convert, draw and describe configuration files.

Run ``dangjian --help`` (or ``python -m dangjian_model --help``); ``docs/cli.md`` describes every
command, the exit codes and the JSON output. The command is an edge of the library: it reads files,
calls the functional core and prints; it never prints a traceback for bad input.

Exit codes:

- ``0`` — done, no errors found;
- ``1`` — errors found: validation errors, or a configuration file that is malformed;
- ``2`` — a file cannot be read or written, or the command line is wrong (an unknown id, a bad option);
- ``3`` — a bug in dangjian_model (please report it).
"""

from dangjian_model.cli._exits import EXIT_BUG, EXIT_ERRORS, EXIT_OK, EXIT_USAGE
from dangjian_model.cli._main import main

__all__ = ["EXIT_BUG", "EXIT_ERRORS", "EXIT_OK", "EXIT_USAGE", "main"]

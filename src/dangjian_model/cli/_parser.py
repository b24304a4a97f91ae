"""The argument parser: usage errors in Chinese and English with the closest choices, and the shared options.

argparse's own messages are English; :class:`Parser` says what is wrong in both languages (or the one
``--lang`` asks for), names the closest few of a long list of choices (``valdate`` → ``validate``),
and points at ``--help``.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import Any, NoReturn

from dangjian_model._messages import Language, bilingual, closest, say

__all__ = ["Parser", "add_terminal_options", "language_of"]

#: The most choices a usage error lists: the closest ones.
_CHOICES_SHOWN = 6


def language_of(argv: Sequence[str]) -> Language:
    """The ``--lang`` of a command line, read before it is parsed (so that usage errors honour it)."""
    for n, arg in enumerate(argv):
        value = arg.partition("=")[2] if arg.startswith("--lang=") else None
        if arg == "--lang" and n + 1 < len(argv):
            value = argv[n + 1]
        if value in ("zh", "en"):
            return value  # type: ignore[return-value]
    return None


class Parser(argparse.ArgumentParser):
    """An :class:`argparse.ArgumentParser` whose errors are bilingual and suggest the closest choice."""

    lang: Language = None

    def _check_value(self, action: argparse.Action, value: Any) -> None:
        if action.choices is None or value in action.choices:
            return
        choices = [str(choice) for choice in action.choices]
        near = closest(str(value), choices, _CHOICES_SHOWN)
        name = argparse._get_action_name(action) or "COMMAND"
        if name == "COMMAND":
            message = say("unknown_command", self.lang, command=value)
        else:
            message = bilingual(
                f"参数 {name}：无效选项 {value!r}", f"argument {name}: invalid choice {value!r}", self.lang
            )
        best = closest(str(value), choices, 1) if len(choices) > 1 else choices
        if best and _alike(str(value), best[0]):
            message += "; " + say("did_you_mean_command", self.lang, hint=best[0])
        shown = ", ".join(near) + (", …" if len(near) < len(choices) else "")
        message += f"; {say('choose_from', self.lang)}: {shown}"
        raise argparse.ArgumentError(None, message)

    def error(self, message: str) -> NoReturn:
        """Print the usage and the error in both languages (or the one asked for), and exit 2."""
        self.print_usage(sys.stderr)
        label = bilingual("错误", "error", self.lang)
        if not _has_chinese(message):  # argparse's own words: say in Chinese what kind of error it is
            message = f"{say('usage_error', 'zh')}: {message}" if self.lang != "en" else message
        hint = say("see_help", self.lang, prog=self.prog)
        self.exit(2, f"{self.prog}: {label}: {message}\n{hint}\n")


def _has_chinese(text: str) -> bool:
    return any("\u3400" <= char <= "\u9fff" for char in text)


def _alike(text: str, choice: str) -> bool:
    import difflib

    return difflib.SequenceMatcher(None, text, choice).ratio() >= 0.6


def add_terminal_options(parser: argparse.ArgumentParser) -> None:
    """The options every command shares (terminal and reading), listed after the command's own."""
    look = parser.add_argument_group("终端与读取 terminal and reading")
    look.add_argument(
        "--color",
        "--colour",
        choices=("auto", "always", "never"),
        default="auto",
        help="颜色 colour: auto (a terminal, unless NO_COLOR or TERM=dumb; FORCE_COLOR forces it), "
        "always or never (default: auto)",
    )
    look.add_argument(
        "--progress",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="进度 show progress on stderr (sizes, entities, rules) for inputs that take more than a "
        "second (default: only when stderr is a terminal)",
    )
    look.add_argument(
        "--max-bytes",
        type=_byte_count,
        default=32 * 1024 * 1024,
        metavar="N",
        help="最大文件 refuse a file larger than N bytes (default: 32 MiB; 2G, 500M, 0 = no file)",
    )


_UNITS = {"": 1, "K": 1024, "M": 1024**2, "G": 1024**3}


def _byte_count(text: str) -> int:
    number, unit = text.strip().upper().rstrip("IB") or "0", ""
    if number and number[-1] in _UNITS:
        number, unit = number[:-1], number[-1]
    try:
        value = int(number) * _UNITS[unit]
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{text!r} 不是字节数 is not a number of bytes: write 1000000, 500M or 2G"
        ) from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"{text!r}: 不能为负 cannot be negative")
    return value

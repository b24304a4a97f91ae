"""The argument parser: usage errors in Chinese and English with the closest choices, and the shared options.

argparse's own messages are English; :class:`Parser` says what is wrong in both languages (or the one
``--lang`` asks for), names the closest few of a long list of choices (``valdate`` → ``validate``),
and points at ``--help``.
"""

from __future__ import annotations

import argparse
import datetime
import os
import sys
from collections.abc import Sequence
from typing import Any, NoReturn

from dangjian_model._messages import Language, bilingual, closest, say
from dangjian_model.cli import _help

__all__ = [
    "GRID_PARTY_GROUPS",
    "INPUT_FORMATS",
    "OUTPUT_FORMATS",
    "SEVERITIES",
    "Parser",
    "add_terminal_options",
    "build_parser",
    "language_of",
    "version",
]

#: The most choices a usage error lists: the closest ones.
_CHOICES_SHOWN = 6
#: The formats a command reads (``--input-format``) and ``convert`` writes (``--to``).
INPUT_FORMATS = ("json", "yaml", "toml", "xlsx", "csv")
#: The output formats of ``validate``.
OUTPUT_FORMATS = ("text", "json", "sarif", "github", "concise")
# The values of two enums, spelt here so that building the parser imports no validation module
# (tests/cli/test_start_up.py checks that they are the enums' values).
#: :class:`~dangjian_model.validation.Severity`'s values, for ``--fail-on``.
SEVERITIES = ("error", "warning", "info")
#: :class:`~dangjian_model.validation.GridPartyGroups`' values, for ``--grid-party-groups``.
GRID_PARTY_GROUPS = ("where_any", "every_grid")


def version() -> str:
    """The version of dangjian_model, as ``--version`` prints it."""
    from dangjian_model import __version__

    return __version__


def language_of(argv: Sequence[str]) -> Language:
    """The ``--lang`` of a command line, read before it is parsed (so that usage errors honour it)."""
    for n, arg in enumerate(argv):
        value = arg.partition("=")[2] if arg.startswith("--lang=") else None
        if arg == "--lang" and n + 1 < len(argv):
            value = argv[n + 1]
        if value in ("zh", "en"):
            return value  # type: ignore[return-value]
    return None


def terminal_columns() -> int:
    """The terminal's width as ``shutil.get_terminal_size().columns`` tells it (``COLUMNS``, the
    terminal of standard output, else 80), without importing ``shutil`` (and with it bz2, lzma and
    fnmatch: ≈ 2 ms of every command, which argparse pays each time it makes a formatter)."""
    try:
        columns = int(os.environ.get("COLUMNS", 0))
    except ValueError:
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns  # type: ignore[union-attr]
        except (AttributeError, ValueError, OSError):
            columns = 0
    return columns or 80


class Formatter(argparse.RawDescriptionHelpFormatter):
    """argparse's formatter that keeps the description's lines, told the width by :func:`terminal_columns`."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        if len(args) < 4 and kwargs.get("width") is None:
            kwargs["width"] = terminal_columns() - 2  # as argparse: two columns of margin
        super().__init__(*args, **kwargs)


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


# ---------------------------------------------------------------------------------------------- the commands


def _date(text: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} 不是日期 is not a date: write it as 2024-12-31") from None


_BOTH_LANGUAGES = "消息语言 messages in one language (default: both)"
_TO_STDOUT = "输出文件 the file to write (default: - for stdout)"


def _lang(command: Parser, help: str = _BOTH_LANGUAGES) -> None:
    command.add_argument("--lang", choices=("zh", "en"), help=help)


def _input_format(command: Parser, what: str = "PATH") -> None:
    command.add_argument("--input-format", choices=INPUT_FORMATS, help=f"输入格式 read {what} as this format")


def _encoding(command: Parser, help: str) -> None:
    command.add_argument("--encoding", choices=("auto", "utf-8", "gb18030", "gbk"), default="auto", help=help)


def _force(command: Parser, what: str = "FILE") -> None:
    command.add_argument("--force", action="store_true", help=f"覆盖已有文件 replace {what} if it exists")


def _output(command: Parser, help: str = _TO_STDOUT) -> None:
    """``-o/--output FILE`` (stdout by default) and ``--force``."""
    command.add_argument("-o", "--output", default="-", metavar="FILE", help=help)
    _force(command)


def build_parser(lang: Language = None) -> Parser:
    """The argument parser of ``dangjian``, with one sub-parser per command (errors in ``lang``).

    It imports nothing of the library but the help texts: ``--help`` and ``--version`` stay as quick
    as the interpreter's start, and each command imports what it needs once it runs.
    """
    raw = Formatter
    parser = Parser(
        prog="dangjian",
        description="党建联盟配置文件工具 — validate, allocate, convert, draw and report party-building alliance files.",
        epilog=_help.MAIN,
        formatter_class=raw,
    )
    parser.add_argument("--version", action="version", version=f"dangjian {version()}")
    commands = parser.add_subparsers(title="命令 commands", dest="command", metavar="COMMAND", required=True)

    def command(name: str, help: str, description: str) -> Parser:
        return commands.add_parser(name, help=help, description=description, formatter_class=raw)

    check = command("validate", "校验配置文件 check configuration files", _help.VALIDATE)
    check.add_argument(
        "paths",
        nargs="+",
        metavar="PATH",
        help="配置文件 .json, .yaml/.yml, .toml (- for stdin); Excel 工作簿 .xlsx; CSV 文件夹或 .zip",
    )
    _encoding(check, "CSV 文件编码 the encoding of CSV files (default: UTF-8, else GB18030)")
    check.add_argument(
        "--format",
        choices=OUTPUT_FORMATS,
        default="text",
        help="输出格式 output format: text for people, concise (one line each), json, "
        "sarif (SARIF 2.1.0 for code scanning), github (workflow annotations)",
    )
    check.add_argument(
        "--fail-on",
        choices=SEVERITIES,
        default="error",
        help="退出码 exit 1 when a finding is at or above this severity (default: error)",
    )
    _lang(check)
    check.add_argument(
        "--select",
        action="append",
        metavar="CODES",
        help="只运行这些规则 run only these codes or prefixes (DJ1,DJ412)",
    )
    check.add_argument(
        "--ignore", action="append", metavar="CODES", help="不运行这些规则 do not run these codes or prefixes"
    )
    check.add_argument(
        "--severity",
        action="append",
        default=[],
        metavar="CODE=LEVEL",
        help="改变严重程度 report CODE (or a prefix) as error, warning or info; repeatable",
    )
    check.add_argument(
        "--as-of", type=_date, metavar="DATE", help="按此日期判断任期 judge terms on DATE (DJ211)"
    )
    check.add_argument(
        "--grid-party-groups",
        choices=GRID_PARTY_GROUPS,
        help="网格党小组要求 when a grid cell must have a party group (DJ441)",
    )
    check.add_argument(
        "--registry", metavar="FILE", help="联盟文件所在的登记册 the registry an alliance file is checked in"
    )
    _input_format(check, "every PATH (or - for stdin)")

    share = command("allocate", "分配项目收益 share a project's income", _help.ALLOCATE)
    share.add_argument("path", metavar="PATH", help="登记册文件 a registry file")
    share.add_argument("--project", required=True, metavar="ID", help="项目编号 the project's id")
    share.add_argument(
        "--income",
        metavar="AMOUNT",
        help="分配金额 an amount to share (10万元, 1234.56; zero or more); "
        "default: the recorded income, year by year",
    )
    share.add_argument(
        "--on", type=_date, metavar="DATE", help="分配日期 the day of the distribution: share that year only"
    )
    share.add_argument(
        "--year",
        type=int,
        metavar="N",
        help="协议第几年 the year of the agreement (1 = first): that year only",
    )
    _lang(share, "表格和消息语言 table and message language (default: zh)")
    share.add_argument("--format", choices=("text", "json"), default="text", help="输出格式 output format")
    _input_format(share)
    share.add_argument(
        "--explain-stability",
        action="store_true",
        help="说明分配是否在核心中 say whether the split is in the core, and which coalition objects",
    )

    convert = command("convert", "转换格式 convert between JSON, YAML, TOML, Excel and CSV", _help.CONVERT)
    convert.add_argument("source", metavar="IN", help="输入文件 the file to read (- for stdin)")
    convert.add_argument("target", metavar="OUT", help="输出文件 the file to write (- for stdout)")
    convert.add_argument(
        "--to", choices=INPUT_FORMATS, help="输出格式 output format (default: by OUT's extension)"
    )
    _input_format(convert, "IN")
    _force(convert, "OUT")
    convert.add_argument(
        "--labels",
        choices=("en", "zh"),
        help="en: 英文编号、规范格式 English ids, canonical (default for JSON/YAML/TOML); "
        "zh: 中文名称、万元 Chinese labels and 万元 amounts (default for Excel and CSV)",
    )
    _encoding(convert, "读取 CSV 的编码 the encoding of CSV files read (default: UTF-8, else GB18030)")
    convert.add_argument(
        "--personal-data",
        choices=("refuse", "keep", "mask"),
        default="refuse",
        help="人员姓名、电话、身份证号：refuse 拒绝写出 (default), keep 原样写出, mask 脱敏写出 — "
        "how to write people's names, phones and ID numbers",
    )
    _lang(convert)

    template = command("template", "生成空白 Excel 工作簿 write an empty workbook to fill in", _help.TEMPLATE)
    template.add_argument(
        "target", metavar="FILE", help="输出文件 FILE.xlsx (or a folder or .zip of CSV files)"
    )
    _force(template)

    schema = command("schema", "输出 JSON Schema print the JSON Schema", _help.SCHEMA)
    _output(schema)
    _lang(schema)

    page = command("report", "生成报告 write a report people read and sign (one HTML page)", _help.REPORT)
    page.add_argument(
        "path", metavar="PATH", help="登记册文件，或与 --registry 一起的单个联盟文件 a registry file"
    )
    _output(page, "输出文件 the HTML file to write (default: stdout)")
    _lang(page, "报告语言 report language (default: zh)")
    page.add_argument(
        "--personal-data",
        choices=("mask", "keep"),
        default="mask",
        help="人员姓名：mask 脱敏 (default), keep 原样 — how to show people's names",
    )
    page.add_argument(
        "--as-of", type=_date, metavar="DATE", help="报告日期 the report's date (default: today)"
    )
    page.add_argument(
        "--registry", metavar="FILE", help="联盟文件所在的登记册 the registry an alliance file is reported in"
    )
    _input_format(page)

    draw = command("diagram", "画联盟结构图 draw an alliance", _help.DIAGRAM)
    draw.add_argument("path", metavar="PATH", help="登记册文件 a registry file")
    draw.add_argument("--alliance", metavar="ID", help="联盟编号 the alliance (default: the only one)")
    draw.add_argument(
        "--format", choices=("mermaid", "dot"), default="mermaid", help="图的格式 picture format"
    )
    _input_format(draw)
    draw.add_argument("--meetings", action="store_true", help="画出会议及出席者 show who met at its meetings")
    _output(draw)
    _lang(draw)
    for each in commands.choices.values():  # the command's own options first, then these
        add_terminal_options(each)
    parser.lang = lang
    for each in commands.choices.values():
        each.lang = lang
    return parser

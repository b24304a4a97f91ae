"""The ``dangjian`` command: argument parsing, the commands, and the mapping of errors to exit codes."""

from __future__ import annotations

import argparse
import contextlib
import datetime
import io
import json
import os
import sys
from collections.abc import Callable, Sequence
from typing import Any, Literal, TextIO

import attrs

from dangjian_model._errors import DangjianError, HierarchyCycleError, InvalidValue, UnknownId
from dangjian_model._location import Location
from dangjian_model._model import Alliance
from dangjian_model._money import Money
from dangjian_model._privacy import redact
from dangjian_model._registry import Registry
from dangjian_model.allocation import (
    Allocation,
    AllocationByYear,
    Stability,
    allocate_project,
    allocate_project_by_year,
    distribution_year,
    explain_stability,
    project_rule,
)
from dangjian_model.cli import _help, _output
from dangjian_model.cli._io import (
    SHEET_FORMATS,
    Document,
    Source,
    Unreadable,
    format_for,
    is_stdout,
    read_source,
    write_text,
)
from dangjian_model.cli._output import FileResult
from dangjian_model.cli._parser import Parser, add_terminal_options, language_of
from dangjian_model.cli._term import Painter, Progress, wants_colour
from dangjian_model.diagram import to_dot, to_mermaid
from dangjian_model.files import (
    ConfigError,
    Limits,
    MissingExtra,
    PersonalData,
    PersonalDataError,
    dumps,
    dumps_labelled,
    json_schema_text,
    write_csv,
    write_template,
    write_workbook,
)
from dangjian_model.report import render
from dangjian_model.validation import (
    GridPartyGroups,
    Report,
    Severity,
    ValidationConfig,
    validate,
    validate_alliance,
)

__all__ = ["EXIT_BUG", "EXIT_ERRORS", "EXIT_OK", "EXIT_USAGE", "build_parser", "main"]

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

_FORMATS = ("json", "yaml", "toml", "xlsx", "csv")
_MAX_IDS_SHOWN = 20


class UsageError(Exception):
    """The command line asks for something that cannot be done (exit 2); the message says what instead."""


def _version() -> str:
    from dangjian_model import __version__

    return __version__


# ---------------------------------------------------------------------------------------------- parsing


def _date(text: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} 不是日期 is not a date: write it as 2024-12-31") from None


def _codes(values: Sequence[str] | None) -> list[str] | None:
    if values is None:
        return None
    return [code.strip() for value in values for code in value.split(",") if code.strip()]


def build_parser() -> Parser:
    """The argument parser of ``dangjian``, with one sub-parser per command."""
    raw = argparse.RawDescriptionHelpFormatter
    parser = Parser(
        prog="dangjian",
        description="党建联盟配置文件工具 — validate, allocate, convert, draw and report party-building alliance files.",
        epilog=_help.MAIN,
        formatter_class=raw,
    )
    parser.add_argument("--version", action="version", version=f"dangjian {_version()}")
    commands = parser.add_subparsers(title="命令 commands", dest="command", metavar="COMMAND", required=True)

    check = commands.add_parser(
        "validate",
        help="校验配置文件 check configuration files",
        description=_help.VALIDATE,
        formatter_class=raw,
    )
    check.add_argument(
        "paths",
        nargs="+",
        metavar="PATH",
        help="配置文件 .json, .yaml/.yml, .toml (- for stdin); Excel 工作簿 .xlsx; CSV 文件夹或 .zip",
    )
    check.add_argument(
        "--encoding",
        choices=("auto", "utf-8", "gb18030", "gbk"),
        default="auto",
        help="CSV 文件编码 the encoding of CSV files (default: UTF-8, else GB18030)",
    )
    check.add_argument(
        "--format",
        choices=_output.FORMATS,
        default="text",
        help="输出格式 output format: text for people, concise (one line each), json, "
        "sarif (SARIF 2.1.0 for code scanning), github (workflow annotations)",
    )
    check.add_argument(
        "--fail-on",
        choices=[s.value for s in Severity],
        default="error",
        help="退出码 exit 1 when a finding is at or above this severity (default: error)",
    )
    check.add_argument(
        "--lang", choices=("zh", "en"), help="消息语言 messages in one language (default: both)"
    )
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
        choices=[policy.value for policy in GridPartyGroups],
        help="网格党小组要求 when a grid cell must have a party group (DJ441)",
    )
    check.add_argument(
        "--registry", metavar="FILE", help="联盟文件所在的登记册 the registry an alliance file is checked in"
    )
    check.add_argument(
        "--input-format", choices=_FORMATS, help="输入格式 read every PATH (or - for stdin) as this format"
    )
    check.set_defaults(run=_validate)

    share = commands.add_parser(
        "allocate",
        help="分配项目收益 share a project's income",
        description=_help.ALLOCATE,
        formatter_class=raw,
    )
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
    share.add_argument(
        "--lang", choices=("zh", "en"), help="表格和消息语言 table and message language (default: zh)"
    )
    share.add_argument("--format", choices=("text", "json"), default="text", help="输出格式 output format")
    share.add_argument("--input-format", choices=_FORMATS, help="输入格式 read PATH as this format")
    share.add_argument(
        "--explain-stability",
        action="store_true",
        help="说明分配是否在核心中 say whether the split is in the core, and which coalition objects",
    )
    share.set_defaults(run=_allocate)

    convert = commands.add_parser(
        "convert",
        help="转换格式 convert between JSON, YAML, TOML, Excel and CSV",
        description=_help.CONVERT,
        formatter_class=raw,
    )
    convert.add_argument("source", metavar="IN", help="输入文件 the file to read (- for stdin)")
    convert.add_argument("target", metavar="OUT", help="输出文件 the file to write (- for stdout)")
    convert.add_argument(
        "--to", choices=_FORMATS, help="输出格式 output format (default: by OUT's extension)"
    )
    convert.add_argument("--input-format", choices=_FORMATS, help="输入格式 read IN as this format")
    convert.add_argument("--force", action="store_true", help="覆盖已有文件 replace OUT if it exists")
    convert.add_argument(
        "--labels",
        choices=("en", "zh"),
        help="en: 英文编号、规范格式 English ids, canonical (default for JSON/YAML/TOML); "
        "zh: 中文名称、万元 Chinese labels and 万元 amounts (default for Excel and CSV)",
    )
    convert.add_argument(
        "--encoding",
        choices=("auto", "utf-8", "gb18030", "gbk"),
        default="auto",
        help="读取 CSV 的编码 the encoding of CSV files read (default: UTF-8, else GB18030)",
    )
    convert.add_argument(
        "--personal-data",
        choices=("refuse", "keep", "mask"),
        default="refuse",
        help="人员姓名、电话、身份证号：refuse 拒绝写出 (default), keep 原样写出, mask 脱敏写出 — "
        "how to write people's names, phones and ID numbers",
    )
    convert.set_defaults(run=_convert)

    template = commands.add_parser(
        "template",
        help="生成空白 Excel 工作簿 write an empty workbook to fill in",
        description=_help.TEMPLATE,
        formatter_class=raw,
    )
    template.add_argument(
        "target", metavar="FILE", help="输出文件 FILE.xlsx (or a folder or .zip of CSV files)"
    )
    template.add_argument("--force", action="store_true", help="覆盖已有文件 replace FILE if it exists")
    template.set_defaults(run=_template)

    schema = commands.add_parser(
        "schema",
        help="输出 JSON Schema print the JSON Schema",
        description=_help.SCHEMA,
        formatter_class=raw,
    )
    schema.add_argument(
        "-o",
        "--output",
        default="-",
        metavar="FILE",
        help="输出文件 the file to write (default: - for stdout)",
    )
    schema.add_argument("--force", action="store_true", help="覆盖已有文件 replace FILE if it exists")
    schema.set_defaults(run=_schema)

    page = commands.add_parser(
        "report",
        help="生成报告 write a report people read and sign (one HTML page)",
        description=_help.REPORT,
        formatter_class=raw,
    )
    page.add_argument(
        "path", metavar="PATH", help="登记册文件，或与 --registry 一起的单个联盟文件 a registry file"
    )
    page.add_argument(
        "-o",
        "--output",
        default="-",
        metavar="FILE",
        help="输出文件 the HTML file to write (default: stdout)",
    )
    page.add_argument("--force", action="store_true", help="覆盖已有文件 replace FILE if it exists")
    page.add_argument("--lang", choices=("zh", "en"), help="报告语言 report language (default: zh)")
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
    page.add_argument("--input-format", choices=_FORMATS, help="输入格式 read PATH as this format")
    page.set_defaults(run=_report)

    draw = commands.add_parser(
        "diagram",
        help="画联盟结构图 draw an alliance",
        description=_help.DIAGRAM,
        formatter_class=raw,
    )
    draw.add_argument("path", metavar="PATH", help="登记册文件 a registry file")
    draw.add_argument("--alliance", metavar="ID", help="联盟编号 the alliance (default: the only one)")
    draw.add_argument(
        "--format", choices=("mermaid", "dot"), default="mermaid", help="图的格式 picture format"
    )
    draw.add_argument("--input-format", choices=_FORMATS, help="输入格式 read PATH as this format")
    draw.add_argument("--meetings", action="store_true", help="画出会议及出席者 show who met at its meetings")
    draw.add_argument(
        "-o",
        "--output",
        default="-",
        metavar="FILE",
        help="输出文件 the file to write (default: - for stdout)",
    )
    draw.add_argument("--force", action="store_true", help="覆盖已有文件 replace FILE if it exists")
    draw.set_defaults(run=_diagram)
    for command in (convert, schema, draw):
        command.add_argument(
            "--lang", choices=("zh", "en"), help="消息语言 messages in one language (default: both)"
        )
    for command in commands.choices.values():  # the command's own options first, then these
        add_terminal_options(command)
    return parser


# ------------------------------------------------------------------------------------------- the context


@attrs.frozen
class Context:
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
    def lang(self) -> _output.Language:
        """The language asked for with ``--lang``, or None for both."""
        lang: _output.Language = getattr(self.args, "lang", None)
        return lang

    @property
    def limits(self) -> Limits:
        """The limits of reading, with ``--max-bytes``."""
        return Limits(max_bytes=self.args.max_bytes)

    def source(self, path: str) -> Source:
        """Read a document, with a progress line (its size) if that is slow."""
        size = _size(path)
        with self.progress(f"正在读取 reading {path}{size} …"):
            return read_source(
                path,
                self.args.input_format,
                self.limits,
                lang=self.lang,
                encoding=getattr(self.args, "encoding", "auto"),
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


def _size(path: str) -> str:
    """`` (12.3 MB)``: the size of a file, for the progress line; empty for stdin or what cannot be read."""
    try:
        size = os.stat(path).st_size if path != "-" else 0
    except OSError:
        return ""
    return f" ({size / 1e6:,.1f} MB)" if size >= 100_000 else ""


def _ids(ids: Sequence[str]) -> str:
    shown = ", ".join(ids[:_MAX_IDS_SHOWN])
    more = f" … (+{len(ids) - _MAX_IDS_SHOWN})" if len(ids) > _MAX_IDS_SHOWN else ""
    return (shown + more) or "（无 none）"


def _money(amount: Money) -> dict[str, Any]:
    return {"text": str(amount), "fen": amount.fen}


def _print_problems(
    error: ConfigError, stream: TextIO, paint: Painter, lang: _output.Language = None
) -> None:
    _output.text(FileResult(error.source, problems=error), stream, paint, lang)


# ------------------------------------------------------------------------------------------------ validate


def _config(args: argparse.Namespace) -> ValidationConfig:
    severities: dict[str, str] = {}
    for item in args.severity:
        code, sep, level = item.partition("=")
        if not sep or not code.strip():
            raise UsageError(f"--severity {item!r}: 应写成 write it as CODE=LEVEL, e.g. DJ407=warning")
        severities[code.strip()] = level.strip()
    try:
        return ValidationConfig(
            select=_codes(args.select),
            ignore=_codes(args.ignore) or (),
            severities=severities,
            grid_party_groups=args.grid_party_groups or GridPartyGroups.WHERE_ANY,
            as_of=args.as_of,
        )
    except DangjianError as error:
        raise UsageError(f"规则选项有误 bad rule option: {error}") from None


def _with_alliance(registry: Registry, alliance: Alliance) -> Registry:
    """``registry`` with ``alliance`` in place of the alliance of that id (or added)."""
    others = tuple(a for a in registry.alliances if a.id != alliance.id)
    return attrs.evolve(registry, alliances=(*others, alliance))


def _located(report: Report, *sources: tuple[Source, Callable[[str], bool]]) -> Report:
    """The report with each finding's file, line and column: found only when there are findings."""
    if not report.findings:
        return report
    places: dict[str, Any] = {}
    for source, holds in sources:
        paths = [f.path for f in report.findings if holds(f.path) and f.path not in places]
        if paths:
            places.update(source.locate(paths))
    return Report(tuple(attrs.evolve(f, location=places.get(f.path)) for f in report.findings))


def _everything(path: str) -> bool:
    return True


def _tidied(source: Source) -> tuple[_output.Diagnostic, ...]:
    """The text of a workbook or CSV folder tidied on reading, each placed at its cell."""
    return tuple(_output.tidied(each, source.name) for each in source.tidied)


def _check(
    ctx: Context, path: str, config: ValidationConfig, context: tuple[Registry, Source] | None
) -> FileResult:
    try:
        with ctx.progress(f"正在校验 validating {path}{_size(path)} …") as progress:
            source = read_source(
                path, ctx.args.input_format, ctx.limits, lang=ctx.lang, encoding=ctx.args.encoding
            )
            document = source.document
            name = source.name
            if isinstance(document, Registry):
                loaded = f"正在校验 validating {path}: {_entities(document)}"
                progress.update(loaded)

                def counted(done: int, total: int) -> None:
                    progress.update(f"{loaded}; 规则 rules {done}/{total}")

                report = _located(validate(document, config, on_check=counted), (source, _everything))
                return FileResult(name, "registry", report, tidied=_tidied(source))
            if context is None:
                note = (
                    "单个联盟文件：只检查了结构，用 --registry 指定登记册以检查其余规则 "
                    "one alliance: only its structure was checked; give --registry FILE to check the rules"
                )
                return FileResult(name, "alliance", Report(()), note=note)
            registry = _with_alliance(context[0], document)
            own = f"alliances[{document.id}]"
            report = validate_alliance(registry, document.id, config)
            in_alliance = (source, lambda p: p.startswith(own))
            elsewhere = (context[1], lambda p: not p.startswith(own))
            return FileResult(name, "alliance", _located(report, in_alliance, elsewhere))
    except Unreadable as error:
        return FileResult(error.path, unreadable=redact(error.reason))
    except ConfigError as error:
        return FileResult(error.source, problems=error)


def _entities(registry: Registry) -> str:
    """``1,000,000 个实体 entities loaded``: what the progress line counts once a file is read."""
    count = sum(1 for _ in registry.entities())
    return f"已读取 {count:,} 个实体 {count:,} entities loaded"


def _totals(results: Sequence[FileResult]) -> dict[str, int]:
    totals = {"files": len(results), **dict.fromkeys((s.value for s in Severity), 0)}
    for result in results:
        for severity, n in result.counts.items():
            totals[severity] += n
    totals["malformed"] = sum(r.status == "malformed" for r in results)
    totals["unreadable"] = sum(r.status == "unreadable" for r in results)
    return totals


def _exit_code(results: Sequence[FileResult], fail_on: Severity = Severity.ERROR) -> int:
    if any(r.status == "unreadable" for r in results):
        return EXIT_USAGE
    if any(r.status == "malformed" for r in results) or _output.at_or_above(results, fail_on):
        return EXIT_ERRORS
    return EXIT_OK


def _validate(ctx: Context) -> int:
    args = ctx.args
    config = _config(args)
    context = None
    if args.registry:
        registry_source = ctx.source(args.registry)
        if isinstance(registry_source.document, Alliance):
            raise UsageError(
                f"{args.registry}: 这是单个联盟文件，--registry 需要登记册文件 "
                "holds one alliance; --registry needs a registry file"
            )
        context = (registry_source.document, registry_source)
    streaming = args.format in ("text", "concise", "github")
    results = []
    for n, path in enumerate(args.paths):
        result = _check(ctx, path, config, context)
        results.append(result)
        if args.format == "text":
            if n:
                ctx.out.write("\n")
            _output.text(result, ctx.out, ctx.paint, ctx.lang)
        elif args.format == "concise":
            _output.concise(result, ctx.out, ctx.lang)
        elif args.format == "github":
            _output.github(result, ctx.out, ctx.lang)
        if streaming:
            ctx.out.flush()
    code = _exit_code(results, Severity(args.fail_on))
    totals = _totals(results)
    if args.format == "json":
        document = {
            "version": 1,
            "files": [r.to_dict() for r in results],
            "totals": totals,
            "exit_code": code,
        }
        ctx.out.write(json.dumps(document, ensure_ascii=False, indent=2) + "\n")
    elif args.format == "sarif":
        log = _output.sarif(results, _version(), ctx.lang)
        ctx.out.write(json.dumps(log, ensure_ascii=False, indent=2) + "\n")
    elif args.format == "text" and len(results) > 1:
        counts = ", ".join(
            f"{totals[s.value]} {_output.bilingual(s.label, s.value, ctx.lang)}" for s in Severity
        )
        line = _output.bilingual(f"共 {totals['files']} 个文件", f"{totals['files']} files", ctx.lang)
        line += f": {counts}"
        if totals["unreadable"]:
            n = totals["unreadable"]
            line += "; " + {"zh": f"{n} 个无法读取", "en": f"{n} unreadable"}.get(
                ctx.lang or "", f"{n} 个无法读取 unreadable"
            )
        ctx.out.write("\n" + _paint_total(ctx.paint, line, code) + "\n")
    return code


def _paint_total(paint: Painter, line: str, code: int) -> str:
    """The totals line, red when something is wrong."""
    return paint(line, "ok" if code == EXIT_OK else "error")


# ------------------------------------------------------------------------------------------------ allocate

_WORDS = {
    "zh": {
        "project": "项目",
        "rule": "规则",
        "year": "协议年度",
        "income": "分配金额",
        "check": "核对",
        "allocated": "已分配",
        "retained": "留存",
        "guaranteed": "担保方另付",
        "stability": "稳定性（核心）",
        "in_core": "在核心中：没有哪组成员单干能得到更多",
        "not_in_core": "不在核心中",
        "objecting": "最不满的成员组",
        "alone": "单干可得",
        "gets": "现分得",
        "excess": "差额",
        "undistributed": "未分配",
        "nucleolus": "核仁分配（有核心时必在核心中）",
        "sources": "单干收入取自登记册中这些成员单独的项目；没有记录的成员组按其各部分之和",
    },
    "en": {
        "project": "project",
        "rule": "rule",
        "year": "agreement year",
        "income": "income shared",
        "check": "check",
        "allocated": "allocated",
        "retained": "retained",
        "guaranteed": "paid by guarantors on top",
        "stability": "stability (the core)",
        "in_core": "in the core: no group of members would earn more on its own",
        "not_in_core": "not in the core",
        "objecting": "most objecting group",
        "alone": "alone could earn",
        "gets": "gets",
        "excess": "excess",
        "undistributed": "undistributed",
        "nucleolus": "nucleolus (in the core whenever the core is non-empty)",
        "sources": "stand-alone incomes are those of the members' own projects in the registry; "
        "a group without a record earns what its parts do",
    },
}


def _allocation_dict(allocation: Allocation) -> dict[str, Any]:
    return allocation.to_dict()


def _names(registry: Registry) -> dict[str, str]:
    """The names shown beside ids in tables: units' and party organisations' (never people's)."""
    names = {unit.id: unit.name for unit in registry.units}
    names.update((organisation.id, organisation.name) for organisation in registry.party_organisations)
    return names


def _allocate(ctx: Context) -> int:
    args = ctx.args
    income: Money | None = None
    if args.income is not None:
        try:
            income = Money.parse(args.income, "--income")
        except DangjianError as error:
            raise UsageError(str(error)) from None
        if income.fen < 0:
            raise UsageError(
                f"--income {args.income}: 分配的收入不能为负 the income to share cannot be negative; "
                "give an amount of zero or more, e.g. --income 5万元"
            )
    registry = ctx.read_registry(args.path, "allocate")
    try:
        project = registry.project(args.project)
    except UnknownId:
        ids = [p.id for p in registry.projects]
        raise UsageError(
            f"{args.path}: 没有项目 no project {args.project!r}; 项目 projects: {_ids(ids)}"
        ) from None
    if args.year is not None and args.year < 1:
        raise UsageError(f"--year {args.year}: 应为 1 或更大 must be 1 or more (1 = the first year)")
    if args.year is not None and income is None and project.started_on is None:
        raise UsageError(
            f"--year {args.year}: 项目 {project.id!r} 没有开始日期 (started_on)，无法确定协议年度 "
            "the project has no start date, so its years are unknown; give --on DATE or --income"
        )
    rule = type(project_rule(project)).RULE
    header = {"id": project.id, "name": project.name, "alliance_id": project.alliance_id}
    lang: Literal["zh", "en"] = args.lang or "zh"
    words = _WORDS[lang]
    rule_name = rule.label if lang == "zh" else rule.value
    title = ctx.paint(f"{words['project']}: {project.name} ({project.id})", "bold") + "\n"
    one_year = income is not None or args.on is not None or args.year is not None
    if not one_year and not args.explain_stability:
        with ctx.progress(f"正在分配 allocating {project.id} …"):
            by_year = allocate_project_by_year(registry, project.id)
        if args.format == "json":
            document = {"version": 1, "project": header, "rule": rule.value, **_by_year_dict(by_year)}
            ctx.out.write(json.dumps(document, ensure_ascii=False, indent=2) + "\n")
            return EXIT_OK
        if len(by_year) > 1:
            ctx.out.write(title)
            ctx.out.write(f"{words['rule']}: {rule_name}\n\n")
            ctx.out.write(by_year.table(lang, _names(registry)) + "\n\n")
            ctx.out.write(_check_line(words, by_year.allocated, by_year.retained, by_year.guaranteed_total))
            return EXIT_OK
    stability: Stability | None = None
    with ctx.progress(f"正在分配 allocating {project.id} …"):
        if args.explain_stability:
            stability = explain_stability(registry, project.id, income, on=args.on, year=args.year)
            allocation = stability.allocation
        else:
            allocation = allocate_project(registry, project.id, income, on=args.on, year=args.year)
    year = distribution_year(project, on=args.on, year=args.year)
    if args.format == "json":
        document = {"version": 1, "project": header, "rule": rule.value, "year": year}
        document.update(_allocation_dict(allocation))
        if stability is not None:
            document["stability"] = _stability_dict(stability)
        ctx.out.write(json.dumps(document, ensure_ascii=False, indent=2) + "\n")
        return EXIT_OK
    ctx.out.write(title)
    ctx.out.write(f"{words['rule']}: {rule_name}    {words['year']}: {year}\n")
    ctx.out.write(f"{words['income']}: {allocation.total.format()}\n\n")
    ctx.out.write(allocation.table(lang, _names(registry)) + "\n\n")
    ctx.out.write(
        _check_line(
            words, allocation.total - allocation.retained, allocation.retained, allocation.guaranteed_total
        )
    )
    if stability is not None:
        ctx.out.write("\n" + "\n".join(_stability_lines(stability, words)) + "\n")
    return EXIT_OK


def _check_line(words: dict[str, str], allocated: Money, retained: Money, guaranteed: Money) -> str:
    """``核对: 已分配 … + 留存 … = …``, with what guarantors paid on top when they did."""
    check = (
        f"{words['check']}: {words['allocated']} {allocated.format()} + {words['retained']} "
        f"{retained.format()} = {(allocated + retained).format()}"
    )
    if guaranteed:
        check += f"; {words['guaranteed']} {guaranteed.format()}"
    return check + "\n"


def _by_year_dict(by_year: AllocationByYear) -> dict[str, Any]:
    return {
        "years": [
            {"year": y.year, "calendar_year": y.calendar_year, **_allocation_dict(y.allocation)}
            for y in by_year
        ],
        "total": _money(by_year.total),
        "allocated": _money(by_year.allocated),
        "retained": _money(by_year.retained),
        "guaranteed": _money(by_year.guaranteed_total),
        "amounts": {member: _money(amount) for member, amount in by_year.amounts().items()},
        "received": {member: _money(by_year.received(member)) for member in by_year.member_ids},
    }


def _stability_dict(stability: Stability) -> dict[str, Any]:
    check = stability.check
    return {
        "in_core": check.in_core,
        "undistributed": _money(Money(int(check.shortfall))),
        "most_objecting": list(check.most_objecting or ()),
        "alone": _money(Money(int(check.worth))),
        "gets": _money(Money(int(check.share))),
        "excess": _money(Money(int(check.excess))),
        "nucleolus": None
        if stability.nucleolus is None
        else {member: _money(amount) for member, amount in stability.nucleolus.items()},
    }


def _stability_lines(stability: Stability, words: dict[str, str]) -> list[str]:
    """The core check in words; the game's worths are whole 分 (Money), so are the excesses."""
    check = stability.check
    verdict = words["in_core"] if check.in_core else words["not_in_core"]
    lines = [f"{words['stability']}: {verdict}"]
    if check.shortfall:
        lines.append(f"  {words['undistributed']}: {Money(int(check.shortfall)).format()}")
    if check.most_objecting is not None:
        lines.append(
            f"  {words['objecting']}: {', '.join(check.most_objecting)} — {words['alone']} "
            f"{Money(int(check.worth)).format()}, {words['gets']} {Money(int(check.share)).format()}, "
            f"{words['excess']} {Money(int(check.excess)).format()}"
        )
    if stability.nucleolus is not None:
        parts = ", ".join(f"{member} {amount.format()}" for member, amount in stability.nucleolus.items())
        lines.append(f"  {words['nucleolus']}: {parts}")
    lines.append(f"  ({words['sources']})")
    return lines


# ------------------------------------------------------------------------------------ convert, schema, draw


_PERSONAL_DATA: dict[str, PersonalData] = {"refuse": False, "keep": True, "mask": "mask"}


def _refuse_people(error: PersonalDataError) -> InvalidValue:
    return InvalidValue(
        "convert",
        f"{error.people} people",
        "--personal-data keep to write their names, phones and ID numbers as they are, "
        "or --personal-data mask to write them masked (龚**, 138****5678)",
    )


def _free(path: str, force: bool) -> None:
    """Refuse to replace an existing file or folder unless ``force``."""
    if os.path.exists(path) and not force:
        raise Unreadable(path, "文件已存在 already exists: give --force to replace it")


def _write_sheets(
    registry: Registry, path: str, format: str, personal_data: PersonalData, labels: bool
) -> None:
    try:
        if format == "xlsx":
            write_workbook(registry, path, personal_data=personal_data, labels=labels)
        else:
            write_csv(registry, path, personal_data=personal_data, labels=labels)
    except MissingExtra as error:
        raise Unreadable(path, str(error)) from None
    except OSError as error:
        raise Unreadable(
            path, f"无法写入 cannot be written ({error.strerror or type(error).__name__})"
        ) from None


def _convert(ctx: Context) -> int:
    args = ctx.args
    if is_stdout(args.target) and args.to is None:
        raise UsageError("写到标准输出时需要 --to json、yaml 或 toml writing standard output needs --to")
    target_format = format_for(args.target, args.to, ctx.lang)
    sheets = target_format in ("xlsx", "csv")
    if sheets and is_stdout(args.target):
        raise UsageError(
            "工作簿和 CSV 不能写到标准输出，请给出文件名 "
            "a workbook or CSV files cannot be written to standard output: name a file"
        )
    document = ctx.read(args.source)
    personal_data = _PERSONAL_DATA[args.personal_data]
    labels = args.labels or ("zh" if sheets else "en")
    with ctx.progress(f"正在写入 writing {args.target} …"):
        try:
            if sheets:
                if not isinstance(document, Registry):
                    raise UsageError(
                        f"{args.source}: 工作簿和 CSV 只能保存登记册 workbooks and CSV hold registries, "
                        "not one alliance: convert the registry that holds it"
                    )
                _free(args.target, args.force)
                _write_sheets(document, args.target, target_format, personal_data, labels == "zh")
            elif labels == "zh":
                text = dumps_labelled(document, target_format, personal_data=personal_data)
            else:
                text = dumps(document, target_format, personal_data=personal_data)  # type: ignore[arg-type]
        except PersonalDataError as error:
            raise _refuse_people(error) from None
    if not sheets:
        if is_stdout(args.target):
            ctx.out.write(text)
            return EXIT_OK
        write_text(args.target, text, force=args.force)
    kind = "登记册 registry" if isinstance(document, Registry) else "联盟 alliance"
    ctx.err.write(f"已写入 wrote {args.target} ({kind}, {target_format})\n")
    return EXIT_OK


def _template(ctx: Context) -> int:
    target = ctx.args.target
    _free(target, ctx.args.force)
    chosen = format_for(target, lang=ctx.lang)
    if chosen == "xlsx":
        try:
            write_template(target)
        except MissingExtra as error:
            raise Unreadable(target, str(error)) from None
    elif chosen == "csv":
        _write_sheets(Registry(), target, "csv", False, True)
    else:
        known = ", ".join(SHEET_FORMATS)
        raise UsageError(
            f"{target}: 模板应为 a template is a workbook or CSV files: name it {known} or a folder/"
        )
    ctx.err.write(f"已写入 wrote {target} (空白模板 empty template, {chosen})\n")
    return EXIT_OK


def _schema(ctx: Context) -> int:
    text = json_schema_text()
    _emit(ctx, text if text.endswith("\n") else text + "\n")
    return EXIT_OK


def _emit(ctx: Context, text: str) -> None:
    """Write ``text`` to ``--output`` (``-``: standard output), saying so on stderr when it is a file."""
    if is_stdout(ctx.args.output):
        ctx.out.write(text)
        return
    write_text(ctx.args.output, text, force=ctx.args.force)
    ctx.err.write(f"已写入 wrote {ctx.args.output}\n")


def _report(ctx: Context) -> int:
    args = ctx.args
    source = ctx.source(args.path)
    document = source.document
    locate: Callable[[list[str]], dict[str, Location]] | None = source.locate
    if isinstance(document, Alliance):
        locate = None  # the findings of an alliance file in a registry: the registry's lines
        if args.registry is None:
            raise UsageError(
                f"{args.path}: 这是单个联盟文件，用 --registry 指定它所在的登记册 "
                "holds one alliance; give --registry FILE, the registry it belongs to"
            )
        document = _with_alliance(ctx.read_registry(args.registry, "--registry"), document)
    with ctx.progress(f"正在生成报告 writing the report of {args.path} …"):
        html = render(
            document,
            lang=args.lang or "zh",
            personal_data=args.personal_data,
            source=args.path,
            as_of=args.as_of,
            locate=locate,
        )
    _emit(ctx, html)
    return EXIT_OK


def _diagram(ctx: Context) -> int:
    args = ctx.args
    registry = ctx.read_registry(args.path, "diagram")
    ids = [a.id for a in registry.alliances]
    if args.alliance is None:
        if len(ids) != 1:
            found = "没有联盟 no alliance" if not ids else f"有多个联盟 several alliances: {_ids(ids)}"
            raise UsageError(f"{args.path}: {found}; 用 --alliance ID 选择 choose one with --alliance ID")
        alliance_id = ids[0]
    elif args.alliance not in ids:
        raise UsageError(f"{args.path}: 没有联盟 no alliance {args.alliance!r}; 联盟 alliances: {_ids(ids)}")
    else:
        alliance_id = args.alliance
    draw: Callable[..., str] = to_dot if args.format == "dot" else to_mermaid
    try:
        text = draw(registry, alliance_id, meetings=args.meetings)
    except (UnknownId, HierarchyCycleError) as error:  # a broken registry: validation says what else is wrong
        raise DangjianError(
            f"{error}; 先运行 run `dangjian validate {args.path}` to see every problem"
        ) from None
    _emit(ctx, text + "\n")
    return EXIT_OK


# ------------------------------------------------------------------------------------------------- main


def _tolerant(stream: TextIO) -> None:
    # A console that cannot show Chinese gets escapes rather than a crash.
    if isinstance(stream, io.TextIOWrapper):
        with contextlib.suppress(ValueError, io.UnsupportedOperation):
            stream.reconfigure(errors="backslashreplace")


def _silence(stream: TextIO) -> None:
    # Python flushes stdout at exit; point it at devnull so that flush cannot fail again.
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, stream.fileno())
    except (OSError, ValueError, io.UnsupportedOperation):
        pass


def _bug(err: TextIO, error: BaseException) -> int:
    err.write(
        f"dangjian: 内部错误 internal error ({type(error).__name__}). 这是 dangjian_model {_version()} 的缺陷，"
        "请附上所用命令报告 — this is a bug in dangjian_model; please report it with the command you ran.\n"
    )
    return EXIT_BUG


def _subparsers(parser: argparse.ArgumentParser) -> list[Parser]:
    return [
        sub
        for action in parser._actions
        if isinstance(action, argparse._SubParsersAction)
        for sub in action.choices.values()
    ]


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
    parser = build_parser()
    parser.lang = lang
    for each in _subparsers(parser):
        each.lang = lang
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit:  # --help, --version and usage errors
        return exit.code if isinstance(exit.code, int) else EXIT_OK if exit.code is None else EXIT_USAGE
    progress_on = args.progress if args.progress is not None else bool(err.isatty())
    ctx = Context(args, out, err, Painter(wants_colour(args.color, out)), progress_on)
    prefix = f"dangjian {args.command}"
    label = _output.bilingual("错误", "error", lang)
    try:
        code: int = args.run(ctx)
    except UsageError as error:  # it may echo an id from the command line or the file
        err.write(redact(f"{prefix}: {label}: {error}") + "\n")
        return EXIT_USAGE
    except Unreadable as error:
        err.write(redact(f"{prefix}: {error}") + "\n")
        return EXIT_USAGE
    except ConfigError as error:
        _print_problems(error, err, Painter(wants_colour(args.color, err)), lang)
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
    return code

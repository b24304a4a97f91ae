"""``dangjian validate``: read each file, run the rules, and write the findings (text, JSON, SARIF, …)."""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable, Sequence
from typing import Any

import attrs

from dangjian_model._errors import DangjianError
from dangjian_model._messages import bilingual
from dangjian_model._model import Alliance
from dangjian_model._privacy import redact
from dangjian_model._registry import Registry
from dangjian_model.cli import _output
from dangjian_model.cli._app import Context, UsageError, reading, size_of, with_alliance
from dangjian_model.cli._exits import EXIT_ERRORS, EXIT_OK, EXIT_USAGE
from dangjian_model.cli._io import Source, Unreadable, read_source
from dangjian_model.cli._output import FileResult
from dangjian_model.cli._parser import version
from dangjian_model.cli._term import Painter
from dangjian_model.files._errors import ConfigError
from dangjian_model.validation._config import GridPartyGroups, ValidationConfig
from dangjian_model.validation._engine import validate, validate_alliance
from dangjian_model.validation._findings import Report, Severity

__all__ = ["run"]


def _codes(values: Sequence[str] | None) -> list[str] | None:
    if values is None:
        return None
    return [code.strip() for value in values for code in value.split(",") if code.strip()]


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
        with ctx.progress(f"正在校验 validating {path}{size_of(path)} …") as progress:
            source = read_source(
                path,
                ctx.args.input_format,
                ctx.limits,
                lang=ctx.lang,
                encoding=ctx.args.encoding,
                on_read=reading(progress, f"正在校验 validating {path}"),
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
            registry = with_alliance(context[0], document)
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


def run(ctx: Context) -> int:
    """``dangjian validate``: check each file and report every finding in the format asked for."""
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
        log = _output.sarif(results, version(), ctx.lang)
        ctx.out.write(json.dumps(log, ensure_ascii=False, indent=2) + "\n")
    elif args.format == "text" and len(results) > 1:
        counts = ", ".join(f"{totals[s.value]} {bilingual(s.label, s.value, ctx.lang)}" for s in Severity)
        line = bilingual(f"共 {totals['files']} 个文件", f"{totals['files']} files", ctx.lang)
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

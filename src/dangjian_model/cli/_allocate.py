"""``dangjian allocate``: share a project's income by its rule, with the check line and the core."""

from __future__ import annotations

import json
from typing import Any, Literal

from dangjian_model._errors import DangjianError, UnknownId
from dangjian_model._money import Money
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
from dangjian_model.cli._app import Context, UsageError, ids_text
from dangjian_model.cli._exits import EXIT_OK

__all__ = ["run"]


def _money(amount: Money) -> dict[str, Any]:
    return {"text": str(amount), "fen": amount.fen}


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


def run(ctx: Context) -> int:
    """``dangjian allocate``: share a project's income, year by year or for one distribution."""
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
            f"{args.path}: 没有项目 no project {args.project!r}; 项目 projects: {ids_text(ids)}"
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

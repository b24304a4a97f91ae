"""Projects and money (DJ5xx): shares, contributions, the allocation basis and rule, dates."""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator
from fractions import Fraction
from typing import Any

import attrs

from dangjian_model._enums import ContributionKind, QuantityUnit
from dangjian_model._errors import DangjianError
from dangjian_model._model import Alliance, Project
from dangjian_model._money import Money
from dangjian_model.validation._checks._common import Scope
from dangjian_model.validation._config import ValidationConfig
from dangjian_model.validation._context import Context, RawFinding

__all__ = ["check_projects"]


def check_projects(ctx: Context, scope: Scope, config: ValidationConfig) -> Iterator[RawFinding]:
    """DJ501–508: shares, contributions, allocation basis and rule, and dates of each project."""
    for project in scope.projects:
        yield from _project(ctx, project)


def _rule_ids(rule: Any, at: str) -> Iterator[tuple[str, str, str]]:
    """(path, field name, id) of every member or guarantor an allocation rule names, nested rules included."""
    for a in attrs.fields(type(rule)):
        value = getattr(rule, a.name)
        here = f"{at}.{a.name}"
        if value is None:
            continue
        if a.name.endswith("_id") or (a.name.endswith("_ids") or a.name == "players"):
            for i, id in enumerate((value,) if isinstance(value, str) else value):
                yield (here if isinstance(value, str) else f"{here}[{i}]", a.name, id)
        elif isinstance(value, tuple):
            for i, item in enumerate(value):
                if attrs.has(type(item)):
                    yield from _rule_ids(item, f"{here}[{i}]")
        elif attrs.has(type(value)) and not isinstance(value, Money):
            yield from _rule_ids(value, here)


_TRIAL = Money(100_000_00)


def _allocation_rule(
    ctx: Context, project: Project, raw: Callable[[str, str, str, str, str], RawFinding]
) -> Iterator[RawFinding]:
    """DJ508: the rule names only members who share, an existing guarantor, and applies to a trial amount."""
    # the allocation engine, imported only for a project that has a rule (validating a file without one
    # does not pay for it)
    from dangjian_model.allocation import allocate_project, project_members

    sharers = {m.id for m in project_members(ctx.registry, project)}
    for path, name, id in _rule_ids(project.allocation_rule, "allocation_rule"):
        if name == "guarantor_id":
            if id not in ctx.registry:
                yield raw(
                    "DJ508",
                    path,
                    f"担保方 {id!r} 不在登记中",
                    f"the guarantor {id!r} is not in the registry",
                    "登记担保方单位 / register the guarantor unit",
                )
        elif id not in sharers:
            yield raw(
                "DJ508",
                path,
                f"规则点名的 {id!r} 不参与本项目分配",
                f"the rule names {id!r}, who does not share in this project",
                "只点名项目的出资方、股东或联盟成员 / name only the project's contributors, shareholders or members",
            )
    try:
        allocate_project(ctx.registry, project.id, _TRIAL, year=1)
    except DangjianError as error:
        yield raw(
            "DJ508",
            "allocation_rule",
            f"分配规则无法用于本项目：{error}",
            f"the allocation rule cannot be applied to this project: {error}",
            "补全分配依据（投入、股份或人口等），或改用合适的规则 / give the basis the rule splits by, or choose another rule",
        )


def _add_up_to_one(fractions: list[Fraction]) -> bool:
    """True if the fractions add up to exactly 1, in integers: over their least common denominator.

    The same answer as adding them as Fractions and comparing with 1, without a Fraction (and a gcd)
    for each partial sum: the sum of ``n * (lcm // d)`` equals ``lcm`` exactly when the fractions add up to 1.
    """
    common = math.lcm(*(f.denominator for f in fractions))
    return sum(f.numerator * (common // f.denominator) for f in fractions) == common


#: The units a land or land-quota contribution may be measured in (DJ503).
_QUANTITY_UNITS = {
    ContributionKind.CONSTRUCTION_LAND_QUOTA: (QuantityUnit.MU,),
    ContributionKind.LAND: (QuantityUnit.MU, QuantityUnit.SQUARE_METRE),
}


def _project(ctx: Context, project: Project) -> Iterator[RawFinding]:
    path = f"projects[{project.id}]"
    aid = project.alliance_id

    def raw(code: str, field: str, zh: str, en: str, hint: str) -> RawFinding:
        return RawFinding(code, f"{path}.{field}" if field else path, zh, en, hint, aid)

    if project.shares and not _add_up_to_one([s.fraction for s in project.shares]):
        total = sum((s.fraction for s in project.shares), start=0 * project.shares[0].fraction)
        if total != 1:
            yield raw(
                "DJ501",
                "shares",
                f"股份合计 {total}，应恰好为 1",
                f"the shares add up to {total}; they must add up to exactly 1",
                "调整股份使合计为100% / adjust the shares to total 100%",
            )
    holders: set[str] = set()
    # DJ505 reports a holder listed twice: none when the holders are all different, as one set shows
    repeated = len({share.holder_id for share in project.shares}) < len(project.shares)
    for i, share in enumerate(project.shares if repeated else ()):
        if share.holder_id in holders:
            yield raw(
                "DJ505",
                f"shares[{i}].holder_id",
                f"{share.holder_id!r} 重复持股",
                f"{share.holder_id!r} holds more than one share entry",
                "每个持有人合并为一条股份 / give each holder one share entry",
            )
        holders.add(share.holder_id)
    started = project.started_on
    for i, c in enumerate(project.contributions):
        kind = c.kind
        if c.amount is None and kind.is_monetary:
            yield raw(
                "DJ502",
                f"contributions[{i}].amount",
                f"{c.kind.label}是资金投入，但没有金额",
                f"a {c.kind.value} contribution is money, but has no amount",
                "填写金额，如“60万元” / give the amount, e.g. '60万元'",
            )
        if kind is ContributionKind.CONSTRUCTION_LAND_QUOTA or kind is ContributionKind.LAND:
            units_ok = _QUANTITY_UNITS[kind]
            if c.quantity is None or c.quantity_unit not in units_ok:
                yield raw(
                    "DJ503",
                    f"contributions[{i}].quantity",
                    f"{c.kind.label}应有数量，单位为{'或'.join(u.label for u in units_ok)}",
                    f"a {c.kind.value} contribution has a quantity in {' or '.join(u.value for u in units_ok)}",
                    "填写 quantity 和 quantity_unit，如 12.5 亩 / give quantity and quantity_unit, e.g. 12.5 亩",
                )
        if started and c.on and c.on < started:
            yield raw(
                "DJ507",
                f"contributions[{i}].on",
                f"投入日期 {c.on} 早于项目开始 {project.started_on}",
                f"contributed on {c.on}, before the project started on {project.started_on}",
                "核对日期 / check the dates",
            )
    for i, record in enumerate(project.income):
        if started and record.on < started:
            yield raw(
                "DJ507",
                f"income[{i}].on",
                f"收入日期 {record.on} 早于项目开始 {project.started_on}",
                f"income recorded on {record.on}, before the project started on {project.started_on}",
                "核对日期 / check the dates",
            )
    if project.allocation_rule is not None:
        yield from _allocation_rule(ctx, project, raw)
    if project.income and not project.shares and not project.contributions:
        yield raw(
            "DJ506",
            "income",
            "项目有收入，但没有股份也没有投入，无法确定分配依据",
            "the project has income but neither shares nor contributions to allocate it by",
            "登记各成员的股份或投入 / record the members' shares or contributions",
        )
    alliance = ctx.registry.find(aid) if aid else None
    if isinstance(alliance, Alliance):
        ever = {m.participant_id for m in alliance.memberships}
        for field, parties in (  # the path is written only for a party that is reported
            ("contributions[{}].contributor_id", [c.contributor_id for c in project.contributions]),
            ("shares[{}].holder_id", [s.holder_id for s in project.shares]),
        ):
            for i, party in enumerate(parties):
                if party not in ever and party != project.company_id and party in ctx.registry:
                    yield raw(
                        "DJ504",
                        field.format(i),
                        f"{party!r} 不是联盟 {alliance.id!r} 的成员",
                        f"{party!r} is not a member of the alliance {alliance.id!r}",
                        "先接纳其入盟，或核对编号 / admit it to the alliance first, or check the id",
                    )

"""Reported figures, open vocabularies, grid templates, conditions on membership and claims (DJ8xx).

DJ801 a figure's unit fits its metric; DJ802 a figure does not contradict what the registry lists;
DJ803 a term outside a vocabulary is kept and reported; DJ804 listed grid cells match their template;
DJ805–806 who an exit condition sends out, and when; DJ807 a claim (认领) on a listed project is consistent.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator

from dangjian_model._conditions import exits_due
from dangjian_model._enums import FigureMetric, QuantityUnit, Truth
from dangjian_model._labels import CustomTerm
from dangjian_model._model import Alliance, Figure, PartyOrganisation
from dangjian_model.validation._checks._common import Scope
from dangjian_model.validation._config import ValidationConfig
from dangjian_model.validation._context import Context, RawFinding, find_roots

__all__ = [
    "CLAIM_CODES",
    "EXIT_CODES",
    "FIGURE_CODES",
    "GRID_TEMPLATE_CODES",
    "check_claims",
    "check_custom_terms",
    "check_exits",
    "check_figures",
    "check_grid_templates",
]

FIGURE_CODES = frozenset({"DJ801", "DJ802"})
GRID_TEMPLATE_CODES = frozenset({"DJ804"})
EXIT_CODES = frozenset({"DJ805", "DJ806"})
CLAIM_CODES = frozenset({"DJ807"})


def check_figures(ctx: Context, scope: Scope, config: ValidationConfig) -> Iterator[RawFinding]:
    """DJ801: a figure's unit fits its metric; DJ802: a reported count is not below what is listed."""
    for figure in ctx.registry.figures:
        path = f"figures[{figure.id}]"
        metric, unit = figure.metric, figure.value.unit
        if isinstance(metric, FigureMetric) and unit not in metric.units:
            fitting = "、".join(sorted(u.label for u in metric.units))
            yield RawFinding(
                "DJ801",
                f"{path}.value",
                f"“{metric.label}”的单位应为{fitting}，而数字是 {figure.value}",
                f"a figure of {metric.value} is given in {fitting}; {figure.value.to_text()!r} is not",
                f"改用{fitting}之一，或换一个指标 / give it in one of {fitting}, or choose another metric",
            )
        listed = _listed(ctx, figure)
        if listed is not None and figure.value.range.less_than(listed[0]) is Truth.TRUE:
            count, what_zh, what_en = listed
            yield RawFinding(
                "DJ802",
                f"{path}.value",
                f"报告的{metric.label} {figure.value} 少于登记在册的 {count} 个{what_zh}",
                f"the reported {metric.value} {figure.value.to_text()!r} is below the {count} {what_en} listed",
                "核对报告数字或登记的数据 / check the reported figure against the registry",
            )


def _listed(ctx: Context, figure: Figure) -> tuple[int, str, str] | None:
    """What the registry lists of the figure's metric about its subject: (count, what, what in English)."""
    metric = figure.metric
    if not isinstance(metric, FigureMetric) or not metric.counts_members or figure.subject_id is None:
        return None
    if figure.value.unit is not None and figure.value.unit is QuantityUnit.PERCENT:
        return None
    subject = ctx.registry.find(figure.subject_id)
    if isinstance(subject, Alliance) and metric is not FigureMetric.PARTY_MEMBERS:
        members = [id for id in ctx.organisational_members(subject) if id != subject.lead_id]
        return len(members), "成员单位（牵头方除外）", "member units besides the lead"
    if isinstance(subject, PartyOrganisation) and metric is FigureMetric.PARTY_MEMBERS:
        people = len(ctx.people_by_org.get(subject.id, ()))
        return max(people, subject.total_members), "党员", "members"
    return None


def check_custom_terms(ctx: Context, scope: Scope, config: ValidationConfig) -> Iterator[RawFinding]:
    """DJ803: every term outside its vocabulary, reported (as information) where it stands."""
    if scope.whole_registry:
        for person in ctx.registry.people:
            yield from _custom(f"people[{person.id}].roles", person.roles, "人员角色", "person role")
        for figure in ctx.registry.figures:
            yield from _custom(f"figures[{figure.id}].metric", (figure.metric,), "指标", "metric")
            yield from _custom(f"figures[{figure.id}].value", (figure.value.unit,), "计量单位", "unit")
    for alliance in scope.alliances:
        for raw in _custom(f"alliances[{alliance.id}].linkages", alliance.linkages, "联动方式", "linkage"):
            yield RawFinding(raw.code, raw.path, raw.message_zh, raw.message_en, raw.hint, alliance.id)
        for condition in alliance.exit_conditions:
            path = f"alliances[{alliance.id}].exit_conditions"
            for raw in _custom(path, (condition.metric,), "指标", "metric"):
                yield RawFinding(raw.code, raw.path, raw.message_zh, raw.message_en, raw.hint, alliance.id)
    for project in scope.projects:
        for i, contribution in enumerate(project.contributions):
            path = f"projects[{project.id}].contributions[{i}].quantity_unit"
            yield from _custom(path, (contribution.quantity_unit,), "计量单位", "unit")


def _custom(path: str, terms: Iterable[object], zh: str, en: str) -> list[RawFinding]:
    """DJ803 for each custom term of ``terms`` (a list: most hold none, and a list costs less to make)."""
    return [
        RawFinding(
            "DJ803",
            path,
            f"“{term.label}”不在已知的{zh}中，已按自定义词语保留",
            f"{term.label!r} is not a known {en}; it is kept as a custom term",
            "如是已知词语的另一种写法，请改用已知写法（见术语表）/ if it is another spelling of a known "
            "term, use that term (see the glossary)",
        )
        for term in sorted((t for t in terms if isinstance(t, CustomTerm)), key=str)
    ]


def check_grid_templates(ctx: Context, scope: Scope, config: ValidationConfig) -> Iterator[RawFinding]:
    """DJ804: the cells listed under a grid template number as many per level as the template says."""
    systems = ctx.registry.grid_systems
    if not systems:
        return
    grids = ctx.registry.grids
    roots = find_roots({g.id: g.parent_id for g in grids})
    for system in systems:
        mine = set(system.root_ids())
        counts = Counter(g.level for g in grids if roots.get(g.id) in mine)
        for level in sorted(counts):
            expected = system.levels[level - 1].count if level <= len(system.levels) else 0
            if counts[level] != expected:
                yield RawFinding(
                    "DJ804",
                    f"grid_systems[{system.id}].levels",
                    f"第{level}级网格登记了 {counts[level]} 个，模板为 {expected} 个",
                    f"{counts[level]} level-{level} cells are listed; the template says {expected}",
                    "补齐或删去网格，或改正模板的数目 / list the missing cells, drop the extra ones, or "
                    "correct the template's count",
                )


def check_exits(ctx: Context, scope: Scope, config: ValidationConfig) -> Iterator[RawFinding]:
    """DJ805: who an exit condition sends out, and when; DJ806: one still a member after that day."""
    for alliance in scope.alliances:
        if not alliance.exit_conditions:
            continue
        for due in exits_due(ctx.registry, alliance.id, config.as_of):
            index = alliance.exit_conditions.index(due.condition)
            threshold = due.condition.above.to_text()
            when_zh = f"应于任期届满日 {due.leave_on} 退出" if due.leave_on else "应于本届任期届满时退出"
            when_en = f"leaves when its term ends on {due.leave_on}" if due.leave_on else "leaves at term end"
            sure = due.truth is Truth.TRUE
            yield RawFinding(
                "DJ805",
                f"alliances[{alliance.id}].exit_conditions[{index}]",
                f"{due.participant_id!r} 的{_label(due.condition.metric)} {due.value} "
                + ("超过" if sure else "可能超过")
                + f" {threshold}，{when_zh}（依据 {due.shown_by}）",
                f"{due.participant_id!r}: {_value(due.condition.metric)} {due.value.to_text()!r} "
                + ("passes" if sure else "may pass")
                + f" {threshold!r}; it {when_en} (shown by {due.shown_by})",
                "按协议安排退出，或登记新的数字 / arrange its exit as agreed, or record a newer figure",
                alliance.id,
            )
            membership = alliance.membership_of(due.participant_id)
            overdue_on = config.as_of
            left = membership.left_on if membership is not None else None
            late = due.leave_on is not None and (
                (left is not None and left > due.leave_on)
                or (left is None and overdue_on is not None and overdue_on > due.leave_on)
            )
            if sure and late:
                yield RawFinding(
                    "DJ806",
                    f"alliances[{alliance.id}].memberships",
                    f"{due.participant_id!r} 应于 {due.leave_on} 退出，但"
                    + ("退出晚于该日" if left else "仍在册"),
                    f"{due.participant_id!r} was to leave on {due.leave_on} but "
                    + ("left later" if left else "is still a member"),
                    f"登记退出日期 left_on={due.leave_on} / record its leaving (left_on={due.leave_on})",
                    alliance.id,
                )


def _label(metric: FigureMetric | CustomTerm) -> str:
    return metric.label


def _value(metric: FigureMetric | CustomTerm) -> str:
    return metric.value


def check_claims(ctx: Context, scope: Scope, config: ValidationConfig) -> Iterator[RawFinding]:
    """DJ807: a claimed listed project names its claimant; an unclaimed one names none."""
    for item in ctx.registry.listed_projects:
        if scope.whole_registry is False and item.alliance_id not in {a.id for a in scope.alliances}:
            continue
        path = f"listed_projects[{item.id}]"
        claimed = item.status.is_claimed if item.status is not None else item.claimed_on is not None
        if claimed and item.provider_id is None:
            yield RawFinding(
                "DJ807",
                f"{path}.provider_id",
                "项目已认领，却没有认领方",
                "the listed project is claimed, but names no claimant",
                "填写 provider_id 为认领的合伙人 / set provider_id to the partner who claimed it",
                item.alliance_id,
            )
        elif (
            item.status is not None
            and not item.status.is_claimed
            and (item.provider_id is not None or item.claimed_on is not None)
        ):
            yield RawFinding(
                "DJ807",
                f"{path}.status",
                "项目状态为待认领，却已有认领方或认领日期",
                "the listed project is marked open, yet it has a claimant or a claim date",
                "把状态改为“已认领”，或去掉认领方和日期 / set the status to claimed, or drop the claimant "
                "and date",
                item.alliance_id,
            )

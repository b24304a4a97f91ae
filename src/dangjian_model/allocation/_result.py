"""The result of an allocation: who gets how much, by which rule and tier, and the exact quota."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterator, Mapping
from fractions import Fraction
from typing import Any, Literal

import attrs

from dangjian_model._labels import LabelledEnum, zh_name
from dangjian_model._money import Money
from dangjian_model._repr import FieldsRepr
from dangjian_model.allocation._errors import AllocationError

__all__ = ["Allocation", "GuarantorFlow", "Line", "Part", "RuleKind"]


@zh_name("分配规则")
class RuleKind(LabelledEnum):
    """The families of allocation rules, with the Chinese names used in agreements."""

    EQUAL_SPLIT = ("equal_split", "平分", "平均分配")
    PROPORTIONAL = ("proportional", "按出资/股份比例", "按比例分配")
    WEIGHTED = ("weighted", "按属性加权", "按人口/面积加权")
    BY_WEIGHTS = ("by_weights", "按约定比例")
    FIXED_RETURN = ("fixed_return", "固定收益", "保底收益")
    GUARANTEED_MINIMUM = ("guaranteed_minimum", "保底加超额分成", "保底")
    PORTION = ("portion", "提取比例分配")
    CAPPED = ("capped", "封顶再分配", "封顶")
    WATERFALL = ("waterfall", "优先级分配", "瀑布式分配")
    SHAPLEY = ("shapley", "沙普利值分配", "shapley_value")
    WEIGHTED_VOTING = ("weighted_voting", "加权投票博弈沙普利值")


@zh_name("分配环节")
class Part(LabelledEnum):
    """Which part of a rule produced a line."""

    SHARE = ("share", "分配")
    FIXED_RETURN = ("fixed_return", "固定收益")
    SURPLUS = ("surplus", "盈余分配")
    MINIMUM = ("guaranteed_minimum", "保底")
    EXCESS = ("excess_share", "超额分成")
    RESIDUAL = ("residual", "剩余分配")
    CAP = ("cap", "封顶")


def _check_fen_quota(instance: object, attribute: attrs.Attribute[Fraction], value: object) -> None:
    if not isinstance(value, Fraction):
        raise AllocationError(f"{type(instance).__name__}.{attribute.name}", value, "an exact Fraction of 分")


@attrs.frozen(repr=False)
class Line(FieldsRepr):
    """One member's part from one rule and tier.

    Attributes:
        member_id: Who receives it.
        amount: How much, in whole 分.
        rule: The rule family that produced it.
        part: Which part of that rule (fixed return, guaranteed minimum, excess share …).
        quota: The exact amount in 分 before rounding to whole 分.
        tier: The waterfall tier, if the rule sits in a :class:`~dangjian_model.allocation.Waterfall`.
    """

    member_id: str
    amount: Money
    rule: RuleKind
    part: Part = Part.SHARE
    quota: Fraction = attrs.field(default=Fraction(0), validator=_check_fen_quota)
    tier: str | None = None


@attrs.frozen(repr=False)
class GuarantorFlow(FieldsRepr):
    """Money a guarantor pays a member to cover a shortfall of a guaranteed amount (柯桥 practice).

    It comes from outside the pool, so it is recorded apart from the lines.

    Attributes:
        guarantor_id: Who pays (e.g. the state investor).
        member_id: Who receives.
        amount: The shortfall covered, in whole 分.
        rule: The rule whose guarantee it covers.
        part: The guaranteed part (fixed return or minimum).
        tier: The waterfall tier, if any.
    """

    guarantor_id: str
    member_id: str
    amount: Money
    rule: RuleKind
    part: Part
    tier: str | None = None


Language = Literal["zh", "en"]

_HEADERS = {
    "zh": ("成员", "金额", "规则", "环节", "档位", "精确份额(分)"),
    "en": ("member", "amount", "rule", "part", "tier", "exact quota (分)"),
}
_WORDS = {
    "zh": {"total": "合计", "retained": "留存", "guarantor": "担保方补足", "from": "担保方", "to": "成员"},
    "en": {
        "total": "total",
        "retained": "retained",
        "guarantor": "guarantor cover",
        "from": "guarantor",
        "to": "member",
    },
}


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _pad(text: str, width: int, right: bool = False) -> str:
    fill = " " * (width - _width(text))
    return fill + text if right else text + fill


def _quota_text(quota: Fraction) -> str:
    if quota.denominator == 1:
        return str(quota.numerator)
    whole = int(quota)  # towards zero
    rest = abs(quota - whole)
    sign = "-" if quota < 0 and whole == 0 else ""
    return f"{sign}{whole} {rest.numerator}/{rest.denominator}" if whole else f"{sign}{rest}"


def _money_dict(amount: Money) -> dict[str, Any]:
    return {"text": str(amount), "fen": amount.fen}


def _namer(names: Mapping[str, str] | None) -> Callable[[str], str]:
    """How an id is shown in a table: ``倡隆村 (changlong)`` when it has a name."""
    if not names:
        return str

    def shown(member_id: str) -> str:
        name = names.get(member_id)
        return f"{name} ({member_id})" if name and name != member_id else member_id

    return shown


def _table(rows: list[tuple[str, ...]], right: set[int]) -> list[str]:
    widths = [max(_width(r[c]) for r in rows) for c in range(len(rows[0]))]
    out = []
    for n, row in enumerate(rows):
        out.append("  ".join(_pad(cell, widths[c], c in right) for c, cell in enumerate(row)).rstrip())
        if n == 0:
            out.append("  ".join("-" * w for w in widths))
    return out


@attrs.frozen(repr=False)
class Allocation(FieldsRepr):
    """The outcome of applying a rule to a total: lines that reconcile to the 分.

    ``sum(line.amount) + retained == total`` always holds (checked on construction). Guarantor flows are
    extra money from outside the pool and are not part of that sum.

    Attributes:
        total: The amount that was allocated.
        lines: One line per member, rule part and tier, in the order produced.
        retained: What no member received (kept by the project or the operator), e.g. the surplus above
            fixed returns, or what caps left over.
        guarantor_flows: Shortfalls of guaranteed amounts covered by a guarantor.
    """

    total: Money
    lines: tuple[Line, ...] = ()
    retained: Money = Money.ZERO
    guarantor_flows: tuple[GuarantorFlow, ...] = ()

    def __attrs_post_init__(self) -> None:
        allocated = sum((line.amount for line in self.lines), Money.ZERO)
        if allocated + self.retained != self.total:
            raise AllocationError(
                "Allocation",
                f"lines {allocated} + retained {self.retained} ≠ total {self.total}",
                "lines and retained amount that add up to the total, exactly to the 分",
            )

    def __iter__(self) -> Iterator[Line]:
        return iter(self.lines)

    @property
    def member_ids(self) -> tuple[str, ...]:
        """Everyone with a line or a guarantor flow, in order of first appearance."""
        seen = dict.fromkeys(line.member_id for line in self.lines)
        seen.update(dict.fromkeys(flow.member_id for flow in self.guarantor_flows))
        return tuple(seen)

    def amount(self, member_id: str) -> Money:
        """What ``member_id`` receives from the pool (all its lines)."""
        return sum((line.amount for line in self.lines if line.member_id == member_id), Money.ZERO)

    def covered(self, member_id: str) -> Money:
        """What guarantors pay ``member_id`` on top of the pool."""
        return sum((f.amount for f in self.guarantor_flows if f.member_id == member_id), Money.ZERO)

    def received(self, member_id: str) -> Money:
        """Pool amount plus guarantor cover."""
        return self.amount(member_id) + self.covered(member_id)

    def amounts(self) -> dict[str, Money]:
        """Member id → pool amount, for every member with a line."""
        result: dict[str, Money] = {}
        for line in self.lines:
            result[line.member_id] = result.get(line.member_id, Money.ZERO) + line.amount
        return result

    @property
    def guaranteed_total(self) -> Money:
        """All guarantor flows together."""
        return sum((f.amount for f in self.guarantor_flows), Money.ZERO)

    def with_tier(self, tier: str) -> Allocation:
        """The same allocation with every line and flow labelled as being in ``tier``."""
        return attrs.evolve(
            self,
            lines=tuple(attrs.evolve(line, tier=tier) for line in self.lines),
            guarantor_flows=tuple(attrs.evolve(f, tier=tier) for f in self.guarantor_flows),
        )

    def to_dict(self) -> dict[str, Any]:
        """The allocation as JSON-ready data; every amount as ``{"text": "1234.56元", "fen": 123456}``.

        Keys: ``total``, ``allocated``, ``retained``, ``lines`` (member, amount, rule, part, tier and the
        exact quota as a fraction's text), ``guarantor_flows``, ``guaranteed`` and ``amounts`` (per member).
        This is what ``dangjian allocate --format json`` prints.

        >>> from dangjian_model.allocation import EqualSplit, Member, allocate
        >>> members = [Member("a"), Member("b"), Member("c")]
        >>> allocate(EqualSplit(), Money.parse("1元"), members).to_dict()["amounts"]["a"]
        {'text': '0.34元', 'fen': 34}
        """
        return {
            "total": _money_dict(self.total),
            "allocated": _money_dict(self.total - self.retained),
            "retained": _money_dict(self.retained),
            "lines": [
                {
                    "member_id": line.member_id,
                    "amount": _money_dict(line.amount),
                    "rule": line.rule.value,
                    "part": line.part.value,
                    "tier": line.tier,
                    "quota": str(line.quota),
                }
                for line in self.lines
            ],
            "guarantor_flows": [
                {
                    "guarantor_id": flow.guarantor_id,
                    "member_id": flow.member_id,
                    "amount": _money_dict(flow.amount),
                    "rule": flow.rule.value,
                    "part": flow.part.value,
                    "tier": flow.tier,
                }
                for flow in self.guarantor_flows
            ],
            "guaranteed": _money_dict(self.guaranteed_total),
            "amounts": {member: _money_dict(amount) for member, amount in self.amounts().items()},
        }

    def table(self, language: Language = "zh", names: Mapping[str, str] | None = None) -> str:
        """A plain-text table for people: one row per line, then total, retained and guarantor flows.

        Args:
            language: ``"zh"`` for Chinese headers and labels, ``"en"`` for English.
            names: Names to show beside the ids (``倡隆村 (changlong)``), e.g. the units' names of
                the registry; ids without a name are shown alone.
        """
        words = _WORDS[language]
        shown = _namer(names)

        def label(item: LabelledEnum) -> str:
            return item.label if language == "zh" else str(item.value)

        rows: list[tuple[str, ...]] = [_HEADERS[language]]
        for line in self.lines:
            rows.append(
                (
                    shown(line.member_id),
                    line.amount.format(),
                    label(line.rule),
                    label(line.part),
                    line.tier or "",
                    _quota_text(line.quota),
                )
            )
        rows.append((words["total"], (self.total - self.retained).format(), "", "", "", ""))
        if self.retained:
            rows.append((words["retained"], self.retained.format(), "", "", "", ""))
        text = _table(rows, {1, 5})
        if self.guarantor_flows:
            text.append("")
            text.append(words["guarantor"] + ":")
            flow_rows: list[tuple[str, ...]] = [
                (words["from"], words["to"], _HEADERS[language][1], _HEADERS[language][3])
            ]
            for flow in self.guarantor_flows:
                flow_rows.append(
                    (shown(flow.guarantor_id), shown(flow.member_id), flow.amount.format(), label(flow.part))
                )
            flow_rows.append((words["total"], "", self.guaranteed_total.format(), ""))
            text.extend(_table(flow_rows, {2}))
        return "\n".join(text)

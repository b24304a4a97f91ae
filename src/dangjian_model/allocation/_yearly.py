"""Income of several years, each year shared by the rule as it stands in that year of the agreement.

Fixed returns, guaranteed minimums and excess rates are yearly: pooling two years of income into one
sum would pay one year's fixed return out of two years' money and lose a lean year's guarantor cover.
:func:`allocate_years` shares each year's income on its own and :class:`AllocationByYear` lists the
years with totals::

    >>> from dangjian_model.allocation import FixedReturn, Member, allocate_years
    >>> rule = FixedReturn("10%", guarantor_id="state")
    >>> result = allocate_years(rule, {1: "10万元", 2: "4万元"}, [Member("v", investment="50万元")])
    >>> result.amount("v"), result.covered("v"), result.retained
    (Money('90000元'), Money('10000元'), Money('50000元'))
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence

import attrs

from dangjian_model._money import Money
from dangjian_model._repr import FieldsRepr
from dangjian_model.allocation._errors import AllocationError
from dangjian_model.allocation._result import _HEADERS, _WORDS, Allocation, Language, _namer, _table
from dangjian_model.allocation._rules import Member, Rule, allocate

__all__ = ["AllocationByYear", "YearAllocation", "allocate_years"]


def _check_year(instance: object, attribute: attrs.Attribute[int], value: object) -> None:
    if type(value) is not int or value < 1:
        raise AllocationError(
            f"{type(instance).__name__}.{attribute.name}", value, "a year of 1 or more (1 = the first)"
        )


def _check_calendar_year(instance: object, attribute: attrs.Attribute[int | None], value: object) -> None:
    if value is not None and (type(value) is not int or not 1 <= value <= 9999):
        raise AllocationError(
            f"{type(instance).__name__}.{attribute.name}", value, "a calendar year such as 2021, or None"
        )


def _check_allocation(instance: object, attribute: attrs.Attribute[Allocation], value: object) -> None:
    if not isinstance(value, Allocation):
        raise AllocationError(f"{type(instance).__name__}.{attribute.name}", value, "an Allocation")


@attrs.frozen(repr=False)
class YearAllocation(FieldsRepr):
    """One year's income shared by the rule as it stands in that year (分年度分配).

    Attributes:
        year: The year of the agreement (1 = the year the project started) the rule was applied in.
        allocation: How that year's income was shared.
        calendar_year: The calendar year the income is for (e.g. 2021), when known.
    """

    year: int = attrs.field(validator=_check_year)
    allocation: Allocation = attrs.field(validator=_check_allocation)
    calendar_year: int | None = attrs.field(default=None, validator=_check_calendar_year)


def _years(values: Sequence[YearAllocation]) -> tuple[YearAllocation, ...]:
    return tuple(values)


def _check_years(
    instance: object, attribute: attrs.Attribute[tuple[YearAllocation, ...]], value: object
) -> None:
    where = f"{type(instance).__name__}.{attribute.name}"
    if not isinstance(value, tuple) or not all(isinstance(y, YearAllocation) for y in value):
        raise AllocationError(where, value, "a tuple of YearAllocation")
    keys = [(y.calendar_year, y.year) for y in value]
    if len(set(keys)) != len(keys):
        raise AllocationError(where, keys, "each (calendar year, year of the agreement) once")


@attrs.frozen(repr=False)
class AllocationByYear(FieldsRepr):
    """Income of several years, each shared on its own, with totals over the years (各年度分配及合计).

    Every year reconciles to the 分 (``lines + retained == total``), so the totals do too. Guarantor
    flows are money from outside the pool and are counted apart.

    Attributes:
        years: One entry per year with income, in the order shared (earliest first).
    """

    years: tuple[YearAllocation, ...] = attrs.field(default=(), converter=_years, validator=_check_years)

    def __iter__(self) -> Iterator[YearAllocation]:
        return iter(self.years)

    def __len__(self) -> int:
        return len(self.years)

    @property
    def total(self) -> Money:
        """All the income shared, over every year."""
        return sum((y.allocation.total for y in self.years), Money.ZERO)

    @property
    def retained(self) -> Money:
        """What no member received, over every year."""
        return sum((y.allocation.retained for y in self.years), Money.ZERO)

    @property
    def allocated(self) -> Money:
        """What members received from the pool, over every year (``total - retained``)."""
        return self.total - self.retained

    @property
    def guaranteed_total(self) -> Money:
        """What guarantors paid on top of the pool, over every year."""
        return sum((y.allocation.guaranteed_total for y in self.years), Money.ZERO)

    @property
    def member_ids(self) -> tuple[str, ...]:
        """Everyone with a line or a guarantor flow in any year, in order of first appearance."""
        return tuple(dict.fromkeys(i for y in self.years for i in y.allocation.member_ids))

    def amount(self, member_id: str) -> Money:
        """What ``member_id`` receives from the pool, over every year."""
        return sum((y.allocation.amount(member_id) for y in self.years), Money.ZERO)

    def covered(self, member_id: str) -> Money:
        """What guarantors pay ``member_id`` on top of the pool, over every year."""
        return sum((y.allocation.covered(member_id) for y in self.years), Money.ZERO)

    def received(self, member_id: str) -> Money:
        """Pool amount plus guarantor cover, over every year."""
        return self.amount(member_id) + self.covered(member_id)

    def amounts(self) -> dict[str, Money]:
        """Member id → pool amount over every year, for every member with a line."""
        result: dict[str, Money] = {}
        for y in self.years:
            for member_id, amount in y.allocation.amounts().items():
                result[member_id] = result.get(member_id, Money.ZERO) + amount
        return result

    def table(self, language: Language = "zh", names: Mapping[str, str] | None = None) -> str:
        """Each year's table under its heading, then the totals per member over the years.

        Args:
            language: ``"zh"`` for Chinese headers and labels, ``"en"`` for English.
            names: Names to show beside the ids, as for :meth:`Allocation.table`.
        """
        shown = _namer(names)
        words = _WORDS[language]
        heading = "协议年度" if language == "zh" else "agreement year"
        income = "分配金额" if language == "zh" else "income shared"
        parts = []
        for y in self.years:
            when = f"{y.year}" + (f" ({y.calendar_year})" if y.calendar_year is not None else "")
            parts.append(f"{heading} {when}: {income} {y.allocation.total.format()}")
            parts.append(y.allocation.table(language, names))
            parts.append("")
        title = "各年度合计" if language == "zh" else "all years"
        received = "实得" if language == "zh" else "received"
        headers = (_HEADERS[language][0], _HEADERS[language][1], words["guarantor"], received)
        rows: list[tuple[str, ...]] = [headers]
        for member_id in self.member_ids:
            rows.append(
                (
                    shown(member_id),
                    self.amount(member_id).format(),
                    self.covered(member_id).format() if self.covered(member_id) else "",
                    self.received(member_id).format(),
                )
            )
        everything = self.allocated + self.guaranteed_total
        rows.append(
            (words["total"], self.allocated.format(), self.guaranteed_total.format(), everything.format())
        )
        if self.retained:
            rows.append((words["retained"], self.retained.format(), "", ""))
        parts.append(title + ":")
        parts.extend(_table(rows, {1, 2, 3}))
        return "\n".join(parts)


def allocate_years(
    rule: Rule, incomes: Mapping[int, Money | str | int], members: Sequence[Member]
) -> AllocationByYear:
    """Share each year's income by ``rule`` as it stands in that year, and list the years with totals.

    Args:
        rule: The rule.
        incomes: Year of the agreement (1 = the first) → the income of that year (Money, text such as
            ``'500万元'``, or an int of 分).
        members: Who may share.

    Raises:
        AllocationError: a year is not 1 or more, or the rule cannot be applied (see :func:`allocate`).
    """
    for year in incomes:
        if type(year) is not int or year < 1:
            raise AllocationError("allocate_years(incomes)", year, "years of 1 or more (1 = the first)")
    return AllocationByYear(
        tuple(
            YearAllocation(year=year, allocation=allocate(rule, incomes[year], members, year=year))
            for year in sorted(incomes)
        )
    )

"""Allocation rules as typed, serialisable values that compose.

Each rule is a frozen attrs class with plain fields (str, int, Fraction, Money, tuples of small value
classes and nested rules) and a ``kind`` field holding its tag, so a cattrs converter can round-trip
a :data:`Rule` (a union discriminated by ``kind``). Applying a rule is a pure function::

    >>> from dangjian_model import Money
    >>> from dangjian_model.allocation import EqualSplit, Member
    >>> villages = [Member(f"v{k:02d}") for k in range(1, 21)]
    >>> result = EqualSplit().allocate(Money.parse("100万元"), villages)
    >>> result.amount("v01"), len(result.lines)
    (Money('50000元'), 20)

Rounding: amounts split among members go through the apportionment core (largest remainder unless a
rule says otherwise); a single amount computed from a rate (a fixed return, an escalated minimum,
an excess share) is rounded to the nearest 分, halves away from zero (四舍五入).
"""

from __future__ import annotations

import math
import typing
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from fractions import Fraction
from typing import ClassVar, Literal, TypeAlias

import attrs

from dangjian_model._fields import to_fraction
from dangjian_model._money import Money
from dangjian_model._repr import FieldsRepr
from dangjian_model.allocation._apportion import (
    Method,
    _apportion_fen,
    _integer_weights,
    parse_method,
    round_quotas,
)
from dangjian_model.allocation._errors import AllocationError, GameTooLarge
from dangjian_model.allocation._result import Allocation, GuarantorFlow, Line, Part, RuleKind

# The games' engines (``_shapley``, ``_voting``) are imported by the rules that play them, when they
# do: the model imports this module for ``Project.allocation_rule``, and should not pay for them.

__all__ = [
    "RULE_TYPES",
    "ByWeights",
    "Capped",
    "EqualSplit",
    "FixedReturn",
    "GuaranteedMinimum",
    "Member",
    "MemberAmount",
    "MemberWeight",
    "Portion",
    "Proportional",
    "RateFrom",
    "Rule",
    "ShapleyTable",
    "Tier",
    "Waterfall",
    "Weighted",
    "WeightedVoting",
    "allocate",
    "round_half_up",
]


# ---------------------------------------------------------------------------------------------
# Small value classes


def _fraction(value: Fraction | Decimal | int | str) -> Fraction:
    return to_fraction(value)


def _money(value: Money | str | int) -> Money:
    """Money as the allocation engine takes it: a Money, text such as ``'30万元'``, or an int of 分."""
    if isinstance(value, Money):
        return value
    if isinstance(value, str):
        return Money.parse(value)
    if type(value) is int:  # a number of 分, as apportion() takes it; bool is not a number here
        return Money(value)
    return value  # type: ignore[return-value]  # the validator rejects the rest


_MONEY = "a Money, text such as '30万元', or an int number of 分"


def _check_money(instance: object, attribute: attrs.Attribute[Money], value: object) -> None:
    """An amount of zero or more: investments, minimums, thresholds, caps and limits are never negative."""
    where = f"{type(instance).__name__}.{attribute.name}"
    if not isinstance(value, Money):
        raise AllocationError(where, value, _MONEY)
    if value.fen < 0:
        raise AllocationError(where, value, f"金额不能为负 an amount of zero or more, not negative: {_MONEY}")


def _check_optional_money(instance: object, attribute: attrs.Attribute[Money | None], value: object) -> None:
    if value is not None:
        _check_money(instance, attribute, value)  # type: ignore[arg-type]


def _check_rate(instance: object, attribute: attrs.Attribute[Fraction], value: object) -> None:
    if not isinstance(value, Fraction) or value < 0:
        raise AllocationError(
            f"{type(instance).__name__}.{attribute.name}",
            value,
            "a rate of zero or more, e.g. '10%', '1/3' or Decimal('0.08')",
        )


def _check_id(instance: object, attribute: attrs.Attribute[str], value: object) -> None:
    if not isinstance(value, str) or not value.strip():
        raise AllocationError(
            f"{type(instance).__name__}.{attribute.name}", value, "a member id (non-empty text)"
        )


def _check_positive_int(instance: object, attribute: attrs.Attribute[int], value: object) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise AllocationError(
            f"{type(instance).__name__}.{attribute.name}", value, "a whole number of 1 or more"
        )


def _check_ids(instance: object, attribute: attrs.Attribute[tuple[str, ...] | None], value: object) -> None:
    if value is None:
        return
    if not isinstance(value, tuple) or not all(isinstance(v, str) and v for v in value):
        raise AllocationError(f"{type(instance).__name__}.{attribute.name}", value, "a tuple of member ids")
    if len(set(value)) != len(value):
        raise AllocationError(f"{type(instance).__name__}.{attribute.name}", value, "each member id once")


def _fractions(values: Iterable[Fraction | Decimal | int | str]) -> tuple[Fraction, ...]:
    return tuple(_fraction(v) for v in values)


def _weights(values: Iterable[MemberWeight]) -> tuple[MemberWeight, ...]:
    return tuple(values)


def _amounts(values: Iterable[MemberAmount]) -> tuple[MemberAmount, ...]:
    return tuple(values)


def _rates(values: Iterable[RateFrom]) -> tuple[RateFrom, ...]:
    return tuple(values)


def _tiers(values: Iterable[Tier]) -> tuple[Tier, ...]:
    return tuple(values)


def _ids(values: Iterable[str]) -> tuple[str, ...]:
    return tuple(values)


def _optional_ids(value: Iterable[str] | None) -> tuple[str, ...] | None:
    return None if value is None else tuple(value)


def _attributes(
    value: Mapping[str, object] | Iterable[tuple[str, object]],
) -> tuple[tuple[str, Fraction], ...]:
    items = value.items() if isinstance(value, Mapping) else value
    return tuple(sorted((str(k), _fraction(v)) for k, v in items))  # type: ignore[arg-type]


@attrs.frozen(repr=False)
class Member(FieldsRepr):
    """A member as an allocation sees it: an id and the figures a rule may weight by.

    Args:
        id: The member's id (a unit, organisation or person id).
        investment: What it put in (出资), for proportional splits and fixed returns: a Money, text such
            as ``'320万元'`` or an int number of 分 (as :func:`apportion` takes it); never negative.
        share: Its equity share (股份), e.g. ``'49.3%'``; zero if it holds none.
        attributes: Other figures by name, e.g. ``{"population": 1834, "area_km2": Decimal("5.2")}``.

    >>> Member("v1", investment="320万元", share="49.3%").share
    Fraction(493, 1000)
    """

    id: str = attrs.field(validator=_check_id)
    investment: Money = attrs.field(default=Money.ZERO, converter=_money, validator=_check_money)
    share: Fraction = attrs.field(default=Fraction(0), converter=_fraction, validator=_check_rate)
    attributes: tuple[tuple[str, Fraction], ...] = attrs.field(default=(), converter=_attributes)

    def attribute(self, name: str) -> Fraction | None:
        """The figure called ``name``, or None if the member has none."""
        for key, value in self.attributes:
            if key == name:
                return value
        return None


@attrs.frozen(repr=False)
class MemberWeight(FieldsRepr):
    """A member id with a weight (an agreed ratio, a vote …).

    Args:
        member_id: The member.
        weight: Its weight, zero or more; accepts ``'49.3%'``, ``'1/3'``, Decimal or int.
    """

    member_id: str = attrs.field(validator=_check_id)
    weight: Fraction = attrs.field(converter=_fraction, validator=_check_rate)


@attrs.frozen(repr=False)
class MemberAmount(FieldsRepr):
    """A member id with an amount of money (a cap …).

    Args:
        member_id: The member.
        amount: The amount, zero or more; accepts Money, text such as ``'50万元'`` or an int of 分.
    """

    member_id: str = attrs.field(validator=_check_id)
    amount: Money = attrs.field(converter=_money, validator=_check_money)


@attrs.frozen(repr=False)
class RateFrom(FieldsRepr):
    """A rate that applies from a given year on (e.g. 5% from year 1, then 7.5% from year 3).

    Args:
        from_year: The first year (1 = the first year of the agreement) the rate applies to.
        rate: The rate, e.g. ``'7.5%'``.
    """

    from_year: int = attrs.field(validator=_check_positive_int)
    rate: Fraction = attrs.field(converter=_fraction, validator=_check_rate)


def round_half_up(fen: Fraction) -> int:
    """Round an exact amount of 分 to the nearest 分, halves away from zero (四舍五入).

    >>> round_half_up(Fraction(5, 2)), round_half_up(Fraction(-5, 2)), round_half_up(Fraction(7, 3))
    (3, -3, 2)
    """
    magnitude = (2 * abs(fen.numerator) + fen.denominator) // (2 * fen.denominator)
    return magnitude if fen >= 0 else -magnitude


# ---------------------------------------------------------------------------------------------
# Helpers shared by the rules


def _member_list(members: Sequence[Member], where: str) -> tuple[Member, ...]:
    listed = tuple(members)
    for k, m in enumerate(listed):
        if not isinstance(m, Member):
            raise AllocationError(f"{where}(members)[{k}]", m, "a Member")
    ids = [m.id for m in listed]
    if len(set(ids)) != len(ids):
        duplicates = sorted({i for i in ids if ids.count(i) > 1})
        raise AllocationError(f"{where}(members)", duplicates, "each member listed once")
    return listed


def _select(members: Sequence[Member], ids: tuple[str, ...] | None, where: str) -> tuple[Member, ...]:
    if ids is None:
        chosen = tuple(members)
    else:
        known = {m.id: m for m in members}
        missing = [i for i in ids if i not in known]
        if missing:
            raise AllocationError(
                f"{where}.member_ids", missing, f"ids of members given to the rule: {sorted(known)}"
            )
        chosen = tuple(known[i] for i in ids)
    if not chosen:
        raise AllocationError(f"{where}(members)", [], "at least one member to share among")
    return chosen


def _weighted_lines(
    total: Money,
    weights: Mapping[str, Fraction | int],
    rule: RuleKind,
    method: Method,
    where: str,
    part: Part = Part.SHARE,
) -> tuple[Line, ...]:
    ids, ints = _integer_weights(weights, where)
    parts = _apportion_fen(total.fen, ids, ints, method)
    whole = sum(ints)
    return tuple(
        Line(member_id=i, amount=Money(p), rule=rule, part=part, quota=Fraction(total.fen * w, whole))
        for i, w, p in zip(ids, ints, parts, strict=False)
    )


def _pay_claims(
    available: Money,
    claims: Mapping[str, int],
    exact: Mapping[str, Fraction],
    rule: RuleKind,
    part: Part,
    where: str,
) -> tuple[tuple[Line, ...], dict[str, int]]:
    """Pay claims in full if ``available`` allows, else pro rata; return the lines and the shortfalls."""
    need = sum(claims.values())
    if need <= 0:
        return (), {}
    if available.fen >= need:
        lines = tuple(
            Line(member_id=i, amount=Money(c), rule=rule, part=part, quota=exact[i])
            for i, c in claims.items()
        )
        return lines, {}
    pool = Money(max(available.fen, 0))
    if pool.fen == 0:
        lines = tuple(
            Line(member_id=i, amount=Money.ZERO, rule=rule, part=part, quota=Fraction(0)) for i in claims
        )
    else:
        lines = _weighted_lines(pool, claims, rule, Method.LARGEST_REMAINDER, where, part)
    shortfalls = {line.member_id: claims[line.member_id] - line.amount.fen for line in lines}
    return lines, shortfalls


def _flows(
    guarantor_id: str | None, shortfalls: Mapping[str, int], rule: RuleKind, part: Part
) -> tuple[GuarantorFlow, ...]:
    if guarantor_id is None:
        return ()
    return tuple(
        GuarantorFlow(guarantor_id=guarantor_id, member_id=i, amount=Money(s), rule=rule, part=part)
        for i, s in shortfalls.items()
        if s > 0
    )


def _method(value: Method | str) -> Method:
    return parse_method(value, "method")


# ---------------------------------------------------------------------------------------------
# Splitting rules


@attrs.frozen(repr=False)
class EqualSplit(FieldsRepr):
    """平分: everyone (or the listed members) gets the same, within one 分.

    Args:
        member_ids: Who shares; all members if None.
        method: How whole 分 are handed out.
    """

    RULE: ClassVar[RuleKind] = RuleKind.EQUAL_SPLIT
    member_ids: tuple[str, ...] | None = attrs.field(
        default=None, converter=_optional_ids, validator=_check_ids
    )
    method: Method = attrs.field(default=Method.LARGEST_REMAINDER, converter=_method)
    kind: Literal["equal_split"] = attrs.field(
        default="equal_split", validator=attrs.validators.in_(["equal_split"])
    )

    def allocate(self, total: Money, members: Sequence[Member], *, year: int = 1) -> Allocation:
        """Split ``total`` equally. ``year`` is ignored."""
        chosen = _select(members, self.member_ids, "EqualSplit")
        lines = _weighted_lines(total, {m.id: 1 for m in chosen}, self.RULE, self.method, "EqualSplit")
        return Allocation(total=total, lines=lines)


@attrs.frozen(repr=False)
class Proportional(FieldsRepr):
    """按出资/股份比例: in proportion to each member's investment (出资) or equity share (股份).

    Args:
        basis: ``"investment"`` or ``"share"``.
        member_ids: Who shares; all members if None.
        method: How whole 分 are handed out.
    """

    RULE: ClassVar[RuleKind] = RuleKind.PROPORTIONAL
    basis: Literal["investment", "share"] = attrs.field(
        default="investment", validator=attrs.validators.in_(["investment", "share"])
    )
    member_ids: tuple[str, ...] | None = attrs.field(
        default=None, converter=_optional_ids, validator=_check_ids
    )
    method: Method = attrs.field(default=Method.LARGEST_REMAINDER, converter=_method)
    kind: Literal["proportional"] = attrs.field(
        default="proportional", validator=attrs.validators.in_(["proportional"])
    )

    def allocate(self, total: Money, members: Sequence[Member], *, year: int = 1) -> Allocation:
        """Split ``total`` by investment or share. ``year`` is ignored."""
        chosen = _select(members, self.member_ids, "Proportional")
        weights: dict[str, Fraction | int] = {
            m.id: (m.investment.fen if self.basis == "investment" else m.share) for m in chosen
        }
        where = f"Proportional(basis={self.basis!r})"
        return Allocation(total=total, lines=_weighted_lines(total, weights, self.RULE, self.method, where))


@attrs.frozen(repr=False)
class Weighted(FieldsRepr):
    """按属性加权: in proportion to a member attribute such as population, households or area.

    Args:
        attribute: The attribute's name, e.g. ``"population"``.
        member_ids: Who shares; all members if None.
        method: How whole 分 are handed out.
    """

    RULE: ClassVar[RuleKind] = RuleKind.WEIGHTED
    attribute: str = attrs.field(validator=_check_id)
    member_ids: tuple[str, ...] | None = attrs.field(
        default=None, converter=_optional_ids, validator=_check_ids
    )
    method: Method = attrs.field(default=Method.LARGEST_REMAINDER, converter=_method)
    kind: Literal["weighted"] = attrs.field(default="weighted", validator=attrs.validators.in_(["weighted"]))

    def allocate(self, total: Money, members: Sequence[Member], *, year: int = 1) -> Allocation:
        """Split ``total`` by the attribute. ``year`` is ignored."""
        chosen = _select(members, self.member_ids, "Weighted")
        weights: dict[str, Fraction | int] = {}
        for m in chosen:
            value = m.attribute(self.attribute)
            if value is None:
                raise AllocationError(
                    f"Weighted(attribute={self.attribute!r})(members)[{m.id!r}]",
                    None,
                    f"a value for {self.attribute!r} on every member who shares",
                )
            weights[m.id] = value
        where = f"Weighted(attribute={self.attribute!r})"
        return Allocation(total=total, lines=_weighted_lines(total, weights, self.RULE, self.method, where))


@attrs.frozen(repr=False)
class ByWeights(FieldsRepr):
    """按约定比例: in proportion to weights written into the agreement (e.g. 49.3% / 50.7%).

    Every member the rule is given needs a weight (0 for a member who gets nothing): a member left out
    is refused, as :class:`Weighted` refuses a member without the figure, so nobody is left out silently.

    Args:
        weights: The members and their weights.
        method: How whole 分 are handed out.
    """

    RULE: ClassVar[RuleKind] = RuleKind.BY_WEIGHTS
    weights: tuple[MemberWeight, ...] = attrs.field(converter=_weights)
    method: Method = attrs.field(default=Method.LARGEST_REMAINDER, converter=_method)
    kind: Literal["by_weights"] = attrs.field(
        default="by_weights", validator=attrs.validators.in_(["by_weights"])
    )

    @classmethod
    def of(
        cls,
        weights: Mapping[str, Fraction | Decimal | int | str],
        method: Method | str = Method.LARGEST_REMAINDER,
    ) -> ByWeights:
        """Build from a mapping, e.g. ``ByWeights.of({"villages": "49.3%", "state": "50.7%"})``."""
        return cls(tuple(MemberWeight(i, w) for i, w in weights.items()), method)

    def allocate(self, total: Money, members: Sequence[Member], *, year: int = 1) -> Allocation:
        """Split ``total`` by the agreed weights. ``year`` is ignored."""
        _select(members, tuple(w.member_id for w in self.weights), "ByWeights")
        named = {w.member_id for w in self.weights}
        missing = [m.id for m in members if m.id not in named]
        if missing:  # like Weighted, which refuses a member without the figure it weights by
            raise AllocationError(
                "ByWeights.weights",
                f"没有比例的成员 members without a weight: {missing[:20]}",
                "约定比例须列出每个成员 a weight for every member the rule shares among "
                "(0 for a member who gets nothing)",
            )
        weights: dict[str, Fraction | int] = {w.member_id: w.weight for w in self.weights}
        return Allocation(
            total=total, lines=_weighted_lines(total, weights, self.RULE, self.method, "ByWeights")
        )


@attrs.frozen(repr=False)
class ShapleyTable(FieldsRepr):
    """沙普利值分配: in proportion to the Shapley value of a cooperative game given as a table.

    ``values[mask]`` is the worth of the coalition of the players whose bits are set in ``mask``
    (bit ``i`` ⇔ ``players[i]``). The total is split as ``total × φ_i / v(N)`` and rounded by largest
    remainder, so a member who destroys value (φ < 0) pays.

    Args:
        players: The players, each a member id.
        values: The ``2**len(players)`` coalition values; ``values[0]`` must be 0.
    """

    RULE: ClassVar[RuleKind] = RuleKind.SHAPLEY
    players: tuple[str, ...] = attrs.field(converter=_ids, validator=_check_ids)
    values: tuple[Fraction, ...] = attrs.field(converter=_fractions)
    kind: Literal["shapley"] = attrs.field(default="shapley", validator=attrs.validators.in_(["shapley"]))

    def __attrs_post_init__(self) -> None:
        if len(self.values) != 1 << len(self.players):
            raise AllocationError(
                "ShapleyTable.values",
                f"{len(self.values)} values",
                f"2**{len(self.players)} values, one per coalition",
            )

    def shapley(self) -> dict[str, Fraction]:
        """The exact Shapley value of each player."""
        from dangjian_model.allocation._shapley import shapley_from_table

        return shapley_from_table(self.players, self.values)

    def allocate(self, total: Money, members: Sequence[Member], *, year: int = 1) -> Allocation:
        """Split ``total`` by the Shapley value. ``year`` is ignored."""
        _select(members, self.players, "ShapleyTable")
        from dangjian_model.allocation._shapley import shapley_split

        phi = self.shapley()
        grand = sum(phi.values(), Fraction(0))
        parts = shapley_split(total, phi, where="ShapleyTable")
        lines = tuple(
            Line(member_id=p, amount=parts[p], rule=self.RULE, quota=total.fen * phi[p] / grand)
            for p in self.players
        )
        return Allocation(total=total, lines=lines)


def _check_samples(instance: object, attribute: attrs.Attribute[int | None], value: object) -> None:
    if value is not None and (isinstance(value, bool) or not isinstance(value, int) or value < 2):
        raise AllocationError(
            f"{type(instance).__name__}.{attribute.name}",
            value,
            "至少为 2 的整数或不填 / a whole number of 2 or more, or none",
        )


def _check_seed(instance: object, attribute: attrs.Attribute[int], value: object) -> None:
    if isinstance(value, bool) or not isinstance(value, int):
        raise AllocationError(f"{type(instance).__name__}.{attribute.name}", value, "整数 / a whole number")


@attrs.frozen(repr=False)
class WeightedVoting(FieldsRepr):
    """加权投票博弈沙普利值: in proportion to Shapley–Shubik voting power (exact, for hundreds of members).

    The power is exact up to the documented :class:`~dangjian_model.allocation.VotingLimits`; a game past
    them is refused with :class:`~dangjian_model.allocation.GameTooLarge`, unless ``samples`` asks for
    the seeded Monte Carlo estimate instead (then the split is by an *estimate*, reproducible from
    ``seed``; see :func:`~dangjian_model.allocation.weighted_voting_monte_carlo`).

    Args:
        weights: Members and their votes (or shares).
        quota: The weight a coalition needs to win, e.g. a majority of the votes.
        samples: For a game too large for the exact method: estimate from this many random orders;
            None (the default) refuses such a game.
        seed: The seed of that estimate.
    """

    RULE: ClassVar[RuleKind] = RuleKind.WEIGHTED_VOTING
    weights: tuple[MemberWeight, ...] = attrs.field(converter=_weights)
    quota: Fraction = attrs.field(converter=_fraction, validator=_check_rate)
    samples: int | None = attrs.field(default=None, validator=_check_samples)
    seed: int = attrs.field(default=0, validator=_check_seed)
    kind: Literal["weighted_voting"] = attrs.field(
        default="weighted_voting", validator=attrs.validators.in_(["weighted_voting"])
    )

    def power(self) -> dict[str, Fraction]:
        """Each member's voting power (exact, or estimated when too large and ``samples`` is set); sums to 1."""
        from dangjian_model.allocation._voting import weighted_voting_monte_carlo, weighted_voting_shapley

        weights = {w.member_id: w.weight for w in self.weights}
        try:
            return weighted_voting_shapley(weights, self.quota)
        except GameTooLarge:
            if self.samples is None:
                raise
            return weighted_voting_monte_carlo(
                weights, self.quota, samples=self.samples, seed=self.seed
            ).values

    def allocate(self, total: Money, members: Sequence[Member], *, year: int = 1) -> Allocation:
        """Split ``total`` by voting power. ``year`` is ignored."""
        _select(members, tuple(w.member_id for w in self.weights), "WeightedVoting")
        power = self.power()
        lines = _weighted_lines(total, power, self.RULE, Method.LARGEST_REMAINDER, "WeightedVoting")
        return Allocation(total=total, lines=lines)


# ---------------------------------------------------------------------------------------------
# Rules with guarantees, limits and tiers


@attrs.frozen(repr=False)
class FixedReturn(FieldsRepr):
    """固定收益: a fixed rate on each member's investment for the first ``years`` years, then ``then``.

    In a fixed year every member in ``member_ids`` claims ``rate × investment`` (rounded to the 分).
    If the total covers the claims, the rest goes by ``surplus`` (or is retained when that is None);
    if not, the total is shared pro rata to the claims and ``guarantor_id``, if given, pays each
    member's shortfall as a separate flow. After the fixed years the whole total goes by ``then``.

    Args:
        rate: The yearly rate, e.g. ``'10%'``.
        then: The rule after the fixed years (dividends), or None to keep the fixed return for ever.
        years: How many years the fixed return lasts (ignored when ``then`` is None).
        member_ids: Who gets the fixed return; all members if None.
        guarantor_id: Who covers shortfalls, e.g. the state investor; nobody if None.
        surplus: How the rest is split in fixed years; retained if None.
    """

    RULE: ClassVar[RuleKind] = RuleKind.FIXED_RETURN
    rate: Fraction = attrs.field(converter=_fraction, validator=_check_rate)
    then: Rule | None = None
    years: int = attrs.field(default=1, validator=_check_positive_int)
    member_ids: tuple[str, ...] | None = attrs.field(
        default=None, converter=_optional_ids, validator=_check_ids
    )
    guarantor_id: str | None = None
    surplus: Rule | None = None
    kind: Literal["fixed_return"] = attrs.field(
        default="fixed_return", validator=attrs.validators.in_(["fixed_return"])
    )

    def claims(self, members: Sequence[Member]) -> dict[str, Fraction]:
        """Each member's exact fixed return in 分 for one year."""
        return {m.id: self.rate * m.investment.fen for m in _select(members, self.member_ids, "FixedReturn")}

    def allocate(self, total: Money, members: Sequence[Member], *, year: int = 1) -> Allocation:
        """Allocate ``total`` for ``year`` (1 = the first year)."""
        listed = _member_list(members, "FixedReturn")
        if self.then is not None and year > self.years:
            return self.then.allocate(total, listed, year=year)
        exact = self.claims(listed)
        claims = {i: round_half_up(q) for i, q in exact.items()}
        lines, shortfalls = _pay_claims(total, claims, exact, self.RULE, Part.FIXED_RETURN, "FixedReturn")
        rest = total - sum((line.amount for line in lines), Money.ZERO)
        flows = _flows(self.guarantor_id, shortfalls, self.RULE, Part.FIXED_RETURN)
        if self.surplus is not None and rest.fen > 0:
            extra = self.surplus.allocate(rest, listed, year=year)
            surplus_lines = tuple(attrs.evolve(line, part=Part.SURPLUS) for line in extra.lines)
            return Allocation(
                total=total,
                lines=lines + surplus_lines,
                retained=extra.retained,
                guarantor_flows=flows + extra.guarantor_flows,
            )
        return Allocation(total=total, lines=lines, retained=rest, guarantor_flows=flows)


@attrs.frozen(repr=False)
class GuaranteedMinimum(FieldsRepr):
    """保底加超额分成: a guaranteed minimum a year, escalating, plus a share of the total above a threshold.

    In year ``y`` each member in ``member_ids`` is guaranteed ``minimum × (1 + escalation)^k`` with
    ``k = (y - 1) // every_years`` (so 30万, +8% every three years: 30万 in years 1–3, 32.4万 in 4–6 …),
    plus ``rate × (total − threshold)`` when the total passes the threshold, with the rate taken from
    ``excess_rates`` for that year. Minimums are paid first, then excess shares, then the rest goes by
    ``residual`` (e.g. to the operator) or is retained. If the total cannot pay the minimums, it is
    shared pro rata to them and ``guarantor_id`` covers each shortfall as a separate flow.

    Args:
        member_ids: Who is guaranteed (e.g. the village).
        minimum: The guaranteed amount a year at the start, e.g. ``'30万元'``.
        escalation: By how much the minimum rises each step, e.g. ``'8%'``.
        every_years: How many years between steps.
        threshold: The total above which the excess share is paid; no excess share if None.
        excess_rates: The excess rate from each year on, e.g. 5% from year 1, 7.5% from year 3.
        residual: How the rest is split; retained if None.
        guarantor_id: Who covers shortfalls of the minimums; nobody if None.
    """

    RULE: ClassVar[RuleKind] = RuleKind.GUARANTEED_MINIMUM
    member_ids: tuple[str, ...] = attrs.field(converter=_ids, validator=_check_ids)
    minimum: Money = attrs.field(converter=_money, validator=_check_money)
    escalation: Fraction = attrs.field(default=Fraction(0), converter=_fraction, validator=_check_rate)
    every_years: int = attrs.field(default=1, validator=_check_positive_int)
    threshold: Money | None = attrs.field(
        default=None, converter=attrs.converters.optional(_money), validator=_check_optional_money
    )
    excess_rates: tuple[RateFrom, ...] = attrs.field(default=(), converter=_rates)
    residual: Rule | None = None
    guarantor_id: str | None = None
    kind: Literal["guaranteed_minimum"] = attrs.field(
        default="guaranteed_minimum", validator=attrs.validators.in_(["guaranteed_minimum"])
    )

    def minimum_in(self, year: int) -> Fraction:
        """The exact guaranteed minimum in 分 for ``year``, before rounding."""
        steps = (year - 1) // self.every_years
        return self.minimum.fen * (1 + self.escalation) ** steps

    def excess_rate_in(self, year: int) -> Fraction:
        """The excess rate for ``year`` (zero before the first entry of ``excess_rates``)."""
        rate = Fraction(0)
        for entry in sorted(self.excess_rates, key=lambda e: e.from_year):
            if entry.from_year <= year:
                rate = entry.rate
        return rate

    def allocate(self, total: Money, members: Sequence[Member], *, year: int = 1) -> Allocation:
        """Allocate ``total`` for ``year`` (1 = the first year)."""
        if isinstance(year, bool) or not isinstance(year, int) or year < 1:
            raise AllocationError("GuaranteedMinimum.allocate(year)", year, "a year of 1 or more")
        listed = _member_list(members, "GuaranteedMinimum")
        chosen = _select(listed, self.member_ids, "GuaranteedMinimum")
        minimum = self.minimum_in(year)
        exact_min = {m.id: minimum for m in chosen}
        claims = {i: round_half_up(q) for i, q in exact_min.items()}
        lines, shortfalls = _pay_claims(
            total, claims, exact_min, self.RULE, Part.MINIMUM, "GuaranteedMinimum"
        )
        flows = _flows(self.guarantor_id, shortfalls, self.RULE, Part.MINIMUM)
        rest = total - sum((line.amount for line in lines), Money.ZERO)
        if self.threshold is not None and total > self.threshold and rest.fen > 0:
            excess = self.excess_rate_in(year) * (total - self.threshold).fen
            exact_excess = {m.id: excess for m in chosen}
            excess_claims = {i: round_half_up(q) for i, q in exact_excess.items()}
            more, _ = _pay_claims(
                rest, excess_claims, exact_excess, self.RULE, Part.EXCESS, "GuaranteedMinimum"
            )
            lines += more
            rest -= sum((line.amount for line in more), Money.ZERO)
        if self.residual is not None and rest.fen > 0:
            extra = self.residual.allocate(rest, listed, year=year)
            residual_lines = tuple(attrs.evolve(line, part=Part.RESIDUAL) for line in extra.lines)
            return Allocation(
                total=total,
                lines=lines + residual_lines,
                retained=extra.retained,
                guarantor_flows=flows + extra.guarantor_flows,
            )
        return Allocation(total=total, lines=lines, retained=rest, guarantor_flows=flows)


@attrs.frozen(repr=False)
class Portion(FieldsRepr):
    """提取比例分配: only a fraction of the total is distributed (e.g. 90% of profit); the rest is retained.

    The distributed amount is ``fraction × total`` rounded towards zero to the 分.

    Args:
        fraction: The part distributed, from 0 to 1, e.g. ``'90%'``.
        rule: How that part is split.
    """

    RULE: ClassVar[RuleKind] = RuleKind.PORTION
    fraction: Fraction = attrs.field(converter=_fraction, validator=_check_rate)
    rule: Rule
    kind: Literal["portion"] = attrs.field(default="portion", validator=attrs.validators.in_(["portion"]))

    def __attrs_post_init__(self) -> None:
        if self.fraction > 1:
            raise AllocationError("Portion.fraction", self.fraction, "a fraction from 0 to 1, e.g. '90%'")

    def allocate(self, total: Money, members: Sequence[Member], *, year: int = 1) -> Allocation:
        """Distribute ``fraction`` of ``total`` by ``rule`` and retain the rest."""
        exact = self.fraction * total.fen
        part = Money(math.trunc(exact))
        inner = self.rule.allocate(part, members, year=year)
        return attrs.evolve(inner, total=total, retained=inner.retained + (total - part))


@attrs.frozen(repr=False)
class Capped(FieldsRepr):
    """封顶再分配: ``rule``, with no member above its cap; what a cap cuts off is redistributed.

    ``rule`` is applied first. Members over their cap are held at it, and the rest of what ``rule``
    distributed is split among the others in proportion to what ``rule`` gave them, until nobody is
    over (so it works for any rule, including those that name members). If everyone is capped the
    remainder is retained. Caps limit gains only: a loss (negative total) is split by ``rule`` as it is.

    Args:
        rule: The underlying rule.
        cap: A cap for every member, or None.
        caps: Caps for particular members (these take precedence over ``cap``).
    """

    RULE: ClassVar[RuleKind] = RuleKind.CAPPED
    rule: Rule
    cap: Money | None = attrs.field(
        default=None, converter=attrs.converters.optional(_money), validator=_check_optional_money
    )
    caps: tuple[MemberAmount, ...] = attrs.field(default=(), converter=_amounts)
    kind: Literal["capped"] = attrs.field(default="capped", validator=attrs.validators.in_(["capped"]))

    def cap_of(self, member_id: str) -> Money | None:
        """The cap that applies to ``member_id``, if any."""
        for entry in self.caps:
            if entry.member_id == member_id:
                return entry.amount
        return self.cap

    def allocate(self, total: Money, members: Sequence[Member], *, year: int = 1) -> Allocation:
        """Allocate ``total`` by ``rule`` within the caps."""
        listed = _member_list(members, "Capped")
        inner = self.rule.allocate(total, listed, year=year)
        if total.fen <= 0:
            return inner
        first = inner.amounts()
        over = self._over(first)
        if not over:
            return inner
        pool = total - inner.retained
        held: dict[str, Money] = {}
        active = {i: Fraction(a.fen) for i, a in first.items()}
        exact: dict[str, Fraction] = {}
        parts: dict[str, int] = {}
        while over:
            for i in over:
                held[i] = self.cap_of(i)  # type: ignore[assignment]
                del active[i]
            remaining = pool - sum(held.values(), Money.ZERO)
            whole = sum(active.values(), Fraction(0))
            if whole <= 0 or remaining.fen <= 0:
                exact, parts = {}, {}
                break
            exact = {i: remaining.fen * a / whole for i, a in active.items()}
            parts = round_quotas(exact, where="Capped")
            over = self._over({i: Money(p) for i, p in parts.items()})
        cap_lines = tuple(
            Line(member_id=i, amount=a, rule=self.RULE, part=Part.CAP, quota=Fraction(a.fen))
            for i, a in held.items()
        )
        share_lines = tuple(
            Line(member_id=i, amount=Money(parts[i]), rule=self.RULE, quota=exact[i]) for i in exact
        )
        given = sum(held.values(), Money.ZERO) + Money(sum(parts.values()))
        return Allocation(
            total=total,
            lines=cap_lines + share_lines,
            retained=total - given,
            guarantor_flows=inner.guarantor_flows,
        )

    def _over(self, amounts: Mapping[str, Money]) -> list[str]:
        over = []
        for i, amount in amounts.items():
            limit = self.cap_of(i)
            if limit is not None and amount > limit:
                over.append(i)
        return over


@attrs.frozen(repr=False)
class Tier(FieldsRepr):
    """One tier of a :class:`Waterfall`.

    Args:
        name: The tier's name as the agreement calls it, e.g. ``优先回报``.
        rule: How the tier's amount is split.
        limit: At most this much goes to the tier; everything that is left if None.
    """

    name: str = attrs.field(validator=_check_id)
    rule: Rule
    limit: Money | None = attrs.field(
        default=None, converter=attrs.converters.optional(_money), validator=_check_optional_money
    )


@attrs.frozen(repr=False)
class Waterfall(FieldsRepr):
    """优先级分配: tiers paid in order of priority; each tier takes what it may of what is left.

    A tier takes ``min(limit, left)`` (or all that is left); whatever its rule retains (e.g. the
    surplus above fixed returns) flows on to the next tier. A loss (total ≤ 0) skips the tiers with a
    limit and goes to the first tier without one. What the last tier leaves is retained.

    Args:
        tiers: The tiers, highest priority first.
    """

    RULE: ClassVar[RuleKind] = RuleKind.WATERFALL
    tiers: tuple[Tier, ...] = attrs.field(converter=_tiers)
    kind: Literal["waterfall"] = attrs.field(
        default="waterfall", validator=attrs.validators.in_(["waterfall"])
    )

    def __attrs_post_init__(self) -> None:
        if not self.tiers:
            raise AllocationError("Waterfall.tiers", (), "at least one tier")

    def allocate(self, total: Money, members: Sequence[Member], *, year: int = 1) -> Allocation:
        """Pay the tiers in order."""
        listed = _member_list(members, "Waterfall")
        left = total
        lines: tuple[Line, ...] = ()
        flows: tuple[GuarantorFlow, ...] = ()
        for tier in self.tiers:
            if left.fen > 0:
                amount = left if tier.limit is None else min(left, tier.limit)
            elif tier.limit is None:
                amount = left
            else:
                continue
            if amount.fen == 0 and tier.limit is not None:
                continue
            inner = tier.rule.allocate(amount, listed, year=year).with_tier(tier.name)
            lines += inner.lines
            flows += inner.guarantor_flows
            left = left - amount + inner.retained
            if left.fen == 0:
                break
        return Allocation(total=total, lines=lines, retained=left, guarantor_flows=flows)


Rule: TypeAlias = (
    EqualSplit
    | Proportional
    | Weighted
    | ByWeights
    | ShapleyTable
    | WeightedVoting
    | FixedReturn
    | GuaranteedMinimum
    | Portion
    | Capped
    | Waterfall
)
"""Any allocation rule; the ``kind`` field tells them apart."""

#: The rule classes, in the order of :data:`Rule`; each has a distinct ``kind`` tag.
RULE_TYPES: tuple[type[Rule], ...] = typing.get_args(Rule)

for _cls in (
    Member,
    MemberWeight,
    MemberAmount,
    RateFrom,
    EqualSplit,
    Proportional,
    Weighted,
    ByWeights,
    ShapleyTable,
    WeightedVoting,
    FixedReturn,
    GuaranteedMinimum,
    Portion,
    Capped,
    Tier,
    Waterfall,
):
    attrs.resolve_types(_cls, globals())


def allocate(rule: Rule, total: Money | str | int, members: Sequence[Member], *, year: int = 1) -> Allocation:
    """Apply ``rule`` to ``total`` among ``members`` in ``year`` of the agreement.

    Args:
        rule: The rule.
        total: A Money, text such as ``'100万元'``, or an int number of 分 (as :func:`apportion` takes
            it). A negative total is a loss, shared as each rule documents it.
        members: Who may share.
        year: The year of the agreement (1 = the first).

    Raises:
        AllocationError: the rule cannot be applied to these members, the year is not 1 or more, or
            the total is neither money nor an int.
        InvalidMoney: the total is text that is not an amount.

    >>> from dangjian_model.allocation import EqualSplit, Member
    >>> allocate(EqualSplit(), "225万元", [Member(f"v{k}") for k in range(11)]).amount("v0")
    Money('204545.46元')
    >>> allocate(EqualSplit(), 100, [Member("a"), Member("b"), Member("c")]).amount("a")
    Money('0.34元')
    """
    amount = Money.parse(total, "allocate(total)") if isinstance(total, str) else _money(total)
    if not isinstance(amount, Money):
        raise AllocationError("allocate(total)", total, _MONEY)
    if isinstance(year, bool) or not isinstance(year, int) or year < 1:
        raise AllocationError(
            "allocate(year)", year, "a year of 1 or more (1 = the first year of the agreement)"
        )
    return rule.allocate(amount, _member_list(members, "allocate"), year=year)

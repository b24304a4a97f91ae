"""The apportionment core: split a whole number of 分 among members by weights, exactly.

Every part is an ``int`` of 分 and the parts add up to the total, always. The arithmetic is on
integers: weights are brought to a common denominator, each exact quota ``total * w / W`` is
split by ``divmod`` into a whole part and a remainder, and the 分 left over go to the largest
remainders. Nothing is ever a float.

>>> from dangjian_model import Money
>>> from dangjian_model.allocation import apportion, Method
>>> apportion(100, {"a": 1, "b": 1, "c": 1})
{'a': 34, 'b': 33, 'c': 33}
>>> apportion(-100, {"a": 1, "b": 1, "c": 1})
{'a': -34, 'b': -33, 'c': -33}
>>> apportion(Money.parse("100万元"), {"甲": "49.3%", "乙": "50.7%"})
{'甲': Money('493000元'), '乙': Money('507000元')}
>>> apportion(10, {"a": 6, "b": 3, "c": 1}, Method.DHONDT)
{'a': 6, 'b': 3, 'c': 1}

**Tie-break.** When two members have the same remainder (largest remainder) or the same
priority (divisor methods) and only one can have the next 分, the member whose id sorts first
(Python string order) gets it. The listing order of members never matters.
"""

from __future__ import annotations

import heapq
import math
from collections.abc import Mapping, Sequence
from fractions import Fraction
from typing import overload

from dangjian_model._errors import InvalidLabel
from dangjian_model._labels import LabelledEnum, zh_name
from dangjian_model._money import Money
from dangjian_model.allocation._errors import AllocationError
from dangjian_model.allocation._weights import WeightLike, to_weight

__all__ = ["Method", "apportion", "quotas", "round_quotas"]


@zh_name("分配方法")
class Method(LabelledEnum):
    """How whole 分 are handed out when exact quotas have fractions of a 分.

    ``LARGEST_REMAINDER`` (Hamilton, 最大余额法) keeps every part within one 分 of its exact quota but can
    show the Alabama paradox; the divisor methods ``DHONDT`` (Jefferson, 最高平均数法) and
    ``SAINTE_LAGUE`` (Webster, 圣拉古法) never do, but may leave a part more than one 分 from its quota.
    """

    LARGEST_REMAINDER = ("largest_remainder", "最大余额法", "hamilton", "hare", "lrm")
    DHONDT = ("dhondt", "最高平均数法", "jefferson", "d'hondt", "洪德法")
    SAINTE_LAGUE = ("sainte_lague", "圣拉古法", "webster", "saintelague", "sainte-laguë")


def parse_method(value: object, where: str) -> Method:
    """The :class:`Method` named by ``value`` (a member, its English id or Chinese label).

    Raises:
        AllocationError: ``value`` names no method; the message lists them (like every mistake in
            an allocation's inputs, it is an :class:`AllocationError`).
    """
    try:
        return Method.parse(value, where)
    except InvalidLabel as error:
        raise AllocationError(where, value, error.expected) from None


def _total_fen(total: object, where: str) -> int:
    if isinstance(total, Money):
        return total.fen
    if type(total) is int:
        return total
    raise AllocationError(f"{where}(total)", total, "a whole number of 分 (an int) or a Money")


def _integer_weights(weights: Mapping[str, WeightLike], where: str) -> tuple[list[str], list[int]]:
    """The ids and the weights scaled to integers over a common denominator."""
    if not isinstance(weights, Mapping):
        raise AllocationError(f"{where}(weights)", weights, "a mapping from member id to weight")
    if not weights:
        raise AllocationError(
            f"{where}(weights)", {}, "at least one member with a weight; there is nobody to share among"
        )
    ids = list(weights)
    values = list(weights.values())
    if all(type(v) is int for v in values):
        ints: list[int] = values  # type: ignore[assignment]
        if min(ints) < 0:
            bad = next(i for i, v in zip(ids, ints, strict=False) if v < 0)
            raise AllocationError(
                f"{where}(weights)[{bad!r}]", weights[bad], "a weight of zero or more; it is negative"
            )
    else:
        fractions = [to_weight(v, f"{where}(weights)[{i!r}]") for i, v in zip(ids, values, strict=False)]
        denominator = math.lcm(*(f.denominator for f in fractions))
        ints = [f.numerator * (denominator // f.denominator) for f in fractions]
    for i in ids:
        if not isinstance(i, str):
            raise AllocationError(f"{where}(weights)", i, "member ids that are text (str)")
    if not any(ints):
        raise AllocationError(
            f"{where}(weights)",
            weights if len(weights) <= 8 else f"{len(weights)} weights",
            "at least one weight above zero; all are zero",
        )
    return ids, ints


def _largest_remainder(total: int, ids: Sequence[str], ints: Sequence[int]) -> list[int]:
    whole = sum(ints)
    pairs = [divmod(total * w, whole) for w in ints]
    parts = [q for q, _ in pairs]
    left = total - sum(parts)
    if left:
        remainders = [r for _, r in pairs]
        if left * 8 < len(remainders):
            cutoff = heapq.nlargest(left, remainders)[-1]
        else:
            cutoff = sorted(remainders, reverse=True)[left - 1]
        above = [k for k, r in enumerate(remainders) if r > cutoff]
        for k in above:
            parts[k] += 1
        tied = sorted((ids[k], k) for k, r in enumerate(remainders) if r == cutoff)
        for _, k in tied[: left - len(above)]:
            parts[k] += 1
    return parts


def _divisor(total: int, ids: Sequence[str], ints: Sequence[int], method: Method) -> list[int]:
    whole = sum(ints)
    webster = method is Method.SAINTE_LAGUE
    # Start from the rounding at divisor W/total, then move one 分 at a time by priority.
    if webster:
        parts = [(2 * total * w + whole) // (2 * whole) for w in ints]
    else:
        parts = [total * w // whole for w in ints]
    rank = {name: r for r, name in enumerate(sorted(ids))}
    left = total - sum(parts)
    if left > 0:
        # Priority of the next 分: w / (a + 1) (D'Hondt) or w / (a + 1/2) (Sainte-Laguë).
        offset = 1 if webster else 2
        heap = [
            (-Fraction(2 * w, 2 * a + offset), rank[i], k)
            for k, (i, w, a) in enumerate(zip(ids, ints, parts, strict=False))
            if w
        ]
        heapq.heapify(heap)
        for _ in range(left):
            _, r, k = heapq.heappop(heap)
            parts[k] += 1
            heapq.heappush(heap, (-Fraction(2 * ints[k], 2 * parts[k] + offset), r, k))
    elif left < 0:
        # Priority of losing a 分: w / a (D'Hondt) or w / (a - 1/2); the lowest loses first.
        offset = -1 if webster else 0
        heap2 = [
            (Fraction(2 * w, 2 * a + offset), -rank[i], k)
            for k, (i, w, a) in enumerate(zip(ids, ints, parts, strict=False))
            if a > 0
        ]
        heapq.heapify(heap2)
        for _ in range(-left):
            _, r, k = heapq.heappop(heap2)
            parts[k] -= 1
            if parts[k] > 0:
                heapq.heappush(heap2, (Fraction(2 * ints[k], 2 * parts[k] + offset), r, k))
    return parts


def _apportion_fen(total: int, ids: Sequence[str], ints: Sequence[int], method: Method) -> list[int]:
    if total < 0:
        return [-p for p in _apportion_fen(-total, ids, ints, method)]
    if total == 0:
        return [0] * len(ids)
    if method is Method.LARGEST_REMAINDER:
        return _largest_remainder(total, ids, ints)
    return _divisor(total, ids, ints, method)


@overload
def apportion(
    total: Money, weights: Mapping[str, WeightLike], method: Method | str = ..., *, where: str = ...
) -> dict[str, Money]: ...
@overload
def apportion(
    total: int, weights: Mapping[str, WeightLike], method: Method | str = ..., *, where: str = ...
) -> dict[str, int]: ...
def apportion(
    total: int | Money,
    weights: Mapping[str, WeightLike],
    method: Method | str = Method.LARGEST_REMAINDER,
    *,
    where: str = "apportion",
) -> dict[str, int] | dict[str, Money]:
    """Split ``total`` among the members in proportion to their weights, exactly to the 分.

    Args:
        total: The amount: an ``int`` of 分, or a :class:`Money` (then the parts are Money too).
            A negative total (a loss) is split as the exact mirror of the positive one.
        weights: Member id → weight (int, Decimal, Fraction, Money, or text such as ``'49.3%'``).
            A zero weight gets zero.
        method: :class:`Method` or its name; largest remainder unless said otherwise.
        where: Where the call stands, for error messages.

    Returns:
        Member id → part, in the order of ``weights``; the parts add up to ``total``.

    Raises:
        AllocationError: no members, a negative or unreadable weight, all weights zero, or a
            method that is not one of :class:`Method`.
    """
    chosen = parse_method(method, f"{where}(method)")
    fen = _total_fen(total, where)
    ids, ints = _integer_weights(weights, where)
    parts = _apportion_fen(fen, ids, ints, chosen)
    if isinstance(total, Money):
        return {i: Money(p) for i, p in zip(ids, parts, strict=False)}
    return dict(zip(ids, parts, strict=False))


def quotas(
    total: int | Money, weights: Mapping[str, WeightLike], *, where: str = "quotas"
) -> dict[str, Fraction]:
    """The exact quota of each member in 分 before any rounding: ``total * w / sum(w)``.

    >>> quotas(100, {"a": 1, "b": 2})
    {'a': Fraction(100, 3), 'b': Fraction(200, 3)}
    """
    fen = _total_fen(total, where)
    ids, ints = _integer_weights(weights, where)
    whole = sum(ints)
    return {i: Fraction(fen * w, whole) for i, w in zip(ids, ints, strict=False)}


def round_quotas(exact: Mapping[str, Fraction], *, where: str = "round_quotas") -> dict[str, int]:
    """Round exact quotas of any sign to whole 分 by largest remainder, keeping their (whole) sum.

    Used where quotas come from elsewhere, e.g. Shapley values that may be negative. Each part is the
    floor or the ceiling of its quota; ties go to the id that sorts first.

    Raises:
        AllocationError: no quotas, or they do not add up to a whole number of 分.

    >>> round_quotas({"a": Fraction(5, 2), "b": Fraction(-1, 2), "c": Fraction(0)})
    {'a': 3, 'b': -1, 'c': 0}
    """
    if not exact:
        raise AllocationError(f"{where}(quotas)", {}, "at least one quota")
    ids = list(exact)
    denominator = math.lcm(*(Fraction(q).denominator for q in exact.values()))
    scaled = [int(Fraction(q) * denominator) for q in exact.values()]
    whole, rest = divmod(sum(scaled), denominator)
    if rest:
        raise AllocationError(
            f"{where}(quotas)",
            f"sum {Fraction(sum(scaled), denominator)}",
            "quotas whose sum is a whole number of 分",
        )
    pairs = [divmod(s, denominator) for s in scaled]
    parts = [q for q, _ in pairs]
    left = whole - sum(parts)
    if left:
        order = sorted(range(len(ids)), key=lambda k: (-pairs[k][1], ids[k]))
        for k in order[:left]:
            parts[k] += 1
    return dict(zip(ids, parts, strict=False))

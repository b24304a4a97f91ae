"""Weighted voting games (加权投票博弈): exact Shapley–Shubik and Banzhaf power by generating functions.

A coalition wins when its weight reaches the quota. Both indices count, for each player, the losing
coalitions of the others that the player turns into winning ones (its *swings*); Shapley–Shubik weighs
a swing by the size of the coalition, Banzhaf counts them all alike.

How it runs (``n`` players, weights scaled to whole numbers and divided by their gcd, ``q`` the quota
in those units):

1. One generating-function pass counts the losing coalitions by size and weight: for each size ``s``
   a big integer whose ``b``-bit slots (``b ≥ n + 1``) hold the counts by weight, kept in reverse order
   so that weights reaching the quota fall off the low end by themselves and weights no coalition of
   that size can have are never stored. That is ``n`` shifts and additions per player, O(n²·q) slot
   operations, done by CPython's big-integer arithmetic.
2. The table is turned over once (weight-major) and summed along the weights, so the number of losing
   coalitions of every size below any weight is one subtraction away.
3. A player of weight ``w`` swings the coalitions of the others with weight in ``[q − w, q)``. Removing
   the player from the generating function is dividing by ``1 + y·x^w``; summed over that window the
   alternating series ``Σₖ (−1)ᵏ yᵏ·x^{kw}`` becomes ``Σₖ (−1)ᵏ`` (block ``k`` of width ``w`` below the
   quota, shifted ``k`` sizes up), at most ``min(q/w, n)`` blocks of one packed integer each, and
   players of equal weight share the work.

A game of at most 20 players with weight whose quota is at least ``2**n`` such units (weights of
10⁸ among a few villages) is solved by listing its ``2**n`` coalitions instead.

So the exact Shapley–Shubik index costs O(n²·q) for the table plus O(n²·min(q/w, n)) packed
operations, instead of a deconvolution over the whole table for every player. Before any of it runs,
the size of the work is computed from the weights and checked against :class:`VotingLimits`; a game
past a limit is refused with :class:`GameTooLarge`, whose message says how to ask for the seeded
Monte Carlo estimate (:func:`weighted_voting_monte_carlo`) instead.

>>> weighted_voting_banzhaf({"a": 50, "b": 49, "c": 1}, 51).normalised
{'a': Fraction(3, 5), 'b': Fraction(1, 5), 'c': Fraction(1, 5)}
"""

from __future__ import annotations

import bisect
import itertools
import math
import random
from collections.abc import Mapping, Sequence
from decimal import Decimal, localcontext
from fractions import Fraction
from typing import Literal

import attrs

from dangjian_model._repr import FieldsRepr
from dangjian_model.allocation._errors import AllocationError, GameTooLarge
from dangjian_model.allocation._shapley import ShapleyEstimate, _players, shapley_from_table
from dangjian_model.allocation._weights import WeightLike, to_weight

__all__ = [
    "BanzhafIndex",
    "VotingLimits",
    "weighted_voting_banzhaf",
    "weighted_voting_monte_carlo",
    "weighted_voting_shapley",
]

_MAX_ESTIMATE_STEPS = 10**7  # about ten seconds
#: Up to this many players with weight, a game whose quota is at least 2**players is solved by listing
#: its coalitions (2**n sums) rather than by the generating function (whose size grows with the quota).
_MAX_LISTED = 20


def _positive(instance: object, attribute: attrs.Attribute[int], value: object) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise AllocationError(
            f"VotingLimits.{attribute.name}", value, "大于 0 的整数 / a whole number above 0"
        )


@attrs.frozen(repr=False)
class VotingLimits(FieldsRepr):
    """How large a weighted voting game the exact methods take on (the defaults take about half a minute).

    Args:
        table_bits: The table of counts of losing coalitions by size and weight, in bits (memory is
            about twice this); 2**31 bits is 256 MiB.
        work: Bit operations of the generating-function pass, about players × ``table_bits``.
        steps: Steps taken one by one in Python: one per weight below the (scaled) quota and one per
            block of the per-player sums.

    200 players with weights from 100 to 999 and a majority quota need about 1.6·10⁹ table bits,
    3·10¹¹ bit operations and 10⁵ steps.
    """

    table_bits: int = attrs.field(default=1 << 31, validator=_positive)
    work: int = attrs.field(default=1 << 39, validator=_positive)
    steps: int = attrs.field(default=1 << 24, validator=_positive)


@attrs.frozen(repr=False)
class BanzhafIndex(FieldsRepr):
    """The Banzhaf power of each player of a weighted voting game (班扎夫权力指数).

    Attributes:
        swings: Player → how many coalitions of the others lose without it and win with it.
        raw: Player → swings / 2**(n−1), the probability of being decisive when every other player
            joins by a fair coin (the absolute or "raw" Banzhaf index).
        normalised: Player → swings / total swings; they add up to 1.
    """

    swings: dict[str, int]
    raw: dict[str, Fraction]
    normalised: dict[str, Fraction]


@attrs.frozen(repr=False)
class _Game(FieldsRepr):
    """A weighted voting game in whole units: the players with weight, their weights, the quota."""

    names: list[str]
    weights: list[int]
    quota: int
    nulls: list[str]


def _game(weights: Mapping[str, WeightLike], quota: WeightLike, where: str) -> _Game:
    """Read the game exactly, scale to whole numbers, divide by the gcd and cap weights at the quota.

    None of this changes who wins: a coalition's weight is a multiple of the gcd, so it reaches the
    quota exactly when it reaches the quota rounded up to that multiple; a weight above the quota wins
    alone either way. Players of weight 0 never swing and are set aside (they change no one's power).
    """
    if not isinstance(weights, Mapping):
        raise AllocationError(
            f"{where}(weights)", weights, "成员到权重的映射 / a mapping from player to weight"
        )
    names = _players(list(weights), where)
    exact = [to_weight(weights[p], f"{where}(weights)[{p!r}]") for p in names]
    exact_quota = to_weight(quota, f"{where}(quota)")
    total = sum(exact, Fraction(0))
    if not 0 < exact_quota <= total:
        raise AllocationError(
            f"{where}(quota)",
            quota,
            f"大于 0 且不超过总权重 {total} 的门槛 / a quota above 0 and at most the total weight {total}",
        )
    denominator = math.lcm(exact_quota.denominator, *(w.denominator for w in exact))
    ints = [w.numerator * (denominator // w.denominator) for w in exact]
    need = exact_quota.numerator * (denominator // exact_quota.denominator)
    common = math.gcd(*ints)
    need = -(-need // common)
    kept = [(p, min(w // common, need)) for p, w in zip(names, ints, strict=True) if w]
    return _Game(
        names=[p for p, _ in kept],
        weights=[w for _, w in kept],
        quota=need,
        nulls=[p for p, w in zip(names, ints, strict=True) if not w],
    )


_MEASURES = {
    "table_bits": ("计数表位数", "count table bits"),
    "work": ("位运算量", "bit operations"),
    "steps": ("逐步计算的步数", "steps"),
}


def _too_large(where: str, measure: str, size: int, limit: int, game: _Game) -> GameTooLarge:
    zh, en = _MEASURES[measure]
    return GameTooLarge(
        where,
        f"{len(game.names)} players with weight, quota {game.quota} in whole units of the weights: {en} {size:,}",
        f"精确算法的{zh}至多 {limit:,}（VotingLimits.{measure}）：请用较小的整数权重，或改用带种子的蒙特卡洛估计"
        f"（weighted_voting_monte_carlo，或规则的 samples 字段） / {en} at most {limit:,} for the exact method "
        f"(VotingLimits.{measure}); use smaller whole-number weights, raise the limit, or ask for the seeded "
        "Monte Carlo estimate (weighted_voting_monte_carlo, or the rule's samples field)",
    )


def _enumerate(game: _Game) -> list[int] | None:
    """The win (1) or loss (0) of every coalition, when listing them is cheaper than the generating function."""
    n = len(game.names)
    if n > _MAX_LISTED or (1 << n) > game.quota:
        return None
    sums = [0]
    for w in game.weights:
        sums += [s + w for s in sums]
    need = game.quota
    return [int(s >= need) for s in sums]


def _swings_from_table(table: Sequence[int], n: int) -> list[int]:
    """Σ over coalitions S without player i of v(S ∪ i) − v(S), for each i, from a table by bitmask."""
    size = 1 << n
    whole = sum(table)
    result = []
    for i in range(n):
        bit = 1 << i
        stride = bit << 1
        if bit <= size // stride:
            inside = sum(sum(table[j::stride]) for j in range(bit, stride))
        else:
            inside = sum(sum(table[k + bit : k + stride]) for k in range(0, size, stride))
        result.append(2 * inside - whole)
    return result


def _slot_bytes(n: int) -> int:
    """Bytes per slot: a count of coalitions of n players is below 2**n, and sums of them stay below 2**(n+1)."""
    return n // 8 + 1


def _blocks(need: int, weight: int, most: int) -> int:
    return min(-(-need // weight), most)


def _check(
    game: _Game, table_bits: int, rounds: int, most_blocks: int, limits: VotingLimits, where: str
) -> None:
    distinct = set(game.weights)
    steps = game.quota + sum(_blocks(game.quota, w, most_blocks) for w in distinct)
    for measure, size, limit in (
        ("table_bits", table_bits, limits.table_bits),
        ("work", rounds * table_bits, limits.work),
        ("steps", steps, limits.steps),
    ):
        if size > limit:
            raise _too_large(where, measure, size, limit, game)


def _prefix_sums(
    buffer: bytes | bytearray,
    stride: int,
    need: int,
    points: set[int],
    byteorder: Literal["little", "big"] = "little",
) -> dict[int, int]:
    """``F(u)``, the packed sum of the rows of weights below ``u``, for every ``u`` in ``points``."""
    sums: dict[int, int] = {}
    total = 0
    for u in range(need):
        if u in points:
            sums[u] = total
        total += int.from_bytes(buffer[u * stride : (u + 1) * stride], byteorder)
    sums[need] = total
    return sums


def _points(need: int, weights: set[int], most: int) -> set[int]:
    points: set[int] = set()
    for w in weights:
        for k in range(_blocks(need, w, most) + 1):
            points.add(max(0, need - k * w))
    return points


def _window(sums: Mapping[int, int], need: int, weight: int, most: int, slot_bits: int) -> int:
    """Σₖ (−1)ᵏ (block k of width ``weight`` below the quota) shifted k slots up, blocks k < ``most``."""
    plus = minus = 0
    high = need
    for k in range(_blocks(need, weight, most)):
        low = max(0, high - weight)
        block = sums[high] - sums[low]
        if k & 1:
            minus += block << (k * slot_bits)
        else:
            plus += block << (k * slot_bits)
        high = low
    return plus - minus


def weighted_voting_shapley(
    weights: Mapping[str, WeightLike], quota: WeightLike, *, limits: VotingLimits | None = None
) -> dict[str, Fraction]:
    """The exact Shapley–Shubik power of each player in a weighted voting game.

    A coalition wins (is worth 1) when its total weight reaches ``quota``. Weights and quota are read
    exactly and scaled to whole numbers divided by their gcd; the cost is O(n²·q) for ``n`` players
    and a quota of ``q`` such units (see the module's description), checked against ``limits`` before
    the work starts.

    Args:
        weights: Player → non-negative weight (votes, shares …): int, Decimal, Fraction, Money or text.
        quota: The weight a coalition needs to win; above 0 and at most the total weight.
        limits: How large a game to take on; :class:`VotingLimits` () by default.

    Returns:
        Player → exact power; they add up to 1.

    Raises:
        AllocationError: a weight or the quota is not a non-negative exact number, or the quota is
            not above 0 and at most the total weight.
        GameTooLarge: the game is past ``limits`` (use :func:`weighted_voting_monte_carlo`).

    >>> weighted_voting_shapley({"a": 50, "b": 49, "c": 1}, 51)
    {'a': Fraction(2, 3), 'b': Fraction(1, 6), 'c': Fraction(1, 6)}
    """
    where = "weighted_voting_shapley"
    game = _game(weights, quota, where)
    listed = _enumerate(game)
    if listed is not None:
        exact = shapley_from_table(game.names, listed)
        exact.update(dict.fromkeys(game.nulls, Fraction(0)))
        return {p: exact[p] for p in weights}
    n, need, ws = len(game.names), game.quota, game.weights
    slot = _slot_bytes(n)
    bits = 8 * slot
    losing = [w for w in ws if w < need]  # a player of weight ≥ need is in no losing coalition
    low_w, high_w = min(losing, default=1), max(losing, default=0)
    # Losing coalitions of size s weigh from s·low_w to min(need − 1, s·high_w).
    sizes = min(len(losing), (need - 1) // low_w)
    tops = [min(need - 1, s * high_w) for s in range(sizes + 1)]
    table_bits = bits * sum(tops[s] - s * low_w + 1 for s in range(sizes + 1))
    _check(game, table_bits, n, n, limits or VotingLimits(), where)
    rows = [0] * (sizes + 1)
    rows[0] = 1
    for k, w in enumerate(sorted(losing, reverse=True), 1):  # heavy first: the rows stay short longer
        for s in range(min(k, sizes), 0, -1):
            before = rows[s - 1]
            if before:
                shift = tops[s] - tops[s - 1] - w
                rows[s] += before << (bits * shift) if shift >= 0 else before >> (-bits * shift)
    # Turn the table over: weight-major, one packed row of sizes 0..sizes per weight.
    width = sizes + 1
    stride = width * slot
    table = bytearray(need * stride)
    for s in range(width):
        top = tops[s]
        column = rows[s].to_bytes((top + 1) * slot, "little")
        rows[s] = 0
        for j in range(slot):
            table[s * slot + j : (top + 1) * stride : stride] = column[top * slot + j :: -slot]
    distinct = set(ws)
    sums = _prefix_sums(table, stride, need, _points(need, distinct, n))
    del table
    fact = [math.factorial(k) for k in range(n + 1)]
    power: dict[int, Fraction] = {}
    for w in distinct:
        window = _window(sums, need, w, n, bits) & ((1 << (bits * n)) - 1)
        packed = window.to_bytes(n * slot, "little")
        swings = sum(
            int.from_bytes(packed[s * slot : (s + 1) * slot], "little") * fact[s] * fact[n - s - 1]
            for s in range(n)
        )
        power[w] = Fraction(swings, fact[n])
    result = {p: power[w] for p, w in zip(game.names, ws, strict=True)}
    result.update(dict.fromkeys(game.nulls, Fraction(0)))
    return {p: result[p] for p in weights}


def weighted_voting_banzhaf(
    weights: Mapping[str, WeightLike], quota: WeightLike, *, limits: VotingLimits | None = None
) -> BanzhafIndex:
    """The exact Banzhaf power (raw and normalised) of each player in a weighted voting game.

    The same generating function as :func:`weighted_voting_shapley` without the sizes: one packed
    integer of counts by weight, ``n`` shifts and additions, then ``q/w`` blocks per distinct weight,
    so 200 players with weights in the hundreds take well under a second.

    Args:
        weights: Player → non-negative weight.
        quota: The weight a coalition needs to win; above 0 and at most the total weight.
        limits: How large a game to take on; :class:`VotingLimits` () by default.

    Raises:
        AllocationError: bad weights or quota, as for :func:`weighted_voting_shapley`.
        GameTooLarge: the game is past ``limits``.

    >>> index = weighted_voting_banzhaf({"a": 2, "b": 1, "c": 1}, 3)
    >>> index.swings, index.raw["a"], index.normalised["a"]
    ({'a': 3, 'b': 1, 'c': 1}, Fraction(3, 4), Fraction(3, 5))
    """
    where = "weighted_voting_banzhaf"
    game = _game(weights, quota, where)
    listed = _enumerate(game)
    found = (
        dict(zip(game.names, _swings_from_table(listed, len(game.names)), strict=True))
        if listed is not None
        else _banzhaf_swings(game, limits or VotingLimits(), where)
    )
    swings = dict.fromkeys(weights, 0)
    swings.update(found)
    # Null players double every count and the number of coalitions alike: the ratios do not change.
    swings = {p: s << len(game.nulls) for p, s in swings.items()}
    everyone = len(swings)
    whole = sum(swings.values())
    return BanzhafIndex(
        swings=swings,
        raw={p: Fraction(s, 1 << (everyone - 1)) for p, s in swings.items()},
        normalised={p: Fraction(s, whole) for p, s in swings.items()},
    )


def _banzhaf_swings(game: _Game, limits: VotingLimits, where: str) -> dict[str, int]:
    n, need, ws = len(game.names), game.quota, game.weights
    slot = _slot_bytes(n)
    bits = 8 * slot
    top = need - 1  # the quota is at most the total weight
    _check(game, bits * need, n, need, limits, where)
    counts = 1 << (bits * top)  # weight u sits at slot top − u
    for w in ws:
        counts += counts >> (bits * w)
    column = counts.to_bytes(need * slot, "little")[::-1]  # weight-major, each slot big-endian
    distinct = set(ws)
    sums = _prefix_sums(column, slot, need, _points(need, distinct, need), "big")
    by_weight = {w: _window(sums, need, w, need, 0) for w in distinct}
    return {p: by_weight[w] for p, w in zip(game.names, ws, strict=True)}


def weighted_voting_monte_carlo(
    weights: Mapping[str, WeightLike], quota: WeightLike, *, samples: int = 10_000, seed: int = 0
) -> ShapleyEstimate:
    """Estimate Shapley–Shubik power from ``samples`` random orders (seeded, reproducible): an estimate.

    In each order the pivotal player, the one whose weight first takes the running total to the
    quota, scores 1; the estimate is each player's share of the orders and comes with its standard
    error. Use it when the exact method refuses a game as too large. The cost is ``samples × n``.

    Args:
        weights: Player → non-negative weight.
        quota: The weight a coalition needs to win; above 0 and at most the total weight.
        samples: Number of random orders, at least 2 (and ``samples × players`` at most 10**7).
        seed: Seed of the random generator.

    >>> estimate = weighted_voting_monte_carlo({"a": 50, "b": 49, "c": 1}, 51, samples=600, seed=3)
    >>> abs(estimate.values["a"] - Fraction(2, 3)) < 3 * estimate.standard_errors["a"]
    True
    """
    where = "weighted_voting_monte_carlo"
    game = _game(weights, quota, where)
    if isinstance(samples, bool) or not isinstance(samples, int) or samples < 2:
        raise AllocationError(f"{where}(samples)", samples, "至少为 2 的整数 / an int of at least 2")
    if samples * len(weights) > _MAX_ESTIMATE_STEPS:
        raise GameTooLarge(
            f"{where}(samples)",
            samples,
            f"抽样次数×成员数至多 {_MAX_ESTIMATE_STEPS:,} / samples × players at most {_MAX_ESTIMATE_STEPS:,}",
        )
    rng = random.Random(seed)
    order = list(zip(game.names, game.weights, strict=True))
    pivots = dict.fromkeys(weights, 0)
    for _ in range(samples):
        rng.shuffle(order)
        running = list(itertools.accumulate(w for _, w in order))
        pivots[order[bisect.bisect_left(running, game.quota)][0]] += 1
    values = {p: Fraction(c, samples) for p, c in pivots.items()}
    errors: dict[str, Decimal] = {}
    with localcontext() as context:
        context.prec = 28
        for p, share in values.items():
            variance = share * (1 - share) * samples / (samples - 1) / samples
            errors[p] = (Decimal(variance.numerator) / Decimal(variance.denominator)).sqrt()
    return ShapleyEstimate(values=values, standard_errors=errors, samples=samples, seed=seed)

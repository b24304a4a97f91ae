"""The Shapley value of a cooperative game, exactly in Fractions, and turned into 分.

A game gives each coalition (a set of players) a value, with the empty coalition worth 0. The
Shapley value pays each player its marginal contribution averaged over every order in which the
grand coalition could form::

    >>> from dangjian_model.allocation import shapley_values
    >>> def value(coalition: frozenset[str]) -> int:
    ...     return 120 if {"甲", "乙"} <= coalition else (60 if coalition else 0)
    >>> shapley_values(["甲", "乙", "丙"], value)
    {'甲': Fraction(50, 1), '乙': Fraction(50, 1), '丙': Fraction(20, 1)}

Three ways in:

- :func:`shapley_values` / :func:`shapley_from_table`: exact, for up to about 22 players. The table form
  takes the ``2**n`` coalition values indexed by bitmask (bit ``i`` set ⇔ ``players[i]`` is in) and
  runs in a few sums over the table per player.
- :func:`shapley_monte_carlo`: a seeded estimate from random orders with its standard error, for games
  too large to enumerate.
- :func:`~dangjian_model.allocation.weighted_voting_shapley`: the exact Shapley–Shubik index of a
  weighted voting game (a coalition wins when its weight reaches the quota) for hundreds of players, by
  generating functions (in ``_voting``).
"""

from __future__ import annotations

import math
import random
from collections.abc import Callable, Mapping, Sequence
from decimal import Decimal, localcontext
from fractions import Fraction
from typing import TypeAlias

import attrs

from dangjian_model._money import Money
from dangjian_model._repr import FieldsRepr
from dangjian_model.allocation._apportion import round_quotas
from dangjian_model.allocation._errors import AllocationError

__all__ = [
    "CoalitionValue",
    "ShapleyEstimate",
    "shapley_from_table",
    "shapley_monte_carlo",
    "shapley_split",
    "shapley_values",
]

CoalitionValue: TypeAlias = int | Fraction | Decimal
"""What a characteristic function may return; floats are refused because they are not exact."""

_MAX_EXACT_PLAYERS = 26


def _players(players: Sequence[str], where: str) -> list[str]:
    names = list(players)
    if not names:
        raise AllocationError(f"{where}(players)", names, "at least one player")
    if len(set(names)) != len(names):
        duplicates = sorted({p for p in names if names.count(p) > 1})
        raise AllocationError(f"{where}(players)", duplicates, "each player listed once")
    return names


def _exact(value: object, where: str) -> Fraction:
    if isinstance(value, bool) or not isinstance(value, int | Fraction | Decimal):
        raise AllocationError(where, value, "an exact coalition value: int, Fraction or Decimal (not float)")
    return Fraction(value)


def _scaled(table: Sequence[CoalitionValue], where: str) -> tuple[list[int], int]:
    """Integers over a common denominator, and that denominator."""
    if all(type(x) is int for x in table):
        return list(table), 1  # type: ignore[arg-type]
    fractions = [_exact(x, f"{where}[{k}]") for k, x in enumerate(table)]
    denominator = math.lcm(*(f.denominator for f in fractions))
    return [f.numerator * (denominator // f.denominator) for f in fractions], denominator


def _popcounts(n: int) -> list[int]:
    counts = [0]
    for _ in range(n):
        counts += [c + 1 for c in counts]
    return counts


def shapley_from_table(players: Sequence[str], table: Sequence[CoalitionValue]) -> dict[str, Fraction]:
    """The exact Shapley value from a table of all ``2**n`` coalition values.

    Args:
        players: The players, each once; ``players[i]`` is bit ``i`` of a coalition's index.
        table: ``table[mask]`` is the value of the coalition whose members are the set bits of ``mask``;
            ``table[0]`` (the empty coalition) must be 0.

    Returns:
        Player → exact Shapley value; they add up to ``table[-1]`` (efficiency).

    Raises:
        AllocationError: the table has the wrong length, a value is a float, or ``table[0]`` is not 0.

    It uses ``n! φ_i = Σ_{S∋i} (W(|S|-1) + W(|S|)) v(S) − Σ_S W(|S|) v(S)`` with ``W(s) = s!(n-s-1)!``,
    so each player costs one sum over half of the table, done by slicing.

    >>> shapley_from_table(["a", "b"], [0, 10, 20, 40])
    {'a': Fraction(15, 1), 'b': Fraction(25, 1)}
    """
    names = _players(players, "shapley_from_table")
    n = len(names)
    size = 1 << n
    if len(table) != size:
        raise AllocationError(
            "shapley_from_table(table)", f"{len(table)} values", f"2**{n} = {size} values, one per coalition"
        )
    values, denominator = _scaled(table, "shapley_from_table(table)")
    if values[0] != 0:
        raise AllocationError(
            "shapley_from_table(table)[0]", table[0], "0: the empty coalition is worth nothing"
        )
    fact = [math.factorial(k) for k in range(n + 1)]
    weight = [fact[s] * fact[n - s - 1] for s in range(n)] + [0]
    coefficient = [0] + [weight[s - 1] + weight[s] for s in range(1, n + 1)]
    sizes = _popcounts(n)
    # Divide out the common factor so that the sums stay as small as possible.
    common = math.gcd(*weight, *coefficient) or 1
    weight = [w // common for w in weight]
    coefficient = [c // common for c in coefficient]
    grand = sum(map(int.__mul__, map(weight.__getitem__, sizes), values))
    mixed = list(map(int.__mul__, map(coefficient.__getitem__, sizes), values))
    result: dict[str, Fraction] = {}
    scale = fact[n] // common * denominator
    for i, name in enumerate(names):
        bit = 1 << i
        stride = bit << 1
        if bit <= size // stride:
            inside = sum(sum(mixed[j::stride]) for j in range(bit, stride))
        else:
            inside = sum(sum(mixed[k + bit : k + stride]) for k in range(0, size, stride))
        result[name] = Fraction(inside - grand, scale)
    return result


def shapley_values(
    players: Sequence[str], value: Callable[[frozenset[str]], CoalitionValue]
) -> dict[str, Fraction]:
    """The exact Shapley value of the game ``value`` (called once on every coalition).

    Args:
        players: The players, each once (at most 26: the game has ``2**n`` coalitions).
        value: The characteristic function: coalition → exact value, with ``value(frozenset()) == 0``.

    Raises:
        AllocationError: too many players, a float value, or the empty coalition is not worth 0.
    """
    names = _players(players, "shapley_values")
    if len(names) > _MAX_EXACT_PLAYERS:
        raise AllocationError(
            "shapley_values(players)",
            f"{len(names)} players",
            f"at most {_MAX_EXACT_PLAYERS} players for the exact value; use shapley_monte_carlo or weighted_voting_shapley",
        )
    # Coalition ``mask`` is the union of its low half's and its high half's members: two small lists
    # of sets make every coalition in turn, and none is kept once its value is known.
    half = len(names) // 2
    low, high = _subsets(names[:half]), _subsets(names[half:])
    table: list[CoalitionValue] = []
    append = table.append
    for upper in high:
        for lower in low:
            append(value(lower | upper))
    if not all(type(v) is int for v in table):  # the message is made only for a value that is wrong
        for mask, v in enumerate(table):
            if isinstance(v, bool) or not isinstance(v, int | Fraction | Decimal):
                members = sorted(name for i, name in enumerate(names) if mask >> i & 1)
                _exact(v, f"shapley_values(value)({members})")
    return shapley_from_table(names, table)


def _subsets(names: list[str]) -> list[frozenset[str]]:
    """Every subset of ``names``, indexed by bitmask (bit ``i`` set ⇔ ``names[i]`` is in)."""
    subsets: list[frozenset[str]] = [frozenset()]
    for name in names:
        subsets += [subset | {name} for subset in subsets]
    return subsets


@attrs.frozen(repr=False)
class ShapleyEstimate(FieldsRepr):
    """A Monte Carlo estimate of the Shapley value.

    Attributes:
        values: Player → mean marginal contribution over the sampled orders (exact mean of the samples).
        standard_errors: Player → standard error of that mean (sample standard deviation / √samples).
        samples: How many random orders were drawn.
        seed: The seed of the random generator, so that the estimate can be reproduced.
    """

    values: dict[str, Fraction]
    standard_errors: dict[str, Decimal]
    samples: int
    seed: int


def shapley_monte_carlo(
    players: Sequence[str],
    value: Callable[[frozenset[str]], CoalitionValue],
    *,
    samples: int = 1000,
    seed: int = 0,
) -> ShapleyEstimate:
    """Estimate the Shapley value from ``samples`` random orders of the players (seeded, reproducible).

    Each order gives every player one marginal contribution; the estimate is their mean, and the
    standard error is the sample standard deviation over √samples.

    Args:
        players: The players, each once.
        value: The characteristic function.
        samples: Number of random orders, at least 2.
        seed: Seed of the random generator.

    >>> estimate = shapley_monte_carlo(["a", "b"], lambda c: 2 * len(c), samples=10, seed=1)
    >>> estimate.values, estimate.standard_errors["a"]
    ({'a': Fraction(2, 1), 'b': Fraction(2, 1)}, Decimal('0'))
    """
    names = _players(players, "shapley_monte_carlo")
    if isinstance(samples, bool) or not isinstance(samples, int) or samples < 2:
        raise AllocationError("shapley_monte_carlo(samples)", samples, "an int of at least 2")
    rng = random.Random(seed)
    sums = dict.fromkeys(names, Fraction(0))
    squares = dict.fromkeys(names, Fraction(0))
    order = list(names)
    for _ in range(samples):
        rng.shuffle(order)
        coalition: frozenset[str] = frozenset()
        before = _exact(value(coalition), "shapley_monte_carlo(value)(frozenset())")
        for name in order:
            coalition = coalition | {name}
            after = _exact(value(coalition), f"shapley_monte_carlo(value)({sorted(coalition)})")
            marginal = after - before
            sums[name] += marginal
            squares[name] += marginal * marginal
            before = after
    means = {p: sums[p] / samples for p in names}
    errors: dict[str, Decimal] = {}
    with localcontext() as context:
        context.prec = 28
        for p in names:
            variance = (squares[p] - samples * means[p] ** 2) / (samples - 1)
            exact = variance / samples
            errors[p] = (Decimal(exact.numerator) / Decimal(exact.denominator)).sqrt()
    return ShapleyEstimate(values=means, standard_errors=errors, samples=samples, seed=seed)


def shapley_split(
    total: Money, values: Mapping[str, Fraction], *, where: str = "shapley_split"
) -> dict[str, Money]:
    """Turn Shapley values into whole 分: ``total`` in proportion to the values, rounded by largest remainder.

    Values may be negative (a player who destroys value); the parts still add up to ``total``.

    Raises:
        AllocationError: no values, or they add up to zero (there is nothing to be in proportion to).

    >>> shapley_split(Money(100), {"a": Fraction(1, 3), "b": Fraction(2, 3)})
    {'a': Money('0.33元'), 'b': Money('0.67元')}
    """
    if not values:
        raise AllocationError(f"{where}(values)", {}, "at least one player's value")
    whole = sum(values.values(), Fraction(0))
    if whole == 0:
        raise AllocationError(
            f"{where}(values)", dict(values), "values with a non-zero sum (the grand coalition's worth)"
        )
    exact = {p: total.fen * Fraction(v) / whole for p, v in values.items()}
    return {p: Money(f) for p, f in round_quotas(exact, where=where).items()}

"""The least core and the nucleolus, exactly, by a sequence of linear programs in rationals.

The **least core** (最小核心) is the set of splits whose largest excess ``ε₁ = max_S v(S) − x(S)``
(over every coalition but nobody and everyone) is as small as it can be; the core is non-empty
exactly when ``ε₁ ≤ 0``. The **nucleolus** (核仁, Schmeidler 1969) goes on: among those splits it
makes the second largest excess as small as possible, then the third, and so on; it is one split,
in the core whenever the core is non-empty, efficient and symmetric.

How it is computed (Maschler, Peleg & Shapley 1979; the "span" refinement of Derks & Kuipers 1997):

1. Solve ``min ε`` subject to ``x(S) + ε ≥ v(S)`` for every coalition still free and ``x(F) = v(F) − e_F``
   for the coalitions already fixed (at first only ``x(N) = v(N)``).
2. Every coalition with a positive weight in an optimal dual solution is tight in every optimal
   split (complementary slackness): fix it at excess ``ε``. Every free coalition whose vector is now a
   combination of fixed ones has a determined excess and leaves the programme too.
3. Each round fixes at least one coalition outside the span of the fixed ones, so after at most
   ``n`` rounds the fixed coalitions determine the split: that split is the nucleolus.

Each programme is solved on its dual — ``n + 1`` equations, one column per coalition — by the revised
simplex method with exact :class:`~fractions.Fraction` arithmetic, Dantzig's rule for the entering
column and the lexicographic rule for the leaving one (so it cannot cycle; Dantzig, Orden & Wolfe
1955). Columns are priced all at once by subset sums over the ``2**n`` coalitions in integers, and only
the ``n + 1`` basic ones are kept. So a pivot costs O(2**n) integer additions plus O(n²) rational
operations; memory is O(2**n). Games of more than :data:`MAX_NUCLEOLUS_PLAYERS` players are refused.
"""

from __future__ import annotations

import itertools
import math
from fractions import Fraction

import attrs

from dangjian_model._repr import FieldsRepr
from dangjian_model.allocation._errors import AllocationError, GameTooLarge
from dangjian_model.allocation._games import Game, _scaled, _subset_sums

__all__ = ["MAX_NUCLEOLUS_PLAYERS", "LeastCore", "least_core", "nucleolus"]

#: The nucleolus and the least core are computed for games of at most this many players.
MAX_NUCLEOLUS_PLAYERS = 16

_Column = tuple[str, int, int]  # ("S", mask, 1) a coalition, ("E", index, ±1) an equation, ("A", row, 0)


@attrs.frozen(repr=False)
class LeastCore(FieldsRepr):
    """The least core's ε and one split in it.

    Attributes:
        epsilon: The smallest possible largest excess; ≤ 0 exactly when the core is non-empty.
        payoff: A split whose largest excess is ``epsilon`` (the nucleolus is another).
    """

    epsilon: Fraction
    payoff: dict[str, Fraction]


class _Programme:
    """``max Σ c_j w_j`` s.t. ``Σ a_j w_j = (0, …, 0, 1)``, ``w ≥ 0``: the dual of one round, by revised simplex."""

    def __init__(
        self, n: int, worth: list[int], scale: int, free: bytearray, equations: list[tuple[int, Fraction]]
    ):
        self.n = n
        self.rows = n + 1
        self.worth = worth  # v(S) · scale
        self.scale = scale
        self.free = free
        self.equations = equations  # (mask, right-hand side)
        self.basis: list[_Column] = [("A", k, 0) for k in range(self.rows)]
        self.inverse = [[Fraction(int(i == j)) for j in range(self.rows)] for i in range(self.rows)]
        self.level = [Fraction(0)] * n + [Fraction(1)]
        self.phase = 1

    def column(self, key: _Column) -> list[Fraction]:
        """A coalition's or an equation's column (artificial columns never enter)."""
        kind, what, sign = key
        mask = what if kind == "S" else self.equations[what][0]
        vector = [Fraction(sign * (mask >> i & 1)) for i in range(self.n)]
        return [*vector, Fraction(int(kind == "S"))]

    def cost(self, key: _Column) -> Fraction:
        kind, what, sign = key
        if self.phase == 1:
            return Fraction(-int(kind == "A"))
        if kind == "S":
            return Fraction(self.worth[what], self.scale)
        if kind == "E":
            return sign * self.equations[what][1]
        return Fraction(0)

    def prices(self) -> list[Fraction]:
        costs = [self.cost(key) for key in self.basis]
        return [
            sum((costs[i] * self.inverse[i][j] for i in range(self.rows)), Fraction(0))
            for j in range(self.rows)
        ]

    def entering(self) -> _Column | None:
        """The column with the largest positive reduced cost (Dantzig), or None at the optimum."""
        pi = self.prices()
        common = math.lcm(*(p.denominator for p in pi))
        players = [p.numerator * (common // p.denominator) for p in pi[: self.n]]
        extra = pi[self.n].numerator * (common // pi[self.n].denominator)
        sums = _subset_sums(players)
        worth = self.worth if self.phase == 2 else [0] * len(sums)
        # reduced cost of coalition S, times scale · common: v(S)·common − scale·(x(S) + ε)
        scores = [w * common - self.scale * (s + extra) for w, s in zip(worth, sums, strict=True)]
        best: tuple[Fraction, _Column] | None = None
        top = max(itertools.compress(scores, self.free), default=0)
        if top > 0:
            mask = next(m for m, (s, f) in enumerate(zip(scores, self.free, strict=True)) if f and s == top)
            best = (Fraction(top, self.scale * common), ("S", mask, 1))
        for index in range(len(self.equations)):
            for sign in (1, -1):
                key: _Column = ("E", index, sign)
                reduced = self.cost(key) - sum(
                    (p * a for p, a in zip(pi, self.column(key), strict=True)), Fraction(0)
                )
                if reduced > 0 and (best is None or reduced > best[0]):
                    best = (reduced, key)
        return None if best is None else best[1]

    def pivot(self, key: _Column, row: int | None = None) -> None:
        column = self.column(key)
        d = [
            sum((self.inverse[i][j] * column[j] for j in range(self.rows)), Fraction(0))
            for i in range(self.rows)
        ]
        if row is None:
            # lexicographic ratio test: the smallest (level, inverse row) / d over rows with d > 0
            row = min(
                (i for i in range(self.rows) if d[i] > 0),
                key=lambda i: [self.level[i] / d[i], *(x / d[i] for x in self.inverse[i])],
            )
        pivot = d[row]
        self.inverse[row] = [x / pivot for x in self.inverse[row]]
        self.level[row] /= pivot
        for i in range(self.rows):
            if i != row and d[i]:
                factor = d[i]
                self.inverse[i] = [
                    a - factor * b for a, b in zip(self.inverse[i], self.inverse[row], strict=True)
                ]
                self.level[i] -= factor * self.level[row]
        self.basis[row] = key

    def run(self) -> None:
        while (key := self.entering()) is not None:
            self.pivot(key)

    def drive_out_artificials(self) -> None:
        """Swap each artificial column left at level 0 for a real one, where its row is not redundant."""
        for row, (kind, _, _) in enumerate(self.basis):
            if kind != "A":
                continue
            weights = self.inverse[row]
            common = math.lcm(*(w.denominator for w in weights))
            ints = [w.numerator * (common // w.denominator) for w in weights]
            sums = _subset_sums(ints[: self.n])
            mask = next((m for m, f in enumerate(self.free) if f and sums[m] + ints[self.n]), None)
            if mask is not None:
                self.pivot(("S", mask, 1), row)
                continue
            for index, (eq_mask, _) in enumerate(self.equations):
                if sums[eq_mask]:
                    self.pivot(("E", index, 1), row)
                    break

    def solve(self) -> tuple[Fraction, list[Fraction], list[int]]:
        """ε, the split, and the coalitions with a positive dual weight."""
        self.run()
        self.drive_out_artificials()
        self.phase = 2
        self.run()
        pi = self.prices()
        positive = [
            what
            for (kind, what, _), level in zip(self.basis, self.level, strict=True)
            if kind == "S" and level > 0
        ]
        return pi[self.n], pi[: self.n], positive


class _Span:
    """The span of the fixed coalitions' vectors, in reduced row echelon form."""

    def __init__(self, n: int):
        self.n = n
        self.rows: dict[int, list[Fraction]] = {}  # pivot column → row

    def reduce(self, mask: int) -> list[Fraction]:
        vector = [Fraction(mask >> i & 1) for i in range(self.n)]
        for column, row in self.rows.items():
            if vector[column]:
                factor = vector[column]
                vector = [a - factor * b for a, b in zip(vector, row, strict=True)]
        return vector

    def add(self, mask: int) -> bool:
        """Add a coalition; False if it was already in the span."""
        vector = self.reduce(mask)
        column = next((i for i, a in enumerate(vector) if a), None)
        if column is None:
            return False
        vector = [a / vector[column] for a in vector]
        for key, row in self.rows.items():
            if row[column]:
                factor = row[column]
                self.rows[key] = [a - factor * b for a, b in zip(row, vector, strict=True)]
        self.rows[column] = vector
        return True

    def outside(self) -> list[int]:
        """For every coalition, 0 if it is in the span (by subset sums of an exact integer encoding)."""
        free = [i for i in range(self.n) if i not in self.rows]
        # residual of player i's unit vector on the free columns: e_i, or −(its pivot row) there
        residuals = [
            [Fraction(int(i == q)) for q in free] if i not in self.rows else [-self.rows[i][q] for q in free]
            for i in range(self.n)
        ]
        common = math.lcm(*(a.denominator for r in residuals for a in r), 1)
        ints = [[int(a * common) for a in r] for r in residuals]
        base = (
            2 * sum(max((abs(a) for a in r), default=0) for r in ints) + 1
        )  # digits of sums stay below base/2
        codes = [sum(a * base**k for k, a in enumerate(r)) for r in ints]
        return _subset_sums(codes)


def _check(game: Game, where: str) -> None:
    n = len(game.players)
    if n > MAX_NUCLEOLUS_PLAYERS:
        raise GameTooLarge(
            f"{where}(game)",
            f"{n} players",
            f"至多 {MAX_NUCLEOLUS_PLAYERS} 名参与者（每轮线性规划遍历 2**n 个联盟） / at most "
            f"{MAX_NUCLEOLUS_PLAYERS} players (each linear programme goes over the 2**n coalitions)",
        )


def _rounds(game: Game, *, first_only: bool) -> tuple[Fraction, list[Fraction]]:
    n = len(game.players)
    size = 1 << n
    worth, scale = _scaled(game.values)
    free = bytearray([1]) * size
    free[0] = free[-1] = 0
    span = _Span(n)
    span.add(size - 1)
    equations: list[tuple[int, Fraction]] = [(size - 1, game.grand)]
    first: Fraction | None = None
    split = [game.grand / n] * n
    while any(free):
        epsilon, split, positive = _Programme(n, worth, scale, free, equations).solve()
        if first is None:
            first = epsilon
            if first_only:
                break
        for mask in positive:
            if span.add(mask):
                equations.append((mask, game.values[mask] - epsilon))
        for mask, code in enumerate(span.outside()):
            if not code:
                free[mask] = 0
    return (first if first is not None else Fraction(0)), split


def least_core(game: Game) -> LeastCore:
    """The least core's ε (the smallest largest excess) and a split that attains it; one linear programme.

    Raises:
        AllocationError: the game has one player (no coalition could object).
        GameTooLarge: more than :data:`MAX_NUCLEOLUS_PLAYERS` players.

    >>> three = Game.from_function("abc", lambda c: {0: 0, 1: 0, 2: 60, 3: 80}[len(c)])
    >>> least_core(three).epsilon
    Fraction(20, 3)
    """
    _check(game, "least_core")
    if len(game.players) < 2:
        raise AllocationError(
            "least_core(game)",
            list(game.players),
            "至少两名参与者：一人博弈没有可反对的联盟 / at least two players",
        )
    epsilon, split = _rounds(game, first_only=True)
    return LeastCore(epsilon=epsilon, payoff=dict(zip(game.players, split, strict=True)))


def nucleolus(game: Game) -> dict[str, Fraction]:
    """The nucleolus (核仁): the split that makes the largest excesses as small as they can be, in turn; exact.

    It is in the core whenever the core is non-empty (Schmeidler 1969), is unique, efficient and
    symmetric; for a bankruptcy game it is the Talmud rule (Aumann & Maschler 1985). See the module
    description for the method and its cost.

    Raises:
        GameTooLarge: more than :data:`MAX_NUCLEOLUS_PLAYERS` players.

    >>> nucleolus(Game.from_function("abc", lambda c: {0: 0, 1: 0, 2: 60, 3: 80}[len(c)]))
    {'a': Fraction(80, 3), 'b': Fraction(80, 3), 'c': Fraction(80, 3)}
    """
    _check(game, "nucleolus")
    _, split = _rounds(game, first_only=False)
    return dict(zip(game.players, split, strict=True))

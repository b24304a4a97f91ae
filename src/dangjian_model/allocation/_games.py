"""Cooperative games (合作博弈): is a split stable? The core, convexity, superadditivity, Banzhaf and Owen.

A :class:`Game` gives every coalition of players its worth ``v(S)`` (what those members could earn
on their own), exactly. A split ``x`` is in the **core** (核心) when it hands out the grand coalition's
worth and no coalition gets less than it could earn alone: ``x(N) = v(N)`` and ``x(S) ≥ v(S)``. A
coalition's **excess** ``e(S, x) = v(S) − x(S)`` is how much it would gain by leaving; the split is in
the core exactly when it is efficient and no excess is positive.

>>> game = Game.from_function(["甲", "乙", "丙"], lambda c: {0: 0, 1: 0, 2: 60, 3: 90}[len(c)])
>>> check = core_check(game, {"甲": 30, "乙": 30, "丙": 30})
>>> check.in_core, check.most_objecting, check.excess
(True, ('甲', '乙'), Fraction(0, 1))

Sources: the core, Gillies (1959) and Shapley (1955); convex games and their core, Shapley (1971),
"Cores of convex games", *Int. J. Game Theory* 1:11–26; the Owen value, Owen (1977), "Values of games
with a priori unions"; the Banzhaf value, Banzhaf (1965) and Owen (1975). Peleg & Sudhölter,
*Introduction to the Theory of Cooperative Games* (2nd ed., 2007) covers them all.
"""

from __future__ import annotations

import heapq
import itertools
import math
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from decimal import Decimal
from fractions import Fraction
from typing import TypeAlias

import attrs

from dangjian_model._money import Money
from dangjian_model._repr import FieldsRepr
from dangjian_model.allocation._apportion import round_quotas
from dangjian_model.allocation._errors import AllocationError, GameTooLarge
from dangjian_model.allocation._result import Allocation
from dangjian_model.allocation._shapley import _players, _popcounts
from dangjian_model.allocation._voting import _swings_from_table

__all__ = [
    "MAX_GAME_PLAYERS",
    "MAX_LAW_CHECK_PLAYERS",
    "CoreCheck",
    "Game",
    "LawCheck",
    "Violation",
    "Worth",
    "banzhaf_values",
    "convexity",
    "core_check",
    "owen_values",
    "round_payoff",
    "superadditivity",
]

#: A game is a table of 2**n worths: at most this many players (a million coalitions).
MAX_GAME_PLAYERS = 20
#: Convexity (n²·2**n pairs) and superadditivity (3**n pairs) are checked for at most this many players.
MAX_LAW_CHECK_PLAYERS = 14

Worth: TypeAlias = int | Fraction | Decimal | Money
"""What a coalition's worth may be given as; Money counts in 分, floats are refused."""


def _exact(value: object, where: str) -> Fraction:
    if isinstance(value, Money):
        return Fraction(value.fen)
    if isinstance(value, bool) or not isinstance(value, int | Fraction | Decimal):
        raise AllocationError(
            where,
            value,
            "精确的数：整数、Fraction、Decimal 或 Money（不接受浮点数） / an exact number: int, Fraction, Decimal or Money (not float)",
        )
    if isinstance(value, Decimal) and not value.is_finite():
        raise AllocationError(where, value, "有限的数 / a finite number")
    return Fraction(value)


def _too_many(where: str, n: int, limit: int, what: str) -> GameTooLarge:
    return GameTooLarge(
        where,
        f"{n} players",
        f"至多 {limit} 名参与者（{what}） / at most {limit} players for {what}",
    )


def _convert_values(values: Iterable[Worth]) -> tuple[Fraction, ...]:
    return tuple(_exact(v, f"Game.values[{k}]") for k, v in enumerate(values))


def _convert_players(players: Iterable[str]) -> tuple[str, ...]:
    return tuple(players)


@attrs.frozen(repr=False)
class Game(FieldsRepr):
    """A cooperative game with transferable utility: the worth of every coalition, exactly.

    Build one with :meth:`from_table`, :meth:`from_function` or :meth:`from_worths`. Worths given as
    :class:`~dangjian_model.Money` count in 分, so that a split from :func:`allocate` compares with them.

    Args:
        players: The players, each once (at most :data:`MAX_GAME_PLAYERS`); ``players[i]`` is bit ``i``.
        values: ``values[mask]`` is the worth of the coalition of the players whose bits are set;
            ``values[0]`` (nobody) is 0.
    """

    players: tuple[str, ...] = attrs.field(converter=_convert_players)
    values: tuple[Fraction, ...] = attrs.field(converter=_convert_values)

    def __attrs_post_init__(self) -> None:
        names = _players(self.players, "Game")
        if not all(isinstance(p, str) and p for p in names):
            raise AllocationError("Game.players", list(names), "非空文本编号 / ids as non-empty text")
        if len(names) > MAX_GAME_PLAYERS:
            raise _too_many("Game.players", len(names), MAX_GAME_PLAYERS, "a table of every coalition")
        size = 1 << len(names)
        if len(self.values) != size:
            raise AllocationError(
                "Game.values",
                f"{len(self.values)} values",
                f"每个联盟一个值，共 2**{len(names)} = {size} 个 / 2**{len(names)} = {size} values, one per coalition",
            )
        if self.values[0] != 0:
            raise AllocationError(
                "Game.values[0]",
                self.values[0],
                "0：空联盟一无所有 / 0: the empty coalition is worth nothing",
            )

    @classmethod
    def from_table(cls, players: Sequence[str], table: Sequence[Worth]) -> Game:
        """A game from its ``2**n`` worths indexed by bitmask (bit ``i`` set ⇔ ``players[i]`` is in)."""
        return cls(tuple(players), tuple(table))

    @classmethod
    def from_function(cls, players: Sequence[str], worth: Callable[[frozenset[str]], Worth]) -> Game:
        """A game from its characteristic function, called once on every coalition."""
        names = _players(players, "Game.from_function")
        if len(names) > MAX_GAME_PLAYERS:
            raise _too_many(
                "Game.from_function(players)", len(names), MAX_GAME_PLAYERS, "a table of every coalition"
            )
        coalitions: list[frozenset[str]] = [frozenset()]
        for name in names:
            coalitions += [c | {name} for c in coalitions]
        return cls(
            tuple(names),
            tuple(_exact(worth(c), f"Game.from_function(worth)({sorted(c)})") for c in coalitions),
        )

    @classmethod
    def from_worths(
        cls, players: Sequence[str], worths: Mapping[frozenset[str], Worth], *, grand: Worth
    ) -> Game:
        """A game from the worths that are known: the grand coalition's, and any coalitions' stand-alone worths.

        A coalition without a worth of its own is worth what its parts can earn side by side: the best
        way to split it into coalitions with known worths (players alone with no worth count 0). So the
        game is superadditive below the grand coalition, and every recorded figure is kept.

        Args:
            players: The players.
            worths: Coalition (a frozenset of players) → what it earns on its own.
            grand: What all players earn together.

        >>> game = Game.from_worths(["a", "b", "c"], {frozenset("a"): 10, frozenset("ab"): 30}, grand=50)
        >>> game.worth("ac"), game.worth("abc")
        (Fraction(10, 1), Fraction(50, 1))
        """
        names = _players(players, "Game.from_worths")
        if len(names) > MAX_GAME_PLAYERS:
            raise _too_many(
                "Game.from_worths(players)", len(names), MAX_GAME_PLAYERS, "a table of every coalition"
            )
        index = {p: i for i, p in enumerate(names)}
        known: dict[int, Fraction] = {}
        for coalition, value in worths.items():
            unknown = sorted(set(coalition) - set(index))
            if unknown or not coalition:
                raise AllocationError(
                    "Game.from_worths(worths)",
                    sorted(coalition),
                    f"非空的参与者集合 / a non-empty set of players of {list(names)}",
                )
            mask = sum(1 << index[p] for p in coalition)
            known[mask] = _exact(value, f"Game.from_worths(worths)[{sorted(coalition)}]")
        size = 1 << len(names)
        table = [Fraction(0)] * size
        pieces = sorted(known)
        for mask in range(1, size):
            if mask in known:
                table[mask] = known[mask]
                continue
            low = mask & -mask
            best = table[mask ^ low]  # the lowest player alone, with no figure of its own, earns 0
            for piece in pieces:  # or it is in a coalition with a figure, and the rest does its best
                if piece & low and piece & mask == piece:
                    best = max(best, known[piece] + table[mask ^ piece])
            table[mask] = best
        table[-1] = _exact(grand, "Game.from_worths(grand)")
        return cls(tuple(names), tuple(table))

    def mask(self, coalition: Iterable[str]) -> int:
        """The bitmask of ``coalition``."""
        index = {p: i for i, p in enumerate(self.players)}
        members = list(coalition)
        unknown = [p for p in members if p not in index]
        if unknown:
            raise AllocationError(
                "Game.mask(coalition)",
                unknown,
                f"本博弈的参与者 / players of this game: {list(self.players)}",
            )
        return sum(1 << index[p] for p in set(members))

    def members(self, mask: int) -> tuple[str, ...]:
        """The players of the coalition ``mask``, in the game's order."""
        return tuple(p for i, p in enumerate(self.players) if mask >> i & 1)

    def worth(self, coalition: Iterable[str]) -> Fraction:
        """``v(S)``: what ``coalition`` earns on its own."""
        return self.values[self.mask(coalition)]

    @property
    def grand(self) -> Fraction:
        """``v(N)``: what all the players earn together."""
        return self.values[-1]


def _scaled(values: Sequence[Fraction]) -> tuple[list[int], int]:
    denominator = math.lcm(*(v.denominator for v in values))
    return [v.numerator * (denominator // v.denominator) for v in values], denominator


def _subset_sums(weights: Sequence[int]) -> list[int]:
    sums = [0]
    for w in weights:
        sums += [s + w for s in sums]
    return sums


def _payoff(game: Game, payoff: Mapping[str, Worth] | Allocation, where: str) -> list[Fraction]:
    if isinstance(payoff, Allocation):
        amounts = payoff.amounts()
        extra = sorted(set(amounts) - set(game.players))
        if extra:
            raise AllocationError(
                f"{where}(payoff)",
                extra,
                f"只分给本博弈的参与者 / amounts for players of the game only: {list(game.players)}",
            )
        return [Fraction(payoff.amount(p).fen) for p in game.players]
    if not isinstance(payoff, Mapping) or set(payoff) != set(game.players):
        keys = sorted(payoff) if isinstance(payoff, Mapping) else payoff
        raise AllocationError(
            f"{where}(payoff)", keys, f"每名参与者一个数 / one amount for each player: {list(game.players)}"
        )
    return [_exact(payoff[p], f"{where}(payoff)[{p!r}]") for p in game.players]


@attrs.frozen(repr=False)
class CoreCheck(FieldsRepr):
    """Whether a split is in the core, and the coalition that objects most.

    Attributes:
        in_core: The split hands out exactly ``v(N)`` and no coalition would gain by leaving.
        efficient: It hands out exactly ``v(N)``.
        shortfall: ``v(N) − x(N)``: what it leaves undistributed (negative: it hands out more).
        most_objecting: The coalition (not everyone, not nobody) with the largest excess; among equals
            the smallest, then the first in the game's order; None for a one-player game.
        excess: Its excess ``v(S) − x(S)``; positive means it would gain this much on its own.
        worth: ``v(S)``, what it earns on its own.
        share: ``x(S)``, what the split gives it.
    """

    in_core: bool
    efficient: bool
    shortfall: Fraction
    most_objecting: tuple[str, ...] | None
    excess: Fraction
    worth: Fraction
    share: Fraction


def core_check(game: Game, payoff: Mapping[str, Worth] | Allocation) -> CoreCheck:
    """Is ``payoff`` in the core of ``game``, and which coalition objects most, by how much?

    One pass over the ``2**n`` coalitions (subset sums in integers), so up to :data:`MAX_GAME_PLAYERS`.

    Args:
        game: The game.
        payoff: Player → amount, or an :class:`Allocation` (its amounts in 分; players without a line
            get 0): in the same unit as the game's worths.

    Raises:
        AllocationError: the payoff does not name exactly the game's players, or an amount is not exact.
    """
    x = _payoff(game, payoff, "core_check")
    values, denominator = _scaled([*game.values, *x])
    size = 1 << len(game.players)
    worth, share = values[:size], values[size:]
    sums = _subset_sums(share)
    shortfall = Fraction(worth[-1] - sums[-1], denominator)
    if size == 2:
        return CoreCheck(
            shortfall == 0, shortfall == 0, shortfall, None, Fraction(0), Fraction(0), Fraction(0)
        )
    excess = list(map(int.__sub__, worth, sums))
    top = max(excess[1:-1])
    sizes = _popcounts(len(game.players))
    mask = min((m for m in range(1, size - 1) if excess[m] == top), key=lambda m: (sizes[m], m))
    return CoreCheck(
        in_core=shortfall == 0 and top <= 0,
        efficient=shortfall == 0,
        shortfall=shortfall,
        most_objecting=game.members(mask),
        excess=Fraction(top, denominator),
        worth=game.values[mask],
        share=Fraction(sums[mask], denominator),
    )


@attrs.frozen(repr=False)
class Violation(FieldsRepr):
    """Two coalitions for which a law fails, and by how much.

    Attributes:
        first, second: The coalitions ``S`` and ``T``.
        by: How much ``v(S ∪ T) + v(S ∩ T)`` falls short of ``v(S) + v(T)`` (for superadditivity the
            coalitions are disjoint and ``v(∅) = 0``).
    """

    first: tuple[str, ...]
    second: tuple[str, ...]
    by: Fraction


@attrs.frozen(repr=False)
class LawCheck(FieldsRepr):
    """Whether a game has a property (convexity, superadditivity), and where it fails.

    Attributes:
        holds: No pair of coalitions breaks the law.
        violations: The worst violations, largest first (at most ``shown`` of them).
        count: How many pairs break it.
    """

    holds: bool
    violations: tuple[Violation, ...]
    count: int


#: Each pair of coalitions ``(by, s, t)`` (as bit masks) for which a law fails by ``by`` (scaled), from the
#: scaled table ``v`` of a game of ``n`` players.
_Pairs: TypeAlias = Callable[[list[int], int], Iterator[tuple[int, int, int]]]


def _law(game: Game, law: str, pairs: _Pairs, shown: int) -> LawCheck:
    n = len(game.players)
    if n > MAX_LAW_CHECK_PLAYERS:
        raise _too_many(f"{law}(game)", n, MAX_LAW_CHECK_PLAYERS, law)
    v, denominator = _scaled(game.values)
    worst: list[tuple[int, int, int]] = []  # a heap of the largest ``shown``, smallest on top
    count = 0
    for found in pairs(v, n):
        count += 1
        if len(worst) < shown:
            heapq.heappush(worst, found)
        elif found > worst[0]:
            heapq.heapreplace(worst, found)
    return LawCheck(
        holds=count == 0,
        violations=tuple(
            Violation(game.members(s), game.members(t), Fraction(by, denominator))
            for by, s, t in sorted(worst, reverse=True)
        ),
        count=count,
    )


def convexity(game: Game, *, shown: int = 10) -> LawCheck:
    """Is the game convex (supermodular: ``v(S ∪ T) + v(S ∩ T) ≥ v(S) + v(T)``), and which coalitions break it?

    A convex game's core is non-empty and holds its Shapley value (Shapley 1971). It is enough to check
    ``S ∪ {i}`` and ``S ∪ {j}`` for every ``S`` and ``i ≠ j`` outside it (n²·2**n/4 pairs); each
    violation found is such a pair.

    Raises:
        GameTooLarge: more than :data:`MAX_LAW_CHECK_PLAYERS` players.
    """
    return _law(game, "convexity", _convexity_pairs, shown)


def _convexity_pairs(v: list[int], n: int) -> Iterator[tuple[int, int, int]]:
    for i, j in itertools.combinations(range(n), 2):
        bi, bj = 1 << i, 1 << j
        for s in range(1 << n):
            if not s & (bi | bj):
                by = v[s | bi] + v[s | bj] - v[s | bi | bj] - v[s]
                if by > 0:
                    yield by, s | bi, s | bj


def superadditivity(game: Game, *, shown: int = 10) -> LawCheck:
    """Is the game superadditive (``v(S ∪ T) ≥ v(S) + v(T)`` for disjoint ``S``, ``T``), and where does it fail?

    Every coalition is split every way into two (3**n/2 pairs), so up to :data:`MAX_LAW_CHECK_PLAYERS`.

    Raises:
        GameTooLarge: more than :data:`MAX_LAW_CHECK_PLAYERS` players.
    """
    return _law(game, "superadditivity", _superadditivity_pairs, shown)


def _superadditivity_pairs(v: list[int], n: int) -> Iterator[tuple[int, int, int]]:
    for union in range(1, 1 << n):
        low = union & -union
        part = (union - 1) & union
        while part:
            if part & low:  # each split once: the part with the lowest player first
                by = v[part] + v[union ^ part] - v[union]
                if by > 0:
                    yield by, part, union ^ part
            part = (part - 1) & union


def banzhaf_values(game: Game) -> dict[str, Fraction]:
    """The (raw) Banzhaf value: each player's marginal contribution averaged over the 2**(n−1) coalitions of the others.

    >>> banzhaf_values(Game.from_table(["a", "b"], [0, 10, 20, 40]))
    {'a': Fraction(15, 1), 'b': Fraction(25, 1)}
    """
    v, denominator = _scaled(game.values)
    n = len(game.players)
    swings = _swings_from_table(v, n)
    return {p: Fraction(s, denominator << (n - 1)) for p, s in zip(game.players, swings, strict=True)}


def _unions(game: Game, unions: Sequence[Iterable[str]]) -> list[int]:
    masks = []
    seen = 0
    for k, union in enumerate(unions):
        mask = game.mask(union) if not isinstance(union, str) else game.mask([union])
        if not mask or mask & seen:
            raise AllocationError(
                f"owen_values(unions)[{k}]",
                sorted(union) if not isinstance(union, str) else union,
                "互不相交的非空成员组 / a non-empty group sharing no player with another group",
            )
        seen |= mask
        masks.append(mask)
    if seen != (1 << len(game.players)) - 1:
        raise AllocationError(
            "owen_values(unions)",
            list(game.members(((1 << len(game.players)) - 1) ^ seen)),
            "每名参与者恰在一个组中 / every player in exactly one group",
        )
    return masks


def owen_values(game: Game, unions: Sequence[Iterable[str]]) -> dict[str, Fraction]:
    """The Owen value: the Shapley value when the players come in a priori unions (先验联盟, e.g. by township or 片区).

    The unions form in random order, as in the Shapley value of the game between unions, and within its
    union each player's place is random too; a player is paid its marginal contribution averaged that
    way (Owen 1977). With every player alone, or all in one union, it is the Shapley value. The cost is
    Σₖ 2**(m−1) · uₖ · 2**(uₖ−1) for ``m`` unions of sizes ``uₖ``.

    Args:
        game: The game.
        unions: A partition of the players into groups.

    Raises:
        AllocationError: the groups overlap, leave a player out, or name someone not in the game.

    >>> game = Game.from_function(["a", "b", "c"], lambda c: 1 if len(c) >= 2 else 0)
    >>> owen_values(game, [["a", "b"], ["c"]])  # a and b together already win: c adds nothing
    {'a': Fraction(1, 2), 'b': Fraction(1, 2), 'c': Fraction(0, 1)}
    """
    masks = _unions(game, unions)
    v, denominator = _scaled(game.values)
    m = len(masks)
    fact = [math.factorial(k) for k in range(len(game.players) + 1)]
    result: dict[str, Fraction] = {}
    for k, home in enumerate(masks):
        others = [u for j, u in enumerate(masks) if j != k]
        outside = [(0, 0)]  # (mask of the unions before, how many unions)
        for u in others:
            outside += [(q | u, r + 1) for q, r in outside]
        members = [1 << i for i in range(len(game.players)) if home >> i & 1]
        size = len(members)
        for bit in members:
            mates = [b for b in members if b != bit]
            inside = [(0, 0)]
            for b in mates:
                inside += [(t | b, c + 1) for t, c in inside]
            total = 0
            for q, r in outside:
                union_weight = fact[r] * fact[m - 1 - r]
                for t, c in inside:
                    before = q | t
                    total += union_weight * fact[c] * fact[size - 1 - c] * (v[before | bit] - v[before])
            i = bit.bit_length() - 1
            result[game.players[i]] = Fraction(total, fact[m] * fact[size] * denominator)
    return {p: result[p] for p in game.players}


def round_payoff(payoff: Mapping[str, Fraction], *, where: str = "round_payoff") -> dict[str, Money]:
    """Exact amounts in 分 (a nucleolus, an Owen value …) to whole 分 by largest remainder; the total is kept.

    Raises:
        AllocationError: the amounts do not add up to a whole number of 分.

    >>> round_payoff({"a": Fraction(10, 3), "b": Fraction(20, 3)})
    {'a': Money('0.03元'), 'b': Money('0.07元')}
    """
    whole = sum(payoff.values(), Fraction(0))
    if whole.denominator != 1:
        raise AllocationError(where, whole, "合计为整数分 / amounts adding up to a whole number of 分")
    return {p: Money(f) for p, f in round_quotas(dict(payoff), where=where).items()}

"""Cooperative games: the core, the least core and the nucleolus, convexity, Banzhaf and Owen, stated as laws.

Sources for the laws (also in the module docstrings): Schmeidler (1969) — the nucleolus exists, is
unique, and lies in the core whenever the core is non-empty; Maschler, Peleg & Shapley (1979) — the
least core's ε is ≤ 0 exactly when the core is non-empty; Shapley (1971) — convex games have a
non-empty core; Owen (1977) — with singleton unions, or one union, the Owen value is the Shapley
value; Aumann & Maschler (1985) — the nucleolus of a bankruptcy game is the Talmud rule.
"""

from __future__ import annotations

import itertools
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dangjian_model import Money
from dangjian_model.allocation import (
    AllocationError,
    EqualSplit,
    Game,
    GameTooLarge,
    Member,
    allocate,
    banzhaf_values,
    claims_awards,
    convexity,
    core_check,
    least_core,
    nucleolus,
    owen_values,
    round_payoff,
    shapley_from_table,
    superadditivity,
)

laws = settings(max_examples=25, deadline=None)


def names(n: int) -> list[str]:
    return [f"p{i}" for i in range(n)]


@st.composite
def tables(draw: st.DrawFn, min_players: int = 2, max_players: int = 4) -> Game:
    n = draw(st.integers(min_players, max_players))
    values = draw(st.lists(st.integers(-20, 120), min_size=2**n - 1, max_size=2**n - 1))
    return Game.from_table(names(n), [0, *values])


@st.composite
def games_with_a_core(draw: st.DrawFn) -> tuple[Game, dict[str, int]]:
    """A split x first, then worths no coalition's share falls short of: x is in the core."""
    n = draw(st.integers(2, 4))
    x = draw(st.lists(st.integers(0, 50), min_size=n, max_size=n))
    gaps = draw(st.lists(st.integers(0, 30), min_size=2**n, max_size=2**n))
    table = [
        sum(x[i] for i in range(n) if m >> i & 1) - (gaps[m] if 0 < m < 2**n - 1 else 0) for m in range(2**n)
    ]
    return Game.from_table(names(n), table), dict(zip(names(n), x, strict=True))


@st.composite
def games_without_a_core(draw: st.DrawFn) -> Game:
    """A coalition and its complement together worth more than everyone: no split satisfies both."""
    game = draw(tables())
    n = len(game.players)
    part = draw(st.integers(1, 2**n - 2))
    table = list(game.values)
    table[part] = table[-1] - table[(2**n - 1) ^ part] + draw(st.integers(1, 20))
    return Game.from_table(game.players, table)


def symmetric(game: Game) -> Game:
    """The game made symmetric in its first two players (the coalition with p0 for p1 is worth the same)."""

    def swap(m: int) -> int:
        a, b = m & 1, m >> 1 & 1
        return (m & ~3) | (a << 1) | b

    return Game.from_table(game.players, [game.values[min(m, swap(m))] for m in range(len(game.values))])


def all_coalitions(game: Game) -> list[int]:
    return list(range(1, len(game.values) - 1))


def share(payoff: dict[str, Fraction], game: Game, mask: int) -> Fraction:
    return sum((payoff[p] for p in game.members(mask)), Fraction(0))


# ----------------------------------------------------------------------------------- the core


@laws
@given(game=tables(), data=st.data())
def test_the_core_check_finds_the_largest_excess_and_its_smallest_coalition(
    game: Game, data: st.DataObject
) -> None:
    payoff = {p: Fraction(data.draw(st.integers(-10, 60))) for p in game.players}
    check = core_check(game, payoff)
    excesses = {m: game.values[m] - share(payoff, game, m) for m in all_coalitions(game)}
    assert check.excess == max(excesses.values())
    assert check.most_objecting is not None
    mask = game.mask(check.most_objecting)
    assert excesses[mask] == check.excess
    assert all(
        len(game.members(m)) >= len(check.most_objecting) for m, e in excesses.items() if e == check.excess
    )
    efficient = sum(payoff.values()) == game.grand
    assert check.in_core == (efficient and all(e <= 0 for e in excesses.values()))
    assert check.shortfall == game.grand - sum(payoff.values())


def test_an_allocation_is_checked_in_fen_and_a_one_player_game_only_for_efficiency() -> None:
    worths: dict[int, Money] = {0: Money(0), 1: Money(40), 2: Money(100)}
    game = Game.from_function(["a", "b"], lambda c: worths[len(c)])
    split = allocate(EqualSplit(), Money(100), [Member("a"), Member("b")])
    assert core_check(game, split).in_core
    alone = Game.from_table(["a"], [0, 5])
    assert core_check(alone, {"a": 5}).in_core
    assert not core_check(alone, {"a": 4}).in_core


def test_a_payoff_must_name_exactly_the_players() -> None:
    game = Game.from_table(["a", "b"], [0, 1, 1, 3])
    with pytest.raises(AllocationError, match=r"core_check\(payoff\)"):
        core_check(game, {"a": 1})
    with pytest.raises(AllocationError, match=r"core_check\(payoff\)"):
        core_check(game, allocate(EqualSplit(), Money(3), [Member("a"), Member("z")]))
    with pytest.raises(AllocationError, match=r"core_check\(payoff\)\['a'\]"):
        core_check(game, {"a": 1.5, "b": 1})  # type: ignore[dict-item]


# ------------------------------------------------------------------- least core and nucleolus


@laws
@given(case=games_with_a_core())
def test_with_a_core_the_least_core_epsilon_is_not_positive_and_the_nucleolus_is_in_the_core(
    case: tuple[Game, dict[str, int]],
) -> None:
    game, _ = case
    assert least_core(game).epsilon <= 0
    assert core_check(game, nucleolus(game)).in_core


@laws
@given(game=games_without_a_core())
def test_without_a_core_the_least_core_epsilon_is_positive(game: Game) -> None:
    assert least_core(game).epsilon > 0
    assert not core_check(game, nucleolus(game)).in_core


@laws
@given(game=tables())
def test_the_nucleolus_is_efficient_and_attains_the_least_core_epsilon(game: Game) -> None:
    x = nucleolus(game)
    assert sum(x.values()) == game.grand
    core = least_core(game)
    assert core_check(game, x).excess == core.epsilon == core_check(game, core.payoff).excess
    assert sum(core.payoff.values()) == game.grand


@laws
@given(game=tables(max_players=4), order=st.permutations(range(4)))
def test_the_nucleolus_is_one_split_whatever_the_order_of_the_players(game: Game, order: list[int]) -> None:
    n = len(game.players)
    perm = [i for i in order if i < n]
    players = [game.players[i] for i in perm]
    table = [game.worth(p for k, p in enumerate(players) if m >> k & 1) for m in range(2**n)]
    assert nucleolus(Game.from_table(players, table)) == nucleolus(game)


@laws
@given(game=tables())
def test_symmetric_players_get_the_same_nucleolus_and_owen_value(game: Game) -> None:
    twin = symmetric(game)
    x = nucleolus(twin)
    assert x["p0"] == x["p1"]
    assert (
        shapley_from_table(twin.players, twin.values)["p0"]
        == shapley_from_table(twin.players, twin.values)["p1"]
    )


@laws
@given(game=tables(max_players=3))
def test_the_nucleolus_makes_the_sorted_excesses_lexicographically_smallest_among_nearby_splits(
    game: Game,
) -> None:
    x = nucleolus(game)

    def excesses(payoff: dict[str, Fraction]) -> list[Fraction]:
        return sorted((game.values[m] - share(payoff, game, m) for m in all_coalitions(game)), reverse=True)

    best = excesses(x)
    for i, j in itertools.permutations(game.players, 2):
        for step in (Fraction(1, 7), Fraction(1), Fraction(5)):
            moved = {**x, i: x[i] + step, j: x[j] - step}
            assert excesses(moved) >= best


@pytest.mark.parametrize(
    ("estate", "expected"),
    [(100, [Fraction(100, 3)] * 3), (200, [50, 75, 75]), (300, [50, 100, 150])],
)
def test_the_nucleolus_of_the_talmud_estates_is_the_mishnah_division(
    estate: int, expected: list[Fraction]
) -> None:
    claims = {"a": 100, "b": 200, "c": 300}
    game = Game.from_function(
        list(claims), lambda c: max(0, estate - sum(v for k, v in claims.items() if k not in c))
    )
    assert list(nucleolus(game).values()) == expected


@laws
@given(
    claims=st.lists(st.integers(0, 40), min_size=2, max_size=4).filter(lambda c: sum(c) > 0),
    data=st.data(),
)
def test_the_nucleolus_of_a_bankruptcy_game_is_the_talmud_rule(
    claims: list[int], data: st.DataObject
) -> None:
    estate = data.draw(st.integers(0, sum(claims)))
    named = dict(zip(names(len(claims)), claims, strict=True))
    game = Game.from_function(
        list(named), lambda c: max(0, estate - sum(v for k, v in named.items() if k not in c))
    )
    assert nucleolus(game) == claims_awards("talmud", estate, named)


def test_a_one_player_game_has_its_worth_as_nucleolus_and_no_least_core() -> None:
    alone = Game.from_table(["a"], [0, 7])
    assert nucleolus(alone) == {"a": 7}
    with pytest.raises(AllocationError, match="least_core"):
        least_core(alone)


def test_a_game_of_too_many_players_for_the_nucleolus_is_refused() -> None:
    big = Game.from_function(names(17), len)
    with pytest.raises(GameTooLarge, match=r"nucleolus\(game\).*at most 16"):
        nucleolus(big)
    with pytest.raises(GameTooLarge, match="least_core"):
        least_core(big)


def test_a_ten_player_game_has_an_exact_nucleolus_in_its_core() -> None:
    game = Game.from_function(names(10), lambda c: len(c) ** 2 + (3 if "p0" in c else 0))  # convex
    x = nucleolus(game)
    assert sum(x.values()) == game.grand
    assert core_check(game, x).in_core
    assert convexity(game).holds


# ----------------------------------------------------------------- convexity, superadditivity


@laws
@given(game=tables(max_players=4))
def test_convexity_and_superadditivity_agree_with_every_pair_of_coalitions(game: Game) -> None:
    pairs = list(itertools.product(range(len(game.values)), repeat=2))
    v = game.values
    convex = all(v[s | t] + v[s & t] >= v[s] + v[t] for s, t in pairs)
    superadditive = all(v[s | t] >= v[s] + v[t] for s, t in pairs if not s & t)
    assert convexity(game).holds == convex
    assert superadditivity(game).holds == superadditive
    for violation in (*convexity(game).violations, *superadditivity(game).violations):
        s, t = game.mask(violation.first), game.mask(violation.second)
        assert v[s] + v[t] - v[s | t] - v[s & t] == violation.by > 0


def test_violations_are_named_worst_first_and_counted() -> None:
    game = Game.from_worths(
        ["a", "b", "c"], {frozenset("ab"): 5, frozenset("a"): 4, frozenset("b"): 3}, grand=20
    )
    check = superadditivity(game, shown=1)
    assert not check.holds
    assert check.violations[0].first == ("a",) and check.violations[0].second == ("b",)
    assert check.violations[0].by == 2
    assert check.count >= 1


def test_the_law_checks_refuse_games_too_large_to_go_through() -> None:
    big = Game.from_function(names(15), len)
    for check in (convexity, superadditivity):
        with pytest.raises(GameTooLarge, match="at most 14"):
            check(big)


# ------------------------------------------------------------------------ Banzhaf and Owen


@laws
@given(game=tables(max_players=4))
def test_a_null_player_has_no_banzhaf_value(game: Game) -> None:
    n = len(game.players)
    last = 1 << (n - 1)
    table = [game.values[m & ~last] for m in range(2**n)]  # the last player adds nothing anywhere
    null = Game.from_table(game.players, table)
    assert banzhaf_values(null)[game.players[-1]] == 0


@laws
@given(game=tables(max_players=4))
def test_the_owen_value_with_singleton_unions_or_one_union_is_the_shapley_value(game: Game) -> None:
    shapley = shapley_from_table(game.players, game.values)
    assert owen_values(game, [[p] for p in game.players]) == shapley
    assert owen_values(game, [list(game.players)]) == shapley


@laws
@given(game=tables(min_players=3, max_players=5), data=st.data())
def test_the_owen_value_is_efficient_and_each_union_gets_its_quotient_shapley_value(
    game: Game, data: st.DataObject
) -> None:
    labels = data.draw(st.lists(st.integers(0, 2), min_size=len(game.players), max_size=len(game.players)))
    groups = [[p for p, g in zip(game.players, labels, strict=True) if g == k] for k in range(3)]
    groups = [g for g in groups if g]
    owen = owen_values(game, groups)
    assert sum(owen.values()) == game.grand
    masks = [game.mask(g) for g in groups]
    quotient = [
        game.values[sum(mk for k, mk in enumerate(masks) if m >> k & 1)] for m in range(2 ** len(masks))
    ]
    union_shapley = shapley_from_table([str(k) for k in range(len(masks))], quotient)
    for k, g in enumerate(groups):
        assert sum(owen[p] for p in g) == union_shapley[str(k)]


def test_unions_must_partition_the_players() -> None:
    game = Game.from_table(["a", "b"], [0, 1, 1, 3])
    with pytest.raises(AllocationError, match=r"unions\)\[1\]"):
        owen_values(game, [["a"], ["a", "b"]])
    with pytest.raises(AllocationError, match="every player in exactly one group"):
        owen_values(game, ["a"])
    with pytest.raises(AllocationError, match="players of this game"):
        owen_values(game, [["a", "b", "z"]])


# --------------------------------------------------------------------------- building games


def test_worths_not_recorded_are_the_best_the_parts_can_do_side_by_side() -> None:
    game = Game.from_worths(
        ["a", "b", "c"], {frozenset("a"): 10, frozenset("bc"): 25, frozenset("ab"): Money(30)}, grand=60
    )
    assert game.worth("a") == 10 and game.worth("b") == 0
    assert game.worth("ab") == 30  # recorded, kept
    assert game.worth("abc") == 60
    assert game.worth("ac") == 10
    assert game.grand == 60


@pytest.mark.parametrize(
    ("build", "where"),
    [
        (lambda: Game.from_table(["a"], [0]), r"Game.values"),
        (lambda: Game.from_table(["a"], [1, 2]), r"Game.values\[0\]"),
        (lambda: Game.from_table(["a"], [0, 0.5]), r"Game.values\[1\]"),  # type: ignore[list-item]
        (lambda: Game.from_table(["a", "a"], [0, 1, 1, 2]), r"Game\(players\)"),
        (lambda: Game.from_table([""], [0, 1]), r"Game.players"),
        (lambda: Game.from_worths(["a"], {frozenset("z"): 1}, grand=1), r"from_worths\(worths\)"),
        (
            lambda: Game.from_function(["a"], lambda c: float(len(c))),  # type: ignore[arg-type,return-value]
            r"from_function\(worth\)",
        ),
        (lambda: Game.from_function(names(21), len), r"at most 20"),
        (lambda: Game.from_worths(names(21), {}, grand=1), r"at most 20"),
        (lambda: Game.from_table(names(21), []), r"at most 20"),
    ],
)
def test_bad_games_are_refused_with_where_they_stand(build: object, where: str) -> None:
    with pytest.raises(AllocationError, match=where):
        build()  # type: ignore[operator]


def test_a_decimal_worth_must_be_finite() -> None:
    from decimal import Decimal

    with pytest.raises(AllocationError, match="finite"):
        Game.from_table(["a"], [0, Decimal("NaN")])


def test_exact_splits_round_to_whole_fen_keeping_the_total() -> None:
    x = {"a": Fraction(100, 3), "b": Fraction(100, 3), "c": Fraction(100, 3)}
    assert round_payoff(x) == {"a": Money(34), "b": Money(33), "c": Money(33)}
    with pytest.raises(AllocationError, match="whole number of 分"):
        round_payoff({"a": Fraction(1, 2)})


def test_the_simplex_swaps_artificial_columns_for_real_ones_and_leaves_a_redundant_row_alone() -> None:
    from dangjian_model.allocation._nucleolus import _Programme

    # two players, only {p0} free, x(N) = 3 fixed: row p0 takes {p0}, row p1 the equation, row ε stays
    programme = _Programme(2, [0, 1, 1, 3], 1, bytearray([0, 1, 0, 0]), [(3, Fraction(3))])
    programme.drive_out_artificials()
    assert [kind for kind, _, _ in programme.basis] == ["S", "E", "A"]
    programme.phase = 2
    assert len(programme.prices()) == 3

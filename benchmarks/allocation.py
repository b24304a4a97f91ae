"""Benchmarks of the allocation engine, measured side by side in one run and reported as ratios.

Run ``python benchmarks/allocation.py`` (about a minute) or ``--quick`` (a few seconds).

1. Largest remainder over 1,000,000 members against the ``apportionment`` package's Hamilton method
   (``pip install apportionment``; the column is skipped when it is not installed). That package loops in
   Python with a NumPy sum inside the loop, so on large inputs it is given a time limit and the ratio is
   reported as a lower bound.
2. Exact Shapley value of a 20-player game from its table of 2**20 coalition values, against the time
   merely to evaluate the characteristic function on every coalition (target: within 3×); and
   ``shapley_values`` with a characteristic function (a callable on sets of players) against
   ``shapley_from_table`` on the same game's table, 14 to 20 players (targets: within 3× the time,
   and a peak of traced memory within 2× of making the table and reading it).
3. Exact Shapley–Shubik power of a weighted voting game with 200 players, weights 100–999 and a majority
   quota, against a plain generating-function DP (one packed polynomial per coalition size, deconvolved
   once per player: the method the library used before; target: ours ≤ 0.5×), with the Banzhaf index of
   the same game beside it.
4. The exact nucleolus by the number of players (a sequence of exact linear programmes).

Times are medians of interleaved rounds (each round runs every contender once, in turn).
"""

from __future__ import annotations

import argparse
import importlib.util
import itertools
import math
import random
import statistics
import subprocess
import sys
import time
import tracemalloc
from collections.abc import Callable
from fractions import Fraction
from functools import partial
from typing import Any

from dangjian_model.allocation import (
    Game,
    apportion,
    core_check,
    nucleolus,
    shapley_from_table,
    shapley_values,
    weighted_voting_banzhaf,
    weighted_voting_shapley,
)

HAVE_APPORTIONMENT = importlib.util.find_spec("apportionment") is not None


def weights_for(n: int, seed: int) -> list[int]:
    """Integer weights, the same for a given size and seed in every process."""
    rng = random.Random(seed)
    return [rng.randint(1, 10**6) for _ in range(n)]


def hamilton_by_package(votes: list[int], seats: int) -> list[int]:
    """The ``apportionment`` package's Hamilton method (floats, via NumPy)."""
    from apportionment.methods import compute  # type: ignore[import-untyped]

    result: list[int] = compute(
        "largest_remainder", votes, seats, parties=[f"m{k}" for k in range(len(votes))]
    )
    return result


def ours(votes: list[int], seats: int) -> list[int]:
    """Our largest remainder, on the same input."""
    return list(apportion(seats, {f"m{k:07d}": v for k, v in enumerate(votes)}).values())


def _voting_game(weights: dict[str, int], quota: int) -> Callable[[frozenset[str]], int]:
    def value(coalition: frozenset[str]) -> int:
        return int(sum(weights[p] for p in coalition) >= quota)

    return value


def plain_weighted_voting(weights: dict[str, int], quota: int) -> dict[str, Fraction]:
    """Shapley–Shubik power by a plain generating-function DP, the baseline of the voting row.

    For each coalition size a big integer holds the counts of losing coalitions by weight (one slot of
    n + 1 bits per weight below the quota): n shifts and additions per player build it, and for every
    player the generating function is divided by ``1 + y·x^w`` size by size (n shifted subtractions),
    the window ``[quota − w, quota)`` summed by a remainder. O(n²) operations on integers of
    quota·(n + 1) bits, i.e. O(n³·q) bit work.
    """
    names = list(weights)
    ints = [weights[p] for p in names]
    n = len(names)
    bits = n + 1
    mask = (1 << (bits * quota)) - 1
    counts = [1] + [0] * n
    for w in ints:
        shift = bits * w
        for s in range(n, 0, -1):
            if counts[s - 1]:
                counts[s] = (counts[s] + (counts[s - 1] << shift)) & mask
    fact = [math.factorial(k) for k in range(n + 1)]
    slot_sum = (1 << bits) - 1
    result: dict[str, Fraction] = {}
    for name, w in zip(names, ints, strict=True):
        low = max(0, quota - w)
        window = (1 << (bits * (quota - low))) - 1
        shift = bits * w
        without = counts[0]
        swings = 0
        for s in range(n):
            if s:
                without = counts[s] - ((without << shift) & mask)
            swings += ((without >> (bits * low)) & window) % slot_sum * fact[s] * fact[n - s - 1]
        result[name] = Fraction(swings, fact[n])
    return result


def interleaved(functions: dict[str, Callable[[], Any]], rounds: int) -> dict[str, tuple[float, Any]]:
    """The median time of each function over ``rounds`` rounds, each round running every function in turn."""
    times: dict[str, list[float]] = {name: [] for name in functions}
    results: dict[str, Any] = {}
    for _ in range(rounds):
        for name, function in functions.items():
            seconds, results[name] = timed(function)
            times[name].append(seconds)
    return {name: (statistics.median(times[name]), results[name]) for name in functions}


def voting_weights(n: int, seed: int) -> dict[str, int]:
    """n players with weights from 100 to 999, the same for a given size and seed in every process."""
    rng = random.Random(seed)
    return {f"v{k:03d}": rng.randint(100, 999) for k in range(n)}


def random_game(n: int, seed: int) -> Game:
    """A game whose worths grow with the coalition, with noise: its core may or may not be empty."""
    rng = random.Random(seed)
    sizes = [bin(m).count("1") for m in range(1 << n)]
    return Game.from_table([f"p{i}" for i in range(n)], [0] + [s * s + rng.randint(0, 9) for s in sizes[1:]])


def check_correctness(seed: int = 0, cases: int = 50) -> list[str]:
    """Compare the implementations where they are comparable; return the disagreements (none expected).

    - largest remainder against the ``apportionment`` package on small inputs without tied remainders
      (where float quotas are exact enough and no tie-break is involved), if it is installed;
    - the fast table Shapley method against the definition (all orders of the players);
    - weighted voting power against the plain DP and the general exact method;
    - the nucleolus hands out the grand coalition's worth.
    """
    rng = random.Random(seed)
    problems: list[str] = []
    for case in range(cases):
        n = rng.randint(1, 8)
        votes = [rng.randint(1, 1000) for _ in range(n)]
        seats = rng.randint(0, 500)
        whole = sum(votes)
        remainders = [seats * v % whole for v in votes]
        if HAVE_APPORTIONMENT and len(set(remainders)) == n:
            theirs = [int(x) for x in hamilton_by_package(votes, seats)]
            if theirs != ours(votes, seats):
                problems.append(
                    f"largest remainder case {case}: {votes} {seats}: {theirs} != {ours(votes, seats)}"
                )
        players = [f"p{i}" for i in range(min(n, 5))]
        table = [0] + [rng.randint(-50, 200) for _ in range(2 ** len(players) - 1)]
        definition = dict.fromkeys(players, Fraction(0))
        for order in itertools.permutations(range(len(players))):
            mask = 0
            for i in order:
                definition[players[i]] += table[mask | 1 << i] - table[mask]
                mask |= 1 << i
        definition = {p: v / math.factorial(len(players)) for p, v in definition.items()}
        if shapley_from_table(players, table) != definition:
            problems.append(f"shapley case {case}: {table}")
        quota = rng.randint(1, sum(votes[: len(players)]))
        wv = dict(zip(players, votes, strict=False))
        general = shapley_values(players, _voting_game(wv, quota))
        if not weighted_voting_shapley(wv, quota) == plain_weighted_voting(wv, quota) == general:
            problems.append(f"weighted voting case {case}: {wv} quota {quota}")
        game = random_game(len(players), case)
        if sum(nucleolus(game).values()) != game.grand:
            problems.append(f"nucleolus case {case}: not efficient")
    return problems


def timed(function: Callable[[], Any]) -> tuple[float, Any]:
    start = time.perf_counter()
    result = function()
    return time.perf_counter() - start, result


def package_seconds(n: int, seats: int, seed: int, limit: float) -> float | None:
    """Time the package in a child process (so that it can be stopped); None if over ``limit``."""
    here = str(__file__).rsplit("/", 1)[0]
    code = (
        f"import sys, time; sys.path.insert(0, {here!r})\n"
        "from allocation import weights_for, hamilton_by_package\n"
        f"v = weights_for({n}, {seed}); t = time.perf_counter(); hamilton_by_package(v, {seats}); "
        "print(time.perf_counter() - t)"
    )
    try:
        out = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, timeout=limit, check=True
        )
    except subprocess.TimeoutExpired:
        return None
    return float(out.stdout.strip().splitlines()[-1])


def bench_largest_remainder(sizes: list[int], limit: float) -> None:
    print("== largest remainder (Hamilton), exact, ties by member id")
    print(f"{'members':>10}  {'ours s':>8}  {'apportionment s':>16}  {'ratio ours/theirs':>18}")
    for n in sizes:
        seats = 10**9 + 7
        votes = weights_for(n, n)
        weights = {f"m{k:07d}": v for k, v in enumerate(votes)}
        mine, parts = timed(partial(apportion, seats, weights))
        assert sum(parts.values()) == seats
        if not HAVE_APPORTIONMENT:
            print(f"{n:>10}  {mine:>8.3f}  {'not installed':>16}  {'-':>18}")
            continue
        theirs = package_seconds(n, seats, n, limit)
        if theirs is None:
            print(
                f"{n:>10}  {mine:>8.3f}  {'>' + format(limit, '.0f') + ' (stopped)':>16}  {'< ' + format(mine / limit, '.4f'):>18}"
            )
        else:
            print(f"{n:>10}  {mine:>8.3f}  {theirs:>16.3f}  {mine / theirs:>18.4f}")


def bench_shapley(n: int) -> None:
    print(f"== exact Shapley, {n} players, table of 2**{n} coalition values")
    rng = random.Random(n)
    weight = [rng.randint(1, 100) for _ in range(n)]

    def value(mask: int) -> int:
        return bin(mask).count("1") ** 2 + mask % 97 + weight[mask.bit_length() - 1] if mask else 0

    evaluate, table = timed(lambda: [value(mask) for mask in range(1 << n)])
    players = [f"p{i}" for i in range(n)]
    exact, phi = timed(lambda: shapley_from_table(players, table))
    assert sum(phi.values()) == table[-1]
    print(
        f"evaluate v on every coalition: {evaluate:.3f} s; exact Shapley: {exact:.3f} s; ratio {exact / evaluate:.2f} (target ≤ 3)"
    )


#: The bonus of the callable game when its first player is in.
_BONUS = 7


def callable_game(n: int) -> tuple[list[str], Callable[[frozenset[str]], int], Callable[[], list[int]]]:
    """A cheap game on ``n`` players as a callable on sets, and a maker of the same game's table.

    ``v(S) = |S|² + 7`` if the first player is in ``S``; the table is indexed by bitmask.
    """
    players = [f"p{i:02d}" for i in range(n)]
    first = players[0]

    def value(coalition: frozenset[str]) -> int:
        return len(coalition) ** 2 + (_BONUS if first in coalition else 0)

    def table() -> list[int]:
        return [bin(mask).count("1") ** 2 + (_BONUS if mask & 1 else 0) for mask in range(1 << n)]

    return players, value, table


def peak_bytes(function: Callable[[], Any]) -> int:
    """The peak of memory traced while ``function`` runs (``tracemalloc``, from zero)."""
    tracemalloc.start()
    try:
        function()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def shapley_callable_row(n: int, rounds: int) -> dict[str, Any]:
    """``shapley_values`` on the callable against ``shapley_from_table`` on its table: times and peaks."""
    players, value, make_table = callable_game(n)
    table = make_table()
    measured = interleaved(
        {
            "callable": lambda: shapley_values(players, value),
            "table": lambda: shapley_from_table(players, table),
        },
        rounds,
    )
    assert measured["callable"][1] == measured["table"][1], "the two ways disagree"
    return {
        "n": n,
        "callable": measured["callable"][0],
        "table": measured["table"][0],
        "callable_peak": peak_bytes(lambda: shapley_values(players, value)),
        "table_peak": peak_bytes(lambda: shapley_from_table(players, make_table())),
    }


def bench_shapley_callable(sizes: list[int], rounds: int = 3) -> None:
    print(
        "== exact Shapley from a callable (shapley_values) against from its table (shapley_from_table); "
        "peak traced memory against making the table and reading it (targets: time ≤ 3, memory ≤ 2)"
    )
    print(
        f"{'players':>8}  {'callable s':>10}  {'table s':>8}  {'ratio':>6}  {'callable MiB':>12}  {'table MiB':>9}  {'ratio':>6}"
    )
    for n in sizes:
        row = shapley_callable_row(n, rounds)
        print(
            f"{n:>8}  {row['callable']:>10.3f}  {row['table']:>8.3f}  {row['callable'] / row['table']:>6.2f}  "
            f"{row['callable_peak'] / 2**20:>12.1f}  {row['table_peak'] / 2**20:>9.1f}  "
            f"{row['callable_peak'] / row['table_peak']:>6.2f}"
        )


def bench_weighted_voting(n: int, rounds: int = 3) -> None:
    print(f"== weighted voting game, {n} players, weights 100..999, majority quota")
    weights = voting_weights(n, n)
    quota = sum(weights.values()) // 2 + 1
    measured = interleaved(
        {
            "ours": lambda: weighted_voting_shapley(weights, quota),
            "plain": lambda: plain_weighted_voting(weights, quota),
            "banzhaf": lambda: weighted_voting_banzhaf(weights, quota),
        },
        rounds,
    )
    (ours, power), (plain, theirs), (banzhaf, index) = (
        measured["ours"],
        measured["plain"],
        measured["banzhaf"],
    )
    assert power == theirs and sum(power.values()) == 1 and sum(index.normalised.values()) == 1
    print(
        f"exact Shapley–Shubik: ours {ours:.3f} s, plain generating-function DP {plain:.3f} s: "
        f"ratio {ours / plain:.2f} (target ≤ 0.5); exact Banzhaf (raw and normalised): {banzhaf:.3f} s"
    )


def bench_nucleolus(sizes: list[int], rounds: int = 3) -> None:
    print("== exact nucleolus (sequence of exact LPs), by players")
    for n in sizes:
        game = random_game(n, n)
        (seconds, x) = interleaved({"nucleolus": partial(nucleolus, game)}, rounds)["nucleolus"]
        assert sum(x.values()) == game.grand
        verdict = "in the core" if core_check(game, x).in_core else "core empty"
        print(f"{n:>3} players: {seconds:.3f} s ({verdict})")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--quick", action="store_true", help="small sizes, a few seconds")
    args = parser.parse_args(argv)
    problems = check_correctness(cases=10 if args.quick else 50)
    print("== correctness check:", problems if problems else "ok")
    if args.quick:
        bench_largest_remainder([1_000, 10_000, 100_000], limit=10)
        bench_shapley(14)
        bench_shapley_callable([10, 12], rounds=1)
        bench_weighted_voting(60, rounds=1)
        bench_nucleolus([4, 8], rounds=1)
    else:
        bench_largest_remainder([1_000, 10_000, 100_000, 1_000_000], limit=60)
        bench_shapley(20)
        bench_shapley_callable([14, 16, 18, 20])
        bench_weighted_voting(200)
        bench_nucleolus([4, 8, 12, 14, 16])


if __name__ == "__main__":
    main()

"""Benchmarks of the allocation engine, measured side by side in one run and reported as ratios.

Run ``python benchmarks/allocation.py`` (about a minute) or ``--quick`` (a few seconds).

1. Largest remainder over 1,000,000 members against the ``apportionment`` package's Hamilton method
   (``pip install apportionment``; the column is skipped when it is not installed). That package loops in
   Python with a NumPy sum inside the loop, so on large inputs it is given a time limit and the ratio is
   reported as a lower bound.
2. Exact Shapley value of a 20-player game from its table of 2**20 coalition values, against the time
   merely to evaluate the characteristic function on every coalition (target: within 3×).
3. Exact Shapley–Shubik power of a weighted voting game with 150 players.
"""

from __future__ import annotations

import argparse
import importlib.util
import itertools
import math
import random
import subprocess
import sys
import time
from collections.abc import Callable
from fractions import Fraction
from functools import partial
from typing import Any

from dangjian_model.allocation import apportion, shapley_from_table, shapley_values, weighted_voting_shapley

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


def check_correctness(seed: int = 0, cases: int = 50) -> list[str]:
    """Compare the implementations where they are comparable; return the disagreements (none expected).

    - largest remainder against the ``apportionment`` package on small inputs without tied remainders
      (where float quotas are exact enough and no tie-break is involved), if it is installed;
    - the fast table Shapley method against the definition (all orders of the players);
    - weighted voting power against the general exact method.
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
        if weighted_voting_shapley(wv, quota) != general:
            problems.append(f"weighted voting case {case}: {wv} quota {quota}")
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


def bench_weighted_voting(n: int) -> None:
    print(f"== weighted voting game, {n} players, weights 1..100, majority quota")
    rng = random.Random(n)
    weights = {f"v{k:03d}": rng.randint(1, 100) for k in range(n)}
    seconds, power = timed(lambda: weighted_voting_shapley(weights, sum(weights.values()) // 2 + 1))
    assert sum(power.values()) == 1
    print(f"exact Shapley–Shubik power: {seconds:.3f} s")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--quick", action="store_true", help="small sizes, a few seconds")
    args = parser.parse_args(argv)
    problems = check_correctness(cases=10 if args.quick else 50)
    print("== correctness check:", problems if problems else "ok")
    if args.quick:
        bench_largest_remainder([1_000, 10_000, 100_000], limit=10)
        bench_shapley(14)
        bench_weighted_voting(100)
    else:
        bench_largest_remainder([1_000, 10_000, 100_000, 1_000_000], limit=60)
        bench_shapley(20)
        bench_weighted_voting(150)


if __name__ == "__main__":
    main()

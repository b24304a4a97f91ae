"""All the benchmarks in one run, one table of ratios measured side by side.

Run ``pip install -e '.[bench,excel]' apportionment && python benchmarks/run.py`` (1k, 10k, 100k and 1M
organisations; about seven minutes on two cores) or ``python benchmarks/run.py --quick`` (well under
a minute). ``--sizes 1000 20000`` picks the sizes. For every size the same JSON bytes are read by
dangjian_model, by msgspec into typed structs (the practical floor) and by an equivalent pydantic v2
model; the three results are checked equal before any time is printed.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime
import gc
import io
import math
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import msgspec
import pydantic

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from generate import generate, generate_json  # noqa: E402

from dangjian_model import (  # noqa: E402
    AllianceType,
    AssetNature,
    ContributionKind,
    MembershipRole,
    PartyOrgForm,
    Principle,
    Registry,
    UnitKind,
)
from dangjian_model.files import Limits, dump, load, loads  # noqa: E402
from dangjian_model.files._document import unstructure_document  # noqa: E402
from dangjian_model.files._json import _CONVERTER, dumpb  # noqa: E402
from dangjian_model.validation import validate  # noqa: E402

BIG = Limits(max_bytes=1 << 40)

# ------------------------------------------------------------------ msgspec: the same schema as structs


class _S(msgspec.Struct, frozen=True, forbid_unknown_fields=True, omit_defaults=True):
    pass


class MUnit(_S):
    id: str
    name: str
    kind: UnitKind
    superior_id: str | None = None
    population: int | None = None


class MParty(_S):
    id: str
    name: str
    form: PartyOrgForm
    superior_id: str | None = None
    host_unit_ids: tuple[str, ...] = ()
    full_members: int = 0
    probationary_members: int = 0


class MMembership(_S):
    participant_id: str
    role: MembershipRole = MembershipRole.MEMBER
    joined_on: datetime.date | None = None


class MAlliance(_S):
    id: str
    name: str
    type: AllianceType
    lead_id: str
    memberships: tuple[MMembership, ...] = ()
    principles: tuple[Principle, ...] = ()
    formed_on: datetime.date | None = None


class MContribution(_S):
    contributor_id: str
    kind: ContributionKind
    amount: str | None = None
    on: datetime.date | None = None


class MShare(_S):
    holder_id: str
    fraction: str


class MIncome(_S):
    on: datetime.date
    amount: str


class MProject(_S):
    id: str
    name: str
    alliance_id: str | None = None
    site_unit_id: str | None = None
    contributions: tuple[MContribution, ...] = ()
    shares: tuple[MShare, ...] = ()
    income: tuple[MIncome, ...] = ()


class MAsset(_S):
    id: str
    name: str
    owner_id: str
    nature: AssetNature


class MLedger(_S):
    id: str
    owner_id: str


class MRegistry(_S):
    version: int = 1
    units: tuple[MUnit, ...] = ()
    party_organisations: tuple[MParty, ...] = ()
    alliances: tuple[MAlliance, ...] = ()
    projects: tuple[MProject, ...] = ()
    assets: tuple[MAsset, ...] = ()
    ledgers: tuple[MLedger, ...] = ()


# ------------------------------------------------------------------ pydantic v2: the same schema


class _P(pydantic.BaseModel):
    model_config = pydantic.ConfigDict(frozen=True, extra="forbid")


class PUnit(_P):
    id: str
    name: str
    kind: UnitKind
    superior_id: str | None = None
    population: int | None = None


class PParty(_P):
    id: str
    name: str
    form: PartyOrgForm
    superior_id: str | None = None
    host_unit_ids: tuple[str, ...] = ()
    full_members: int = 0
    probationary_members: int = 0


class PMembership(_P):
    participant_id: str
    role: MembershipRole = MembershipRole.MEMBER
    joined_on: datetime.date | None = None


class PAlliance(_P):
    id: str
    name: str
    type: AllianceType
    lead_id: str
    memberships: tuple[PMembership, ...] = ()
    principles: tuple[Principle, ...] = ()
    formed_on: datetime.date | None = None


class PContribution(_P):
    contributor_id: str
    kind: ContributionKind
    amount: str | None = None
    on: datetime.date | None = None


class PShare(_P):
    holder_id: str
    fraction: str


class PIncome(_P):
    on: datetime.date
    amount: str


class PProject(_P):
    id: str
    name: str
    alliance_id: str | None = None
    site_unit_id: str | None = None
    contributions: tuple[PContribution, ...] = ()
    shares: tuple[PShare, ...] = ()
    income: tuple[PIncome, ...] = ()


class PAsset(_P):
    id: str
    name: str
    owner_id: str
    nature: AssetNature


class PLedger(_P):
    id: str
    owner_id: str


class PRegistry(_P):
    version: int = 1
    units: tuple[PUnit, ...] = ()
    party_organisations: tuple[PParty, ...] = ()
    alliances: tuple[PAlliance, ...] = ()
    projects: tuple[PProject, ...] = ()
    assets: tuple[PAsset, ...] = ()
    ledgers: tuple[PLedger, ...] = ()


# ------------------------------------------------------------------ measuring


def best(function: Callable[[], Any], runs: int) -> tuple[float, Any]:
    """The best of ``runs`` times, with a collection before each run, and the last result."""
    times = []
    result = None
    for _ in range(runs):
        result = None
        gc.collect()
        start = time.perf_counter()
        result = function()
        times.append(time.perf_counter() - start)
    return min(times), result


def side_by_side(functions: dict[str, Callable[[], Any]], runs: int) -> dict[str, tuple[float, Any]]:
    """The best time of each function over ``runs`` rounds, each round running every function once.

    Taking turns, rather than all of one library's runs and then all of another's, keeps the slow
    drift of a shared machine out of the ratios.
    """
    times: dict[str, list[float]] = {name: [] for name in functions}
    results: dict[str, Any] = {}
    for _ in range(runs):
        for name, function in functions.items():
            results[name] = None
            gc.collect()
            start = time.perf_counter()
            results[name] = function()
            times[name].append(time.perf_counter() - start)
    return {name: (min(times[name]), results[name]) for name in functions}


def paused(function: Callable[[], Any]) -> Callable[[], Any]:
    """``function`` run with the garbage collector paused, as ``loads`` runs itself."""

    def run() -> Any:
        gc.disable()
        try:
            return function()
        finally:
            gc.enable()

    return run


def _plain(tree: Any) -> Any:
    """A parsed JSON value with enum members as their values (for comparing libraries)."""
    return msgspec.json.decode(msgspec.json.encode(tree))


def same_results(ours: Registry, by_msgspec: MRegistry, by_pydantic: PRegistry) -> bool:
    """True if the three libraries read the same values (compared as canonical JSON values)."""
    mine = _plain(unstructure_document(ours, _CONVERTER))
    mine.pop("version", None)
    theirs = _plain(msgspec.to_builtins(by_msgspec))
    theirs.pop("version", None)
    other = _plain(by_pydantic.model_dump(mode="json", exclude_defaults=True))
    other.pop("version", None)
    return bool(mine == theirs == other)


def same_dumps(ours: bytes, by_msgspec: bytes, by_pydantic: bytes) -> bool:
    """True if the three dumps hold the same document."""
    documents = [msgspec.json.decode(text) for text in (ours, by_msgspec, by_pydantic)]
    for document in documents:
        document.pop("version", None)  # the others leave out their default
    return bool(documents[0] == documents[1] == documents[2])


def import_seconds(module: str, runs: int) -> float:
    """The best cumulative ``-X importtime`` of ``import module`` in a fresh interpreter."""
    found = []
    for _ in range(runs):
        out = subprocess.run(
            [sys.executable, "-X", "importtime", "-c", f"import {module}"],
            capture_output=True,
            text=True,
            check=True,
        )
        last = [line for line in out.stderr.splitlines() if line.rstrip().endswith(f"| {module}")][-1]
        found.append(int(last.split("|")[1]) / 1e6)
    return min(found)


def first_use_seconds(runs: int) -> float:
    """The best time, in a fresh interpreter, to import dangjian_model and reach the model's classes."""
    code = (
        "import time; t = time.perf_counter(); import dangjian_model; "
        "dangjian_model.Registry, dangjian_model.Unit, dangjian_model.Alliance; "
        "print(time.perf_counter() - t)"
    )
    found = []
    for _ in range(runs):
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
        found.append(float(out.stdout))
    return min(found)


def peak_rss() -> int:
    """This process's peak RSS in bytes: ``VmHWM``, which starts afresh at ``exec``.

    (``ru_maxrss`` does not: on Linux a child started by ``subprocess`` reports at least the RSS its
    parent had when it forked, which made earlier runs of this benchmark show the parent's memory.)
    """
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) * 1024
    except OSError:  # pragma: no cover - not Linux
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024  # pragma: no cover


def memory_child(path: str, n: int) -> None:
    """In a fresh process: load, validate and dump the file (the library's file API, as a user would).

    Prints the peak RSS, the bytes per organisation the loaded registry holds, and each stage's time.
    """

    def rss() -> int:
        with open("/proc/self/statm") as statm:
            return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")

    gc.collect()
    before = rss()
    start = time.perf_counter()
    registry = load(path, limits=BIG)
    loaded = time.perf_counter()
    gc.collect()
    held = rss() - before
    validated_start = time.perf_counter()
    validate(registry)
    validated = time.perf_counter()
    with tempfile.TemporaryDirectory() as directory:
        dump(registry, Path(directory) / "out.json")
        dumped = time.perf_counter()
    peak = peak_rss()
    print(
        f"{peak} {held / n:.0f} {loaded - start:.6f} {validated - validated_start:.6f} "
        f"{dumped - validated:.6f}"
    )


def memory(data: bytes, n: int) -> tuple[float, float, tuple[float, float, float]]:
    """Peak RSS (MB) of load + validate + dump in a fresh process, bytes per organisation held,
    and the (load, validate, dump) seconds it took."""
    with tempfile.NamedTemporaryFile(suffix=".json", delete=False) as file:
        file.write(data)
    try:
        out = subprocess.run(
            [sys.executable, __file__, "--memory-child", file.name, str(n)],
            capture_output=True,
            text=True,
            check=True,
        )
    finally:
        os.unlink(file.name)
    peak, per, *times = out.stdout.split()
    load_s, validate_s, dump_s = map(float, times)
    return int(peak) / 1e6, float(per), (load_s, validate_s, dump_s)


#: From this size on the library's own times come from the fresh process that measures memory (one
#: run of load, validate, dump): running them again in the parent would only double the minutes.
ONCE = 1_000_000


# ------------------------------------------------------------------ the table


def measure(n: int, runs: int, check: bool) -> dict[str, Any]:
    """Every figure for one size."""
    data = generate_json(n)  # the canonical JSON of generate(n), written directly
    decoder = msgspec.json.Decoder(MRegistry)
    row: dict[str, Any] = {"n": n, "mb": len(data) / 1e6}
    row["peak_mb"], row["bytes_per_org"], (load_s, validate_s, dump_s) = memory(data, n)
    if n >= ONCE and not check:
        row["load_m"], by_msgspec = best(lambda: decoder.decode(data), runs)
        row["load_m0"], _ = best(paused(lambda: decoder.decode(data)), runs)
        row["load_p"], by_pydantic = best(lambda: PRegistry.model_validate_json(data), runs)
        row["load"], row["validate"], row["dump"] = load_s, validate_s, dump_s
        row["dump_m"], _ = best(lambda: msgspec.json.format(msgspec.json.encode(by_msgspec), indent=2), runs)
        by_msgspec = None
        row["dump_p"], _ = best(lambda: by_pydantic.model_dump_json(indent=2, exclude_defaults=True), runs)
        by_pydantic = None
        row["findings"] = -1
        return row
    loaded_by = side_by_side(
        {
            "load_m": lambda: decoder.decode(data),
            "load_m0": paused(lambda: decoder.decode(data)),
            "load_p": lambda: PRegistry.model_validate_json(data),
            "load": lambda: loads(data, limits=BIG),
        },
        runs,
    )
    row.update({name: seconds for name, (seconds, _) in loaded_by.items()})
    by_msgspec, by_pydantic, ours = (loaded_by[name][1] for name in ("load_m", "load_p", "load"))
    del loaded_by
    if check:
        if n <= 10_000:
            assert ours == generate(n), "dangjian_model did not read back what the model built"
        assert same_results(ours, by_msgspec, by_pydantic), "the libraries read different values"
    row["dump"], mine = best(lambda: dumpb(ours), runs)
    row["dump_m"], theirs = best(lambda: msgspec.json.format(msgspec.json.encode(by_msgspec), indent=2), runs)
    row["dump_p"], other = best(lambda: by_pydantic.model_dump_json(indent=2, exclude_defaults=True), runs)
    if check:
        assert mine == data, "dangjian_model did not write back the bytes it read"
        assert same_dumps(mine, theirs, other.encode()), "the libraries wrote different documents"
    by_msgspec = by_pydantic = mine = theirs = other = None  # free them before validating
    loaded = ours
    row["validate"], report = best(lambda: validate(loaded), runs)
    row["findings"] = len(report.findings)
    return row


def allocation_lines(quick: bool) -> list[str]:
    """The allocation benchmark's own figures (largest remainder, Shapley), as it prints them."""
    import allocation

    buffer = io.StringIO()
    with contextlib.redirect_stdout(buffer):
        allocation.bench_largest_remainder(
            [10_000] if quick else [100_000, 1_000_000], limit=5 if quick else 60
        )
        allocation.bench_shapley(12 if quick else 20)
        allocation.bench_weighted_voting(30 if quick else 200, rounds=1 if quick else 3)
        allocation.bench_nucleolus([4, 8] if quick else [4, 8, 12, 14, 16], rounds=1 if quick else 3)
    return buffer.getvalue().rstrip().splitlines()


def workbook_lines(quick: bool) -> list[str]:
    """The workbook benchmark's figures (read and write against openpyxl's read-only load), as it prints them."""
    import workbook

    return ["", *workbook.workbook_lines(quick)]


def table(rows: list[dict[str, Any]], imports: tuple[float, ...], extra: list[str]) -> str:
    """One table: times in ms, ratios ours/theirs, scaling per doubling, memory."""
    head = (
        f"{'orgs':>9} {'MB':>6} | {'load ms':>8} {'/msgspec':>8} {'/no-gc':>6} {'/pydantic':>9} | "
        f"{'dump ms':>8} {'/msgspec':>8} {'/pydantic':>9} | {'valid ms':>8} {'/load':>5} {'x/2n':>5} | "
        f"{'peak MB':>7} {'B/org':>6}"
    )
    lines = [head, "-" * len(head)]
    previous = None
    for row in rows:
        scale = "-"
        if previous is not None:
            doublings = math.log2(row["n"] / previous["n"])
            scale = f"{(row['validate'] / previous['validate']) ** (1 / doublings):.2f}"
        lines.append(
            f"{row['n']:>9,} {row['mb']:>6.1f} | {row['load'] * 1e3:>8.0f} {row['load'] / row['load_m']:>8.2f} "
            f"{row['load'] / row['load_m0']:>6.1f} "
            f"{row['load'] / row['load_p']:>9.2f} | {row['dump'] * 1e3:>8.0f} {row['dump'] / row['dump_m']:>8.1f} "
            f"{row['dump'] / row['dump_p']:>9.2f} | {row['validate'] * 1e3:>8.0f} "
            f"{row['validate'] / row['load']:>5.2f} {scale:>5} | {row['peak_mb']:>7.0f} {row['bytes_per_org']:>6.0f}"
        )
        previous = row
    ours, cattrs_alone, *first = imports
    lines.append("")
    lines.append(
        f"import dangjian_model {ours * 1e3:.0f} ms, import cattrs {cattrs_alone * 1e3:.0f} ms: "
        f"ratio {ours / cattrs_alone:.2f}"
    )
    if first:
        lines.append(
            f"import dangjian_model + first use (Registry, Unit, Alliance) {first[0] * 1e3:.0f} ms: "
            f"ratio {first[0] / cattrs_alone:.2f} to import cattrs"
        )
    lines += ["", *extra]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> str:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--quick", action="store_true", help="small sizes, one run each")
    parser.add_argument("--sizes", type=int, nargs="+", help="numbers of organisations")
    parser.add_argument("--memory-child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.memory_child:
        memory_child(args.memory_child[0], int(args.memory_child[1]))
        return ""
    sizes = args.sizes or ([1_000, 4_000] if args.quick else [1_000, 10_000, 100_000, 1_000_000])
    rows = []
    for n in sizes:
        runs = 1 if args.quick or n > 100_000 else 5
        rows.append(measure(n, runs, check=n <= 100_000))
        print(f"... {n:,} organisations measured", file=sys.stderr, flush=True)
    imports = (
        import_seconds("dangjian_model", 3 if args.quick else 7),
        import_seconds("cattrs", 3 if args.quick else 7),
        first_use_seconds(3 if args.quick else 7),
    )
    text = table(rows, imports, allocation_lines(args.quick) + workbook_lines(args.quick))
    print(
        "(1M and over: dangjian_model's load, validate and dump are one run of load(path), validate, "
        "dump(path) in the fresh process that measures memory; B/org is what the loaded registry holds)"
    )
    print(f"{os.cpu_count()} cores, Python {sys.version.split()[0]}, {sys.platform}")
    print(text)
    return text


if __name__ == "__main__":
    main()

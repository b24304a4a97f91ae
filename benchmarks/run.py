"""All the benchmarks in one run, one table of ratios measured side by side.

Run ``pip install -e '.[bench,excel]' apportionment && python benchmarks/run.py`` (1k, 10k, 100k and 1M
organisations; several minutes on two cores) or ``python benchmarks/run.py --quick`` (well under
a minute). ``--sizes 1000 20000`` picks the sizes. For every size the same JSON bytes are read by
dangjian_model, by msgspec into typed structs (the practical floor) and by an equivalent pydantic v2
model; the three results are checked equal before any time is printed. Then: msgspec straight into
the model's attrs classes against the floor and our typed tier, the collector paused for every
contender (``--msgspec-attrs N`` runs only that row; see ``msgspec_attrs.py``), YAML against JSON on the
same registry, ``load(path)`` against ``loads(bytes)`` on the bundled example, whole commands and
imports in fresh interpreters, the allocation engine and Excel workbooks.

Every time is the median of interleaved rounds: each round runs every contender once, in turn, so the
slow drift of a shared machine falls on all of them alike.
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
import shutil
import statistics
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
from dangjian_model.files import Limits, dump, dumps, format_of, load, loads  # noqa: E402
from dangjian_model.files._document import unstructure_document  # noqa: E402
from dangjian_model.files._json import converter, dumpb  # noqa: E402
from dangjian_model.validation import validate  # noqa: E402

BIG = Limits(max_bytes=1 << 40)
ROOT = HERE.parent
#: The bundled example every small-file and command row reads.
EXAMPLE = ROOT / "examples" / "cixi_three_villages"

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


def side_by_side(functions: dict[str, Callable[[], Any]], runs: int) -> dict[str, tuple[float, Any]]:
    """The median time of each function over ``runs`` rounds, each round running every function once.

    Taking turns, rather than all of one library's runs and then all of another's, keeps the slow
    drift of a shared machine out of the ratios. The garbage collector runs before each call (not
    timed), so that no call pays for garbage another left.
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
    return {name: (statistics.median(times[name]), results[name]) for name in functions}


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
    mine = _plain(unstructure_document(ours, converter()))
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


def fresh_env(cache: str) -> dict[str, str]:
    """The environment of a fresh interpreter as an installed package runs: its byte-code cached.

    ``pip install`` compiles every module; an environment that says not to write byte-code
    (``PYTHONDONTWRITEBYTECODE``) would make each fresh process compile this package's sources
    again (≈ 15 ms for the model alone) while the libraries it is compared with load theirs from
    ``site-packages``. The byte-code goes to ``cache`` (``PYTHONPYCACHEPREFIX``), not into the sources.
    """
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = cache
    return env


def in_process_seconds(codes: dict[str, str], runs: int, env: dict[str, str]) -> dict[str, float]:
    """For each snippet, the median time it takes inside a fresh interpreter (after start-up), taking turns.

    Each snippet runs once untimed first, so that its byte-code is cached.
    """
    times: dict[str, list[float]] = {name: [] for name in codes}
    commands = {
        name: [
            sys.executable,
            "-c",
            f"import time\nt = time.perf_counter()\n{code}\nprint(time.perf_counter() - t)",
        ]
        for name, code in codes.items()
    }
    for command in commands.values():
        subprocess.run(command, capture_output=True, check=True, env=env, cwd=ROOT)
    for _ in range(runs):
        for name, command in commands.items():
            out = subprocess.run(command, capture_output=True, text=True, check=True, env=env, cwd=ROOT)
            times[name].append(float(out.stdout.split()[-1]))
    return {name: statistics.median(found) for name, found in times.items()}


def process_seconds(commands: dict[str, list[str]], runs: int, env: dict[str, str]) -> dict[str, float]:
    """For each command, the median wall time of the whole process, start-up included, taking turns.

    Each command runs once untimed first (its byte-code is cached then); every run must succeed.
    """
    times: dict[str, list[float]] = {name: [] for name in commands}
    for command in commands.values():
        subprocess.run(command, capture_output=True, check=True, env=env, cwd=ROOT)
    for _ in range(runs):
        for name, command in commands.items():
            start = time.perf_counter()
            subprocess.run(command, capture_output=True, check=True, env=env, cwd=ROOT)
            times[name].append(time.perf_counter() - start)
    return {name: statistics.median(found) for name, found in times.items()}


#: The ``dangjian`` command as its console script runs it, from this interpreter.
COMMAND = [sys.executable, "-c", "import sys; from dangjian_model.cli import main; sys.exit(main())"]
#: What the model's first use means: the import, and the classes most programs touch first.
FIRST_USE = "import dangjian_model\ndangjian_model.Registry, dangjian_model.Unit, dangjian_model.Alliance"


#: Whole processes that show where the command's time goes, each a prefix of the next: the
#: interpreter; the libraries any reader of a YAML registry into these classes loads and the model's
#: classes (the floor: nothing of the files package, of validation or of the command); the file
#: read; the file read and checked.
FLOOR = "import attrs, msgspec, yaml\nimport dangjian_model._registry"
LOAD = "from dangjian_model.files import load\nload({path!r})"
CHECK = "from dangjian_model.files import load\nfrom dangjian_model.validation import validate\nvalidate(load({path!r}))"


def start_up_lines(runs: int) -> list[str]:
    """Imports and whole commands in fresh interpreters, against ``import cattrs``."""
    cache = tempfile.mkdtemp(prefix="dangjian-bench-pyc-")
    try:
        env = fresh_env(cache)
        inside = in_process_seconds(
            {"cattrs": "import cattrs", "import": "import dangjian_model", "first": FIRST_USE}, runs, env
        )
        example = str(EXAMPLE.with_suffix(".yaml").relative_to(ROOT))
        python = [sys.executable, "-c"]
        whole = process_seconds(
            {
                "cattrs": [*python, "import cattrs"],
                "python": [*python, "pass"],
                "floor": [*python, FLOOR],
                "load": [*python, LOAD.format(path=example)],
                "check": [*python, CHECK.format(path=example)],
                "version": [*COMMAND, "--version"],
                "validate": [*COMMAND, "validate", example],
            },
            runs,
            env,
        )
    finally:
        shutil.rmtree(cache, ignore_errors=True)
    return start_up_table(inside, whole, example)


def start_up_table(inside: dict[str, float], whole: dict[str, float], example: str) -> list[str]:
    """The start-up figures as the table prints them (times in ms, ratios to ``import cattrs``)."""

    def ms(seconds: float) -> str:
        return f"{seconds * 1e3:.0f} ms"

    alone, command = inside["cattrs"], whole["cattrs"]

    def row(label: str, name: str, target: str = "") -> str:
        return f"  {label} {ms(whole[name])}: ratio {whole[name] / command:.2f}{target}"

    lines = [
        "== start-up: fresh interpreters, byte-code cached as installed; ratios to `import cattrs`",
        f"inside the process: import cattrs {ms(alone)}; import dangjian_model {ms(inside['import'])}: "
        f"ratio {inside['import'] / alone:.2f}",
        f"  import dangjian_model + first use (Registry, Unit, Alliance) {ms(inside['first'])}: "
        f"ratio {inside['first'] / alone:.2f} (target ≤ 1.5)",
        f'whole processes: python -c "import cattrs" {ms(command)}',
        row("dangjian --version", "version", " (target ≤ 1)"),
        row(f"dangjian validate {example}", "validate", " (target ≤ 2)"),
    ]
    if "floor" in whole:
        lines += [
            "where the command's time goes (whole processes, each doing more than the one before):",
            row("python -c pass (the interpreter)", "python"),
            row("import attrs, msgspec, yaml and the model's classes (the floor)", "floor"),
            row(f"  + load({example!r})", "load"),
            row("  + validate(...)", "check"),
            row("  + the command (argument parsing, output)", "validate"),
        ]
    return lines


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
        theirs = side_by_side(
            {
                "load_m": lambda: decoder.decode(data),
                "load_m0": paused(lambda: decoder.decode(data)),
                "load_p": lambda: PRegistry.model_validate_json(data),
            },
            runs,
        )
        row.update({name: seconds for name, (seconds, _) in theirs.items()})
        by_msgspec, by_pydantic = theirs["load_m"][1], theirs["load_p"][1]
        del theirs
        row["load"], row["validate"], row["dump"] = load_s, validate_s, dump_s
        written = side_by_side(
            {
                "dump_m": lambda: msgspec.json.format(msgspec.json.encode(by_msgspec), indent=2),
                "dump_p": lambda: by_pydantic.model_dump_json(indent=2, exclude_defaults=True),
            },
            runs,
        )
        row.update({name: seconds for name, (seconds, _) in written.items()})
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
    written = side_by_side(
        {
            "dump": lambda: dumpb(ours),
            "dump_m": lambda: msgspec.json.format(msgspec.json.encode(by_msgspec), indent=2),
            "dump_p": lambda: by_pydantic.model_dump_json(indent=2, exclude_defaults=True),
        },
        runs,
    )
    row.update({name: seconds for name, (seconds, _) in written.items()})
    mine, theirs_, other = (written[name][1] for name in ("dump", "dump_m", "dump_p"))
    del written
    if check:
        assert mine == data, "dangjian_model did not write back the bytes it read"
        assert same_dumps(mine, theirs_, other.encode()), "the libraries wrote different documents"
    by_msgspec = by_pydantic = mine = theirs_ = other = None  # free them before validating
    loaded = ours
    row["validate"], report = side_by_side({"validate": lambda: validate(loaded)}, runs)["validate"]
    row["findings"] = len(report.findings)
    return row


def yaml_row(n: int, runs: int, check: bool) -> dict[str, Any]:
    """YAML against JSON for the same registry: ``loads`` of the bytes and ``dumps`` of the registry."""
    registry = generate(n)
    as_json = dumps(registry, "json")
    as_yaml = dumps(registry, "yaml")
    json_bytes, yaml_bytes = as_json.encode(), as_yaml.encode()
    measured = side_by_side(
        {
            "yaml_load": lambda: loads(yaml_bytes, "yaml", limits=BIG),
            "json_load": lambda: loads(json_bytes, "json", limits=BIG),
            "yaml_dump": lambda: dumps(registry, "yaml"),
            "json_dump": lambda: dumps(registry, "json"),
        },
        runs,
    )
    if check:
        assert measured["yaml_load"][1] == measured["json_load"][1] == registry, (
            "YAML and JSON read differently"
        )
        assert measured["yaml_dump"][1] == as_yaml, "YAML was not written back the same"
        assert measured["json_dump"][1] == as_json, "JSON was not written back the same"
    row: dict[str, Any] = {"n": n, "yaml_mb": len(yaml_bytes) / 1e6, "json_mb": len(json_bytes) / 1e6}
    row.update({name: seconds for name, (seconds, _) in measured.items()})
    return row


def yaml_lines(rows: list[dict[str, Any]]) -> list[str]:
    """The YAML rows as the table prints them."""
    head = (
        f"{'orgs':>9} {'YAML MB':>7} | {'YAML load ms':>12} {'JSON load ms':>12} {'ratio':>6} | "
        f"{'YAML dump ms':>12} {'JSON dump ms':>12} {'ratio':>6}"
    )
    lines = [
        "== YAML against JSON, the same registry: loads(bytes) and dumps (targets: load ≤ 4, dump ≤ 3)",
        head,
        "-" * len(head),
    ]
    for row in rows:
        lines.append(
            f"{row['n']:>9,} {row['yaml_mb']:>7.1f} | {row['yaml_load'] * 1e3:>12.0f} "
            f"{row['json_load'] * 1e3:>12.0f} {row['yaml_load'] / row['json_load']:>6.2f} | "
            f"{row['yaml_dump'] * 1e3:>12.0f} {row['json_dump'] * 1e3:>12.0f} "
            f"{row['yaml_dump'] / row['json_dump']:>6.2f}"
        )
    return lines


def small_file_lines(runs: int) -> list[str]:
    """``load(path)`` against ``loads(bytes)`` of the bundled example, in YAML and in JSON (target ≤ 2)."""
    lines = ["== a small file, the bundled example: load(path) against loads(bytes) (target ≤ 2)"]
    for suffix in (".yaml", ".json"):
        lines.append(small_file_line(EXAMPLE.with_suffix(suffix), runs))
    return lines


def small_file_line(path: Path, runs: int) -> str:
    """One file read both ways, taking turns; the two registries are checked equal."""
    data = path.read_bytes()
    format_ = format_of(path)
    measured = side_by_side({"path": lambda: load(path), "bytes": lambda: loads(data, format_)}, runs)
    assert measured["path"][1] == measured["bytes"][1], "load and loads read differently"
    by_path, by_bytes = measured["path"][0], measured["bytes"][0]
    return (
        f"{path.name} ({len(data):,} bytes): load(path) {by_path * 1e3:.2f} ms, "
        f"loads(bytes) {by_bytes * 1e3:.2f} ms: ratio {by_path / by_bytes:.2f}"
    )


def allocation_lines(quick: bool) -> list[str]:
    """The allocation benchmark's own figures (largest remainder, Shapley, voting, nucleolus), as it prints them."""
    import allocation

    buffer = io.StringIO()
    with contextlib.redirect_stdout(buffer):
        allocation.bench_largest_remainder(
            [10_000] if quick else [100_000, 1_000_000], limit=5 if quick else 60
        )
        allocation.bench_shapley(12 if quick else 20)
        allocation.bench_shapley_callable([10, 12] if quick else [14, 16, 18, 20], rounds=1 if quick else 3)
        allocation.bench_weighted_voting(30 if quick else 200, rounds=1 if quick else 3)
        allocation.bench_nucleolus([4, 8] if quick else [4, 8, 12, 14, 16], rounds=1 if quick else 3)
    return buffer.getvalue().rstrip().splitlines()


def msgspec_attrs_row(n: int, runs: int) -> dict[str, Any]:
    """msgspec straight into the model's attrs classes against the floor, ``loads`` and the typed tier.

    Every contender with the collector paused (``paused``), medians of interleaved rounds; see
    ``msgspec_attrs.py``.
    """
    import msgspec_attrs

    row = msgspec_attrs.measure(generate_json(n), MRegistry, runs, side_by_side, paused)
    row["n"] = n
    return row


def msgspec_attrs_lines(row: dict[str, Any]) -> list[str]:
    """The msgspec-into-attrs row as the table prints it."""
    import msgspec_attrs

    return msgspec_attrs.lines(row)


def workbook_lines(quick: bool) -> list[str]:
    """The workbook benchmark's figures (read and write against openpyxl's read-only load), as it prints them."""
    import workbook

    return ["== Excel workbooks", *workbook.workbook_lines(quick)]


def table(rows: list[dict[str, Any]], extra: list[str]) -> str:
    """One table: times in ms, ratios ours/theirs, scaling per doubling, memory; then the other figures."""
    head = (
        f"{'orgs':>9} {'MB':>6} | {'load ms':>8} {'/msgspec':>8} {'/no-gc':>6} {'/pydantic':>9} | "
        f"{'dump ms':>8} {'/msgspec':>8} {'/pydantic':>9} | {'valid ms':>8} {'/load':>5} {'x/2n':>5} | "
        f"{'peak MB':>7} {'B/org':>6}"
    )
    lines = [
        "== JSON: load, dump, validate against msgspec and pydantic (target: load ≤ 3 /no-gc at 100k)",
        head,
        "-" * len(head),
    ]
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
    for block in extra:
        lines += ["", *block.splitlines()] if block else []
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> str:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--quick", action="store_true", help="small sizes, one run each")
    parser.add_argument("--sizes", type=int, nargs="+", help="numbers of organisations")
    parser.add_argument(
        "--yaml-sizes", type=int, nargs="+", help="numbers of organisations for YAML against JSON"
    )
    parser.add_argument(
        "--msgspec-attrs",
        type=int,
        nargs="+",
        metavar="N",
        help="only the row of msgspec straight into the model's attrs classes, at these sizes "
        "(the full run has it at the largest size up to 100,000)",
    )
    parser.add_argument("--memory-child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.memory_child:
        memory_child(args.memory_child[0], int(args.memory_child[1]))
        return ""
    runs = 1 if args.quick else 5
    if args.msgspec_attrs:
        text = "\n\n".join(
            "\n".join(msgspec_attrs_lines(msgspec_attrs_row(n, runs))) for n in args.msgspec_attrs
        )
        print(f"{os.cpu_count()} cores, Python {sys.version.split()[0]}, {sys.platform}")
        print(text)
        return text
    sizes = args.sizes or ([1_000, 4_000] if args.quick else [1_000, 10_000, 100_000, 1_000_000])
    yaml_sizes = args.yaml_sizes or ([500, 1_000] if args.quick else [2_000, 10_000])
    rows = []
    for n in sizes:
        rows.append(measure(n, 1 if n > 100_000 else runs, check=n <= 100_000))
        print(f"... {n:,} organisations measured", file=sys.stderr, flush=True)
    attrs_sizes = [n for n in sizes if n <= 100_000]
    attrs_row = msgspec_attrs_row(max(attrs_sizes), runs) if attrs_sizes else None
    print("... msgspec into attrs classes measured", file=sys.stderr, flush=True)
    yaml_rows = [yaml_row(n, runs, check=True) for n in yaml_sizes]
    print("... YAML measured", file=sys.stderr, flush=True)
    blocks = [
        "\n".join(msgspec_attrs_lines(attrs_row)) if attrs_row else "",
        "\n".join(yaml_lines(yaml_rows)),
        "\n".join(small_file_lines(10 if args.quick else 100)),
        "\n".join(start_up_lines(3 if args.quick else 11)),
        "\n".join(allocation_lines(args.quick)),
        "\n".join(workbook_lines(args.quick)),
    ]
    text = table(rows, blocks)
    print(
        "(1M and over: dangjian_model's load, validate and dump are one run of load(path), validate, "
        "dump(path) in the fresh process that measures memory; B/org is what the loaded registry holds)"
    )
    print(f"{os.cpu_count()} cores, Python {sys.version.split()[0]}, {sys.platform}")
    print(text)
    return text


if __name__ == "__main__":
    main()

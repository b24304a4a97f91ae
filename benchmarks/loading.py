"""Loading a 100,000-organisation registry from JSON: dangjian_model.files vs pydantic v2 vs msgspec.

Run: ``pip install -e '.[bench]' && python benchmarks/loading.py``. All three decode the same bytes
into typed objects of the same schema (units and party organisations with their committees); the
script checks that they read the same values, then prints the best of several runs and the ratios.
"""

from __future__ import annotations

import datetime
import gc
import time
from collections.abc import Callable
from typing import Any

import msgspec
import pydantic

from dangjian_model import Committee, PartyOrganisation, PartyOrgForm, Registry, Unit, UnitKind
from dangjian_model.files import dumps, loads

COUNT = 100_000
RUNS = 5


def build(count: int) -> Registry:
    """Half units (villages under townships), half their branches with committees."""
    units = []
    organisations = []
    for i in range(count // 2):
        units.append(
            Unit(
                id=f"village-{i}",
                name=f"第{i}村",
                kind=UnitKind.VILLAGE,
                superior_id=f"township-{i // 20}",
                population=1000 + i % 5000,
            )
        )
        organisations.append(
            PartyOrganisation(
                id=f"branch-{i}",
                name=f"第{i}村党支部",
                form=PartyOrgForm.BRANCH,
                superior_id=f"committee-{i // 20}",
                host_unit_ids=(f"village-{i}",),
                full_members=7 + i % 40,
                committee=Committee(
                    size=5, elected_on=datetime.date(2021, 1, 1) + datetime.timedelta(i % 900)
                )
                if i % 2
                else None,
            )
        )
    return Registry(units=units, party_organisations=organisations)


# ------------------------------------------------------------------ msgspec


class MCommittee(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    size: int
    secretary_id: str | None = None
    deputy_secretary_ids: tuple[str, ...] = ()
    member_ids: tuple[str, ...] = ()
    elected_on: datetime.date | None = None
    term_years: int | None = None


class MUnit(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    id: str
    name: str
    kind: UnitKind
    superior_id: str | None = None
    division_code: str | None = None
    credit_code: str | None = None
    designations: frozenset[str] = frozenset()
    population: int | None = None
    households: int | None = None
    area_km2: str | None = None
    collective_income: str | None = None


class MParty(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    id: str
    name: str
    form: PartyOrgForm
    superior_id: str | None = None
    host_unit_ids: tuple[str, ...] = ()
    full_members: int = 0
    probationary_members: int = 0
    committee: MCommittee | None = None
    founded_on: datetime.date | None = None
    dissolved_on: datetime.date | None = None


class MRegistry(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    version: int = 1
    units: tuple[MUnit, ...] = ()
    party_organisations: tuple[MParty, ...] = ()


# ------------------------------------------------------------------ pydantic


class _Frozen(pydantic.BaseModel):
    model_config = pydantic.ConfigDict(frozen=True, extra="forbid", strict=False)


class PCommittee(_Frozen):
    size: int
    secretary_id: str | None = None
    deputy_secretary_ids: tuple[str, ...] = ()
    member_ids: tuple[str, ...] = ()
    elected_on: datetime.date | None = None
    term_years: int | None = None


class PUnit(_Frozen):
    id: str
    name: str
    kind: UnitKind
    superior_id: str | None = None
    division_code: str | None = None
    credit_code: str | None = None
    designations: frozenset[str] = frozenset()
    population: int | None = None
    households: int | None = None
    area_km2: str | None = None
    collective_income: str | None = None


class PParty(_Frozen):
    id: str
    name: str
    form: PartyOrgForm
    superior_id: str | None = None
    host_unit_ids: tuple[str, ...] = ()
    full_members: int = 0
    probationary_members: int = 0
    committee: PCommittee | None = None
    founded_on: datetime.date | None = None
    dissolved_on: datetime.date | None = None


class PRegistry(_Frozen):
    version: int = 1
    units: tuple[PUnit, ...] = ()
    party_organisations: tuple[PParty, ...] = ()


def best(function: Callable[[], Any]) -> tuple[float, Any]:
    """The best time of RUNS runs (garbage collection paused while timing) and the last result."""
    times = []
    result = None
    for _ in range(RUNS):
        gc.collect()
        gc.disable()
        start = time.perf_counter()
        result = function()
        times.append(time.perf_counter() - start)
        gc.enable()
    return min(times), result


def _same(registry: Registry, other: Any) -> bool:
    pairs = zip(registry.party_organisations, other.party_organisations, strict=True)
    units = zip(registry.units, other.units, strict=True)
    return all(
        (a.id, a.name, a.form, a.superior_id, a.host_unit_ids, a.full_members)
        == (b.id, b.name, b.form, b.superior_id, b.host_unit_ids, b.full_members)
        and (a.committee is None) == (b.committee is None)
        and (a.committee is None or a.committee.elected_on == b.committee.elected_on)
        for a, b in pairs
    ) and all((a.id, a.name, a.kind, a.population) == (b.id, b.name, b.kind, b.population) for a, b in units)


def main() -> None:
    registry = build(COUNT)
    data = dumps(registry, personal_data=True).encode()
    print(f"{COUNT:,} organisations, {len(data) / 1e6:.1f} MB of JSON, best of {RUNS} runs")
    decoder = msgspec.json.Decoder(MRegistry)
    ours, loaded = best(lambda: loads(data, "json"))
    theirs_m, by_msgspec = best(lambda: decoder.decode(data))
    theirs_p, by_pydantic = best(lambda: PRegistry.model_validate_json(data))
    assert loaded == registry, "dangjian_model.files did not read back what it wrote"
    assert _same(loaded, by_msgspec), "msgspec read different values"
    assert _same(loaded, by_pydantic), "pydantic read different values"
    print(f"  dangjian_model.files  {ours * 1000:8.0f} ms")
    print(f"  pydantic v2           {theirs_p * 1000:8.0f} ms   ours / pydantic = {ours / theirs_p:.2f}")
    print(f"  msgspec               {theirs_m * 1000:8.0f} ms   ours / msgspec  = {ours / theirs_m:.2f}")
    print("  all three read the same values")


if __name__ == "__main__":
    main()

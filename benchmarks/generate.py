"""A seeded generator of large, realistic registries for the benchmarks.

Hypothesis strategies build small registries well; a national-scale registry needs a direct
generator. ``generate(n)`` gives ``n`` party organisations (a district committee, township
committees and village or community branches, each branch hosted in its own unit) with alliances
of 2–6 neighbouring villages, a project per alliance, ledgers and assets — the same shape as
``dangjian_model.strategies.registries()``, at any size, the same for the same seed.
"""

from __future__ import annotations

import datetime
import random
from fractions import Fraction

from dangjian_model import (
    Alliance,
    AllianceType,
    Asset,
    AssetNature,
    Contribution,
    ContributionKind,
    IncomeRecord,
    Ledger,
    Membership,
    MembershipRole,
    Money,
    PartyOrganisation,
    PartyOrgForm,
    Principle,
    Project,
    Registry,
    Share,
    Unit,
    UnitKind,
)

VILLAGES_PER_TOWNSHIP = 20
TOWNSHIPS_PER_DISTRICT = 15
FORMED = datetime.date(2021, 1, 1)


def generate(organisations: int, seed: int = 20211206) -> Registry:
    """A registry with about ``organisations`` party organisations."""
    rng = random.Random(seed)
    units: list[Unit] = []
    parties: list[PartyOrganisation] = []
    alliances: list[Alliance] = []
    projects: list[Project] = []
    ledgers: list[Ledger] = []
    assets: list[Asset] = []
    per_district = 1 + TOWNSHIPS_PER_DISTRICT * (1 + VILLAGES_PER_TOWNSHIP)
    districts = max(1, organisations // per_district)
    count = 0
    for d in range(districts):
        district = f"d{d}"
        units.append(Unit(id=district, name=f"第{d}区", kind=UnitKind.DISTRICT))
        parties.append(
            PartyOrganisation(
                id=f"{district}-c",
                name=f"第{d}区委",
                form=PartyOrgForm.LOCAL_COMMITTEE,
                host_unit_ids=(district,),
                full_members=5000,
            )
        )
        count += 1
        for t in range(TOWNSHIPS_PER_DISTRICT):
            if count >= organisations:
                break
            town = f"{district}t{t}"
            units.append(Unit(id=town, name=f"第{t}镇", kind=UnitKind.TOWNSHIP, superior_id=district))
            parties.append(
                PartyOrganisation(
                    id=f"{town}-c",
                    name=f"第{t}镇党委",
                    form=PartyOrgForm.COMMITTEE,
                    superior_id=f"{district}-c",
                    host_unit_ids=(town,),
                    full_members=800,
                )
            )
            count += 1
            villages: list[str] = []
            for v in range(VILLAGES_PER_TOWNSHIP):
                if count >= organisations:
                    break
                village = f"{town}v{v}"
                villages.append(village)
                units.append(
                    Unit(
                        id=village,
                        name=f"第{v}村",
                        kind=UnitKind.VILLAGE,
                        superior_id=town,
                        population=rng.randint(300, 9000),
                    )
                )
                parties.append(
                    PartyOrganisation(
                        id=f"{village}-b",
                        name=f"第{v}村党支部",
                        form=PartyOrgForm.BRANCH,
                        superior_id=f"{town}-c",
                        host_unit_ids=(village,),
                        full_members=rng.randint(3, 6),
                        probationary_members=rng.randint(0, 2),
                    )
                )
                count += 1
                ledgers.append(Ledger(id=f"{village}-l", owner_id=village))
            while len(villages) >= 2:
                size = min(len(villages), rng.randint(2, 6))
                members, villages = villages[:size], villages[size:]
                alliance = f"{town}a{len(villages)}"
                alliances.append(
                    Alliance(
                        id=alliance,
                        name=f"第{t}镇片区联盟",
                        type=AllianceType.CLUSTER,
                        lead_id=members[0],
                        memberships=tuple(
                            Membership(
                                participant_id=m,
                                role=MembershipRole.LEAD if i == 0 else MembershipRole.MEMBER,
                                joined_on=FORMED,
                            )
                            for i, m in enumerate(members)
                        ),
                        principles=frozenset(
                            {
                                Principle.MANAGEMENT_HIERARCHY_UNCHANGED,
                                Principle.ASSET_NATURE_UNCHANGED,
                                Principle.ACCOUNTING_UNCHANGED,
                            }
                        ),
                        formed_on=FORMED,
                    )
                )
                amounts = [Money(rng.randint(1, 500) * 10_000_00) for _ in members]
                total = sum(amounts, Money.ZERO)
                projects.append(
                    Project(
                        id=f"{alliance}-p",
                        name="共建项目",
                        alliance_id=alliance,
                        site_unit_id=members[0],
                        contributions=tuple(
                            Contribution(contributor_id=m, kind=ContributionKind.CASH, amount=a, on=FORMED)
                            for m, a in zip(members, amounts, strict=True)
                        ),
                        shares=tuple(
                            Share(holder_id=m, fraction=Fraction(a.fen, total.fen))
                            for m, a in zip(members, amounts, strict=True)
                        ),
                        income=(
                            IncomeRecord(on=datetime.date(2022, 12, 31), amount=Money(rng.randint(0, 10**9))),
                        ),
                    )
                )
                assets.extend(
                    Asset(
                        id=f"{alliance}-{m}-s",
                        name="项目股权",
                        owner_id=m,
                        nature=AssetNature.VILLAGE_COLLECTIVE,
                    )
                    for m in members
                )
    return Registry(
        units=units,
        party_organisations=parties,
        alliances=alliances,
        projects=projects,
        ledgers=ledgers,
        assets=assets,
    )


def generate_json(organisations: int, seed: int = 20211206) -> bytes:
    """The canonical JSON of ``generate(organisations, seed)``, byte for byte, written directly.

    Building a million organisations through the model's constructors only to write them out takes
    minutes; this writes the same document (the same seeded draws, the same order, each collection
    sorted by id, defaults left out) from plain values, and the benchmark then *loads* it with every
    check. ``tests/benchmarks`` checks it equals ``dumpb(generate(n))``.
    """
    import msgspec

    from dangjian_model.files._json import converter

    money = converter().get_unstructure_hook(Money)
    fraction = converter().get_unstructure_hook(Fraction)
    rng = random.Random(seed)
    formed = FORMED.isoformat()
    principles = sorted(
        p.value
        for p in (
            Principle.MANAGEMENT_HIERARCHY_UNCHANGED,
            Principle.ASSET_NATURE_UNCHANGED,
            Principle.ACCOUNTING_UNCHANGED,
        )
    )
    units: list[dict[str, object]] = []
    parties: list[dict[str, object]] = []
    alliances: list[dict[str, object]] = []
    projects: list[dict[str, object]] = []
    ledgers: list[dict[str, object]] = []
    assets: list[dict[str, object]] = []
    per_district = 1 + TOWNSHIPS_PER_DISTRICT * (1 + VILLAGES_PER_TOWNSHIP)
    districts = max(1, organisations // per_district)
    count = 0
    for d in range(districts):
        district = f"d{d}"
        units.append({"id": district, "name": f"第{d}区", "kind": UnitKind.DISTRICT.value})
        parties.append(
            {
                "id": f"{district}-c",
                "name": f"第{d}区委",
                "form": PartyOrgForm.LOCAL_COMMITTEE.value,
                "host_unit_ids": [district],
                "full_members": 5000,
            }
        )
        count += 1
        for t in range(TOWNSHIPS_PER_DISTRICT):
            if count >= organisations:
                break
            town = f"{district}t{t}"
            units.append(
                {"id": town, "name": f"第{t}镇", "kind": UnitKind.TOWNSHIP.value, "superior_id": district}
            )
            parties.append(
                {
                    "id": f"{town}-c",
                    "name": f"第{t}镇党委",
                    "form": PartyOrgForm.COMMITTEE.value,
                    "superior_id": f"{district}-c",
                    "host_unit_ids": [town],
                    "full_members": 800,
                }
            )
            count += 1
            villages: list[str] = []
            for v in range(VILLAGES_PER_TOWNSHIP):
                if count >= organisations:
                    break
                village = f"{town}v{v}"
                villages.append(village)
                units.append(
                    {
                        "id": village,
                        "name": f"第{v}村",
                        "kind": UnitKind.VILLAGE.value,
                        "superior_id": town,
                        "population": rng.randint(300, 9000),
                    }
                )
                party: dict[str, object] = {
                    "id": f"{village}-b",
                    "name": f"第{v}村党支部",
                    "form": PartyOrgForm.BRANCH.value,
                    "superior_id": f"{town}-c",
                    "host_unit_ids": [village],
                    "full_members": rng.randint(3, 6),
                }
                probationary = rng.randint(0, 2)
                if probationary:
                    party["probationary_members"] = probationary
                parties.append(party)
                count += 1
                ledgers.append({"id": f"{village}-l", "owner_id": village})
            while len(villages) >= 2:
                size = min(len(villages), rng.randint(2, 6))
                members, villages = villages[:size], villages[size:]
                alliance = f"{town}a{len(villages)}"
                memberships: list[dict[str, object]] = [
                    {"participant_id": m, "role": MembershipRole.LEAD.value, "joined_on": formed}
                    if i == 0
                    else {"participant_id": m, "joined_on": formed}
                    for i, m in enumerate(members)
                ]
                alliances.append(
                    {
                        "id": alliance,
                        "name": f"第{t}镇片区联盟",
                        "type": AllianceType.CLUSTER.value,
                        "lead_id": members[0],
                        "memberships": memberships,
                        "principles": principles,
                        "formed_on": formed,
                    }
                )
                amounts = [Money(rng.randint(1, 500) * 10_000_00) for _ in members]
                total = sum(amounts, Money.ZERO)
                income = Money(rng.randint(0, 10**9))
                projects.append(
                    {
                        "id": f"{alliance}-p",
                        "name": "共建项目",
                        "alliance_id": alliance,
                        "site_unit_id": members[0],
                        "contributions": [
                            {
                                "contributor_id": m,
                                "kind": ContributionKind.CASH.value,
                                "amount": money(a),
                                "on": formed,
                            }
                            for m, a in zip(members, amounts, strict=True)
                        ],
                        "shares": [
                            {"holder_id": m, "fraction": fraction(Fraction(a.fen, total.fen))}
                            for m, a in zip(members, amounts, strict=True)
                        ],
                        "income": [{"on": "2022-12-31", "amount": money(income)}],
                    }
                )
                assets.extend(
                    {
                        "id": f"{alliance}-{m}-s",
                        "name": "项目股权",
                        "owner_id": m,
                        "nature": AssetNature.VILLAGE_COLLECTIVE.value,
                    }
                    for m in members
                )
    document: dict[str, object] = {"version": 1}
    for name, items in (
        ("units", units),
        ("party_organisations", parties),
        ("alliances", alliances),
        ("projects", projects),
        ("assets", assets),
        ("ledgers", ledgers),
    ):
        if items:
            items.sort(key=lambda item: item["id"])  # type: ignore[arg-type,return-value]
            document[name] = items
    return msgspec.json.format(msgspec.json.encode(document), indent=2) + b"\n"


def main(argv: list[str] | None = None) -> None:
    """``python benchmarks/generate.py N``: write the registry of ``N`` organisations (see ``--help``)."""
    import argparse
    import sys

    parser = argparse.ArgumentParser(
        prog="generate.py",
        description="Write a seeded registry of N party organisations, the one the benchmarks read "
        "(about 4.4 entities and 2,000 bytes of canonical JSON per organisation).",
    )
    parser.add_argument("organisations", type=int, metavar="N", help="how many party organisations")
    parser.add_argument("--seed", type=int, default=20211206, help="the random seed (default: %(default)s)")
    parser.add_argument(
        "--format",
        choices=("json", "yaml", "toml"),
        default="json",
        help="the file format (default: json, written directly without building the registry)",
    )
    parser.add_argument("-o", "--output", help="the file to write (default: standard output)")
    args = parser.parse_args(argv)
    if args.format == "json":
        data = generate_json(args.organisations, args.seed)
    else:
        from dangjian_model.files import dumps

        data = dumps(generate(args.organisations, args.seed), args.format).encode("utf-8")
    if args.output:
        with open(args.output, "wb") as file:
            file.write(data)
    else:
        sys.stdout.buffer.write(data)


if __name__ == "__main__":
    main()

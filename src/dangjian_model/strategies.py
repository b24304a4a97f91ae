"""Hypothesis strategies that build valid values of the model, for property tests of your own code.

Needs the ``strategies`` extra (``pip install 'dangjian-model[strategies]'``); the rest of the
library never imports Hypothesis.

>>> from hypothesis import given
>>> from dangjian_model import strategies
>>> @given(strategies.registries())
... def test_every_unit_has_a_resolvable_superior(registry):
...     for unit in registry.units:
...         assert unit.superior_id is None or unit.superior_id in registry

Registries from :func:`registries` are internally consistent: every reference resolves, each
hierarchy (administrative, party, grid) is a tree, ids are unique across the registry, member
counts fit the form of each party organisation, and dates are ordered.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from fractions import Fraction
from typing import Any, TypeVar

from hypothesis import strategies as st

from dangjian_model._enums import (
    AllianceType,
    AssetNature,
    ContributionKind,
    Designation,
    Linkage,
    LinkageVocabulary,
    MembershipRole,
    PartyOrgForm,
    PartyStanding,
    PersonRole,
    Principle,
    UnitKind,
)
from dangjian_model._labels import LabelledEnum
from dangjian_model._model import (
    Alliance,
    Asset,
    Committee,
    Contribution,
    Grid,
    IncomeRecord,
    Ledger,
    LedgerEntry,
    Membership,
    PartyOrganisation,
    Person,
    Project,
    Share,
    Unit,
)
from dangjian_model._money import Money
from dangjian_model._registry import Registry

__all__ = [
    "alliances",
    "allocation_rules",
    "committees",
    "dates",
    "enum_texts",
    "ids",
    "money",
    "money_texts",
    "names",
    "party_organisations",
    "people",
    "registries",
    "units",
]

E = TypeVar("E", bound=LabelledEnum)
T = TypeVar("T")

_HAN = "倡隆乾炳岗墩匡堰翠屏宁海大佳何葛家东区花苑夏洋牛街西峰怀柔渤海宝山北沟龙山泉河鄞州慈溪"
_FIRST = datetime.date(2000, 1, 1)
_LAST = datetime.date(2035, 12, 31)


def ids(prefix: str = "") -> st.SearchStrategy[str]:
    """Valid ids: ASCII slugs or Chinese text, without surrounding spaces."""
    slug = st.from_regex(r"[a-z][a-z0-9\-]{0,15}", fullmatch=True)
    han = st.text(alphabet=_HAN, min_size=1, max_size=8)
    return st.one_of(slug, han).map(lambda text: prefix + text)


def names() -> st.SearchStrategy[str]:
    """Chinese names of units and organisations."""
    return st.builds(
        lambda stem, suffix: stem + suffix,
        st.text(alphabet=_HAN, min_size=2, max_size=4),
        st.sampled_from(["村", "社区", "镇", "街道", "党支部", "党委", "公司", "联盟"]),
    )


def dates(
    min_value: datetime.date = _FIRST, max_value: datetime.date = _LAST
) -> st.SearchStrategy[datetime.date]:
    """Dates in the span the domain covers (2000–2035 by default)."""
    return st.dates(min_value=min_value, max_value=max_value)


def money(min_fen: int = -(10**12), max_fen: int = 10**12) -> st.SearchStrategy[Money]:
    """Amounts of money, up to 100亿元 either side of zero by default."""
    return st.integers(min_value=min_fen, max_value=max_fen).map(Money)


def money_texts(min_fen: int = 0, max_fen: int = 10**12) -> st.SearchStrategy[tuple[str, Money]]:
    """Pairs of (text as people write it, the amount it means): ``('12.5万元', Money('125000元'))``."""

    def render(fen: int, style: int) -> tuple[str, Money]:
        amount = Money(fen)
        if style == 0:
            return amount.to_text(), amount
        if style == 1:
            return "¥" + amount.format(unit="元")[:-1], amount
        if style == 2:
            return amount.format(unit="万", separators=False), amount
        return amount.format(unit="亿", separators=False).replace("亿", "億"), amount

    return st.builds(render, st.integers(min_value=min_fen, max_value=max_fen), st.integers(0, 3))


def enum_texts(enum: type[E]) -> st.SearchStrategy[tuple[str, E]]:
    """Pairs of (what a user may type, the member it names): English ids, Chinese labels and aliases."""
    return st.sampled_from([(text, m) for m in enum for text in (m.value, m.label, *m.aliases)])


def units(
    kind: st.SearchStrategy[UnitKind] | None = None, superior_id: str | None = None
) -> st.SearchStrategy[Unit]:
    """Single units with valid fields (references are not checked: use :func:`registries` for that)."""
    return st.builds(
        Unit,
        id=ids(),
        name=names(),
        kind=kind if kind is not None else st.sampled_from(UnitKind),
        superior_id=st.just(superior_id),
        designations=st.frozensets(st.sampled_from(Designation), max_size=2),
        population=st.none() | st.integers(0, 100_000),
    )


def committees(full_members: int) -> st.SearchStrategy[Committee | None]:
    """A committee that fits an organisation with ``full_members`` (支部工作条例 ch. 6): 3–7 members from 7 up."""
    if full_members < 7:
        return st.none()
    return st.builds(
        Committee,
        size=st.integers(3, min(7, full_members)),
        elected_on=dates(max_value=datetime.date(2025, 12, 31)),
        term_years=st.sampled_from([3, 5]),
    )


def party_organisations(
    form: PartyOrgForm = PartyOrgForm.BRANCH,
    superior_id: str | None = None,
    host_unit_ids: Sequence[str] = (),
    id: str | None = None,
) -> st.SearchStrategy[PartyOrganisation]:
    """A party organisation whose member counts fit its form: branches 3–50, general branches 51–99, committees 100+."""
    low, high = {
        PartyOrgForm.GENERAL_BRANCH: (51, 99),
        PartyOrgForm.COMMITTEE: (100, 400),
        PartyOrgForm.LOCAL_COMMITTEE: (100, 5000),
        PartyOrgForm.JOINT_COMMITTEE: (7, 200),
        PartyOrgForm.WORKING_COMMITTEE: (7, 200),
        PartyOrgForm.PARTY_GROUP: (1, 15),
    }.get(form, (3, 45))

    @st.composite
    def build(draw: st.DrawFn) -> PartyOrganisation:
        full = draw(st.integers(low, high))
        probationary = draw(st.integers(0, 50 - full if form.is_branch and full <= 50 else 5))
        return PartyOrganisation(
            id=id if id is not None else draw(ids()),
            name=draw(names()),
            form=form,
            superior_id=superior_id,
            host_unit_ids=tuple(host_unit_ids),
            full_members=full,
            probationary_members=probationary,
            committee=draw(committees(full)) if form.is_branch else None,
        )

    return build()


def people(party_organisation_id: str | None = None) -> st.SearchStrategy[Person]:
    """People with masked-in-repr personal data."""
    standing = (
        st.just(PartyStanding.NONE)
        if party_organisation_id is None
        else st.sampled_from([PartyStanding.FULL, PartyStanding.PROBATIONARY])
    )
    return st.builds(
        Person,
        id=ids("p-"),
        name=st.text(alphabet="王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高建立明华", min_size=2, max_size=3),
        roles=st.frozensets(st.sampled_from(PersonRole), max_size=3),
        party_organisation_id=st.just(party_organisation_id),
        standing=standing,
        phone=st.none() | st.from_regex(r"1[3-9][0-9]{9}", fullmatch=True),
    )


def alliances(member_ids: Sequence[str], alliance_id: str | None = None) -> st.SearchStrategy[Alliance]:
    """An alliance over some of ``member_ids`` (at least two), the first chosen one leading it."""

    @st.composite
    def build(draw: st.DrawFn) -> Alliance:
        chosen = draw(st.lists(st.sampled_from(list(member_ids)), min_size=2, max_size=8, unique=True))
        formed = draw(dates(max_value=datetime.date(2025, 1, 1)))
        memberships = [Membership(participant_id=chosen[0], role=MembershipRole.LEAD, joined_on=formed)]
        for participant in chosen[1:]:
            joined = draw(dates(min_value=formed, max_value=datetime.date(2025, 6, 1)))
            left = draw(st.none() | dates(min_value=joined, max_value=datetime.date(2025, 12, 31)))
            memberships.append(Membership(participant_id=participant, joined_on=joined, left_on=left))
        return Alliance(
            id=alliance_id if alliance_id is not None else draw(ids("a-")),
            name=draw(names()),
            type=draw(st.sampled_from(AllianceType)),
            lead_id=chosen[0],
            memberships=tuple(memberships),
            linkages=draw(st.frozensets(st.sampled_from(Linkage), max_size=4)),
            principles=draw(st.frozensets(st.sampled_from(Principle))),
            formed_on=formed,
        )

    return build()


#: Alliance types whose structure validation does not constrain (the eight Ningbo modes need members of
#: particular kinds, designations and anchors that villages alone do not give), so generated registries
#: validate without errors.
_FREE_FORM_TYPES = tuple(t for t in AllianceType if not t.is_ningbo_mode)


def _linkages_short_of_four_links() -> st.SearchStrategy[frozenset[Linkage]]:
    """Declared linkages that are not all of 四联 (declaring 四联 asks for substance: DJ411–414)."""
    four = LinkageVocabulary.FOUR_LINKS.linkages
    return st.frozensets(st.sampled_from(Linkage), max_size=4).filter(lambda chosen: not four <= chosen)


class _Ids:
    """Hands out ids that are unique within one registry, readable in failing examples."""

    def __init__(self) -> None:
        self.counts: dict[str, int] = {}

    def __call__(self, prefix: str) -> str:
        self.counts[prefix] = self.counts.get(prefix, 0) + 1
        return f"{prefix}-{self.counts[prefix]}"


def _pick(draw: st.DrawFn, items: Sequence[T], min_size: int, max_size: int) -> list[T]:
    return draw(st.lists(st.sampled_from(list(items)), min_size=min_size, max_size=max_size, unique=True))


@st.composite
def _registry(draw: st.DrawFn, max_townships: int, max_villages: int, max_alliances: int) -> Registry:
    new = _Ids()
    name = names()
    district = Unit(id=new("district"), name=draw(name), kind=UnitKind.DISTRICT, division_code="330282")
    district_committee = PartyOrganisation(
        id=new("district-committee"),
        name=draw(name),
        form=PartyOrgForm.LOCAL_COMMITTEE,
        host_unit_ids=(district.id,),
        full_members=draw(st.integers(100, 5000)),
    )
    units_: list[Unit] = [district]
    organisations: list[PartyOrganisation] = [district_committee]
    people_: list[Person] = []
    ledgers: list[Ledger] = []
    assets: list[Asset] = []
    grids: list[Grid] = []
    villages: list[Unit] = []
    village_branches: dict[str, PartyOrganisation] = {}
    townships: list[tuple[Unit, PartyOrganisation]] = []

    for _ in range(draw(st.integers(1, max_townships))):
        township = Unit(
            id=new("township"),
            name=draw(name),
            kind=draw(st.sampled_from([UnitKind.TOWNSHIP, UnitKind.SUBDISTRICT])),
            superior_id=district.id,
        )
        township_committee = PartyOrganisation(
            id=new("township-committee"),
            name=draw(name),
            form=PartyOrgForm.WORKING_COMMITTEE
            if township.kind is UnitKind.SUBDISTRICT
            else PartyOrgForm.COMMITTEE,
            superior_id=district_committee.id,
            host_unit_ids=(township.id,),
            full_members=draw(st.integers(100, 2000)),
        )
        units_.append(township)
        organisations.append(township_committee)
        townships.append((township, township_committee))
        for _ in range(draw(st.integers(1, max_villages))):
            village = Unit(
                id=new("village"),
                name=draw(name),
                kind=UnitKind.VILLAGE if township.kind is UnitKind.TOWNSHIP else UnitKind.COMMUNITY,
                superior_id=township.id,
                designations=draw(st.frozensets(st.sampled_from(Designation), max_size=1)),
                population=draw(st.integers(100, 20_000)),
            )
            branch = draw(
                party_organisations(
                    PartyOrgForm.BRANCH,
                    superior_id=township_committee.id,
                    host_unit_ids=(village.id,),
                    id=new("branch"),
                )
            )
            units_.append(village)
            organisations.append(branch)
            villages.append(village)
            village_branches[village.id] = branch
            ledgers.append(Ledger(id=new("ledger"), owner_id=village.id))
            if draw(st.booleans()):
                assets.append(
                    Asset(
                        id=new("asset"),
                        name=draw(name),
                        owner_id=village.id,
                        nature=AssetNature.VILLAGE_COLLECTIVE,
                        value=draw(money(0, 10**10)),
                    )
                )
            if draw(st.booleans()):
                people_.append(
                    Person(
                        id=new("person"),
                        name=draw(st.text(alphabet="王李张刘陈杨黄赵", min_size=2, max_size=3)),
                        roles=frozenset({PersonRole.SECRETARY}),
                        party_organisation_id=branch.id,
                        standing=PartyStanding.FULL,
                        unit_id=village.id,
                    )
                )

    if draw(st.booleans()):
        root = Grid(id=new("grid"), name=draw(name), level=1, unit_id=townships[0][0].id)
        grids.append(root)
        for _ in range(draw(st.integers(0, 4))):
            grids.append(Grid(id=new("grid"), name=draw(name), level=2, parent_id=root.id))

    alliances_: list[Alliance] = []
    projects: list[Project] = []
    if len(villages) >= 2:
        for _ in range(draw(st.integers(0, max_alliances))):
            members = _pick(draw, villages, 2, 6)
            formed = draw(dates(max_value=datetime.date(2024, 1, 1)))
            joint_committee = None
            if draw(st.booleans()):
                township_committee_id = village_branches[members[0].id].superior_id
                joint_committee = PartyOrganisation(
                    id=new("joint-committee"),
                    name=draw(name),
                    form=PartyOrgForm.JOINT_COMMITTEE,
                    superior_id=township_committee_id,
                    host_unit_ids=tuple(m.id for m in members),
                    full_members=sum(village_branches[m.id].full_members for m in members),
                )
                organisations.append(joint_committee)
            alliance = Alliance(
                id=new("alliance"),
                name=draw(name),
                type=draw(st.sampled_from(_FREE_FORM_TYPES)),
                lead_id=members[0].id,
                memberships=tuple(
                    Membership(
                        participant_id=m.id,
                        role=MembershipRole.LEAD if i == 0 else MembershipRole.MEMBER,
                        joined_on=formed,
                    )
                    for i, m in enumerate(members)
                ),
                linkages=draw(_linkages_short_of_four_links()),
                principles=draw(st.frozensets(st.sampled_from(Principle))),
                joint_committee_id=joint_committee.id if joint_committee else None,
                formed_on=formed,
            )
            alliances_.append(alliance)
            if draw(st.booleans()):
                amounts = [draw(money(1, 10**9)) for _ in members]
                total = sum(amounts, Money.ZERO)
                projects.append(
                    Project(
                        id=new("project"),
                        name=draw(name),
                        alliance_id=alliance.id,
                        site_unit_id=members[0].id,
                        contributions=tuple(
                            Contribution(contributor_id=m.id, kind=ContributionKind.CASH, amount=a, on=formed)
                            for m, a in zip(members, amounts, strict=True)
                        ),
                        shares=_shares(members, amounts, total),
                        income=tuple(
                            IncomeRecord(on=draw(dates(min_value=formed)), amount=draw(money(0, 10**9)))
                            for _ in range(draw(st.integers(0, 3)))
                        ),
                        started_on=formed,
                        allocation_rule=draw(
                            st.none() | allocation_rules([m.id for m in members], max_depth=1)
                        ),
                    )
                )
    for ledger in list(ledgers):
        if draw(st.booleans()):
            entry = LedgerEntry(on=draw(dates()), amount=draw(money(-(10**8), 10**8)), description="收支")
            ledgers[ledgers.index(ledger)] = Ledger(id=ledger.id, owner_id=ledger.owner_id, entries=(entry,))
    return Registry(
        units=units_,
        party_organisations=organisations,
        people=people_,
        alliances=alliances_,
        projects=projects,
        assets=assets,
        ledgers=ledgers,
        grids=grids,
    )


def _shares(members: Sequence[Unit], amounts: Sequence[Money], total: Money) -> tuple[Share, ...]:
    return tuple(
        Share(holder_id=m.id, fraction=Fraction(a.fen, total.fen))
        for m, a in zip(members, amounts, strict=True)
    )


def registries(
    max_townships: int = 3, max_villages: int = 5, max_alliances: int = 3
) -> st.SearchStrategy[Registry]:
    """Whole registries with consistent references: a district, its townships and villages, their party
    organisations in one line of affiliation, ledgers, assets, people, grids, alliances and projects."""
    return _registry(max_townships, max_villages, max_alliances)


def allocation_rules(member_ids: Sequence[str], max_depth: int = 2) -> st.SearchStrategy[Any]:
    """Allocation rules over ``member_ids`` (non-empty), composed up to ``max_depth`` levels deep."""
    from dangjian_model.allocation import (
        ByWeights,
        Capped,
        EqualSplit,
        FixedReturn,
        GuaranteedMinimum,
        MemberWeight,
        Portion,
        Proportional,
        RateFrom,
        Tier,
        Waterfall,
        Weighted,
    )

    ids = list(member_ids)
    subset = st.none() | st.lists(st.sampled_from(ids), min_size=1, max_size=len(ids), unique=True).map(tuple)
    rate = st.fractions(min_value=0, max_value=1, max_denominator=1000)
    amount = money(0, 10**9)
    leaves: st.SearchStrategy[Any] = st.one_of(
        st.builds(EqualSplit, member_ids=subset),
        st.builds(Proportional, basis=st.sampled_from(["investment", "share"])),
        st.builds(Weighted, attribute=st.just("population")),
        st.builds(
            ByWeights,
            weights=st.lists(st.sampled_from(ids), min_size=1, unique=True).map(
                lambda chosen: tuple(MemberWeight(id, 1 + i) for i, id in enumerate(chosen))
            ),
        ),
    )
    if max_depth <= 0:
        return leaves
    inner = allocation_rules(ids, max_depth - 1)
    return st.one_of(
        leaves,
        st.builds(FixedReturn, rate=rate, years=st.integers(1, 10), then=st.none() | inner),
        st.builds(
            GuaranteedMinimum,
            member_ids=st.lists(st.sampled_from(ids), min_size=1, unique=True).map(tuple),
            minimum=amount,
            escalation=rate,
            every_years=st.integers(1, 5),
            threshold=st.none() | amount,
            excess_rates=st.lists(
                st.builds(RateFrom, from_year=st.integers(1, 10), rate=rate),
                max_size=2,
                unique_by=lambda r: r.from_year,
            ).map(lambda rates: tuple(sorted(rates, key=lambda r: r.from_year))),
            residual=st.none() | inner,
            guarantor_id=st.none() | st.sampled_from(ids),
        ),
        st.builds(Portion, fraction=rate, rule=inner),
        st.builds(Capped, rule=inner, cap=st.none() | amount),
        st.builds(
            Waterfall,
            tiers=st.lists(
                st.builds(Tier, name=st.sampled_from(["优先", "剩余"]), rule=inner, limit=st.none() | amount),
                min_size=1,
                max_size=2,
            ).map(tuple),
        ),
    )

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
counts fit the form of each party organisation, and dates are ordered. They also validate:
:func:`dangjian_model.validation.validate` reports no errors for them. Their alliances come in every
:class:`~dangjian_model.AllianceType`, each with the structure its type needs (DJ301–312):

- 导师帮带型: the lead is the one mentor (role ``mentor``), the mentees (role ``mentee``) are
  designated 重点村、薄弱村 or 后进村;
- 强村带动型: the lead is designated 强村、红色名村 or 精品村 and signs a contract-based agreement;
- 产业集聚型: enterprises, or their party branches, join the villages;
- 项目牵引型: the township (subdistrict) committee leads, a village is the core, and the key project
  is one of the alliance's projects;
- 治理联动型: a court, organ, social organisation, property company or owners' committee joins;
- 服务统筹型: the alliance is anchored at a party-mass service centre;
- 睦邻协作型: the villages lie in two or more townships;
- 飞地抱团型: two or more villages pool fiscal, self-raised or cash funds into an enclave project
  sited outside at least one of them (an industrial park or another village); some villages also put
  in construction-land quotas (存量建设用地指标), counted in 亩.

About a third of the alliances declare all of 四联 and give it substance (a joint committee, a shared
project, a joint plan covering every member, a need on the alliance's lists: DJ411–414); many declare
三不变. Some alliances meet: a joint meeting or deliberation with an agenda, decisions and follow-up
(:func:`meetings`), sometimes with a cadence rule; some village branches keep a history of committee
terms (:func:`committee_terms`). Ask for particular types with ``registries(alliance_types=[...])``.

The strategies:

- :func:`registries` — whole registries, as above; ``alliance_types`` picks the alliance types.
- :func:`units`, :func:`party_organisations`, :func:`people`, :func:`participations`,
  :func:`committees`, :func:`alliances` — single values with valid fields; references between them
  are not checked.
- :func:`meetings` — meetings of an alliance or its joint committee: agenda items (议题), decisions
  and follow-up (跟踪落实) given to those who took part, dated after the meeting.
- :func:`committee_terms` — histories of committee terms (换届): consecutive 届次, each elected as the
  one before ends, posts within their term.
- :func:`allocation_rules` — income-allocation rules over given member ids, nested a few levels.
- :func:`credit_codes` — valid 统一社会信用代码, check character included.
- :func:`money` and :func:`money_texts` — amounts, and amounts as people write them (``12.5万元``).
- :func:`enum_texts` — what a user may type for a member of an enum: id, Chinese label or alias.
- :func:`ids`, :func:`names` and :func:`dates` — the small pieces the others are built of.
- :func:`figure_values` — reported figures as the seeds write them (``300余个``, ``超过5000人``, ``近万名``),
  custom units included; :func:`figures` — figures about given subjects, in a unit that fits the metric;
  :func:`custom_terms` — new terms of an open vocabulary (艺术联姻 and the like).
- :func:`grid_systems` — grid templates (levels with counts and party groups).

Registries also carry figures (about the district, the alliances and their villages: the unit fits the
metric, a member count is never below the members listed), sometimes a custom linkage (DJ803, which
is information), a template of their grid system with the counts listed, and claims on listed projects
with a date and a status.
"""

from __future__ import annotations

import datetime
import functools
from collections.abc import Callable, Iterable, Sequence
from decimal import Decimal
from fractions import Fraction
from typing import Any, TypeVar

import attrs
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from dangjian_model._enums import (
    AgendaOrigin,
    AllianceType,
    AssetNature,
    Cadence,
    ClaimStatus,
    CommitteeRole,
    ContributionKind,
    Designation,
    ElectionMethod,
    FigureMetric,
    FollowUpStatus,
    Linkage,
    LinkageVocabulary,
    MeetingKind,
    MembershipRole,
    PartyOrgForm,
    PartyStanding,
    PersonRole,
    Principle,
    QuantityUnit,
    UnitKind,
)
from dangjian_model._figures import MARKERS, FigureValue
from dangjian_model._labels import CustomTerm, LabelledEnum, open_term
from dangjian_model._model import (
    THREE_UNCHANGED,
    AgendaItem,
    Agreement,
    Alliance,
    Asset,
    CadenceRule,
    Committee,
    CommitteePost,
    CommitteeTerm,
    Contribution,
    Figure,
    FigureSource,
    FollowUp,
    Grid,
    GridLevel,
    GridSystem,
    IncomeRecord,
    JointPlan,
    Ledger,
    LedgerEntry,
    ListedProject,
    Meeting,
    Membership,
    Need,
    Participation,
    PartyOrganisation,
    Person,
    Project,
    Share,
    Unit,
)
from dangjian_model._money import Money
from dangjian_model._registry import Registry
from dangjian_model.identifiers import uscc

__all__ = [
    "alliances",
    "allocation_rules",
    "committee_terms",
    "committees",
    "credit_codes",
    "custom_terms",
    "dates",
    "enum_texts",
    "figure_values",
    "figures",
    "grid_systems",
    "ids",
    "meetings",
    "money",
    "money_texts",
    "names",
    "participations",
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


def credit_codes() -> st.SearchStrategy[str]:
    """Valid 统一社会信用代码 (GB 32100-2015): 17 characters from its alphabet and the check character.

    >>> from dangjian_model.identifiers import uscc
    >>> uscc.is_valid(credit_codes().example())
    True
    """

    def with_check(first17: str) -> str:
        return first17 + uscc.calc_check_character(first17)

    registration = st.text(alphabet=uscc.ALPHABET, min_size=2, max_size=2)  # authority and kind
    division = st.text(alphabet="0123456789", min_size=6, max_size=6)  # the registering division
    body = st.text(alphabet=uscc.ALPHABET, min_size=9, max_size=9)  # the organisation code
    return st.builds(lambda a, b, c: with_check(a + b + c), registration, division, body)


def names() -> st.SearchStrategy[str]:
    """Chinese names of units and organisations."""
    return st.builds(
        lambda stem, suffix: stem + suffix,
        st.text(alphabet=_HAN, min_size=2, max_size=4),
        st.sampled_from(["村", "社区", "镇", "街道", "党支部", "党委", "公司", "联盟"]),
    )


_NAMES = names()
_CREDIT_CODES = credit_codes()
_PERSON_NAMES = st.text(alphabet="王李张刘陈杨黄赵", min_size=2, max_size=3)
_ONE_DESIGNATION = st.frozensets(st.sampled_from(Designation), max_size=1)
_POPULATION = st.integers(100, 20_000)


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
    return _committees(full_members)


@functools.cache
def _committees(full_members: int) -> st.SearchStrategy[Committee | None]:
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

    @st.composite
    def build(draw: st.DrawFn) -> PartyOrganisation:
        full, probationary, committee = draw(_figures(form))
        return PartyOrganisation(
            id=id if id is not None else draw(ids()),
            name=draw(_NAMES),
            form=form,
            superior_id=superior_id,
            host_unit_ids=tuple(host_unit_ids),
            full_members=full,
            probationary_members=probationary,
            committee=committee,
        )

    return build()


@functools.cache
def _figures(form: PartyOrgForm) -> st.SearchStrategy[tuple[int, int, Committee | None]]:
    """(full members, probationary members, committee) that fit ``form``."""
    low, high = {
        PartyOrgForm.GENERAL_BRANCH: (51, 99),
        PartyOrgForm.COMMITTEE: (100, 400),
        PartyOrgForm.LOCAL_COMMITTEE: (100, 5000),
        PartyOrgForm.JOINT_COMMITTEE: (7, 200),
        PartyOrgForm.WORKING_COMMITTEE: (7, 200),
        PartyOrgForm.PARTY_GROUP: (1, 15),
    }.get(form, (3, 45))

    @st.composite
    def build(draw: st.DrawFn) -> tuple[int, int, Committee | None]:
        full = draw(st.integers(low, high))
        probationary = draw(st.integers(0, 50 - full if form.is_branch and full <= 50 else 5))
        return full, probationary, draw(_committees(full)) if form.is_branch else None

    return build()


#: Roles people take where they participate, as their sources write them.
_PARTICIPATION_ROLES = ("双报到党员", "流动党员", "兼职委员", "网格员", "councillor", "Deputy Mayor")
#: Posts people hold where they participate (职务), by their labels.
_POSTS = ("第一网格网格长", "兼职委员", "Councillor for North Ward", "Mayor")


def participations(organisation_ids: Sequence[str]) -> st.SearchStrategy[Participation]:
    """A participation in one of ``organisation_ids`` (双报到, 流动党员 …), on behalf of another or not.

    The role and the post are known ones or absent, and the dates, where both are given, are in order.
    """

    @st.composite
    def build(draw: st.DrawFn) -> Participation:
        joined = draw(st.none() | dates())
        left = draw(st.none() | dates(min_value=joined or _FIRST))
        return Participation(
            organisation_id=draw(st.sampled_from(organisation_ids)),
            role=draw(st.none() | st.sampled_from(_PARTICIPATION_ROLES)),
            on_behalf_of_id=draw(st.none() | st.sampled_from(organisation_ids)),
            joined_on=joined,
            left_on=left,
            post=draw(st.none() | st.sampled_from(_POSTS)),
        )

    return build()


def people(
    party_organisation_id: str | None = None, organisation_ids: Sequence[str] = ()
) -> st.SearchStrategy[Person]:
    """People with masked-in-repr personal data; with ``organisation_ids``, some take part in them."""
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
        participations=(
            st.lists(participations(organisation_ids), max_size=2) if organisation_ids else st.just([])
        ),
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


#: Designations a mentee (导师帮带型) and a strong lead (强村带动型) carry.
_NEEDS_HELP = tuple(d for d in Designation if d.needs_help)
_STRONG = tuple(d for d in Designation if d.is_strong)
_ENTERPRISE_KINDS = (
    UnitKind.PRIVATE_ENTERPRISE,
    UnitKind.STATE_ENTERPRISE,
    UnitKind.COLLECTIVE_ENTERPRISE,
    UnitKind.NEW_ECONOMY_PLATFORM,
)
#: Judicial-administrative and professional forces a governance alliance takes in (DJ308); the first two
#: sit under the district, the others in a township.
_GOVERNANCE_FORCES = (
    UnitKind.COURT,
    UnitKind.GOVERNMENT_ORGAN,
    UnitKind.SOCIAL_ORGANISATION,
    UnitKind.PROPERTY_COMPANY,
    UnitKind.OWNERS_COMMITTEE,
)
_POOLED_FUNDS = (
    ContributionKind.FISCAL_SUPPORT_FUNDS,
    ContributionKind.SELF_RAISED_FUNDS,
    ContributionKind.CASH,
)
_AMOUNTS = money(1, 10**9)
#: Construction-land quotas in 亩, to the tenth (the seeds: 12.5 亩 and the like).
_LAND_QUOTAS = st.integers(1, 2000).map(lambda tenths: Decimal(tenths) / 10)
_INCOME = money(0, 10**9)
_ASSET_VALUES = money(0, 10**10)
_ENTRY_AMOUNTS = money(-(10**8), 10**8)
_ANY_DATE = dates()
_NEEDS = ("环境卫生整治", "矛盾纠纷调解", "安全生产巡查", "停车难", "老年助餐", "村道修缮")
_PRINCIPLES = st.one_of(
    st.just(THREE_UNCHANGED),
    st.just(THREE_UNCHANGED | {Principle.AFFILIATION_UNCHANGED}),
    st.frozensets(st.sampled_from(Principle)),
)


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


def _prefer(items: Sequence[Unit], keep: Callable[[Unit], bool]) -> list[Unit]:
    """The items that ``keep`` accepts, or all of them when it accepts none."""
    kept = [item for item in items if keep(item)]
    return kept or list(items)


class _World:
    """The registry under construction: what one draw of :func:`registries` has built so far."""

    def __init__(self, draw: st.DrawFn) -> None:
        self.draw = draw
        self.new = _Ids()
        self.units: dict[str, Unit] = {}
        self.organisations: list[PartyOrganisation] = []
        self.people: list[Person] = []
        self.ledgers: list[Ledger] = []
        self.assets: list[Asset] = []
        self.grids: list[Grid] = []
        self.alliances: list[Alliance] = []
        self.projects: list[Project] = []
        self.needs: list[Need] = []
        self.listed_projects: list[ListedProject] = []
        self.meetings: list[Meeting] = []
        self.figures: list[Figure] = []
        self.grid_systems: list[GridSystem] = []
        self.village_ids: list[str] = []
        self.branch_of: dict[str, PartyOrganisation] = {}
        self.committee_of: dict[str, PartyOrganisation] = {}  # township id → its committee

    def name(self) -> str:
        return self.draw(_NAMES)

    def add_unit(self, kind: UnitKind, prefix: str, superior_id: str | None) -> Unit:
        """A unit that joins an alliance (an enterprise, a court, a park …), often with its credit code."""
        code = self.draw(st.none() | _CREDIT_CODES)
        unit = Unit(
            id=self.new(prefix), name=self.name(), kind=kind, superior_id=superior_id, credit_code=code
        )
        self.units[unit.id] = unit
        return unit

    def villages(self) -> list[Unit]:
        return [self.units[id] for id in self.village_ids]

    def designate(self, village: Unit, choices: Sequence[Designation]) -> None:
        """Give ``village`` one of ``choices`` unless it already carries one (the unit is replaced)."""
        current = self.units[village.id]
        if not current.designations & set(choices):
            designation = self.draw(st.sampled_from(list(choices)))
            self.units[village.id] = attrs.evolve(current, designations=current.designations | {designation})

    def registry(self) -> Registry:
        return Registry(
            units=list(self.units.values()),
            party_organisations=self.organisations,
            people=self.people,
            alliances=self.alliances,
            projects=self.projects,
            assets=self.assets,
            ledgers=self.ledgers,
            grids=self.grids,
            needs=self.needs,
            listed_projects=self.listed_projects,
            meetings=self.meetings,
            figures=self.figures,
            grid_systems=self.grid_systems,
        )


def _territory(
    world: _World, max_townships: int, max_villages: int, types: Sequence[AllianceType]
) -> tuple[Unit, PartyOrganisation]:
    """The district, its townships and villages with their organisations, ledgers, assets and people.

    Enough is built for the alliance ``types`` to come: two villages for any alliance, a second township
    for 睦邻协作型 and a rural township (行政村, not 社区) with two villages for 飞地抱团型.
    """
    draw = world.draw
    district = Unit(
        id=world.new("district"), name=world.name(), kind=UnitKind.DISTRICT, division_code="330282"
    )
    world.units[district.id] = district
    district_committee = PartyOrganisation(
        id=world.new("district-committee"),
        name=world.name(),
        form=PartyOrgForm.LOCAL_COMMITTEE,
        host_unit_ids=(district.id,),
        full_members=draw(st.integers(100, 5000)),
    )
    world.organisations.append(district_committee)
    townships = draw(st.integers(1, max_townships))
    if AllianceType.GOOD_NEIGHBOUR in types:
        townships = max(townships, 2)
    for number in range(townships):
        rural = number == 0 and AllianceType.ENCLAVE_POOLING in types
        kind = (
            UnitKind.TOWNSHIP if rural else draw(st.sampled_from([UnitKind.TOWNSHIP, UnitKind.SUBDISTRICT]))
        )
        township = world.add_unit(kind, "township", district.id)
        township_committee = PartyOrganisation(
            id=world.new("township-committee"),
            name=world.name(),
            form=PartyOrgForm.WORKING_COMMITTEE if kind is UnitKind.SUBDISTRICT else PartyOrgForm.COMMITTEE,
            superior_id=district_committee.id,
            host_unit_ids=(township.id,),
            full_members=draw(st.integers(100, 2000)),
        )
        world.organisations.append(township_committee)
        world.committee_of[township.id] = township_committee
        least = 2 if number == 0 and types else 1
        for _ in range(draw(st.integers(least, max(least, max_villages)))):
            _village(world, township, township_committee)
    return district, district_committee


def _village(world: _World, township: Unit, township_committee: PartyOrganisation) -> None:
    draw = world.draw
    village = Unit(
        id=world.new("village"),
        name=world.name(),
        kind=UnitKind.VILLAGE if township.kind is UnitKind.TOWNSHIP else UnitKind.COMMUNITY,
        superior_id=township.id,
        designations=draw(_ONE_DESIGNATION),
        population=draw(_POPULATION),
    )
    branch = draw(
        party_organisations(
            PartyOrgForm.BRANCH,
            superior_id=township_committee.id,
            host_unit_ids=(village.id,),
            id=world.new("branch"),
        )
    )
    world.units[village.id] = village
    world.organisations.append(branch)
    world.village_ids.append(village.id)
    world.branch_of[village.id] = branch
    world.ledgers.append(Ledger(id=world.new("ledger"), owner_id=village.id))
    if draw(st.booleans()):
        world.assets.append(
            Asset(
                id=world.new("asset"),
                name=world.name(),
                owner_id=village.id,
                nature=AssetNature.VILLAGE_COLLECTIVE,
                value=draw(_ASSET_VALUES),
            )
        )
    if draw(st.booleans()):
        secretary = Person(
            id=world.new("person"),
            name=draw(_PERSON_NAMES),
            roles=frozenset({PersonRole.SECRETARY}),
            party_organisation_id=branch.id,
            standing=PartyStanding.FULL,
            unit_id=village.id,
            # a concurrent member (兼职委员) of the township committee, or not
            participations=draw(st.lists(participations([township_committee.id]), max_size=1)),
        )
        world.people.append(secretary)
        if branch.committee is not None and draw(st.booleans()):
            terms = draw(committee_terms([secretary.id], max_terms=3))
            branch = attrs.evolve(branch, committee_terms=terms)
            world.organisations[world.organisations.index(world.branch_of[village.id])] = branch
            world.branch_of[village.id] = branch


class _Plan:
    """One alliance being drawn: its villages and other members, and what its type asks for."""

    def __init__(self, type: AllianceType, villages: list[Unit]) -> None:
        self.type = type
        self.villages = villages  # the villages or communities taking part; the first leads unless said
        self.lead_id = villages[0].id
        self.roles: dict[str, MembershipRole] = {villages[0].id: MembershipRole.LEAD}
        self.others: list[str] = []  # members that are not villages, in order
        self.territories: dict[str, str] = {}  # member id → the unit it stands for
        self.agreement: Agreement | None = None
        self.anchor_id: str | None = None
        self.project_needed = False
        self.pooled = False  # 飞地抱团: funds pooled into an enclave sited elsewhere
        self.site_id: str | None = None

    def member_ids(self) -> list[str]:
        ids = [self.lead_id] + [v.id for v in self.villages] + self.others
        return list(dict.fromkeys(ids))


def _choose_villages(world: _World, type: AllianceType) -> list[Unit]:
    """Two or more villages that fit the type (the first one leads or mentors)."""
    draw, villages = world.draw, world.villages()
    if type is AllianceType.ENCLAVE_POOLING:
        return _pick(draw, [v for v in villages if v.kind is UnitKind.VILLAGE], 2, 6)
    if type is AllianceType.GOOD_NEIGHBOUR:
        first = draw(st.sampled_from(villages))
        elsewhere = [v for v in villages if v.superior_id != first.superior_id]
        second = draw(st.sampled_from(elsewhere))
        rest = [v for v in villages if v.id not in (first.id, second.id)]
        return [first, second, *_pick(draw, rest, 0, 3)] if rest else [first, second]
    if type is AllianceType.MENTORING:
        mentor = draw(
            st.sampled_from(_prefer(villages, lambda v: not any(d.needs_help for d in v.designations)))
        )
        rest = [v for v in villages if v.id != mentor.id]
        mentees = _pick(draw, _prefer(rest, lambda v: not any(d.is_strong for d in v.designations)), 1, 4)
        return [mentor, *mentees]
    if type is AllianceType.STRONG_VILLAGE_LED:
        lead = draw(
            st.sampled_from(_prefer(villages, lambda v: not any(d.needs_help for d in v.designations)))
        )
        return [lead, *_pick(draw, [v for v in villages if v.id != lead.id], 1, 5)]
    return _pick(draw, villages, 2, 6)


def _shape(world: _World, plan: _Plan, formed: datetime.date) -> None:
    """Give the plan the structure its type needs (DJ301–312)."""
    draw, type = world.draw, plan.type
    lead = plan.villages[0]
    township_id = lead.superior_id
    assert township_id is not None
    if type is AllianceType.MENTORING:
        plan.roles[lead.id] = MembershipRole.MENTOR
        for mentee in plan.villages[1:]:
            world.designate(mentee, _NEEDS_HELP)
            plan.roles[mentee.id] = MembershipRole.MENTEE
    elif type is AllianceType.STRONG_VILLAGE_LED:
        world.designate(lead, _STRONG)
        plan.agreement = _agreement(draw, formed, contract_based=st.just(True), title="强村带动共建协议")
    elif type is AllianceType.INDUSTRY_CLUSTER:
        for _ in range(draw(st.integers(1, 2))):
            enterprise = world.add_unit(draw(st.sampled_from(_ENTERPRISE_KINDS)), "enterprise", township_id)
            member_id = enterprise.id
            if draw(st.booleans()):  # the enterprise's own branch joins instead of the firm
                branch = draw(
                    party_organisations(
                        PartyOrgForm.BRANCH,
                        superior_id=world.committee_of[township_id].id,
                        host_unit_ids=(enterprise.id,),
                        id=world.new("enterprise-branch"),
                    )
                )
                world.organisations.append(branch)
                member_id = branch.id
            plan.others.append(member_id)
            plan.territories[member_id] = enterprise.id
    elif type is AllianceType.PROJECT_DRIVEN:
        committee = world.committee_of[township_id]
        plan.lead_id = committee.id
        plan.roles[committee.id] = MembershipRole.LEAD
        plan.roles[lead.id] = MembershipRole.CORE
        plan.territories[committee.id] = township_id
        plan.project_needed = True
    elif type is AllianceType.GOVERNANCE:
        for _ in range(draw(st.integers(1, 2))):
            kind = draw(st.sampled_from(_GOVERNANCE_FORCES))
            at_district = kind in (UnitKind.COURT, UnitKind.GOVERNMENT_ORGAN)
            superior_id = world.units[township_id].superior_id if at_district else township_id
            force = world.add_unit(kind, "force", superior_id)
            plan.others.append(force.id)
            plan.territories[force.id] = force.id
    elif type is AllianceType.SERVICE_HUB:
        centre = world.add_unit(UnitKind.SERVICE_CENTRE, "service-centre", township_id)
        plan.anchor_id = centre.id
        if draw(st.booleans()):
            plan.others.append(centre.id)
            plan.territories[centre.id] = centre.id
    elif type is AllianceType.ENCLAVE_POOLING:
        plan.project_needed = plan.pooled = True
        district_id = world.units[township_id].superior_id
        outside = [v for v in world.villages() if v not in plan.villages]
        elsewhere: bool = bool(outside) and draw(st.booleans())
        if elsewhere:
            plan.site_id = draw(st.sampled_from(outside)).id
        else:
            superior_id = draw(st.sampled_from([district_id, township_id]))
            plan.site_id = world.add_unit(UnitKind.INDUSTRIAL_PARK, "enclave", superior_id).id
    if plan.agreement is None and draw(st.integers(0, 3)) == 0:
        plan.agreement = _agreement(draw, formed, contract_based=st.booleans(), title="共建协议")


def _agreement(
    draw: st.DrawFn, formed: datetime.date, contract_based: st.SearchStrategy[bool], title: str
) -> Agreement:
    years = draw(st.none() | st.integers(1, 5))
    return Agreement(
        title=title,
        signed_on=formed,
        expires_on=None
        if years is None
        else formed.replace(year=formed.year + years, day=min(formed.day, 28)),
        contract_based=draw(contract_based),
    )


def _alliance(world: _World, type: AllianceType) -> None:
    """One alliance of ``type``, with the members, units, projects and lists its structure needs."""
    draw, new = world.draw, world.new
    plan = _Plan(type, _choose_villages(world, type))
    formed = draw(dates(max_value=datetime.date(2024, 1, 1)))
    _shape(world, plan, formed)
    four_links = draw(st.integers(0, 2)) == 0
    alliance_id = new("alliance")
    members = plan.member_ids()
    village_ids = [v.id for v in plan.villages]
    joint_committee = None
    if four_links or draw(st.booleans()):
        joint_committee = PartyOrganisation(
            id=new("joint-committee"),
            name=world.name(),
            form=PartyOrgForm.JOINT_COMMITTEE,
            superior_id=world.branch_of[village_ids[0]].superior_id,
            host_unit_ids=tuple(village_ids),
            full_members=sum(world.branch_of[id].full_members for id in village_ids),
        )
        world.organisations.append(joint_committee)
    key_project_id = None
    if four_links or plan.project_needed or draw(st.booleans()):
        project = _project(world, plan, alliance_id, formed)
        world.projects.append(project)
        if type is AllianceType.PROJECT_DRIVEN:
            key_project_id = project.id
    joint_plan = None
    if four_links or draw(st.integers(0, 3)) == 0:
        territories = [plan.territories.get(id, id) for id in members]
        covered = draw(st.sampled_from([territories, [world.units[t].superior_id or t for t in territories]]))
        joint_plan = JointPlan(
            title=world.name() + "联合发展规划",
            covered_unit_ids=tuple(dict.fromkeys(covered)),
            adopted_on=draw(st.none() | dates(min_value=formed, max_value=datetime.date(2025, 12, 31))),
        )
    if four_links or draw(st.integers(0, 3)) == 0:
        need = Need(
            id=new("need"),
            title=draw(st.sampled_from(_NEEDS)),
            raised_by_id=draw(st.sampled_from(village_ids)),
            alliance_id=alliance_id,
        )
        world.needs.append(need)
        if draw(st.booleans()):
            status = draw(st.none() | st.sampled_from([s for s in ClaimStatus if s.is_claimed]))
            world.listed_projects.append(
                ListedProject(
                    id=new("listed-project"),
                    title=need.title + "项目",
                    need_id=need.id,
                    provider_id=draw(st.sampled_from(members)),
                    alliance_id=alliance_id,
                    claimed_on=draw(
                        st.none() | dates(min_value=formed, max_value=datetime.date(2025, 12, 31))
                    ),
                    status=status,
                )
            )
    cadence: tuple[CadenceRule, ...] = ()
    if draw(st.integers(0, 2)) == 0:
        holder_id = joint_committee.id if joint_committee and draw(st.booleans()) else alliance_id
        projects = [p.id for p in world.projects if p.alliance_id == alliance_id]
        for _ in range(draw(st.integers(1, 2))):
            world.meetings.append(
                draw(meetings(holder_id, members, formed, meeting_id=new("meeting"), project_ids=projects))
            )
        if draw(st.booleans()):
            cadence = (CadenceRule(kind=MeetingKind.JOINT_MEETING, every=draw(st.sampled_from(Cadence))),)
    four = LinkageVocabulary.FOUR_LINKS.linkages
    linkages: frozenset[Linkage | CustomTerm] = (
        four | draw(st.frozensets(st.sampled_from(Linkage), max_size=2))
        if four_links
        else draw(_linkages_short_of_four_links())
    )
    if draw(st.integers(0, 4)) == 0:  # a linkage of its own (DJ803: information)
        linkages = linkages | {draw(custom_terms(Linkage))}
    world.figures.extend(draw(figures([alliance_id, *village_ids], ids_from=new)))
    world.alliances.append(
        Alliance(
            id=alliance_id,
            name=world.name(),
            type=type,
            lead_id=plan.lead_id,
            memberships=tuple(
                Membership(
                    participant_id=id, role=plan.roles.get(id, MembershipRole.MEMBER), joined_on=formed
                )
                for id in members
            ),
            linkages=linkages,
            principles=draw(_PRINCIPLES),
            joint_committee_id=joint_committee.id if joint_committee else None,
            formed_on=formed,
            agreement=plan.agreement,
            key_project_id=key_project_id,
            anchor_id=plan.anchor_id,
            joint_plan=joint_plan,
            cadence=cadence,
        )
    )


def _project(world: _World, plan: _Plan, alliance_id: str, formed: datetime.date) -> Project:
    """A project the alliance's villages put money into, shared in proportion to what each put in."""
    draw = world.draw
    contributors = plan.villages
    amounts = [draw(_AMOUNTS) for _ in contributors]
    total = sum(amounts, Money.ZERO)
    kinds = _POOLED_FUNDS if plan.pooled else (ContributionKind.CASH,)
    contributions = [
        Contribution(contributor_id=v.id, kind=draw(st.sampled_from(kinds)), amount=a, on=formed)
        for v, a in zip(contributors, amounts, strict=True)
    ]
    if plan.pooled:  # 飞地抱团: some villages also put in construction-land quotas, in 亩
        contributions += [
            Contribution(
                contributor_id=v.id,
                kind=ContributionKind.CONSTRUCTION_LAND_QUOTA,
                quantity=draw(_LAND_QUOTAS),
                quantity_unit=QuantityUnit.MU,
                on=formed,
            )
            for v in contributors
            if draw(st.booleans())
        ]
    return Project(
        id=world.new("project"),
        name=world.name(),
        alliance_id=alliance_id,
        site_unit_id=plan.site_id or contributors[0].id,
        contributions=tuple(contributions),
        shares=_shares(contributors, amounts, total),
        income=tuple(
            IncomeRecord(on=draw(dates(min_value=formed)), amount=draw(_INCOME))
            for _ in range(draw(st.integers(0, 3)))
        ),
        started_on=formed,
        allocation_rule=draw(_optional_rules(tuple(v.id for v in contributors))),
    )


@st.composite
def _registry(
    draw: st.DrawFn,
    max_townships: int,
    max_villages: int,
    max_alliances: int,
    alliance_types: tuple[AllianceType, ...],
    min_alliances: int,
) -> Registry:
    world = _World(draw)
    count = draw(st.integers(min_alliances, max(min_alliances, max_alliances)))
    types = [draw(st.sampled_from(alliance_types)) for _ in range(count)]
    district, _ = _territory(world, max_townships, max_villages, types)
    if draw(st.booleans()):
        first_township = next(u for u in world.units.values() if u.superior_id == district.id)
        root = Grid(id=world.new("grid"), name=world.name(), level=1, unit_id=first_township.id)
        world.grids.append(root)
        for _ in range(draw(st.integers(0, 4))):
            world.grids.append(Grid(id=world.new("grid"), name=world.name(), level=2, parent_id=root.id))
        if draw(st.booleans()):  # its template, with the counts listed (levels without cells left out)
            counts = [1, len(world.grids) - 1] if len(world.grids) > 1 else [1]
            world.grid_systems.append(
                GridSystem(
                    id=world.new("grid-system"),
                    name=world.name(),
                    levels=tuple(GridLevel(count=n) for n in counts),
                    unit_id=first_township.id,
                    top_grid_id=root.id,
                )
            )
    for type in types:
        _alliance(world, type)
    for index, ledger in enumerate(world.ledgers):
        if draw(st.booleans()):
            entry = LedgerEntry(on=draw(_ANY_DATE), amount=draw(_ENTRY_AMOUNTS), description="收支")
            world.ledgers[index] = Ledger(id=ledger.id, owner_id=ledger.owner_id, entries=(entry,))
    return world.registry()


@functools.lru_cache(maxsize=256)
def _optional_rules(member_ids: tuple[str, ...]) -> st.SearchStrategy[Any]:
    return st.none() | allocation_rules(member_ids, max_depth=1)


def _shares(members: Sequence[Unit], amounts: Sequence[Money], total: Money) -> tuple[Share, ...]:
    return tuple(
        Share(holder_id=m.id, fraction=Fraction(a.fen, total.fen))
        for m, a in zip(members, amounts, strict=True)
    )


_AGENDA_TITLES = ("环境卫生整治", "老旧小区加装电梯", "停车难", "村道修缮", "共享菜园", "矛盾纠纷调解")
_DECISIONS = ("同意，分片落实", "列入项目清单", "提交各村党员大会讨论", "暂缓，下次会商")
_JOINT_KINDS = (MeetingKind.JOINT_MEETING, MeetingKind.ALLIANCE_MEETING, MeetingKind.DELIBERATION)


def meetings(
    holder_id: str,
    participant_ids: Sequence[str],
    held_on_or_after: datetime.date = _FIRST,
    *,
    meeting_id: str | None = None,
    project_ids: Sequence[str] = (),
) -> st.SearchStrategy[Meeting]:
    """Meetings held by ``holder_id`` (an alliance or its joint committee) on or after a day.

    A joint meeting, alliance meeting or deliberation; some of ``participant_ids`` (non-empty) came, as
    many as or fewer than expected; each agenda item came by 动议, 定期会商 or 即时商议, some were decided,
    and a decision's follow-up goes to one who came, due after the meeting and, if closed, closed after
    it (perhaps leading to one of ``project_ids``). No decision breaks 三不变.
    """
    if not participant_ids:
        raise InvalidArgument("meetings() needs at least one participant id")

    @st.composite
    def build(draw: st.DrawFn) -> Meeting:
        held_on = draw(dates(min_value=held_on_or_after, max_value=max(held_on_or_after, _LAST)))
        present = draw(_pick_some(participant_ids))
        expected = draw(st.none() | st.integers(len(present), len(participant_ids) + 2))
        agenda = tuple(
            draw(_agenda_items(held_on, present, project_ids)) for _ in range(draw(st.integers(0, 3)))
        )
        return Meeting(
            id=meeting_id or draw(ids("meeting-")),
            title=draw(_NAMES) + "联席会议",
            kind=draw(st.sampled_from(_JOINT_KINDS)),
            held_by_id=holder_id,
            held_on=held_on,
            expected=expected,
            present=None if expected is None else draw(st.integers(len(present), expected)),
            present_ids=tuple(present),
            agenda=agenda,
        )

    return build()


def _pick_some(items: Sequence[str]) -> st.SearchStrategy[list[str]]:
    return st.lists(st.sampled_from(list(items)), min_size=1, max_size=len(items), unique=True)


@st.composite
def _agenda_items(
    draw: st.DrawFn, held_on: datetime.date, present: Sequence[str], project_ids: Sequence[str]
) -> AgendaItem:
    decided = draw(st.booleans())
    follow_ups: list[FollowUp] = []
    if decided:
        for _ in range(draw(st.integers(0, 2))):
            status = draw(st.sampled_from(FollowUpStatus))
            due = draw(st.none() | dates(min_value=held_on, max_value=max(held_on, _LAST)))
            done = (
                None
                if status.is_open
                else draw(st.none() | dates(min_value=held_on, max_value=max(held_on, _LAST)))
            )
            follow_ups.append(
                FollowUp(
                    responsible_id=draw(st.sampled_from(list(present))),
                    due_on=due,
                    status=status,
                    done_on=done,
                    project_id=draw(st.none() | st.sampled_from(list(project_ids))) if project_ids else None,
                )
            )
    return AgendaItem(
        title=draw(st.sampled_from(_AGENDA_TITLES)),
        origin=draw(st.sampled_from(AgendaOrigin)),
        raised_by_id=draw(st.none() | st.sampled_from(list(present))),
        decision=draw(st.sampled_from(_DECISIONS)) if decided else None,
        follow_ups=tuple(follow_ups),
    )


def committee_terms(
    person_ids: Sequence[str], first_elected: datetime.date = _FIRST, max_terms: int = 4
) -> st.SearchStrategy[tuple[CommitteeTerm, ...]]:
    """Histories of committee terms (换届) whose posts are held by ``person_ids`` (non-empty).

    届次 run 1, 2, 3 …; each term lasts 3 or 5 years and the next is elected when it is due (or up to
    half a year later); a term ends the day the next is elected, and so do its posts.
    """
    if not person_ids:
        raise InvalidArgument("committee_terms() needs at least one person id")

    @st.composite
    def build(draw: st.DrawFn) -> tuple[CommitteeTerm, ...]:
        count = draw(st.integers(1, max(1, max_terms)))
        elected = draw(
            dates(min_value=first_elected, max_value=max(first_elected, datetime.date(2015, 1, 1)))
        )
        plans: list[tuple[datetime.date, int]] = []
        for _ in range(count):
            years = draw(st.sampled_from((3, 5)))
            plans.append((elected, years))
            elected = elected + datetime.timedelta(days=365 * years + draw(st.integers(0, 180)))
        terms: list[CommitteeTerm] = []
        for number, (on, years) in enumerate(plans, start=1):
            ends = plans[number][0] if number < len(plans) else None
            holders = draw(_pick_some(person_ids))
            posts = tuple(
                CommitteePost(
                    person_id=id,
                    role=CommitteeRole.SECRETARY if index == 0 else CommitteeRole.MEMBER,
                    ended_on=ends,
                )
                for index, id in enumerate(holders)
            )
            terms.append(
                CommitteeTerm(
                    number=number,
                    elected_on=on,
                    method=draw(st.none() | st.sampled_from(ElectionMethod)),
                    term_years=years,
                    ended_on=ends,
                    posts=posts,
                )
            )
        return tuple(terms)

    return build()


def registries(
    max_townships: int = 3,
    max_villages: int = 5,
    max_alliances: int = 3,
    *,
    alliance_types: Iterable[AllianceType | str] | None = None,
) -> st.SearchStrategy[Registry]:
    """Whole registries with consistent references: a district, its townships and villages, their party
    organisations in one line of affiliation, ledgers, assets, people, grids, alliances and projects.

    Alliances come in every :class:`AllianceType`, each with the structure its type needs, so that
    :func:`dangjian_model.validation.validate` reports no errors for them (see the module docstring).

    Args:
        max_townships: At most this many townships or subdistricts (a second one is added when a
            睦邻协作型 alliance needs members under two superiors).
        max_villages: At most this many villages or communities in each (at least two in the first
            one when there are alliances).
        max_alliances: At most this many alliances.
        alliance_types: Draw alliances of these types only (members or their ids and labels, e.g.
            ``"飞地抱团型"``); then every registry has at least one alliance. ``None``: every type,
            and possibly no alliance.
    """
    if alliance_types is None:
        return _registry(max_townships, max_villages, max_alliances, tuple(AllianceType), 0)
    chosen = tuple(dict.fromkeys(AllianceType.parse(t, "alliance_types") for t in alliance_types))
    if not chosen:
        raise InvalidArgument("alliance_types must name at least one alliance type (or be None for all)")
    return _registry(max_townships, max_villages, max_alliances, chosen, 1)


def allocation_rules(member_ids: Sequence[str], max_depth: int = 2) -> st.SearchStrategy[Any]:
    """Allocation rules over ``member_ids`` (non-empty), composed up to ``max_depth`` levels deep.

    Each rule applies among exactly these members: a ``ByWeights`` gives every one a weight (some 0).
    """
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
        st.builds(  # a weight for every member (ByWeights refuses a member left out), some of them 0
            ByWeights,
            weights=st.lists(st.integers(0, 5), min_size=len(ids), max_size=len(ids)).map(
                lambda drawn: tuple(
                    MemberWeight(id, w if any(drawn) or k else 1)
                    for k, (id, w) in enumerate(zip(ids, drawn, strict=True))
                )
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


# ---------------------------------------------------------------- reported figures, open vocabularies, grids

_CUSTOM_HAN = "红色结对共享联姻阵地便民艘辆座栋"


def custom_terms(enum: type[LabelledEnum]) -> st.SearchStrategy[CustomTerm]:
    """New terms of ``enum``'s open vocabulary: short Chinese text that names no member."""
    text = st.text(alphabet=_CUSTOM_HAN, min_size=2, max_size=6)
    return text.filter(lambda label: isinstance(open_term(enum, label), CustomTerm)).map(CustomTerm)


_MARKER_WORDS = tuple(MARKERS)
_SCALE_WORDS = ("", "", "", "十", "百", "千", "万", "亿", "百万", "千万")


def figure_values(units: Sequence[QuantityUnit] | None = None) -> st.SearchStrategy[FigureValue]:
    """Reported figures as texts write them: a number (or only a scale word), a marker and a unit.

    Args:
        units: Draw the unit from these; None: any unit, a custom one, or none.
    """
    unit: st.SearchStrategy[QuantityUnit | CustomTerm | None] = (
        st.sampled_from(list(units))
        if units is not None
        else st.none() | st.sampled_from(list(QuantityUnit)) | custom_terms(QuantityUnit)
    )

    @st.composite
    def build(draw: st.DrawFn) -> FigureValue:
        scale = draw(st.sampled_from(_SCALE_WORDS))
        whole = st.integers(0, 10**6).map(Decimal)
        tenths = st.integers(1, 10**5).map(lambda n: Decimal(n) / 10)
        number = draw((st.none() | whole | tenths) if scale else (whole | tenths))
        return FigureValue(
            number=number, scale=scale, marker=draw(st.sampled_from(_MARKER_WORDS)), unit=draw(unit)
        )

    return build()


#: Metrics a generated figure may have; none of them counts the registry's own members (DJ802).
_FIGURE_METRICS = tuple(m for m in FigureMetric if not m.counts_members)


def figures(
    subject_ids: Sequence[str | None], *, ids_from: Callable[[str], str] | None = None, max_size: int = 2
) -> st.SearchStrategy[list[Figure]]:
    """Figures about some of ``subject_ids`` (None: the registry as a whole), each in a unit that fits
    its metric (DJ801) and of a metric the registry does not count itself (DJ802 stays silent).

    Args:
        ids_from: Makes each figure's id from a prefix (ids unique within a registry); random ids if None.
        max_size: At most this many figures.
    """

    @st.composite
    def build(draw: st.DrawFn) -> list[Figure]:
        made: list[Figure] = []
        for _ in range(draw(st.integers(0, max_size))):
            metric = draw(st.sampled_from(_FIGURE_METRICS))
            made.append(
                Figure(
                    id=ids_from("figure") if ids_from is not None else draw(ids("figure-")),
                    metric=metric,
                    value=draw(figure_values(sorted(metric.units, key=lambda u: u.value))),
                    subject_id=draw(st.sampled_from(list(subject_ids))) if subject_ids else None,
                    on=draw(st.none() | _ANY_DATE),
                    period=draw(st.none() | st.sampled_from(["2021", "2023年上半年", "2024"])),
                    source=draw(
                        st.none() | st.builds(FigureSource, title=_NAMES, published_on=st.none() | _ANY_DATE)
                    ),
                )
            )
        return made

    return build()


def grid_systems(system_id: str | None = None) -> st.SearchStrategy[GridSystem]:
    """Grid templates: one top cell, then up to three levels of growing counts, some with party groups."""

    @st.composite
    def build(draw: st.DrawFn) -> GridSystem:
        counts = [1]
        for _ in range(draw(st.integers(0, 3))):
            counts.append(draw(st.integers(counts[-1], counts[-1] * 4)))
        return GridSystem(
            id=system_id if system_id is not None else draw(ids("grid-system-")),
            name=draw(names()),
            levels=tuple(GridLevel(count=n, party_groups=draw(st.booleans())) for n in counts),
        )

    return build()

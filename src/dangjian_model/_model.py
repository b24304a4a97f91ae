"""The domain model: frozen attrs classes, no I/O.

Each class guards its own local facts (an id is not empty, a count is not negative, a label
names a member). Facts that need the whole registry — references resolve, hierarchies are
trees, dates are ordered, an alliance has the structure its type requires — are validation
rules, so that one pass can report every problem at once.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from decimal import Decimal
from fractions import Fraction
from typing import Any

import attrs

from dangjian_model import _fields as f
from dangjian_model._enums import (
    AllianceType,
    AssetNature,
    BrandField,
    ContributionKind,
    Designation,
    Linkage,
    LinkageVocabulary,
    MembershipRole,
    OrgTypeCode,
    PartyOrgForm,
    PartyStanding,
    PersonRole,
    Principle,
    QuantityUnit,
    TeamKind,
    UnitKind,
)
from dangjian_model._errors import InvalidValue
from dangjian_model._money import Money
from dangjian_model._privacy import (
    mask_id_card,
    mask_name,
    mask_phone,
    masked,
    masked_id_card,
    masked_name,
    masked_phone,
)
from dangjian_model.allocation._rules import RULE_TYPES, Rule

__all__ = [
    "THREE_UNCHANGED",
    "Agreement",
    "Alliance",
    "Asset",
    "Brand",
    "Committee",
    "Contribution",
    "Grid",
    "IncomeRecord",
    "JointPlan",
    "Ledger",
    "LedgerEntry",
    "ListedProject",
    "Membership",
    "Need",
    "PartyOrganisation",
    "Person",
    "Project",
    "Resource",
    "Share",
    "Team",
    "Unit",
]

#: 三不变: the three principles that protect every member of an alliance (seed 001).
THREE_UNCHANGED: frozenset[Principle] = frozenset(
    {
        Principle.MANAGEMENT_HIERARCHY_UNCHANGED,
        Principle.ASSET_NATURE_UNCHANGED,
        Principle.ACCOUNTING_UNCHANGED,
    }
)


def _id() -> str:
    return attrs.field(validator=f.check_id)  # type: ignore[no-any-return]


@attrs.frozen(kw_only=True)
class Unit:
    """A unit (单位): a village, community, township, organ, school, firm or group.

    Args:
        id: Unique id in the registry.
        name: The unit's name, e.g. ``倡隆村``.
        kind: Its :class:`UnitKind` (English id or Chinese label).
        superior_id: Its administrative superior (村 → 镇, 社区 → 街道 → 区), or None.
        division_code: Its 行政区划代码 (6, 9 or 12 digits), checked by validation.
        credit_code: Its 统一社会信用代码, checked by validation.
        designations: Such as 强村 or 薄弱村.
        population, households, area_km2: Figures that allocation rules may weight by.
        collective_income: The yearly 村集体经济收入, where known.

    >>> Unit(id="changlong", name="倡隆村", kind="行政村", superior_id="kuangyan").kind
    UnitKind.VILLAGE
    """

    id: str = _id()
    name: str = attrs.field(validator=f.check_text)
    kind: UnitKind = attrs.field(converter=f.to_unit_kind, validator=f.enum_validator(UnitKind))
    superior_id: str | None = attrs.field(default=None, validator=f.check_optional_id)
    division_code: str | None = attrs.field(default=None, validator=f.check_optional_id)
    credit_code: str | None = attrs.field(default=None, validator=f.check_optional_id)
    designations: frozenset[Designation] = attrs.field(
        default=frozenset(),
        converter=f.to_designation_set,
        validator=f.enum_set_validator(Designation),
    )
    population: int | None = attrs.field(default=None, validator=f.check_optional_count)
    households: int | None = attrs.field(default=None, validator=f.check_optional_count)
    area_km2: Decimal | None = attrs.field(
        default=None, converter=f.to_optional_decimal, validator=f.check_optional_decimal
    )
    collective_income: Money | None = attrs.field(
        default=None, converter=f.to_optional_money, validator=f.check_optional_money
    )


@attrs.frozen(kw_only=True)
class Committee:
    """The elected committee (委员会) of a party organisation and its term (届).

    Args:
        size: Number of committee members (委员), secretary included.
        secretary_id: The person who is secretary (书记).
        deputy_secretary_ids: The deputy secretaries (副书记).
        member_ids: Other committee members, including concurrent ones (兼职委员) of a 大工委/大党委.
        elected_on: When the committee was elected.
        term_years: The length of its term in years (党章 art. 31: 3–5).
    """

    size: int = attrs.field(validator=f.check_positive)
    secretary_id: str | None = attrs.field(default=None, validator=f.check_optional_id)
    deputy_secretary_ids: tuple[str, ...] = attrs.field(
        default=(), converter=f.to_str_tuple, validator=[f.check_tuple, f.check_ids]
    )
    member_ids: tuple[str, ...] = attrs.field(
        default=(), converter=f.to_str_tuple, validator=[f.check_tuple, f.check_ids]
    )
    elected_on: datetime.date | None = attrs.field(
        default=None, converter=f.to_optional_date, validator=f.check_optional_date
    )
    term_years: int | None = attrs.field(default=None, validator=f.check_optional_positive)

    @property
    def term_ends_on(self) -> datetime.date | None:
        """The day the term ends (election date plus the term), if both are known."""
        if self.elected_on is None or self.term_years is None:
            return None
        return _add_years(self.elected_on, self.term_years)


def _add_years(day: datetime.date, years: int) -> datetime.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


@attrs.frozen(kw_only=True)
class PartyOrganisation:
    """A party organisation (党组织) with exactly one line of affiliation (隶属关系).

    Args:
        id: Unique id in the registry.
        name: E.g. ``倡隆村党支部``.
        form: Its :class:`PartyOrgForm` (党委, 党工委, 党总支, 党支部, 联合党支部, 临时党支部, 党小组, 联合党委 …).
        superior_id: The one superior party organisation, or None for a root.
        host_unit_ids: The unit(s) it is set up in; a joint branch covers several.
        full_members: 正式党员 (the 3- and 7-member rules count these).
        probationary_members: 预备党员 (the 50- and 100-member rules count these too).
        committee: Its elected committee and term, if it has one.
        founded_on: When it was set up.
        dissolved_on: When it was dissolved, if it was.
    """

    id: str = _id()
    name: str = attrs.field(validator=f.check_text)
    form: PartyOrgForm = attrs.field(converter=f.to_party_org_form, validator=f.enum_validator(PartyOrgForm))
    superior_id: str | None = attrs.field(default=None, validator=f.check_optional_id)
    host_unit_ids: tuple[str, ...] = attrs.field(
        default=(), converter=f.to_str_tuple, validator=[f.check_tuple, f.check_ids]
    )
    full_members: int = attrs.field(default=0, validator=f.check_count)
    probationary_members: int = attrs.field(default=0, validator=f.check_count)
    committee: Committee | None = attrs.field(default=None, validator=f.optional_instance(Committee))
    founded_on: datetime.date | None = attrs.field(
        default=None, converter=f.to_optional_date, validator=f.check_optional_date
    )
    dissolved_on: datetime.date | None = attrs.field(
        default=None, converter=f.to_optional_date, validator=f.check_optional_date
    )

    @property
    def type_code(self) -> OrgTypeCode | None:
        """The de-facto organisation-type code (611/621/631/632/9xx) of its form."""
        return self.form.type_code

    @property
    def total_members(self) -> int:
        """Full and probationary members together."""
        return self.full_members + self.probationary_members


@attrs.frozen(kw_only=True)
class Person:
    """A person, with only what the domain needs. Names, phones and ID numbers are masked in ``repr``.

    Args:
        id: Unique id in the registry (not the ID-card number).
        name: The person's name (personal data).
        roles: Such as 书记, 楼门长, 头雁.
        party_organisation_id: The organisation the person belongs to (原组织隶属关系), if a member.
        standing: 正式党员, 预备党员 or 群众.
        unit_id: Where the person works or lives, if known.
        phone: A phone number (personal data).
        id_card: A resident ID-card number (personal data), checked by validation.

    >>> Person(id="p1", name="龚建立", roles=["书记"], phone="13812345678")
    Person(id='p1', name='龚**', roles=frozenset({PersonRole.SECRETARY}), party_organisation_id=None, standing=PartyStanding.NONE, unit_id=None, phone='138****5678', id_card=None)
    """

    id: str = _id()
    name: str = attrs.field(validator=masked(f.check_text, masked_name), repr=mask_name)
    roles: frozenset[PersonRole] = attrs.field(
        default=frozenset(),
        converter=f.to_person_role_set,
        validator=f.enum_set_validator(PersonRole),
    )
    party_organisation_id: str | None = attrs.field(default=None, validator=f.check_optional_id)
    standing: PartyStanding = attrs.field(
        default=PartyStanding.NONE,
        converter=f.to_party_standing,
        validator=f.enum_validator(PartyStanding),
    )
    unit_id: str | None = attrs.field(default=None, validator=f.check_optional_id)
    phone: str | None = attrs.field(
        default=None, validator=masked(f.check_optional_text, masked_phone), repr=mask_phone
    )
    id_card: str | None = attrs.field(
        default=None, validator=masked(f.check_optional_text, masked_id_card), repr=mask_id_card
    )


@attrs.frozen(kw_only=True)
class Membership:
    """A participant's place in an alliance.

    Args:
        participant_id: A unit, party organisation or person.
        role: 牵头, 导师, 成员, 帮带对象, 顾问, 合伙人 or 核心.
        joined_on: When it joined.
        left_on: When it left (withdrew), if it did.
    """

    participant_id: str = _id()
    role: MembershipRole = attrs.field(
        default=MembershipRole.MEMBER,
        converter=f.to_membership_role,
        validator=f.enum_validator(MembershipRole),
    )
    joined_on: datetime.date | None = attrs.field(
        default=None, converter=f.to_optional_date, validator=f.check_optional_date
    )
    left_on: datetime.date | None = attrs.field(
        default=None, converter=f.to_optional_date, validator=f.check_optional_date
    )

    def is_active(self, on: datetime.date | None = None) -> bool:
        """True if the participant is a member on ``on`` (today's membership when None: not yet left)."""
        if on is None:
            return self.left_on is None
        joined = self.joined_on is None or self.joined_on <= on
        return joined and (self.left_on is None or on < self.left_on)


@attrs.frozen(kw_only=True)
class Agreement:
    """The agreement (协议, 契约) an alliance runs under, with its term.

    Args:
        title: E.g. ``强村带动共建协议``.
        signed_on: When it was signed.
        expires_on: When its term ends, if it has one.
        contract_based: True for a 契约化 agreement with duties on each side.
    """

    title: str = attrs.field(validator=f.check_text)
    signed_on: datetime.date | None = attrs.field(
        default=None, converter=f.to_optional_date, validator=f.check_optional_date
    )
    expires_on: datetime.date | None = attrs.field(
        default=None, converter=f.to_optional_date, validator=f.check_optional_date
    )
    contract_based: bool = attrs.field(default=True, validator=f.check_bool)


@attrs.frozen(kw_only=True)
class JointPlan:
    """A joint plan (规划联体, one of 四联): the territories one plan covers.

    Args:
        title: E.g. ``南部片区联合发展规划``.
        covered_unit_ids: The territories it covers; covering a township covers its villages.
        adopted_on: When it was adopted.
    """

    title: str = attrs.field(validator=f.check_text)
    covered_unit_ids: tuple[str, ...] = attrs.field(
        default=(), converter=f.to_str_tuple, validator=[f.check_tuple, f.check_ids]
    )
    adopted_on: datetime.date | None = attrs.field(
        default=None, converter=f.to_optional_date, validator=f.check_optional_date
    )


def _items(value: object) -> Any:
    """A tuple from any iterable but a string; the rest is left to the validator."""
    if isinstance(value, str | bytes):
        return value
    try:
        return tuple(value)  # type: ignore[arg-type]
    except TypeError:
        return value


def _memberships(value: Iterable[Membership]) -> tuple[Membership, ...]:
    return _items(value)  # type: ignore[no-any-return]


def _contributions(value: Iterable[Contribution]) -> tuple[Contribution, ...]:
    return _items(value)  # type: ignore[no-any-return]


def _shares(value: Iterable[Share]) -> tuple[Share, ...]:
    return _items(value)  # type: ignore[no-any-return]


def _income(value: Iterable[IncomeRecord]) -> tuple[IncomeRecord, ...]:
    return _items(value)  # type: ignore[no-any-return]


def _entries(value: Iterable[LedgerEntry]) -> tuple[LedgerEntry, ...]:
    return _items(value)  # type: ignore[no-any-return]


def _check_items(kind: type[object]) -> f.Validator:
    def validate(instance: object, attribute: attrs.Attribute[object], value: tuple[object, ...]) -> None:
        for index, item in enumerate(value):
            if not isinstance(item, kind):
                raise InvalidValue(f"{f.where(instance, attribute)}[{index}]", item, f"a {kind.__name__}")

    return validate


@attrs.frozen(kw_only=True)
class Alliance:
    """A party-building alliance (党建联盟).

    The joint committee *coordinates* the members; it is never their superior. Nothing here can
    change a member's superior, assets or books: those stay on the members themselves.

    Args:
        id: Unique id in the registry.
        name: E.g. ``慈溪匡堰镇南部片区党建联盟``.
        type: Its :class:`AllianceType` (the eight Ningbo modes and the other forms).
        lead_id: The lead organisation (牵头), a unit or party organisation.
        memberships: Who takes part, in what role, from when to when.
        linkages: The linkages it declares (四联 and the other vocabularies).
        principles: The principles it declares, such as 三不变.
        joint_committee_id: The 联合党委 that coordinates it, if any.
        formed_on: When it was formed.
        dissolved_on: When it was dissolved, if it was.
        agreement: The agreement it runs under.
        key_project_id: The key project (项目牵引型).
        anchor_id: The service centre it is anchored at (服务统筹型).
        joint_plan: Its joint plan (规划联体), if it has one.
    """

    id: str = _id()
    name: str = attrs.field(validator=f.check_text)
    type: AllianceType = attrs.field(converter=f.to_alliance_type, validator=f.enum_validator(AllianceType))
    lead_id: str = _id()
    memberships: tuple[Membership, ...] = attrs.field(
        default=(), converter=_memberships, validator=[f.check_tuple, _check_items(Membership)]
    )
    linkages: frozenset[Linkage] = attrs.field(
        default=frozenset(), converter=f.to_linkage_set, validator=f.enum_set_validator(Linkage)
    )
    principles: frozenset[Principle] = attrs.field(
        default=frozenset(),
        converter=f.to_principle_set,
        validator=f.enum_set_validator(Principle),
    )
    joint_committee_id: str | None = attrs.field(default=None, validator=f.check_optional_id)
    formed_on: datetime.date | None = attrs.field(
        default=None, converter=f.to_optional_date, validator=f.check_optional_date
    )
    dissolved_on: datetime.date | None = attrs.field(
        default=None, converter=f.to_optional_date, validator=f.check_optional_date
    )
    agreement: Agreement | None = attrs.field(default=None, validator=f.optional_instance(Agreement))
    key_project_id: str | None = attrs.field(default=None, validator=f.check_optional_id)
    anchor_id: str | None = attrs.field(default=None, validator=f.check_optional_id)
    joint_plan: JointPlan | None = attrs.field(default=None, validator=f.optional_instance(JointPlan))

    @property
    def member_ids(self) -> tuple[str, ...]:
        """The participants who have not left, in the order they are listed."""
        return tuple(m.participant_id for m in self.memberships if m.left_on is None)

    def members_on(self, day: datetime.date) -> tuple[str, ...]:
        """The participants who were members on ``day``."""
        return tuple(m.participant_id for m in self.memberships if m.is_active(day))

    @property
    def declares_three_unchanged(self) -> bool:
        """True if it declares all of 三不变 (管理层级不变, 资产属性不变, 账务核算不变)."""
        return self.principles >= THREE_UNCHANGED

    @property
    def declares_four_links(self) -> bool:
        """True if it declares all of 四联 (党建联盟, 产业联动, 规划联体, 社会联治)."""
        return LinkageVocabulary.FOUR_LINKS.linkages <= self.linkages

    def membership_of(self, participant_id: str) -> Membership | None:
        """The latest membership of ``participant_id``, or None."""
        found = None
        for membership in self.memberships:
            if membership.participant_id == participant_id:
                found = membership
        return found


@attrs.frozen(kw_only=True)
class Contribution:
    """What one member puts into a joint project.

    Args:
        contributor_id: The unit (or organisation, or person) that contributes.
        kind: 现金, 财政扶持资金, 村自筹发展资金, 存量建设用地指标, 土地, 劳务 …
        amount: The money it is worth (required for the monetary kinds).
        quantity: For land, quotas or labour: how much, in ``quantity_unit``.
        quantity_unit: 亩, 平方米, 工日 …
        on: When it was made.
    """

    contributor_id: str = _id()
    kind: ContributionKind = attrs.field(
        converter=f.to_contribution_kind, validator=f.enum_validator(ContributionKind)
    )
    amount: Money | None = attrs.field(
        default=None, converter=f.to_optional_money, validator=f.check_optional_money
    )
    quantity: Decimal | None = attrs.field(
        default=None, converter=f.to_optional_decimal, validator=f.check_optional_decimal
    )
    quantity_unit: QuantityUnit | None = attrs.field(
        default=None,
        converter=f.to_optional_quantity_unit,
        validator=f.optional_enum_validator(QuantityUnit),
    )
    on: datetime.date | None = attrs.field(
        default=None, converter=f.to_optional_date, validator=f.check_optional_date
    )


@attrs.frozen(kw_only=True)
class Share:
    """An equity share (股份) of a project or joint company.

    Args:
        holder_id: Who holds it.
        fraction: The share, greater than 0 and at most 1; accepts ``'49.3%'``, ``'1/3'`` or a Decimal.
    """

    holder_id: str = _id()
    fraction: Fraction = attrs.field(converter=f.to_fraction, validator=f.check_share)


@attrs.frozen(kw_only=True)
class IncomeRecord:
    """Income a project earned (收入), to be shared among members.

    Args:
        on: When it was recorded.
        amount: How much.
        period: The period it is for, e.g. ``2023``.
        description: What it was.
    """

    on: datetime.date = attrs.field(converter=f.to_date, validator=f.check_date)
    amount: Money = attrs.field(converter=f.to_money, validator=f.check_money)
    period: str | None = attrs.field(default=None, validator=f.check_optional_text)
    description: str | None = attrs.field(default=None, validator=f.check_optional_text)


def _check_rule(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and not isinstance(value, RULE_TYPES):
        raise InvalidValue(
            f.where(instance, attribute), value, "an allocation rule such as EqualSplit() or nothing"
        )


@attrs.frozen(kw_only=True)
class Project:
    """A joint project (共建项目) of an alliance.

    Args:
        id: Unique id in the registry.
        name: E.g. ``楝树下艺术村落``.
        alliance_id: The alliance it belongs to.
        site_unit_id: The territory where it is built; for 飞地抱团 the enclave's location.
        company_id: The joint company that runs it (a unit), if any.
        contributions: What members put in.
        shares: Equity shares, if it has them.
        income: The income it earned.
        started_on: When it started (year 1 of its agreement).
        allocation_rule: How its income is shared (see :mod:`dangjian_model.allocation`); 平分 when None.
    """

    id: str = _id()
    name: str = attrs.field(validator=f.check_text)
    alliance_id: str | None = attrs.field(default=None, validator=f.check_optional_id)
    site_unit_id: str | None = attrs.field(default=None, validator=f.check_optional_id)
    company_id: str | None = attrs.field(default=None, validator=f.check_optional_id)
    contributions: tuple[Contribution, ...] = attrs.field(
        default=(), converter=_contributions, validator=[f.check_tuple, _check_items(Contribution)]
    )
    shares: tuple[Share, ...] = attrs.field(
        default=(), converter=_shares, validator=[f.check_tuple, _check_items(Share)]
    )
    income: tuple[IncomeRecord, ...] = attrs.field(
        default=(), converter=_income, validator=[f.check_tuple, _check_items(IncomeRecord)]
    )
    started_on: datetime.date | None = attrs.field(
        default=None, converter=f.to_optional_date, validator=f.check_optional_date
    )
    allocation_rule: Rule | None = attrs.field(default=None, validator=_check_rule)

    @property
    def total_income(self) -> Money:
        """All income recorded, to the 分."""
        return sum((record.amount for record in self.income), Money.ZERO)

    def contributed_by(self, contributor_id: str) -> Money:
        """The money ``contributor_id`` put in (contributions without an amount count as zero)."""
        return sum(
            (
                c.amount
                for c in self.contributions
                if c.contributor_id == contributor_id and c.amount is not None
            ),
            Money.ZERO,
        )


@attrs.frozen(kw_only=True)
class Asset:
    """An asset (资产) with its owner and nature — what 资产属性不变 protects.

    Args:
        id: Unique id in the registry.
        name: E.g. ``忆山文旅有限公司 股权``.
        owner_id: The unit that owns it.
        nature: 村集体资产, 国有资产 …
        value: Its book value, if known.
        held_in_id: For an equity stake, the company it is a stake in.
    """

    id: str = _id()
    name: str = attrs.field(validator=f.check_text)
    owner_id: str = _id()
    nature: AssetNature = attrs.field(converter=f.to_asset_nature, validator=f.enum_validator(AssetNature))
    value: Money | None = attrs.field(
        default=None, converter=f.to_optional_money, validator=f.check_optional_money
    )
    held_in_id: str | None = attrs.field(default=None, validator=f.check_optional_id)


@attrs.frozen(kw_only=True)
class LedgerEntry:
    """One entry in a ledger: money in (positive) or out (negative).

    Args:
        on: Its date.
        amount: The amount.
        description: What it was.
        reference: What it came from, e.g. a project id.
    """

    on: datetime.date = attrs.field(converter=f.to_date, validator=f.check_date)
    amount: Money = attrs.field(converter=f.to_money, validator=f.check_money)
    description: str = attrs.field(validator=f.check_text)
    reference: str | None = attrs.field(default=None, validator=f.check_optional_id)


@attrs.frozen(kw_only=True)
class Ledger:
    """A unit's own books (账套) — what 账务核算不变 protects.

    Args:
        id: Unique id in the registry.
        owner_id: The unit whose books these are.
        entries: The entries, in order.
    """

    id: str = _id()
    owner_id: str = _id()
    entries: tuple[LedgerEntry, ...] = attrs.field(
        default=(), converter=_entries, validator=[f.check_tuple, _check_items(LedgerEntry)]
    )

    @property
    def balance(self) -> Money:
        """The sum of all entries."""
        return sum((entry.amount for entry in self.entries), Money.ZERO)


@attrs.frozen(kw_only=True)
class Grid:
    """A grid cell (网格) of a subdistrict's grid system (seed 003: 1/11/170/553 cells on four levels).

    Args:
        id: Unique id in the registry.
        name: E.g. ``花苑社区第3网格``.
        level: 1 for the whole area, growing downwards.
        parent_id: The enclosing grid, None for level 1.
        unit_id: The territory (community, subdistrict) it lies in.
        party_group_id: The 党小组 built on it (党小组建在网格上).
    """

    id: str = _id()
    name: str = attrs.field(validator=f.check_text)
    level: int = attrs.field(validator=f.check_positive)
    parent_id: str | None = attrs.field(default=None, validator=f.check_optional_id)
    unit_id: str | None = attrs.field(default=None, validator=f.check_optional_id)
    party_group_id: str | None = attrs.field(default=None, validator=f.check_optional_id)


@attrs.frozen(kw_only=True)
class Brand:
    """A party-building brand under 一域一品: one brand per territory or field (seed 000).

    Args:
        id: Unique id in the registry.
        name: E.g. ``红帆领航``.
        territory_id: The territory (镇乡, 街道) that carries it, or
        field: the field (学校, 医院, 国企 …) that carries it.
        owner_id: The party organisation that runs it.
    """

    id: str = _id()
    name: str = attrs.field(validator=f.check_text)
    territory_id: str | None = attrs.field(default=None, validator=f.check_optional_id)
    field: BrandField | None = attrs.field(
        default=None,
        converter=f.to_optional_brand_field,
        validator=f.optional_enum_validator(BrandField),
    )
    owner_id: str | None = attrs.field(default=None, validator=f.check_optional_id)


@attrs.frozen(kw_only=True)
class Team:
    """A standing team, such as the "1+4+N" 议事先锋队 of seed 002.

    Args:
        id: Unique id in the registry.
        name: The team's name.
        kind: Its :class:`TeamKind`.
        party_organisation_id: The branch it belongs to.
        leader_id: The "1": the branch secretary.
        core_member_ids: The "4": 楼门长, 双报到党员, 社区骨干, 物业负责人.
        volunteer_ids: The "N": volunteers.
    """

    id: str = _id()
    name: str = attrs.field(validator=f.check_text)
    kind: TeamKind = attrs.field(converter=f.to_team_kind, validator=f.enum_validator(TeamKind))
    party_organisation_id: str | None = attrs.field(default=None, validator=f.check_optional_id)
    leader_id: str | None = attrs.field(default=None, validator=f.check_optional_id)
    core_member_ids: tuple[str, ...] = attrs.field(
        default=(), converter=f.to_str_tuple, validator=[f.check_tuple, f.check_ids]
    )
    volunteer_ids: tuple[str, ...] = attrs.field(
        default=(), converter=f.to_str_tuple, validator=[f.check_tuple, f.check_ids]
    )


@attrs.frozen(kw_only=True)
class Need:
    """An item of a 需求清单: something residents need (seed 004).

    Args:
        id: Unique id in the registry.
        title: What is needed.
        raised_by_id: Who raised it (a community, grid or unit).
        alliance_id: The alliance whose list it is on.
    """

    id: str = _id()
    title: str = attrs.field(validator=f.check_text)
    raised_by_id: str | None = attrs.field(default=None, validator=f.check_optional_id)
    alliance_id: str | None = attrs.field(default=None, validator=f.check_optional_id)


@attrs.frozen(kw_only=True)
class Resource:
    """An item of a 资源清单: something a merchant or partner can offer (seed 004).

    Args:
        id: Unique id in the registry.
        title: What is offered.
        provider_id: Who offers it.
        alliance_id: The alliance whose list it is on.
    """

    id: str = _id()
    title: str = attrs.field(validator=f.check_text)
    provider_id: str | None = attrs.field(default=None, validator=f.check_optional_id)
    alliance_id: str | None = attrs.field(default=None, validator=f.check_optional_id)


@attrs.frozen(kw_only=True)
class ListedProject:
    """An item of a 项目清单: a partner claims a need it can serve (认领), with a resource (seed 004).

    Args:
        id: Unique id in the registry.
        title: The project.
        need_id: The need it serves.
        provider_id: The partner who claimed it.
        resource_id: The resource it uses, if any.
        alliance_id: The alliance whose list it is on.
    """

    id: str = _id()
    title: str = attrs.field(validator=f.check_text)
    need_id: str | None = attrs.field(default=None, validator=f.check_optional_id)
    provider_id: str | None = attrs.field(default=None, validator=f.check_optional_id)
    resource_id: str | None = attrs.field(default=None, validator=f.check_optional_id)
    alliance_id: str | None = attrs.field(default=None, validator=f.check_optional_id)

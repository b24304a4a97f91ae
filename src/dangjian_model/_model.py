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
from typing import TYPE_CHECKING, Any

import attrs

from dangjian_model import _fields as f
from dangjian_model._enums import (
    AgendaOrigin,
    AllianceType,
    AssetNature,
    BrandField,
    Cadence,
    ClaimStatus,
    CommitteeRole,
    ContributionKind,
    DecisionEffect,
    Designation,
    ElectionMethod,
    FigureMetric,
    FollowUpStatus,
    Linkage,
    LinkageVocabulary,
    MeetingKind,
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
from dangjian_model._errors import InvalidFigure, InvalidValue
from dangjian_model._figures import FigureValue
from dangjian_model._labels import CustomTerm
from dangjian_model._lazy import LazyModule
from dangjian_model._money import Money
from dangjian_model._privacy import (
    mask_id_card,
    mask_name,
    mask_phone,
    masked_id_card,
    masked_name,
    masked_phone,
)
from dangjian_model._repr import FieldsRepr

if TYPE_CHECKING:
    from dangjian_model.allocation import _rules
else:  # the rule classes are made when a project's rule is first checked or its type is resolved
    _rules = LazyModule("dangjian_model.allocation._rules")

__all__ = [
    "THREE_UNCHANGED",
    "AgendaItem",
    "Agreement",
    "Alliance",
    "Asset",
    "Brand",
    "CadenceRule",
    "Committee",
    "CommitteePost",
    "CommitteeTerm",
    "Contribution",
    "ExitCondition",
    "Figure",
    "FigureSource",
    "FollowUp",
    "Grid",
    "GridLevel",
    "GridSystem",
    "IncomeRecord",
    "JointPlan",
    "Ledger",
    "LedgerEntry",
    "ListedProject",
    "Meeting",
    "Membership",
    "Need",
    "Participation",
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


@attrs.frozen(kw_only=True, repr=False)
class Unit(FieldsRepr):
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
        default=None, converter=f.to_optional_money, validator=f.check_optional_amount
    )


#: The longest term a committee is recorded with. A term is 3–5 years (《中国共产党章程》第三十一条; the
#: 《中国共产党基层组织选举工作条例》: basic committees 5, general branches and branches 3 or 5) and an
#: election may be put off by at most a year; terms up to 10 load, so that validation (DJ209) reports
#: them with the rest, while a longer one is a slip (months, or a year such as 2021) and is refused.
MAX_TERM_YEARS = 10


def _check_term(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if type(value) is int and value > MAX_TERM_YEARS:
        raise InvalidValue(
            f.where(instance, attribute),
            value,
            f"a term of at most {MAX_TERM_YEARS} years: 每届任期3至5年 a term is 3–5 years "
            "(《中国共产党章程》第三十一条；《中国共产党基层组织选举工作条例》)",
        )


@attrs.frozen(kw_only=True, repr=False)
class Committee(FieldsRepr):
    """The elected committee (委员会) of a party organisation and its term (届).

    Args:
        size: Number of committee members (委员), secretary included.
        secretary_id: The person who is secretary (书记).
        deputy_secretary_ids: The deputy secretaries (副书记).
        member_ids: Other committee members, including concurrent ones (兼职委员) of a 大工委/大党委.
        elected_on: When the committee was elected.
        term_years: The length of its term in years (党章 art. 31: 3–5; more than
            :data:`MAX_TERM_YEARS` is refused).
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
    term_years: int | None = attrs.field(default=None, validator=[f.check_optional_positive, _check_term])

    @property
    def term_ends_on(self) -> datetime.date | None:
        """The day the term ends (election date plus the term), if both are known and the calendar
        (which ends in 9999) holds it; never an exception.

        >>> Committee(size=5, elected_on="2021-01-10", term_years=5).term_ends_on
        datetime.date(2026, 1, 10)
        >>> Committee(size=5, elected_on="9998-01-10", term_years=5).term_ends_on is None
        True
        """
        if self.elected_on is None or self.term_years is None:
            return None
        return add_years(self.elected_on, self.term_years)


def add_years(day: datetime.date, years: int) -> datetime.date | None:
    """``day`` so many years later (28 February for 29 February in a common year), or None past 9999."""
    year = day.year + years
    if not datetime.MINYEAR <= year <= datetime.MAXYEAR:
        return None
    try:
        return day.replace(year=year)
    except ValueError:  # 29 February
        return day.replace(year=year, day=28)


# Converters and validators of the meeting and committee-term fields (the classes are at the end of the
# module: the fields that hold them look them up when called).


def _to_claim_status(value: ClaimStatus | str | None) -> ClaimStatus | None:
    return None if value is None else f._lenient(ClaimStatus, value)


def _to_meeting_kind(value: MeetingKind | str) -> MeetingKind:
    return f._lenient(MeetingKind, value)


def _to_agenda_origin(value: AgendaOrigin | str) -> AgendaOrigin:
    return f._lenient(AgendaOrigin, value)


def _to_follow_up_status(value: FollowUpStatus | str) -> FollowUpStatus:
    return f._lenient(FollowUpStatus, value)


def _to_decision_effects(values: Iterable[DecisionEffect | str]) -> frozenset[DecisionEffect]:
    return f._lenient_set(DecisionEffect, values)


def _to_cadence(value: Cadence | str) -> Cadence:
    return f._lenient(Cadence, value)


def _to_election_method(value: ElectionMethod | str | None) -> ElectionMethod | None:
    return None if value is None else f._lenient(ElectionMethod, value)


def _to_committee_role(value: CommitteeRole | str) -> CommitteeRole:
    return f._lenient(CommitteeRole, value)


def _follow_ups(value: Iterable[FollowUp]) -> tuple[FollowUp, ...]:
    return _items(value)  # type: ignore[no-any-return]


def _agenda(value: Iterable[AgendaItem]) -> tuple[AgendaItem, ...]:
    return _items(value)  # type: ignore[no-any-return]


def _posts(value: Iterable[CommitteePost]) -> tuple[CommitteePost, ...]:
    return _items(value)  # type: ignore[no-any-return]


def _committee_terms(value: Iterable[CommitteeTerm]) -> tuple[CommitteeTerm, ...]:
    return _items(value)  # type: ignore[no-any-return]


def _cadence_rules(value: Iterable[CadenceRule]) -> tuple[CadenceRule, ...]:
    return _items(value)  # type: ignore[no-any-return]


def _check_committee_terms(
    instance: object, attribute: attrs.Attribute[Any], value: tuple[object, ...]
) -> None:
    _check_items(CommitteeTerm)(instance, attribute, value)


def _check_cadence_rules(
    instance: object, attribute: attrs.Attribute[Any], value: tuple[object, ...]
) -> None:
    _check_items(CadenceRule)(instance, attribute, value)


def _number(term: CommitteeTerm) -> int:
    return term.number


@attrs.frozen(kw_only=True, repr=False)
class PartyOrganisation(FieldsRepr):
    """A party organisation (党组织) with exactly one line of affiliation (隶属关系).

    Args:
        id: Unique id in the registry.
        name: E.g. ``倡隆村党支部``.
        form: Its :class:`PartyOrgForm` (党委, 党工委, 党总支, 党支部, 联合党支部, 临时党支部, 党小组, 联合党委 …).
        superior_id: The one superior party organisation, or None for a root.
        host_unit_ids: The unit(s) it is set up in; a joint branch covers several.
        full_members: 正式党员 (the 3- and 7-member rules count these).
        probationary_members: 预备党员 (the 50- and 100-member rules count these too).
        committee: Its elected committee and term, if it has one (the current snapshot).
        founded_on: When it was set up.
        dissolved_on: When it was dissolved, if it was.
        committee_terms: Its committees as a history of terms (换届), in order of 届次.
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
    committee_terms: tuple[CommitteeTerm, ...] = attrs.field(
        default=(), converter=_committee_terms, validator=[f.check_tuple, _check_committee_terms]
    )

    @property
    def type_code(self) -> OrgTypeCode | None:
        """The de-facto organisation-type code (611/621/631/632/9xx) of its form."""
        return self.form.type_code

    @property
    def total_members(self) -> int:
        """Full and probationary members together."""
        return self.full_members + self.probationary_members

    @property
    def current_term(self) -> CommitteeTerm | None:
        """The term with the highest 届次 in :attr:`committee_terms`, or None."""
        return max(self.committee_terms, key=_number, default=None)


@attrs.frozen(kw_only=True, repr=False)
class Participation(FieldsRepr):
    """A person's place in an organisation other than their affiliation (参与).

    Affiliation (组织关系, :attr:`Person.party_organisation_id`) is one; participations are as many as
    there are: a 双报到党员 reporting to their community, a 流动党员 in a 城市支部 while the affiliation
    stays in the village branch (原组织隶属关系不变), a councillor in a council (a Popolo membership).

    Args:
        organisation_id: The unit or party organisation the person takes part in.
        role: The role or post as its source writes it (``双报到党员``, ``Deputy Mayor``), if given.
        on_behalf_of_id: The organisation the person is there for (Popolo ``on_behalf_of``), if any.
        joined_on: When it began.
        left_on: When it ended, if it did.
        post: The post (职务, a Popolo ``post``) the person holds there, by its label
            (``Councillor for North Ward``), if the source names one; the role says what the holder does.

    >>> Participation(organisation_id="huayuan", role="双报到党员", joined_on="2021-03-01").joined_on
    datetime.date(2021, 3, 1)
    >>> Participation(organisation_id="council", role="councillor", post="Councillor for North Ward").post
    'Councillor for North Ward'
    """

    organisation_id: str = _id()
    role: str | None = attrs.field(default=None, validator=f.check_optional_text)
    on_behalf_of_id: str | None = attrs.field(default=None, validator=f.check_optional_id)
    joined_on: datetime.date | None = attrs.field(
        default=None, converter=f.to_optional_date, validator=f.check_optional_date
    )
    left_on: datetime.date | None = attrs.field(
        default=None, converter=f.to_optional_date, validator=f.check_optional_date
    )
    post: str | None = attrs.field(default=None, validator=f.check_optional_text)


def _participations(value: Iterable[Participation]) -> tuple[Participation, ...]:
    return _items(value)  # type: ignore[no-any-return]


def _check_participations(
    instance: object, attribute: attrs.Attribute[Any], value: tuple[object, ...]
) -> None:
    _check_items(Participation)(instance, attribute, value)  # the helpers are defined further down


@attrs.frozen(kw_only=True, repr=False)
class Person(FieldsRepr):
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
        participations: Where else the person takes part, beside the affiliation (see :class:`Participation`).

    >>> Person(id="p1", name="龚建立", roles=["书记"], phone="13812345678")
    Person(id='p1', name='龚**', roles=frozenset({PersonRole.SECRETARY}), party_organisation_id=None, standing=PartyStanding.NONE, unit_id=None, phone='138****5678', id_card=None, participations=())
    """

    id: str = _id()
    name: str = attrs.field(validator=f.masked(f.check_text, masked_name), repr=mask_name)
    roles: frozenset[PersonRole | CustomTerm] = attrs.field(
        default=frozenset(),
        converter=f.to_person_role_set,
        validator=f.open_set_validator(PersonRole),
    )
    party_organisation_id: str | None = attrs.field(default=None, validator=f.check_optional_id)
    standing: PartyStanding = attrs.field(
        default=PartyStanding.NONE,
        converter=f.to_party_standing,
        validator=f.enum_validator(PartyStanding),
    )
    unit_id: str | None = attrs.field(default=None, validator=f.check_optional_id)
    phone: str | None = attrs.field(
        default=None, validator=f.masked(f.check_optional_text, masked_phone), repr=mask_phone
    )
    id_card: str | None = attrs.field(
        default=None, validator=f.masked(f.check_optional_text, masked_id_card), repr=mask_id_card
    )
    participations: tuple[Participation, ...] = attrs.field(
        default=(), converter=_participations, validator=[f.check_tuple, _check_participations]
    )


@attrs.frozen(kw_only=True, repr=False)
class Membership(FieldsRepr):
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


@attrs.frozen(kw_only=True, repr=False)
class Agreement(FieldsRepr):
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


@attrs.frozen(kw_only=True, repr=False)
class JointPlan(FieldsRepr):
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


def _to_alliance_types(values: Iterable[AllianceType | str]) -> frozenset[AllianceType]:
    return f._lenient_set(AllianceType, values)


def _exit_conditions(value: Iterable[ExitCondition]) -> tuple[ExitCondition, ...]:
    return _items(value)  # type: ignore[no-any-return]


def _check_exit_conditions(
    instance: object, attribute: attrs.Attribute[Any], value: tuple[object, ...]
) -> None:
    _check_items(ExitCondition)(instance, attribute, value)


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


@attrs.frozen(kw_only=True, repr=False)
class Alliance(FieldsRepr):
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
        cadence: How often it meets (e.g. the joint meeting every quarter), checked by validation.
        secondary_types: Other types it also is (a 片区 alliance that is an industry cluster too); the
            structure rules of each apply.
        exit_conditions: Conditions on membership, such as 柯桥's "a village whose operating income
            passes 150万元 leaves at the end of the three-year term" (see :class:`ExitCondition`).
    """

    id: str = _id()
    name: str = attrs.field(validator=f.check_text)
    type: AllianceType = attrs.field(converter=f.to_alliance_type, validator=f.enum_validator(AllianceType))
    lead_id: str = _id()
    memberships: tuple[Membership, ...] = attrs.field(
        default=(), converter=_memberships, validator=[f.check_tuple, _check_items(Membership)]
    )
    linkages: frozenset[Linkage | CustomTerm] = attrs.field(
        default=frozenset(), converter=f.to_linkage_set, validator=f.open_set_validator(Linkage)
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
    cadence: tuple[CadenceRule, ...] = attrs.field(
        default=(), converter=_cadence_rules, validator=[f.check_tuple, _check_cadence_rules]
    )
    secondary_types: frozenset[AllianceType] = attrs.field(
        default=frozenset(), converter=_to_alliance_types, validator=f.enum_set_validator(AllianceType)
    )
    exit_conditions: tuple[ExitCondition, ...] = attrs.field(
        default=(), converter=_exit_conditions, validator=[f.check_tuple, _check_exit_conditions]
    )

    @property
    def types(self) -> tuple[AllianceType, ...]:
        """Its type, then its secondary types (in declaration order of :class:`AllianceType`)."""
        if not self.secondary_types:  # most alliances: no walk over the enum
            return (self.type,)
        return (self.type, *(t for t in AllianceType if t in self.secondary_types and t is not self.type))

    @property
    def custom_linkages(self) -> tuple[CustomTerm, ...]:
        """The linkages it declares outside the known vocabularies, by label."""
        return tuple(sorted((t for t in self.linkages if isinstance(t, CustomTerm)), key=str))

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


@attrs.frozen(kw_only=True, repr=False)
class Contribution(FieldsRepr):
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
        default=None, converter=f.to_optional_money, validator=f.check_optional_amount
    )
    quantity: Decimal | None = attrs.field(
        default=None, converter=f.to_optional_decimal, validator=f.check_optional_decimal
    )
    quantity_unit: QuantityUnit | CustomTerm | None = attrs.field(
        default=None,
        converter=f.to_optional_quantity_unit,
        validator=f.optional_open_validator(QuantityUnit),
    )
    on: datetime.date | None = attrs.field(
        default=None, converter=f.to_optional_date, validator=f.check_optional_date
    )


@attrs.frozen(kw_only=True, repr=False)
class Share(FieldsRepr):
    """An equity share (股份) of a project or joint company.

    Args:
        holder_id: Who holds it.
        fraction: The share, greater than 0 and at most 1; accepts ``'49.3%'``, ``'1/3'`` or a Decimal.
    """

    holder_id: str = _id()
    fraction: Fraction = attrs.field(converter=f.to_fraction, validator=f.check_share)


@attrs.frozen(kw_only=True, repr=False)
class IncomeRecord(FieldsRepr):
    """Income a project earned (收入), to be shared among members.

    Args:
        on: When it was recorded.
        amount: How much.
        period: The period it is for, e.g. ``2023``.
        description: What it was.
    """

    on: datetime.date = attrs.field(converter=f.to_date, validator=f.check_date)
    amount: Money = attrs.field(converter=f.to_money, validator=f.check_amount)
    period: str | None = attrs.field(default=None, validator=f.check_optional_text)
    description: str | None = attrs.field(default=None, validator=f.check_optional_text)


def _check_rule(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and not isinstance(value, _rules.RULE_TYPES):
        raise InvalidValue(
            f.where(instance, attribute), value, "an allocation rule such as EqualSplit() or nothing"
        )


@attrs.frozen(kw_only=True, repr=False)
class Project(FieldsRepr):
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
    allocation_rule: _rules.Rule | None = attrs.field(default=None, validator=_check_rule)

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


@attrs.frozen(kw_only=True, repr=False)
class Asset(FieldsRepr):
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
        default=None, converter=f.to_optional_money, validator=f.check_optional_amount
    )
    held_in_id: str | None = attrs.field(default=None, validator=f.check_optional_id)


@attrs.frozen(kw_only=True, repr=False)
class LedgerEntry(FieldsRepr):
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


@attrs.frozen(kw_only=True, repr=False)
class Ledger(FieldsRepr):
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


@attrs.frozen(kw_only=True, repr=False)
class Grid(FieldsRepr):
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


@attrs.frozen(kw_only=True, repr=False)
class Brand(FieldsRepr):
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


@attrs.frozen(kw_only=True, repr=False)
class Team(FieldsRepr):
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


@attrs.frozen(kw_only=True, repr=False)
class Need(FieldsRepr):
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


@attrs.frozen(kw_only=True, repr=False)
class Resource(FieldsRepr):
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


@attrs.frozen(kw_only=True, repr=False)
class ListedProject(FieldsRepr):
    """An item of a 项目清单: a partner claims a need it can serve (认领), with a resource (seed 004).

    Args:
        id: Unique id in the registry.
        title: The project.
        need_id: The need it serves.
        provider_id: The partner who claimed it.
        resource_id: The resource it uses, if any.
        alliance_id: The alliance whose list it is on.
        claimed_on: When the partner claimed it (认领).
        status: Where the claim stands: 待认领, 已认领, 实施中, 已完成 or 已撤回 (None: not recorded).
    """

    id: str = _id()
    title: str = attrs.field(validator=f.check_text)
    need_id: str | None = attrs.field(default=None, validator=f.check_optional_id)
    provider_id: str | None = attrs.field(default=None, validator=f.check_optional_id)
    resource_id: str | None = attrs.field(default=None, validator=f.check_optional_id)
    alliance_id: str | None = attrs.field(default=None, validator=f.check_optional_id)
    claimed_on: datetime.date | None = attrs.field(
        default=None, converter=f.to_optional_date, validator=f.check_optional_date
    )
    status: ClaimStatus | None = attrs.field(
        default=None, converter=_to_claim_status, validator=f.optional_enum_validator(ClaimStatus)
    )


# ---------------------------------------------------------------- meetings, deliberation, committee terms


@attrs.frozen(kw_only=True, repr=False)
class CadenceRule(FieldsRepr):
    """How often an alliance (or its joint committee) must hold a kind of meeting (会议频次).

    Args:
        kind: The :class:`MeetingKind`, e.g. ``联席会议``.
        every: The period: ``每月``, ``每季度``, ``每半年`` or ``每年``.
        at_least: How many meetings of that kind each period needs.

    >>> CadenceRule(kind="联席会议", every="每季度").every
    Cadence.QUARTER
    """

    kind: MeetingKind = attrs.field(converter=_to_meeting_kind, validator=f.enum_validator(MeetingKind))
    every: Cadence = attrs.field(converter=_to_cadence, validator=f.enum_validator(Cadence))
    at_least: int = attrs.field(default=1, validator=f.check_positive)


@attrs.frozen(kw_only=True, repr=False)
class FollowUp(FieldsRepr):
    """The follow-up (跟踪落实) of a decision: who carries it out, by when, how far it got, what it led to.

    Args:
        responsible_id: Who carries it out: a unit, party organisation or person that took part.
        due_on: By when it is due.
        status: 待落实, 落实中, 已落实 or 已撤销.
        done_on: When it was done (or dropped).
        project_id: The project or listed project (项目清单) it led to, if any.
        note: How it went.
    """

    responsible_id: str = _id()
    due_on: datetime.date | None = attrs.field(
        default=None, converter=f.to_optional_date, validator=f.check_optional_date
    )
    status: FollowUpStatus = attrs.field(
        default=FollowUpStatus.PENDING,
        converter=_to_follow_up_status,
        validator=f.enum_validator(FollowUpStatus),
    )
    done_on: datetime.date | None = attrs.field(
        default=None, converter=f.to_optional_date, validator=f.check_optional_date
    )
    project_id: str | None = attrs.field(default=None, validator=f.check_optional_id)
    note: str | None = attrs.field(default=None, validator=f.check_optional_text)

    def is_overdue(self, on: datetime.date) -> bool:
        """True if it is still open and its date has passed by ``on``."""
        return self.status.is_open and self.due_on is not None and self.due_on < on


@attrs.frozen(kw_only=True, repr=False)
class AgendaItem(FieldsRepr):
    """An agenda item (议题) of a meeting, the decision (议事成果) taken on it and its follow-up.

    A decision binds only those who took part, and never moves anyone's superior, assets or books
    (三不变): a decision that would is recorded with its ``effects`` and flagged by validation.

    Args:
        title: What is deliberated, e.g. ``老旧小区加装电梯``.
        origin: How it came: 动议, 定期会商 or 即时商议 (seed 003).
        raised_by_id: Who raised it: a unit, party organisation or person.
        need_id: The resident request on a 需求清单 it answers, if any.
        decision: The decision taken (议事成果), if one was.
        effects: What the decision would change that 三不变 protects (flagged as DJ711).
        follow_ups: Its follow-up (跟踪落实).
    """

    title: str = attrs.field(validator=f.check_text)
    origin: AgendaOrigin = attrs.field(
        default=AgendaOrigin.MOTION, converter=_to_agenda_origin, validator=f.enum_validator(AgendaOrigin)
    )
    raised_by_id: str | None = attrs.field(default=None, validator=f.check_optional_id)
    need_id: str | None = attrs.field(default=None, validator=f.check_optional_id)
    decision: str | None = attrs.field(default=None, validator=f.check_optional_text)
    effects: frozenset[DecisionEffect] = attrs.field(
        default=frozenset(), converter=_to_decision_effects, validator=f.enum_set_validator(DecisionEffect)
    )
    follow_ups: tuple[FollowUp, ...] = attrs.field(
        default=(), converter=_follow_ups, validator=[f.check_tuple, _check_items(FollowUp)]
    )


@attrs.frozen(kw_only=True, repr=False)
class Meeting(FieldsRepr):
    """A meeting (会议): an alliance's joint meeting or deliberation, or a branch's 三会一课.

    Args:
        id: Unique id in the registry.
        title: E.g. ``东区街道2024年第一季度联席会议``.
        kind: Its :class:`MeetingKind`.
        held_by_id: Who holds it: an alliance, a party organisation (a joint committee, a branch) or a team.
        held_on: The day it was held.
        convener_id: Who convened it (召集人): a person or party organisation.
        expected: How many were expected (应到); for a 党员大会, the members with a vote.
        present: How many came (实到); for a 党员大会, the members with a vote who came.
        present_ids: Who came, where known: units, party organisations or people.
        agenda: Its agenda items (议题), with decisions and follow-up.

    >>> meeting = Meeting(id="m1", title="一季度联席会议", kind="联席会议", held_by_id="east", held_on="2024-03-28")
    >>> meeting.kind.label, meeting.held_on.isoformat()
    ('联席会议', '2024-03-28')
    """

    id: str = _id()
    title: str = attrs.field(validator=f.check_text)
    kind: MeetingKind = attrs.field(converter=_to_meeting_kind, validator=f.enum_validator(MeetingKind))
    held_by_id: str = _id()
    held_on: datetime.date = attrs.field(converter=f.to_date, validator=f.check_date)
    convener_id: str | None = attrs.field(default=None, validator=f.check_optional_id)
    expected: int | None = attrs.field(default=None, validator=f.check_optional_count)
    present: int | None = attrs.field(default=None, validator=f.check_optional_count)
    present_ids: tuple[str, ...] = attrs.field(
        default=(), converter=f.to_str_tuple, validator=[f.check_tuple, f.check_ids]
    )
    agenda: tuple[AgendaItem, ...] = attrs.field(
        default=(), converter=_agenda, validator=[f.check_tuple, _check_items(AgendaItem)]
    )

    @property
    def decisions(self) -> tuple[AgendaItem, ...]:
        """The agenda items on which a decision was taken."""
        return tuple(item for item in self.agenda if item.decision is not None)

    @property
    def attendance(self) -> int | None:
        """How many came: ``present``, or the number of ``present_ids`` when only those are known."""
        if self.present is not None:
            return self.present
        return len(self.present_ids) if self.present_ids else None


@attrs.frozen(kw_only=True, repr=False)
class CommitteePost(FieldsRepr):
    """A post on a committee term: who held it, which post, from when to when.

    Args:
        person_id: Who holds it.
        role: 书记, 副书记 or 委员.
        started_on: When it began; None means from the term's election.
        ended_on: When it ended; None means it lasts until the term ends.
        concurrent_from_id: For a concurrent post (兼职委员) of a 大工委/大党委, the member unit or
            organisation the holder comes from.
    """

    person_id: str = _id()
    role: CommitteeRole = attrs.field(
        default=CommitteeRole.MEMBER, converter=_to_committee_role, validator=f.enum_validator(CommitteeRole)
    )
    started_on: datetime.date | None = attrs.field(
        default=None, converter=f.to_optional_date, validator=f.check_optional_date
    )
    ended_on: datetime.date | None = attrs.field(
        default=None, converter=f.to_optional_date, validator=f.check_optional_date
    )
    concurrent_from_id: str | None = attrs.field(default=None, validator=f.check_optional_id)

    @property
    def concurrent(self) -> bool:
        """True for a concurrent post (兼职委员)."""
        return self.concurrent_from_id is not None


@attrs.frozen(kw_only=True, repr=False)
class CommitteeTerm(FieldsRepr):
    """One term (届) of a party organisation's committee, from its election (换届) to the next.

    Args:
        number: The 届次: 1 for the first committee, growing by one at each election.
        elected_on: When it was elected.
        method: How it was chosen (差额选举, 等额选举, 上级党组织指定).
        term_years: The length of the term in years (党章 art. 31: 3–5).
        ended_on: When it handed over to the next term, if it has.
        posts: Its members and their posts, each with start and end.

    >>> term = CommitteeTerm(number=3, elected_on="2021-01-10", term_years=5)
    >>> term.term_ends_on
    datetime.date(2026, 1, 10)
    """

    number: int = attrs.field(validator=f.check_positive)
    elected_on: datetime.date = attrs.field(converter=f.to_date, validator=f.check_date)
    method: ElectionMethod | None = attrs.field(
        default=None, converter=_to_election_method, validator=f.optional_enum_validator(ElectionMethod)
    )
    term_years: int | None = attrs.field(default=None, validator=[f.check_optional_positive, _check_term])
    ended_on: datetime.date | None = attrs.field(
        default=None, converter=f.to_optional_date, validator=f.check_optional_date
    )
    posts: tuple[CommitteePost, ...] = attrs.field(
        default=(), converter=_posts, validator=[f.check_tuple, _check_items(CommitteePost)]
    )

    @property
    def term_ends_on(self) -> datetime.date | None:
        """The day the term is due to end (election date plus the term), if its length is known."""
        return None if self.term_years is None else add_years(self.elected_on, self.term_years)

    def holders_on(self, day: datetime.date, role: CommitteeRole | None = None) -> tuple[str, ...]:
        """The people holding a post (of ``role``, or any) on ``day``."""
        return tuple(
            post.person_id
            for post in self.posts
            if (role is None or post.role is role)
            and (post.started_on or self.elected_on) <= day
            and (post.ended_on is None or day < post.ended_on)
        )


# ---------------------------------------------------------------- reported figures, grid templates, exit conditions


def _to_figure_value(value: FigureValue | str) -> FigureValue:
    try:
        return FigureValue.parse(value)
    except InvalidFigure:
        return value  # type: ignore[return-value]  # refused by the validator, which says why


def _check_figure_value(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, FigureValue):
        FigureValue.parse(value, where=f.where(instance, attribute))


def _to_metric(value: FigureMetric | CustomTerm | str) -> FigureMetric | CustomTerm:
    return f._lenient_open(FigureMetric, value)


@attrs.frozen(kw_only=True, repr=False)
class FigureSource(FieldsRepr):
    """Where a reported figure comes from (来源): the article or report that states it.

    Args:
        title: Its title, e.g. ``慈溪：片区党建联盟“联”出共富新图景``.
        published_on: When it was published.
        url: Where it can be read.
    """

    title: str = attrs.field(validator=f.check_text)
    published_on: datetime.date | None = attrs.field(
        default=None, converter=f.to_optional_date, validator=f.check_optional_date
    )
    url: str | None = attrs.field(default=None, validator=f.check_optional_text)


@attrs.frozen(kw_only=True, repr=False)
class Figure(FieldsRepr):
    """A reported figure (数据): what a report says of an entity, or of the whole registry (seeds 000–004).

    Args:
        id: Unique id in the registry.
        metric: What it measures: a :class:`FigureMetric` (新增就业岗位, 从业人员, 成员单位 …) or a new
            metric as text (kept as a custom term).
        value: The figure as the text says it, e.g. ``300余个`` (see :class:`FigureValue`).
        subject_id: The entity it is about (an alliance, unit, organisation …); None for the registry as
            a whole (a district's total).
        on: The day it holds for, if the report gives one.
        period: The period it holds for, as written (``2024``, ``2023年上半年``).
        source: The report that states it.
        note: What else the report says of it.

    >>> figure = Figure(id="cixi-jobs", metric="新增就业岗位", value="300余个", subject_id="cixi-south")
    >>> figure.value.qualifier, figure.metric
    (Qualifier.AT_LEAST, FigureMetric.NEW_JOBS)
    """

    id: str = _id()
    metric: FigureMetric | CustomTerm = attrs.field(
        converter=_to_metric, validator=f.open_validator(FigureMetric)
    )
    value: FigureValue = attrs.field(converter=_to_figure_value, validator=_check_figure_value)
    subject_id: str | None = attrs.field(default=None, validator=f.check_optional_id)
    on: datetime.date | None = attrs.field(
        default=None, converter=f.to_optional_date, validator=f.check_optional_date
    )
    period: str | None = attrs.field(default=None, validator=f.check_optional_text)
    source: FigureSource | None = attrs.field(default=None, validator=f.optional_instance(FigureSource))
    note: str | None = attrs.field(default=None, validator=f.check_optional_text)


@attrs.frozen(kw_only=True, repr=False)
class GridLevel(FieldsRepr):
    """One level of a grid template: how many cells it has and whether each carries a party group.

    Args:
        count: The number of cells on the level (seed 003: 1, 11, 170, 553).
        name: What the level is called, e.g. ``四级网格``.
        party_groups: True if every cell of the level carries a 党小组 (党小组建在网格上).
    """

    count: int = attrs.field(validator=f.check_positive)
    name: str | None = attrs.field(default=None, validator=f.check_optional_text)
    party_groups: bool = attrs.field(default=False, validator=f.check_bool)


def _levels(value: Iterable[GridLevel]) -> tuple[GridLevel, ...]:
    return _items(value)  # type: ignore[no-any-return]


def _spread(children: int, parents: int) -> list[int]:
    """The parent (0-based) of each of ``children`` cells spread as evenly as possible over ``parents``."""
    return [index * parents // children for index in range(children)]


@attrs.frozen(kw_only=True, repr=False)
class GridSystem(FieldsRepr):
    """A grid system given by template (网格体系): levels with counts, instead of every cell by hand.

    Validation checks the cells that are listed against it (DJ804) and takes its party-group levels for
    DJ441 unless :class:`~dangjian_model.validation.ValidationConfig` names others; :meth:`expand` writes
    the cells (and their party groups) out.

    Args:
        id: Unique id in the registry.
        name: E.g. ``东区街道红心网格``.
        levels: The levels from the top (level 1) down, each with its count.
        unit_id: The territory it covers.
        top_grid_id: The listed level-1 cell, if the top is listed; the cells under it are its cells.
        party_organisation_id: The branch that generated party groups sit in (:meth:`expand`).

    >>> system = GridSystem(id="dq", name="东区网格", levels=[GridLevel(count=1), GridLevel(count=11), GridLevel(count=170, party_groups=True)])
    >>> system.counts, system.total, sorted(system.party_group_levels)
    ((1, 11, 170), 182, [3])
    """

    id: str = _id()
    name: str = attrs.field(validator=f.check_text)
    levels: tuple[GridLevel, ...] = attrs.field(
        converter=_levels, validator=[f.check_tuple, _check_items(GridLevel)]
    )
    unit_id: str | None = attrs.field(default=None, validator=f.check_optional_id)
    top_grid_id: str | None = attrs.field(default=None, validator=f.check_optional_id)
    party_organisation_id: str | None = attrs.field(default=None, validator=f.check_optional_id)

    @property
    def counts(self) -> tuple[int, ...]:
        """The count of each level, from the top."""
        return tuple(level.count for level in self.levels)

    @property
    def total(self) -> int:
        """All its cells."""
        return sum(self.counts)

    @property
    def party_group_levels(self) -> frozenset[int]:
        """The levels (1 at the top) whose cells carry a party group."""
        return frozenset(n for n, level in enumerate(self.levels, 1) if level.party_groups)

    def root_ids(self) -> tuple[str, ...]:
        """The ids of its level-1 cells: the listed top cell, or the ids :meth:`expand` gives them."""
        if self.top_grid_id is not None:
            return (self.top_grid_id,)
        count = self.levels[0].count if self.levels else 0
        return tuple(f"{self.id}-1-{n}" for n in range(1, count + 1))

    def expand(self) -> tuple[Grid | PartyOrganisation, ...]:
        """Every cell of the template, each level's cells spread evenly over the level above, with a
        党小组 on each cell of the levels that carry one (in :attr:`party_organisation_id`).

        The top cell keeps :attr:`top_grid_id` when given; other cells are ``{id}-{level}-{n}``.

        >>> cells = GridSystem(id="g", name="网格", levels=[GridLevel(count=1), GridLevel(count=3, party_groups=True)]).expand()
        >>> [c.id for c in cells]
        ['g-1-1', 'g-2-1', 'g-2-1-group', 'g-2-2', 'g-2-2-group', 'g-2-3', 'g-2-3-group']
        """
        made: list[Grid | PartyOrganisation] = []
        above: list[str] = []
        for number, level in enumerate(self.levels, 1):
            ids = (
                list(self.root_ids())
                if number == 1
                else [f"{self.id}-{number}-{n}" for n in range(1, level.count + 1)]
            )
            parents = [None] * len(ids) if number == 1 else [above[p] for p in _spread(len(ids), len(above))]
            name = level.name or f"{number}级网格"
            for n, (grid_id, parent) in enumerate(zip(ids, parents, strict=True), 1):
                group = f"{grid_id}-group" if level.party_groups else None
                made.append(
                    Grid(
                        id=grid_id,
                        name=f"{self.name}{name}{n}",
                        level=number,
                        parent_id=parent,
                        unit_id=self.unit_id,
                        party_group_id=group,
                    )
                )
                if group is not None:
                    made.append(
                        PartyOrganisation(
                            id=group,
                            name=f"{self.name}{name}{n}党小组",
                            form=PartyOrgForm.PARTY_GROUP,
                            superior_id=self.party_organisation_id,
                        )
                    )
            above = ids
        return tuple(made)


@attrs.frozen(kw_only=True, repr=False)
class ExitCondition(FieldsRepr):
    """A condition on membership (退出条件): a member whose figure passes a threshold leaves at the end
    of the term in which it passes (DOMAIN §5: 柯桥, operating income above 150万元, three-year terms).

    It is evaluated against the figures about each member (and, for 村集体经济收入, the unit's
    ``collective_income``): see :func:`dangjian_model.exits_due` and rules DJ805–DJ806.

    Args:
        metric: The figure it looks at, e.g. ``经营性收入``.
        above: The threshold the figure must pass, e.g. ``150万元``.
        term_years: The length of a term in years; a member leaves at the end of the term it passes in.
        terms_start_on: When the first term begins (the alliance's formation when None).
        description: The condition as the agreement words it.

    >>> condition = ExitCondition(metric="经营性收入", above="150万元", term_years=3)
    >>> condition.above.money
    Money('1500000元')
    """

    metric: FigureMetric | CustomTerm = attrs.field(
        converter=_to_metric, validator=f.open_validator(FigureMetric)
    )
    above: FigureValue = attrs.field(converter=_to_figure_value, validator=_check_figure_value)
    term_years: int = attrs.field(validator=f.check_positive)
    terms_start_on: datetime.date | None = attrs.field(
        default=None, converter=f.to_optional_date, validator=f.check_optional_date
    )
    description: str | None = attrs.field(default=None, validator=f.check_optional_text)

    def term_end(self, start: datetime.date, day: datetime.date) -> datetime.date | None:
        """The end of the term (counted from ``start``) that ``day`` falls in; None past the calendar.

        >>> ExitCondition(metric="经营性收入", above="150万元", term_years=3).term_end(
        ...     datetime.date(2020, 1, 1), datetime.date(2023, 6, 30))
        datetime.date(2026, 1, 1)
        """
        if day < start:
            return add_years(start, self.term_years)
        terms = (day.year - start.year) // self.term_years
        end = add_years(start, self.term_years * terms)
        while end is not None and end <= day:
            terms += 1
            end = add_years(start, self.term_years * terms)
        return end

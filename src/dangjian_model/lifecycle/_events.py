"""Events: what happened to a registry, as typed, frozen, serialisable values.

Each event carries its date (``on``) and a ``kind`` tag, so a log of events can be written with a
stock cattrs converter and read back into the right classes. Applying an event is the *only* way
the lifecycle changes a registry: an operation validates its arguments, builds the event and
returns ``apply(registry, event)``. So ``replay(initial, log)`` gives back exactly the registry the
operations produced.

Applying trusts the event (it was validated when it was made); it does not check it again.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from decimal import Decimal
from functools import reduce
from typing import Any, Literal, TypeAlias

import attrs

from dangjian_model import _fields as f
from dangjian_model._enums import (
    AllianceType,
    AssetNature,
    ContributionKind,
    Linkage,
    MembershipRole,
    PartyOrgForm,
    Principle,
    QuantityUnit,
    UnitKind,
)
from dangjian_model._model import (
    Agreement,
    Alliance,
    Asset,
    Committee,
    Contribution,
    IncomeRecord,
    Ledger,
    LedgerEntry,
    Membership,
    PartyOrganisation,
    Unit,
)
from dangjian_model._money import Money
from dangjian_model._registry import Registry
from dangjian_model._repr import FieldsRepr
from dangjian_model.lifecycle._meeting_events import DecisionTaken, FollowUpClosed, MeetingHeld

__all__ = [
    "EVENT_TYPES",
    "AgreementEnded",
    "AgreementRenewed",
    "AllianceDissolved",
    "AllianceFormed",
    "AssetNatureChanged",
    "AssetTransferred",
    "ContributionRecorded",
    "Event",
    "IncomeDistributed",
    "IncomeRecorded",
    "JointCommitteeAppointed",
    "JointVentureFounded",
    "LedgersMerged",
    "MemberAdmitted",
    "MemberWithdrew",
    "PartyOrganisationReaffiliated",
    "Payout",
    "PersonReaffiliated",
    "SecretaryAppointed",
    "Stake",
    "UnitMoved",
    "apply",
    "replay",
]


# Events keep to types a stock converter writes: known terms as enum members, new ones (custom terms) as text.


def _known_linkages(values: Iterable[Linkage | str]) -> frozenset[Linkage]:
    return f._lenient_set(Linkage, values)


def _known_unit(value: QuantityUnit | str | None) -> QuantityUnit | None:
    return None if value is None else f._lenient(QuantityUnit, value)


def _id() -> Any:
    return attrs.field(validator=f.check_id)


def _optional_id() -> Any:
    return attrs.field(default=None, validator=f.check_optional_id)


def _ids() -> Any:
    return attrs.field(converter=f.to_str_tuple, validator=[f.check_tuple, f.check_ids])


def _stakes(value: Iterable[Stake]) -> tuple[Stake, ...]:
    return tuple(value)


def _payouts(value: Iterable[Payout]) -> tuple[Payout, ...]:
    return tuple(value)


def _evolve_alliance(registry: Registry, alliance_id: str, **changes: Any) -> Registry:
    return registry.with_entities(attrs.evolve(registry.alliance(alliance_id), **changes))


# ---------------------------------------------------------------------------- alliance lifecycle


@attrs.frozen(kw_only=True, repr=False)
class AllianceFormed(FieldsRepr):
    """An alliance (党建联盟) was formed: its lead first, then the other members, all joining ``on``.

    Attributes:
        alliance_id, name, type, lead_id: As on :class:`~dangjian_model.Alliance`.
        member_ids: Every founding participant, the lead first.
        linkages, principles: What it declares (四联, 三不变 …).
        joint_committee_id: Its 联合党委, if one coordinates it from the start.
        agreement: The agreement it runs under, if any.
        custom_linkages: The linkages it declares outside the known vocabularies, by label (艺术联姻 …).
    """

    kind: Literal["alliance_formed"] = "alliance_formed"
    on: datetime.date = attrs.field(converter=f.to_date, validator=f.check_date)
    alliance_id: str = _id()
    name: str = attrs.field(validator=f.check_text)
    type: AllianceType = attrs.field(converter=f.to_alliance_type, validator=f.enum_validator(AllianceType))
    lead_id: str = _id()
    member_ids: tuple[str, ...] = _ids()
    linkages: frozenset[Linkage] = attrs.field(
        default=frozenset(), converter=_known_linkages, validator=f.enum_set_validator(Linkage)
    )
    principles: frozenset[Principle] = attrs.field(
        default=frozenset(), converter=f.to_principle_set, validator=f.enum_set_validator(Principle)
    )
    joint_committee_id: str | None = _optional_id()
    agreement: Agreement | None = attrs.field(
        default=None, validator=attrs.validators.optional(attrs.validators.instance_of(Agreement))
    )
    custom_linkages: tuple[str, ...] = attrs.field(
        default=(), converter=f.to_str_tuple, validator=[f.check_tuple, f.check_ids]
    )

    def apply_to(self, registry: Registry) -> Registry:
        """The registry with the new alliance."""
        memberships = tuple(
            Membership(
                participant_id=id,
                role=MembershipRole.LEAD if id == self.lead_id else MembershipRole.MEMBER,
                joined_on=self.on,
            )
            for id in self.member_ids
        )
        alliance = Alliance(
            id=self.alliance_id,
            name=self.name,
            type=self.type,
            lead_id=self.lead_id,
            memberships=memberships,
            linkages=(*self.linkages, *self.custom_linkages),
            principles=self.principles,
            joint_committee_id=self.joint_committee_id,
            formed_on=self.on,
            agreement=self.agreement,
        )
        return registry.with_entities(alliance)


@attrs.frozen(kw_only=True, repr=False)
class MemberAdmitted(FieldsRepr):
    """A participant (unit, party organisation or person) joined an alliance."""

    kind: Literal["member_admitted"] = "member_admitted"
    on: datetime.date = attrs.field(converter=f.to_date, validator=f.check_date)
    alliance_id: str = _id()
    participant_id: str = _id()
    role: MembershipRole = attrs.field(
        default=MembershipRole.MEMBER,
        converter=f.to_membership_role,
        validator=f.enum_validator(MembershipRole),
    )

    def apply_to(self, registry: Registry) -> Registry:
        """The registry with a new membership at the end of the alliance's list."""
        alliance = registry.alliance(self.alliance_id)
        joined = Membership(participant_id=self.participant_id, role=self.role, joined_on=self.on)
        return _evolve_alliance(registry, self.alliance_id, memberships=(*alliance.memberships, joined))


@attrs.frozen(kw_only=True, repr=False)
class MemberWithdrew(FieldsRepr):
    """A member left an alliance (退出). Its history stays: the membership gets a ``left_on``."""

    kind: Literal["member_withdrew"] = "member_withdrew"
    on: datetime.date = attrs.field(converter=f.to_date, validator=f.check_date)
    alliance_id: str = _id()
    participant_id: str = _id()

    def apply_to(self, registry: Registry) -> Registry:
        """The registry with the member's current membership ended ``on``."""
        alliance = registry.alliance(self.alliance_id)
        memberships = tuple(
            attrs.evolve(m, left_on=self.on)
            if m.participant_id == self.participant_id and m.left_on is None
            else m
            for m in alliance.memberships
        )
        return _evolve_alliance(registry, self.alliance_id, memberships=memberships)


@attrs.frozen(kw_only=True, repr=False)
class JointCommitteeAppointed(FieldsRepr):
    """A joint committee (联合党委) now coordinates the alliance.

    When ``name`` is given the committee was set up with this event (form 联合党委, under
    ``superior_id``, covering ``host_unit_ids``); otherwise an existing one was appointed.
    Either way no member's superior changes: the committee coordinates, it does not lead.
    """

    kind: Literal["joint_committee_appointed"] = "joint_committee_appointed"
    on: datetime.date = attrs.field(converter=f.to_date, validator=f.check_date)
    alliance_id: str = _id()
    committee_id: str = _id()
    name: str | None = attrs.field(default=None, validator=f.check_optional_text)
    superior_id: str | None = _optional_id()
    host_unit_ids: tuple[str, ...] = attrs.field(
        default=(), converter=f.to_str_tuple, validator=[f.check_tuple, f.check_ids]
    )

    def apply_to(self, registry: Registry) -> Registry:
        """The registry with the committee (new, if named) linked to the alliance."""
        if self.name is not None:
            committee = PartyOrganisation(
                id=self.committee_id,
                name=self.name,
                form=PartyOrgForm.JOINT_COMMITTEE,
                superior_id=self.superior_id,
                host_unit_ids=self.host_unit_ids,
                founded_on=self.on,
            )
            registry = registry.with_entities(committee)
        return _evolve_alliance(registry, self.alliance_id, joint_committee_id=self.committee_id)


@attrs.frozen(kw_only=True, repr=False)
class SecretaryAppointed(FieldsRepr):
    """A person became the secretary (书记) of an alliance's joint committee.

    The person's own line of affiliation (原组织隶属关系) is untouched.
    """

    kind: Literal["secretary_appointed"] = "secretary_appointed"
    on: datetime.date = attrs.field(converter=f.to_date, validator=f.check_date)
    alliance_id: str = _id()
    committee_id: str = _id()
    secretary_id: str = _id()

    def apply_to(self, registry: Registry) -> Registry:
        """The registry with the committee's secretary set (a one-person committee if it had none)."""
        organisation = registry.party_organisation(self.committee_id)
        if organisation.committee is None:
            committee = Committee(size=1, secretary_id=self.secretary_id, elected_on=self.on)
        else:
            committee = attrs.evolve(organisation.committee, secretary_id=self.secretary_id)
        return registry.with_entities(attrs.evolve(organisation, committee=committee))


@attrs.frozen(kw_only=True, repr=False)
class Stake(FieldsRepr):
    """One co-founder's stake in a joint venture: a new asset of the co-founder itself.

    Attributes:
        asset_id: The new asset's id.
        holder_id: The co-founder, who owns the stake.
        name: The asset's name, e.g. ``倡隆村持有忆山文旅股权``.
        nature: The co-founder's own kind of property (村集体资产 for a village).
        value: The capital it put in, if known.
    """

    asset_id: str = _id()
    holder_id: str = _id()
    name: str = attrs.field(validator=f.check_text)
    nature: AssetNature = attrs.field(converter=f.to_asset_nature, validator=f.enum_validator(AssetNature))
    value: Money | None = attrs.field(
        default=None, converter=f.to_optional_money, validator=f.check_optional_money
    )


@attrs.frozen(kw_only=True, repr=False)
class JointVentureFounded(FieldsRepr):
    """Members co-founded a company (e.g. 忆山文旅有限公司): a new unit with its own books.

    Each co-founder's stake is a new asset of that co-founder, of its own nature; the company owns
    none of its founders' assets and keeps none of their books.

    Attributes:
        alliance_id: The alliance whose members founded it.
        company_id, name, unit_kind, superior_id: The new unit.
        ledger_id: The company's own ledger (账套).
        stakes: One per co-founder.
        project_id: The project the company runs, if any.
    """

    kind: Literal["joint_venture_founded"] = "joint_venture_founded"
    on: datetime.date = attrs.field(converter=f.to_date, validator=f.check_date)
    alliance_id: str = _id()
    company_id: str = _id()
    name: str = attrs.field(validator=f.check_text)
    unit_kind: UnitKind = attrs.field(
        default=UnitKind.COLLECTIVE_ENTERPRISE, converter=f.to_unit_kind, validator=f.enum_validator(UnitKind)
    )
    superior_id: str | None = _optional_id()
    ledger_id: str = _id()
    stakes: tuple[Stake, ...] = attrs.field(converter=_stakes)
    project_id: str | None = _optional_id()

    def apply_to(self, registry: Registry) -> Registry:
        """The registry with the company, its ledger, the founders' stakes and the project's company."""
        company = Unit(id=self.company_id, name=self.name, kind=self.unit_kind, superior_id=self.superior_id)
        stakes = [
            Asset(
                id=s.asset_id,
                name=s.name,
                owner_id=s.holder_id,
                nature=s.nature,
                value=s.value,
                held_in_id=self.company_id,
            )
            for s in self.stakes
        ]
        changed: list[Any] = [company, Ledger(id=self.ledger_id, owner_id=self.company_id), *stakes]
        if self.project_id is not None:
            changed.append(attrs.evolve(registry.project(self.project_id), company_id=self.company_id))
        return registry.with_entities(*changed)


# ---------------------------------------------------------------------------- projects and money


@attrs.frozen(kw_only=True, repr=False)
class ContributionRecorded(FieldsRepr):
    """A member put something into a joint project (money, land, quotas, labour …).

    It is recorded on the project; the contributor's own books are its own (账务核算不变).
    """

    kind: Literal["contribution_recorded"] = "contribution_recorded"
    on: datetime.date = attrs.field(converter=f.to_date, validator=f.check_date)
    project_id: str = _id()
    contributor_id: str = _id()
    contribution_kind: ContributionKind = attrs.field(
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
        converter=_known_unit,
        validator=attrs.validators.optional(f.enum_validator(QuantityUnit)),
    )
    custom_quantity_unit: str | None = attrs.field(default=None, validator=f.check_optional_id)

    def apply_to(self, registry: Registry) -> Registry:
        """The registry with the contribution added to the project."""
        project = registry.project(self.project_id)
        contribution = Contribution(
            contributor_id=self.contributor_id,
            kind=self.contribution_kind,
            amount=self.amount,
            quantity=self.quantity,
            quantity_unit=self.quantity_unit or self.custom_quantity_unit,
            on=self.on,
        )
        return registry.with_entities(
            attrs.evolve(project, contributions=(*project.contributions, contribution))
        )


@attrs.frozen(kw_only=True, repr=False)
class IncomeRecorded(FieldsRepr):
    """A joint project earned income (收入); until distributed it is undistributed income."""

    kind: Literal["income_recorded"] = "income_recorded"
    on: datetime.date = attrs.field(converter=f.to_date, validator=f.check_date)
    project_id: str = _id()
    amount: Money = attrs.field(converter=f.to_money, validator=f.check_money)
    period: str | None = attrs.field(default=None, validator=f.check_optional_text)
    description: str | None = attrs.field(default=None, validator=f.check_optional_text)

    def apply_to(self, registry: Registry) -> Registry:
        """The registry with the income record added to the project."""
        project = registry.project(self.project_id)
        record = IncomeRecord(
            on=self.on, amount=self.amount, period=self.period, description=self.description
        )
        return registry.with_entities(attrs.evolve(project, income=(*project.income, record)))


@attrs.frozen(kw_only=True, repr=False)
class Payout(FieldsRepr):
    """One member's part of a distribution, paid into a ledger of its own."""

    member_id: str = _id()
    ledger_id: str = _id()
    amount: Money = attrs.field(converter=f.to_money, validator=f.check_money)


@attrs.frozen(kw_only=True, repr=False)
class IncomeDistributed(FieldsRepr):
    """Project income was shared out (共同分配): one entry in each member's own ledger.

    Every entry's ``reference`` is the project id; that is how distributed income is counted.
    """

    kind: Literal["income_distributed"] = "income_distributed"
    on: datetime.date = attrs.field(converter=f.to_date, validator=f.check_date)
    project_id: str = _id()
    description: str = attrs.field(validator=f.check_text)
    payouts: tuple[Payout, ...] = attrs.field(converter=_payouts)

    @property
    def total(self) -> Money:
        """The amount distributed, to the 分."""
        return sum((p.amount for p in self.payouts), Money.ZERO)

    def apply_to(self, registry: Registry) -> Registry:
        """The registry with one entry appended to each payee's ledger."""
        ledgers: dict[str, Ledger] = {}
        for payout in self.payouts:
            ledger = ledgers.get(payout.ledger_id) or registry.ledger(payout.ledger_id)
            entry = LedgerEntry(
                on=self.on, amount=payout.amount, description=self.description, reference=self.project_id
            )
            ledgers[payout.ledger_id] = attrs.evolve(ledger, entries=(*ledger.entries, entry))
        return registry.with_entities(*ledgers.values())


@attrs.frozen(kw_only=True, repr=False)
class AgreementRenewed(FieldsRepr):
    """The alliance's agreement (协议) was renewed or first signed: it now reads ``agreement``."""

    kind: Literal["agreement_renewed"] = "agreement_renewed"
    on: datetime.date = attrs.field(converter=f.to_date, validator=f.check_date)
    alliance_id: str = _id()
    agreement: Agreement = attrs.field(validator=attrs.validators.instance_of(Agreement))

    def apply_to(self, registry: Registry) -> Registry:
        """The registry with the alliance's agreement replaced."""
        return _evolve_alliance(registry, self.alliance_id, agreement=self.agreement)


@attrs.frozen(kw_only=True, repr=False)
class AgreementEnded(FieldsRepr):
    """The alliance's agreement term ended ``on`` (its ``expires_on`` becomes that day)."""

    kind: Literal["agreement_ended"] = "agreement_ended"
    on: datetime.date = attrs.field(converter=f.to_date, validator=f.check_date)
    alliance_id: str = _id()

    def apply_to(self, registry: Registry) -> Registry:
        """The registry with the agreement's term ending ``on``."""
        agreement = registry.alliance(self.alliance_id).agreement
        if agreement is None:  # pragma: no cover - the operation refuses this
            return registry
        return _evolve_alliance(
            registry, self.alliance_id, agreement=attrs.evolve(agreement, expires_on=self.on)
        )


@attrs.frozen(kw_only=True, repr=False)
class AllianceDissolved(FieldsRepr):
    """The alliance was dissolved (解散): every current membership ends ``on``."""

    kind: Literal["alliance_dissolved"] = "alliance_dissolved"
    on: datetime.date = attrs.field(converter=f.to_date, validator=f.check_date)
    alliance_id: str = _id()

    def apply_to(self, registry: Registry) -> Registry:
        """The registry with the alliance dissolved and its memberships ended."""
        alliance = registry.alliance(self.alliance_id)
        memberships = tuple(
            attrs.evolve(m, left_on=self.on) if m.left_on is None else m for m in alliance.memberships
        )
        return _evolve_alliance(registry, self.alliance_id, dissolved_on=self.on, memberships=memberships)


# ---------------------------------------------------------------------------- what 三不变 guards


@attrs.frozen(kw_only=True, repr=False)
class UnitMoved(FieldsRepr):
    """A unit was put under another administrative superior (or made a root, with None)."""

    kind: Literal["unit_moved"] = "unit_moved"
    on: datetime.date = attrs.field(converter=f.to_date, validator=f.check_date)
    unit_id: str = _id()
    superior_id: str | None = _optional_id()

    def apply_to(self, registry: Registry) -> Registry:
        """The registry with the unit's superior changed."""
        return registry.with_entities(attrs.evolve(registry.unit(self.unit_id), superior_id=self.superior_id))


@attrs.frozen(kw_only=True, repr=False)
class AssetTransferred(FieldsRepr):
    """An asset passed to another owner."""

    kind: Literal["asset_transferred"] = "asset_transferred"
    on: datetime.date = attrs.field(converter=f.to_date, validator=f.check_date)
    asset_id: str = _id()
    owner_id: str = _id()

    def apply_to(self, registry: Registry) -> Registry:
        """The registry with the asset's owner changed."""
        return registry.with_entities(attrs.evolve(registry.asset(self.asset_id), owner_id=self.owner_id))


@attrs.frozen(kw_only=True, repr=False)
class AssetNatureChanged(FieldsRepr):
    """An asset's nature (资产属性) was changed, e.g. from 村集体资产 to 国有资产."""

    kind: Literal["asset_nature_changed"] = "asset_nature_changed"
    on: datetime.date = attrs.field(converter=f.to_date, validator=f.check_date)
    asset_id: str = _id()
    nature: AssetNature = attrs.field(converter=f.to_asset_nature, validator=f.enum_validator(AssetNature))

    def apply_to(self, registry: Registry) -> Registry:
        """The registry with the asset's nature changed."""
        return registry.with_entities(attrs.evolve(registry.asset(self.asset_id), nature=self.nature))


@attrs.frozen(kw_only=True, repr=False)
class LedgersMerged(FieldsRepr):
    """One ledger's entries were moved into another ledger, and the first was closed."""

    kind: Literal["ledgers_merged"] = "ledgers_merged"
    on: datetime.date = attrs.field(converter=f.to_date, validator=f.check_date)
    source_id: str = _id()
    target_id: str = _id()

    def apply_to(self, registry: Registry) -> Registry:
        """The registry with the source's entries appended to the target and the source gone."""
        source = registry.ledger(self.source_id)
        target = registry.ledger(self.target_id)
        merged = attrs.evolve(target, entries=(*target.entries, *source.entries))
        return registry.with_entities(merged).without(source.id)


@attrs.frozen(kw_only=True, repr=False)
class PartyOrganisationReaffiliated(FieldsRepr):
    """A party organisation was put under another superior organisation (隶属关系 changed)."""

    kind: Literal["party_organisation_reaffiliated"] = "party_organisation_reaffiliated"
    on: datetime.date = attrs.field(converter=f.to_date, validator=f.check_date)
    organisation_id: str = _id()
    superior_id: str | None = _optional_id()

    def apply_to(self, registry: Registry) -> Registry:
        """The registry with the organisation's superior changed."""
        organisation = registry.party_organisation(self.organisation_id)
        return registry.with_entities(attrs.evolve(organisation, superior_id=self.superior_id))


@attrs.frozen(kw_only=True, repr=False)
class PersonReaffiliated(FieldsRepr):
    """A person's party membership was moved to another organisation (组织关系转接)."""

    kind: Literal["person_reaffiliated"] = "person_reaffiliated"
    on: datetime.date = attrs.field(converter=f.to_date, validator=f.check_date)
    person_id: str = _id()
    party_organisation_id: str | None = _optional_id()

    def apply_to(self, registry: Registry) -> Registry:
        """The registry with the person's organisation changed."""
        person = registry.person(self.person_id)
        return registry.with_entities(attrs.evolve(person, party_organisation_id=self.party_organisation_id))


Event: TypeAlias = (
    AllianceFormed
    | MemberAdmitted
    | MemberWithdrew
    | JointCommitteeAppointed
    | SecretaryAppointed
    | JointVentureFounded
    | ContributionRecorded
    | IncomeRecorded
    | IncomeDistributed
    | AgreementRenewed
    | AgreementEnded
    | AllianceDissolved
    | UnitMoved
    | AssetTransferred
    | AssetNatureChanged
    | LedgersMerged
    | PartyOrganisationReaffiliated
    | PersonReaffiliated
    | MeetingHeld
    | DecisionTaken
    | FollowUpClosed
)

#: Every event class, in the order of the :data:`Event` union.
EVENT_TYPES: tuple[type[Event], ...] = (
    AllianceFormed,
    MemberAdmitted,
    MemberWithdrew,
    JointCommitteeAppointed,
    SecretaryAppointed,
    JointVentureFounded,
    ContributionRecorded,
    IncomeRecorded,
    IncomeDistributed,
    AgreementRenewed,
    AgreementEnded,
    AllianceDissolved,
    UnitMoved,
    AssetTransferred,
    AssetNatureChanged,
    LedgersMerged,
    PartyOrganisationReaffiliated,
    PersonReaffiliated,
    MeetingHeld,
    DecisionTaken,
    FollowUpClosed,
)


def apply(registry: Registry, event: Event) -> Registry:
    """The registry after ``event``: the one place where the lifecycle changes a registry."""
    return event.apply_to(registry)


def replay(initial: Registry, events: Iterable[Event]) -> Registry:
    """The registry after every event in order; replaying an operation's log reproduces its result."""
    return reduce(apply, events, initial)

"""Lifecycle operations of an alliance: pure functions ``registry → (new registry, events)``.

Each operation checks its arguments against the registry, builds the one event that says what
happened and returns ``(apply(registry, event), (event,))``. A refused operation raises an
:class:`~dangjian_model.lifecycle.OperationRefused` (or :class:`~dangjian_model.UnknownId`) and
changes nothing. None of them can change a member's superior, assets or books: joining,
coordinating and sharing income all leave those where they were (三不变).
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from typing import TypeVar

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
from dangjian_model._errors import InvalidLabel
from dangjian_model._labels import CustomTerm, LabelledEnum, open_term
from dangjian_model._model import Agreement, Alliance, PartyOrganisation, Project, Unit
from dangjian_model._money import Money
from dangjian_model._registry import Registry
from dangjian_model.allocation import (
    AllocationError,
    GuarantorFlow,
    allocate,
    apportion,
    project_members,
    project_year,
)
from dangjian_model.lifecycle._checks import (
    Outcome,
    active_alliance,
    distinct_participants,
    done,
    find,
    money,
    new_id,
    not_before,
    participant,
)
from dangjian_model.lifecycle._errors import (
    AlreadyMember,
    NotAMember,
    NotEnoughUndistributedIncome,
    OperationRefused,
)
from dangjian_model.lifecycle._events import (
    AgreementEnded,
    AgreementRenewed,
    AllianceDissolved,
    AllianceFormed,
    ContributionRecorded,
    IncomeDistributed,
    IncomeRecorded,
    JointCommitteeAppointed,
    JointVentureFounded,
    MemberAdmitted,
    MemberWithdrew,
    Payout,
    SecretaryAppointed,
    Stake,
)

__all__ = [
    "admit_member",
    "appoint_joint_committee",
    "appoint_secretary",
    "dissolve_alliance",
    "distribute_income",
    "distributed_income",
    "end_agreement",
    "form_alliance",
    "found_joint_venture",
    "record_contribution",
    "record_income",
    "renew_agreement",
    "undistributed_income",
    "withdraw_member",
]


_T = TypeVar("_T", bound=LabelledEnum)


def _term(enum: type[_T], where: str, value: object) -> _T | CustomTerm:
    """A member of an open vocabulary, or new text kept as a custom term (never refused for being new)."""
    try:
        return open_term(enum, value)
    except InvalidLabel as error:
        raise InvalidLabel(where, value, error.expected) from None


def _current_member(alliance: Alliance, where: str, participant_id: str) -> None:
    if participant_id not in alliance.member_ids:
        raise NotAMember(
            where,
            f"{participant_id!r} is not a current member of alliance {alliance.id!r}",
            f"one of {list(alliance.member_ids)}",
        )


# ---------------------------------------------------------------------------- membership


def form_alliance(
    registry: Registry,
    *,
    alliance_id: str,
    name: str,
    type: AllianceType | str,
    lead_id: str,
    member_ids: Sequence[str],
    on: datetime.date,
    linkages: Iterable[Linkage | CustomTerm | str] = (),
    principles: Iterable[Principle | str] = (),
    joint_committee_id: str | None = None,
    agreement: Agreement | None = None,
) -> Outcome:
    """Form an alliance (组建党建联盟) of ``lead_id`` and ``member_ids``, all joining ``on``.

    The lead is a member too; it may be listed in ``member_ids`` or not. An alliance has at least
    two participants, each a unit, party organisation or person of the registry.

    Raises:
        IdInUse: ``alliance_id`` is taken.
        UnknownId: the lead, a member or the joint committee is not in the registry.
        OperationRefused: a member is listed twice, there are fewer than two participants, or
            ``joint_committee_id`` is not a 联合党委.
    """
    where = "form_alliance"
    new_id(registry, f"{where}(alliance_id)", alliance_id)
    participant(registry, f"{where}(lead_id)", lead_id)
    seen = distinct_participants(registry, where, "member_ids", member_ids, "each member once", first=lead_id)
    if len(seen) < 2:
        raise OperationRefused(
            f"{where}(member_ids)", f"only {seen} would take part", "the lead and at least one other member"
        )
    if joint_committee_id is not None:
        _joint_committee(registry, f"{where}(joint_committee_id)", joint_committee_id)
    terms = [_term(Linkage, f"{where}(linkages)", item) for item in linkages]
    event = AllianceFormed(
        on=on,
        alliance_id=alliance_id,
        name=name,
        type=type,
        lead_id=lead_id,
        member_ids=tuple(seen),
        linkages=frozenset(t for t in terms if isinstance(t, Linkage)),
        principles=frozenset(principles),
        joint_committee_id=joint_committee_id,
        agreement=agreement,
        custom_linkages=tuple(sorted(t.label for t in terms if isinstance(t, CustomTerm))),
    )
    return done(registry, event)


def admit_member(
    registry: Registry,
    *,
    alliance_id: str,
    participant_id: str,
    on: datetime.date,
    role: MembershipRole | str = MembershipRole.MEMBER,
) -> Outcome:
    """Admit a unit, party organisation or person to an alliance (吸纳成员). Its superior, assets and
    books stay its own. A former member may be admitted again.

    Raises:
        AlreadyMember: it is a current member.
        AllianceNotActive: the alliance was dissolved.
    """
    where = "admit_member"
    alliance = active_alliance(registry, f"{where}(alliance_id)", alliance_id)
    participant(registry, f"{where}(participant_id)", participant_id)
    if participant_id in alliance.member_ids:
        raise AlreadyMember(
            f"{where}(participant_id)",
            f"{participant_id!r} is already a member of alliance {alliance_id!r}",
            "a unit, party organisation or person that is not a current member",
        )
    not_before(f"{where}(on)", on, alliance.formed_on, "the alliance was formed")
    return done(
        registry, MemberAdmitted(on=on, alliance_id=alliance_id, participant_id=participant_id, role=role)
    )


def withdraw_member(
    registry: Registry, *, alliance_id: str, participant_id: str, on: datetime.date
) -> Outcome:
    """A member withdraws (退出) ``on``. The lead cannot withdraw: dissolve the alliance instead.

    Raises:
        NotAMember: it is not a current member.
        OperationRefused: it is the lead, or ``on`` is before it joined.
    """
    where = "withdraw_member"
    alliance = active_alliance(registry, f"{where}(alliance_id)", alliance_id)
    _current_member(alliance, f"{where}(participant_id)", participant_id)
    if participant_id == alliance.lead_id:
        raise OperationRefused(
            f"{where}(participant_id)",
            f"{participant_id!r} leads alliance {alliance_id!r}",
            "another member; to end the lead's part, dissolve the alliance",
        )
    membership = alliance.membership_of(participant_id)
    not_before(f"{where}(on)", on, membership.joined_on if membership else None, "it joined")
    return done(registry, MemberWithdrew(on=on, alliance_id=alliance_id, participant_id=participant_id))


# ---------------------------------------------------------------------------- the joint committee


def _joint_committee(registry: Registry, where: str, id: str) -> PartyOrganisation:
    organisation = find(where, registry.party_organisation, id)
    if organisation.form is not PartyOrgForm.JOINT_COMMITTEE:
        raise OperationRefused(
            where,
            f"{id!r} is a {organisation.form.label}",
            "a 联合党委 (joint committee) or a new one's id and name",
        )
    return organisation


def appoint_joint_committee(
    registry: Registry,
    *,
    alliance_id: str,
    committee_id: str,
    on: datetime.date,
    name: str | None = None,
    superior_id: str | None = None,
) -> Outcome:
    """Appoint the joint committee (联合党委) that coordinates an alliance, or change it.

    With ``name``, a new 联合党委 is set up under ``superior_id`` (e.g. the township committee),
    covering the member units; without, ``committee_id`` must be an existing 联合党委. The committee
    coordinates the members' organisations: none of them is moved under it.

    Raises:
        IdInUse: ``name`` is given and ``committee_id`` is taken.
        UnknownId: the alliance, the committee or ``superior_id`` is not in the registry.
        OperationRefused: ``committee_id`` is not a 联合党委, or already coordinates the alliance.
    """
    where = "appoint_joint_committee"
    alliance = active_alliance(registry, f"{where}(alliance_id)", alliance_id)
    not_before(f"{where}(on)", on, alliance.formed_on, "the alliance was formed")
    hosts: tuple[str, ...] = ()
    if name is None:
        _joint_committee(registry, f"{where}(committee_id)", committee_id)
        if alliance.joint_committee_id == committee_id:
            raise OperationRefused(
                f"{where}(committee_id)",
                f"{committee_id!r} already coordinates alliance {alliance_id!r}",
                "another joint committee",
            )
    else:
        new_id(registry, f"{where}(committee_id)", committee_id)
        if superior_id is not None:
            find(f"{where}(superior_id)", registry.party_organisation, superior_id)
        hosts = tuple(id for id in alliance.member_ids if isinstance(registry.find(id), Unit))
    event = JointCommitteeAppointed(
        on=on,
        alliance_id=alliance_id,
        committee_id=committee_id,
        name=name,
        superior_id=superior_id if name is not None else None,
        host_unit_ids=hosts,
    )
    return done(registry, event)


def appoint_secretary(
    registry: Registry, *, alliance_id: str, secretary_id: str, on: datetime.date
) -> Outcome:
    """Appoint (or change) the secretary (书记) of the alliance's joint committee.

    The person keeps their own party organisation (原组织隶属关系不变).

    Raises:
        OperationRefused: the alliance has no joint committee, or the person is already its secretary.
        UnknownId: the person is not in the registry.
    """
    where = "appoint_secretary"
    alliance = active_alliance(registry, f"{where}(alliance_id)", alliance_id)
    if alliance.joint_committee_id is None:
        raise OperationRefused(
            f"{where}(alliance_id)",
            f"alliance {alliance_id!r} has no joint committee",
            "appoint one first with appoint_joint_committee",
        )
    committee = find(f"{where}(alliance_id)", registry.party_organisation, alliance.joint_committee_id)
    find(f"{where}(secretary_id)", registry.person, secretary_id)
    if committee.committee is not None and committee.committee.secretary_id == secretary_id:
        raise OperationRefused(
            f"{where}(secretary_id)", f"{secretary_id!r} is already its secretary", "another person"
        )
    event = SecretaryAppointed(
        on=on, alliance_id=alliance_id, committee_id=committee.id, secretary_id=secretary_id
    )
    return done(registry, event)


# ---------------------------------------------------------------------------- joint ventures

#: The nature of a stake, by the kind of unit that holds it, when the caller does not say.
_NATURE_OF: dict[UnitKind, AssetNature] = {
    UnitKind.VILLAGE: AssetNature.VILLAGE_COLLECTIVE,
    UnitKind.COLLECTIVE_ENTERPRISE: AssetNature.COLLECTIVE_ENTERPRISE,
    UnitKind.COOPERATIVE: AssetNature.COLLECTIVE_ENTERPRISE,
    UnitKind.STATE_ENTERPRISE: AssetNature.STATE,
    UnitKind.GOVERNMENT_ORGAN: AssetNature.STATE,
    UnitKind.PUBLIC_INSTITUTION: AssetNature.STATE,
    UnitKind.PRIVATE_ENTERPRISE: AssetNature.PRIVATE,
    UnitKind.MERCHANT: AssetNature.PRIVATE,
    UnitKind.SOCIAL_ORGANISATION: AssetNature.SOCIAL,
}


def found_joint_venture(
    registry: Registry,
    *,
    alliance_id: str,
    company_id: str,
    name: str,
    founder_ids: Sequence[str],
    on: datetime.date,
    natures: Mapping[str, AssetNature | str] | None = None,
    capital: Mapping[str, Money | str] | None = None,
    unit_kind: UnitKind | str = UnitKind.COLLECTIVE_ENTERPRISE,
    superior_id: str | None = None,
    project_id: str | None = None,
) -> Outcome:
    """Members co-found a company (共同出资组建公司), such as 忆山文旅有限公司.

    The company becomes a new unit with its own ledger ``{company_id}-books``. Each founder's stake
    becomes a new asset ``{founder}-stake-{company_id}`` owned by that founder, of the founder's own
    nature (``natures``, or by the founder's kind: a village's stake is 村集体资产). If a project
    is named, the company runs it.

    Raises:
        NotAMember: a founder is not a current member unit of the alliance.
        IdInUse: the company's, its ledger's or a stake's id is taken.
        OperationRefused: fewer than two founders, or a founder whose stake's nature is not given
            and cannot be told from its kind.
    """
    where = "found_joint_venture"
    alliance = active_alliance(registry, f"{where}(alliance_id)", alliance_id)
    not_before(f"{where}(on)", on, alliance.formed_on, "the alliance was formed")
    new_id(registry, f"{where}(company_id)", company_id)
    ledger_id = new_id(registry, f"{where}(company_id)", f"{company_id}-books")
    if len(set(founder_ids)) < 2 or len(set(founder_ids)) != len(founder_ids):
        raise OperationRefused(
            f"{where}(founder_ids)",
            f"{list(founder_ids)} are not two or more distinct founders",
            "two or more members",
        )
    if superior_id is not None:
        find(f"{where}(superior_id)", registry.unit, superior_id)
    if project_id is not None:
        project = find(f"{where}(project_id)", registry.project, project_id)
        if project.alliance_id != alliance_id:
            raise OperationRefused(
                f"{where}(project_id)",
                f"project {project_id!r} belongs to alliance {project.alliance_id!r}",
                f"a project of alliance {alliance_id!r}",
            )
    stakes = []
    for index, founder_id in enumerate(founder_ids):
        at = f"{where}(founder_ids[{index}])"
        _current_member(alliance, at, founder_id)
        founder = registry.find(founder_id)
        if not isinstance(founder, Unit):
            raise NotAMember(at, f"{founder_id!r} is not a unit", "a member unit, which can hold a stake")
        nature = (natures or {}).get(founder_id) or _NATURE_OF.get(founder.kind)
        if nature is None:
            raise OperationRefused(
                f"{where}(natures)",
                f"the nature of {founder_id!r}'s stake is not given and a {founder.kind.label} has no default",
                f"natures={{{founder_id!r}: '村集体资产' | '国有资产' | …}}",
            )
        value = (capital or {}).get(founder_id)
        stakes.append(
            Stake(
                asset_id=new_id(registry, at, f"{founder_id}-stake-{company_id}"),
                holder_id=founder_id,
                name=f"{founder.name}持有{name}股权",
                nature=nature,
                value=None if value is None else Money.parse(value, where=f"{where}(capital)"),
            )
        )
    event = JointVentureFounded(
        on=on,
        alliance_id=alliance_id,
        company_id=company_id,
        name=name,
        unit_kind=unit_kind,
        superior_id=superior_id,
        ledger_id=ledger_id,
        stakes=tuple(stakes),
        project_id=project_id,
    )
    return done(registry, event)


# ---------------------------------------------------------------------------- projects and income


def record_contribution(
    registry: Registry,
    *,
    project_id: str,
    contributor_id: str,
    kind: ContributionKind | str,
    on: datetime.date,
    amount: Money | str | None = None,
    quantity: Decimal | int | str | None = None,
    quantity_unit: QuantityUnit | CustomTerm | str | None = None,
) -> Outcome:
    """Record what a member put into a joint project: money (``amount``) or land, quotas, labour …
    (``quantity`` in ``quantity_unit``). The contributor must be a current member of the project's
    alliance; money kinds need an amount.

    Raises:
        NotAMember: the contributor is not a current member of the project's alliance.
        OperationRefused: a money kind without an amount above zero.
    """
    where = "record_contribution"
    project = find(f"{where}(project_id)", registry.project, project_id)
    participant(registry, f"{where}(contributor_id)", contributor_id)
    if project.alliance_id is not None:
        alliance = active_alliance(registry, f"{where}(project_id)", project.alliance_id)
        _current_member(alliance, f"{where}(contributor_id)", contributor_id)
    unit = None if quantity_unit is None else _term(QuantityUnit, f"{where}(quantity_unit)", quantity_unit)
    event = ContributionRecorded(
        on=on,
        project_id=project_id,
        contributor_id=contributor_id,
        contribution_kind=kind,
        amount=None if amount is None else money(f"{where}(amount)", amount),
        quantity=quantity,
        quantity_unit=unit if isinstance(unit, QuantityUnit) else None,
        custom_quantity_unit=unit.label if isinstance(unit, CustomTerm) else None,
    )
    if event.contribution_kind.is_monetary and event.amount is None:
        raise OperationRefused(
            f"{where}(amount)",
            f"a {event.contribution_kind.label} contribution has no amount",
            "an amount in 元",
        )
    return done(registry, event)


def record_income(
    registry: Registry,
    *,
    project_id: str,
    amount: Money | str,
    on: datetime.date,
    period: str | None = None,
    description: str | None = None,
) -> Outcome:
    """Record income a joint project earned; it stays undistributed until :func:`distribute_income`.

    Raises:
        OperationRefused: the amount is not above zero.
    """
    where = "record_income"
    find(f"{where}(project_id)", registry.project, project_id)
    event = IncomeRecorded(
        on=on,
        project_id=project_id,
        amount=money(f"{where}(amount)", amount),
        period=period,
        description=description,
    )
    return done(registry, event)


def distributed_income(registry: Registry, project_id: str) -> Money:
    """The project's income paid out so far: every ledger entry that references the project."""
    return sum(
        (e.amount for ledger in registry.ledgers for e in ledger.entries if e.reference == project_id),
        Money.ZERO,
    )


def undistributed_income(registry: Registry, project_id: str) -> Money:
    """Income recorded on the project and not yet distributed (recorded minus distributed)."""
    project = find("undistributed_income(project_id)", registry.project, project_id)
    return project.total_income - distributed_income(registry, project_id)


def _split(total: Money, member_ids: Sequence[str]) -> dict[str, Money]:
    """An equal split (平分) exact to the 分, by the allocation engine: left-over 分 go to the smallest ids.

    >>> _split(Money(100), ["c", "a", "b"])
    {'a': Money('0.34元'), 'b': Money('0.33元'), 'c': Money('0.33元')}
    """
    parts = apportion(total.fen, dict.fromkeys(member_ids, 1))
    return {id: Money(parts[id]) for id in sorted(member_ids)}


def _shares(
    registry: Registry, project: Project, value: Money, on: datetime.date, payees: Sequence[str], chosen: bool
) -> tuple[dict[str, Money], tuple[GuarantorFlow, ...]]:
    """Each payee's part by the project's rule (平分 among ``payees`` without one) and any guarantor flows."""
    if project.allocation_rule is None:
        split = _split(value, payees)
        return {id: split[id] for id in payees}, ()
    members = project_members(registry, project)
    if chosen:
        wanted = set(payees)
        members = tuple(m for m in members if m.id in wanted)
    try:
        result = allocate(project.allocation_rule, value, members, year=project_year(project, on))
    except AllocationError as error:
        raise OperationRefused(
            "distribute_income(project_id)",
            f"the allocation rule of project {project.id!r} cannot share among {sorted(m.id for m in members)}: {error}",
            "payees and a rule that fit together (see validation rule DJ508)",
        ) from None
    return result.amounts(), result.guarantor_flows


def distribute_income(
    registry: Registry,
    *,
    project_id: str,
    amount: Money | str,
    on: datetime.date,
    member_ids: Sequence[str] | None = None,
) -> Outcome:
    """Share ``amount`` of a project's undistributed income among members (所得收入共同分配).

    Each member's part is one entry in its own ledger (the first it keeps, by id), referencing the
    project: the money reaches each member's own books and no one else's (账务核算不变). The split
    is equal and exact to the 分. ``member_ids`` defaults to the alliance's current member units.

    Raises:
        NotEnoughUndistributedIncome: ``amount`` is more than the project's undistributed income.
        NotAMember: a payee is not a current member.
        OperationRefused: the project has no alliance, there is no payee, or a payee keeps no ledger.
    """
    where = "distribute_income"
    project = find(f"{where}(project_id)", registry.project, project_id)
    if project.alliance_id is None:
        raise OperationRefused(
            f"{where}(project_id)",
            f"project {project_id!r} belongs to no alliance",
            "a project of an alliance",
        )
    alliance = active_alliance(registry, f"{where}(project_id)", project.alliance_id)
    value = money(f"{where}(amount)", amount)
    available = undistributed_income(registry, project_id)
    if value > available:
        raise NotEnoughUndistributedIncome(
            f"{where}(amount)",
            f"{value} is more than the {available} of project {project_id!r} not yet distributed",
            f"at most {available}; record the income first with record_income",
        )
    if member_ids is None:
        payees = [id for id in alliance.member_ids if isinstance(registry.find(id), Unit)]
    else:
        payees = list(dict.fromkeys(member_ids))
    if not payees:
        raise OperationRefused(f"{where}(member_ids)", "there is no one to pay", "one or more member units")
    parts, flows = _shares(registry, project, value, on, payees, member_ids is not None)
    ledger_of: dict[str, str] = {}
    for index, id in enumerate(dict.fromkeys([*parts, *(f.guarantor_id for f in flows)])):
        at = f"{where}(member_ids[{index}])" if id in payees else f"{where}(payee {id!r})"
        if id in parts:
            _current_member(alliance, at, id)
        ledgers = registry.ledgers_of(id)
        if not ledgers:
            raise OperationRefused(at, f"{id!r} keeps no ledger (账套)", "payees that keep their own books")
        ledger_of[id] = ledgers[0].id
    payouts = [
        Payout(member_id=id, ledger_id=ledger_of[id], amount=part) for id, part in parts.items() if part.fen
    ]
    for flow in flows:  # 柯桥: the guarantor covers a shortfall from its own books; the pool is not touched
        payouts.append(
            Payout(member_id=flow.member_id, ledger_id=ledger_of[flow.member_id], amount=flow.amount)
        )
        payouts.append(
            Payout(member_id=flow.guarantor_id, ledger_id=ledger_of[flow.guarantor_id], amount=-flow.amount)
        )
    event = IncomeDistributed(
        on=on, project_id=project_id, description=f"{project.name} 收益分配", payouts=tuple(payouts)
    )
    return done(registry, event)


# ---------------------------------------------------------------------------- agreement and end


def renew_agreement(
    registry: Registry,
    *,
    alliance_id: str,
    expires_on: datetime.date,
    on: datetime.date,
    title: str | None = None,
) -> Outcome:
    """Renew the alliance's agreement (续签) until ``expires_on``, or sign a first one (then ``title``
    is needed). The renewed agreement is signed ``on`` and keeps its title unless a new one is given.

    Raises:
        OperationRefused: ``expires_on`` is not after ``on``, or there is no agreement and no title.
    """
    where = "renew_agreement"
    alliance = active_alliance(registry, f"{where}(alliance_id)", alliance_id)
    if expires_on <= on:
        raise OperationRefused(
            f"{where}(expires_on)",
            f"{expires_on.isoformat()} is not after {on.isoformat()}",
            "a later expiry date",
        )
    current = alliance.agreement
    if current is None and title is None:
        raise OperationRefused(
            f"{where}(title)",
            f"alliance {alliance_id!r} has no agreement to renew",
            "a title for a new agreement",
        )
    agreement = Agreement(
        title=title if title is not None else current.title,  # type: ignore[union-attr]
        signed_on=on,
        expires_on=expires_on,
        contract_based=True if current is None else current.contract_based,
    )
    return done(registry, AgreementRenewed(on=on, alliance_id=alliance_id, agreement=agreement))


def end_agreement(registry: Registry, *, alliance_id: str, on: datetime.date) -> Outcome:
    """End the alliance's agreement term ``on`` (the alliance itself goes on).

    Raises:
        OperationRefused: there is no agreement, or its term had already ended before ``on``.
    """
    where = "end_agreement"
    alliance = active_alliance(registry, f"{where}(alliance_id)", alliance_id)
    agreement = alliance.agreement
    if agreement is None:
        raise OperationRefused(
            f"{where}(alliance_id)", f"alliance {alliance_id!r} has no agreement", "renew_agreement"
        )
    if agreement.expires_on is not None and agreement.expires_on < on:
        raise OperationRefused(
            f"{where}(on)",
            f"the agreement already ended on {agreement.expires_on.isoformat()}",
            "a date on or before the end of its term",
        )
    not_before(f"{where}(on)", on, agreement.signed_on, "the agreement was signed")
    return done(registry, AgreementEnded(on=on, alliance_id=alliance_id))


def dissolve_alliance(registry: Registry, *, alliance_id: str, on: datetime.date) -> Outcome:
    """Dissolve the alliance (解散) ``on``: every current membership ends. Each member leaves with
    its superior, assets and books exactly as they are.

    Raises:
        OperationRefused: a project of the alliance still has undistributed income (distribute it
            first, so that nothing is left in the air).
    """
    where = "dissolve_alliance"
    alliance = active_alliance(registry, f"{where}(alliance_id)", alliance_id)
    not_before(f"{where}(on)", on, alliance.formed_on, "the alliance was formed")
    for project in registry.projects_of(alliance_id):
        left = undistributed_income(registry, project.id)
        if left:
            raise OperationRefused(
                f"{where}(alliance_id)",
                f"project {project.id!r} still has {left} of undistributed income",
                "distribute it with distribute_income first",
            )
    return done(registry, AllianceDissolved(on=on, alliance_id=alliance_id))

"""Random histories of every lifecycle operation, on random registries, keep every promise.

After every step: 三不变 holds for every member (the checker finds no breach between the
registry before and after the step), money in all ledgers plus undistributed income equals all
income recorded (relative to the start), every reference resolves, every event survives a JSON
round trip, and replaying the event log from the start reproduces the registry.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Sequence

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, rule

from dangjian_model import (
    THREE_UNCHANGED,
    AllianceType,
    AssetNature,
    ContributionKind,
    DecisionEffect,
    FollowUp,
    FollowUpStatus,
    Linkage,
    Meeting,
    MeetingKind,
    Money,
    PartyOrganisation,
    PartyOrgForm,
    Principle,
    Registry,
    Unit,
    UnknownId,
)
from dangjian_model import lifecycle as lc
from dangjian_model.strategies import registries
from tests.lifecycle._support import money_position, round_trip, unresolved_references

REFUSED = (lc.OperationRefused, UnknownId)
PRINCIPLE_SETS = st.one_of(
    st.just(THREE_UNCHANGED),
    st.just(THREE_UNCHANGED | {Principle.AFFILIATION_UNCHANGED}),
    st.frozensets(st.sampled_from(Principle)),
)


class AllianceLifecycle(RuleBasedStateMachine):
    """A registry that lives through random lifecycle operations and forbidden-change attempts."""

    def __init__(self) -> None:
        super().__init__()
        self.start = Registry()
        self.registry = Registry()
        self.log: list[lc.Event] = []
        self.day = datetime.date(2026, 1, 1)
        self.serial = 0

    @initialize(registry=registries(max_townships=2, max_villages=3, max_alliances=2))
    def begin(self, registry: Registry) -> None:
        self.start = self.registry = registry

    # ------------------------------------------------------------------ helpers

    def next_day(self) -> datetime.date:
        self.day += datetime.timedelta(days=1)
        return self.day

    def new_id(self, prefix: str) -> str:
        self.serial += 1
        return f"sm-{prefix}-{self.serial}"

    def when(self, data: st.DataObject, *subject_ids: str) -> datetime.date:
        """The next day, or a day in the past: often inside a membership of a subject that has ended."""
        choice = data.draw(st.integers(0, 2))
        ended = [
            m
            for a in self.registry.alliances
            for m in a.memberships
            if m.participant_id in subject_ids and m.left_on is not None
        ]
        if choice == 1 and ended:
            membership = data.draw(st.sampled_from(ended))
            assert membership.left_on is not None
            start = membership.joined_on or membership.left_on - datetime.timedelta(days=365)
            days = max(0, (membership.left_on - start).days - 1)
            return start + datetime.timedelta(days=data.draw(st.integers(0, days)))
        if choice == 2:
            return self.day - datetime.timedelta(days=data.draw(st.integers(0, 30)))
        return self.next_day()

    def former_member_or_any(self, data: st.DataObject, ids: Sequence[str]) -> str:
        """One of ``ids``, often one that has left an alliance (the case dated changes must watch)."""
        former = [
            m.participant_id
            for a in self.registry.alliances
            for m in a.memberships
            if m.left_on is not None and m.participant_id in ids
        ]
        prefer_former: bool = data.draw(st.booleans())
        if former and prefer_former:
            return data.draw(st.sampled_from(former))
        return data.draw(st.sampled_from(list(ids)))

    def attempt(
        self,
        operation: Callable[[], lc.Outcome],
        *,
        protected: bool | None = None,
        on: datetime.date | None = None,
    ) -> bool:
        """Run one operation; on success check the step, and keep the new registry and its events.

        ``protected`` says whether a 三不变 guard must refuse it (None: the operation is not guarded);
        ``on`` is the day a guarded operation carries, which the checker judges it by.
        """
        before = self.registry
        try:
            after, events = operation()
        except lc.PrincipleViolation:
            assert protected, "refused for a principle, but nothing protected the subject"
            return False
        except REFUSED:
            return False
        assert not protected, "a change 三不变 forbids went through"
        assert lc.check_three_unchanged(before, after, on=on) == ()
        for event in events:
            assert round_trip(event) == event
        assert lc.replay(before, events) == after
        self.registry = after
        self.log.extend(events)
        return True

    def pick(self, data: st.DataObject, ids: Sequence[str], unknown: str = "nobody") -> str:
        """One of ``ids``, or now and then an id that names nothing."""
        if not ids or data.draw(st.integers(0, 9)) == 0:
            return unknown
        return data.draw(st.sampled_from(list(ids)))

    def participants(self) -> list[str]:
        r = self.registry
        return [u.id for u in r.units] + [o.id for o in r.party_organisations] + [p.id for p in r.people]

    def alliance_ids(self) -> list[str]:
        return [a.id for a in self.registry.alliances]

    def member_units_with_ledgers(self, alliance_id: str) -> list[str]:
        alliance = self.registry.alliance(alliance_id)
        return [
            id
            for id in alliance.member_ids
            if isinstance(self.registry.find(id), Unit) and self.registry.ledgers_of(id)
        ]

    # ------------------------------------------------------------------ lifecycle operations

    @rule(data=st.data())
    def form_an_alliance(self, data: st.DataObject) -> None:
        units = [u.id for u in self.registry.units]
        others = self.participants()
        if len(units) < 2:
            return
        members = data.draw(st.lists(st.sampled_from(units), min_size=2, max_size=4, unique=True))
        add_other: bool = data.draw(st.booleans())
        if others and add_other:
            members.append(data.draw(st.sampled_from(others)))
        self.attempt(
            lambda: lc.form_alliance(
                self.registry,
                alliance_id=self.new_id("alliance"),
                name="片区党建联盟",
                type=data.draw(st.sampled_from(AllianceType)),
                lead_id=members[0],
                member_ids=members[1:],
                on=self.next_day(),
                linkages=data.draw(st.frozensets(st.sampled_from(Linkage), max_size=4)),
                principles=data.draw(PRINCIPLE_SETS),
            )
        )

    @rule(data=st.data())
    def admit_a_member(self, data: st.DataObject) -> None:
        alliance_id = self.pick(data, self.alliance_ids())
        participant_id = self.pick(data, self.participants())
        self.attempt(
            lambda: lc.admit_member(
                self.registry, alliance_id=alliance_id, participant_id=participant_id, on=self.next_day()
            )
        )

    @rule(data=st.data())
    def a_member_withdraws(self, data: st.DataObject) -> None:
        alliance_id = self.pick(data, self.alliance_ids())
        alliance = self.registry.find(alliance_id)
        members = [m.participant_id for m in getattr(alliance, "memberships", ())]
        participant_id = self.pick(data, members)
        self.attempt(
            lambda: lc.withdraw_member(
                self.registry, alliance_id=alliance_id, participant_id=participant_id, on=self.next_day()
            )
        )

    @rule(data=st.data())
    def appoint_a_joint_committee(self, data: st.DataObject) -> None:
        alliance_id = self.pick(data, self.alliance_ids())
        committees = [
            o.id for o in self.registry.party_organisations if o.form is PartyOrgForm.JOINT_COMMITTEE
        ]
        existing: bool = data.draw(st.booleans())
        if committees and existing:
            committee_id, name, superior_id = data.draw(st.sampled_from(committees)), None, None
        else:
            committee_id, name = self.new_id("joint-committee"), "片区联合党委"
            superior_id = self.pick(data, [o.id for o in self.registry.party_organisations])
        self.attempt(
            lambda: lc.appoint_joint_committee(
                self.registry,
                alliance_id=alliance_id,
                committee_id=committee_id,
                name=name,
                superior_id=superior_id,
                on=self.next_day(),
            )
        )

    @rule(data=st.data())
    def appoint_a_secretary(self, data: st.DataObject) -> None:
        alliance_id = self.pick(data, self.alliance_ids())
        secretary_id = self.pick(data, [p.id for p in self.registry.people])
        self.attempt(
            lambda: lc.appoint_secretary(
                self.registry, alliance_id=alliance_id, secretary_id=secretary_id, on=self.next_day()
            )
        )

    @rule(data=st.data())
    def co_found_a_joint_venture(self, data: st.DataObject) -> None:
        alliance_id = self.pick(data, self.alliance_ids())
        alliance = self.registry.find(alliance_id)
        units = [id for id in getattr(alliance, "member_ids", ()) if isinstance(self.registry.find(id), Unit)]
        if len(units) < 2:
            return
        founders = data.draw(st.lists(st.sampled_from(units), min_size=2, max_size=len(units), unique=True))
        projects = [p.id for p in self.registry.projects_of(alliance_id)]
        project_id = data.draw(st.none() | st.sampled_from(projects)) if projects else None
        natures = {id: data.draw(st.sampled_from(AssetNature)) for id in founders}
        self.attempt(
            lambda: lc.found_joint_venture(
                self.registry,
                alliance_id=alliance_id,
                company_id=self.new_id("company"),
                name="文旅有限公司",
                founder_ids=founders,
                natures=natures,
                capital={id: Money(data.draw(st.integers(1, 10**9))) for id in founders},
                superior_id=self.registry.unit(founders[0]).superior_id,
                project_id=project_id,
                on=self.next_day(),
            )
        )

    @rule(data=st.data())
    def record_a_contribution(self, data: st.DataObject) -> None:
        project_id = self.pick(data, [p.id for p in self.registry.projects])
        project = self.registry.find(project_id)
        alliance = self.registry.find(getattr(project, "alliance_id", None) or "nobody")
        contributor_id = self.pick(data, list(getattr(alliance, "member_ids", ())))
        kind = data.draw(st.sampled_from(ContributionKind))
        amount = data.draw(st.none() | st.integers(1, 10**9).map(Money))
        self.attempt(
            lambda: lc.record_contribution(
                self.registry,
                project_id=project_id,
                contributor_id=contributor_id,
                kind=kind,
                amount=amount,
                quantity=None if kind.is_monetary else data.draw(st.none() | st.integers(1, 500)),
                on=self.next_day(),
            )
        )

    @rule(data=st.data())
    def record_income(self, data: st.DataObject) -> None:
        project_id = self.pick(data, [p.id for p in self.registry.projects])
        amount = Money(data.draw(st.integers(1, 10**9)))
        self.attempt(
            lambda: lc.record_income(self.registry, project_id=project_id, amount=amount, on=self.next_day())
        )

    @rule(data=st.data())
    def distribute_income(self, data: st.DataObject) -> None:
        projects = [p for p in self.registry.projects if p.alliance_id in self.registry]
        if not projects:
            return
        project = data.draw(st.sampled_from(projects))
        assert project.alliance_id is not None
        available = lc.undistributed_income(self.registry, project.id)
        too_much = data.draw(st.integers(0, 9)) == 0
        amount = available + Money(1) if too_much else Money(data.draw(st.integers(1, max(1, available.fen))))
        payees = self.member_units_with_ledgers(project.alliance_id)
        distributed = self.attempt(
            lambda: lc.distribute_income(
                self.registry, project_id=project.id, amount=amount, member_ids=payees, on=self.next_day()
            )
        )
        if too_much or amount > available:
            assert not distributed, "distributed more than the undistributed income"

    @rule(data=st.data())
    def renew_an_agreement(self, data: st.DataObject) -> None:
        alliance_id = self.pick(data, self.alliance_ids())
        on = self.next_day()
        years = data.draw(st.integers(1, 5))
        title = data.draw(st.none() | st.just("共建协议"))
        self.attempt(
            lambda: lc.renew_agreement(
                self.registry,
                alliance_id=alliance_id,
                expires_on=on + datetime.timedelta(days=365 * years),
                title=title,
                on=on,
            )
        )

    @rule(data=st.data())
    def end_an_agreement(self, data: st.DataObject) -> None:
        alliance_id = self.pick(data, self.alliance_ids())
        self.attempt(lambda: lc.end_agreement(self.registry, alliance_id=alliance_id, on=self.next_day()))

    @rule(data=st.data())
    def dissolve_an_alliance(self, data: st.DataObject) -> None:
        alliance_id = self.pick(data, self.alliance_ids())
        self.attempt(lambda: lc.dissolve_alliance(self.registry, alliance_id=alliance_id, on=self.next_day()))

    # ------------------------------------------------------------------ changes 三不变 guards

    def protected(self, principle: Principle, on: datetime.date, *subject_ids: str) -> bool:
        """Protected today or on the day the change carries (see ``member_on`` for the direct case)."""
        registry = self.registry
        found = any(
            lc.protecting_alliances(registry, principle, id)
            or lc.protecting_alliances(registry, principle, id, on)
            for id in subject_ids
        )
        if principle is not Principle.AFFILIATION_UNCHANGED:  # units: only their own memberships count
            assert found == any(self.member_on(principle, id, on) for id in subject_ids)
        return found

    def member_on(self, principle: Principle, unit_id: str, on: datetime.date) -> bool:
        """The unit is a member today, or was on ``on``, of an alliance in force then declaring ``principle``."""
        for alliance in self.registry.alliances:
            if principle not in alliance.principles:
                continue
            for m in alliance.memberships:
                if m.participant_id != unit_id:
                    continue
                if m.left_on is None and alliance.dissolved_on is None:
                    return True
                formed = alliance.formed_on is None or alliance.formed_on <= on
                standing = alliance.dissolved_on is None or on < alliance.dissolved_on
                joined = m.joined_on is None or m.joined_on <= on
                if formed and standing and joined and (m.left_on is None or on < m.left_on):
                    return True
        return False

    @rule(data=st.data())
    def try_to_move_a_unit(self, data: st.DataObject) -> None:
        units = [u.id for u in self.registry.units]
        unit_id = self.former_member_or_any(data, units)
        on = self.when(data, unit_id)
        superior_id = data.draw(st.none() | st.sampled_from(units))
        self.attempt(
            lambda: lc.move_unit(self.registry, unit_id=unit_id, superior_id=superior_id, on=on),
            on=on,
            protected=self.protected(Principle.MANAGEMENT_HIERARCHY_UNCHANGED, on, unit_id),
        )

    @rule(data=st.data())
    def try_to_transfer_an_asset(self, data: st.DataObject) -> None:
        if not self.registry.assets:
            return
        asset = data.draw(st.sampled_from(self.registry.assets))
        on = self.when(data, asset.owner_id)
        owner_id = data.draw(st.sampled_from([u.id for u in self.registry.units]))
        self.attempt(
            lambda: lc.transfer_asset(self.registry, asset_id=asset.id, owner_id=owner_id, on=on),
            on=on,
            protected=owner_id != asset.owner_id
            and self.protected(Principle.ASSET_NATURE_UNCHANGED, on, asset.owner_id),
        )

    @rule(data=st.data())
    def try_to_change_an_asset_nature(self, data: st.DataObject) -> None:
        if not self.registry.assets:
            return
        owners = [a.owner_id for a in self.registry.assets]
        owner_id = self.former_member_or_any(data, owners)
        asset = data.draw(st.sampled_from([a for a in self.registry.assets if a.owner_id == owner_id]))
        on = self.when(data, asset.owner_id)
        nature = data.draw(st.sampled_from(AssetNature))
        self.attempt(
            lambda: lc.change_asset_nature(self.registry, asset_id=asset.id, nature=nature, on=on),
            on=on,
            protected=nature is not asset.nature
            and self.protected(Principle.ASSET_NATURE_UNCHANGED, on, asset.owner_id),
        )

    @rule(data=st.data())
    def try_to_merge_ledgers(self, data: st.DataObject) -> None:
        if len(self.registry.ledgers) < 2:
            return
        source, target = data.draw(
            st.lists(st.sampled_from(self.registry.ledgers), min_size=2, max_size=2, unique=True)
        )
        on = self.when(data, source.owner_id, target.owner_id)
        self.attempt(
            lambda: lc.merge_ledgers(self.registry, source_id=source.id, target_id=target.id, on=on),
            on=on,
            protected=self.protected(Principle.ACCOUNTING_UNCHANGED, on, source.owner_id, target.owner_id),
        )

    @rule(data=st.data())
    def try_to_reaffiliate_an_organisation(self, data: st.DataObject) -> None:
        organisations = self.registry.party_organisations
        organisation: PartyOrganisation = data.draw(st.sampled_from(organisations))
        on = self.when(data, organisation.id, *organisation.host_unit_ids)
        superior_id = data.draw(st.none() | st.sampled_from([o.id for o in organisations]))
        protected = self.protected(Principle.AFFILIATION_UNCHANGED, on, organisation.id)
        succeeded = self.attempt(
            lambda: lc.reaffiliate_organisation(
                self.registry, organisation_id=organisation.id, superior_id=superior_id, on=on
            ),
            on=on,
            protected=protected,
        )
        assert not (protected and succeeded)

    @rule(data=st.data())
    def try_to_reaffiliate_a_person(self, data: st.DataObject) -> None:
        if not self.registry.people:
            return
        person = data.draw(st.sampled_from(self.registry.people))
        on = self.when(data, person.id)
        organisation_id = data.draw(
            st.none() | st.sampled_from([o.id for o in self.registry.party_organisations])
        )
        self.attempt(
            lambda: lc.reaffiliate_person(
                self.registry, person_id=person.id, party_organisation_id=organisation_id, on=on
            ),
            on=on,
            protected=organisation_id != person.party_organisation_id
            and self.protected(Principle.AFFILIATION_UNCHANGED, on, person.id),
        )

    @rule(data=st.data())
    def a_unit_withdraws_and_a_change_is_dated_inside_its_membership(self, data: st.DataObject) -> None:
        members = [
            (a.id, m.participant_id)
            for a in self.registry.alliances
            for m in a.memberships
            if m.left_on is None
            and a.dissolved_on is None
            and isinstance(self.registry.find(m.participant_id), Unit)
        ]
        if not members:
            return
        alliance_id, unit_id = data.draw(st.sampled_from(members))
        withdrawn = self.attempt(
            lambda: lc.withdraw_member(
                self.registry, alliance_id=alliance_id, participant_id=unit_id, on=self.next_day()
            )
        )
        if not withdrawn:
            return
        on = self.when(data, unit_id)
        units = [u.id for u in self.registry.units]
        superior_id = data.draw(st.none() | st.sampled_from(units))
        self.attempt(
            lambda: lc.move_unit(self.registry, unit_id=unit_id, superior_id=superior_id, on=on),
            on=on,
            protected=self.protected(Principle.MANAGEMENT_HIERARCHY_UNCHANGED, on, unit_id),
        )
        assets = self.registry.assets_of(unit_id)
        if assets:
            asset_id, old = assets[0].id, assets[0].nature
            nature = data.draw(st.sampled_from([n for n in AssetNature if n is not old]))
            self.attempt(
                lambda: lc.change_asset_nature(self.registry, asset_id=asset_id, nature=nature, on=on),
                on=on,
                protected=self.protected(Principle.ASSET_NATURE_UNCHANGED, on, unit_id),
            )

    # ------------------------------------------------------------------ the laws

    # ------------------------------------------------------------------ deliberation

    def meeting_ids(self) -> list[str]:
        return [m.id for m in self.registry.meetings]

    @rule(data=st.data())
    def hold_a_meeting(self, data: st.DataObject) -> None:
        holders = self.alliance_ids() + [o.id for o in self.registry.party_organisations]
        held_by_id = self.pick(data, holders)
        present = data.draw(st.lists(st.sampled_from(self.participants() or ["nobody"]), max_size=3))
        self.attempt(
            lambda: lc.hold_meeting(
                self.registry,
                meeting_id=self.new_id("meeting"),
                title="联席会议",
                kind=data.draw(st.sampled_from(MeetingKind)),
                held_by_id=held_by_id,
                on=self.next_day(),
                present_ids=present,
                agenda=data.draw(st.lists(st.sampled_from(["环境整治", "加装电梯", "停车难"]), max_size=2)),
            )
        )

    @rule(data=st.data())
    def take_a_decision(self, data: st.DataObject) -> None:
        meeting_id = self.pick(data, self.meeting_ids())
        meeting = self.registry.find(meeting_id)
        took_part = list(getattr(meeting, "present_ids", ())) or self.participants()
        responsible = self.pick(data, took_part)
        effects = data.draw(st.frozensets(st.sampled_from(DecisionEffect), max_size=1))
        protected = bool(effects) and isinstance(meeting, Meeting) and self.alliance_meeting(meeting)
        self.attempt(
            lambda: lc.take_decision(
                self.registry,
                meeting_id=meeting_id,
                item=data.draw(st.one_of(st.integers(0, 2), st.sampled_from(["环境整治", "即时议题"]))),
                decision="同意，分片落实",
                on=self.next_day(),
                follow_ups=[
                    FollowUp(responsible_id=responsible, due_on=self.day + datetime.timedelta(days=30))
                ],
                effects=effects,
            ),
            protected=protected if effects else None,
        )

    def alliance_meeting(self, meeting: Meeting) -> bool:
        committees = {a.joint_committee_id for a in self.registry.alliances}
        return meeting.held_by_id in self.alliance_ids() or meeting.held_by_id in committees

    @rule(data=st.data())
    def close_a_follow_up(self, data: st.DataObject) -> None:
        meeting_id = self.pick(data, self.meeting_ids())
        self.attempt(
            lambda: lc.close_follow_up(
                self.registry,
                meeting_id=meeting_id,
                item=data.draw(st.integers(0, 2)),
                on=self.next_day(),
                status=data.draw(st.sampled_from(FollowUpStatus)),
            )
        )

    @invariant()
    def money_is_neither_lost_nor_created(self) -> None:
        assert money_position(self.registry) == money_position(self.start)

    @invariant()
    def no_project_has_distributed_more_than_it_earned(self) -> None:
        for project in self.registry.projects:
            assert lc.undistributed_income(self.registry, project.id) >= Money.ZERO

    @invariant()
    def every_reference_resolves(self) -> None:
        assert unresolved_references(self.registry) == []

    @invariant()
    def replaying_the_log_reproduces_the_registry(self) -> None:
        assert lc.replay(self.start, self.log) == self.registry


TestAllianceLifecycle = AllianceLifecycle.TestCase
TestAllianceLifecycle.settings = settings(
    max_examples=200,
    stateful_step_count=12,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
)

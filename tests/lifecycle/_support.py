"""What the lifecycle tests share: the event converter, the money position and a reference checker."""

from __future__ import annotations

from decimal import Decimal
from typing import Any, cast

from cattrs.preconf.json import JsonConverter, make_converter

from dangjian_model import (
    Alliance,
    Grid,
    ListedProject,
    Money,
    PartyOrganisation,
    Person,
    Project,
    Registry,
    Team,
    Unit,
)
from dangjian_model.lifecycle import Event, undistributed_income

_PARTICIPANT = (Unit, PartyOrganisation, Person)


def event_converter() -> JsonConverter:
    """cattrs' stock JSON converter; only Decimal (a contribution's quantity) needs a hook."""
    converter = make_converter()
    converter.register_unstructure_hook(Decimal, str)
    converter.register_structure_hook(Decimal, lambda value, _: Decimal(value))
    return converter


_CONVERTER = event_converter()


def round_trip(event: Event) -> Event:
    """The event written as JSON and read back as an :data:`Event` (the ``kind`` tag picks the class)."""
    return cast(Event, _CONVERTER.loads(_CONVERTER.dumps(event), cast(Any, Event)))


def money_position(registry: Registry) -> Money:
    """Money in every ledger plus undistributed income minus all income recorded.

    Operations may only move money from 'recorded, not yet distributed' into members' ledgers,
    so this never changes: nothing is lost and nothing is created.
    """
    in_ledgers = sum((ledger.balance for ledger in registry.ledgers), Money.ZERO)
    undistributed = sum((undistributed_income(registry, p.id) for p in registry.projects), Money.ZERO)
    recorded = sum((p.total_income for p in registry.projects), Money.ZERO)
    return in_ledgers + undistributed - recorded


def unresolved_references(registry: Registry) -> list[str]:
    """Every id reference in the registry that names nothing of the right kind."""
    problems: list[str] = []

    def need(where: str, id: str | None, *kinds: type[object]) -> None:
        if id is not None and not isinstance(registry.find(id), kinds):
            problems.append(f"{where} → {id!r}")

    for unit in registry.units:
        need(f"{unit.id}.superior_id", unit.superior_id, Unit)
    for organisation in registry.party_organisations:
        need(f"{organisation.id}.superior_id", organisation.superior_id, PartyOrganisation)
        for host in organisation.host_unit_ids:
            need(f"{organisation.id}.host_unit_ids", host, Unit)
        if organisation.committee is not None:
            need(f"{organisation.id}.committee.secretary_id", organisation.committee.secretary_id, Person)
    for person in registry.people:
        need(f"{person.id}.party_organisation_id", person.party_organisation_id, PartyOrganisation)
        need(f"{person.id}.unit_id", person.unit_id, Unit)
    for alliance in registry.alliances:
        need(f"{alliance.id}.lead_id", alliance.lead_id, *_PARTICIPANT)
        for membership in alliance.memberships:
            need(f"{alliance.id}.memberships", membership.participant_id, *_PARTICIPANT)
        need(f"{alliance.id}.joint_committee_id", alliance.joint_committee_id, PartyOrganisation)
        need(f"{alliance.id}.key_project_id", alliance.key_project_id, Project)
    for project in registry.projects:
        need(f"{project.id}.alliance_id", project.alliance_id, Alliance)
        need(f"{project.id}.site_unit_id", project.site_unit_id, Unit)
        need(f"{project.id}.company_id", project.company_id, Unit)
        for contribution in project.contributions:
            need(f"{project.id}.contributions", contribution.contributor_id, *_PARTICIPANT)
        for share in project.shares:
            need(f"{project.id}.shares", share.holder_id, *_PARTICIPANT)
    for asset in registry.assets:
        need(f"{asset.id}.owner_id", asset.owner_id, Unit)
        need(f"{asset.id}.held_in_id", asset.held_in_id, Unit)
    for ledger in registry.ledgers:
        need(f"{ledger.id}.owner_id", ledger.owner_id, Unit)
        for entry in ledger.entries:
            need(f"{ledger.id}.entries.reference", entry.reference, Project)
    for grid in registry.grids:
        need(f"{grid.id}.parent_id", grid.parent_id, Grid)
        need(f"{grid.id}.unit_id", grid.unit_id, Unit)
        need(f"{grid.id}.party_group_id", grid.party_group_id, PartyOrganisation)
    for meeting in registry.meetings:
        need(f"{meeting.id}.held_by_id", meeting.held_by_id, Alliance, PartyOrganisation, Team)
        for id in meeting.present_ids:
            need(f"{meeting.id}.present_ids", id, *_PARTICIPANT)
        for item in meeting.agenda:
            for follow_up in item.follow_ups:
                need(f"{meeting.id}.follow_ups", follow_up.responsible_id, *_PARTICIPANT)
                need(f"{meeting.id}.follow_ups", follow_up.project_id, Project, ListedProject)
    if registry.duplicate_ids():
        problems.append(f"duplicate ids {registry.duplicate_ids()}")
    return problems


__all__ = ["event_converter", "money_position", "round_trip", "unresolved_references"]

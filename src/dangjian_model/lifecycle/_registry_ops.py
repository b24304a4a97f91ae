"""Ordinary registry changes that 三不变 forbids for members: allowed outside alliances, refused inside.

A township may move a village under another township, a village may sell an asset, a bookkeeper
may merge two ledgers, an organisation department may transfer a branch — but not while the unit
(or organisation, or person) is a member of an alliance that promised it would not happen. Then
the operation raises :class:`~dangjian_model.lifecycle.PrincipleViolation`, naming the principle
in Chinese and English and the alliances that declare it.
"""

from __future__ import annotations

import datetime

from dangjian_model._enums import AssetNature, Principle
from dangjian_model._model import Asset
from dangjian_model._registry import Registry
from dangjian_model.lifecycle._checks import Outcome, done, find
from dangjian_model.lifecycle._errors import OperationRefused, PrincipleViolation
from dangjian_model.lifecycle._events import (
    AssetNatureChanged,
    AssetTransferred,
    LedgersMerged,
    PartyOrganisationReaffiliated,
    PersonReaffiliated,
    UnitMoved,
)
from dangjian_model.lifecycle._scope import guarding_alliances, principle_text, protecting_alliances

__all__ = [
    "change_asset_nature",
    "merge_ledgers",
    "move_unit",
    "reaffiliate_organisation",
    "reaffiliate_person",
    "transfer_asset",
]


def _guard(
    registry: Registry, where: str, principle: Principle, subject_id: str, change: str, on: datetime.date
) -> None:
    alliances = guarding_alliances(registry, principle, subject_id, on)
    if alliances:
        names = "、".join(f"{a.name} ({a.id})" for a in alliances)
        today = {a.id for a in protecting_alliances(registry, principle, subject_id)}
        dated = (
            ""
            if today >= {a.id for a in alliances}
            else f" (a member on {on.isoformat()}, the date of the change)"
        )
        raise PrincipleViolation(
            where,
            f"{change} on {on.isoformat()} would break {principle_text(principle)}, which {names} promises{dated}",
            f"keep it unchanged while {subject_id!r} belongs to the alliance; it may change, dated after "
            "the member withdraws or the alliance is dissolved",
            principle=principle,
            subject_id=subject_id,
            alliance_ids=tuple(a.id for a in alliances),
        )


def move_unit(registry: Registry, *, unit_id: str, superior_id: str | None, on: datetime.date) -> Outcome:
    """Put a unit under another administrative superior (None makes it a root).

    Raises:
        PrincipleViolation: the unit is a member of an alliance declaring 管理层级不变.
        OperationRefused: the new superior is the unit itself or one of its subordinates.
    """
    where = "move_unit"
    unit = find(f"{where}(unit_id)", registry.unit, unit_id)
    if superior_id is not None:
        find(f"{where}(superior_id)", registry.unit, superior_id)
        if superior_id == unit_id or any(
            u.id == unit_id for u in registry.administrative_ancestors(superior_id)
        ):
            raise OperationRefused(
                f"{where}(superior_id)",
                f"{superior_id!r} is {unit_id!r} itself or below it",
                "a unit outside its own subtree, so the hierarchy stays a tree",
            )
    change = f"moving unit {unit_id!r} from superior {unit.superior_id!r} to {superior_id!r}"
    _guard(registry, where, Principle.MANAGEMENT_HIERARCHY_UNCHANGED, unit_id, change, on)
    return done(registry, UnitMoved(on=on, unit_id=unit_id, superior_id=superior_id))


def _asset(registry: Registry, where: str, asset_id: str) -> Asset:
    return find(where, registry.asset, asset_id)


def transfer_asset(registry: Registry, *, asset_id: str, owner_id: str, on: datetime.date) -> Outcome:
    """Transfer an asset to another owning unit.

    Raises:
        PrincipleViolation: the current owner is a member of an alliance declaring 资产属性不变.
    """
    where = "transfer_asset"
    asset = _asset(registry, f"{where}(asset_id)", asset_id)
    find(f"{where}(owner_id)", registry.unit, owner_id)
    if owner_id == asset.owner_id:
        raise OperationRefused(f"{where}(owner_id)", f"{owner_id!r} already owns it", "another unit")
    change = f"transferring asset {asset_id!r} from {asset.owner_id!r} to {owner_id!r}"
    _guard(registry, where, Principle.ASSET_NATURE_UNCHANGED, asset.owner_id, change, on)
    return done(registry, AssetTransferred(on=on, asset_id=asset_id, owner_id=owner_id))


def change_asset_nature(
    registry: Registry, *, asset_id: str, nature: AssetNature | str, on: datetime.date
) -> Outcome:
    """Change an asset's nature (资产属性), e.g. 村集体资产 → 国有资产.

    Raises:
        PrincipleViolation: its owner is a member of an alliance declaring 资产属性不变.
    """
    where = "change_asset_nature"
    asset = _asset(registry, f"{where}(asset_id)", asset_id)
    event = AssetNatureChanged(on=on, asset_id=asset_id, nature=nature)
    if event.nature is asset.nature:
        raise OperationRefused(f"{where}(nature)", f"it already is {asset.nature.label}", "another nature")
    change = f"changing asset {asset_id!r} from {asset.nature.label} to {event.nature.label}"
    _guard(registry, where, Principle.ASSET_NATURE_UNCHANGED, asset.owner_id, change, on)
    return done(registry, event)


def merge_ledgers(registry: Registry, *, source_id: str, target_id: str, on: datetime.date) -> Outcome:
    """Merge one ledger into another: its entries move to the target and it is closed.

    Raises:
        PrincipleViolation: the owner of either ledger is a member of an alliance declaring 账务核算不变.
    """
    where = "merge_ledgers"
    source = find(f"{where}(source_id)", registry.ledger, source_id)
    target = find(f"{where}(target_id)", registry.ledger, target_id)
    if source_id == target_id:
        raise OperationRefused(
            f"{where}(target_id)", "a ledger cannot be merged into itself", "another ledger"
        )
    change = f"merging ledger {source_id!r} of {source.owner_id!r} into ledger {target_id!r} of {target.owner_id!r}"
    for owner in dict.fromkeys((source.owner_id, target.owner_id)):
        _guard(registry, where, Principle.ACCOUNTING_UNCHANGED, owner, change, on)
    return done(registry, LedgersMerged(on=on, source_id=source_id, target_id=target_id))


def reaffiliate_organisation(
    registry: Registry, *, organisation_id: str, superior_id: str | None, on: datetime.date
) -> Outcome:
    """Put a party organisation under another superior organisation (转隶).

    Raises:
        PrincipleViolation: it is a member's organisation (see the module notes on scope) in an
            alliance that protects affiliations.
        OperationRefused: the new superior is the organisation itself or below it.
    """
    where = "reaffiliate_organisation"
    organisation = find(f"{where}(organisation_id)", registry.party_organisation, organisation_id)
    if superior_id is not None:
        find(f"{where}(superior_id)", registry.party_organisation, superior_id)
        if superior_id == organisation_id or any(
            o.id == organisation_id for o in registry.party_ancestors(superior_id)
        ):
            raise OperationRefused(
                f"{where}(superior_id)",
                f"{superior_id!r} is {organisation_id!r} itself or below it",
                "an organisation outside its own line, so affiliation stays a tree",
            )
    change = (
        f"re-affiliating party organisation {organisation_id!r} "
        f"from {organisation.superior_id!r} to {superior_id!r}"
    )
    _guard(registry, where, Principle.AFFILIATION_UNCHANGED, organisation_id, change, on)
    event = PartyOrganisationReaffiliated(on=on, organisation_id=organisation_id, superior_id=superior_id)
    return done(registry, event)


def reaffiliate_person(
    registry: Registry, *, person_id: str, party_organisation_id: str | None, on: datetime.date
) -> Outcome:
    """Move a person's party membership to another organisation (组织关系转接).

    Raises:
        PrincipleViolation: the person, or their organisation, is protected by an alliance that
            protects affiliations.
    """
    where = "reaffiliate_person"
    person = find(f"{where}(person_id)", registry.person, person_id)
    if party_organisation_id is not None:
        find(f"{where}(party_organisation_id)", registry.party_organisation, party_organisation_id)
    if party_organisation_id == person.party_organisation_id:
        raise OperationRefused(
            f"{where}(party_organisation_id)", "the person already belongs there", "another organisation"
        )
    change = f"re-affiliating person {person_id!r} from {person.party_organisation_id!r} to {party_organisation_id!r}"
    _guard(registry, where, Principle.AFFILIATION_UNCHANGED, person_id, change, on)
    event = PersonReaffiliated(on=on, person_id=person_id, party_organisation_id=party_organisation_id)
    return done(registry, event)

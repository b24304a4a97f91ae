"""The 三不变 checker: compare two registries and report every broken promise.

Whatever produced ``after`` from ``before`` — the lifecycle operations, an app's own code, a bad
import — :func:`check_three_unchanged` lists each change that breaks a principle for a subject that
was protected in ``before`` (see :func:`~dangjian_model.lifecycle.protecting_alliances`) — today, or
on the day the changes carry when ``on`` is given:

- 管理层级不变: a member unit's administrative superior changed, or the unit disappeared.
- 资产属性不变: an asset of a member changed owner or nature, or disappeared.
- 账务核算不变: a member's ledger disappeared, changed owner, had past entries rewritten, or took
  in another ledger's entries (pooling).
- 原组织隶属关系不变: a protected party organisation's superior, or a protected person's
  organisation, changed (or the organisation or person disappeared).

When the new superior, owner or ledger keeper is an alliance, a joint committee or a joint venture,
the breach says so: those coordinate members, they never lead, own or keep books for them.
"""

from __future__ import annotations

import datetime
from functools import partial

import attrs

from dangjian_model._enums import Principle
from dangjian_model._model import Asset, Ledger, LedgerEntry, PartyOrganisation, Person, Unit
from dangjian_model._registry import Registry
from dangjian_model._repr import FieldsRepr
from dangjian_model.lifecycle._scope import guarding_alliances, principle_text

__all__ = ["Breach", "check_three_unchanged"]


@attrs.frozen(kw_only=True, repr=False)
class Breach(FieldsRepr):
    """One broken promise of 三不变 (or of 原组织隶属关系不变).

    Attributes:
        principle: The principle broken.
        member_id: The protected unit, party organisation or person.
        subject_id: What changed: the unit itself, one of its assets or ledgers, the organisation
            or the person.
        field: What about it changed: ``superior_id``, ``owner_id``, ``nature``, ``entries``,
            ``party_organisation_id`` or ``exists``.
        before: The value before (as text; None if it had none).
        after: The value after (None if it has none or the subject is gone).
        alliance_ids: The alliances whose declaration protected the member.
        note: More about it, e.g. that the new superior is the alliance's joint committee.
    """

    principle: Principle
    member_id: str
    subject_id: str
    field: str
    before: str | None
    after: str | None
    alliance_ids: tuple[str, ...]
    note: str = ""

    def __str__(self) -> str:
        about = (
            self.member_id if self.subject_id == self.member_id else f"{self.subject_id} of {self.member_id}"
        )
        text = (
            f"{principle_text(self.principle)} broken for {about}: {self.field} "
            f"{self.before!r} → {self.after!r} (declared by {', '.join(self.alliance_ids)})"
        )
        return text + (f"; {self.note}" if self.note else "")


def _coordinator(registry: Registry, id: str | None) -> str:
    """Why ``id`` may not lead, own or keep books for a member, or '' if it is none of those."""
    if id is None:
        return ""
    for alliance in registry.alliances:
        if alliance.id == id:
            return f"{id!r} is an alliance: it coordinates its members, it does not lead, own or keep books"
        if alliance.joint_committee_id == id:
            return f"{id!r} is the joint committee (联合党委) of {alliance.id!r}: it coordinates, it is no superior"
    if any(a.held_in_id == id for a in registry.assets) or any(p.company_id == id for p in registry.projects):
        return f"{id!r} is a joint venture of members: the members hold stakes in it, not the reverse"
    return ""


def _units_protected(
    before: Registry, principle: Principle, on: datetime.date | None
) -> dict[str, tuple[str, ...]]:
    found: dict[str, tuple[str, ...]] = {}
    for unit in before.units:
        alliances = guarding_alliances(before, principle, unit.id, on)
        if alliances:
            found[unit.id] = tuple(a.id for a in alliances)
    return found


def _contains_run(entries: tuple[LedgerEntry, ...], run: tuple[LedgerEntry, ...]) -> bool:
    size = len(run)
    return any(entries[i : i + size] == run for i in range(len(entries) - size + 1))


def _new_entries(before: Registry, ledger: Ledger) -> tuple[LedgerEntry, ...]:
    """The entries ``ledger`` has gained since ``before`` (all of them if it is new)."""
    old = before.find(ledger.id)
    return ledger.entries[len(old.entries) :] if isinstance(old, Ledger) else ledger.entries


def check_three_unchanged(
    before: Registry, after: Registry, *, on: datetime.date | None = None
) -> tuple[Breach, ...]:
    """Every breach of 三不变 (and 原组织隶属关系不变) between two registries, for the subjects
    protected in ``before``; an empty tuple when every promise holds.

    Args:
        on: The day the changes carry (an event's ``on``). A subject protected that day is
            protected even if its membership has ended since: a change dated inside a finished
            membership is a breach. Subjects protected today always are.
    """
    breaches: list[Breach] = []
    add = breaches.append

    hierarchy = Principle.MANAGEMENT_HIERARCHY_UNCHANGED
    for unit_id, alliances in _units_protected(before, hierarchy, on).items():
        old = before.unit(unit_id).superior_id
        new_unit = after.find(unit_id)
        if not isinstance(new_unit, Unit):
            add(
                Breach(
                    principle=hierarchy,
                    member_id=unit_id,
                    subject_id=unit_id,
                    field="exists",
                    before=old,
                    after=None,
                    alliance_ids=alliances,
                    note="the unit is gone",
                )
            )
        elif new_unit.superior_id != old:
            new = new_unit.superior_id
            add(
                Breach(
                    principle=hierarchy,
                    member_id=unit_id,
                    subject_id=unit_id,
                    field="superior_id",
                    before=old,
                    after=new,
                    alliance_ids=alliances,
                    note=_coordinator(after, new),
                )
            )

    assets = Principle.ASSET_NATURE_UNCHANGED
    for unit_id, alliances in _units_protected(before, assets, on).items():
        for asset in before.assets_of(unit_id):
            moved = after.find(asset.id)
            breach = partial(
                Breach, principle=assets, member_id=unit_id, subject_id=asset.id, alliance_ids=alliances
            )
            if not isinstance(moved, Asset):
                add(breach(field="exists", before=asset.id, after=None, note="the asset is gone"))
                continue
            if moved.owner_id != asset.owner_id:
                add(
                    breach(
                        field="owner_id",
                        before=asset.owner_id,
                        after=moved.owner_id,
                        note=_coordinator(after, moved.owner_id),
                    )
                )
            if moved.nature is not asset.nature:
                add(breach(field="nature", before=asset.nature.label, after=moved.nature.label))

    accounting = Principle.ACCOUNTING_UNCHANGED
    vanished = [ledger for ledger in before.ledgers if not isinstance(after.find(ledger.id), Ledger)]
    for unit_id, alliances in _units_protected(before, accounting, on).items():
        for ledger in before.ledgers_of(unit_id):
            now = after.find(ledger.id)
            breach = partial(
                Breach, principle=accounting, member_id=unit_id, subject_id=ledger.id, alliance_ids=alliances
            )
            if not isinstance(now, Ledger):
                into = [
                    other.id
                    for other in after.ledgers
                    if ledger.entries and _contains_run(_new_entries(before, other), ledger.entries)
                ]
                note = f"its entries were pooled into {', '.join(into)}" if into else "the ledger is gone"
                add(breach(field="exists", before=ledger.id, after=None, note=note))
                continue
            if now.owner_id != ledger.owner_id:
                add(
                    breach(
                        field="owner_id",
                        before=ledger.owner_id,
                        after=now.owner_id,
                        note=_coordinator(after, now.owner_id),
                    )
                )
            if now.entries[: len(ledger.entries)] != ledger.entries:
                add(
                    breach(
                        field="entries",
                        before=f"{len(ledger.entries)} entries",
                        after=f"{len(now.entries)} entries",
                        note="past entries were rewritten",
                    )
                )
                continue
            added = now.entries[len(ledger.entries) :]
            for other in vanished:
                if other.id != ledger.id and other.entries and _contains_run(added, other.entries):
                    add(
                        breach(
                            field="entries",
                            before=f"{len(ledger.entries)} entries",
                            after=f"{len(now.entries)} entries",
                            note=f"ledger {other.id!r} of {other.owner_id!r} was pooled into it",
                        )
                    )

    affiliation = Principle.AFFILIATION_UNCHANGED
    for organisation in before.party_organisations:
        alliance_ids = tuple(a.id for a in guarding_alliances(before, affiliation, organisation.id, on))
        if not alliance_ids:
            continue
        now_org = after.find(organisation.id)
        now_org = now_org if isinstance(now_org, PartyOrganisation) else None
        new_superior = None if now_org is None else now_org.superior_id
        if now_org is None or new_superior != organisation.superior_id:
            add(
                Breach(
                    principle=affiliation,
                    member_id=organisation.id,
                    subject_id=organisation.id,
                    field="exists" if now_org is None else "superior_id",
                    before=organisation.superior_id,
                    after=new_superior,
                    alliance_ids=alliance_ids,
                    note=_coordinator(after, new_superior),
                )
            )
    for person in before.people:
        alliance_ids = tuple(a.id for a in guarding_alliances(before, affiliation, person.id, on))
        if not alliance_ids:
            continue
        now_person = after.find(person.id)
        now_person = now_person if isinstance(now_person, Person) else None
        new_org = None if now_person is None else now_person.party_organisation_id
        if now_person is None or new_org != person.party_organisation_id:
            add(
                Breach(
                    principle=affiliation,
                    member_id=person.id,
                    subject_id=person.id,
                    field="exists" if now_person is None else "party_organisation_id",
                    before=person.party_organisation_id,
                    after=new_org,
                    alliance_ids=alliance_ids,
                    note=_coordinator(after, new_org),
                )
            )
    return tuple(breaches)

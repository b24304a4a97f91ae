"""Popolo 1.0.1 interop: organisations, alliances and memberships to and from Popolo JSON.

Export: every unit, party organisation and alliance becomes a Popolo organisation. The line of
affiliation (a party organisation's superior) and a unit's administrative superior become
``parent_id``; an alliance is an organisation of its own with no parent — its joint committee
coordinates it and is written as a membership with role ``joint_committee``, never as a parent.
Each alliance membership becomes a Popolo membership of the participant in the alliance.
Classifications are ``dangjian:unit:village``, ``dangjian:party_organisation:branch``,
``dangjian:alliance:cluster`` …; division and credit codes become identifiers.

Import reads those back, and also Chinese labels as classifications (``党支部``). Any other
classification (``Corporation``) becomes a unit of kind ``other`` and the original text is kept
in :attr:`PopoloImport.classifications`, so that exporting again writes it unchanged. Popolo
fields the model has no place for are listed in :attr:`PopoloImport.not_kept`, never dropped
silently. Persons are not exported: a person's name is personal data.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Mapping
from typing import Any

import attrs

from dangjian_model._enums import AllianceType, MembershipRole, PartyOrgForm, UnitKind
from dangjian_model._errors import DangjianError, InvalidValue
from dangjian_model._model import Alliance, Membership, PartyOrganisation, Person, Unit
from dangjian_model._registry import Registry
from dangjian_model.files._converter import shown
from dangjian_model.files._errors import ConfigError, Problem
from dangjian_model.files._problems import child, index

__all__ = ["PREFIX", "PopoloImport", "from_popolo", "to_popolo"]

#: The prefix of the classifications this library writes.
PREFIX = "dangjian"
_JOINT_COMMITTEE = "joint_committee"
_SCHEMES = {"division_code": "division_code", "credit_code": "uscc"}
_FULL_DATE = re.compile(r"\d{4}-\d{2}-\d{2}\Z")
_ORG_KEYS = {
    "id",
    "name",
    "classification",
    "parent_id",
    "identifiers",
    "founding_date",
    "dissolution_date",
    "memberships",
}
_MEMBERSHIP_KEYS = {
    "id",
    "label",
    "role",
    "member",
    "person_id",
    "organization_id",
    "organization",
    "start_date",
    "end_date",
}


@attrs.frozen(kw_only=True)
class PopoloImport:
    """What :func:`from_popolo` read.

    Attributes:
        registry: The units, party organisations and alliances.
        classifications: For organisations kept as units of kind ``other``: id → the original
            Popolo classification (pass it to :func:`to_popolo` to write it back).
        not_kept: The paths of Popolo fields the model has no place for, each with why.
    """

    registry: Registry
    classifications: Mapping[str, str] = attrs.field(factory=dict)
    not_kept: tuple[str, ...] = ()


def to_popolo(registry: Registry, classifications: Mapping[str, str] | None = None) -> dict[str, Any]:
    """Popolo JSON (``organizations`` and ``memberships``) of a registry's organisations and alliances.

    >>> from dangjian_model import Registry, Unit
    >>> to_popolo(Registry(units=[Unit(id="kuangyan", name="匡堰镇", kind="镇乡")]))["organizations"]
    [{'id': 'kuangyan', 'name': '匡堰镇', 'classification': 'dangjian:unit:township'}]
    """
    kept = classifications or {}
    organizations: list[dict[str, Any]] = []
    memberships: list[dict[str, Any]] = []
    for unit in registry.units:
        classification = kept.get(unit.id) if unit.kind is UnitKind.OTHER and unit.id in kept else None
        organization = _organization(unit.id, unit.name, classification or f"{PREFIX}:unit:{unit.kind.value}")
        _optional(organization, "parent_id", unit.superior_id)
        identifiers = [
            {"identifier": code, "scheme": _SCHEMES[field]}
            for field, code in (("division_code", unit.division_code), ("credit_code", unit.credit_code))
            if code is not None
        ]
        if identifiers:
            organization["identifiers"] = identifiers
        organizations.append(organization)
    for party in registry.party_organisations:
        organization = _organization(party.id, party.name, f"{PREFIX}:party_organisation:{party.form.value}")
        _optional(organization, "parent_id", party.superior_id)
        _optional(organization, "founding_date", party.founded_on)
        _optional(organization, "dissolution_date", party.dissolved_on)
        organizations.append(organization)
    for alliance in registry.alliances:
        organization = _organization(alliance.id, alliance.name, f"{PREFIX}:alliance:{alliance.type.value}")
        _optional(organization, "founding_date", alliance.formed_on)
        _optional(organization, "dissolution_date", alliance.dissolved_on)
        organizations.append(organization)
        for position, membership in enumerate(alliance.memberships):
            memberships.append(_membership(registry, alliance, position, membership))
        if alliance.joint_committee_id is not None:
            memberships.append(
                {
                    "id": f"{alliance.id}#joint-committee",
                    "label": "联合党委（协调，不是上级）",
                    "role": _JOINT_COMMITTEE,
                    "member": {"@type": "Organization", "id": alliance.joint_committee_id},
                    "organization_id": alliance.id,
                }
            )
    return {"organizations": organizations, "memberships": memberships}


def _organization(id: str, name: str, classification: str) -> dict[str, Any]:
    return {"id": id, "name": name, "classification": classification}


def _optional(target: dict[str, Any], key: str, value: str | datetime.date | None) -> None:
    if value is not None:
        target[key] = value.isoformat() if isinstance(value, datetime.date) else value


def _membership(
    registry: Registry, alliance: Alliance, position: int, membership: Membership
) -> dict[str, Any]:
    result: dict[str, Any] = {
        "id": f"{alliance.id}#{position}",
        "label": membership.role.label,
        "role": membership.role.value,
    }
    if isinstance(registry.find(membership.participant_id), Person):
        result["person_id"] = membership.participant_id
    else:
        result["member"] = {"@type": "Organization", "id": membership.participant_id}
    result["organization_id"] = alliance.id
    _optional(result, "start_date", membership.joined_on)
    _optional(result, "end_date", membership.left_on)
    return result


# ------------------------------------------------------------------ import


@attrs.define
class _Reader:
    problems: list[Problem] = attrs.field(factory=list)
    not_kept: list[str] = attrs.field(factory=list)

    def fail(self, path: str, value: object, expected: str) -> None:
        self.problems.append(
            Problem(path=path, value=shown(value) if value is not None else "", expected=expected)
        )

    def text(self, item: Mapping[str, Any], key: str, path: str, required: bool = False) -> str | None:
        value = item.get(key)
        if value is None:
            if required:
                self.fail(child(path, key), None, "this key, which is required")
            return None
        if not isinstance(value, str):
            self.fail(child(path, key), value, "text")
            return None
        return value

    def date(self, item: Mapping[str, Any], key: str, path: str) -> datetime.date | None:
        value = self.text(item, key, path)
        if value is None:
            return None
        if _FULL_DATE.match(value):
            try:
                return datetime.date.fromisoformat(value)
            except ValueError:
                self.fail(child(path, key), value, "a date such as 2021-12-06")
                return None
        self.not_kept.append(
            f"{child(path, key)}: {value!r} is not a whole day; the model keeps whole days only"
        )
        return None


def from_popolo(data: object, source: str = "<popolo>") -> PopoloImport:
    """Read Popolo organisations and memberships into a registry.

    Accepts a document with ``organizations`` and ``memberships`` lists, or a single organisation
    or membership.

    Raises:
        ConfigError: the document is malformed; every problem is listed with its path.
    """
    reader = _Reader()
    if not isinstance(data, Mapping):
        raise ConfigError(source, (Problem(path="$", value=shown(data), expected="a Popolo JSON object"),))
    organizations, memberships = _lists(data, reader)
    kinds: dict[str, type[Any]] = {}
    built: dict[str, dict[str, Any]] = {}
    classifications: dict[str, str] = {}
    for position, (path, item) in enumerate(organizations):
        del position
        _organization_in(item, path, reader, kinds, built, classifications, memberships)
    alliance_memberships: dict[str, list[Membership]] = {}
    joint_committees: dict[str, str] = {}
    for path, item in memberships:
        _membership_in(item, path, reader, kinds, alliance_memberships, joint_committees)
    units, parties, alliances = [], [], []
    for id, fields in built.items():
        kind = kinds[id]
        try:
            if kind is Alliance:
                members = alliance_memberships.get(id, [])
                lead = next((m.participant_id for m in members if m.role is MembershipRole.LEAD), None)
                if lead is None and members:
                    lead = members[0].participant_id
                if lead is None:
                    reader.fail(fields["_path"], None, "an alliance with at least one membership (its lead)")
                    continue
                alliances.append(
                    Alliance(
                        **_fields(fields),
                        lead_id=lead,
                        memberships=members,
                        joint_committee_id=joint_committees.get(id),
                    )
                )
            elif kind is PartyOrganisation:
                parties.append(PartyOrganisation(**_fields(fields)))
            else:
                units.append(Unit(**_fields(fields)))
        except InvalidValue as error:
            field = error.where.partition(".")[2] or "id"
            key = {
                "superior_id": "parent_id",
                "formed_on": "founding_date",
                "founded_on": "founding_date",
            }.get(field, "classification" if field in ("kind", "form", "type") else field)
            reader.fail(child(fields["_path"], key), error.value, error.expected)
    if reader.problems:
        raise ConfigError(source, tuple(reader.problems))
    try:
        registry = Registry(units=units, party_organisations=parties, alliances=alliances)
    except DangjianError as error:  # pragma: no cover - every entity was built above
        raise ConfigError(source, (Problem(path="$", value="", expected=str(error)),)) from None
    return PopoloImport(registry=registry, classifications=classifications, not_kept=tuple(reader.not_kept))


def _fields(fields: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in fields.items() if not key.startswith("_")}


def _lists(data: Mapping[str, Any], reader: _Reader) -> tuple[list[tuple[str, Any]], list[tuple[str, Any]]]:
    is_document = "organizations" in data or ("memberships" in data and not {"id", "name"} & set(data))
    if not is_document:
        single = "$"
        looks_like_membership = any(
            k in data for k in ("organization_id", "organization", "person_id", "member")
        )
        return ([], [(single, data)]) if looks_like_membership else ([(single, data)], [])
    found: dict[str, list[tuple[str, Any]]] = {"organizations": [], "memberships": []}
    for key, value in data.items():
        path = child("$", key)
        if key in found:
            if not isinstance(value, list):
                reader.fail(path, value, "a list")
                continue
            found[key] = [(index(path, i), item) for i, item in enumerate(value)]
        else:
            reader.not_kept.append(f"{path}: the model keeps organisations and memberships only")
    return found["organizations"], found["memberships"]


def _classify(text: str | None) -> tuple[type[Any], Any] | None:
    if text is None:
        return None
    parts = text.split(":")
    if len(parts) == 3 and parts[0] == PREFIX:
        enum = {"unit": UnitKind, "party_organisation": PartyOrgForm, "alliance": AllianceType}.get(parts[1])
        kind = {"unit": Unit, "party_organisation": PartyOrganisation, "alliance": Alliance}.get(parts[1])
        if enum is not None and kind is not None:
            try:
                return kind, enum.parse(parts[2])
            except DangjianError:
                return None
    if not text.isascii():  # a Chinese label, as Chinese systems write them
        for kind, enum in ((PartyOrganisation, PartyOrgForm), (Alliance, AllianceType), (Unit, UnitKind)):
            try:
                return kind, enum.parse(text)
            except DangjianError:
                continue
    return None


def _organization_in(
    item: object,
    path: str,
    reader: _Reader,
    kinds: dict[str, Any],
    built: dict[str, dict[str, Any]],
    classifications: dict[str, str],
    memberships: list[tuple[str, Any]],
) -> None:
    if not isinstance(item, Mapping):
        reader.fail(path, item, "a Popolo organization (an object)")
        return
    id = reader.text(item, "id", path, required=True)
    name = reader.text(item, "name", path, required=True)
    classification = reader.text(item, "classification", path)
    if id is None or name is None:
        return
    if id in kinds:
        reader.fail(child(path, "id"), id, "an id used by one organisation only")
        return
    found = _classify(classification)
    kind: type[Any]
    value: Any
    if found is None:
        kind, value = Unit, UnitKind.OTHER
        if classification is not None:
            classifications[id] = classification
    else:
        kind, value = found
    kinds[id] = kind
    fields: dict[str, Any] = {"_path": path, "id": id, "name": name}
    parent = reader.text(item, "parent_id", path)
    if kind is Unit:
        fields["kind"] = value
        fields["superior_id"] = parent
        for identifier_path, identifier in _identifiers(item, path, reader):
            scheme, code = identifier.get("scheme"), identifier.get("identifier")
            field = {"division_code": "division_code", "uscc": "credit_code"}.get(str(scheme))
            if field is not None and isinstance(code, str):
                fields[field] = code
            else:
                reader.not_kept.append(
                    f"{identifier_path}: identifier scheme {scheme!r} has no field in the model"
                )
    elif kind is PartyOrganisation:
        fields["form"] = value
        fields["superior_id"] = parent
        fields["founded_on"] = reader.date(item, "founding_date", path)
        fields["dissolved_on"] = reader.date(item, "dissolution_date", path)
    else:
        fields["type"] = value
        if parent is not None:
            reader.not_kept.append(
                f"{child(path, 'parent_id')}: an alliance has no parent, only a joint committee"
            )
        fields["formed_on"] = reader.date(item, "founding_date", path)
        fields["dissolved_on"] = reader.date(item, "dissolution_date", path)
    if kind is Unit:
        for key in ("founding_date", "dissolution_date"):
            if key in item:
                reader.not_kept.append(f"{child(path, key)}: units have no dates in the model")
    for key in sorted(set(item) - _ORG_KEYS, key=str):
        reader.not_kept.append(f"{child(path, key)}: no field for it in the model")
    embedded = item.get("memberships")
    if isinstance(embedded, list):
        for i, membership in enumerate(embedded):
            if isinstance(membership, Mapping) and "organization_id" not in membership:
                membership = {**membership, "organization_id": id}
            memberships.append((index(child(path, "memberships"), i), membership))
    built[id] = fields


def _identifiers(item: Mapping[str, Any], path: str, reader: _Reader) -> list[tuple[str, Mapping[str, Any]]]:
    value = item.get("identifiers")
    if value is None:
        return []
    if not isinstance(value, list):
        reader.fail(child(path, "identifiers"), value, "a list of identifiers")
        return []
    found = []
    for i, identifier in enumerate(value):
        if isinstance(identifier, Mapping):
            found.append((index(child(path, "identifiers"), i), identifier))
        else:
            reader.fail(index(child(path, "identifiers"), i), identifier, "an identifier object")
    return found


def _membership_in(
    item: object,
    path: str,
    reader: _Reader,
    kinds: dict[str, Any],
    alliance_memberships: dict[str, list[Membership]],
    joint_committees: dict[str, str],
) -> None:
    if not isinstance(item, Mapping):
        reader.fail(path, item, "a Popolo membership (an object)")
        return
    organization_id = reader.text(item, "organization_id", path)
    embedded = item.get("organization")
    if organization_id is None and isinstance(embedded, Mapping) and isinstance(embedded.get("id"), str):
        organization_id = embedded["id"]
    if organization_id is None or kinds.get(organization_id) is not Alliance:
        reader.not_kept.append(f"{path}: a membership of an organisation that is not an alliance")
        return
    member = item.get("member")
    participant = reader.text(item, "person_id", path)
    if participant is None and isinstance(member, Mapping) and isinstance(member.get("id"), str):
        participant = member["id"]
    person = item.get("person")
    if participant is None and isinstance(person, Mapping) and isinstance(person.get("id"), str):
        participant = person["id"]
    if participant is None:
        reader.fail(path, None, "a member: member.id, person_id or person.id")
        return
    role_text = reader.text(item, "role", path)
    if role_text == _JOINT_COMMITTEE:
        joint_committees[organization_id] = participant
        return
    role = MembershipRole.MEMBER
    if role_text is not None:
        try:
            role = MembershipRole.parse(role_text)
        except DangjianError:
            reader.not_kept.append(
                f"{child(path, 'role')}: {role_text!r} is no alliance role; read as member"
            )
    for key in sorted(set(item) - _MEMBERSHIP_KEYS - {"person"}, key=str):
        reader.not_kept.append(f"{child(path, key)}: no field for it in the model")
    try:
        membership = Membership(
            participant_id=participant,
            role=role,
            joined_on=reader.date(item, "start_date", path),
            left_on=reader.date(item, "end_date", path),
        )
    except InvalidValue as error:
        reader.fail(path, error.value, error.expected)
        return
    alliance_memberships.setdefault(organization_id, []).append(membership)

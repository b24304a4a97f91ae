"""Popolo 1.0.1 interop: organisations, persons and memberships to and from Popolo JSON.

Export: every unit, party organisation and alliance becomes a Popolo organisation. The line of
affiliation (a party organisation's superior) and a unit's administrative superior become
``parent_id``; an alliance is an organisation of its own with no parent — its joint committee
coordinates it and is written as a membership with role ``joint_committee``, never as a parent.
Each alliance membership becomes a Popolo membership of the participant in the alliance.
Classifications are ``dangjian:unit:village``, ``dangjian:party_organisation:branch``,
``dangjian:alliance:cluster`` …; division and credit codes become identifiers.

People become Popolo persons (a phone number is a contact detail, an ID-card number an identifier)
and are written only when ``personal_data`` says how, as :func:`~dangjian_model.files.dumps` does.
A person's affiliation is a membership with role ``dangjian:affiliation:full`` (the standing), the
unit the person works or lives in one with role ``dangjian:unit``, and each participation a
membership with its role, ``on_behalf_of_id`` and dates as they are; a participation's post is a
Popolo post (its ``label`` and ``organization_id``, one per organisation and label, with an id such as
``council#post-0``) that the membership names by ``post_id``.

Import reads those back, and also Chinese labels as classifications (``党支部``). Any other
classification (``Corporation``) becomes a unit of kind ``other`` and the original text is kept
in :attr:`PopoloImport.classifications`, so that exporting again writes it unchanged. A person's
membership of an alliance is an alliance membership; of a party organisation with a standing as its
role (``正式党员``) the person's affiliation; of any other organisation a :class:`Participation`.
A membership that names a post (``post_id``, or a ``post`` given inside it; posts come in a
``posts`` list, inside an organisation or as a single post with its memberships) keeps the post's
``label`` as :attr:`Participation.post`, and the role is the membership's, else the post's role,
else its label; the post's organisation is the membership's when the membership names none.
Popolo fields the model has no place for are listed in :attr:`PopoloImport.not_kept`, never dropped
silently. Untidy text is tidied and reported in :attr:`PopoloImport.tidied` (``strict=True``
refuses it instead).
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable, Mapping
from typing import Any, cast

import attrs

from dangjian_model._enums import AllianceType, MembershipRole, PartyOrgForm, PartyStanding, UnitKind
from dangjian_model._errors import DangjianError, InvalidValue
from dangjian_model._model import Alliance, Membership, Participation, PartyOrganisation, Person, Unit
from dangjian_model._privacy import mask_id_card, mask_name, mask_phone
from dangjian_model._registry import Registry
from dangjian_model._repr import FieldsRepr
from dangjian_model.files._api import PersonalData, _personal
from dangjian_model.files._errors import ConfigError, Problem, shown
from dangjian_model.files._problems import child, index
from dangjian_model.files._tidy import Tidied, tidy_text

__all__ = ["POPOLO_CONTEXT", "PREFIX", "PopoloImport", "from_popolo", "to_popolo"]

#: JSON-LD's keywords in a Popolo document: how it reads as RDF, not data of the registry.
_JSON_LD_CONTEXT = "@context"
_JSON_LD_TYPE = "@type"

#: The prefix of the classifications and roles this library writes.
PREFIX = "dangjian"
_JOINT_COMMITTEE = "joint_committee"
_AFFILIATION = f"{PREFIX}:affiliation:"
_UNIT_ROLE = f"{PREFIX}:unit"
_SCHEMES = {"division_code": "division_code", "credit_code": "uscc"}
_ID_CARD_SCHEME = "cn_resident_id_card"
_ID_CARD_SCHEMES = frozenset({_ID_CARD_SCHEME, "resident_id_card", "id_card", "居民身份证", "身份证"})
_PHONE_TYPE = "voice"
_PHONE_TYPES = frozenset({_PHONE_TYPE, "cell", "phone", "mobile", "tel", "telephone", "电话", "手机"})
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
    "posts",
}
_PERSON_KEYS = {"id", "name", "contact_details", "identifiers", "memberships"}
#: Keys only a Popolo person has: a single object with one of them is a person, not an organisation.
_PERSON_ONLY = {
    "additional_name",
    "biography",
    "birth_date",
    "death_date",
    "email",
    "family_name",
    "gender",
    "given_name",
    "honorific_prefix",
    "honorific_suffix",
    "national_identity",
    "patronymic_name",
    "pronouns",
    "sort_name",
    "speeches",
    "summary",
}
# the keys of a membership either reader keeps; each adds its own
_MEMBERSHIP_CORE = {
    "role",
    "member",
    "person_id",
    "person",
    "organization_id",
    "organization",
    "start_date",
    "end_date",
}
_MEMBERSHIP_KEYS = _MEMBERSHIP_CORE | {"id", "label"}
_PERSON_MEMBERSHIP_KEYS = _MEMBERSHIP_CORE | {"on_behalf_of_id", "on_behalf_of", "post_id", "post"}
#: The keys of a post kept when a person's membership holds it (``memberships`` are read as memberships).
_POST_KEYS = {"id", "label", "role", "organization_id", "organization", "memberships"}
#: Keys a membership has and a post has not: a single object with none of them and a label is a post.
_NOT_POST = {"name", "person_id", "person", "member", "post_id", "post", "on_behalf_of_id", "on_behalf_of"}


@attrs.frozen(kw_only=True, repr=False)
class PopoloImport(FieldsRepr):
    """What :func:`from_popolo` read.

    Attributes:
        registry: The units, party organisations, alliances and people.
        classifications: For organisations kept as units of kind ``other``: id → the original
            Popolo classification (pass it to :func:`to_popolo` to write it back).
        not_kept: The paths of Popolo fields the model has no place for, each with why.
        tidied: Info findings: text that was tidied (white space at either end, full-width
            spaces), each with its path.
    """

    registry: Registry
    classifications: Mapping[str, str] = attrs.field(factory=dict)
    not_kept: tuple[str, ...] = ()
    tidied: tuple[Tidied, ...] = ()


#: The posts of an export: organisation id → post label → the Popolo post.
_Posts = dict[str, dict[str, dict[str, Any]]]
_ORG = "http://www.w3.org/ns/org#"
#: The JSON-LD context of the export: Popolo's terms (http://www.popoloproject.com/contexts/) mapped to
#: the W3C Organization Ontology, FOAF, SKOS and schema.org; ids are IRIs under ``@base``.
POPOLO_CONTEXT: dict[str, Any] = {
    "@base": "https://dangjian-model.invalid/id/",
    "org": _ORG,
    "foaf": "http://xmlns.com/foaf/0.1/",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "schema": "http://schema.org/",
    "adms": "http://www.w3.org/ns/adms#",
    "opengov": "http://www.w3.org/ns/opengov#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    PREFIX: "https://dangjian-model.invalid/ns/",
    "id": "@id",
    "Organization": "org:Organization",
    "OrganizationalCollaboration": "org:OrganizationalCollaboration",
    "Person": "foaf:Person",
    "persons": {"@id": f"{PREFIX}:person", "@container": "@set"},
    "organizations": {"@id": f"{PREFIX}:organization", "@container": "@set"},
    "memberships": {"@id": f"{PREFIX}:membership", "@container": "@set"},
    "posts": {"@id": f"{PREFIX}:post", "@container": "@set"},
    "Post": "org:Post",
    "post_id": {"@id": "opengov:post", "@type": "@id"},
    "name": "skos:prefLabel",
    "label": "rdfs:label",
    "classification": {"@id": "org:classification", "@type": "@vocab"},
    "parent_id": {"@id": "org:subOrganizationOf", "@type": "@id"},
    "founding_date": {"@id": "schema:foundingDate", "@type": "xsd:date"},
    "dissolution_date": {"@id": "schema:dissolutionDate", "@type": "xsd:date"},
    "identifiers": "adms:identifier",
    "identifier": "skos:notation",
    "scheme": "adms:schemaAgency",
    "contact_details": "schema:contactPoint",
    "type": "schema:contactType",
    "value": "rdf:value",
    "role": "org:role",
    "member": "org:member",
    "person_id": {"@id": "org:member", "@type": "@id"},
    "organization_id": {"@id": "org:organization", "@type": "@id"},
    "on_behalf_of_id": {"@id": "opengov:onBehalfOf", "@type": "@id"},
    "start_date": {"@id": "schema:validFrom", "@type": "xsd:date"},
    "end_date": {"@id": "schema:validUntil", "@type": "xsd:date"},
}


def to_popolo(
    registry: Registry,
    classifications: Mapping[str, str] | None = None,
    *,
    personal_data: PersonalData = False,
) -> dict[str, Any]:
    """Popolo JSON (``persons``, ``organizations``, ``posts`` and ``memberships``) of a registry, also JSON-LD.

    >>> from dangjian_model import Registry, Unit
    >>> to_popolo(Registry(units=[Unit(id="kuangyan", name="匡堰镇", kind="镇乡")]))["organizations"]
    [{'@type': 'Organization', 'id': 'kuangyan', 'name': '匡堰镇', 'classification': 'dangjian:unit:township'}]

    The document carries a JSON-LD ``@context`` (:data:`POPOLO_CONTEXT`, inline so that no network is
    needed), so it reads as RDF in the W3C Organization Ontology, as Popolo's own contexts map it:
    an organisation is an ``org:Organization`` and an alliance an ``org:OrganizationalCollaboration``,
    ``parent_id`` is ``org:subOrganizationOf``, a membership is ``org:member``/``org:organization``.

    ``persons`` is there when the registry holds people; ``personal_data`` says how to write them,
    as for :func:`~dangjian_model.files.dumps`: ``True`` as they are, ``"mask"`` masked. ``posts``
    is there when a participation has a :attr:`~dangjian_model.Participation.post`: one post per
    organisation and label, with the id ``<organisation id>#post-<n>`` in the order they first appear.

    Raises:
        PersonalDataError: the registry holds people and ``personal_data`` is ``False``.
    """
    registry = cast("Registry", _personal(registry, personal_data))  # a registry stays a registry
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
    posts: _Posts = {}  # organisation id → label → post
    persons = [_person(person, memberships, posts) for person in registry.people]
    document: dict[str, Any] = {"@context": POPOLO_CONTEXT}
    if persons:
        document["persons"] = persons
    document["organizations"] = organizations
    if posts:
        document["posts"] = [post for in_organisation in posts.values() for post in in_organisation.values()]
    document["memberships"] = memberships
    return document


def _organization(id: str, name: str, classification: str) -> dict[str, Any]:
    kind = (
        "OrganizationalCollaboration" if classification.startswith(f"{PREFIX}:alliance:") else "Organization"
    )
    return {"@type": kind, "id": id, "name": name, "classification": classification}


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


def _person(person: Person, memberships: list[dict[str, Any]], posts: _Posts) -> dict[str, Any]:
    """The Popolo person; its affiliation, unit and participations are added to ``memberships``,
    the posts they hold to ``posts`` (by organisation and label)."""
    result: dict[str, Any] = {"@type": "Person", "id": person.id, "name": person.name}
    if person.phone is not None:
        result["contact_details"] = [{"type": _PHONE_TYPE, "value": person.phone}]
    if person.id_card is not None:
        result["identifiers"] = [{"identifier": person.id_card, "scheme": _ID_CARD_SCHEME}]
    if person.party_organisation_id is not None:
        memberships.append(
            {
                "person_id": person.id,
                "organization_id": person.party_organisation_id,
                "role": f"{_AFFILIATION}{person.standing.value}",
            }
        )
    if person.unit_id is not None:
        memberships.append({"person_id": person.id, "organization_id": person.unit_id, "role": _UNIT_ROLE})
    for participation in person.participations:
        membership: dict[str, Any] = {
            "person_id": person.id,
            "organization_id": participation.organisation_id,
        }
        _optional(membership, "role", participation.role)
        _optional(membership, "on_behalf_of_id", participation.on_behalf_of_id)
        _optional(membership, "start_date", participation.joined_on)
        _optional(membership, "end_date", participation.left_on)
        if participation.post is not None:
            membership["post_id"] = _post(participation.organisation_id, participation.post, posts)["id"]
        memberships.append(membership)
    return result


def _post(organisation_id: str, label: str, posts: _Posts) -> dict[str, Any]:
    """The post with this label in this organisation, added to ``posts`` the first time."""
    in_organisation = posts.setdefault(organisation_id, {})
    if label not in in_organisation:
        in_organisation[label] = {
            "@type": "Post",
            "id": f"{organisation_id}#post-{len(in_organisation)}",
            "label": label,
            "organization_id": organisation_id,
        }
    return in_organisation[label]


# ------------------------------------------------------------------ import


@attrs.define
class _Reader:
    strict: bool = False
    problems: list[Problem] = attrs.field(factory=list)
    not_kept: list[str] = attrs.field(factory=list)
    tidied: list[Tidied] = attrs.field(factory=list)

    def fail(self, path: str, value: object, expected: str) -> None:
        self.problems.append(
            Problem(path=path, value=shown(value) if value is not None else "", expected=expected)
        )

    def text(
        self, item: Mapping[str, Any], key: str, path: str, required: bool = False, mask: Any = None
    ) -> str | None:
        """The text at ``key``, tidied unless strict; ``mask`` shows a wrong value of personal data."""
        value = item.get(key)
        if value is None:
            if required:
                self.fail(child(path, key), None, "this key, which is required")
            return None
        if not isinstance(value, str):
            if mask is None:
                self.fail(child(path, key), value, "text")
            else:
                self.problems.append(Problem(path=child(path, key), value=mask(value), expected="text"))
            return None
        return self.tidy(value, child(path, key))

    def tidy(self, value: str, path: str) -> str:
        tidied, finding = tidy_text(value, path)
        if finding is None:
            return value
        if self.strict:  # refused here, not left to the model: an enum's label reads " lead" as lead
            self.problems.append(
                Problem(
                    path=path,
                    value="",  # never quoted: it may be a name
                    expected="首尾没有空白、没有全角空格的文本 text without white space at either end or "
                    "full-width spaces (strict=True; without it such text is tidied and reported)",
                )
            )
            return tidied  # the import fails with this problem; the model need not report it again
        self.tidied.append(finding)
        return tidied

    def id_of(self, item: Mapping[str, Any], key: str, path: str) -> str | None:
        """The ``id`` of an object embedded at ``key`` (``organization``, ``person``, ``member``)."""
        embedded = item.get(key)
        if isinstance(embedded, Mapping) and isinstance(embedded.get("id"), str):
            return self.tidy(embedded["id"], child(child(path, key), "id"))
        return None

    def reference(self, item: Mapping[str, Any], key: str, embedded: str, path: str) -> str | None:
        """The id at ``key`` (``organization_id``), or else of the object at ``embedded`` (``organization``)."""
        found = self.text(item, key, path)
        return found if found is not None else self.id_of(item, embedded, path)

    def no_field(self, keys: Iterable[Any], path: str) -> None:
        """Note the ``keys`` at ``path`` that the model has no field for (in a stable order).

        ``@type`` is JSON-LD saying what the object is (an organisation, a person …), which the
        collection it stands in says already: nothing is lost by not keeping it.
        """
        for key in sorted(keys, key=str):
            if key != _JSON_LD_TYPE:
                self.not_kept.append(f"{child(path, key)}: no field for it in the model")

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
            f"{child(path, key)}: {shown(value)} is not a whole day; the model keeps whole days only"
        )
        return None


@attrs.define
class _Read:
    """What has been read so far: every id's kind, and the fields of the entities to build."""

    kinds: dict[str, type[Any]] = attrs.field(factory=dict)
    organisations: dict[str, dict[str, Any]] = attrs.field(factory=dict)
    people: dict[str, dict[str, Any]] = attrs.field(factory=dict)
    classifications: dict[str, str] = attrs.field(factory=dict)
    memberships: list[tuple[str, Any]] = attrs.field(factory=list)
    alliance_memberships: dict[str, list[Membership]] = attrs.field(factory=dict)
    joint_committees: dict[str, str] = attrs.field(factory=dict)
    #: post id (or the path of a post with none) → its label, role, organisation and what is left
    posts: dict[str, dict[str, Any]] = attrs.field(factory=dict)
    #: the path of a membership → the id of the post given inside it
    embedded_posts: dict[str, str] = attrs.field(factory=dict)


def from_popolo(data: object, source: str = "<popolo>", *, strict: bool = False) -> PopoloImport:
    """Read Popolo persons, organisations and memberships into a registry.

    Accepts a document with ``persons``, ``organizations``, ``posts`` and ``memberships`` lists, or a
    single person, organisation, post or membership. Text with white space at either end or full-width spaces
    is tidied and each change reported in :attr:`PopoloImport.tidied`; with ``strict=True`` nothing
    is tidied, and the model refuses such text as it refuses it in the library's own formats.

    >>> read = from_popolo({"organizations": [{"id": "party/greens", "name": " Greens", "classification": "party"}]})
    >>> read.registry.units[0].name, [str(finding) for finding in read.tidied]
    ('Greens', ['$.organizations[0].name: 提示 info: 去掉首尾空白 / white space at the start or end removed'])

    Raises:
        ConfigError: the document is malformed; every problem is listed with its path.
    """
    reader = _Reader(strict=strict)
    if not isinstance(data, Mapping):
        raise ConfigError(source, (Problem(path="$", value=shown(data), expected="a Popolo JSON object"),))
    organizations, persons, posts, memberships = _lists(data, reader)
    read = _Read(memberships=memberships)
    for path, item in organizations:
        _organization_in(item, path, reader, read)
    for path, item in persons:
        _person_in(item, path, reader, read)
    for path, item in posts:
        _post_in(item, path, reader, read)
    for path, item in list(read.memberships):  # organisations, persons, posts given inside memberships
        if isinstance(item, Mapping):
            _embedded(item, path, reader, read)
    for path, item in read.memberships:
        _membership_in(item, path, reader, read)
    _posts_not_kept(reader, read)
    units, parties, alliances, people = [], [], [], []
    for id, fields in read.organisations.items():
        kind = read.kinds[id]
        try:
            if kind is Alliance:
                members = read.alliance_memberships.get(id, [])
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
                        joint_committee_id=read.joint_committees.get(id),
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
    for fields in read.people.values():
        try:
            people.append(Person(**_fields(fields)))
        except InvalidValue as error:
            field = error.where.partition(".")[2]
            key = {"phone": "contact_details", "id_card": "identifiers"}.get(field, field)
            # the model gives a person's name, phone and ID-card number masked, as text to show
            value = str(error.value) if field in ("name", "phone", "id_card") else shown(error.value)
            reader.problems.append(
                Problem(path=child(fields["_path"], key), value=value, expected=error.expected)
            )
    if reader.problems:
        raise ConfigError(source, tuple(reader.problems))
    try:
        registry = Registry(units=units, party_organisations=parties, alliances=alliances, people=people)
    except DangjianError as error:  # pragma: no cover - every entity was built above
        raise ConfigError(source, (Problem(path="$", value="", expected=str(error)),)) from None
    return PopoloImport(
        registry=registry,
        classifications=read.classifications,
        not_kept=tuple(reader.not_kept),
        tidied=tuple(reader.tidied),
    )


def _fields(fields: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in fields.items() if not key.startswith("_")}


_Items = list[tuple[str, Any]]


def _lists(data: Mapping[str, Any], reader: _Reader) -> tuple[_Items, _Items, _Items, _Items]:
    """The organisations, persons, posts and memberships of a document or a single object."""
    keys = set(data)
    is_document = bool({"organizations", "persons"} & keys) or (
        bool({"memberships", "posts"} & keys) and not {"id", "name", "label"} & keys
    )
    if not is_document:
        single = [("$", data)]
        if "label" in keys and not _NOT_POST & keys and {"memberships", "other_label"} & keys:
            return [], [], single, []
        if any(k in data for k in ("organization_id", "organization", "person_id", "member")):
            return [], [], [], single
        return ([], single, [], []) if _is_person(data) else (single, [], [], [])
    found: dict[str, _Items] = {"organizations": [], "persons": [], "posts": [], "memberships": []}
    for key, value in data.items():
        path = child("$", key)
        if key in found:
            if not isinstance(value, list):
                reader.fail(path, value, "a list")
                continue
            found[key] = [(index(path, i), item) for i, item in enumerate(value)]
        elif value != [] and key != _JSON_LD_CONTEXT:  # an empty list loses nothing; nor how to read as RDF
            reader.not_kept.append(
                f"{path}: the model keeps organisations, persons, posts and memberships only"
            )
    return found["organizations"], found["persons"], found["posts"], found["memberships"]


def _is_person(data: Mapping[str, Any]) -> bool:
    """A single object is a person if it has a key only persons have, or memberships of organisations."""
    if _PERSON_ONLY & set(data):
        return True
    embedded = data.get("memberships")
    return (
        isinstance(embedded, list)
        and bool(embedded)
        and all(
            isinstance(m, Mapping)
            and ("organization_id" in m or "organization" in m)
            and not {"person_id", "person", "member"} & set(m)
            for m in embedded
        )
    )


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


def _organization_in(item: object, path: str, reader: _Reader, read: _Read) -> None:
    if not isinstance(item, Mapping):
        reader.fail(path, item, "a Popolo organization (an object)")
        return
    id = reader.text(item, "id", path, required=True)
    name = reader.text(item, "name", path, required=True)
    classification = reader.text(item, "classification", path)
    if id is None or name is None:
        return
    if id in read.kinds:
        reader.fail(child(path, "id"), id, "an id used by one organisation or person only")
        return
    found = _classify(classification)
    kind: type[Any]
    value: Any
    if found is None:
        kind, value = Unit, UnitKind.OTHER
        if classification is not None:
            read.classifications[id] = classification
    else:
        kind, value = found
    read.kinds[id] = kind
    fields: dict[str, Any] = {"_path": path, "id": id, "name": name}
    parent = reader.text(item, "parent_id", path)
    if kind is Unit:
        fields["kind"] = value
        fields["superior_id"] = parent
        for identifier_path, identifier in _objects(item, "identifiers", path, reader):
            scheme = reader.text(identifier, "scheme", identifier_path)
            code = reader.text(identifier, "identifier", identifier_path)
            field = {"division_code": "division_code", "uscc": "credit_code"}.get(str(scheme))
            if field is not None and code is not None:
                fields[field] = code
            else:
                reader.not_kept.append(
                    f"{identifier_path}: identifier scheme {shown(scheme)} has no field in the model"
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
    reader.no_field(set(item) - _ORG_KEYS, path)
    _embedded_memberships(item, path, "organization_id", id, read)
    read.organisations[id] = fields
    for post_path, post in _objects(item, "posts", path, reader):
        _post_in(post, post_path, reader, read, organization_id=id)


def _embedded_memberships(item: Mapping[str, Any], path: str, key: str, id: str, read: _Read) -> None:
    """Memberships given inside an organisation or person, which is their organisation or member."""
    embedded = item.get("memberships")
    if not isinstance(embedded, list):
        return
    for i, membership in enumerate(embedded):
        names_it = {key, "organization"} if key == "organization_id" else {key, "person", "member"}
        if isinstance(membership, Mapping) and not names_it & set(membership):
            membership = {**membership, key: id}
        read.memberships.append((index(child(path, "memberships"), i), membership))


def _objects(
    item: Mapping[str, Any], key: str, path: str, reader: _Reader
) -> list[tuple[str, Mapping[str, Any]]]:
    """The objects of the list at ``key`` (identifiers, contact details), each with its path."""
    value = item.get(key)
    if value is None:
        return []
    if not isinstance(value, list):
        reader.fail(child(path, key), value, f"a list of {key.replace('_', ' ')}")
        return []
    found = []
    for i, entry in enumerate(value):
        if isinstance(entry, Mapping):
            found.append((index(child(path, key), i), entry))
        else:
            reader.fail(index(child(path, key), i), entry, "an object")
    return found


def _person_in(item: object, path: str, reader: _Reader, read: _Read) -> None:
    if not isinstance(item, Mapping):
        reader.fail(path, "<…>", "a Popolo person (an object)")  # never shown: it may be a name
        return
    id = reader.text(item, "id", path, required=True)
    name = reader.text(item, "name", path, required=True, mask=mask_name)
    if id is None or name is None:
        return
    if id in read.kinds:
        reader.fail(child(path, "id"), id, "an id used by one organisation or person only")
        return
    read.kinds[id] = Person
    fields: dict[str, Any] = {"_path": path, "id": id, "name": name, "participations": []}
    for detail_path, detail in _objects(item, "contact_details", path, reader):
        kind = reader.text(detail, "type", detail_path)
        value = reader.text(detail, "value", detail_path, mask=mask_phone)
        if kind is not None and kind.lower() in _PHONE_TYPES and value is not None and "phone" not in fields:
            fields["phone"] = value
            extra = set(detail) - {"type", "value"}
        else:
            why = "a second phone number" if "phone" in fields else f"contact detail type {shown(kind)}"
            reader.not_kept.append(f"{detail_path}: {why} has no field in the model")
            extra = set()
        reader.no_field(extra, detail_path)
    for identifier_path, identifier in _objects(item, "identifiers", path, reader):
        scheme = reader.text(identifier, "scheme", identifier_path)
        code = reader.text(identifier, "identifier", identifier_path, mask=mask_id_card)
        if scheme in _ID_CARD_SCHEMES and code is not None and "id_card" not in fields:
            fields["id_card"] = code
        else:
            reader.not_kept.append(
                f"{identifier_path}: identifier scheme {shown(scheme)} has no field in the model"
            )
    reader.no_field(set(item) - _PERSON_KEYS, path)
    _embedded_memberships(item, path, "person_id", id, read)
    read.people[id] = fields


def _embedded(item: Mapping[str, Any], path: str, reader: _Reader, read: _Read) -> None:
    """An organisation, person or post given whole inside a membership and nowhere else is read as one."""
    for key, read_in in (("organization", _organization_in), ("person", _person_in)):
        embedded = item.get(key)
        if isinstance(embedded, Mapping) and "name" in embedded and embedded.get("id") not in read.kinds:
            read_in(embedded, child(path, key), reader, read)
    post = item.get("post")
    if isinstance(post, Mapping) and post.get("id") not in read.posts:
        read.embedded_posts[path] = _post_in(post, child(path, "post"), reader, read)


def _post_in(
    item: object, path: str, reader: _Reader, read: _Read, organization_id: str | None = None
) -> str:
    """Read a post; its memberships are read with the memberships. The id it is known by is returned."""
    if not isinstance(item, Mapping):
        reader.fail(path, item, "a Popolo post (an object)")
        return path
    organization = item.get("organization")
    if (
        isinstance(organization, Mapping)
        and "name" in organization
        and organization.get("id") not in read.kinds
    ):
        _organization_in(organization, child(path, "organization"), reader, read)
    id = reader.text(item, "id", path)
    key = path if id is None else id  # a post without an id is known by its path
    if key in read.posts:
        reader.fail(child(path, "id"), id, "an id used by one post only")
        return key
    read.posts[key] = {
        "_path": path,
        "label": reader.text(item, "label", path),
        "role": reader.text(item, "role", path),
        "organization_id": reader.reference(item, "organization_id", "organization", path) or organization_id,
        "_extra": set(item) - _POST_KEYS,
        "_held": False,
    }
    embedded = item.get("memberships")
    if isinstance(embedded, list):
        organisation = read.posts[key]["organization_id"]
        for i, membership in enumerate(embedded):
            if isinstance(membership, Mapping):
                named = {} if {"post_id", "post"} & set(membership) else {"post_id": key}
                if organisation is not None and not {"organization_id", "organization"} & set(membership):
                    named["organization_id"] = organisation
                membership = {**membership, **named}
            read.memberships.append((index(child(path, "memberships"), i), membership))
    elif embedded is not None:
        reader.fail(child(path, "memberships"), embedded, "a list of memberships")
    return key


def _post_of(item: Mapping[str, Any], path: str, reader: _Reader, read: _Read) -> dict[str, Any] | None:
    """The post a membership names by ``post_id`` or gives inside it, if any."""
    id = reader.text(item, "post_id", path)
    if id is None:
        id = read.embedded_posts.get(path) or reader.id_of(item, "post", path)
    if id is None:
        return None
    post = read.posts.get(id)
    if post is None:
        where = child(path, "post_id" if "post_id" in item else "post")
        reader.not_kept.append(f"{where}: post {shown(id)} is not among the posts")
    return post


def _posts_not_kept(reader: _Reader, read: _Read) -> None:
    """List the posts no person holds, and what the model has no field for in the posts held."""
    for post in read.posts.values():
        path = post["_path"]
        if not post["_held"]:
            reader.not_kept.append(
                f"{path}: a post no person's membership holds; the model keeps posts only as held ones"
            )
            continue
        reader.no_field(post["_extra"], path)


def _membership_in(item: object, path: str, reader: _Reader, read: _Read) -> None:
    if not isinstance(item, Mapping):
        reader.fail(path, item, "a Popolo membership (an object)")
        return
    organization_id = reader.reference(item, "organization_id", "organization", path)
    post = _post_of(item, path, reader, read)
    if post is not None and post["organization_id"] is not None:
        if organization_id is None:
            organization_id = post["organization_id"]
        elif organization_id != post["organization_id"]:
            reader.not_kept.append(
                f"{path}: the post is in {shown(post['organization_id'])}, the membership in "
                f"{shown(organization_id)}; the membership's organisation is kept"
            )
    person_id = reader.reference(item, "person_id", "person", path)
    participant = person_id if person_id is not None else reader.id_of(item, "member", path)
    kind = read.kinds.get(organization_id) if organization_id is not None else None
    if organization_id is not None and kind is Alliance:
        _alliance_membership_in(item, path, reader, read, organization_id, participant)
        return
    member = item.get("member")
    is_person = person_id is not None or (
        participant is not None
        and (
            read.kinds.get(participant) is Person
            or (isinstance(member, Mapping) and member.get("@type") == "Person")
        )
    )
    if organization_id is None:
        reader.not_kept.append(
            f"{path}: a membership of no organisation (nor of a post in one); the model has no home for it"
        )
    elif not is_person or participant is None:
        reader.not_kept.append(
            f"{path}: a membership of an organisation in an organisation that is not an alliance"
        )
    elif participant not in read.people:
        reader.not_kept.append(f"{path}: a membership of {shown(participant)}, who is not among the persons")
    else:
        _person_membership_in(item, path, reader, read, read.people[participant], organization_id, kind, post)


def _alliance_membership_in(
    item: Mapping[str, Any],
    path: str,
    reader: _Reader,
    read: _Read,
    alliance_id: str,
    participant: str | None,
) -> None:
    if participant is None:
        reader.fail(path, None, "a member: member.id, person_id or person.id")
        return
    role_text = reader.text(item, "role", path)
    if role_text == _JOINT_COMMITTEE:
        read.joint_committees[alliance_id] = participant
        return
    role = MembershipRole.MEMBER
    if role_text is not None:
        try:
            role = MembershipRole.parse(role_text)
        except DangjianError:
            reader.not_kept.append(
                f"{child(path, 'role')}: {shown(role_text)} is no alliance role; read as member"
            )
    reader.no_field(set(item) - _MEMBERSHIP_KEYS, path)
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
    read.alliance_memberships.setdefault(alliance_id, []).append(membership)


def _standing(role: str | None) -> PartyStanding | None:
    """The standing a role names when it says the person belongs to the party organisation."""
    if role is None:
        return None
    try:
        if role.startswith(_AFFILIATION):
            return PartyStanding.parse(role[len(_AFFILIATION) :])
        standing = PartyStanding.parse(role)
    except DangjianError:
        return None
    return standing if not role.isascii() and standing is not PartyStanding.NONE else None


def _person_membership_in(
    item: Mapping[str, Any],
    path: str,
    reader: _Reader,
    read: _Read,
    person: dict[str, Any],
    organization_id: str,
    kind: type[Any] | None,
    post: dict[str, Any] | None,
) -> None:
    """A person's membership: the affiliation, the person's unit, or else a participation.

    A post gives the participation its ``post`` (the label) and, if the membership has no role,
    its role: the post's role, else its label.
    """
    role = reader.text(item, "role", path)
    label = None
    if post is not None:
        label = post["label"]
        if role is None:
            role = post["role"] if post["role"] is not None else label
        elif post["role"] not in (None, role):
            reader.not_kept.append(
                f"{path}: the post's role {shown(post['role'])} differs from the membership's; "
                "the membership's is kept"
            )
    on_behalf_of = reader.reference(item, "on_behalf_of_id", "on_behalf_of", path)
    joined, left = reader.date(item, "start_date", path), reader.date(item, "end_date", path)
    reader.no_field(set(item) - _PERSON_MEMBERSHIP_KEYS, path)
    bare = post is None and on_behalf_of is None and not {"start_date", "end_date"} & set(item)
    standing = _standing(role) if kind is PartyOrganisation and bare else None
    if standing is not None and "party_organisation_id" not in person:
        person["party_organisation_id"], person["standing"] = organization_id, standing
        return
    if role == _UNIT_ROLE and kind is Unit and bare and "unit_id" not in person:
        person["unit_id"] = organization_id
        return
    try:
        participation = Participation(
            organisation_id=organization_id,
            role=role,
            on_behalf_of_id=on_behalf_of,
            joined_on=joined,
            left_on=left,
            post=label,
        )
    except InvalidValue as error:
        field = error.where.partition(".")[2]
        where = child(path, {"organisation_id": "organization_id"}.get(field, field))
        if post is not None and (field == "post" or (field == "role" and "role" not in item)):
            where = child(post["_path"], "role" if field == "role" and post["role"] is not None else "label")
        reader.fail(where, error.value, error.expected)
        return
    if post is not None:
        post["_held"] = True
    person["participations"].append(participation)

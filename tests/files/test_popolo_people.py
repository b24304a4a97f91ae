"""Popolo persons and their memberships come in whole, and untidy text is tidied and reported."""

from __future__ import annotations

import datetime
import json
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from dangjian_model import MembershipRole, Participation, PartyStanding, Person, Registry, strategies
from dangjian_model.files import ConfigError, PersonalDataError, PopoloImport, from_popolo, to_popolo
from dangjian_model.files._tidy import FULL_WIDTH_SPACE, Tidied, tidy_text
from dangjian_model.validation import validate
from tests.files.conftest import EXAMPLES, SHARED
from tests.files.test_schema_and_popolo import _popolo_validator

REAL = sorted((EXAMPLES / "popolo").glob("*.json"))
POPOLO_EXAMPLES = SHARED / "popolo" / "examples"
#: The keys of a Popolo document the model keeps, wherever they are.
KEPT_KEYS = {"id", "name", "classification", "role", "organization_id", "person_id", "on_behalf_of_id"}


def _load(path: Path) -> dict[str, Any]:
    document: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return document


def _strings(tree: Any, path: str = "$") -> Iterator[tuple[str, str]]:
    """Every text in a JSON tree with its path, as the importer writes paths."""
    if isinstance(tree, dict):
        for key, value in tree.items():
            yield from _strings(value, f"{path}.{key}")
    elif isinstance(tree, list):
        for i, value in enumerate(tree):
            yield from _strings(value, f"{path}[{i}]")
    elif isinstance(tree, str):
        yield path, tree


def _tidy(tree: Any) -> Any:
    """The tree with every text tidied as the importer tidies it."""
    if isinstance(tree, dict):
        return {key: _tidy(value) for key, value in tree.items()}
    if isinstance(tree, list):
        return [_tidy(value) for value in tree]
    return tidy_text(tree, "")[0] if isinstance(tree, str) else tree


def _memberships(document: dict[str, Any]) -> Counter[str]:
    """The memberships as a multiset; ``id`` and ``label`` are written afresh by the export, and so are
    post ids: a post is its organisation and label, and a membership without a role holds the post's."""
    posts = {post["id"]: post for post in document.get("posts", [])}

    def plain(membership: dict[str, Any]) -> dict[str, Any]:
        kept = {k: v for k, v in membership.items() if k not in ("id", "label")}
        if "post_id" in kept:
            post = posts[kept.pop("post_id")]
            kept.setdefault("role", post.get("role") or post["label"])
            kept.setdefault("organization_id", post["organization_id"])
            kept["post"] = (post["organization_id"], post["label"])
        return kept

    return Counter(json.dumps(plain(m), sort_keys=True, ensure_ascii=False) for m in document["memberships"])


def _by_id(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The items by id, without the JSON-LD ``@type`` the export adds to organisations and persons."""
    untyped = [{k: v for k, v in item.items() if k != "@type"} for item in items]
    return sorted(untyped, key=lambda item: str(item["id"]))


def _same_document(exported: dict[str, Any], original: dict[str, Any]) -> None:
    assert _by_id(exported["organizations"]) == _by_id(original["organizations"])
    assert _by_id(exported.get("persons", [])) == _by_id(original.get("persons", []))
    assert _memberships(exported) == _memberships(original)


# ------------------------------------------------------------------ real data


@pytest.mark.parametrize("path", REAL, ids=lambda path: path.stem)
def test_a_real_popolo_file_keeps_every_organisation_person_and_membership(path: Path) -> None:
    document = _load(path)
    read = from_popolo(document)
    registry = read.registry
    assert {u.id for u in registry.units} == {o["id"] for o in document["organizations"]}
    assert {p.id for p in registry.people} == {p["id"] for p in document["persons"]}
    kept = sum(len(p.participations) for p in registry.people)
    assert kept == len(document["memberships"])
    exported = to_popolo(registry, read.classifications, personal_data=True)
    tidy = _tidy(document)
    assert _memberships(exported) == _memberships(tidy)
    assert _by_id(exported["organizations"]) == _by_id(tidy["organizations"])
    assert sorted((p["id"], p["name"]) for p in exported["persons"]) == sorted(
        (p["id"], p["name"]) for p in tidy["persons"]
    )
    assert not validate(registry).has_errors


@pytest.mark.parametrize("path", REAL, ids=lambda path: path.stem)
def test_a_real_popolo_file_lists_only_fields_the_model_has_no_home_for(path: Path) -> None:
    document = _load(path)
    not_kept = from_popolo(document).not_kept
    paths = {path for path, _ in _strings(document)}
    for line in not_kept:
        where = line.split(": ", 1)[0]
        assert where.rsplit(".", 1)[-1] not in KEPT_KEYS, line
        assert any(p == where or p.startswith((where + ".", where + "[")) for p in paths), line
    assert not any(".name:" in line or ".role:" in line for line in not_kept)


@pytest.mark.parametrize("path", REAL, ids=lambda path: path.stem)
def test_untidy_text_in_a_real_file_is_tidied_and_each_change_reported_where_it_is(path: Path) -> None:
    document = _load(path)
    read = from_popolo(document)
    untidy = {where for where, text in _strings(document) if tidy_text(text, where)[1] is not None}
    not_kept = [line.split(": ", 1)[0] for line in read.not_kept]
    expected = {where for where in untidy if not any(where.startswith(gone) for gone in not_kept)}
    assert {finding.path for finding in read.tidied} == expected
    assert all(finding.severity == "info" for finding in read.tidied)


def test_the_tasmanian_greens_with_a_leading_space_are_read_and_strict_refuses_them() -> None:
    document = _load(EXAMPLES / "popolo" / "tas_local_councillors_excerpt.json")
    position = next(i for i, o in enumerate(document["organizations"]) if o["name"] != o["name"].strip())
    where = f"$.organizations[{position}].name"
    read = from_popolo(document)
    organisation = read.registry.unit(document["organizations"][position]["id"])
    assert organisation.name == document["organizations"][position]["name"].strip()
    assert [f.path for f in read.tidied] == [where]
    with pytest.raises(ConfigError) as refused:
        from_popolo(document, strict=True)
    assert [problem.path for problem in refused.value.problems] == [where]


def test_a_tidy_real_file_reads_the_same_strict_or_not() -> None:
    document = _load(EXAMPLES / "popolo" / "vic_local_councillors_excerpt.json")
    read = from_popolo(document)
    assert read.tidied == ()
    assert from_popolo(document, strict=True) == read
    dated = [p for person in read.registry.people for p in person.participations if p.left_on is not None]
    assert dated
    assert all(isinstance(p.left_on, datetime.date) for p in dated)


# ------------------------------------------------------------------ generated Popolo

_ROLES = st.sampled_from(["councillor", "Deputy Mayor", "双报到党员", "流动党员", "网格员"])
_POST_LABELS = st.sampled_from(["Councillor for North Ward", "Mayor", "第一网格网格长", "兼职委员"])
_NAMES = st.text(alphabet="张王李建 abcXY", min_size=1, max_size=8).map(str.strip).filter(bool)
_DAYS = strategies.dates().map(datetime.date.isoformat)


@st.composite
def popolo_documents(draw: st.DrawFn) -> dict[str, Any]:
    """Popolo the model keeps whole: councils and branches, an alliance, persons and their memberships."""
    ids = draw(st.lists(strategies.ids(), min_size=3, max_size=12, unique=True))
    split = draw(st.integers(1, len(ids) - 1))
    organisation_ids, person_ids = ids[:split], ids[split:]
    kinds = {
        o: draw(st.sampled_from(["legislature", "party", "branch", "alliance"])) for o in organisation_ids
    }
    classification = {
        "legislature": "legislature",
        "party": "party",
        "branch": "dangjian:party_organisation:branch",
        "alliance": "dangjian:alliance:cluster",
    }
    organizations = [
        {"id": o, "name": draw(_NAMES), "classification": classification[kind]} for o, kind in kinds.items()
    ]
    persons = []
    for p in person_ids:
        person: dict[str, Any] = {"id": p, "name": draw(_NAMES)}
        if draw(st.booleans()):
            person["contact_details"] = [
                {"type": "voice", "value": draw(st.from_regex(r"1[3-9]\d{9}", fullmatch=True))}
            ]
        if draw(st.booleans()):
            person["identifiers"] = [
                {
                    "identifier": draw(st.from_regex(r"\d{17}[\dX]", fullmatch=True)),
                    "scheme": "cn_resident_id_card",
                }
            ]
        persons.append(person)
    memberships: list[dict[str, Any]] = []
    for o, kind in kinds.items():
        if kind != "alliance":
            continue
        members = draw(st.lists(st.sampled_from(ids), min_size=1, max_size=4))
        for m in members:
            membership: dict[str, Any] = {"role": draw(st.sampled_from(MembershipRole)).value}
            membership.update(
                {"person_id": m} if m in person_ids else {"member": {"@type": "Organization", "id": m}}
            )
            membership["organization_id"] = o
            memberships.append(membership)
    places = [o for o, kind in kinds.items() if kind != "alliance"]
    posts = [
        {"id": f"post/{i}", "label": draw(_POST_LABELS), "organization_id": place}
        for i, place in enumerate(draw(st.lists(st.sampled_from(places), max_size=4)) if places else [])
    ]
    for post in posts:
        if draw(st.booleans()):
            post["role"] = draw(_ROLES)
    for p in person_ids:
        for _ in range(draw(st.integers(0, 3)) if places else 0):
            place = draw(st.sampled_from(places))
            membership = {"person_id": p, "organization_id": place}
            if kinds[place] == "branch" and draw(st.booleans()):
                standing = draw(st.sampled_from([PartyStanding.FULL, PartyStanding.PROBATIONARY]))
                membership["role"] = f"dangjian:affiliation:{standing.value}"
            elif draw(st.booleans()):
                membership["role"] = draw(_ROLES)
            held = [post for post in posts if post["organization_id"] == place]
            if held and "dangjian:affiliation:" not in membership.get("role", "") and draw(st.booleans()):
                post = draw(st.sampled_from(held))
                membership["post_id"] = post["id"]
                if "role" in post:  # a membership's own role differing from its post's is reported
                    membership.pop("role", None)
                    if draw(st.booleans()):
                        membership["role"] = post["role"]
                if draw(st.booleans()):  # the post names the organisation
                    del membership["organization_id"]
            if draw(st.booleans()):
                membership["on_behalf_of_id"] = draw(st.sampled_from(places))
            start = draw(st.none() | _DAYS)
            if start is not None:
                membership["start_date"] = start
            if draw(st.booleans()):
                membership["end_date"] = draw(_DAYS)
            memberships.append(membership)
    named = {m.get("post_id") for m in memberships}
    posts = [post for post in posts if post["id"] in named]  # a post nobody holds is not kept
    return {"persons": persons, "organizations": organizations, "posts": posts, "memberships": memberships}


@given(document=popolo_documents())
def test_popolo_import_then_export_keeps_every_organisation_person_and_membership(
    document: dict[str, Any],
) -> None:
    read = from_popolo(document)
    assert read.not_kept == ()
    assert read.tidied == ()
    exported = to_popolo(read.registry, read.classifications, personal_data=True)
    _same_document(exported, document)
    assert from_popolo(exported).registry == read.registry


@given(document=popolo_documents())
def test_every_post_label_is_kept_on_the_participations_that_hold_it_and_written_back_once(
    document: dict[str, Any],
) -> None:
    read = from_popolo(document)
    kept = Counter(q.post for person in read.registry.people for q in person.participations if q.post)
    labels = {post["id"]: post["label"] for post in document["posts"]}
    assert kept == Counter(labels[m["post_id"]] for m in document["memberships"] if "post_id" in m)
    exported = to_popolo(read.registry, read.classifications, personal_data=True)
    written = [(post["organization_id"], post["label"]) for post in exported.get("posts", [])]
    assert sorted(written) == sorted({(post["organization_id"], post["label"]) for post in document["posts"]})


def _messy(text: str, how: int) -> str:
    if how == 0:
        return " " + text
    if how == 1:
        return text + "\t"
    if how == 2:
        return FULL_WIDTH_SPACE + text + FULL_WIDTH_SPACE
    return text.replace(" ", FULL_WIDTH_SPACE) if " " in text else text + " \n"


@given(document=popolo_documents(), data=st.data())
def test_untidy_names_and_roles_are_tidied_each_reported_at_its_path(
    document: dict[str, Any], data: st.DataObject
) -> None:
    messy = json.loads(json.dumps(document))
    expected = set()
    for collection, key in (("organizations", "name"), ("persons", "name"), ("memberships", "role")):
        for i, item in enumerate(messy[collection]):
            how = data.draw(st.none() | st.integers(0, 3))
            if key in item and how is not None:
                item[key] = _messy(item[key], how)
                expected.add(f"$.{collection}[{i}].{key}")
    read = from_popolo(messy)
    assert {finding.path for finding in read.tidied} == expected
    assert len(read.tidied) == len(expected)
    _same_document(to_popolo(read.registry, read.classifications, personal_data=True), document)
    if expected:
        with pytest.raises(ConfigError):
            from_popolo(messy, strict=True)


def _as_popolo_keeps_it(person: Person) -> Person:
    """What Popolo carries of a person: not the roles, nor a standing without an organisation; a post
    held with no role of its own comes back with the post's label as its role."""
    standing = person.standing if person.party_organisation_id is not None else PartyStanding.NONE
    participations = [
        attrs.evolve(q, role=q.post) if q.role is None and q.post is not None else q
        for q in person.participations
    ]
    return attrs.evolve(person, roles=frozenset(), standing=standing, participations=participations)


@given(registry=strategies.registries(max_townships=1, max_villages=3))
def test_people_exported_to_popolo_come_back_with_affiliation_unit_and_participations(
    registry: Registry,
) -> None:
    back = from_popolo(to_popolo(registry, personal_data=True)).registry
    assert back.people == tuple(_as_popolo_keeps_it(person) for person in registry.people)


# ------------------------------------------------------------------ what maps to what


def _councillor(**membership: Any) -> dict[str, Any]:
    return {
        "persons": [{"id": "p1", "name": "龚建立"}],
        "organizations": [
            {"id": "branch", "name": "倡隆村党支部", "classification": "党支部"},
            {"id": "village", "name": "倡隆村", "classification": "行政村"},
            {"id": "council", "name": "Council", "classification": "legislature"},
        ],
        "memberships": [{"person_id": "p1", **membership}],
    }


def test_a_standing_in_a_party_organisation_is_the_affiliation_and_a_second_one_a_participation() -> None:
    document = _councillor(organization_id="branch", role="正式党员")
    document["memberships"].append({"person_id": "p1", "organization_id": "branch", "role": "预备党员"})
    (person,) = from_popolo(document).registry.people
    assert (person.party_organisation_id, person.standing) == ("branch", PartyStanding.FULL)
    assert person.participations == (Participation(organisation_id="branch", role="预备党员"),)


def test_a_dated_membership_of_a_party_organisation_stays_a_participation_with_its_dates() -> None:
    document = _councillor(organization_id="branch", role="党员", start_date="2020-06-01")
    (person,) = from_popolo(document).registry.people
    assert person.party_organisation_id is None
    assert person.participations == (
        Participation(organisation_id="branch", role="党员", joined_on="2020-06-01"),
    )


def test_the_unit_role_gives_the_persons_unit_and_any_other_role_a_participation() -> None:
    document = _councillor(organization_id="village", role="dangjian:unit")
    document["memberships"].append({"person_id": "p1", "organization_id": "council", "role": "Mayor"})
    document["memberships"].append({"person_id": "p1", "organization_id": "branch", "role": "群众"})
    (person,) = from_popolo(document).registry.people
    assert person.unit_id == "village"
    assert [(p.organisation_id, p.role) for p in person.participations] == [
        ("council", "Mayor"),
        ("branch", "群众"),
    ]


def test_a_membership_with_a_person_as_member_or_embedded_is_the_persons() -> None:
    document = _councillor(organization_id="council")
    document["memberships"] = [
        {"member": {"@type": "Person", "id": "p1"}, "organization_id": "council", "role": "a"},
        {"member": {"id": "p1"}, "organization": {"id": "council"}, "role": "b"},
        {
            "person": {"id": "p1"},
            "organization_id": "council",
            "role": "c",
            "on_behalf_of": {"id": "village"},
        },
    ]
    (person,) = from_popolo(document).registry.people
    assert [(p.role, p.on_behalf_of_id) for p in person.participations] == [
        ("a", None),
        ("b", None),
        ("c", "village"),
    ]


def test_memberships_the_model_has_no_home_for_are_listed_not_dropped() -> None:
    document = _councillor(organization_id="council", label="Councillor for X", post_id="x")
    document["memberships"] += [
        {"member": {"@type": "Organization", "id": "village"}, "organization_id": "council"},
        {"person_id": "ghost", "organization_id": "council"},
        {"person_id": "p1", "post_id": "mayor"},
    ]
    read = from_popolo(document)
    assert read.not_kept == (
        "$.memberships[0].post_id: post 'x' is not among the posts",
        "$.memberships[0].label: no field for it in the model",
        "$.memberships[1]: a membership of an organisation in an organisation that is not an alliance",
        "$.memberships[2]: a membership of 'ghost', who is not among the persons",
        "$.memberships[3].post_id: post 'mayor' is not among the posts",
        "$.memberships[3]: a membership of no organisation (nor of a post in one); the model has no home for it",
    )


def test_a_person_in_an_alliance_is_an_alliance_membership() -> None:
    document = _councillor(organization_id="alliance", role="顾问")
    document["organizations"].append({"id": "alliance", "name": "联盟", "classification": "片区党建联盟"})
    document["memberships"].insert(
        0, {"member": {"id": "village"}, "organization_id": "alliance", "role": "牵头"}
    )
    read = from_popolo(document)
    (alliance,) = read.registry.alliances
    assert [(m.participant_id, m.role) for m in alliance.memberships] == [
        ("village", MembershipRole.LEAD),
        ("p1", MembershipRole.ADVISER),
    ]
    assert read.registry.person("p1").participations == ()


def test_the_popolo_person_example_is_read_as_a_person_with_the_rest_listed() -> None:
    read = from_popolo(json.loads((POPOLO_EXAMPLES / "person.json").read_text(encoding="utf-8")))
    (person,) = read.registry.people
    assert person.phone == "+1-555-555-0100"
    assert read.registry.units == ()
    for key in ("other_names", "email", "gender", "birth_date", "links"):
        assert f"$.{key}: no field for it in the model" in read.not_kept
    assert "$.identifiers[0]: identifier scheme 'SIN' has no field in the model" in read.not_kept
    assert "$.contact_details[0].note: no field for it in the model" in read.not_kept


@pytest.mark.parametrize("name", ["embedding-person", "embedding-membership"])
def test_the_popolo_embedding_examples_give_the_person_and_the_chefs_participation(name: str) -> None:
    read = from_popolo(json.loads((POPOLO_EXAMPLES / f"{name}.json").read_text(encoding="utf-8")))
    person = read.registry.person("john-q-public")
    roles = [(p.organisation_id, p.role, p.left_on) for p in person.participations]
    assert ("abc-inc", "Chef", datetime.date(1980, 3, 15)) in roles


def test_memberships_of_a_person_given_nowhere_are_listed_with_the_organisations_posts() -> None:
    read = from_popolo(
        json.loads((POPOLO_EXAMPLES / "embedding-organization.json").read_text(encoding="utf-8"))
    )
    assert read.registry.people == ()
    assert "$.memberships[0]: a membership of 'john-q-public', who is not among the persons" in read.not_kept
    for i in (0, 1):
        assert (
            f"$.posts[{i}]: a post no person's membership holds; the model keeps posts only as held ones"
            in (read.not_kept)
        )


_CHEF = ("Chef", "Chef at Joe's Diner", datetime.date(1980, 3, 15))
_KITCHEN_ASSISTANT = ("Kitchen assistant", "Kitchen Assistant at Joe's Diner", datetime.date(1971, 12, 31))


def _example(name: str) -> dict[str, Any]:
    return _load(POPOLO_EXAMPLES / f"{name}.json")


def _posts_held(read: PopoloImport, person_id: str = "john-q-public") -> set[tuple[Any, ...]]:
    person = read.registry.person(person_id)
    return {(q.role, q.post, q.left_on) for q in person.participations}


def test_the_popolo_examples_person_and_organisation_together_keep_both_posts_labels() -> None:
    document = {
        "persons": [_example("embedding-person")],
        "organizations": [_example("embedding-organization")],
    }
    read = from_popolo(document)
    assert _posts_held(read) == {_CHEF, _KITCHEN_ASSISTANT}
    assert not any("posts" in line or "post_id" in line for line in read.not_kept)
    back = from_popolo(to_popolo(read.registry, read.classifications, personal_data=True))
    assert back.registry == read.registry
    assert not any(".post" in line and "@type" not in line for line in back.not_kept)


def test_a_post_given_inside_a_membership_keeps_its_label() -> None:
    read = from_popolo(_example("embedding-membership"))
    assert _posts_held(read) == {_CHEF}
    assert not any(".post" in line for line in read.not_kept)


def test_a_single_post_with_its_memberships_is_read_as_the_post_they_hold() -> None:
    document = _example("embedding-post")
    document["memberships"][0]["person"] = {"id": "john-q-public", "name": "John Q. Public"}
    del document["memberships"][0]["person_id"]
    del document["memberships"][0]["organization_id"]  # the post's organisation is the membership's
    read = from_popolo(document)
    assert _posts_held(read) == {_CHEF}
    assert read.registry.unit("abc-inc").name == "ABC, Inc."
    assert read.not_kept == ("$.memberships[0].id: no field for it in the model",)


def test_the_popolo_post_example_is_listed_whole_for_nobody_holds_it() -> None:
    read = from_popolo(_example("post"))
    assert read.registry.people == ()
    assert read.not_kept == (
        "$: a post no person's membership holds; the model keeps posts only as held ones",
    )


def test_a_post_without_a_label_gives_its_role_and_without_either_nothing() -> None:
    document = _councillor(post_id="chair")
    document["posts"] = [
        {"id": "chair", "role": "Chair", "organization_id": "council"},
        {"id": "seat", "organization_id": "council"},
    ]
    document["memberships"].append({"person_id": "p1", "post_id": "seat", "role": "councillor"})
    read = from_popolo(document)
    assert [(q.organisation_id, q.role, q.post) for q in read.registry.person("p1").participations] == [
        ("council", "Chair", None),
        ("council", "councillor", None),
    ]
    assert read.not_kept == ()


def test_a_post_in_no_organisation_is_held_in_its_memberships_organisation() -> None:
    document = _councillor()
    document["memberships"] = []
    document["posts"] = [
        {"id": "s", "label": "Speaker", "memberships": [{"person_id": "p1", "organization_id": "council"}]}
    ]
    read = from_popolo(document)
    assert read.registry.person("p1").participations == (
        Participation(organisation_id="council", role="Speaker", post="Speaker"),
    )
    assert read.not_kept == ()


def test_what_a_held_post_cannot_keep_is_listed_and_the_membership_wins() -> None:
    document = _councillor(organization_id="village", post_id="mayor", role="Acting Mayor")
    document["posts"] = [
        {
            "id": "mayor",
            "label": "Mayor of X",
            "role": "Mayor",
            "organization_id": "council",
            "start_date": "1950",
            "other_label": ["Lord Mayor"],
        }
    ]
    read = from_popolo(document)
    assert read.registry.person("p1").participations == (
        Participation(organisation_id="village", role="Acting Mayor", post="Mayor of X"),
    )
    assert read.not_kept == (
        "$.memberships[0]: the post is in 'council', the membership in 'village'; "
        "the membership's organisation is kept",
        "$.memberships[0]: the post's role 'Mayor' differs from the membership's; the membership's is kept",
        "$.posts[0].other_label: no field for it in the model",
        "$.posts[0].start_date: no field for it in the model",
    )


def test_a_post_held_in_an_alliance_is_listed_for_an_alliance_membership_holds_no_post() -> None:
    document = _councillor(organization_id="alliance", post_id="adviser", role="顾问")
    document["organizations"].append({"id": "alliance", "name": "联盟", "classification": "片区党建联盟"})
    document["posts"] = [{"id": "adviser", "label": "联盟顾问", "organization_id": "alliance"}]
    read = from_popolo(document)
    assert read.not_kept == (
        "$.memberships[0].post_id: no field for it in the model",
        "$.posts[0]: a post no person's membership holds; the model keeps posts only as held ones",
    )


def test_a_phone_and_an_id_card_come_from_contact_details_and_identifiers() -> None:
    document = _councillor(organization_id="council")
    document["persons"][0]["contact_details"] = [
        {"type": "email", "value": "a@example.org"},
        {"type": "cell", "value": "13812345678"},
        {"type": "voice", "value": "0574-1234567"},
    ]
    document["persons"][0]["identifiers"] = [{"scheme": "居民身份证", "identifier": "11010519491231002X"}]
    read = from_popolo(document)
    person = read.registry.person("p1")
    assert (person.phone, person.id_card) == ("13812345678", "11010519491231002X")
    assert read.not_kept == (
        "$.persons[0].contact_details[0]: contact detail type 'email' has no field in the model",
        "$.persons[0].contact_details[2]: a second phone number has no field in the model",
    )


# ------------------------------------------------------------------ export and personal data


@given(document=popolo_documents())
def test_exported_persons_and_memberships_validate_against_the_popolo_schemas(
    document: dict[str, Any],
) -> None:
    read = from_popolo(document)
    exported = to_popolo(read.registry, read.classifications, personal_data=True)
    persons, memberships = _popolo_validator("person"), _popolo_validator("membership")
    posts = _popolo_validator("post")
    for person in exported.get("persons", []):
        persons.validate(person)
    for post in exported.get("posts", []):
        posts.validate(post)
    for membership in exported["memberships"]:
        memberships.validate(membership)
        assert "organization_id" in membership
        assert "member" in membership or "person_id" in membership


def test_exporting_people_needs_the_personal_data_choice_and_mask_hides_them() -> None:
    registry = from_popolo(_councillor(organization_id="council", role="Mayor")).registry
    with pytest.raises(PersonalDataError):
        to_popolo(registry)
    masked = json.dumps(to_popolo(registry, personal_data="mask"), ensure_ascii=False)
    assert "龚建立" not in masked and "龚**" in masked
    assert to_popolo(registry, personal_data=True)["persons"] == [
        {"@type": "Person", "id": "p1", "name": "龚建立"}
    ]


# ------------------------------------------------------------------ refused

_ALLIANCE = {"id": "a", "name": "联盟", "classification": "dangjian:alliance:cluster"}


def test_alliance_memberships_list_what_an_alliance_membership_cannot_hold() -> None:
    document = {
        "organizations": [{**_ALLIANCE, "parent_id": "x"}],
        "memberships": [
            {"member": {"id": "v1"}, "organization_id": "a", "role": "boss"},
            {"member": {"id": "v2"}, "organization_id": "a", "on_behalf_of_id": "v1"},
        ],
    }
    read = from_popolo(document)
    assert [(m.participant_id, m.role) for m in read.registry.alliances[0].memberships] == [
        ("v1", MembershipRole.MEMBER),
        ("v2", MembershipRole.MEMBER),
    ]
    assert read.not_kept == (
        "$.organizations[0].parent_id: an alliance has no parent, only a joint committee",
        "$.memberships[0].role: 'boss' is no alliance role; read as member",
        "$.memberships[1].on_behalf_of_id: no field for it in the model",
    )


@pytest.mark.parametrize(
    "classification", ["dangjian:unit:bogus", "dangjian:team:x", "不知道", "legislature"]
)
def test_a_classification_the_model_does_not_know_is_kept_as_its_text(classification: str) -> None:
    read = from_popolo({"organizations": [{"id": "o", "name": "x", "classification": classification}]})
    assert read.classifications == {"o": classification}
    organisation = to_popolo(read.registry, read.classifications)["organizations"][0]
    assert organisation["classification"] == classification


@pytest.mark.parametrize(
    ("document", "where"),
    [
        ({"persons": "x"}, "$.persons"),
        ({"persons": [["p"]]}, "$.persons[0]"),
        ({"persons": [{"id": "p"}]}, "$.persons[0].name"),
        ({"persons": [{"id": "p", "name": 1}]}, "$.persons[0].name"),
        ({"persons": [{"id": "p", "name": "x\x00"}]}, "$.persons[0].name"),
        ({"persons": [{"id": "p", "name": "x", "contact_details": "x"}]}, "$.persons[0].contact_details"),
        ({"persons": [{"id": "p", "name": "x", "identifiers": [1]}]}, "$.persons[0].identifiers[0]"),
        (
            {"persons": [{"id": "p", "name": "x"}], "organizations": [{"id": "p", "name": "y"}]},
            "$.persons[0].id",
        ),
        (
            {
                "persons": [{"id": "p", "name": "x"}],
                "memberships": [{"person_id": "p", "organization_id": " "}],
            },
            "$.memberships[0].organization_id",
        ),
        (
            {
                "persons": [{"id": "p", "name": "x"}],
                "memberships": [{"person_id": "p", "organization_id": "o", "role": "x" * 2001}],
            },
            "$.memberships[0].role",
        ),
        (
            {
                "persons": [{"id": "p", "name": "x"}],
                "memberships": [{"person_id": "p", "organization_id": "o", "start_date": "2021-02-30"}],
            },
            "$.memberships[0].start_date",
        ),
        ({"memberships": [1]}, "$.memberships[0]"),
        ({"posts": "x"}, "$.posts"),
        ({"posts": [1]}, "$.posts[0]"),
        ({"posts": [{"id": "s", "label": "a"}, {"id": "s", "label": "b"}]}, "$.posts[1].id"),
        ({"posts": [{"id": "s", "label": "a", "memberships": 1}]}, "$.posts[0].memberships"),
        ({"posts": [{"label": "a", "memberships": [1]}]}, "$.posts[0].memberships[0]"),
        ({"id": "o", "name": "x", "posts": {"id": "s"}}, "$.posts"),
        (
            {
                "persons": [{"id": "p", "name": "x"}],
                "posts": [{"id": "s", "label": "x" * 2001, "organization_id": "o"}],
                "memberships": [{"person_id": "p", "post_id": "s", "role": "r"}],
            },
            "$.posts[0].label",
        ),
        (
            {
                "persons": [{"id": "p", "name": "x"}],
                "posts": [{"id": "s", "role": "x\x00", "organization_id": "o"}],
                "memberships": [{"person_id": "p", "post_id": "s"}],
            },
            "$.posts[0].role",
        ),
        (
            {
                "persons": [{"id": "p", "name": "x"}],
                "memberships": [{"person_id": "p", "organization_id": "o", "post": {"label": "x" * 2001}}],
            },
            "$.memberships[0].post.label",
        ),
        ({"id": "a", "name": "x", "memberships": [1]}, "$.memberships[0]"),
        ({"organizations": [{"id": "a", "name": "x"}, {"id": "a", "name": "y"}]}, "$.organizations[1].id"),
        ({"organizations": [_ALLIANCE]}, "$.organizations[0]"),
        ({"organizations": [_ALLIANCE], "memberships": [{"organization_id": "a"}]}, "$.memberships[0]"),
        (
            {"organizations": [_ALLIANCE], "memberships": [{"organization_id": "a", "member": {"id": ""}}]},
            "$.memberships[0]",
        ),
    ],
)
def test_a_malformed_person_or_membership_is_a_config_error_at_its_path(
    document: dict[str, Any], where: str
) -> None:
    with pytest.raises(ConfigError) as refused:
        from_popolo(document)
    assert where in [problem.path for problem in refused.value.problems]


def test_tidied_reads_as_an_info_finding_in_both_languages() -> None:
    finding = Tidied(path="$.organizations[0].name", message_zh="去掉首尾空白", message_en="trimmed")
    assert str(finding) == "$.organizations[0].name: 提示 info: 去掉首尾空白 / trimmed"
    assert tidy_text("a\u3000b", "$")[1] == Tidied(
        path="$",
        message_zh="全角空格改为半角空格",
        message_en="full-width spaces (U+3000) replaced by spaces",
    )


def test_strict_import_refuses_untidy_text_even_where_the_model_would_read_it() -> None:
    document = {
        "organizations": [
            {"id": "a", "name": "联盟", "classification": "dangjian:alliance:cluster"},
            {"id": "v", "name": "村", "classification": "村"},
        ],
        "memberships": [{"organization_id": "a", "member": {"id": "v"}, "role": " lead"}],
    }
    assert from_popolo(document).tidied
    with pytest.raises(ConfigError) as raised:
        from_popolo(document, strict=True)
    assert [problem.path for problem in raised.value.problems] == ["$.memberships[0].role"]


@given(registry=strategies.registries(max_townships=1, max_villages=3))
def test_our_own_export_read_back_loses_nothing_not_even_its_json_ld_keywords(registry: Registry) -> None:
    document = to_popolo(registry, personal_data=True)
    assert "@context" in document
    assert from_popolo(document).not_kept == ()


def test_json_ld_keywords_are_not_data_but_other_unknown_keys_still_are_reported() -> None:
    document = {
        "@context": {"org": "http://www.w3.org/ns/org#"},
        "organizations": [{"@type": "Organization", "id": "v", "name": "村", "motto": "共建"}],
    }
    assert from_popolo(document).not_kept == ("$.organizations[0].motto: no field for it in the model",)

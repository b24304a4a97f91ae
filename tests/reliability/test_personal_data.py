"""Planted personal data (a name, a phone number, an ID-card number) appears in no output but a dump that asks for it."""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterator

import attrs
import pytest

from dangjian_model import Alliance, DangjianError, Membership, Person, Registry
from dangjian_model.diagram import to_dot, to_mermaid
from dangjian_model.files import PersonalDataError, dumps, from_popolo, loads, to_popolo
from dangjian_model.validation import cixi_example, validate

NAME = "龚建立"
PHONE = "13812345678"
ID_CARD = "110105194912310021"  # the check character should be X: DJ603 reports it
PLANTED = (NAME, PHONE, ID_CARD, ID_CARD[6:14])  # the birth date alone is personal too


def _registry() -> Registry:
    base = cixi_example()
    person = Person(id="p-planted", name=NAME, phone=PHONE, id_card=ID_CARD, party_organisation_id="nowhere")
    south = base.alliance("cixi-south")
    south = attrs.evolve(south, memberships=(*south.memberships, Membership(participant_id="p-planted")))
    return attrs.evolve(
        base,
        people=(*base.people, person),
        alliances=[a if a.id != "cixi-south" else south for a in base.alliances],
    )


def _errors(call: Callable[[], object]) -> str:
    with pytest.raises(DangjianError) as error:
        call()
    return f"{error.value}\n{error.value!r}\n{error.value.args!r}"


def _bad_documents() -> Iterator[str]:
    person = {"id": "p-planted", "name": NAME, "phone": PHONE, "id_card": ID_CARD}
    for field, value in (
        ("name", NAME + " "),
        ("phone", int(PHONE)),
        ("id_card", int(ID_CARD)),
        ("phone", [PHONE]),
    ):
        yield json.dumps({"people": [{**person, field: value}]}, ensure_ascii=False)
    yield json.dumps({"people": [NAME, PHONE, ID_CARD]}, ensure_ascii=False)
    yield json.dumps({"people": [{**person, "nickname": NAME}]}, ensure_ascii=False)
    yield json.dumps({"people": {"p": person}}, ensure_ascii=False)


def _outputs(registry: Registry) -> Iterator[tuple[str, str]]:
    person = registry.person("p-planted")
    yield "repr(person)", repr(person)
    yield "str(person)", str(person)
    yield "repr(registry)", repr(registry)
    yield "str(registry)", str(registry)
    report = validate(registry)
    assert "DJ603" in report.codes, "the bad ID-card number is reported"
    yield "validation text", report.to_text()
    yield "validation dict", json.dumps(report.to_dict(), ensure_ascii=False)
    yield "validation findings", repr(report)
    yield "diagram mermaid", to_mermaid(registry, "cixi-south")
    yield "diagram dot", to_dot(registry, "cixi-south")
    yield "popolo without the option", _errors(lambda: to_popolo(registry))
    yield "popolo masked", json.dumps(to_popolo(registry, personal_data="mask"), ensure_ascii=False)
    exported = to_popolo(registry, personal_data=True)
    yield "popolo import", repr(from_popolo(exported))
    for planted in exported["persons"]:  # untidy, so that each name is tidied and reported
        planted["name"] = f"\u3000{planted['name']} "
    untidy = from_popolo(exported)
    yield "popolo tidied", f"{untidy!r}\n" + "\n".join(map(str, untidy.tidied)) + "\n".join(untidy.not_kept)
    for format in ("json", "yaml", "toml"):
        yield f"dumps {format} without the option", _errors(lambda f=format: dumps(registry, f))  # type: ignore[misc]
        yield f"dumps {format} masked", dumps(registry, format, personal_data="mask")
    yield "model error: name", _errors(lambda: Person(id="p", name=NAME + " "))
    yield "model error: phone", _errors(lambda: Person(id="p", name="x", phone=int(PHONE)))  # type: ignore[arg-type]
    yield "model error: ID card", _errors(lambda: Person(id="p", name="x", id_card=" " + ID_CARD))
    yield "model error: registry", _errors(lambda: Registry(people=[person, person.name]))  # type: ignore[list-item]
    for text in _bad_documents():
        for format in ("json", "yaml"):
            yield f"ConfigError {format}", _errors(lambda t=text, f=format: loads(t, f))  # type: ignore[misc]
    yield "ConfigError popolo", _errors(lambda: from_popolo({"persons": [{"name": NAME, "phone": PHONE}]}))
    for bad in _bad_popolo():
        yield "ConfigError popolo", _errors(lambda b=bad: from_popolo(b))  # type: ignore[misc]
    strict = {"persons": [{"id": "p", "name": NAME + " "}]}
    yield "ConfigError popolo strict", _errors(lambda: from_popolo(strict, strict=True))


def _bad_popolo() -> Iterator[dict[str, object]]:
    """Popolo persons whose name, phone or ID-card number is wrong: refused, and shown masked."""
    yield {"persons": [NAME, PHONE, ID_CARD]}
    yield {"persons": [{"id": "p", "name": NAME + "\x00"}]}
    yield {"persons": [{"id": "p", "name": [NAME]}]}
    yield {"persons": [{"id": "p", "name": "x", "contact_details": [{"type": "voice", "value": int(PHONE)}]}]}
    yield {
        "persons": [{"id": "p", "name": "x", "contact_details": [{"type": "cell", "value": PHONE + "\x00"}]}]
    }
    card = {"scheme": "cn_resident_id_card", "identifier": int(ID_CARD)}
    yield {"persons": [{"id": "p", "name": "x", "identifiers": [card]}]}
    yield {"persons": [{"id": "p", "name": "x", "identifiers": [{**card, "identifier": ID_CARD + "\x00"}]}]}


def test_no_output_path_shows_a_planted_name_phone_or_id_card_number(
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)
    registry = _registry()
    leaks = [
        f"{where}: {value!r}" for where, text in _outputs(registry) for value in PLANTED if value in text
    ]
    leaks += [f"log: {value!r}" for value in PLANTED if value in caplog.text]
    assert not leaks, "\n".join(leaks)


def test_dumping_people_needs_an_explicit_choice_and_true_keeps_everything() -> None:
    registry = _registry()
    with pytest.raises(PersonalDataError, match="personal_data=True"):
        dumps(registry, "yaml")
    for format in ("json", "yaml", "toml"):
        assert loads(dumps(registry, format, personal_data=True), format) == registry


def test_a_masked_dump_keeps_everything_but_the_personal_values() -> None:
    registry = _registry()
    masked = loads(dumps(registry, "json", personal_data="mask"), "json")
    person = masked.person("p-planted")
    assert (person.name, person.phone, person.id_card) == ("龚**", "138****5678", "110105********0021")
    assert attrs.evolve(masked, people=registry.people) == registry


def test_documents_without_people_need_no_option() -> None:
    registry = Registry(units=cixi_example().units)
    assert dumps(registry) == dumps(registry, personal_data=True)
    alliance: Alliance = cixi_example().alliance("cixi-south")
    assert dumps(alliance, "toml") == dumps(alliance, "toml", personal_data=True)


def test_personal_data_must_be_true_false_or_mask() -> None:
    with pytest.raises(TypeError, match="personal_data"):
        dumps(_registry(), personal_data="yes")  # type: ignore[arg-type]

"""Planted personal data (a name, a phone number, an ID-card number) appears in no output but a dump that asks for it."""

from __future__ import annotations

import copy
import json
import logging
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import attrs
import pytest
import yaml  # type: ignore[import-untyped, unused-ignore]
from hypothesis import given
from hypothesis import strategies as st

from dangjian_model import Alliance, DangjianError, Membership, Person, Registry
from dangjian_model._privacy import looks_personal, masked_id_card, masked_name, masked_phone, redact
from dangjian_model.diagram import to_dot, to_mermaid
from dangjian_model.files import ConfigError, PersonalDataError, dumps, from_popolo, loads, to_popolo
from dangjian_model.validation import cixi_example, validate
from tests.cli.conftest import run_cli

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


# ------------------------------------------------------------------ the masks keep little

_BIRTH = slice(6, 14)


def test_a_one_character_name_keeps_nothing_and_longer_names_keep_the_first() -> None:
    assert masked_name("龚") == "*"
    assert masked_name("龚建立") == "龚**"


@given(st.text(alphabet="0123456789", min_size=1, max_size=30))
def test_a_masked_phone_number_hides_at_least_half_and_at_least_four(number: str) -> None:
    masked = masked_phone(number)
    hidden = masked.count("*")
    assert len(masked) == len(number)
    assert hidden >= min(len(number), 4)
    assert hidden * 2 >= len(number) or masked == number[:3] + "*" * (len(number) - 7) + number[-4:]
    if 7 <= len(number) < 11:
        assert masked.lstrip("*") == number[-2:]  # an 8-digit landline shows its last two


@given(st.text(alphabet="0123456789X", min_size=1, max_size=30))
def test_a_masked_id_card_number_never_shows_the_birth_date(number: str) -> None:
    masked = masked_id_card(number)
    assert len(masked) == len(number)
    if len(number) == 18:
        assert masked == number[:6] + "*" * 8 + number[-4:]
    elif len(number) == 15:  # the old form: region, YYMMDD, sequence
        assert masked == number[:6] + "*" * 6 + number[-3:]
    else:  # not an ID-card number's length: at least half is hidden
        assert masked.count("*") * 2 >= len(number)


# ------------------------------------------------------------------ phone and ID numbers anywhere

_MOBILES = st.builds(
    lambda second, rest: f"1{second}{rest}",
    st.sampled_from("3456789"),
    st.text("0123456789", min_size=9, max_size=9),
)
_ID_CARDS = st.builds(
    lambda digits, check: digits + check,
    st.text("0123456789", min_size=17, max_size=17),
    st.sampled_from("0123456789X"),
)
_OLD_ID_CARDS = st.text("0123456789", min_size=15, max_size=15)


def _spelled(number: str) -> st.SearchStrategy[str]:
    """The ways people write a number: plain, grouped by spaces or hyphens, a mobile with +86."""
    forms = [number]
    if len(number) == 11:
        forms += [
            f"{number[:3]} {number[3:7]} {number[7:]}",
            f"{number[:3]}-{number[3:7]}-{number[7:]}",
            "+86" + number,
        ]
    if len(number) == 18:
        forms += [f"{number[:6]} {number[6:14]} {number[14:]}", number[:17] + number[17].lower()]
    return st.sampled_from(forms)


_PERSONAL_NUMBERS = st.one_of(_MOBILES, _ID_CARDS, _OLD_ID_CARDS)
_NO_DIGITS = st.text(alphabet=st.characters(exclude_categories=["Nd"]), max_size=20)


def _leaks(number: str, text: str) -> bool:
    """True if ``text`` shows what a mask hides: a mobile's middle digits, an ID number's birth date."""
    compact = text.translate(str.maketrans("", "", " -")).upper()
    number = number.upper()
    hidden = number[:7] if len(number) == 11 else number[: 14 if len(number) == 18 else 12]
    return hidden in compact


@given(
    _PERSONAL_NUMBERS.flatmap(lambda n: st.tuples(st.just(n), _spelled(n))),
    _NO_DIGITS,
    _NO_DIGITS,
)
def test_redact_masks_a_phone_or_id_number_wherever_it_stands_in_text(
    pair: tuple[str, str], before: str, after: str
) -> None:
    number, spelled = pair
    text = f"{before} {spelled} {after}"
    assert not _leaks(number, redact(text))
    assert looks_personal(text)


def test_redact_masks_landline_numbers_with_an_area_code_and_keeps_a_plus_86() -> None:
    assert redact("电话 0574-87654321，手机 +86 13912345678") == "电话 057*****4321，手机 +86 139****5678"


@given(_NO_DIGITS)
def test_redact_leaves_text_without_digits_as_it_is(text: str) -> None:
    assert redact(text) == text and not looks_personal(text)


def _tree() -> dict[str, Any]:
    tree: dict[str, Any] = json.loads(dumps(_registry(), "json", personal_data=True))
    return tree


def _places(node: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    """The path (keys and indexes) of every value below the root."""
    items = node.items() if isinstance(node, dict) else enumerate(node) if isinstance(node, list) else ()
    for key, value in items:
        yield (*path, key)
        yield from _places(value, (*path, key))


_PLACES = tuple(_places(_tree()))


def _plant(tree: dict[str, Any], place: tuple[Any, ...], how: str, number: str) -> dict[str, Any]:
    planted = copy.deepcopy(tree)
    container: Any = planted
    for key in place[:-1]:
        container = container[key]
    key = place[-1]
    value: Any = int(number) if number.isdigit() and how == "number" else number
    if how == "key" and isinstance(container, dict):
        container[number] = container.pop(key)
    elif how == "list":
        container[key] = [value]
    else:
        container[key] = value
    return planted


def _outputs_of(text: str, format: str) -> Iterator[str]:
    """What the library says about a document: its ConfigError, or the validation report and the CLI's."""
    try:
        registry = loads(text, format)  # type: ignore[call-overload]
    except ConfigError as error:
        yield f"{error}\n{error!r}\n{error.args!r}\n{error.problems!r}"
    else:
        if isinstance(registry, Registry):
            report = validate(registry)
            yield report.to_text()
            yield json.dumps(report.to_dict(), ensure_ascii=False)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"planted.{format}"
        path.write_text(text, encoding="utf-8")
        for output in ("text", "json"):
            result = run_cli("validate", "--format", output, str(path))
            yield result.out + result.err


@given(
    st.sampled_from(_PLACES),
    st.sampled_from(["value", "number", "list", "key"]),
    _PERSONAL_NUMBERS.flatmap(lambda n: st.tuples(st.just(n), _spelled(n))),
    st.sampled_from(["json", "yaml"]),
)
def test_a_phone_or_id_number_planted_in_any_field_or_key_appears_in_no_error_report_or_cli_output(
    place: tuple[Any, ...], how: str, pair: tuple[str, str], format: str
) -> None:
    number, spelled = pair
    tree = _plant(_tree(), place, how, spelled)
    text = (
        json.dumps(tree, ensure_ascii=False) if format == "json" else yaml.safe_dump(tree, allow_unicode=True)
    )
    for output in _outputs_of(text, format):
        assert not _leaks(number, output), output


def _instances(value: Any) -> Iterator[Any]:
    """Every attrs instance inside ``value`` (entities and what they hold: memberships, shares …)."""
    if attrs.has(type(value)):
        yield value
        for field in attrs.fields(type(value)):
            yield from _instances(getattr(value, field.name))
    elif isinstance(value, tuple | list | frozenset):
        for item in value:
            yield from _instances(item)


@pytest.mark.parametrize("number", ["13912345678", "11010519491231002X", "110105491231002"])
def test_a_phone_or_id_number_given_to_any_field_of_any_model_class_is_masked_in_its_error(
    number: str,
) -> None:
    registry = _registry()
    seen = 0
    for instance in _instances(registry):
        for field in attrs.fields(type(instance)):
            if not field.init:
                continue
            for value in (number, [number], int(number) if number.isdigit() else number):
                try:
                    attrs.evolve(instance, **{field.name: value})
                except DangjianError as error:
                    seen += 1
                    shown = f"{error}\n{error!r}\n{error.args!r}\n{getattr(error, 'value', '')!r}"
                    assert not _leaks(number, shown), f"{type(instance).__name__}.{field.name}: {shown}"
    assert seen > 100

"""No output of the command shows personal data: names, phone numbers, ID-card numbers (issue 9)."""

from __future__ import annotations

from pathlib import Path

import attrs
import pytest

from dangjian_model import Membership
from dangjian_model.files import dump
from tests.cli.conftest import ID_CARD, NAME, PHONE, Run, clean_registry

PLANTED = (NAME, PHONE, ID_CARD, ID_CARD[6:14])


def _assert_private(text: str) -> None:
    for value in PLANTED:
        assert value not in text


@pytest.fixture(name="person_member")
def _person_member(tmp_path: Path) -> Path:
    """The planted person joins the alliance, so a diagram would draw them."""
    registry = clean_registry()
    alliance = registry.alliance("cixi-south")
    joined = attrs.evolve(alliance, memberships=(*alliance.memberships, Membership(participant_id="planted")))
    path = tmp_path / "person-member.yaml"
    dump(attrs.evolve(registry, alliances=(joined,)), path, personal_data=True)
    return path


@pytest.fixture(name="broken_person")
def _broken_person(tmp_path: Path) -> Path:
    """Personal values in places where they are wrong, so the errors are about them."""
    path = tmp_path / "broken-person.yaml"
    path.write_text(
        "people:\n"
        f"  - {{id: p1, name: {NAME}, phone: {PHONE}, id_card: {ID_CARD[:-1]}Y}}\n"
        f"  - {{id: p2, name: [{NAME}], phone: [{PHONE}], id_card: [{ID_CARD}], standing: 外星}}\n",
        encoding="utf-8",
    )
    return path


@pytest.fixture(name="bad_id_card")
def _bad_id_card(tmp_path: Path) -> Path:
    """A well-formed file whose ID-card number fails its check digit (a validation finding)."""
    path = tmp_path / "bad-id-card.yaml"
    path.write_text(
        f"people:\n  - {{id: p1, name: {NAME}, phone: '{PHONE}', id_card: '{ID_CARD[:-1]}3'}}\n",
        encoding="utf-8",
    )
    return path


def test_no_command_prints_the_personal_data_of_a_registry(
    run: Run, clean: Path, person_member: Path, tmp_path: Path
) -> None:
    outputs = [
        run("validate", str(clean), str(person_member)),
        run("validate", "--format", "json", str(clean), str(person_member)),
        run("allocate", str(person_member), "--project", "lianshu-village"),
        run("allocate", str(person_member), "--project", "lianshu-village", "--format", "json"),
        run("diagram", str(person_member)),
        run("diagram", str(person_member), "--format", "dot"),
        run("convert", str(person_member), str(tmp_path / "out.json")),
        run("report", str(person_member)),
        run("report", str(person_member), "--lang", "en"),
    ]
    for result in outputs:
        _assert_private(result.out + result.err)


def test_the_diagram_draws_a_person_by_id(run: Run, person_member: Path) -> None:
    assert '"planted<br/>人员"' in run("diagram", str(person_member)).out


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_errors_about_personal_fields_mask_the_values(
    run: Run, broken_person: Path, bad_id_card: Path, fmt: str
) -> None:
    result = run("validate", "--format", fmt, str(broken_person), str(bad_id_card))
    assert result.code == 1
    _assert_private(result.out + result.err)
    for command in (
        ["convert", str(broken_person), str(broken_person) + ".json"],
        ["diagram", str(broken_person)],
    ):
        other = run(*command)
        _assert_private(other.out + other.err)

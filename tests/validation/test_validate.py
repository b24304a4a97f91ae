"""The report: findings with codes, paths, zh/en messages, hints and sources, in text and JSON."""

from __future__ import annotations

import json

import attrs
import pytest

from dangjian_model import Alliance, Membership, Participation, Person, UnknownId
from dangjian_model.validation import Severity, cixi_example, validate, validate_alliance


def test_a_finding_says_what_where_what_would_be_right_and_why() -> None:
    registry = cixi_example()
    broken = attrs.evolve(registry.alliance("cixi-south"), lead_id="nobody")
    (finding, *_) = validate(registry.with_entities(broken)).by_code("DJ101")
    assert finding.path == "alliances[cixi-south].lead_id"
    assert "nobody" in finding.message_zh
    assert "nobody" in finding.message_en
    assert finding.severity is Severity.ERROR
    assert finding.severity.label == "错误"
    assert finding.hint
    assert finding.source
    assert finding.alliance_id == "cixi-south"


def test_several_problems_in_one_alliance_are_all_reported_in_one_pass() -> None:
    registry = cixi_example()
    alliance = registry.alliance("cixi-south")
    wrong = attrs.evolve(
        alliance,
        type="强村带动型",
        lead_id="kuangyan",
        agreement=None,
        joint_committee_id=None,
        dissolved_on="2019-01-01",
        memberships=(*alliance.memberships, Membership(participant_id="ghost", joined_on="2018-01-01")),
    )
    report = validate(registry.with_entities(wrong))
    assert {"DJ101", "DJ303", "DJ304", "DJ401", "DJ404", "DJ405", "DJ411"} <= set(report.codes)
    assert report.has_errors


def test_a_participation_must_name_a_unit_or_party_organisation() -> None:
    registry = cixi_example()
    person = Person(
        id="p-away",
        name="刘明",
        participations=[
            Participation(organisation_id="nowhere"),
            Participation(organisation_id="changlong", on_behalf_of_id="cixi-south"),
        ],
    )
    report = validate(registry.with_entities(person))
    assert [f.path for f in report.by_code("DJ101")] == ["people[p-away].participations[0].organisation_id"]
    assert [f.path for f in report.by_code("DJ102")] == ["people[p-away].participations[1].on_behalf_of_id"]


def test_findings_are_ordered_by_path_with_indexes_in_numeric_order() -> None:
    registry = cixi_example()
    alliance = registry.alliance("cixi-south")
    ghosts = tuple(Membership(participant_id=f"ghost-{i}") for i in range(12))
    report = validate(
        registry.with_entities(attrs.evolve(alliance, memberships=(*alliance.memberships, *ghosts)))
    )
    paths = [f.path for f in report.by_code("DJ101")]
    assert paths[0].endswith("memberships[3].participant_id")
    assert paths[-1].endswith("memberships[14].participant_id")


def test_the_report_renders_as_text_in_chinese_and_english_and_as_json() -> None:
    registry = cixi_example().with_entities(
        Alliance(id="lonely", name="孤盟", type="片区联盟", lead_id="gangdun")
    )
    report = validate(registry)
    text = report.to_text()
    assert "alliances[lonely].lead_id: DJ401 [错误 error]" in text
    assert "the lead 'gangdun' is not a current member" in text
    data = json.loads(json.dumps(report.to_dict(), ensure_ascii=False))
    assert data["has_errors"] is True
    assert data["counts"] == {"error": 1, "warning": 1, "info": 0}
    assert {f["code"] for f in data["findings"]} == {"DJ401", "DJ407"}


def test_a_clean_report_says_so() -> None:
    report = validate(cixi_example())
    assert report.to_text() == "没有发现问题 no problems found"
    assert report.counts == {Severity.ERROR: 0, Severity.WARNING: 0, Severity.INFO: 0}


def test_id_card_numbers_are_masked_in_every_message() -> None:
    number = "110105194912310021"
    registry = cixi_example()
    person = registry.person("p-gong")
    report = validate(registry.with_entities(attrs.evolve(person, id_card=number)))
    (finding,) = report.by_code("DJ603")
    assert "110105********0021" in finding.message_en
    assert number not in report.to_text()
    assert number not in json.dumps(report.to_dict())


def test_a_credit_code_starting_with_letters_is_checked_with_the_full_alphabet() -> None:
    registry = cixi_example()
    company = registry.unit("yishan")
    good = validate(registry.with_entities(attrs.evolve(company, credit_code="Y1330282MA2H12345P")))
    bad = validate(registry.with_entities(attrs.evolve(company, credit_code="Y1330282MA2H12345D")))
    assert good.by_code("DJ6") == ()
    assert [f.code for f in bad.by_code("DJ6")] == ["DJ601"]


def test_validating_one_alliance_reports_only_that_alliance_and_its_projects() -> None:
    registry = cixi_example()
    other = Alliance(id="lonely", name="孤盟", type="片区联盟", lead_id="gangdun")
    broken_branch = attrs.evolve(
        registry.party_organisation("gangdun-branch"), full_members=1, committee=None
    )
    registry = registry.with_entities(other, broken_branch)
    assert validate_alliance(registry, "cixi-south").findings == ()
    assert validate_alliance(registry, "lonely").codes == ("DJ401", "DJ407")
    assert "DJ201" in validate(registry).codes


def test_validating_an_alliance_that_does_not_exist_is_a_mistake_of_the_caller() -> None:
    with pytest.raises(UnknownId, match="no alliance with id 'nowhere'"):
        validate_alliance(cixi_example(), "nowhere")


def test_a_person_moved_into_the_joint_committee_breaks_the_original_affiliation() -> None:
    registry = cixi_example()
    moved = Person(id="p-new", name="张新", party_organisation_id="south-joint-committee", standing="党员")
    (finding,) = validate(registry.with_entities(moved)).by_code("DJ424")
    assert finding.path == "people[p-new].party_organisation_id"


def test_on_check_counts_every_check_up_to_the_total() -> None:
    seen: list[tuple[int, int]] = []
    report = validate(cixi_example(), on_check=lambda done, total: seen.append((done, total)))
    assert not report.has_errors
    totals = {total for _, total in seen}
    assert len(totals) == 1
    [total] = totals
    assert [done for done, _ in seen] == list(range(1, total + 1))

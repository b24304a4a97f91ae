"""The DJ7xx rules on the cases their catalogue examples do not reach, and the law of missed periods."""

from __future__ import annotations

import datetime
from typing import Any

import attrs
from hypothesis import given
from hypothesis import strategies as st

from dangjian_model import (
    AgendaItem,
    Cadence,
    CadenceRule,
    Committee,
    CommitteePost,
    CommitteeTerm,
    FollowUp,
    Meeting,
    PartyOrganisation,
    Person,
    Registry,
    Team,
)
from dangjian_model.validation import ValidationConfig, validate
from dangjian_model.validation._checks._meetings import missed_periods
from dangjian_model.validation._examples import cixi
from dangjian_model.validation._examples_meetings import joint_meeting, with_meeting

AS_OF = ValidationConfig(as_of=datetime.date(2022, 1, 1))


def _found(registry: Registry, code: str, config: ValidationConfig = AS_OF) -> list[str]:
    return [f.path for f in validate(registry, config).by_code(code)]


def _follow_up(**changes: Any) -> Meeting:
    meeting = joint_meeting()
    item = meeting.agenda[0]
    return attrs.evolve(
        meeting, agenda=[attrs.evolve(item, follow_ups=[attrs.evolve(item.follow_ups[0], **changes)])]
    )


def _branch(**changes: Any) -> Registry:
    registry = cixi()
    return registry.with_entities(attrs.evolve(registry.party_organisation("changlong-branch"), **changes))


# ---------------------------------------------------------------- references


def test_references_deep_inside_meetings_and_terms_are_resolved_and_of_the_right_kind() -> None:
    registry = with_meeting(_follow_up(responsible_id="nobody", project_id="changlong"))
    registry = registry.with_entities(
        attrs.evolve(
            registry.party_organisation("changlong-branch"),
            committee_terms=[
                CommitteeTerm(
                    number=1,
                    elected_on="2021-01-10",
                    posts=[CommitteePost(person_id="ghost", concurrent_from_id="p-gong")],
                )
            ],
        )
    )
    report = validate(registry, AS_OF)
    assert {(f.code, f.path) for f in report.by_code("DJ101")} == {
        ("DJ101", "meetings[south-joint-2021q4].agenda[0].follow_ups[0].responsible_id"),
        ("DJ101", "party_organisations[changlong-branch].committee_terms[0].posts[0].person_id"),
    }
    assert {f.path for f in report.by_code("DJ102")} == {
        "meetings[south-joint-2021q4].agenda[0].follow_ups[0].project_id",
        "party_organisations[changlong-branch].committee_terms[0].posts[0].concurrent_from_id",
    }
    assert all(
        f.alliance_id == "cixi-south" for f in report.by_code("DJ101") if f.path.startswith("meetings")
    )


def test_a_reference_to_a_meeting_where_a_unit_belongs_is_named_as_a_meeting() -> None:
    registry = with_meeting().with_entities(
        attrs.evolve(cixi().unit("changlong"), superior_id="south-joint-2021q4")
    )
    (finding,) = validate(registry, AS_OF).by_code("DJ102")
    assert "是会议" in finding.message_zh and "is a meeting" in finding.message_en


def test_a_meeting_held_by_a_ledger_names_the_ledger_in_both_languages() -> None:
    meeting = joint_meeting(id="m1", held_by_id="changlong-books", present_ids=[], agenda=[])
    (finding,) = validate(with_meeting(meeting), AS_OF).by_code("DJ102")
    assert finding.path == "meetings[m1].held_by_id"
    assert "是账套" in finding.message_zh and "is a ledger" in finding.message_en


# ---------------------------------------------------------------- holders, attendance, quorum


def test_a_party_group_meeting_is_held_by_a_party_group_and_a_joint_meeting_not_by_a_team() -> None:
    team = Team(id="team", name="议事先锋队", kind="1+4+N", party_organisation_id="changlong-branch")
    registry = with_meeting(
        joint_meeting(id="m1", kind="党小组会", held_by_id="changlong-branch", present_ids=[], agenda=[]),
        joint_meeting(id="m2", kind="党小组会", held_by_id="changlong-group-1", present_ids=[], agenda=[]),
        joint_meeting(id="m3", kind="联席会议", held_by_id="team", present_ids=[], agenda=[]),
        joint_meeting(id="m4", kind="议事协商", held_by_id="team", present_ids=[], agenda=[]),
    ).with_entities(team)
    assert _found(registry, "DJ701") == ["meetings[m1].held_by_id", "meetings[m3].held_by_id"]


def test_a_meeting_after_its_holder_was_dissolved_is_outside_its_lifetime() -> None:
    registry = _branch(founded_on="2000-01-01", dissolved_on="2021-06-01")
    registry = registry.with_entities(joint_meeting(kind="支委会", held_by_id="changlong-branch", agenda=[]))
    assert _found(registry, "DJ702") == ["meetings[south-joint-2021q4].held_on"]


def test_more_names_listed_than_present_contradicts_the_count() -> None:
    assert _found(with_meeting(joint_meeting(present=2)), "DJ703") == [
        "meetings[south-joint-2021q4].present_ids"
    ]


def test_a_committee_meeting_needs_more_than_half_of_its_committee() -> None:
    meeting = joint_meeting(
        kind="支委会", held_by_id="changlong-branch", expected=None, present_ids=[], agenda=[]
    )
    # the snapshot committee has 5 members: 2 is not more than half, 3 is
    assert _found(with_meeting(attrs.evolve(meeting, present=2)), "DJ704")
    assert not _found(with_meeting(attrs.evolve(meeting, present=3)), "DJ704")
    # the term on the day counts its post holders: 1 of 2 is not more than half
    term = CommitteeTerm(
        number=1,
        elected_on="2021-01-10",
        posts=[CommitteePost(person_id="p-gong", role="书记"), CommitteePost(person_id="p-shuang")],
    )
    registry = _branch(committee_terms=[term]).with_entities(attrs.evolve(meeting, present=1))
    assert _found(registry, "DJ704") == ["meetings[south-joint-2021q4].present"]


def test_a_general_meeting_counts_the_expected_voters_when_given_and_skips_unknown_attendance() -> None:
    meeting = joint_meeting(kind="党员大会", held_by_id="changlong-branch", present_ids=[], agenda=[])
    assert not _found(with_meeting(attrs.evolve(meeting, expected=10, present=6)), "DJ704")
    assert _found(with_meeting(attrs.evolve(meeting, expected=10, present=5)), "DJ704")
    assert not _found(with_meeting(attrs.evolve(meeting, expected=None, present=None)), "DJ704")
    assert not _found(with_meeting(attrs.evolve(meeting, kind="党课", present=1)), "DJ704")


# ---------------------------------------------------------------- deliberation


def test_a_person_of_a_unit_that_took_part_may_follow_up() -> None:
    assert not _found(with_meeting(_follow_up(responsible_id="p-gong")), "DJ712")
    assert not _found(with_meeting(_follow_up(responsible_id="changlong-branch")), "DJ712")
    assert _found(with_meeting(_follow_up(responsible_id="p-lou")), "DJ712")


def test_an_alliance_meeting_without_a_list_binds_its_members_of_the_day() -> None:
    meeting = _follow_up(responsible_id="gangdun")
    meeting = attrs.evolve(meeting, held_by_id="cixi-south", kind="联盟会议", present_ids=[], present=None)
    assert not _found(with_meeting(meeting), "DJ712")
    meeting = _follow_up(responsible_id="yishan")
    meeting = attrs.evolve(meeting, held_by_id="cixi-south", kind="联盟会议", present_ids=[], present=None)
    assert _found(with_meeting(meeting), "DJ712")


def test_a_branch_meeting_may_decide_what_an_alliance_may_not_and_follows_up_unchecked() -> None:
    meeting = attrs.evolve(
        _follow_up(responsible_id="yishan"),
        kind="支委会",
        held_by_id="changlong-branch",
        present_ids=[],
        present=3,
    )
    meeting = attrs.evolve(meeting, agenda=[attrs.evolve(meeting.agenda[0], effects=["转移党员组织关系"])])
    registry = with_meeting(meeting)
    assert not _found(registry, "DJ711")
    assert not _found(registry, "DJ712")


def test_a_completion_date_on_an_open_follow_up_contradicts_its_status() -> None:
    registry = with_meeting(_follow_up(done_on="2021-12-30"))
    assert _found(registry, "DJ714") == ["meetings[south-joint-2021q4].agenda[0].follow_ups[0].status"]


def test_overdue_follow_up_needs_a_day_to_judge_by() -> None:
    registry = with_meeting(_follow_up(due_on="2021-12-31"))
    assert _found(registry, "DJ713")
    assert not _found(registry, "DJ713", ValidationConfig())


# ---------------------------------------------------------------- cadence


def _meetings_of(holder: str, kind: str, *days: str) -> list[Meeting]:
    return [
        joint_meeting(
            id=f"{holder}-{kind}-{day}", kind=kind, held_by_id=holder, held_on=day, present_ids=[], agenda=[]
        )
        for day in days
    ]


def test_a_branch_with_recorded_meetings_is_held_to_the_three_meetings_and_one_lesson() -> None:
    days = ("2021-01-15", "2021-04-15", "2021-07-15", "2021-10-15")
    registry = cixi().with_entities(
        *_meetings_of("changlong-branch", "党员大会", *days),
        *_meetings_of("changlong-branch", "党课", *days[:2]),
    )
    messages = [f.message_en for f in validate(registry, AS_OF).by_code("DJ705")]
    assert any("party_lecture" in m and "2021Q3, 2021Q4" in m for m in messages)
    assert any("branch_committee_meeting" in m for m in messages)  # it has a committee
    assert not any("branch_general_meeting" in m for m in messages)
    assert not _found(registry, "DJ705", ValidationConfig())


def test_a_party_group_meets_monthly_and_a_committee_of_a_town_has_no_default_cadence() -> None:
    registry = cixi().with_entities(
        *_meetings_of("changlong-group-1", "党小组会", "2021-10-05", "2021-12-05"),
        *_meetings_of("kuangyan-committee", "联席会议", "2021-03-01"),
    )
    (finding,) = validate(registry, AS_OF).by_code("DJ705")
    assert finding.path == "party_organisations[changlong-group-1]"
    assert "2021-11" in finding.message_en


def test_an_alliance_without_a_formation_date_is_judged_from_its_first_meeting_until_it_ended() -> None:
    registry = with_meeting()
    alliance = attrs.evolve(
        registry.alliance("cixi-south"),
        formed_on=None,
        memberships=[attrs.evolve(m, joined_on=None) for m in registry.alliance("cixi-south").memberships],
        cadence=[CadenceRule(kind="联席会议", every="每月")],
    )
    config = ValidationConfig(as_of=datetime.date(2022, 6, 1))
    assert len(_found(registry.with_entities(alliance), "DJ705", config)) == 1
    ended = attrs.evolve(alliance, dissolved_on="2022-01-01")
    assert not _found(registry.with_entities(ended), "DJ705", config)
    nothing = cixi().with_entities(attrs.evolve(alliance, id="quiet"))
    assert not _found(nothing.without("cixi-south"), "DJ705", config)


def test_many_missed_periods_are_summed_up_in_one_finding() -> None:
    registry = with_meeting()
    alliance = attrs.evolve(
        registry.alliance("cixi-south"), cadence=[CadenceRule(kind="联席会议", every="每月")]
    )
    (finding,) = validate(registry.with_entities(alliance), AS_OF).by_code("DJ705")
    assert "…" in finding.message_zh and "18 period(s)" in finding.message_en


@given(
    every=st.sampled_from(Cadence),
    start=st.dates(datetime.date(2000, 1, 1), datetime.date(2030, 1, 1)),
    years=st.integers(0, 4),
)
def test_meeting_on_the_first_day_of_every_period_misses_none_and_meeting_never_misses_all(
    every: Cadence, start: datetime.date, years: int
) -> None:
    end = start.replace(year=start.year + years, day=1)
    rule = CadenceRule(kind="联席会议", every=every)
    missed = missed_periods([], rule, start, end)
    whole = len(missed)
    assert whole <= years * 12 // every.months + 1
    firsts = [datetime.date(y, m, 1) for y in range(start.year, end.year + 1) for m in range(1, 13)]
    assert missed_periods(firsts, rule, start, end) == []
    assert len(missed_periods(firsts, attrs.evolve(rule, at_least=2), start, end)) == (
        whole if every is Cadence.MONTH else 0
    )


def test_periods_are_labelled_in_the_way_of_each_cadence() -> None:
    start, end = datetime.date(2021, 1, 1), datetime.date(2022, 1, 1)
    labels = {
        every: missed_periods([], CadenceRule(kind="联席会议", every=every), start, end)[0]
        for every in Cadence
    }
    assert labels == {
        Cadence.MONTH: "2021-01",
        Cadence.QUARTER: "2021Q1",
        Cadence.HALF_YEAR: "2021H1",
        Cadence.YEAR: "2021",
    }


# ---------------------------------------------------------------- committee terms


def _terms(*terms: CommitteeTerm) -> Registry:
    return _branch(committee_terms=terms)


def test_a_term_that_ends_before_its_election_or_after_the_next_one_is_out_of_order() -> None:
    assert _found(_terms(CommitteeTerm(number=1, elected_on="2021-01-10", ended_on="2020-01-10")), "DJ721")
    overlapping = _terms(
        CommitteeTerm(number=1, elected_on="2016-01-10", ended_on="2021-03-01"),
        CommitteeTerm(number=2, elected_on="2021-01-10"),
    )
    assert _found(overlapping, "DJ721") == [
        "party_organisations[changlong-branch].committee_terms[0].ended_on"
    ]
    backwards = _terms(
        CommitteeTerm(number=1, elected_on="2021-01-10"), CommitteeTerm(number=2, elected_on="2016-01-10")
    )
    assert _found(backwards, "DJ721") == ["party_organisations[changlong-branch].committee_terms[1]"]


def test_a_time_without_a_committee_between_terms_is_a_gap() -> None:
    registry = _terms(
        CommitteeTerm(number=1, elected_on="2016-01-10", term_years=5, ended_on="2020-06-01"),
        CommitteeTerm(number=2, elected_on="2021-01-10", term_years=5),
    )
    assert _found(registry, "DJ722") == ["party_organisations[changlong-branch].committee_terms[0].ended_on"]


def test_a_last_term_that_ended_leaves_the_organisation_without_a_committee_unless_dissolved() -> None:
    ended = CommitteeTerm(number=1, elected_on="2016-01-10", term_years=5, ended_on="2021-01-10")
    assert _found(_terms(ended), "DJ722") == [
        "party_organisations[changlong-branch].committee_terms[0].ended_on"
    ]
    assert not _found(_branch(committee_terms=[ended], dissolved_on="2021-01-10"), "DJ722")


def test_an_election_more_than_a_year_late_shows_in_the_history_even_without_a_day_to_judge_by() -> None:
    registry = _terms(
        CommitteeTerm(number=1, elected_on="2012-01-10", term_years=3),
        CommitteeTerm(number=2, elected_on="2016-06-01", term_years=5),
    )
    assert _found(registry, "DJ723", ValidationConfig()) == [
        "party_organisations[changlong-branch].committee_terms[1].elected_on"
    ]
    # a term of unknown length is judged by the longest term, 5 years
    unknown = _terms(CommitteeTerm(number=1, elected_on="2016-06-01"))
    assert not _found(unknown, "DJ723")
    assert _found(unknown, "DJ723", ValidationConfig(as_of=datetime.date(2022, 6, 2)))


def test_a_post_that_starts_before_its_term_or_ends_before_it_starts_is_outside_it() -> None:
    early = CommitteePost(person_id="p-gong", started_on="2020-01-01")
    backwards = CommitteePost(person_id="p-gong", started_on="2021-06-01", ended_on="2021-03-01")
    late = CommitteePost(person_id="p-gong", ended_on="2027-01-01")
    registry = _terms(
        CommitteeTerm(
            number=1, elected_on="2021-01-10", ended_on="2026-01-10", posts=[early, backwards, late]
        )
    )
    assert _found(registry, "DJ724") == [
        "party_organisations[changlong-branch].committee_terms[0].posts[0].started_on",
        "party_organisations[changlong-branch].committee_terms[0].posts[1].started_on",
        "party_organisations[changlong-branch].committee_terms[0].posts[2].ended_on",
    ]


def test_the_committee_snapshot_keeps_working_beside_the_history() -> None:
    registry = _branch(
        committee=Committee(size=5, elected_on="2015-01-10", term_years=5),
        committee_terms=[CommitteeTerm(number=1, elected_on="2021-01-10", term_years=5)],
    )
    report = validate(registry, AS_OF)
    assert report.by_code("DJ211") and not report.by_code("DJ723")


def test_a_person_holding_a_concurrent_post_comes_from_a_member() -> None:
    registry = cixi().with_entities(
        Person(id="p-xu", name="徐兼职", unit_id="qianbing"),
        attrs.evolve(
            cixi().party_organisation("south-joint-committee"),
            committee_terms=[
                CommitteeTerm(
                    number=1,
                    elected_on="2020-06-01",
                    method="上级党组织指定",
                    posts=[
                        CommitteePost(person_id="p-gong", role="书记"),
                        CommitteePost(person_id="p-xu", concurrent_from_id="qianbing"),
                    ],
                )
            ],
        ),
    )
    report = validate(registry, AS_OF)
    assert not [f for f in report.findings if f.code.startswith("DJ7") or f.code in ("DJ101", "DJ102")]
    organisation = registry.party_organisation("south-joint-committee")
    assert isinstance(organisation, PartyOrganisation)
    assert organisation.current_term is not None and organisation.current_term.posts[1].concurrent


def test_agenda_items_without_decisions_have_nothing_to_follow_up() -> None:
    meeting = joint_meeting(agenda=[AgendaItem(title="停车难", origin="动议")], expected=None, present=None)
    assert not [f for f in validate(with_meeting(meeting), AS_OF).findings if f.code.startswith("DJ7")]
    assert FollowUp(responsible_id="x").is_overdue(datetime.date(2030, 1, 1)) is False


def test_a_meeting_whose_holder_is_unknown_is_left_to_the_reference_rule() -> None:
    registry = with_meeting(joint_meeting(held_by_id="nowhere"))
    report = validate(registry, AS_OF)
    assert [f.path for f in report.by_code("DJ101")] == ["meetings[south-joint-2021q4].held_by_id"]
    assert not [f for f in report.findings if f.code in ("DJ701", "DJ702", "DJ704")]


def test_a_committee_meeting_counts_the_term_in_office_on_its_day() -> None:
    two = [CommitteePost(person_id="p-gong", role="书记"), CommitteePost(person_id="p-shuang")]
    terms = [
        CommitteeTerm(number=1, elected_on="2016-01-10", term_years=5, ended_on="2021-01-10", posts=two),
        CommitteeTerm(number=2, elected_on="2021-01-10", term_years=5, posts=two[:1]),
    ]
    meeting = joint_meeting(
        kind="支委会",
        held_by_id="changlong-branch",
        held_on="2020-06-01",
        expected=None,
        present=1,
        present_ids=[],
        agenda=[],
    )
    # on 2020-06-01 term 1 (two members) was in office: one of two is not more than half
    assert _found(_branch(committee_terms=terms).with_entities(meeting), "DJ704")


def test_a_branch_without_a_committee_holds_no_committee_meetings() -> None:
    registry = _branch(committee=None).with_entities(
        *_meetings_of("changlong-branch", "党员大会", "2021-01-15", "2021-04-15", "2021-07-15", "2021-10-15"),
        *_meetings_of("changlong-branch", "党课", "2021-01-15", "2021-04-15", "2021-07-15", "2021-10-15"),
    )
    assert not _found(registry, "DJ705")


def test_a_term_elected_on_29_february_is_due_on_28_february() -> None:
    registry = _terms(CommitteeTerm(number=1, elected_on="2016-02-29", term_years=5))
    config = ValidationConfig(as_of=datetime.date(2022, 3, 1))
    (finding,) = validate(registry, config).by_code("DJ723")
    assert "2021-02-28" in finding.message_en


def test_an_alliance_without_a_joint_committee_counts_its_own_meetings() -> None:
    from pathlib import Path

    from dangjian_model import files

    registry = files.load(Path(__file__).resolve().parents[2] / "examples" / "zhongshan_east.yaml")
    assert not _found(registry, "DJ705", ValidationConfig(as_of=datetime.date(2021, 12, 31)))
    (finding,) = validate(registry, ValidationConfig(as_of=datetime.date(2022, 1, 1))).by_code("DJ705")
    assert finding.path == "alliances[dongqu-big-committee].cadence[0]" and "2021Q4" in finding.message_en

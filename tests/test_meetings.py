"""Meetings and committee terms in the model, the registry, the file format and the strategies."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from typing import Any, Literal

import pytest
from hypothesis import HealthCheck, Phase, find, given, settings
from hypothesis import strategies as st

from dangjian_model import (
    AgendaItem,
    Cadence,
    CadenceRule,
    CommitteePost,
    CommitteeRole,
    CommitteeTerm,
    DecisionEffect,
    FollowUp,
    FollowUpStatus,
    InvalidValue,
    Meeting,
    MeetingKind,
    PartyOrganisation,
    Principle,
    Registry,
    UnknownId,
    files,
)
from dangjian_model import strategies as dst
from dangjian_model.files import ConfigError, Limits
from dangjian_model.validation import Severity, ValidationConfig, validate
from dangjian_model.validation._examples_meetings import joint_meeting, terms_passing, with_meeting

DAY = datetime.date(2024, 3, 28)


def test_a_meeting_reads_labels_and_counts_who_came() -> None:
    meeting = Meeting(
        id="m",
        title="一季度联席会议",
        kind="联席会议",
        held_by_id="a",
        held_on="2024-03-28",
        present_ids=["x", "y"],
    )
    assert meeting.kind is MeetingKind.JOINT_MEETING and meeting.held_on == DAY
    assert meeting.attendance == 2 and meeting.decisions == ()
    assert Meeting(id="m", title="t", kind="党课", held_by_id="a", held_on=DAY).attendance is None
    assert MeetingKind.PARTY_LECTURE.is_party_life and not MeetingKind.DELIBERATION.is_party_life


def test_a_follow_up_is_overdue_only_while_open_and_past_its_date() -> None:
    open_item = FollowUp(responsible_id="x", due_on="2024-03-01", status="落实中")
    assert open_item.is_overdue(DAY)
    assert not open_item.is_overdue(datetime.date(2024, 3, 1))
    assert not FollowUp(responsible_id="x", due_on="2024-03-01", status="已落实").is_overdue(DAY)
    assert FollowUpStatus.DROPPED.is_open is False


def test_every_decision_effect_names_the_principle_it_would_break() -> None:
    assert {effect.principle for effect in DecisionEffect} == set(Principle)
    assert [c.months for c in Cadence] == [1, 3, 6, 12]


def test_a_term_knows_its_end_and_who_held_a_post_on_a_day() -> None:
    term = CommitteeTerm(
        number=2,
        elected_on="2020-02-29",
        term_years=5,
        posts=[
            CommitteePost(person_id="a", role="书记", ended_on="2022-01-01"),
            CommitteePost(person_id="b", role="书记", started_on="2022-01-01"),
            CommitteePost(person_id="c"),
        ],
    )
    assert term.term_ends_on == datetime.date(2025, 2, 28)
    assert term.holders_on(datetime.date(2021, 1, 1), CommitteeRole.SECRETARY) == ("a",)
    assert term.holders_on(datetime.date(2022, 1, 1), CommitteeRole.SECRETARY) == ("b",)
    assert term.holders_on(datetime.date(2022, 1, 1)) == ("b", "c")
    assert CommitteeTerm(number=1, elected_on=DAY).term_ends_on is None


def test_the_current_term_is_the_one_with_the_highest_number() -> None:
    organisation = PartyOrganisation(
        id="o",
        name="某党支部",
        form="党支部",
        committee_terms=[
            CommitteeTerm(number=2, elected_on="2021-01-01"),
            CommitteeTerm(number=1, elected_on="2016-01-01"),
        ],
    )
    assert organisation.current_term is not None and organisation.current_term.number == 2
    assert PartyOrganisation(id="p", name="n", form="党支部").current_term is None


def _bad(value: object) -> Any:
    """A value of the wrong type, as data from outside may hold."""
    return value


@pytest.mark.parametrize(
    ("build", "where"),
    [
        (
            lambda: Meeting(
                id="m", title="t", kind="联席会议", held_by_id="a", held_on=DAY, agenda=_bad(["议题"])
            ),
            "agenda",
        ),
        (lambda: AgendaItem(title="t", follow_ups=_bad([{"responsible_id": "x"}])), "follow_ups"),
        (lambda: CommitteeTerm(number=1, elected_on=DAY, posts=_bad(["p"])), "posts"),
        (
            lambda: PartyOrganisation(id="o", name="n", form="党支部", committee_terms=_bad([1])),
            "committee_terms",
        ),
        (lambda: CadenceRule(kind="联席会议", every="每季度", at_least=0), "at_least"),
        (
            lambda: PartyOrganisation(id="o", name="n", form="党支部", committee_terms=_bad("x")),
            "committee_terms",
        ),
    ],
)
def test_wrong_values_are_refused_naming_the_field(build: Any, where: str) -> None:
    with pytest.raises(InvalidValue, match=where):
        build()


def test_the_registry_finds_meetings_and_lists_each_holders_in_date_order() -> None:
    registry = with_meeting(
        joint_meeting(id="late", held_on="2021-12-21"),
        joint_meeting(id="early", held_on="2021-03-01"),
    )
    assert registry.meeting("late").held_on == datetime.date(2021, 12, 21)
    assert [m.id for m in registry.meetings_of("south-joint-committee")] == ["early", "late"]
    assert registry.meetings_of("nobody") == ()
    with pytest.raises(UnknownId, match="changlong"):
        registry.meeting("changlong")


@pytest.mark.parametrize("format", ["json", "yaml", "toml"])
def test_meetings_and_terms_survive_every_format(format: Literal["json", "yaml", "toml"]) -> None:
    registry = with_meeting().with_entities(*terms_passing().party_organisations)
    assert files.loads(files.dumps(registry, format=format, personal_data=True), format=format) == registry


def test_a_document_without_the_new_keys_still_reads_and_the_snapshot_committee_still_works() -> None:
    text = '{"version": 1, "party_organisations": [{"id": "o", "name": "某党支部", "form": "党支部", "full_members": 9, "committee": {"size": 3, "elected_on": "2021-01-10", "term_years": 3}}]}'
    registry = files.loads(text, format="json")
    (organisation,) = registry.party_organisations
    assert organisation.committee is not None and organisation.committee.size == 3
    assert organisation.committee_terms == () and registry.meetings == ()


def test_terms_nested_eight_levels_deep_are_refused_by_a_seven_level_limit_whatever_the_path() -> None:
    text = files.dumps(terms_passing(), format="json", personal_data=True)
    with pytest.raises(ConfigError, match="max_depth"):
        files.loads(text, format="json", limits=Limits(max_depth=7))
    assert files.loads(text, format="json", limits=Limits(max_depth=8)) == terms_passing()


def test_a_meeting_with_an_unknown_key_is_refused_with_its_path() -> None:
    text = '{"meetings": [{"id": "m", "title": "t", "kind": "联席会议", "held_by_id": "a", "held_on": "2024-01-01", "agendas": []}]}'
    with pytest.raises(ConfigError, match=r"\$\.meetings\[0\]\.agendas"):
        files.loads(text, format="json")


@settings(
    max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large]
)
@given(data=st.data())
def test_generated_meetings_follow_up_with_those_who_came_after_the_meeting(data: st.DataObject) -> None:
    members = ["a", "b", "c"]
    meeting = data.draw(dst.meetings("alliance", members, DAY, project_ids=["p"]))
    assert meeting.held_on >= DAY and set(meeting.present_ids) <= set(members)
    if meeting.present is not None and meeting.expected is not None:
        assert len(meeting.present_ids) <= meeting.present <= meeting.expected
    for item in meeting.agenda:
        assert item.decision is not None or not item.follow_ups
        for follow_up in item.follow_ups:
            assert follow_up.responsible_id in meeting.present_ids
            assert all(day is None or day >= meeting.held_on for day in (follow_up.due_on, follow_up.done_on))
            assert follow_up.done_on is None or not follow_up.status.is_open


@settings(max_examples=20, deadline=None)
@given(terms=dst.committee_terms(["p1", "p2"]))
def test_generated_terms_follow_each_other_without_gaps_overlaps_or_posts_outside_them(
    terms: tuple[CommitteeTerm, ...],
) -> None:
    assert [t.number for t in terms] == list(range(1, len(terms) + 1))
    registry = Registry(
        party_organisations=[PartyOrganisation(id="o", name="某党支部", form="党支部", committee_terms=terms)]
    )
    report = validate(registry)
    assert not [f for f in report.findings if f.code in ("DJ721", "DJ722", "DJ724")], report.to_text()


@settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large]
)
@given(registry=dst.registries(max_townships=1, max_villages=3, max_alliances=2))
def test_generated_registries_with_meetings_round_trip_and_have_no_meeting_errors(registry: Registry) -> None:
    assert files.loads(files.dumps(registry, format="json", personal_data=True), format="json") == registry
    report = validate(registry, ValidationConfig(as_of=datetime.date(2030, 1, 1)))
    assert not [f for f in report.findings if f.code.startswith("DJ7") and f.severity is Severity.ERROR]


def test_the_strategies_refuse_an_empty_list_of_ids() -> None:
    from hypothesis.errors import InvalidArgument

    with pytest.raises(InvalidArgument):
        dst.meetings("a", [])
    with pytest.raises(InvalidArgument):
        dst.committee_terms([])


@pytest.mark.parametrize(
    "holds",
    [
        lambda registry: bool(registry.meetings),
        lambda registry: any(o.committee_terms for o in registry.party_organisations),
        lambda registry: any(a.cadence for a in registry.alliances),
    ],
    ids=["meetings", "committee terms", "cadence rules"],
)
def test_some_generated_registries_hold_meetings_and_keep_terms(holds: Callable[[Registry], bool]) -> None:
    # find() searches up to 2,000 registries, so a rare draw cannot make the test flaky
    registry = find(
        dst.registries(max_townships=1, max_villages=3, max_alliances=2),
        holds,
        settings=settings(
            max_examples=2000,
            phases=[Phase.generate],  # the first registry found will do: no shrinking
            deadline=None,
            database=None,
            suppress_health_check=list(HealthCheck),
        ),
    )
    assert holds(registry)


# ---------------------------------------------------------------- the diagram shows who met


def test_the_diagram_shows_each_meeting_and_who_came_only_when_asked() -> None:
    from dangjian_model.diagram import DOTTED, picture, to_dot, to_mermaid

    registry = with_meeting()
    plain = picture(registry, "cixi-south")
    drawn = picture(registry, "cixi-south", meetings=True)
    assert plain.meetings == () and not any(e.style == DOTTED for e in plain.edges)
    assert drawn.meetings == ("south-joint-2021q4",)
    came = {e.source for e in drawn.edges if e.style == DOTTED and e.target == "south-joint-2021q4"}
    assert came == {"changlong", "qianbing", "gangdun"}
    assert '(["南部片区2021年第四季度联席会议<br/>联席会议 2021-12-20"])' in to_mermaid(
        registry, "cixi-south", meetings=True
    )
    assert "-- 出席 --o" in to_mermaid(registry, "cixi-south", meetings=True)
    assert "shape=note" in to_dot(registry, "cixi-south", meetings=True)
    assert "style=dotted" in to_dot(registry, "cixi-south", meetings=True)
    assert to_mermaid(registry, "cixi-south") == to_mermaid(
        registry.without("south-joint-2021q4"), "cixi-south"
    )


def test_without_a_list_of_who_came_the_members_of_the_day_are_drawn() -> None:
    from dangjian_model.diagram import DOTTED, picture

    registry = with_meeting(
        joint_meeting(held_by_id="cixi-south", kind="联盟会议", present_ids=[], present=None)
    )
    drawn = picture(registry, "cixi-south", meetings=True)
    assert {e.source for e in drawn.edges if e.style == DOTTED} == {"changlong", "qianbing", "gangdun"}


def test_the_cli_draws_who_met_on_request(tmp_path: Any) -> None:
    from dangjian_model.cli import main
    from dangjian_model.diagram import to_mermaid

    path = tmp_path / "met.json"
    files.dump(with_meeting(), path, personal_data=True)
    import contextlib
    import io

    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(["diagram", str(path), "--meetings"]) == 0
    assert out.getvalue() == to_mermaid(with_meeting(), "cixi-south", meetings=True) + "\n"

"""Holding a meeting, taking a decision and closing its follow-up: events in the log, replayable, 三不变 kept."""

from __future__ import annotations

import datetime

import pytest

from dangjian_model import FollowUp, FollowUpStatus, Registry, UnknownId
from dangjian_model import lifecycle as lc
from dangjian_model.validation import ValidationConfig, validate
from tests.lifecycle._cixi import cixi_story
from tests.lifecycle._support import round_trip

DAY = datetime.date(2022, 3, 28)
LATER = datetime.date(2022, 6, 30)


def _held(registry: Registry, **changes: object) -> lc.Outcome:
    arguments: dict[str, object] = {
        "meeting_id": "south-2022q1",
        "title": "南部片区2022年第一季度联席会议",
        "kind": "联席会议",
        "held_by_id": "south-joint-committee",
        "on": DAY,
        "convener_id": "gong",
        "expected": 3,
        "present": 3,
        "present_ids": ["changlong", "qianbing", "gangdun"],
        "agenda": ["环境卫生整治"],
    }
    return lc.hold_meeting(registry, **{**arguments, **changes})  # type: ignore[arg-type]


def _story() -> tuple[Registry, list[lc.Event], Registry]:
    """The 慈溪 story, then a joint meeting, a decision with follow-up, and the follow-up closed."""
    start, _ = cixi_story()
    log: list[lc.Event] = []
    registry, events = _held(start)
    log += events
    registry, events = lc.take_decision(
        registry,
        meeting_id="south-2022q1",
        item="环境卫生整治",
        decision="三村分片包干，乾炳村牵头",
        on=DAY,
        follow_ups=[FollowUp(responsible_id="qianbing", due_on=LATER, status="落实中")],
    )
    log += events
    registry, events = lc.close_follow_up(
        registry, meeting_id="south-2022q1", item=0, on=LATER, project_id="lianshu", note="已完成"
    )
    log += events
    return start, log, registry


def test_a_meeting_a_decision_and_a_closed_follow_up_replay_from_the_log() -> None:
    start, log, registry = _story()
    assert [type(e) for e in log] == [lc.MeetingHeld, lc.DecisionTaken, lc.FollowUpClosed]
    assert lc.replay(start, log) == registry
    assert all(round_trip(event) == event for event in log)
    (item,) = registry.meeting("south-2022q1").agenda
    assert item.decision == "三村分片包干，乾炳村牵头"
    (follow_up,) = item.follow_ups
    assert (follow_up.status, follow_up.done_on, follow_up.project_id) == (
        FollowUpStatus.DONE,
        LATER,
        "lianshu",
    )


def test_deliberation_never_moves_a_superior_an_asset_or_books() -> None:
    start, _, registry = _story()
    assert lc.check_three_unchanged(start, registry) == ()
    assert registry.without("south-2022q1") == start


def test_the_meeting_of_the_story_validates_without_findings_about_meetings() -> None:
    _, _, registry = _story()
    report = validate(registry, ValidationConfig(as_of=datetime.date(2022, 12, 31)))
    assert not [f for f in report.findings if f.code.startswith("DJ7")], report.to_text()


def test_an_item_raised_at_the_meeting_is_added_as_an_immediate_consultation() -> None:
    registry, _ = _held(cixi_story()[0])
    after, _ = lc.take_decision(
        registry, meeting_id="south-2022q1", item="停车难", decision="增设停车位", on=DAY
    )
    assert [i.title for i in after.meeting("south-2022q1").agenda] == ["环境卫生整治", "停车难"]
    assert after.meeting("south-2022q1").agenda[1].origin.label == "即时商议"
    assert len(after.meeting("south-2022q1").decisions) == 1


def test_a_decision_that_would_merge_books_is_refused_for_an_alliance() -> None:
    registry, _ = _held(cixi_story()[0])
    with pytest.raises(lc.PrincipleViolation, match="账务核算不变") as caught:
        lc.take_decision(
            registry, meeting_id="south-2022q1", item=0, decision="三村合并账务", on=DAY, effects=["合并账务"]
        )
    assert caught.value.alliance_ids == ("cixi-south",)


def test_a_branch_may_decide_what_an_alliance_may_not() -> None:
    registry, _ = _held(
        cixi_story()[0], kind="支委会", held_by_id="changlong-branch", present_ids=[], present=3, expected=5
    )
    after, (event,) = lc.take_decision(
        registry,
        meeting_id="south-2022q1",
        item=0,
        decision="转接组织关系",
        on=DAY,
        effects=["转移党员组织关系"],
    )
    assert isinstance(event, lc.DecisionTaken) and event.effects
    assert after.meeting("south-2022q1").agenda[0].effects == event.effects


def test_follow_up_goes_only_to_those_who_took_part() -> None:
    registry, _ = _held(cixi_story()[0])
    with pytest.raises(lc.NotAMember, match=r"take_decision\(follow_ups\[0\]\).*'yishan' did not take part"):
        lc.take_decision(
            registry,
            meeting_id="south-2022q1",
            item=0,
            decision="同意",
            on=DAY,
            follow_ups=[FollowUp(responsible_id="yishan")],
        )


def test_an_alliance_meeting_without_a_list_binds_the_members_of_the_day() -> None:
    registry, _ = _held(cixi_story()[0], held_by_id="cixi-south", kind="联盟会议", present_ids=[])
    after, _ = lc.take_decision(
        registry, meeting_id="south-2022q1", item=0, decision="同意", on=DAY,
        follow_ups=[FollowUp(responsible_id="gangdun")],
    )  # fmt: skip
    assert after.meeting("south-2022q1").agenda[0].follow_ups[0].responsible_id == "gangdun"
    with pytest.raises(lc.NotAMember):
        lc.take_decision(
            registry, meeting_id="south-2022q1", item=0, decision="同意", on=DAY,
            follow_ups=[FollowUp(responsible_id="kuangyan")],
        )  # fmt: skip


@pytest.mark.parametrize(
    ("changes", "match"),
    [
        ({"held_by_id": "gong"}, r"'gong' is a Person"),
        ({"held_by_id": "lianshu"}, r"'lianshu' is a Project"),
        ({"kind": "党员大会", "held_by_id": "cixi-south"}, "held by a party organisation"),
        (
            {"held_by_id": "cixi-south", "on": datetime.date(2019, 1, 1)},
            "before alliance 'cixi-south' was formed",
        ),
        ({"held_by_id": "south-joint-committee", "on": datetime.date(2019, 1, 1)}, "was set up"),
        ({"present_ids": ["changlong", "changlong"]}, "listed twice"),
        ({"present": 4}, "4 present but only 3 expected"),
        ({"meeting_id": "cixi-south"}, "already the id"),
    ],
)
def test_holding_a_meeting_refuses_what_cannot_be(changes: dict[str, object], match: str) -> None:
    with pytest.raises(lc.OperationRefused, match=match):
        _held(cixi_story()[0], **changes)


def test_holding_a_meeting_names_an_unknown_holder_or_attendee() -> None:
    with pytest.raises(UnknownId, match=r"hold_meeting\(present_ids\[0\]\)"):
        _held(cixi_story()[0], present_ids=["nobody"])
    with pytest.raises(UnknownId, match=r"hold_meeting\(convener_id\)"):
        _held(cixi_story()[0], convener_id="nobody")


def test_a_dissolved_alliance_holds_no_meeting() -> None:
    registry, _ = lc.dissolve_alliance(cixi_story()[0], alliance_id="cixi-south", on=DAY)
    with pytest.raises(lc.AllianceNotActive):
        _held(registry, held_by_id="cixi-south", kind="联盟会议")


def test_a_team_holds_a_deliberation() -> None:
    from dangjian_model import Team

    registry = cixi_story()[0].with_entities(Team(id="team", name="议事先锋队", kind="1+4+N"))
    after, _ = _held(registry, held_by_id="team", kind="议事协商", present_ids=[])
    assert after.meetings_of("team")[0].kind.label == "议事协商"


def test_taking_a_decision_refuses_what_cannot_be() -> None:
    registry, _ = _held(cixi_story()[0], agenda=[])
    with pytest.raises(lc.OperationRefused, match="the title of a new item"):
        lc.take_decision(registry, meeting_id="south-2022q1", item=0, decision="同意", on=DAY)
    registry, _ = _held(cixi_story()[0])
    with pytest.raises(lc.OperationRefused, match="an index from 0 to 0"):
        lc.take_decision(registry, meeting_id="south-2022q1", item=3, decision="同意", on=DAY)
    with pytest.raises(lc.OperationRefused, match="before meeting"):
        lc.take_decision(
            registry, meeting_id="south-2022q1", item=0, decision="同意", on=datetime.date(2022, 1, 1)
        )
    with pytest.raises(lc.OperationRefused, match="before the decision"):
        lc.take_decision(
            registry, meeting_id="south-2022q1", item=0, decision="同意", on=DAY,
            follow_ups=[FollowUp(responsible_id="qianbing", due_on=datetime.date(2022, 1, 1))],
        )  # fmt: skip
    decided, _ = lc.take_decision(registry, meeting_id="south-2022q1", item=0, decision="同意", on=DAY)
    with pytest.raises(lc.OperationRefused, match="already decided"):
        lc.take_decision(decided, meeting_id="south-2022q1", item="环境卫生整治", decision="再议", on=DAY)
    with pytest.raises(UnknownId, match=r"take_decision\(meeting_id\)"):
        lc.take_decision(registry, meeting_id="nowhere", item=0, decision="同意", on=DAY)


def test_closing_a_follow_up_refuses_what_cannot_be() -> None:
    _, log, _ = _story()
    start, _ = cixi_story()
    decided = lc.replay(start, log[:2])
    undecided = lc.replay(start, log[:1])
    meeting = {"meeting_id": "south-2022q1", "on": LATER}
    cases: list[tuple[Registry, dict[str, object], str]] = [
        (decided, {"item": 1}, "has no agenda item 1"),
        (undecided, {"item": 0}, "a decision with follow-up"),
        (decided, {"item": 0, "follow_up": 2}, "an index below 1"),
        (decided, {"item": 0, "status": "落实中"}, "does not close it"),
        (decided, {"item": 0, "on": datetime.date(2022, 1, 1)}, "before meeting"),
        (decided, {"item": 0, "project_id": "gong"}, "'gong' is a Person"),
        (lc.replay(start, log), {"item": 0}, "is done already"),
    ]
    for registry, changes, match in cases:
        with pytest.raises(lc.OperationRefused, match=match):
            lc.close_follow_up(registry, **{**meeting, **changes})  # type: ignore[arg-type]


def test_a_dropped_follow_up_keeps_its_project_and_note_unset() -> None:
    start, log, _ = _story()
    dropped, (event,) = lc.close_follow_up(
        lc.replay(start, log[:2]), meeting_id="south-2022q1", item=0, on=LATER, status="已撤销"
    )
    follow_up = dropped.meeting("south-2022q1").agenda[0].follow_ups[0]
    assert (follow_up.status, follow_up.project_id, follow_up.note) == (FollowUpStatus.DROPPED, None, None)
    assert round_trip(event) == event

"""Failing and passing examples of the DJ7xx rules: meetings, deliberation and committee terms.

Each starts from :func:`~dangjian_model.validation._examples.cixi` with one joint meeting of the 片区联合党委
(:func:`with_meeting`) or one history of terms of 倡隆村党支部, and changes one thing. The tests judge them on
2022-01-01 (``ValidationConfig.as_of``).
"""

from __future__ import annotations

from typing import Any

import attrs

from dangjian_model._model import AgendaItem, CadenceRule, CommitteePost, CommitteeTerm, FollowUp, Meeting
from dangjian_model._registry import Registry
from dangjian_model.validation._examples import _failing, _passing, cixi

__all__ = ["joint_meeting", "with_meeting"]


def joint_meeting(**changes: Any) -> Meeting:
    """The 2021 Q4 joint meeting (联席会议) of the 南部片区联合党委: one 议题, its decision and follow-up."""
    meeting = Meeting(
        id="south-joint-2021q4",
        title="南部片区2021年第四季度联席会议",
        kind="联席会议",
        held_by_id="south-joint-committee",
        held_on="2021-12-20",
        convener_id="p-gong",
        expected=3,
        present=3,
        present_ids=["changlong", "qianbing", "gangdun"],
        agenda=[
            AgendaItem(
                title="环境卫生整治",
                origin="定期会商",
                raised_by_id="changlong",
                need_id="need-joint-governance",
                decision="三村分片包干，乾炳村牵头",
                follow_ups=[FollowUp(responsible_id="qianbing", due_on="2022-03-31", status="落实中")],
            )
        ],
    )
    return attrs.evolve(meeting, **changes)


def with_meeting(*meetings: Meeting) -> Registry:
    """:func:`cixi` with these meetings (the joint meeting when none is given)."""
    return cixi().with_entities(*(meetings or (joint_meeting(),)))


def _item(**changes: Any) -> Meeting:
    """The joint meeting with its one agenda item changed."""
    return joint_meeting(agenda=[attrs.evolve(joint_meeting().agenda[0], **changes)])


def _follow_up(**changes: Any) -> Meeting:
    """The joint meeting with the follow-up of its agenda item changed."""
    follow_up = attrs.evolve(joint_meeting().agenda[0].follow_ups[0], **changes)
    return _item(follow_ups=[follow_up])


@_failing("DJ701")
def dj701_failing() -> Registry:
    """A 党员大会 recorded as held by the alliance, not by a party organisation."""
    return with_meeting(joint_meeting(kind="党员大会", held_by_id="cixi-south"))


@_failing("DJ702")
def dj702_failing() -> Registry:
    """An alliance meeting half a year before the alliance was formed (2020-06-01)."""
    return with_meeting(joint_meeting(kind="联盟会议", held_by_id="cixi-south", held_on="2019-12-01"))


@_failing("DJ703")
def dj703_failing() -> Registry:
    """Five present where three were expected."""
    return with_meeting(joint_meeting(present=5))


@_failing("DJ704")
def dj704_failing() -> Registry:
    """A 党员大会 of 倡隆村党支部 (40 full members) with 20 present: not more than half."""
    return with_meeting(
        joint_meeting(
            id="changlong-general",
            kind="党员大会",
            held_by_id="changlong-branch",
            expected=None,
            present=20,
            present_ids=[],
            agenda=[],
        )
    )


@_passing("DJ704")
def dj704_passing() -> Registry:
    """The same 党员大会 with 21 of 40 present."""
    return with_meeting(
        joint_meeting(
            id="changlong-general",
            kind="党员大会",
            held_by_id="changlong-branch",
            expected=None,
            present=21,
            present_ids=[],
            agenda=[],
        )
    )


def _cadence(every: str) -> Registry:
    registry = with_meeting()
    alliance = attrs.evolve(
        registry.alliance("cixi-south"), cadence=[CadenceRule(kind="联席会议", every=every)]
    )
    return registry.with_entities(alliance)


@_failing("DJ705")
def dj705_failing() -> Registry:
    """The alliance meets quarterly, yet only the 2021 Q4 joint meeting is on record."""
    return _cadence("每季度")


@_passing("DJ705")
def dj705_passing() -> Registry:
    """The alliance meets yearly: 2021 has its joint meeting (2020 is not a whole year of the alliance)."""
    return _cadence("每年")


@_failing("DJ711")
def dj711_failing() -> Registry:
    """A joint-meeting decision to merge the villages' books (账务核算不变)."""
    return with_meeting(_item(effects=["合并账务"]))


@_failing("DJ712")
def dj712_failing() -> Registry:
    """The follow-up given to the joint company, which did not take part."""
    return with_meeting(_follow_up(responsible_id="yishan"))


@_passing("DJ701", "DJ702", "DJ703", "DJ711", "DJ712")
def joint_meeting_passing() -> Registry:
    """The joint committee's meeting: the three villages came, 乾炳村 follows up."""
    return with_meeting()


@_failing("DJ713")
def dj713_failing() -> Registry:
    """A follow-up due on 2021-12-31, still open on 2022-01-01."""
    return with_meeting(_follow_up(due_on="2021-12-31", status="待落实"))


@_passing("DJ713")
def dj713_passing() -> Registry:
    """The same follow-up, done on 2021-12-30."""
    return with_meeting(_follow_up(due_on="2021-12-31", status="已落实", done_on="2021-12-30"))


@_failing("DJ714")
def dj714_failing() -> Registry:
    """A follow-up due before the meeting that decided it."""
    return with_meeting(_follow_up(due_on="2021-12-01"))


@_passing("DJ714")
def dj714_passing() -> Registry:
    """A follow-up due after the meeting."""
    return with_meeting()


def _terms(*terms: CommitteeTerm) -> Registry:
    registry = cixi()
    branch = attrs.evolve(registry.party_organisation("changlong-branch"), committee_terms=terms)
    return registry.with_entities(branch)


_SECRETARY = CommitteePost(person_id="p-gong", role="书记")


@_failing("DJ721")
def dj721_failing() -> Registry:
    """Two terms numbered 1."""
    return _terms(
        CommitteeTerm(number=1, elected_on="2016-01-10", term_years=5, ended_on="2021-01-10"),
        CommitteeTerm(number=1, elected_on="2021-01-10", term_years=5),
    )


@_failing("DJ722")
def dj722_failing() -> Registry:
    """Term 1 followed by term 3."""
    return _terms(
        CommitteeTerm(number=1, elected_on="2016-01-10", term_years=5, ended_on="2021-01-10"),
        CommitteeTerm(number=3, elected_on="2021-01-10", term_years=5),
    )


@_failing("DJ723")
def dj723_failing() -> Registry:
    """One term elected in 2015 for 5 years, judged on 2022-01-01: due 2020, more than a year late."""
    return _terms(CommitteeTerm(number=1, elected_on="2015-01-10", term_years=5, posts=[_SECRETARY]))


@_failing("DJ724")
def dj724_failing() -> Registry:
    """The secretary's post of term 1 never ends, though term 2 was elected in 2021."""
    return _terms(
        CommitteeTerm(number=1, elected_on="2016-01-10", term_years=5, posts=[_SECRETARY]),
        CommitteeTerm(number=2, elected_on="2021-01-10", term_years=5, posts=[_SECRETARY]),
    )


@_passing("DJ721", "DJ722", "DJ723", "DJ724")
def terms_passing() -> Registry:
    """Terms 1 and 2, the secretary re-elected: her first post ends as term 2 begins."""
    return _terms(
        CommitteeTerm(
            number=1,
            elected_on="2016-01-10",
            method="差额选举",
            term_years=5,
            ended_on="2021-01-10",
            posts=[attrs.evolve(_SECRETARY, ended_on="2021-01-10")],
        ),
        CommitteeTerm(number=2, elected_on="2021-01-10", method="差额选举", term_years=5, posts=[_SECRETARY]),
    )

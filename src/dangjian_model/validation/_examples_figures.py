"""Failing and passing examples of the DJ8xx rules: reported figures, custom terms, grid templates, exit
conditions and claims.

Each starts from :func:`~dangjian_model.validation._examples.cixi` (the 慈溪 南部片区 of seed 001) and adds or
changes one thing. The tests judge them on 2022-01-01 (``ValidationConfig.as_of``).
"""

from __future__ import annotations

from typing import Any

import attrs

from dangjian_model._model import (
    ExitCondition,
    Figure,
    FigureSource,
    GridLevel,
    GridSystem,
    ListedProject,
)
from dangjian_model._registry import Registry
from dangjian_model.validation._examples import _failing, _passing, cixi

__all__ = ["SOURCE"]

#: The report the 慈溪 figures come from (seed 001).
SOURCE = FigureSource(title="宁波全域党建联盟：三个典型案例", published_on="2021-12-06")


def _figure(**fields: Any) -> Registry:
    return cixi().with_entities(Figure(id="cixi-figure", source=SOURCE, **fields))


@_failing("DJ801")
def dj801_failing() -> Registry:
    return _figure(metric="新增就业岗位", value="300余人", subject_id="cixi-south")


@_passing("DJ801")
def dj801_passing() -> Registry:
    return _figure(metric="新增就业岗位", value="300余个", subject_id="cixi-south", period="2021")


@_failing("DJ802")
def dj802_failing() -> Registry:
    # the alliance lists two member villages besides its lead
    return _figure(metric="成员单位", value="1个", subject_id="cixi-south")


@_passing("DJ802")
def dj802_passing() -> Registry:
    return _figure(metric="成员单位", value="近10个", subject_id="cixi-south")


@_failing("DJ803")
def dj803_failing() -> Registry:
    alliance = cixi().alliance("cixi-south")
    return cixi().with_entities(attrs.evolve(alliance, linkages=[*alliance.linkages, "红色结对"]))


@_passing("DJ803")
def dj803_passing() -> Registry:
    alliance = cixi().alliance("cixi-south")
    return cixi().with_entities(attrs.evolve(alliance, linkages=[*alliance.linkages, "艺术联姻"]))


def _grid_system(*counts: int) -> Registry:
    levels = [GridLevel(count=n, party_groups=True) for n in counts]
    system = GridSystem(id="changlong-grids", name="倡隆村网格", levels=levels, top_grid_id="changlong-grid")
    return cixi().with_entities(system)


@_failing("DJ804")
def dj804_failing() -> Registry:
    return _grid_system(1, 2)  # one second-level cell is listed


@_passing("DJ804")
def dj804_passing() -> Registry:
    return _grid_system(1, 1)


def _exit(value: str, **membership: Any) -> Registry:
    registry = cixi()
    alliance = registry.alliance("cixi-south")
    memberships = [
        attrs.evolve(m, **membership) if m.participant_id == "qianbing" else m for m in alliance.memberships
    ]
    condition = ExitCondition(
        metric="村集体经济收入",
        above="150万元",
        term_years=3,
        description="村集体经济收入超过150万元的村，三年期满后退出",
    )
    figure = Figure(
        id="qianbing-income-2020",
        metric="村集体经济收入",
        value=value,
        subject_id="qianbing",
        on="2020-12-31",
        source=SOURCE,
    )
    return registry.with_entities(
        attrs.evolve(alliance, exit_conditions=[condition], memberships=memberships), figure
    )


@_failing("DJ805")
def dj805_failing() -> Registry:
    return _exit(
        "180万元", left_on="2023-06-01"
    )  # passes in the term 2020-06-01 – 2023-06-01, leaves at its end


@_passing("DJ805")
def dj805_passing() -> Registry:
    return _exit("120万元")


@_failing("DJ806")
def dj806_failing() -> Registry:
    return _exit("180万元", left_on="2024-01-01")


@_passing("DJ806")
def dj806_passing() -> Registry:
    return _exit("180万元", left_on="2023-06-01")


def _claim(**fields: Any) -> Registry:
    item = ListedProject(
        id="cleanup-claim",
        title="环境卫生整治认领",
        need_id="need-joint-governance",
        alliance_id="cixi-south",
    )
    return cixi().with_entities(attrs.evolve(item, **fields))


@_failing("DJ807")
def dj807_failing() -> Registry:
    return _claim(status="已认领", claimed_on="2021-03-01")


@_passing("DJ807")
def dj807_passing() -> Registry:
    return _claim(status="已认领", claimed_on="2021-03-01", provider_id="qianbing")

"""What every check shares: the scope of a pass, a check and its codes, the names of entity kinds."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import attrs

from dangjian_model._model import (
    Alliance,
    Asset,
    Brand,
    Figure,
    Grid,
    GridSystem,
    Ledger,
    ListedProject,
    Meeting,
    Need,
    PartyOrganisation,
    Person,
    Project,
    Resource,
    Team,
    Unit,
)
from dangjian_model._registry import ENTITY_KINDS, Entity
from dangjian_model.validation._config import ValidationConfig
from dangjian_model.validation._context import Context, RawFinding

__all__ = ["KIND_NAMES", "MEMBERS", "PARTICIPANTS", "ZH_KIND", "Check", "Scope", "kinds_en", "kinds_zh"]

PARTICIPANTS: tuple[type[Any], ...] = (Unit, PartyOrganisation, Person)
KIND_NAMES = {cls: (name, label) for name, (cls, label) in ENTITY_KINDS.items()}
ZH_KIND = {
    Unit: "单位",
    PartyOrganisation: "党组织",
    Person: "人员",
    Alliance: "联盟",
    Project: "项目",
    Asset: "资产",
    Ledger: "账套",
    Grid: "网格",
    Brand: "品牌",
    Team: "队伍",
    Need: "需求",
    Resource: "资源",
    ListedProject: "清单项目",
    Meeting: "会议",
    Figure: "数据",
    GridSystem: "网格体系",
}
#: Who may take part in an alliance (a membership): units, organisations, people and teams (教授团队 as advisers).
MEMBERS: tuple[type[Any], ...] = (*PARTICIPANTS, Team)


@attrs.frozen
class Scope:
    """What a pass looks at: the whole registry, or one alliance and its projects."""

    alliances: tuple[Alliance, ...]
    projects: tuple[Project, ...]
    entities: tuple[Entity, ...]
    whole_registry: bool


@attrs.frozen
class Check:
    """A check and the codes it can report (the engine skips it when none of them is enabled)."""

    codes: frozenset[str]
    run: Callable[[Context, Scope, ValidationConfig], Iterator[RawFinding]]
    whole_registry_only: bool = False


def kinds_zh(kinds: tuple[type[Any], ...]) -> str:
    return "或".join(ZH_KIND[k] for k in kinds)


def kinds_en(kinds: tuple[type[Any], ...]) -> str:
    return " or ".join(KIND_NAMES[k][1] for k in kinds)

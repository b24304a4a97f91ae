"""What every check shares: the scope of a pass, a check and its codes, the names of entity kinds."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any, TypeAlias

import attrs

from dangjian_model._model import Alliance, PartyOrganisation, Person, Project, Team, Unit
from dangjian_model._registry import ENTITY_KINDS, ZH_KIND, Entity
from dangjian_model._repr import FieldsRepr
from dangjian_model.validation._config import ValidationConfig
from dangjian_model.validation._context import Context, RawFinding

__all__ = [
    "KIND_NAMES",
    "MEMBERS",
    "PARTICIPANTS",
    "Check",
    "References",
    "Scope",
    "kinds_en",
    "kinds_zh",
    "reference_findings",
]

PARTICIPANTS: tuple[type[Any], ...] = (Unit, PartyOrganisation, Person)
KIND_NAMES = {cls: (name, label) for name, (cls, label) in ENTITY_KINDS.items()}
#: What an entity refers to: (field path, the id or None, the kinds it may name).
References: TypeAlias = Iterable[tuple[str, str | None, tuple[type[Any], ...]]]
#: Who may take part in an alliance (a membership): units, organisations, people and teams (教授团队 as advisers).
MEMBERS: tuple[type[Any], ...] = (*PARTICIPANTS, Team)


@attrs.frozen(repr=False)
class Scope(FieldsRepr):
    """What a pass looks at: the whole registry, or one alliance and its projects."""

    alliances: tuple[Alliance, ...]
    projects: tuple[Project, ...]
    entities: tuple[Entity, ...]
    whole_registry: bool


@attrs.frozen(repr=False)
class Check(FieldsRepr):
    """A check and the codes it can report (the engine skips it when none of them is enabled)."""

    codes: frozenset[str]
    run: Callable[[Context, Scope, ValidationConfig], Iterator[RawFinding]]
    whole_registry_only: bool = False


def kinds_zh(kinds: tuple[type[Any], ...]) -> str:
    return "或".join(ZH_KIND[k] for k in kinds)


def kinds_en(kinds: tuple[type[Any], ...]) -> str:
    return " or ".join(KIND_NAMES[k][1] for k in kinds)


def reference_findings(
    path: str, references: References, find: Callable[[str], Entity | None], alliance_id: str | None = None
) -> Iterator[RawFinding]:
    """DJ101 for each reference at ``path`` that names nothing, DJ102 for one that names the wrong kind."""
    for field, target_id, kinds in references:
        if target_id is None:
            continue
        target = find(target_id)
        if target is None:
            yield RawFinding(
                "DJ101",
                f"{path}.{field}",
                f"引用的编号 {target_id!r} 在登记簿中不存在",
                f"{target_id!r} names nothing in the registry",
                f"应填写已登记的{kinds_zh(kinds)}编号 / use the id of a registered {kinds_en(kinds)}",
                alliance_id,
            )
        elif not isinstance(target, kinds):
            found = type(target)
            yield RawFinding(
                "DJ102",
                f"{path}.{field}",
                f"{target_id!r} 是{ZH_KIND[found]}，此处应为{kinds_zh(kinds)}",
                f"{target_id!r} is a {KIND_NAMES[found][1]}, but a {kinds_en(kinds)} is expected here",
                f"应引用{kinds_zh(kinds)} / refer to a {kinds_en(kinds)}",
                alliance_id,
            )

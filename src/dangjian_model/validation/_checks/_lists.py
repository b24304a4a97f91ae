"""The lists of 社会联治 (DJ509–510): a 项目清单 entry is claimed by a member, with a resource of its own."""

from __future__ import annotations

from collections.abc import Iterator

from dangjian_model._model import Alliance, Resource
from dangjian_model.validation._checks._common import Scope
from dangjian_model.validation._config import ValidationConfig
from dangjian_model.validation._context import Context, RawFinding

__all__ = ["check_listed_projects"]


def check_listed_projects(ctx: Context, scope: Scope, config: ValidationConfig) -> Iterator[RawFinding]:
    """DJ509: the claimant provides the resource the project uses; DJ510: the claimant is a member.

    A 项目清单 entry is a partner's claim (认领) of a need it can serve with what it offers (seed 004).
    """
    listed = ctx.registry.listed_projects
    if not scope.whole_registry:
        ids = {alliance.id for alliance in scope.alliances}
        listed = tuple(item for item in listed if item.alliance_id in ids)
    for item in listed:
        path = f"listed_projects[{item.id}]"
        provider = item.provider_id
        if provider is None:
            continue
        resource = ctx.registry.find(item.resource_id) if item.resource_id else None
        if isinstance(resource, Resource) and resource.provider_id not in (None, provider):
            yield RawFinding(
                "DJ509",
                f"{path}.provider_id",
                f"认领方 {provider!r} 不是所用资源 {resource.id!r} 的提供方 {resource.provider_id!r}",
                f"the claimant {provider!r} is not the provider {resource.provider_id!r} of the resource "
                f"{resource.id!r} the project uses",
                "由资源的提供方认领，或改用认领方自己的资源 / let the resource's provider claim it, or use "
                "a resource the claimant offers",
                item.alliance_id,
            )
        alliance = ctx.registry.find(item.alliance_id) if item.alliance_id else None
        if (
            isinstance(alliance, Alliance)
            and provider in ctx.registry
            and not _member(ctx, alliance, provider)
        ):
            yield RawFinding(
                "DJ510",
                f"{path}.provider_id",
                f"认领方 {provider!r} 不是联盟 {alliance.id!r} 的成员",
                f"the claimant {provider!r} is not a member of the alliance {alliance.id!r}",
                "先接纳其入盟（如“合伙人”），或核对编号 / admit it to the alliance first (e.g. as a "
                "partner), or check the id",
                alliance.id,
            )


def _member(ctx: Context, alliance: Alliance, provider: str) -> bool:
    """True if the provider is, or stands for, a participant of the alliance (its unit's organisation, its
    member's people)."""
    participants = {m.participant_id for m in alliance.memberships}
    return provider in participants or not participants.isdisjoint(ctx.territories_of(provider))

"""三不变 (DJ42x): joining an alliance changes no superior, asset, ledger or affiliation."""

from __future__ import annotations

from collections.abc import Iterator

from dangjian_model._enums import AssetNature, Principle
from dangjian_model._model import Alliance, PartyOrganisation, Unit
from dangjian_model.validation._context import Context, RawFinding

__all__ = ["three_unchanged"]


def three_unchanged(ctx: Context, alliance: Alliance, members: list[str]) -> Iterator[RawFinding]:
    declared = alliance.principles
    joint_committee = ctx.organisation(alliance.joint_committee_id)
    coordinators = {alliance.id} | ({joint_committee.id} if joint_committee is not None else set())
    # the joint companies its members hold stakes in: never a member's superior either (as the
    # lifecycle's checker says: "the members hold stakes in it, not the reverse")
    companies = {p.company_id for p in ctx.projects_by_alliance.get(alliance.id, ()) if p.company_id}
    # DJ421 reports a member unit or organisation whose superior is a coordinator or a joint company:
    # none when no unit or organisation of the registry has one of those as its superior.
    if Principle.MANAGEMENT_HIERARCHY_UNCHANGED in declared and not (coordinators | companies).isdisjoint(
        ctx.superior_ids
    ):
        for member in members:
            entity = ctx.registry.find(member)
            orgs: list[PartyOrganisation] = []
            if isinstance(entity, PartyOrganisation):
                orgs.append(entity)
            elif isinstance(entity, Unit):
                orgs.extend(ctx.orgs_by_unit.get(entity.id, ()))
                superior = entity.superior_id
                if superior in coordinators:
                    yield RawFinding(
                        "DJ421",
                        f"units[{entity.id}].superior_id",
                        f"成员 {entity.id!r} 的行政上级变成了联盟或联合党委 {superior!r}，违反管理层级不变",
                        f"the member {entity.id!r} now has the alliance or its joint committee "
                        f"{superior!r} as superior: 管理层级不变 is broken",
                        "恢复其原行政上级；联合党委只协调，不当上级 / restore its own superior; the joint "
                        "committee coordinates, it is no superior",
                        alliance.id,
                    )
                elif superior in companies:
                    yield RawFinding(
                        "DJ421",
                        f"units[{entity.id}].superior_id",
                        f"成员 {entity.id!r} 的行政上级变成了联盟的共建公司 {superior!r}，违反管理层级不变",
                        f"the member {entity.id!r} now has the alliance's joint company {superior!r} as "
                        "superior: 管理层级不变 is broken",
                        "恢复其原行政上级；成员持有共建公司的股份，公司不是成员的上级 / restore its own "
                        "superior; the members hold stakes in the joint company, it is not their superior",
                        alliance.id,
                    )
            for org in orgs:
                if org.superior_id in coordinators and org.id not in coordinators:
                    yield RawFinding(
                        "DJ421",
                        f"party_organisations[{org.id}].superior_id",
                        f"成员党组织 {org.id!r} 隶属于联合党委 {org.superior_id!r}，违反管理层级不变",
                        f"the member organisation {org.id!r} is placed under the joint committee "
                        f"{org.superior_id!r}: 管理层级不变 is broken",
                        "恢复原隶属关系；联合党委只协调，不当上级 / restore its own superior; the joint "
                        "committee coordinates, it is no superior",
                        alliance.id,
                    )
    # assets_by_owner and ledgers_by_owner hold only what coordinators and companies own: when they are
    # empty, DJ422 and DJ423 have nothing to report.
    if Principle.ASSET_NATURE_UNCHANGED in declared and ctx.assets_by_owner:
        for owner in sorted(coordinators | companies):
            for asset in ctx.assets_by_owner.get(owner, ()):
                if owner in coordinators or asset.nature is AssetNature.VILLAGE_COLLECTIVE:
                    yield RawFinding(
                        "DJ422",
                        f"assets[{asset.id}].owner_id",
                        f"资产 {asset.id!r}（{asset.nature.label}）归 {owner!r} 所有，违反资产属性不变",
                        f"the asset {asset.id!r} ({asset.nature.value}) is owned by {owner!r}: "
                        "资产属性不变 is broken",
                        "成员资产仍归成员所有；共建公司只持有成员以股权投入的部分 / members keep their "
                        "assets; a joint company holds only the stakes members put in",
                        alliance.id,
                    )
    if Principle.ACCOUNTING_UNCHANGED in declared and ctx.ledgers_by_owner:
        for owner in sorted(coordinators):
            for ledger in ctx.ledgers_by_owner.get(owner, ()):
                yield RawFinding(
                    "DJ423",
                    f"ledgers[{ledger.id}].owner_id",
                    f"账套 {ledger.id!r} 记在联盟或联合党委 {owner!r} 名下，违反账务核算不变",
                    f"the ledger {ledger.id!r} is kept by the alliance or its joint committee {owner!r}: "
                    "账务核算不变 is broken",
                    "每个成员单位保留自己的账套 / each member keeps its own books",
                    alliance.id,
                )
    if Principle.AFFILIATION_UNCHANGED in declared and alliance.joint_committee_id:
        for person in ctx.people_by_org.get(alliance.joint_committee_id, ()):
            yield RawFinding(
                "DJ424",
                f"people[{person.id}].party_organisation_id",
                f"党员 {person.id!r} 的组织关系转入了联合党委，违反原组织隶属关系不变",
                f"the member {person.id!r} now belongs to the joint committee: the original affiliation "
                "must stay unchanged",
                "组织关系留在原党组织；联合党委委员为兼职 / keep the person in their own organisation; joint "
                "committee members serve concurrently",
                alliance.id,
            )

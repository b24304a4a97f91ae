"""dangjian_model — a typed model of grassroots party-building alliances (党建联盟).

The public API is the list in ``__all__``; everything in a module whose name starts with ``_`` is
private. Names are loaded on first use (PEP 562), so ``import dangjian_model`` stays cheap and a
program pays only for the parts it touches.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # the type checker sees every name eagerly
    from dangjian_model._enums import (
        AgendaOrigin,
        AllianceType,
        AssetNature,
        BrandField,
        Cadence,
        CommitteeRole,
        ContributionKind,
        DecisionEffect,
        Designation,
        ElectionMethod,
        FollowUpStatus,
        Linkage,
        LinkageVocabulary,
        MeetingKind,
        MembershipRole,
        OrgTypeCode,
        PartyOrgForm,
        PartyStanding,
        PersonRole,
        Principle,
        QuantityUnit,
        TeamKind,
        UnitKind,
    )
    from dangjian_model._errors import (
        DangjianError,
        HierarchyCycleError,
        InvalidLabel,
        InvalidMoney,
        InvalidValue,
        UnknownId,
    )
    from dangjian_model._labels import (
        LabelledEnum,
    )
    from dangjian_model._location import Location
    from dangjian_model._model import (
        THREE_UNCHANGED,
        AgendaItem,
        Agreement,
        Alliance,
        Asset,
        Brand,
        CadenceRule,
        Committee,
        CommitteePost,
        CommitteeTerm,
        Contribution,
        FollowUp,
        Grid,
        IncomeRecord,
        JointPlan,
        Ledger,
        LedgerEntry,
        ListedProject,
        Meeting,
        Membership,
        Need,
        Participation,
        PartyOrganisation,
        Person,
        Project,
        Resource,
        Share,
        Team,
        Unit,
    )
    from dangjian_model._money import (
        Money,
    )
    from dangjian_model._registry import (
        ENTITY_KINDS,
        Entity,
        Registry,
    )

__version__ = "0.1.0"

#: Where each public name lives, for loading it on first use.
_LOCATIONS: dict[str, str] = {
    "AllianceType": "dangjian_model._enums",
    "AssetNature": "dangjian_model._enums",
    "BrandField": "dangjian_model._enums",
    "ContributionKind": "dangjian_model._enums",
    "Designation": "dangjian_model._enums",
    "Linkage": "dangjian_model._enums",
    "LinkageVocabulary": "dangjian_model._enums",
    "MembershipRole": "dangjian_model._enums",
    "OrgTypeCode": "dangjian_model._enums",
    "PartyOrgForm": "dangjian_model._enums",
    "PartyStanding": "dangjian_model._enums",
    "PersonRole": "dangjian_model._enums",
    "Principle": "dangjian_model._enums",
    "QuantityUnit": "dangjian_model._enums",
    "TeamKind": "dangjian_model._enums",
    "UnitKind": "dangjian_model._enums",
    "AgendaOrigin": "dangjian_model._enums",
    "Cadence": "dangjian_model._enums",
    "CommitteeRole": "dangjian_model._enums",
    "DecisionEffect": "dangjian_model._enums",
    "ElectionMethod": "dangjian_model._enums",
    "FollowUpStatus": "dangjian_model._enums",
    "MeetingKind": "dangjian_model._enums",
    "AgendaItem": "dangjian_model._model",
    "CadenceRule": "dangjian_model._model",
    "CommitteePost": "dangjian_model._model",
    "CommitteeTerm": "dangjian_model._model",
    "FollowUp": "dangjian_model._model",
    "Meeting": "dangjian_model._model",
    "DangjianError": "dangjian_model._errors",
    "HierarchyCycleError": "dangjian_model._errors",
    "InvalidLabel": "dangjian_model._errors",
    "InvalidMoney": "dangjian_model._errors",
    "InvalidValue": "dangjian_model._errors",
    "UnknownId": "dangjian_model._errors",
    "LabelledEnum": "dangjian_model._labels",
    "Location": "dangjian_model._location",
    "THREE_UNCHANGED": "dangjian_model._model",
    "Agreement": "dangjian_model._model",
    "Alliance": "dangjian_model._model",
    "Asset": "dangjian_model._model",
    "Brand": "dangjian_model._model",
    "Committee": "dangjian_model._model",
    "Contribution": "dangjian_model._model",
    "Grid": "dangjian_model._model",
    "IncomeRecord": "dangjian_model._model",
    "JointPlan": "dangjian_model._model",
    "Ledger": "dangjian_model._model",
    "LedgerEntry": "dangjian_model._model",
    "ListedProject": "dangjian_model._model",
    "Membership": "dangjian_model._model",
    "Need": "dangjian_model._model",
    "Participation": "dangjian_model._model",
    "PartyOrganisation": "dangjian_model._model",
    "Person": "dangjian_model._model",
    "Project": "dangjian_model._model",
    "Resource": "dangjian_model._model",
    "Share": "dangjian_model._model",
    "Team": "dangjian_model._model",
    "Unit": "dangjian_model._model",
    "Money": "dangjian_model._money",
    "ENTITY_KINDS": "dangjian_model._registry",
    "Entity": "dangjian_model._registry",
    "Registry": "dangjian_model._registry",
}

__all__ = [
    "ENTITY_KINDS",
    "THREE_UNCHANGED",
    "AgendaItem",
    "AgendaOrigin",
    "Agreement",
    "Alliance",
    "AllianceType",
    "Asset",
    "AssetNature",
    "Brand",
    "BrandField",
    "Cadence",
    "CadenceRule",
    "Committee",
    "CommitteePost",
    "CommitteeRole",
    "CommitteeTerm",
    "Contribution",
    "ContributionKind",
    "DangjianError",
    "DecisionEffect",
    "Designation",
    "ElectionMethod",
    "Entity",
    "FollowUp",
    "FollowUpStatus",
    "Grid",
    "HierarchyCycleError",
    "IncomeRecord",
    "InvalidLabel",
    "InvalidMoney",
    "InvalidValue",
    "JointPlan",
    "LabelledEnum",
    "Ledger",
    "LedgerEntry",
    "Linkage",
    "LinkageVocabulary",
    "ListedProject",
    "Location",
    "Meeting",
    "MeetingKind",
    "Membership",
    "MembershipRole",
    "Money",
    "Need",
    "OrgTypeCode",
    "Participation",
    "PartyOrgForm",
    "PartyOrganisation",
    "PartyStanding",
    "Person",
    "PersonRole",
    "Principle",
    "Project",
    "QuantityUnit",
    "Registry",
    "Resource",
    "Share",
    "Team",
    "TeamKind",
    "Unit",
    "UnitKind",
    "UnknownId",
    "__version__",
]


def __getattr__(name: str) -> Any:
    module = _LOCATIONS.get(name)
    if module is None:
        raise AttributeError(f"module 'dangjian_model' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value  # the next access is a plain lookup
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})

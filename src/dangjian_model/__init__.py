"""dangjian_model — a typed model of grassroots party-building alliances (党建联盟).

The public API is the list in ``__all__``; everything in a module whose name starts with ``_`` is
private. Names are loaded on first use (PEP 562), so ``import dangjian_model`` stays cheap and a
program pays only for the parts it touches.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from dangjian_model._lazy import exports

if TYPE_CHECKING:  # the type checker sees every name eagerly
    from dangjian_model._conditions import (
        ExitDue as ExitDue,
    )
    from dangjian_model._conditions import (
        exits_due as exits_due,
    )
    from dangjian_model._enums import (
        AgendaOrigin as AgendaOrigin,
    )
    from dangjian_model._enums import (
        AllianceType as AllianceType,
    )
    from dangjian_model._enums import (
        AssetNature as AssetNature,
    )
    from dangjian_model._enums import (
        BrandField as BrandField,
    )
    from dangjian_model._enums import (
        Cadence as Cadence,
    )
    from dangjian_model._enums import (
        ClaimStatus as ClaimStatus,
    )
    from dangjian_model._enums import (
        CommitteeRole as CommitteeRole,
    )
    from dangjian_model._enums import (
        ContributionKind as ContributionKind,
    )
    from dangjian_model._enums import (
        DecisionEffect as DecisionEffect,
    )
    from dangjian_model._enums import (
        Designation as Designation,
    )
    from dangjian_model._enums import (
        ElectionMethod as ElectionMethod,
    )
    from dangjian_model._enums import (
        FigureMetric as FigureMetric,
    )
    from dangjian_model._enums import (
        FollowUpStatus as FollowUpStatus,
    )
    from dangjian_model._enums import (
        Linkage as Linkage,
    )
    from dangjian_model._enums import (
        LinkageVocabulary as LinkageVocabulary,
    )
    from dangjian_model._enums import (
        MeetingKind as MeetingKind,
    )
    from dangjian_model._enums import (
        MembershipRole as MembershipRole,
    )
    from dangjian_model._enums import (
        OrgTypeCode as OrgTypeCode,
    )
    from dangjian_model._enums import (
        PartyOrgForm as PartyOrgForm,
    )
    from dangjian_model._enums import (
        PartyStanding as PartyStanding,
    )
    from dangjian_model._enums import (
        PersonRole as PersonRole,
    )
    from dangjian_model._enums import (
        Principle as Principle,
    )
    from dangjian_model._enums import (
        Qualifier as Qualifier,
    )
    from dangjian_model._enums import (
        QuantityUnit as QuantityUnit,
    )
    from dangjian_model._enums import (
        TeamKind as TeamKind,
    )
    from dangjian_model._enums import (
        Truth as Truth,
    )
    from dangjian_model._enums import (
        UnitKind as UnitKind,
    )
    from dangjian_model._errors import (
        DangjianError as DangjianError,
    )
    from dangjian_model._errors import (
        HierarchyCycleError as HierarchyCycleError,
    )
    from dangjian_model._errors import (
        InvalidFigure as InvalidFigure,
    )
    from dangjian_model._errors import (
        InvalidLabel as InvalidLabel,
    )
    from dangjian_model._errors import (
        InvalidMoney as InvalidMoney,
    )
    from dangjian_model._errors import (
        InvalidValue as InvalidValue,
    )
    from dangjian_model._errors import (
        UnknownId as UnknownId,
    )
    from dangjian_model._figures import (
        FigureValue as FigureValue,
    )
    from dangjian_model._figures import (
        Range as Range,
    )
    from dangjian_model._labels import (
        CustomTerm as CustomTerm,
    )
    from dangjian_model._labels import (
        LabelledEnum as LabelledEnum,
    )
    from dangjian_model._location import (
        Location as Location,
    )
    from dangjian_model._model import (
        THREE_UNCHANGED as THREE_UNCHANGED,
    )
    from dangjian_model._model import (
        AgendaItem as AgendaItem,
    )
    from dangjian_model._model import (
        Agreement as Agreement,
    )
    from dangjian_model._model import (
        Alliance as Alliance,
    )
    from dangjian_model._model import (
        Asset as Asset,
    )
    from dangjian_model._model import (
        Brand as Brand,
    )
    from dangjian_model._model import (
        CadenceRule as CadenceRule,
    )
    from dangjian_model._model import (
        Committee as Committee,
    )
    from dangjian_model._model import (
        CommitteePost as CommitteePost,
    )
    from dangjian_model._model import (
        CommitteeTerm as CommitteeTerm,
    )
    from dangjian_model._model import (
        Contribution as Contribution,
    )
    from dangjian_model._model import (
        ExitCondition as ExitCondition,
    )
    from dangjian_model._model import (
        Figure as Figure,
    )
    from dangjian_model._model import (
        FigureSource as FigureSource,
    )
    from dangjian_model._model import (
        FollowUp as FollowUp,
    )
    from dangjian_model._model import (
        Grid as Grid,
    )
    from dangjian_model._model import (
        GridLevel as GridLevel,
    )
    from dangjian_model._model import (
        GridSystem as GridSystem,
    )
    from dangjian_model._model import (
        IncomeRecord as IncomeRecord,
    )
    from dangjian_model._model import (
        JointPlan as JointPlan,
    )
    from dangjian_model._model import (
        Ledger as Ledger,
    )
    from dangjian_model._model import (
        LedgerEntry as LedgerEntry,
    )
    from dangjian_model._model import (
        ListedProject as ListedProject,
    )
    from dangjian_model._model import (
        Meeting as Meeting,
    )
    from dangjian_model._model import (
        Membership as Membership,
    )
    from dangjian_model._model import (
        Need as Need,
    )
    from dangjian_model._model import (
        Participation as Participation,
    )
    from dangjian_model._model import (
        PartyOrganisation as PartyOrganisation,
    )
    from dangjian_model._model import (
        Person as Person,
    )
    from dangjian_model._model import (
        Project as Project,
    )
    from dangjian_model._model import (
        Resource as Resource,
    )
    from dangjian_model._model import (
        Share as Share,
    )
    from dangjian_model._model import (
        Team as Team,
    )
    from dangjian_model._model import (
        Unit as Unit,
    )
    from dangjian_model._money import (
        Money as Money,
    )
    from dangjian_model._registry import (
        ENTITY_KINDS as ENTITY_KINDS,
    )
    from dangjian_model._registry import (
        Entity as Entity,
    )
    from dangjian_model._registry import (
        Registry as Registry,
    )

__version__ = "0.1.0"

#: Where each public name lives: the one list ``__all__`` and loading on first use are made from.
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
    "ExitDue": "dangjian_model._conditions",
    "exits_due": "dangjian_model._conditions",
    "ClaimStatus": "dangjian_model._enums",
    "FigureMetric": "dangjian_model._enums",
    "Qualifier": "dangjian_model._enums",
    "Truth": "dangjian_model._enums",
    "InvalidFigure": "dangjian_model._errors",
    "FigureValue": "dangjian_model._figures",
    "Range": "dangjian_model._figures",
    "CustomTerm": "dangjian_model._labels",
    "ExitCondition": "dangjian_model._model",
    "Figure": "dangjian_model._model",
    "FigureSource": "dangjian_model._model",
    "GridLevel": "dangjian_model._model",
    "GridSystem": "dangjian_model._model",
}

__all__, __getattr__, __dir__ = exports(__name__, _LOCATIONS, globals())
__all__ += ["__version__"]

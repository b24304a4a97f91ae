"""Shared-benefit allocation (共享收益分配), exact to the 分, with the reason for every amount.

- The apportionment core (:func:`apportion`) splits whole 分 by weights: largest remainder by default,
  D'Hondt and Sainte-Laguë on request; ties go to the member id that sorts first.
- Rules (:data:`Rule`) are typed, serialisable values that compose: equal split, proportional, weighted
  by an attribute, agreed weights, fixed return, guaranteed minimum plus excess share, a portion, caps,
  a waterfall of tiers, and the Shapley value.
- Weighted voting games: exact Shapley–Shubik and Banzhaf power for hundreds of members, within
  documented limits (:class:`VotingLimits`), or a seeded estimate when asked.
- Is a split stable? A :class:`Game` gives every coalition its worth; :func:`core_check` says whether a
  split is in the core and which coalition objects most; :func:`least_core`, :func:`nucleolus`,
  :func:`owen_values`, :func:`banzhaf_values`, :func:`convexity` and :func:`superadditivity` answer the
  rest, exactly; :func:`claims_awards` shares a shortfall by the classical claims rules.
- An :class:`Allocation` says per member the amount, the rule and tier, and the exact quota.
- Income of several years is shared year by year, each by the rule as it stands in its year of the
  agreement (:func:`allocate_years`, :func:`allocate_project_by_year`), in an :class:`AllocationByYear`.

>>> from dangjian_model.allocation import apportion
>>> apportion(2250000_00, {f"v{k:02d}": 1 for k in range(1, 12)})["v01"]
20454546
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from dangjian_model._lazy import exports

if TYPE_CHECKING:  # the type checker sees every name eagerly; at run time each loads on first use
    from dangjian_model.allocation._adapters import (
        allocate_project as allocate_project,
    )
    from dangjian_model.allocation._adapters import (
        allocate_project_by_year as allocate_project_by_year,
    )
    from dangjian_model.allocation._adapters import (
        distribution_year as distribution_year,
    )
    from dangjian_model.allocation._adapters import (
        income_by_year as income_by_year,
    )
    from dangjian_model.allocation._adapters import (
        income_year as income_year,
    )
    from dangjian_model.allocation._adapters import (
        members_from_project as members_from_project,
    )
    from dangjian_model.allocation._adapters import (
        project_members as project_members,
    )
    from dangjian_model.allocation._adapters import (
        project_rule as project_rule,
    )
    from dangjian_model.allocation._adapters import (
        project_year as project_year,
    )
    from dangjian_model.allocation._adapters import (
        shares_from_project as shares_from_project,
    )
    from dangjian_model.allocation._adapters import (
        weights_from_contributions as weights_from_contributions,
    )
    from dangjian_model.allocation._apportion import (
        Method as Method,
    )
    from dangjian_model.allocation._apportion import (
        apportion as apportion,
    )
    from dangjian_model.allocation._apportion import (
        quotas as quotas,
    )
    from dangjian_model.allocation._apportion import (
        round_quotas as round_quotas,
    )
    from dangjian_model.allocation._claims import (
        ClaimsRule as ClaimsRule,
    )
    from dangjian_model.allocation._claims import (
        claims_awards as claims_awards,
    )
    from dangjian_model.allocation._claims import (
        claims_split as claims_split,
    )
    from dangjian_model.allocation._errors import (
        AllocationError as AllocationError,
    )
    from dangjian_model.allocation._errors import (
        GameTooLarge as GameTooLarge,
    )
    from dangjian_model.allocation._games import (
        MAX_GAME_PLAYERS as MAX_GAME_PLAYERS,
    )
    from dangjian_model.allocation._games import (
        MAX_LAW_CHECK_PLAYERS as MAX_LAW_CHECK_PLAYERS,
    )
    from dangjian_model.allocation._games import (
        CoreCheck as CoreCheck,
    )
    from dangjian_model.allocation._games import (
        Game as Game,
    )
    from dangjian_model.allocation._games import (
        LawCheck as LawCheck,
    )
    from dangjian_model.allocation._games import (
        Violation as Violation,
    )
    from dangjian_model.allocation._games import (
        Worth as Worth,
    )
    from dangjian_model.allocation._games import (
        banzhaf_values as banzhaf_values,
    )
    from dangjian_model.allocation._games import (
        convexity as convexity,
    )
    from dangjian_model.allocation._games import (
        core_check as core_check,
    )
    from dangjian_model.allocation._games import (
        owen_values as owen_values,
    )
    from dangjian_model.allocation._games import (
        round_payoff as round_payoff,
    )
    from dangjian_model.allocation._games import (
        superadditivity as superadditivity,
    )
    from dangjian_model.allocation._nucleolus import (
        MAX_NUCLEOLUS_PLAYERS as MAX_NUCLEOLUS_PLAYERS,
    )
    from dangjian_model.allocation._nucleolus import (
        LeastCore as LeastCore,
    )
    from dangjian_model.allocation._nucleolus import (
        least_core as least_core,
    )
    from dangjian_model.allocation._nucleolus import (
        nucleolus as nucleolus,
    )
    from dangjian_model.allocation._result import (
        Allocation as Allocation,
    )
    from dangjian_model.allocation._result import (
        GuarantorFlow as GuarantorFlow,
    )
    from dangjian_model.allocation._result import (
        Line as Line,
    )
    from dangjian_model.allocation._result import (
        Part as Part,
    )
    from dangjian_model.allocation._result import (
        RuleKind as RuleKind,
    )
    from dangjian_model.allocation._rules import (
        RULE_TYPES as RULE_TYPES,
    )
    from dangjian_model.allocation._rules import (
        ByWeights as ByWeights,
    )
    from dangjian_model.allocation._rules import (
        Capped as Capped,
    )
    from dangjian_model.allocation._rules import (
        EqualSplit as EqualSplit,
    )
    from dangjian_model.allocation._rules import (
        FixedReturn as FixedReturn,
    )
    from dangjian_model.allocation._rules import (
        GuaranteedMinimum as GuaranteedMinimum,
    )
    from dangjian_model.allocation._rules import (
        Member as Member,
    )
    from dangjian_model.allocation._rules import (
        MemberAmount as MemberAmount,
    )
    from dangjian_model.allocation._rules import (
        MemberWeight as MemberWeight,
    )
    from dangjian_model.allocation._rules import (
        Portion as Portion,
    )
    from dangjian_model.allocation._rules import (
        Proportional as Proportional,
    )
    from dangjian_model.allocation._rules import (
        RateFrom as RateFrom,
    )
    from dangjian_model.allocation._rules import (
        Rule as Rule,
    )
    from dangjian_model.allocation._rules import (
        ShapleyTable as ShapleyTable,
    )
    from dangjian_model.allocation._rules import (
        Tier as Tier,
    )
    from dangjian_model.allocation._rules import (
        Waterfall as Waterfall,
    )
    from dangjian_model.allocation._rules import (
        Weighted as Weighted,
    )
    from dangjian_model.allocation._rules import (
        WeightedVoting as WeightedVoting,
    )
    from dangjian_model.allocation._rules import (
        allocate as allocate,
    )
    from dangjian_model.allocation._rules import (
        round_half_up as round_half_up,
    )
    from dangjian_model.allocation._shapley import (
        CoalitionValue as CoalitionValue,
    )
    from dangjian_model.allocation._shapley import (
        ShapleyEstimate as ShapleyEstimate,
    )
    from dangjian_model.allocation._shapley import (
        shapley_from_table as shapley_from_table,
    )
    from dangjian_model.allocation._shapley import (
        shapley_monte_carlo as shapley_monte_carlo,
    )
    from dangjian_model.allocation._shapley import (
        shapley_split as shapley_split,
    )
    from dangjian_model.allocation._shapley import (
        shapley_values as shapley_values,
    )
    from dangjian_model.allocation._stability import (
        Stability as Stability,
    )
    from dangjian_model.allocation._stability import (
        explain_stability as explain_stability,
    )
    from dangjian_model.allocation._stability import (
        project_game as project_game,
    )
    from dangjian_model.allocation._voting import (
        BanzhafIndex as BanzhafIndex,
    )
    from dangjian_model.allocation._voting import (
        VotingLimits as VotingLimits,
    )
    from dangjian_model.allocation._voting import (
        weighted_voting_banzhaf as weighted_voting_banzhaf,
    )
    from dangjian_model.allocation._voting import (
        weighted_voting_monte_carlo as weighted_voting_monte_carlo,
    )
    from dangjian_model.allocation._voting import (
        weighted_voting_shapley as weighted_voting_shapley,
    )
    from dangjian_model.allocation._weights import (
        WeightLike as WeightLike,
    )
    from dangjian_model.allocation._weights import (
        to_weight as to_weight,
    )
    from dangjian_model.allocation._yearly import (
        AllocationByYear as AllocationByYear,
    )
    from dangjian_model.allocation._yearly import (
        YearAllocation as YearAllocation,
    )
    from dangjian_model.allocation._yearly import (
        allocate_years as allocate_years,
    )

#: Where each public name lives: the one list ``__all__`` and loading on first use are made from.
_LOCATIONS: dict[str, str] = {
    "allocate_project": "dangjian_model.allocation._adapters",
    "allocate_project_by_year": "dangjian_model.allocation._adapters",
    "distribution_year": "dangjian_model.allocation._adapters",
    "income_by_year": "dangjian_model.allocation._adapters",
    "income_year": "dangjian_model.allocation._adapters",
    "members_from_project": "dangjian_model.allocation._adapters",
    "project_members": "dangjian_model.allocation._adapters",
    "project_rule": "dangjian_model.allocation._adapters",
    "project_year": "dangjian_model.allocation._adapters",
    "shares_from_project": "dangjian_model.allocation._adapters",
    "weights_from_contributions": "dangjian_model.allocation._adapters",
    "Method": "dangjian_model.allocation._apportion",
    "apportion": "dangjian_model.allocation._apportion",
    "quotas": "dangjian_model.allocation._apportion",
    "round_quotas": "dangjian_model.allocation._apportion",
    "ClaimsRule": "dangjian_model.allocation._claims",
    "claims_awards": "dangjian_model.allocation._claims",
    "claims_split": "dangjian_model.allocation._claims",
    "AllocationError": "dangjian_model.allocation._errors",
    "GameTooLarge": "dangjian_model.allocation._errors",
    "CoreCheck": "dangjian_model.allocation._games",
    "Game": "dangjian_model.allocation._games",
    "LawCheck": "dangjian_model.allocation._games",
    "MAX_GAME_PLAYERS": "dangjian_model.allocation._games",
    "MAX_LAW_CHECK_PLAYERS": "dangjian_model.allocation._games",
    "Violation": "dangjian_model.allocation._games",
    "Worth": "dangjian_model.allocation._games",
    "banzhaf_values": "dangjian_model.allocation._games",
    "convexity": "dangjian_model.allocation._games",
    "core_check": "dangjian_model.allocation._games",
    "owen_values": "dangjian_model.allocation._games",
    "round_payoff": "dangjian_model.allocation._games",
    "superadditivity": "dangjian_model.allocation._games",
    "LeastCore": "dangjian_model.allocation._nucleolus",
    "MAX_NUCLEOLUS_PLAYERS": "dangjian_model.allocation._nucleolus",
    "least_core": "dangjian_model.allocation._nucleolus",
    "nucleolus": "dangjian_model.allocation._nucleolus",
    "Allocation": "dangjian_model.allocation._result",
    "GuarantorFlow": "dangjian_model.allocation._result",
    "Line": "dangjian_model.allocation._result",
    "Part": "dangjian_model.allocation._result",
    "RuleKind": "dangjian_model.allocation._result",
    "ByWeights": "dangjian_model.allocation._rules",
    "Capped": "dangjian_model.allocation._rules",
    "EqualSplit": "dangjian_model.allocation._rules",
    "FixedReturn": "dangjian_model.allocation._rules",
    "GuaranteedMinimum": "dangjian_model.allocation._rules",
    "Member": "dangjian_model.allocation._rules",
    "MemberAmount": "dangjian_model.allocation._rules",
    "MemberWeight": "dangjian_model.allocation._rules",
    "Portion": "dangjian_model.allocation._rules",
    "Proportional": "dangjian_model.allocation._rules",
    "RULE_TYPES": "dangjian_model.allocation._rules",
    "RateFrom": "dangjian_model.allocation._rules",
    "Rule": "dangjian_model.allocation._rules",
    "ShapleyTable": "dangjian_model.allocation._rules",
    "Tier": "dangjian_model.allocation._rules",
    "Waterfall": "dangjian_model.allocation._rules",
    "Weighted": "dangjian_model.allocation._rules",
    "WeightedVoting": "dangjian_model.allocation._rules",
    "allocate": "dangjian_model.allocation._rules",
    "round_half_up": "dangjian_model.allocation._rules",
    "CoalitionValue": "dangjian_model.allocation._shapley",
    "ShapleyEstimate": "dangjian_model.allocation._shapley",
    "shapley_from_table": "dangjian_model.allocation._shapley",
    "shapley_monte_carlo": "dangjian_model.allocation._shapley",
    "shapley_split": "dangjian_model.allocation._shapley",
    "shapley_values": "dangjian_model.allocation._shapley",
    "Stability": "dangjian_model.allocation._stability",
    "explain_stability": "dangjian_model.allocation._stability",
    "project_game": "dangjian_model.allocation._stability",
    "BanzhafIndex": "dangjian_model.allocation._voting",
    "VotingLimits": "dangjian_model.allocation._voting",
    "weighted_voting_banzhaf": "dangjian_model.allocation._voting",
    "weighted_voting_monte_carlo": "dangjian_model.allocation._voting",
    "weighted_voting_shapley": "dangjian_model.allocation._voting",
    "WeightLike": "dangjian_model.allocation._weights",
    "to_weight": "dangjian_model.allocation._weights",
    "AllocationByYear": "dangjian_model.allocation._yearly",
    "YearAllocation": "dangjian_model.allocation._yearly",
    "allocate_years": "dangjian_model.allocation._yearly",
}

__all__, __getattr__, __dir__ = exports(__name__, _LOCATIONS, globals())

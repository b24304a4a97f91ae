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

from dangjian_model.allocation._adapters import (
    allocate_project,
    allocate_project_by_year,
    distribution_year,
    income_by_year,
    income_year,
    members_from_project,
    project_members,
    project_rule,
    project_year,
    shares_from_project,
    weights_from_contributions,
)
from dangjian_model.allocation._apportion import Method, apportion, quotas, round_quotas
from dangjian_model.allocation._claims import ClaimsRule, claims_awards, claims_split
from dangjian_model.allocation._errors import AllocationError, GameTooLarge
from dangjian_model.allocation._games import (
    MAX_GAME_PLAYERS,
    MAX_LAW_CHECK_PLAYERS,
    CoreCheck,
    Game,
    LawCheck,
    Violation,
    Worth,
    banzhaf_values,
    convexity,
    core_check,
    owen_values,
    round_payoff,
    superadditivity,
)
from dangjian_model.allocation._nucleolus import MAX_NUCLEOLUS_PLAYERS, LeastCore, least_core, nucleolus
from dangjian_model.allocation._result import Allocation, GuarantorFlow, Line, Part, RuleKind
from dangjian_model.allocation._rules import (
    RULE_TYPES,
    ByWeights,
    Capped,
    EqualSplit,
    FixedReturn,
    GuaranteedMinimum,
    Member,
    MemberAmount,
    MemberWeight,
    Portion,
    Proportional,
    RateFrom,
    Rule,
    ShapleyTable,
    Tier,
    Waterfall,
    Weighted,
    WeightedVoting,
    allocate,
    round_half_up,
)
from dangjian_model.allocation._shapley import (
    CoalitionValue,
    ShapleyEstimate,
    shapley_from_table,
    shapley_monte_carlo,
    shapley_split,
    shapley_values,
)
from dangjian_model.allocation._stability import Stability, explain_stability, project_game
from dangjian_model.allocation._voting import (
    BanzhafIndex,
    VotingLimits,
    weighted_voting_banzhaf,
    weighted_voting_monte_carlo,
    weighted_voting_shapley,
)
from dangjian_model.allocation._weights import WeightLike, to_weight
from dangjian_model.allocation._yearly import AllocationByYear, YearAllocation, allocate_years

__all__ = [
    "MAX_GAME_PLAYERS",
    "MAX_LAW_CHECK_PLAYERS",
    "MAX_NUCLEOLUS_PLAYERS",
    "RULE_TYPES",
    "Allocation",
    "AllocationByYear",
    "AllocationError",
    "BanzhafIndex",
    "ByWeights",
    "Capped",
    "ClaimsRule",
    "CoalitionValue",
    "CoreCheck",
    "EqualSplit",
    "FixedReturn",
    "Game",
    "GameTooLarge",
    "GuaranteedMinimum",
    "GuarantorFlow",
    "LawCheck",
    "LeastCore",
    "Line",
    "Member",
    "MemberAmount",
    "MemberWeight",
    "Method",
    "Part",
    "Portion",
    "Proportional",
    "RateFrom",
    "Rule",
    "RuleKind",
    "ShapleyEstimate",
    "ShapleyTable",
    "Stability",
    "Tier",
    "Violation",
    "VotingLimits",
    "Waterfall",
    "WeightLike",
    "Weighted",
    "WeightedVoting",
    "Worth",
    "YearAllocation",
    "allocate",
    "allocate_project",
    "allocate_project_by_year",
    "allocate_years",
    "apportion",
    "banzhaf_values",
    "claims_awards",
    "claims_split",
    "convexity",
    "core_check",
    "distribution_year",
    "explain_stability",
    "income_by_year",
    "income_year",
    "least_core",
    "members_from_project",
    "nucleolus",
    "owen_values",
    "project_game",
    "project_members",
    "project_rule",
    "project_year",
    "quotas",
    "round_half_up",
    "round_payoff",
    "round_quotas",
    "shapley_from_table",
    "shapley_monte_carlo",
    "shapley_split",
    "shapley_values",
    "shares_from_project",
    "superadditivity",
    "to_weight",
    "weighted_voting_banzhaf",
    "weighted_voting_monte_carlo",
    "weighted_voting_shapley",
    "weights_from_contributions",
]

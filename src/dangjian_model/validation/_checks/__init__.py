"""The checks, one module per family of rules. Each check walks one collection once and reports every
rule that collection feeds.

A check yields :class:`RawFinding` values; the engine gives them severity and source from the catalogue
and applies the configuration. Nothing here raises for a domain problem, and nothing recurses.

=================  ===============================================================
module             rules
=================  ===============================================================
``_structure``     DJ101–108 references, ids, hierarchies
``_forms``         DJ2xx party-organisation forms
``_alliances``     DJ3xx alliance types, DJ40x membership and dates, DJ41x 四联
``_unchanged``     DJ42x 三不变
``_grids``         DJ43x–45x teams, grids, brands
``_money``         DJ501–508 projects, contributions, shares
``_lists``         DJ509–510 需求、资源、项目清单 lists
``_identifiers``   DJ6xx identifiers
``_meetings``      DJ7xx meetings, deliberation, committee terms
``_figures``       DJ8xx reported figures, custom terms, grid templates, exit conditions, claims
=================  ===============================================================
"""

from __future__ import annotations

from dangjian_model.validation._checks._alliances import check_alliances
from dangjian_model.validation._checks._common import Check, Scope
from dangjian_model.validation._checks._figures import (
    CLAIM_CODES,
    EXIT_CODES,
    FIGURE_CODES,
    GRID_TEMPLATE_CODES,
    check_claims,
    check_custom_terms,
    check_exits,
    check_figures,
    check_grid_templates,
)
from dangjian_model.validation._checks._forms import check_party_organisations
from dangjian_model.validation._checks._grids import check_brands, check_grids, check_teams
from dangjian_model.validation._checks._lists import check_listed_projects
from dangjian_model.validation._checks._meetings import (
    MEETING_CODES,
    REFERENCE_CODES,
    TERM_CODES,
    check_committee_terms,
    check_meeting_references,
    check_meetings,
)
from dangjian_model.validation._checks._money import check_projects
from dangjian_model.validation._checks._structure import (
    check_duplicate_ids,
    check_hierarchies,
    check_references,
    check_superior_kinds,
)

__all__ = ["CHECKS", "Check", "Scope"]

CHECKS: tuple[Check, ...] = (
    Check(frozenset({"DJ101", "DJ102", "DJ601", "DJ602", "DJ603", "DJ604"}), check_references),
    Check(frozenset({"DJ103"}), check_duplicate_ids, whole_registry_only=True),
    Check(frozenset({"DJ104", "DJ105", "DJ106", "DJ107"}), check_hierarchies, whole_registry_only=True),
    Check(frozenset({"DJ108"}), check_superior_kinds, whole_registry_only=True),
    Check(
        frozenset({f"DJ2{n:02}" for n in range(1, 14)}), check_party_organisations, whole_registry_only=True
    ),
    Check(
        frozenset({f"DJ3{n:02}" for n in range(1, 13)})
        | {f"DJ40{n}" for n in range(1, 8)}
        | {f"DJ41{n}" for n in range(1, 5)}
        | {f"DJ42{n}" for n in range(1, 5)},
        check_alliances,
    ),
    Check(frozenset({"DJ431", "DJ432", "DJ433"}), check_teams, whole_registry_only=True),
    Check(frozenset({"DJ441", "DJ442"}), check_grids, whole_registry_only=True),
    Check(frozenset({"DJ451", "DJ452"}), check_brands, whole_registry_only=True),
    Check(frozenset({f"DJ50{n}" for n in range(1, 9)}), check_projects),
    Check(frozenset({"DJ509", "DJ510"}), check_listed_projects),
    Check(REFERENCE_CODES, check_meeting_references, whole_registry_only=True),
    Check(MEETING_CODES, check_meetings, whole_registry_only=True),
    Check(TERM_CODES, check_committee_terms, whole_registry_only=True),
    Check(FIGURE_CODES, check_figures, whole_registry_only=True),
    Check(frozenset({"DJ803"}), check_custom_terms),
    Check(GRID_TEMPLATE_CODES, check_grid_templates, whole_registry_only=True),
    Check(EXIT_CODES, check_exits),
    Check(CLAIM_CODES, check_claims),
)

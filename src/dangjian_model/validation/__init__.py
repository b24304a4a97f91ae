"""Validation: a catalogue of domain rules with stable codes, zh/en messages, paths and sources.

One pass reports every problem of a registry, the way ruff or a compiler does, and never raises
for a problem in the data:

>>> from dangjian_model.validation import validate, cixi_example
>>> report = validate(cixi_example())
>>> report.has_errors, len(report)
(False, 0)

See ``docs/validation.md`` for how to use it and ``docs/rules.md`` for every rule.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from dangjian_model._lazy import exports

if TYPE_CHECKING:  # the type checker sees every name eagerly
    from dangjian_model.validation._catalogue import CATALOGUE as CATALOGUE
    from dangjian_model.validation._catalogue import RULES as RULES
    from dangjian_model.validation._catalogue import Rule as Rule
    from dangjian_model.validation._config import GridPartyGroups as GridPartyGroups
    from dangjian_model.validation._config import ValidationConfig as ValidationConfig
    from dangjian_model.validation._docs import rules_markdown as rules_markdown
    from dangjian_model.validation._engine import validate as validate
    from dangjian_model.validation._engine import validate_alliance as validate_alliance
    from dangjian_model.validation._examples import cixi_example as cixi_example
    from dangjian_model.validation._examples import cixi_seed_example as cixi_seed_example
    from dangjian_model.validation._findings import Finding as Finding
    from dangjian_model.validation._findings import Report as Report
    from dangjian_model.validation._findings import Severity as Severity

#: Each public name and the private module that defines it: the one list, loaded on first use.
_LOCATIONS: dict[str, str] = {
    "CATALOGUE": "dangjian_model.validation._catalogue",
    "RULES": "dangjian_model.validation._catalogue",
    "Rule": "dangjian_model.validation._catalogue",
    "GridPartyGroups": "dangjian_model.validation._config",
    "ValidationConfig": "dangjian_model.validation._config",
    "rules_markdown": "dangjian_model.validation._docs",
    "validate": "dangjian_model.validation._engine",
    "validate_alliance": "dangjian_model.validation._engine",
    "cixi_example": "dangjian_model.validation._examples",
    "cixi_seed_example": "dangjian_model.validation._examples",
    "Finding": "dangjian_model.validation._findings",
    "Report": "dangjian_model.validation._findings",
    "Severity": "dangjian_model.validation._findings",
}

__all__, __getattr__, __dir__ = exports(__name__, _LOCATIONS, globals())

"""Validation: a catalogue of domain rules with stable codes, zh/en messages, paths and sources.

One pass reports every problem of a registry, the way ruff or a compiler does, and never raises
for a problem in the data:

>>> from dangjian_model.validation import validate, cixi_example
>>> report = validate(cixi_example())
>>> report.has_errors, len(report)
(False, 0)

See ``docs/validation.md`` for how to use it and ``docs/rules.md`` for every rule.
"""

from dangjian_model.validation._catalogue import CATALOGUE, RULES, Rule
from dangjian_model.validation._config import GridPartyGroups, ValidationConfig
from dangjian_model.validation._docs import rules_markdown
from dangjian_model.validation._engine import validate, validate_alliance
from dangjian_model.validation._examples import cixi as cixi_example
from dangjian_model.validation._examples import cixi_seed as cixi_seed_example
from dangjian_model.validation._findings import Finding, Report, Severity

__all__ = [
    "CATALOGUE",
    "RULES",
    "Finding",
    "GridPartyGroups",
    "Report",
    "Rule",
    "Severity",
    "ValidationConfig",
    "cixi_example",
    "cixi_seed_example",
    "rules_markdown",
    "validate",
    "validate_alliance",
]

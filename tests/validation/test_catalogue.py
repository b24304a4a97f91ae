"""Every rule of the catalogue fires on its failing example and stays silent on its passing one."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from dangjian_model.validation import (
    CATALOGUE,
    RULES,
    Rule,
    ValidationConfig,
    cixi_example,
    rules_markdown,
    validate,
)
from dangjian_model.validation._checks import CHECKS

# DJ211 judges terms against a day; the examples are judged on 2022-01-01.
CONFIG = ValidationConfig(as_of=datetime.date(2022, 1, 1))
RULES_PAGE = Path(__file__).parents[2] / "docs" / "rules.md"


@pytest.mark.parametrize("rule", CATALOGUE, ids=lambda rule: rule.code)
def test_each_rule_fires_on_its_failing_example(rule: Rule) -> None:
    report = validate(rule.failing(), CONFIG)
    assert rule.code in report.codes, report.to_text()
    assert all(f.severity is rule.severity for f in report.by_code(rule.code))


@pytest.mark.parametrize("rule", CATALOGUE, ids=lambda rule: rule.code)
def test_each_rule_stays_silent_on_its_passing_example(rule: Rule) -> None:
    report = validate(rule.passing(), CONFIG)
    assert rule.code not in report.codes, report.to_text()
    assert not report.has_errors, report.to_text()


def test_the_seed_example_of_cixi_validates_clean() -> None:
    assert validate(cixi_example(), CONFIG).findings == ()


def test_every_code_a_check_can_report_is_in_the_catalogue_and_back() -> None:
    reported = set().union(*(check.codes for check in CHECKS))
    assert reported == set(RULES)


def test_codes_are_stable_in_shape_and_grouped_by_family() -> None:
    codes = [rule.code for rule in CATALOGUE]
    assert codes == sorted(codes)
    assert all(len(code) == 5 and code.startswith("DJ") and code[2] in "12345678" for code in codes)
    assert len({rule.name for rule in CATALOGUE}) == len(CATALOGUE)


def test_every_rule_names_a_source_and_a_reason_in_both_languages() -> None:
    for rule in CATALOGUE:
        assert rule.source
        assert rule.why
        assert rule.title_zh
        assert rule.title_en


def test_the_committed_rule_reference_is_the_one_the_catalogue_generates() -> None:
    assert RULES_PAGE.read_text(encoding="utf-8") == rules_markdown(), (
        "docs/rules.md is stale: run python -m dangjian_model.validation docs/rules.md"
    )

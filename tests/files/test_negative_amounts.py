"""A negative contribution, income or value is refused on loading, by both paths and by the schema."""

from __future__ import annotations

import json
from collections.abc import Iterable

import jsonschema  # type: ignore[import-untyped, unused-ignore]
import pytest

from dangjian_model.files import ConfigError, json_schema, loads

DOCUMENT = {
    "units": [
        {"id": "town", "name": "镇", "kind": "镇乡"},
        {"id": "v", "name": "村", "kind": "行政村", "superior_id": "town", "collective_income": "-3万元"},
    ],
    "projects": [
        {
            "id": "p",
            "name": "项目",
            "contributions": [{"contributor_id": "v", "kind": "现金", "amount": "-100万元"}],
            "income": [{"on": "2021-12-31", "amount": "-5万元"}],
            "allocation_rule": {"kind": "guaranteed_minimum", "member_ids": ["v"], "minimum": "-30万元"},
        }
    ],
    "assets": [{"id": "a", "name": "资产", "owner_id": "v", "nature": "村集体资产", "value": "-1元"}],
    "ledgers": [
        {
            "id": "l",
            "owner_id": "v",
            "entries": [{"on": "2021-01-01", "amount": "-5元", "description": "支出"}],
        }
    ],
}
NEGATIVE = {
    "$.units[1].collective_income",
    "$.projects[0].contributions[0].amount",
    "$.projects[0].income[0].amount",
    "$.projects[0].allocation_rule.minimum",
    "$.assets[0].value",
}


@pytest.mark.parametrize("format", ["json", "yaml"])
def test_every_negative_amount_is_a_problem_and_a_ledgers_money_out_is_not(format: str) -> None:
    text = json.dumps(DOCUMENT, ensure_ascii=False)  # JSON is YAML too
    with pytest.raises(ConfigError) as caught:
        loads(text, format)  # type: ignore[call-overload]
    problems = caught.value.problems
    assert {p.path for p in problems} == NEGATIVE
    assert all("金额不能为负" in p.expected for p in problems)


def _paths(errors: Iterable[jsonschema.ValidationError]) -> set[tuple[str | int, ...]]:
    """The paths of every error, those under ``anyOf`` included (a document is a registry or an alliance)."""
    found: set[tuple[str | int, ...]] = set()
    for error in errors:
        found.add(tuple(error.absolute_path))
        found |= _paths(error.context or [])
    return found


def test_the_schema_refuses_a_negative_amount_and_allows_money_out_of_a_ledger() -> None:
    validator = jsonschema.Draft202012Validator(json_schema())
    paths = _paths(validator.iter_errors(DOCUMENT))
    assert ("units", 1, "collective_income") in paths
    assert ("projects", 0, "income", 0, "amount") in paths
    assert ("assets", 0, "value") in paths
    assert ("projects", 0, "allocation_rule", "minimum") in paths
    assert not any(path[:1] == ("ledgers",) for path in paths)

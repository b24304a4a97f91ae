"""What a YAML file is told does not depend on whether PyYAML was built with libyaml, or which release."""

from __future__ import annotations

import pytest
import yaml  # type: ignore[import-untyped, unused-ignore]

from dangjian_model.files import ConfigError, Limits, _yaml, loads

#: PyYAML's parsers on this machine: the pure-Python one always, libyaml's where PyYAML was built with it.
READERS = {
    name: parser
    for name, parser in (("libyaml", getattr(yaml, "CBaseLoader", None)), ("pure Python", yaml.BaseLoader))
    if parser is not None
}


@pytest.fixture(name="reader", params=sorted(READERS))
def fixture_reader(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Read YAML with each of PyYAML's parsers in turn (libyaml only where it was built)."""
    monkeypatch.setattr(_yaml, "_Parser", READERS[request.param])
    return str(request.param)


def test_a_syntax_error_is_reported_at_the_same_line_and_column_by_either_parser(reader: str) -> None:
    text = "units:\n  - id: a\n    name: [甲\n"
    with pytest.raises(ConfigError) as raised:
        loads(text, "yaml")
    (problem,) = raised.value.problems
    assert (problem.path, problem.line) == ("$", 4)
    assert problem.expected.startswith("valid YAML")


def test_flow_nesting_past_libyamls_own_ceiling_is_refused_with_our_limit_named(reader: str) -> None:
    depth = 5_000  # libyaml 0.2.5 in PyYAML 6.0.4 stops at 1,000 levels by itself
    with pytest.raises(ConfigError, match="max_depth") as raised:
        loads("[" * depth + "]" * depth, "yaml")
    assert "Limits.max_depth" in raised.value.problems[0].expected


def test_a_limit_above_libyamls_ceiling_is_honoured_by_reading_the_file_again(reader: str) -> None:
    depth = 1_500
    tree, marks = _yaml.parse("[" * depth + "]" * depth, limits=Limits(max_depth=depth))
    for _ in range(depth - 1):
        (tree,) = tree
    assert tree == []
    assert marks["$"] == (1, 1)
    with pytest.raises(ConfigError, match="max_depth"):
        _yaml.parse("[" * depth + "]" * depth, limits=Limits(max_depth=depth - 1))

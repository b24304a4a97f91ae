"""No hang, no blow-up: deep, big, cyclic and explosive inputs are answered in linear time or refused quickly."""

from __future__ import annotations

import sys
import time
from collections.abc import Iterator

import pytest

from dangjian_model import HierarchyCycleError, Money, PartyOrganisation, Registry, Share, Unit
from dangjian_model.files import ConfigError, Limits, dumps, loads
from dangjian_model.validation import validate

LEVELS = 100_000
#: A safety net for a shared, noisy machine; the tests assert on behaviour first.
SECONDS = 60


@pytest.fixture(name="low_recursion_limit")
def fixture_low_recursion_limit() -> Iterator[None]:
    """Run under a recursion limit far below the depth of the inputs: nothing may recurse per level."""
    old = sys.getrecursionlimit()
    sys.setrecursionlimit(200)
    try:
        yield
    finally:
        sys.setrecursionlimit(old)


def _chain(levels: int) -> Registry:
    units = [Unit(id="u0", name="区", kind="区")]
    units += [
        Unit(id=f"u{k}", name=f"单位{k}", kind="其他", superior_id=f"u{k - 1}") for k in range(1, levels)
    ]
    return Registry(units=units)


def test_a_hierarchy_100000_levels_deep_is_queried_validated_dumped_and_loaded_without_recursion() -> None:
    registry = _chain(LEVELS)
    start = time.monotonic()
    old = sys.getrecursionlimit()
    sys.setrecursionlimit(300)
    try:
        ancestors = registry.administrative_ancestors(f"u{LEVELS - 1}")
        report = validate(registry)
    finally:
        sys.setrecursionlimit(old)
    assert len(ancestors) == LEVELS - 1 and ancestors[-1].id == "u0"
    assert "DJ104" not in report.codes  # no cycle
    text = dumps(registry, "json")
    assert loads(text, "json") == registry  # the hierarchy is by reference: depth in the file stays 3
    assert time.monotonic() - start < SECONDS


def test_a_cycle_is_reported_not_followed_forever(low_recursion_limit: None) -> None:
    units = [
        Unit(id=f"u{k}", name=f"单位{k}", kind="其他", superior_id=f"u{(k + 1) % 1000}") for k in range(1000)
    ]
    registry = Registry(units=units)
    with pytest.raises(HierarchyCycleError) as error:
        registry.administrative_ancestors("u0")
    assert len(error.value.ids) == 1000
    organisations = [
        PartyOrganisation(id="a", name="甲党支部", form="党支部", superior_id="b"),
        PartyOrganisation(id="b", name="乙党支部", form="党支部", superior_id="a"),
    ]
    assert validate(Registry(units=units, party_organisations=organisations)).has_errors


@pytest.mark.parametrize("format", ["json", "yaml", "toml"])
def test_documents_nested_past_the_depth_limit_are_refused_with_the_limit_named(
    format: str, low_recursion_limit: None
) -> None:
    depth = 100_000
    text = {
        "json": "[" * depth + "]" * depth,
        "yaml": "[" * depth + "]" * depth,
        "toml": "a = " + "[" * depth + "]" * depth,
    }[format]
    with pytest.raises(ConfigError, match="max_depth"):
        loads(text, format)  # type: ignore[call-overload]


@pytest.mark.parametrize("format", ["json", "yaml", "toml"])
def test_a_document_at_the_depth_limit_is_read_and_one_level_more_is_refused(format: str) -> None:
    limits = Limits(max_depth=8)

    def nested(levels: int) -> str:  # units[0].designations holds the nesting
        inner = "[" * (levels - 3) + "]" * (levels - 3)
        if format == "toml":
            return f'[[units]]\nid = "a"\nname = "甲"\nkind = "村"\ndesignations = {inner}\n'
        return f'{{"units": [{{"id": "a", "name": "甲", "kind": "村", "designations": {inner}}}]}}'

    fmt = "yaml" if format == "yaml" else format
    with pytest.raises(ConfigError) as within:  # read, then refused for what it says, not for its depth
        loads(nested(8), fmt, limits=limits)  # type: ignore[call-overload]
    assert "max_depth" not in str(within.value)
    with pytest.raises(ConfigError, match="max_depth"):
        loads(nested(9), fmt, limits=limits)  # type: ignore[call-overload]


def test_a_yaml_alias_bomb_is_refused_before_anything_is_expanded() -> None:
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    lines += [f"a{k}: &a{k} [{', '.join([f'*a{k - 1}'] * 9)}]" for k in range(1, 30)]
    start = time.monotonic()
    with pytest.raises(ConfigError, match="no aliases"):
        loads("\n".join(lines), "yaml")
    assert time.monotonic() - start < SECONDS


@pytest.mark.parametrize("format", ["json", "yaml", "toml"])
def test_a_10_mb_string_is_refused_with_a_short_message(format: str) -> None:
    big = "村" * (10 * 1024 * 1024 // 3)
    text = {
        "json": f'{{"units": [{{"id": "a", "name": "{big}", "kind": "村"}}]}}',
        "yaml": f"units:\n  - id: a\n    name: {big}\n    kind: 村\n",
        "toml": f'[[units]]\nid = "a"\nname = "{big}"\nkind = "村"\n',
    }[format]
    start = time.monotonic()
    with pytest.raises(ConfigError) as error:
        loads(text, format)  # type: ignore[call-overload]
    assert "at most 2000 characters" in str(error.value)
    assert len(str(error.value)) < 1000, "the message never repeats the whole string"
    assert time.monotonic() - start < SECONDS


def test_a_document_over_the_size_limit_is_refused_before_it_is_parsed() -> None:
    limits = Limits(max_bytes=1000)
    with pytest.raises(ConfigError, match="max_bytes"):
        loads(b"{" * 1001, "json", limits=limits)
    with pytest.raises(ConfigError, match="max_bytes"):
        loads("[" * 1001, "yaml", limits=limits)


def test_numbers_with_huge_exponents_are_refused_not_expanded() -> None:
    start = time.monotonic()
    for text in ("1e100000000", "1E-100000000"):
        with pytest.raises(ConfigError, match="exponent"):
            loads(
                f'{{"projects": [{{"id": "p", "name": "项目", "shares": [{{"holder_id": "a", "fraction": "{text}"}}]}}]}}',
                "json",
            )
        with pytest.raises(ConfigError, match="exponent"):
            loads(f'{{"units": [{{"id": "a", "name": "甲", "kind": "村", "area_km2": "{text}"}}]}}', "json")
        with pytest.raises(ValueError, match=r"exponent|not valid"):
            Money.from_yuan(text)
        with pytest.raises(ValueError, match="not valid"):
            Share(holder_id="a", fraction=text)
    assert time.monotonic() - start < SECONDS


def test_money_text_of_many_digits_is_read_exactly_not_rounded_to_28_digits() -> None:
    text = "1234567890123456789012345678901.23元"
    money = Money.parse(text)
    assert money.fen == 123456789012345678901234567890123
    assert str(money.yuan) == "1234567890123456789012345678901.23"
    assert (
        loads(dumps(Registry(units=[Unit(id="a", name="甲", kind="村", collective_income=money)])), "json")
        .unit("a")
        .collective_income
        == money
    )

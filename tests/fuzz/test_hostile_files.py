"""Attacks on the file formats as an outsider makes them: YAML tags, every scalar in every field, extreme numbers.

Each law: loading returns a value or raises :class:`ConfigError` (nothing else); a value that loads
is written to text that loads back to it, in every format; a refusal never shows a person's data.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import yaml  # type: ignore[import-untyped, unused-ignore]
from hypothesis import given
from hypothesis import strategies as st

from dangjian_model import Registry
from dangjian_model.files import ConfigError, Format, dumps, loads
from tests.cli.conftest import run_cli
from tests.fuzz import _counters
from tests.fuzz._data import _at, _paths, scalars
from tests.fuzz._harness import check_error

NAME, PHONE, ID_CARD = "龚建立", "13812345678", "11010519491231002X"
PERSONAL = ("name", "phone", "id_card")
_PLACEHOLDER = "PLACEHOLDERVALUE"

#: A document with one of each entity a numeric or personal field hangs on.
DOCUMENT: dict[str, Any] = {
    "units": [
        {"id": "a", "name": "甲村", "kind": "村", "population": 100, "area_km2": "1.5"},
        {"id": "b", "name": "乙村", "kind": "村"},
    ],
    "people": [{"id": "p1", "name": NAME, "phone": PHONE, "id_card": ID_CARD}],
    "projects": [
        {
            "id": "pr",
            "name": "项目",
            "shares": [{"holder_id": "a", "fraction": "1/2"}, {"holder_id": "b", "fraction": "1/2"}],
            "contributions": [
                {"contributor_id": "a", "kind": "财政扶持资金", "amount": "1万元", "quantity": "2.5"}
            ],
            "allocation_rule": {
                "kind": "fixed_return",
                "rate": "10%",
                "years": 5,
                "then": {"kind": "proportional", "basis": "investment"},
            },
        }
    ],
}
#: Where the exact numbers of the model sit in :data:`DOCUMENT`.
NUMERIC_PATHS: list[tuple[Any, ...]] = [
    ("units", 0, "area_km2"),
    ("projects", 0, "shares", 0, "fraction"),
    ("projects", 0, "contributions", 0, "quantity"),
    ("projects", 0, "allocation_rule", "rate"),
]
SCALAR_PATHS = [
    path for path in _paths(DOCUMENT) if path and not isinstance(_at(DOCUMENT, path), dict | list)
]

TAGS = [
    "!!str", "!!int", "!!float", "!!bool", "!!null", "!!timestamp", "!!binary", "!!set", "!!omap",
    "!!map", "!!seq", "!!merge", "!!value", "!!python/str", "!!python/object/apply:os.system",
    "!foo", "!", "!<tag:yaml.org,2002:int>", "!<tag:example.com,2000:app/x>",
]  # fmt: skip
#: Scalars written plainly after a tag; the rest are written double-quoted.
PLAIN = [
    "1381234567x", "13812345678", "龚建立", "maybe", "hello", "yes", "~", "1e5", "1.5", "0x1F", "1:30",
    "2020-13-01", "2021-12-06", ".inf", ".nan", "-0", "9" * 5000, "1e-99", "0b101", "on", "aGVsbG8=",
]  # fmt: skip


def _put(tree: Any, path: tuple[Any, ...], value: Any) -> Any:
    tree = json.loads(json.dumps(tree))
    _at(tree, path[:-1])[path[-1]] = value
    return tree


def _yaml_with(path: tuple[Any, ...], scalar: str) -> str:
    text: str = yaml.safe_dump(_put(DOCUMENT, path, _PLACEHOLDER), allow_unicode=True, sort_keys=False)
    return text.replace(_PLACEHOLDER, scalar)


def _personal(path: tuple[Any, ...]) -> bool:
    return path[0] == "people" and path[-1] in PERSONAL


@given(
    path=st.sampled_from(SCALAR_PATHS),
    tag=st.sampled_from(TAGS),
    plain=st.booleans(),
    value=st.sampled_from(PLAIN) | st.text(min_size=1, max_size=20),
)
def test_a_yaml_tag_on_any_field_loads_or_is_a_config_error_that_never_shows_a_persons_value(
    path: tuple[Any, ...], tag: str, plain: bool, value: str
) -> None:
    _counters.example()
    _counters.tried("YAML tags on every field")
    scalar = value if plain and value in PLAIN else json.dumps(value, ensure_ascii=False)
    try:
        loads(_yaml_with(path, f"{tag} {scalar}"), "yaml")
    except ConfigError as error:
        check_error("loads yaml (tagged)", error)
        message = str(error)
        if _personal(path) and len(value) >= 4:
            assert value not in message
        # the person's own data, planted in the document, is never shown (a phone typed into another
        # field is the attacker's value, not the person's)
        assert not any(planted in message for planted in (NAME, PHONE, ID_CARD) if planted not in value)


@given(path=st.sampled_from(SCALAR_PATHS), value=scalars, format=st.sampled_from(["json", "yaml"]))
def test_any_scalar_in_any_field_loads_or_is_a_config_error(
    path: tuple[Any, ...], value: Any, format: Format
) -> None:
    _counters.example()
    _counters.tried("every scalar type in every field")
    tree = _put(DOCUMENT, path, value) if value == value else DOCUMENT  # NaN: not JSON
    try:
        text = json.dumps(tree, ensure_ascii=False)
        if format == "yaml":
            text = yaml.safe_dump(tree, allow_unicode=True)
    except (ValueError, UnicodeEncodeError):
        return  # not writable in that format (a lone surrogate, an integer past 4300 digits)
    try:
        loads(text, format)
    except ConfigError as error:
        check_error(f"loads {format} (one scalar)", error)
        message = str(error)
        if _personal(path) and isinstance(value, str) and len(value) >= 4:
            assert value not in message


# -------------------------------------------------------------------------- extreme magnitudes

_digits = st.integers(min_value=0, max_value=10**60)
_exponents = st.integers(min_value=-1100, max_value=1100)
#: Numbers as people and programs write them, at every magnitude the format allows and past it.
extreme_numbers = st.one_of(
    st.builds(lambda m, e: f"{m}e{e}", _digits, _exponents),
    st.builds(lambda m, e: f"{m}E{e:+d}%", _digits, _exponents),
    st.builds(lambda a, b: f"0.{'0' * a}{b}", st.integers(0, 120), _digits),
    st.builds(lambda n, d: f"{n}/{d}", _digits, _digits),
    st.builds(lambda n, d: f"{n}/{d}%", _digits, _digits),
    st.floats(allow_nan=False),
    st.integers(min_value=-(10**80), max_value=10**80),
    st.sampled_from(["1e-99", "1e-1000", "1e1000", "5e-324", "0.5%", "1/3", "1/3%", "1e-1001", "-0"]),
)


@given(path=st.sampled_from(NUMERIC_PATHS), value=extreme_numbers)
def test_a_number_that_loads_is_written_as_text_that_loads_back_to_it_in_every_format(
    path: tuple[Any, ...], value: Any
) -> None:
    _counters.example()
    _counters.tried("extreme magnitudes in numeric fields")
    try:
        registry = loads(json.dumps(_put(DOCUMENT, path, value)), "json")
    except ConfigError as error:
        check_error("loads json (extreme number)", error)
        return
    for format in ("json", "yaml", "toml"):
        text = dumps(registry, format, personal_data=True)
        _counters.tried("extreme magnitudes in numeric fields")
        assert loads(text, format) == registry


def test_a_share_of_1e_minus_99_is_written_as_it_was_typed_and_reads_back() -> None:
    registry = loads(json.dumps(_put(DOCUMENT, NUMERIC_PATHS[1], "1e-99")), "json")
    text = dumps(registry, "yaml", personal_data=True)
    assert "fraction: 1E-99" in text
    assert loads(text, "yaml") == registry


def test_the_dumps_of_generated_registries_load_back_in_every_format() -> None:
    """The canonical text of any registry the strategies build loads back (a smoke check of the law above)."""
    from dangjian_model import strategies

    @given(strategies.registries())
    def law(registry: Registry) -> None:
        _counters.example()
        for format in ("json", "yaml", "toml"):
            _counters.tried("round trip of generated registries")
            assert loads(dumps(registry, format, personal_data=True), format) == registry

    law()


def test_a_file_convert_writes_is_one_validate_reads(tmp_path: Path) -> None:
    source = tmp_path / "tiny-share.json"
    source.write_text(json.dumps(_put(DOCUMENT, NUMERIC_PATHS[1], "1e-99")), encoding="utf-8")
    for format in ("json", "yaml", "toml"):
        target = tmp_path / f"converted.{format}"
        converted = run_cli("convert", str(source), str(target), "--personal-data", "keep", "--force")
        assert converted.code == 0, converted.err
        checked = json.loads(run_cli("validate", "--format", "json", str(target)).out)
        assert checked["files"][0]["status"] == "checked"

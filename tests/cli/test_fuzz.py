"""Fuzzing the command: for any input file, only the documented exit codes and messages, never a traceback."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from dangjian_model.files import dumps
from tests.cli.conftest import clean_registry, run_cli

SUFFIXES = st.sampled_from([".json", ".yaml", ".yml", ".toml"])
COMMANDS = st.sampled_from(
    [
        ["validate"],
        ["validate", "--format", "json"],
        ["allocate", "--project", "lianshu-village"],
        ["allocate", "--project", "lianshu-village", "--format", "json", "--income", "1"],
        ["convert", "--force"],
        ["diagram"],
        ["diagram", "--format", "dot"],
    ]
)
JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=4),
    max_leaves=20,
)


def _run_on(content: bytes, suffix: str, command: list[str]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"input{suffix}"
        path.write_bytes(content)
        argv = [command[0], str(path), *command[1:]]
        if command[0] == "convert":
            argv.insert(2, str(Path(folder) / "out.json"))
        result = run_cli(*argv)
    assert result.code in (0, 1, 2), result.err
    assert "Traceback" not in result.err + result.out
    if result.code:
        assert result.err or result.out


@given(content=st.binary(max_size=300), suffix=SUFFIXES, command=COMMANDS)
def test_arbitrary_bytes_give_only_documented_exit_codes(
    content: bytes, suffix: str, command: list[str]
) -> None:
    _run_on(content, suffix, command)


@given(value=JSON_VALUES, suffix=st.sampled_from([".json", ".yaml"]), command=COMMANDS)
def test_arbitrary_json_values_give_only_documented_exit_codes(
    value: object, suffix: str, command: list[str]
) -> None:
    _run_on(json.dumps(value, ensure_ascii=False).encode(), suffix, command)


VALID = dumps(clean_registry(), "json", personal_data=True)


@given(
    start=st.integers(0, len(VALID)),
    length=st.integers(0, 40),
    insert=st.text(alphabet='{}[]",:0123456789abc-村 \n', max_size=10),
    command=COMMANDS,
)
def test_mutations_of_a_valid_document_give_only_documented_exit_codes(
    start: int, length: int, insert: str, command: list[str]
) -> None:
    mutated = VALID[:start] + insert + VALID[start + length :]
    _run_on(mutated.encode(), ".json", command)

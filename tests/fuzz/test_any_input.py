"""Every entry point that reads outside data answers any input with a value or its documented error."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.fuzz import _counters
from tests.fuzz._data import json_values
from tests.fuzz._harness import TEXT_ENTRY_POINTS, VALUE_ENTRY_POINTS, EntryPoint, feed

_by_name = pytest.mark.parametrize("entry", TEXT_ENTRY_POINTS, ids=lambda e: e.name)
_values = pytest.mark.parametrize("entry", VALUE_ENTRY_POINTS, ids=lambda e: e.name)


@_by_name
@given(data=st.binary(max_size=300))
def test_arbitrary_bytes_give_a_document_or_a_config_error(entry: EntryPoint, data: bytes) -> None:
    _counters.example()
    if entry.name.startswith("from_popolo"):
        data = data.decode("utf-8", "replace")  # type: ignore[assignment]
    feed(entry, data)


@_by_name
@given(text=st.text(max_size=300))
def test_arbitrary_text_gives_a_document_or_a_config_error(entry: EntryPoint, text: str) -> None:
    _counters.example()
    feed(entry, text)


@_values
@given(value=json_values)
def test_arbitrary_values_give_a_result_or_the_documented_error(entry: EntryPoint, value: Any) -> None:
    _counters.example()
    feed(entry, value)


@_values
@given(text=st.text(alphabet=st.sampled_from("0123456789Xx-. ,万亿千元¥+−/%eE١²٣０１"), max_size=40))
def test_text_made_of_the_characters_that_matter_gives_a_result_or_the_documented_error(
    entry: EntryPoint, text: str
) -> None:
    _counters.example()
    feed(entry, text)

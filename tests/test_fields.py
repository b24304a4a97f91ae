"""The field checks: the quick test for plain text agrees with the close look it skips."""

from __future__ import annotations

import sys
import unicodedata
from fractions import Fraction

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from dangjian_model import Share, Unit
from dangjian_model import _fields as f
from dangjian_model._errors import InvalidValue


@given(text=st.text(max_size=30), limit=st.integers(min_value=0, max_value=40))
def test_plain_text_is_text_the_close_look_accepts(text: str, limit: int) -> None:
    if f._plain(text, limit):
        assert f._bad_text(text) is None
        assert len(text) <= limit


def test_printable_characters_are_never_control_format_or_surrogate_characters() -> None:
    # what lets the quick test trust str.isprintable(): checked over every code point of this Python
    bad = ("Cc", "Cf", "Cs")
    printable_bad = [
        hex(code)
        for code in range(sys.maxunicode + 1)
        if chr(code).isprintable() and unicodedata.category(chr(code)) in bad
    ]
    assert printable_bad == []


@pytest.mark.parametrize(
    "name", ["", " 甲", "甲 ", "甲\u200b乙", "甲\x00", "\u3000甲", "x" * (f.MAX_TEXT + 1)]
)
def test_text_that_is_not_plain_is_still_refused(name: str) -> None:
    with pytest.raises(InvalidValue):
        Unit(id="a", name=name, kind="village")


def test_text_with_an_ideographic_space_inside_is_accepted() -> None:
    assert Unit(id="a", name="甲\u3000乙", kind="village").name == "甲\u3000乙"


@given(
    numerator=st.integers(min_value=-(10**30), max_value=10**30),
    denominator=st.integers(min_value=1, max_value=10**30),
)
def test_a_share_is_accepted_exactly_when_it_is_above_zero_and_at_most_one(
    numerator: int, denominator: int
) -> None:
    fraction = Fraction(numerator, denominator)
    accepted = True
    try:
        f.check_share(object.__new__(Share), attrs.fields(Share).fraction, fraction)
    except InvalidValue:
        accepted = False
    assert accepted == (0 < fraction <= 1)


@given(text=st.text(max_size=30), limit=st.integers(min_value=0, max_value=40))
def test_the_builders_inline_test_for_plain_text_is_the_fields_own(text: str, limit: int) -> None:
    from dangjian_model.files._fast import _plain_test

    inline = eval(_plain_test("v", limit), {"_len": len, "v": text})
    assert bool(inline) == f._plain(text, limit)

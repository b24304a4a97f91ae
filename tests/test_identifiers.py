"""Identifiers are checked by their standards: USCC (GB 32100), division codes and ID cards (GB 11643)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dangjian_model.identifiers import (
    InvalidChecksum,
    InvalidComponent,
    InvalidFormat,
    InvalidIdentifier,
    InvalidLength,
    division_code,
    id_card,
    uscc,
)

_BODY = st.text(alphabet=uscc.ALPHABET, min_size=2, max_size=2).flatmap(
    lambda head: st.builds(
        lambda region, rest: head + region + rest,
        st.from_regex(r"[0-9]{6}", fullmatch=True),
        st.text(alphabet=uscc.ALPHABET, min_size=9, max_size=9),
    )
)


def test_a_published_credit_code_is_valid() -> None:
    assert uscc.validate("91110000600037341L") == "91110000600037341L"
    assert uscc.validate(" 9111 0000-6000 37341l ") == "91110000600037341L"


@given(_BODY)
def test_the_check_character_makes_any_body_valid_including_letters_in_positions_1_and_2(body: str) -> None:
    code = body + uscc.calc_check_character(body)
    assert uscc.is_valid(code)


@given(_BODY, st.integers(0, 16), st.sampled_from(uscc.ALPHABET))
def test_changing_one_character_breaks_the_check(body: str, position: int, char: str) -> None:
    code = body + uscc.calc_check_character(body)
    changed = code[:position] + char + code[position + 1 :]
    if changed != code and changed[2:8].isdigit():
        with pytest.raises(InvalidChecksum):
            uscc.validate(changed)


@pytest.mark.parametrize(
    ("code", "error"),
    [
        ("91110000600037341", InvalidLength),
        ("91110000600037341I", InvalidFormat),
        ("911100A0600037341L", InvalidFormat),
        ("91110000600037341A", InvalidChecksum),
    ],
)
def test_a_wrong_credit_code_says_what_is_wrong(code: str, error: type[InvalidIdentifier]) -> None:
    with pytest.raises(error, match="统一社会信用代码"):
        uscc.validate(code)
    assert not uscc.is_valid(code)


def test_division_codes_have_a_level_and_a_parent() -> None:
    assert division_code.level("330282") == "county"
    assert division_code.level("330282101") == "township"
    assert division_code.level("330282101201") == "village"
    assert division_code.parent("330282101201") == "330282101"
    assert division_code.parent("330282101") == "330282"
    assert division_code.parent("330282") == "330200"
    assert division_code.parent("330200") == "330000"
    assert division_code.parent("330000") is None


@pytest.mark.parametrize(
    ("code", "error"), [("3302", InvalidLength), ("33028a", InvalidFormat), ("990282", InvalidComponent)]
)
def test_a_malformed_division_code_is_refused(code: str, error: type[InvalidIdentifier]) -> None:
    with pytest.raises(error):
        division_code.validate(code)
    assert not division_code.is_valid(code)


def test_an_id_card_number_is_checked_and_never_shown_in_errors() -> None:
    assert id_card.is_valid("11010519491231002X")
    for number, error in [
        ("110105194912310021", InvalidChecksum),
        ("11010519491331002X", InvalidComponent),
        ("1101051949123100", InvalidLength),
        ("1101051949123100AX", InvalidFormat),
    ]:
        with pytest.raises(error) as raised:
            id_card.validate(number)
        assert number[6:14] not in str(raised.value)
        assert not id_card.is_valid(number)


@given(
    st.from_regex(
        r"[1-6][0-9]{5}(19[5-9][0-9]|20[01][0-9])(0[1-9]|1[0-2])(0[1-9]|1[0-9]|2[0-8])[0-9]{3}",
        fullmatch=True,
    )
)
def test_the_mod_11_2_check_character_makes_a_number_valid(first17: str) -> None:
    assert id_card.is_valid(first17 + id_card.calc_check_character(first17))

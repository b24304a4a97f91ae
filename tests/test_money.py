"""Money is whole 分: parsed as people write it, never rounded, never a float."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dangjian_model import InvalidMoney, Money
from dangjian_model import strategies as dst


@pytest.mark.parametrize(
    ("text", "fen"),
    [
        ("10万元", 10_0000_00),
        ("2000萬元", 2000_0000_00),
        ("29.3亿元", 29_3000_0000_00),
        ("¥1,234.56", 1234_56),
        ("￥1,234.56", 1234_56),
        ("1234.56元", 1234_56),
        ("1亿2000万元", 1_2000_0000_00),
        ("20.4545万元", 20_4545_00),
        ("1000.8万", 1000_8000_00),
        ("RMB 5", 500),
        ("-5元", -500),
        ("３元", 300),
        ("0.01元", 1),
        ("100元整", 100_00),
    ],
)
def test_money_reads_amounts_as_people_write_them(text: str, fen: int) -> None:
    assert Money.parse(text).fen == fen


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("0.001元", "fraction of a 分"),
        ("1.0000001万元", "fraction of a 分"),
        ("", "no number"),
        ("元", "no number"),
        ("ten yuan", "cannot read"),
        ("1万2亿元", "large to small"),
        ("1,23元", "cannot read"),
        ("1" * 100, "longer than"),
    ],
)
def test_malformed_money_text_is_refused_with_the_reason(text: str, why: str) -> None:
    with pytest.raises(InvalidMoney, match=why) as error:
        Money.parse(text)
    assert error.value.where == "Money"


@pytest.mark.parametrize("value", [1.5, None, 3, b"5"])
def test_money_parse_refuses_what_is_not_text(value: object) -> None:
    with pytest.raises(InvalidMoney, match="not text"):
        Money.parse(value)


def test_money_refuses_a_float_even_when_it_looks_whole() -> None:
    with pytest.raises(InvalidMoney, match="floats are not exact"):
        Money.from_yuan(1.0)  # type: ignore[arg-type]
    with pytest.raises(InvalidMoney, match="int number of 分"):
        Money(1.0)  # type: ignore[arg-type]


def test_exact_yuan_and_wan_amounts_become_fen() -> None:
    assert Money.from_yuan(Decimal("1234.56")) == Money(123456)
    assert Money.from_yuan(Fraction(1, 4)) == Money(25)
    assert Money.from_wan("20.4545") == Money(20454500)
    with pytest.raises(InvalidMoney, match="fraction of a 分"):
        Money.from_yuan(Fraction(1, 3))


@given(dst.money())
def test_canonical_text_reads_back_to_the_same_amount(amount: Money) -> None:
    assert Money.parse(amount.to_text()) == amount
    assert Money.parse(str(amount)) == amount


@given(dst.money_texts())
def test_every_way_of_writing_an_amount_reads_back_exactly(pair: tuple[str, Money]) -> None:
    text, amount = pair
    assert Money.parse(text) == amount


@given(dst.money(), st.sampled_from(["元", "万", "亿"]))
def test_formatted_amounts_are_exact_in_every_unit(amount: Money, unit: str) -> None:
    assert Money.parse(amount.format(unit=unit)) == amount


@given(dst.money(), dst.money(), dst.money())
def test_addition_is_exact_and_associative(a: Money, b: Money, c: Money) -> None:
    assert (a + b) + c == a + (b + c)
    assert (a + b).fen == a.fen + b.fen
    assert a - b == a + (-b)
    assert sum([a, b, c]) == Money(a.fen + b.fen + c.fen)


def test_money_multiplies_only_by_whole_numbers() -> None:
    assert Money(150) * 3 == Money(450) == 3 * Money(150)
    with pytest.raises(TypeError):
        Money(150) * Decimal("1.5")  # type: ignore[operator]
    with pytest.raises(TypeError):
        Money(150) + 1  # type: ignore[operator]


def test_money_compares_and_prints_for_people() -> None:
    assert Money.parse("1元") < Money.parse("1.01元")
    assert not Money.ZERO
    assert repr(Money(123456)) == "Money('1234.56元')"
    assert Money(-5).to_text() == "-0.05元"
    assert Money(123456789).format() == "1,234,567.89元"
    assert Money(2930000000_00).format(unit="亿") == "29.3亿元"
    with pytest.raises(InvalidMoney, match="one of"):
        Money(1).format(unit="千")

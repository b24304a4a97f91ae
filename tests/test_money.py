"""Money is whole 分: parsed as people write it, never rounded, never a float."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dangjian_model import InvalidMoney, Money
from dangjian_model import strategies as dst
from dangjian_model._money import exact_fraction


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


# ------------------------------------------------------------------ what Chinese documents write


@pytest.mark.parametrize(
    ("text", "fen"),
    [
        ("十二万元", 12_0000_00),
        ("一百二十万元", 120_0000_00),
        ("三亿五千万元", 3_5000_0000_00),
        ("1.2亿", 1_2000_0000_00),
        ("12,0000元", 12_0000_00),
        ("1,200,000元", 120_0000_00),
        ("１２,００００元", 12_0000_00),
        ("￥1,000", 1000_00),
        ("人民币壹佰贰拾万元整", 120_0000_00),
        ("壹仟零伍元伍角陆分", 1005_56),
        ("一万零五百元", 1_0500_00),
        ("十元零五分", 10_05),
        ("12元5角", 12_50),
        ("五角", 50),
        ("两千万元", 2000_0000_00),
        ("5千元", 5000_00),
    ],
)
def test_money_reads_what_chinese_documents_write(text: str, fen: int) -> None:
    assert Money.parse(text).fen == fen


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("$100", "another currency"),
        ("€5", "another currency"),
        ("USD100", "another currency"),
        ("١٠٠元", "another script"),
        ("१००", "another script"),
        ("𝟏𝟎𝟎元", "another script"),
        ("²元", "another script"),
        ("一百五", "skipped place needs 零"),
        ("一万五元", "skipped place needs 零"),
        ("三亿五万元", "skipped place needs 零"),
        ("一千五十元", "skipped place needs 零"),
        ("1,234,5678元", "cannot read"),
        ("12分", "come after 元"),
        ("一二元", "two digits in a row"),
        ("百元", "needs a digit"),
        ("一百千元", "large to small"),
    ],
)
def test_money_text_in_another_script_currency_or_ambiguous_form_is_refused_in_both_languages(
    text: str, why: str
) -> None:
    with pytest.raises(InvalidMoney, match=why) as error:
        Money.parse(text)
    assert "以元计的金额" in str(error.value)


_SMALL = "零一二三四五六七八九"
_CAPITAL = "零壹贰叁肆伍陆柒捌玖"


def _section(number: int, digits: str, places: tuple[str, ...]) -> str:
    """A number below 10000 in the standard form: 一千零五十, 二百零五."""
    text, zero = "", False
    for place in (3, 2, 1, 0):
        digit = number // 10**place % 10
        if digit == 0:
            zero = bool(text)
            continue
        text += ("零" if zero else "") + digits[digit] + places[place]
        zero = False
    return text


def _chinese(number: int, digits: str, places: tuple[str, ...]) -> str:
    """``number`` (below 10^12) as a Chinese numeral: 万 and 亿 sections, 零 where places are skipped."""
    if number == 0:
        return "零"
    text, skipped = "", False
    for group, name in ((number // 10**8, "亿"), (number // 10**4 % 10**4, "万"), (number % 10**4, "")):
        if group == 0:
            skipped = bool(text)
            continue
        if text and (skipped or group < 1000):
            text += "零"
        text += _section(group, digits, places) + name
        skipped = False
    return text


@given(st.integers(0, 10**12 - 1), st.integers(0, 9), st.integers(0, 9), st.booleans())
def test_a_chinese_numeral_reads_as_the_number_it_names(
    number: int, jiao: int, fen: int, capital: bool
) -> None:
    digits, places = (_CAPITAL, ("", "拾", "佰", "仟")) if capital else (_SMALL, ("", "十", "百", "千"))
    text = _chinese(number, digits, places) + "元"
    if jiao:
        text += digits[jiao] + "角"
    if fen:
        text += ("零" if not jiao else "") + digits[fen] + "分"
    assert Money.parse(text).fen == number * 100 + jiao * 10 + fen
    assert Money.parse("人民币" + text + ("" if fen else "整")).fen == number * 100 + jiao * 10 + fen


@given(dst.money())
def test_amounts_grouped_by_four_digits_read_back(amount: Money) -> None:
    whole, cents = divmod(abs(amount.fen), 100)
    digits = str(whole)
    groups = [digits[max(0, end - 4) : end] for end in range(len(digits), 0, -4)][::-1]
    text = ("-" if amount.fen < 0 else "") + ",".join(groups) + f".{cents:02d}元"
    assert Money.parse(text) == amount


@given(
    dst.money_texts(),
    st.characters(categories=["Nd", "No", "Nl"]).filter(
        lambda c: not ("0" <= c <= "9" or "０" <= c <= "９") and c not in "〇零一二三四五六七八九十百千万亿"
    ),
    st.data(),
)
def test_a_digit_of_another_script_anywhere_is_refused(
    pair: tuple[str, Money], foreign: str, data: st.DataObject
) -> None:
    text, _ = pair
    position = data.draw(st.integers(0, len(text)))
    with pytest.raises(InvalidMoney, match="another script"):
        Money.parse(text[:position] + foreign + text[position:])


@pytest.mark.parametrize("text", ["١٢", "१२/३", "𝟏.5"])
def test_exact_numbers_refuse_digits_of_another_script(text: str) -> None:
    with pytest.raises(InvalidMoney, match="another script"):
        Money.from_yuan(text)


@pytest.mark.parametrize(
    ("text", "value"), [("１/1", 1), ("１2.5", Fraction(25, 2)), ("1/２", Fraction(1, 2))]
)
def test_exact_numbers_read_full_width_digits_beside_ascii_ones(text: str, value: Fraction) -> None:
    assert exact_fraction(text) == value

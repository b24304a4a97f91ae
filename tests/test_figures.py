"""Reported figures: read and written as the seeds write them, qualified honestly, added and compared with
an answer of true, false or unknown."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dangjian_model import (
    CustomTerm,
    Figure,
    FigureMetric,
    FigureValue,
    InvalidFigure,
    InvalidLabel,
    InvalidValue,
    Linkage,
    Money,
    Qualifier,
    QuantityUnit,
    Range,
    Truth,
    strategies,
)
from dangjian_model._labels import open_term, open_vocabulary

SEED_FORMS = [
    ("300余个", Decimal(300), Qualifier.AT_LEAST, QuantityUnit.PIECE),
    ("超过5000人", Decimal(5000), Qualifier.AT_LEAST, QuantityUnit.PERSON),
    ("近万名", Decimal(10000), Qualifier.ABOUT, QuantityUnit.HEADCOUNT),
    ("20%以上", Decimal(20), Qualifier.AT_LEAST, QuantityUnit.PERCENT),
    ("1.3亿件", Decimal(130000000), Qualifier.EXACTLY, QuantityUnit.ITEM),
    ("29.3亿元", Decimal(2930000000), Qualifier.EXACTLY, QuantityUnit.YUAN),
    ("425个", Decimal(425), Qualifier.EXACTLY, QuantityUnit.PIECE),
    ("百万人次", Decimal(1000000), Qualifier.EXACTLY, QuantityUnit.PERSON_TIME),
    ("不到100人", Decimal(100), Qualifier.AT_MOST, QuantityUnit.PERSON),
    ("300个左右", Decimal(300), Qualifier.ABOUT, QuantityUnit.PIECE),
    ("5000+", Decimal(5000), Qualifier.AT_LEAST, None),
]


@pytest.mark.parametrize(("text", "value", "qualifier", "unit"), SEED_FORMS)
def test_the_seeds_forms_read_as_value_qualifier_and_unit_and_back_as_written(
    text: str, value: Decimal, qualifier: Qualifier, unit: QuantityUnit | None
) -> None:
    figure = FigureValue.parse(text)
    assert (figure.value, figure.qualifier, figure.unit) == (value, qualifier, unit)
    assert figure.to_text() == str(figure) == text


@given(strategies.figure_values())
def test_every_figure_reads_back_from_its_text(value: FigureValue) -> None:
    assert FigureValue.parse(value.to_text()) == value


def test_traditional_and_full_width_spellings_read_as_the_canonical_ones() -> None:
    assert FigureValue.parse("１０餘家") == FigureValue.parse("10余家")
    assert FigureValue.parse("2000萬元").money == Money.parse("2000万元")
    assert FigureValue.parse("1,234艘").unit == CustomTerm("艘")


def test_money_percentages_and_numbers_are_exact() -> None:
    assert FigureValue.parse("29.3亿元").money == Money.parse("29.3亿元")
    assert FigureValue.parse("0.001元").money is None  # a fraction of a 分 is no Money
    assert FigureValue.parse("300个").money is None
    assert FigureValue.parse("20%以上").percentage == Fraction(1, 5)
    assert FigureValue.parse("20个").percentage is None
    assert FigureValue.parse("0.5万").value == Decimal(5000)
    assert FigureValue.parse("0.12345").value == Decimal("0.12345")
    assert FigureValue.parse("425") == FigureValue(number=Decimal(425))


@pytest.mark.parametrize(
    "bad", ["", "个", "abc", "12ab3", "超过", "3.5.6个", "-5个", "x" * 200, 425, -1, 1.5, True, None, b"300"]
)
def test_what_is_no_figure_is_refused_saying_what_a_figure_looks_like(bad: object) -> None:
    with pytest.raises(InvalidFigure, match="300余个"):
        FigureValue.parse(bad)


def test_the_parts_of_a_figure_are_checked_when_built() -> None:
    with pytest.raises(InvalidFigure):
        FigureValue(number=None)
    with pytest.raises(InvalidFigure):
        FigureValue(number=Decimal(1), marker="大概")
    with pytest.raises(InvalidFigure):
        FigureValue(number=Decimal(1), scale="兆")
    with pytest.raises(InvalidFigure):
        FigureValue(number=Decimal(-1))
    with pytest.raises(InvalidFigure):
        FigureValue(number=Decimal("1E+1001"))
    with pytest.raises(InvalidFigure):
        FigureValue(number=Decimal(1), unit=5)  # type: ignore[arg-type]
    assert FigureValue(number="12", unit="间").unit is QuantityUnit.ROOM
    assert FigureValue(number=12, unit="艘").unit == CustomTerm("艘")


def test_at_least_plus_at_least_is_at_least_and_about_is_an_interval() -> None:
    total = FigureValue.parse("300余个") + FigureValue.parse("20多个")
    assert (total.qualifier, total.low, total.high) == (Qualifier.AT_LEAST, Fraction(320), None)
    about = FigureValue.parse("约100人") + FigureValue.parse("100人")
    assert (about.qualifier, about.low, about.high) == (Qualifier.ABOUT, Fraction(190), Fraction(210))
    nearly = FigureValue.parse("近万名").range
    assert (nearly.low, nearly.high) == (Fraction(9000), Fraction(10000))
    assert (FigureValue.parse("10个") + FigureValue.parse("5个")).qualifier is Qualifier.EXACTLY
    at_most = FigureValue.parse("不到10人") + FigureValue.parse("5人以内")
    assert (at_most.qualifier, at_most.low, at_most.high) == (Qualifier.AT_MOST, Fraction(0), Fraction(15))
    assert sum([FigureValue.parse("1个").range, FigureValue.parse("2个").range]).low == 3  # type: ignore[union-attr]


@given(strategies.figure_values([QuantityUnit.PIECE]), strategies.figure_values([QuantityUnit.PIECE]))
def test_a_sum_allows_exactly_the_sums_of_what_its_parts_allow(a: FigureValue, b: FigureValue) -> None:
    total = a + b
    assert total.low == a.range.low + b.range.low
    assert (total.high is None) == (a.range.high is None or b.range.high is None)
    assert total.less_than(a) is not Truth.TRUE  # a sum is never surely below one of its parts


def test_comparisons_answer_true_false_or_unknown() -> None:
    workers = FigureValue.parse("超过5000人").range
    assert workers.greater_than(4999) is Truth.TRUE
    assert workers.greater_than(5000) is Truth.UNKNOWN
    assert workers.less_than(5000) is Truth.FALSE
    assert workers.less_than(6000) is Truth.UNKNOWN
    nearly = FigureValue.parse("近万名").range
    assert nearly.less_than(10001) is Truth.TRUE and nearly.greater_than(8000) is Truth.TRUE
    five = FigureValue.parse("5个").range
    assert five.equals(FigureValue.parse("5个")) is Truth.TRUE
    assert five.equals(Decimal(6)) is Truth.FALSE
    assert five.equals(FigureValue.parse("3个以上")) is Truth.UNKNOWN
    assert five.equals(FigureValue.parse("10个以上")) is Truth.FALSE
    assert five.equals(Fraction(5)) is Truth.TRUE


def test_figures_in_different_units_are_neither_added_nor_compared() -> None:
    with pytest.raises(InvalidFigure, match="单位"):
        _ = FigureValue.parse("5个") + FigureValue.parse("5人")
    with pytest.raises(InvalidFigure):
        FigureValue.parse("5个").range.less_than(FigureValue.parse("5人"))
    with pytest.raises(InvalidFigure):
        FigureValue.parse("5个").range.less_than(1.5)  # type: ignore[arg-type]
    assert FigureValue.parse("5个").__add__(3) is NotImplemented  # type: ignore[operator]
    assert isinstance(Range(low=Fraction(1), high=None), Range)


def test_a_figure_names_its_metric_in_the_vocabulary_or_keeps_a_new_one() -> None:
    figure = Figure(id="f", metric="新增就业岗位", value="300余个", subject_id="cixi-south")
    assert figure.metric is FigureMetric.NEW_JOBS and QuantityUnit.PIECE in figure.metric.units
    assert Figure(id="g", metric="快乐指数", value="近万名").metric == CustomTerm("快乐指数")
    with pytest.raises(InvalidFigure, match=r"Figure\.value"):
        Figure(id="h", metric="新增就业岗位", value="很多")
    with pytest.raises(InvalidLabel):
        Figure(id="h", metric=5, value="1个")  # type: ignore[arg-type]


def test_a_custom_term_answers_like_a_member_and_a_known_label_is_the_member() -> None:
    term = CustomTerm("艺术结对")
    assert (term.label, term.value, str(term), term.aliases) == ("艺术结对", "艺术结对", "艺术结对", ())
    assert open_term(Linkage, CustomTerm("组织共建")) is Linkage.ORGANISATION_CO_BUILDING
    assert open_term(Linkage, Linkage.INDUSTRY) is Linkage.INDUSTRY
    for bad in ("", " 前后空格 ", "x" * 101, "a\nb", 5):
        with pytest.raises(InvalidLabel):
            open_term(Linkage, bad)
    assert open_vocabulary(Linkage | CustomTerm) is Linkage
    assert open_vocabulary(Linkage | int) is None
    assert open_vocabulary(int | CustomTerm) is None


@given(st.sampled_from(Linkage))
def test_every_known_linkage_stays_its_member_whichever_way_it_is_written(linkage: Linkage) -> None:
    for text in (linkage.value, linkage.label, *linkage.aliases):
        assert open_term(Linkage, text) is linkage


def test_a_figure_value_is_an_invalid_value_for_callers_that_catch_those() -> None:
    assert issubclass(InvalidFigure, InvalidValue)


def test_a_number_that_is_no_number_is_refused_when_built() -> None:
    for bad in (True, "abc", "1" * 101):
        with pytest.raises(InvalidFigure, match=r"FigureValue\.number"):
            FigureValue(number=bad)
    with pytest.raises(InvalidFigure, match="cannot read"):
        FigureValue.parse("3\x00")


@given(strategies.custom_terms(Linkage))
def test_a_generated_custom_term_names_no_member(term: CustomTerm) -> None:
    assert open_term(Linkage, term.label) == term

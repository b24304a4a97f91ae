"""Reported figures as the seeds write them (``300余个``, ``超过5000人``, ``近万名``, ``20%以上``, ``1.3亿件``).

A :class:`FigureValue` keeps what the text says: the number as written, its scale word (万, 亿 …), the
marker that qualifies it (余, 多, 超过, 以上, + say *at least*; 近, 约, 左右 say *about*; 不到, 以内 say *at
most*) and its counting word (个, 人, 人次, 家 …). It reads back exactly as it was written::

    >>> value = FigureValue.parse("300余个")
    >>> value.number, value.qualifier, value.unit, value.to_text()
    (Decimal('300'), Qualifier.AT_LEAST, QuantityUnit.PIECE, '300余个')
    >>> FigureValue.parse("29.3亿元").money
    Money('2930000000元')

Arithmetic on qualified figures is honest: each figure stands for a :class:`Range` of values, ranges add
up, and a comparison answers true, false or *unknown* (:class:`~dangjian_model.Truth`)::

    >>> total = FigureValue.parse("300余个") + FigureValue.parse("20多个")
    >>> total.qualifier, total.low
    (Qualifier.AT_LEAST, Fraction(320, 1))
    >>> FigureValue.parse("近万名").range.less_than(10001), FigureValue.parse("超过5000人").range.less_than(6000)
    (Truth.TRUE, Truth.UNKNOWN)
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal
from fractions import Fraction
from typing import Any

import attrs

from dangjian_model._enums import Qualifier, QuantityUnit, Truth
from dangjian_model._errors import InvalidFigure, InvalidLabel
from dangjian_model._labels import CustomTerm, open_term
from dangjian_model._money import MAX_EXPONENT, Money
from dangjian_model._repr import FieldsRepr

__all__ = ["ABOUT_TOLERANCE", "MARKERS", "FigureValue", "Range"]

#: How far an *about* figure (约, 左右) may lie from its number either way; 近 (nearly) lies below it only.
ABOUT_TOLERANCE = Fraction(1, 10)

#: Marker → (qualifier, where it stands: ``before`` the number, ``after`` the number and scale, or at
#: the ``end`` after the unit).
MARKERS: dict[str, tuple[Qualifier, str]] = {
    "": (Qualifier.EXACTLY, ""),
    "超过": (Qualifier.AT_LEAST, "before"),
    "超": (Qualifier.AT_LEAST, "before"),
    "逾": (Qualifier.AT_LEAST, "before"),
    "余": (Qualifier.AT_LEAST, "after"),
    "多": (Qualifier.AT_LEAST, "after"),
    "+": (Qualifier.AT_LEAST, "after"),
    "以上": (Qualifier.AT_LEAST, "end"),
    "近": (Qualifier.ABOUT, "before"),
    "约": (Qualifier.ABOUT, "before"),
    "左右": (Qualifier.ABOUT, "end"),
    "不到": (Qualifier.AT_MOST, "before"),
    "不足": (Qualifier.AT_MOST, "before"),
    "以内": (Qualifier.AT_MOST, "end"),
    "以下": (Qualifier.AT_MOST, "end"),
}
_BEFORE = sorted((m for m, (_, at) in MARKERS.items() if at == "before"), key=len, reverse=True)
_AFTER = [m for m, (_, at) in MARKERS.items() if at == "after"]
_END = [m for m, (_, at) in MARKERS.items() if at == "end"]
_SCALES = {"十": 1, "百": 2, "千": 3, "万": 4, "亿": 8}
_NUMBER = re.compile(r"(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?")
_SCALE = re.compile(r"[十百千万亿]{1,3}")
_LONGEST = 100
#: The most characters a number may take as written (a reported figure is never longer).
_DIGITS = 40
_EXPECTED = (
    "a figure as reports write it: a number (or 十/百/千/万/亿), a marker and a unit, "
    "e.g. '300余个', '超过5000人', '近万名', '20%以上', '1.3亿件', '29.3亿元'"
)
#: Spellings read as the canonical ones (traditional characters, full-width forms after NFKC).
_SPELLINGS = str.maketrans({"萬": "万", "億": "亿", "餘": "余", "過": "过", "內": "内"})


def _unit_spellings() -> list[tuple[str, QuantityUnit]]:
    table = [(text, unit) for unit in QuantityUnit for text in (unit.label, *unit.aliases) if text]
    return sorted(table, key=lambda pair: len(pair[0]), reverse=True)  # 人次 before 人, 平方米 before 米


_UNITS = _unit_spellings()


def _check_number(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is None:
        return
    if not isinstance(value, Decimal) or not value.is_finite() or value < 0 or len(_plain(value)) > _DIGITS:
        raise InvalidFigure(
            "FigureValue.number",
            value,
            f"a finite decimal number ≥ 0 of at most {_DIGITS} digits, e.g. Decimal('1.3')",
        )


def _check_scale(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, str) or (value and not _SCALE.fullmatch(value)):
        raise InvalidFigure("FigureValue.scale", value, "'' or up to three of 十, 百, 千, 万, 亿, e.g. '万'")


def _check_marker(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if type(value) is not str or value not in MARKERS:  # a list is no marker (and is unhashable)
        choices = "、".join(m for m in MARKERS if m)
        raise InvalidFigure("FigureValue.marker", value, f"'' (exactly) or one of {choices}")


def _to_unit(value: QuantityUnit | CustomTerm | str | None) -> QuantityUnit | CustomTerm | None:
    if value is None or isinstance(value, QuantityUnit | CustomTerm):
        return value
    try:
        return open_term(QuantityUnit, value)
    except InvalidLabel:
        return value  # type: ignore[return-value]  # refused by the validator


def _check_unit(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and not isinstance(value, QuantityUnit | CustomTerm):
        raise InvalidFigure("FigureValue.unit", value, "a unit such as 个, 人, 人次, 家, 元 or %, or nothing")


def _to_number(value: Decimal | int | str | None) -> Decimal | None:
    if isinstance(value, bool):
        return value  # type: ignore[return-value]
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, str) and len(value) <= _LONGEST:
        try:
            return Decimal(value)
        except ArithmeticError:
            return value  # type: ignore[return-value]
    return value  # type: ignore[return-value]  # refused by the validator


@attrs.frozen(kw_only=True, repr=False)
class FigureValue(FieldsRepr):
    """A reported figure's value as its text says it: number, scale, marker and unit.

    Two texts that say the same thing differently (``300余个``, ``300多个``) are different values with
    the same :attr:`range`. Build one with :meth:`parse`; :meth:`to_text` writes it back.

    Args:
        number: The number as written (``Decimal('1.3')`` of ``1.3亿``), None when only a scale word is
            written (``近万名``, ``百万人次``).
        scale: The scale word after the number: ``''``, ``万``, ``亿``, ``百万`` …
        marker: The word that qualifies it: ``''`` (exactly), ``余``, ``多``, ``超过``, ``以上``, ``+``, ``近``,
            ``约``, ``左右``, ``不到``, ``以内`` … (see :data:`MARKERS`).
        unit: The counting word (个, 人, 人次, 家, 元, % …), a custom one, or None.

    >>> FigureValue.parse("1.3亿件").value
    Decimal('130000000')
    >>> FigureValue.parse("20%以上").percentage
    Fraction(1, 5)
    """

    number: Decimal | None = attrs.field(default=None, converter=_to_number, validator=_check_number)
    scale: str = attrs.field(default="", validator=_check_scale)
    marker: str = attrs.field(default="", validator=_check_marker)
    unit: QuantityUnit | CustomTerm | None = attrs.field(
        default=None, converter=_to_unit, validator=_check_unit
    )

    def __attrs_post_init__(self) -> None:
        if self.number is None and not self.scale:
            raise InvalidFigure("FigureValue", self.to_text(), "a number or a scale word such as 万")

    # ------------------------------------------------------------------ reading and writing

    @classmethod
    def parse(cls, value: object, where: str = "FigureValue") -> FigureValue:
        """Read a figure as reports write it, from text (a :class:`FigureValue` is returned as it is).

        Raises:
            InvalidFigure: the text is not a figure; the message says what is.
        """
        if isinstance(value, FigureValue):
            return value
        if not isinstance(value, str):
            raise InvalidFigure(where, value, _EXPECTED + f"; got {type(value).__name__}, not text")
        if len(value) > _LONGEST:
            raise InvalidFigure(where, value[:_LONGEST] + "…", _EXPECTED)
        text = unicodedata.normalize("NFKC", value).translate(_SPELLINGS).replace(" ", "")
        marker = next((m for m in _BEFORE if text.startswith(m)), "")
        rest = text[len(marker) :]
        number_match = _NUMBER.match(rest)
        number: Decimal | None = None
        if number_match:
            number = Decimal(number_match.group(0).replace(",", ""))
            rest = rest[number_match.end() :]
        scale_match = _SCALE.match(rest)
        scale = scale_match.group(0) if scale_match else ""
        rest = rest[len(scale) :]
        if number is None and not scale:
            raise InvalidFigure(where, value, _EXPECTED + "; there is no number in it")
        if not marker:
            marker = next((m for m in _AFTER if rest.startswith(m)), "")
            rest = rest[len(marker) :]
        end = "" if marker else next((m for m in _END if rest.endswith(m)), "")
        if end:
            marker, rest = end, rest[: -len(end)]
        unit: QuantityUnit | CustomTerm | None = None
        if rest:
            unit = next((u for spelling, u in _UNITS if spelling == rest), None)
            if unit is None:
                if any(c.isdigit() for c in rest) or rest[0] in "+-./,":
                    raise InvalidFigure(where, value, _EXPECTED + f"; cannot read {rest!r}")
                try:
                    unit = CustomTerm(rest)
                except Exception:
                    raise InvalidFigure(where, value, _EXPECTED + f"; cannot read {rest!r}") from None
        return cls(number=number, scale=scale, marker=marker, unit=unit)

    def to_text(self) -> str:
        """The figure as written: ``300余个``, ``超过5000人``, ``近万名``, ``20%以上``."""
        number = "" if self.number is None else _plain(self.number)
        unit = "" if self.unit is None else self.unit.label
        at = MARKERS[self.marker][1]
        before = self.marker if at == "before" else ""
        after = self.marker if at == "after" else ""
        end = self.marker if at == "end" else ""
        return f"{before}{number}{self.scale}{after}{unit}{end}"

    def __str__(self) -> str:
        return self.to_text()

    # ------------------------------------------------------------------ what it is worth

    @property
    def qualifier(self) -> Qualifier:
        """Exactly, at least, about or at most, as the marker says."""
        return MARKERS[self.marker][0]

    @property
    def exact(self) -> Fraction:
        """The number times its scale, exactly: 1.3亿 is 130000000."""
        number = Fraction(1) if self.number is None else Fraction(self.number)
        power = sum(_SCALES[c] for c in self.scale)
        return number * Fraction(10**power)

    @property
    def value(self) -> Decimal:
        """:attr:`exact` as a ``Decimal``, exactly (a whole number without an exponent when it is one)."""
        exact = self.exact
        if exact.denominator == 1:
            return Decimal(exact.numerator)
        power = sum(_SCALES[c] for c in self.scale)
        return Decimal(f"{self.number}E{power}")  # text is read exactly, whatever the context's precision

    @property
    def money(self) -> Money | None:
        """The amount as :class:`Money` when the unit is 元 and it is whole 分, else None."""
        if self.unit is not QuantityUnit.YUAN or (self.exact * 100).denominator != 1:
            return None
        return Money(int(self.exact * 100))

    @property
    def percentage(self) -> Fraction | None:
        """The share it states when the unit is %: 20% is 1/5; else None."""
        return self.exact / 100 if self.unit is QuantityUnit.PERCENT else None

    @property
    def range(self) -> Range:
        """The values the text allows (see :class:`Range`)."""
        value = self.exact
        qualifier = self.qualifier
        if qualifier is Qualifier.EXACTLY:
            return Range(low=value, high=value, unit=self.unit)
        if qualifier is Qualifier.AT_LEAST:
            return Range(low=value, high=None, unit=self.unit)
        if qualifier is Qualifier.AT_MOST:
            return Range(low=Fraction(0), high=value, unit=self.unit)
        high = value if self.marker == "近" else value * (1 + ABOUT_TOLERANCE)
        return Range(low=value * (1 - ABOUT_TOLERANCE), high=high, unit=self.unit)

    def __add__(self, other: FigureValue | Range) -> Range:
        if isinstance(other, FigureValue | Range):
            return self.range + other
        return NotImplemented


def _plain(number: Decimal) -> str:
    """A decimal as people write it: no exponent (``1E+2`` is ``100``)."""
    if abs(number.as_tuple().exponent) > MAX_EXPONENT:  # type: ignore[arg-type]
        return "?" * (_DIGITS + 1)  # too long to write out: refused by the check, never expanded
    return format(number, "f")


def _fraction(value: object) -> Fraction:
    if isinstance(value, bool) or not isinstance(value, int | Decimal | Fraction):
        raise InvalidFigure("Range", value, "a figure, a range or an exact number (int, Decimal, Fraction)")
    return Fraction(value)


@attrs.frozen(kw_only=True, repr=False)
class Range(FieldsRepr):
    """The values a qualified figure allows: from ``low`` to ``high`` (None: no upper bound), in ``unit``.

    Ranges add up (at least + at least = at least; about + about is a wider about) and compare with an
    answer of :class:`~dangjian_model.Truth`: ``UNKNOWN`` when the figures do not tell.

    >>> (FigureValue.parse("超过5000人") + FigureValue.parse("200人")).qualifier
    Qualifier.AT_LEAST
    """

    low: Fraction
    high: Fraction | None
    unit: QuantityUnit | CustomTerm | None = None

    @property
    def qualifier(self) -> Qualifier:
        """Exactly when one value, at least when unbounded above, at most when from zero, else about."""
        if self.high is None:
            return Qualifier.AT_LEAST
        if self.low == self.high:
            return Qualifier.EXACTLY
        return Qualifier.AT_MOST if self.low == 0 else Qualifier.ABOUT

    def _other(self, other: object) -> Range:
        if isinstance(other, FigureValue):
            other = other.range
        if isinstance(other, Range):
            if other.unit != self.unit:
                raise InvalidFigure(
                    "Range",
                    f"{_unit(self.unit)} + {_unit(other.unit)}",
                    f"单位相同的数字才能相加或比较 figures in one unit ({_unit(self.unit)}) to add or compare",
                )
            return other
        point = _fraction(other)
        return Range(low=point, high=point, unit=self.unit)

    def __add__(self, other: object) -> Range:
        right = self._other(other)
        high = None if self.high is None or right.high is None else self.high + right.high
        return Range(low=self.low + right.low, high=high, unit=self.unit)

    __radd__ = __add__

    def less_than(self, other: FigureValue | Range | int | Decimal | Fraction) -> Truth:
        """Whether every value this allows is below every value ``other`` allows (TRUE), none is (FALSE),
        or the figures do not tell (UNKNOWN)."""
        right = self._other(other)
        if self.high is not None and self.high < right.low:
            return Truth.TRUE
        if right.high is not None and right.high <= self.low:
            return Truth.FALSE
        return Truth.UNKNOWN

    def greater_than(self, other: FigureValue | Range | int | Decimal | Fraction) -> Truth:
        """Whether this is above ``other``: TRUE, FALSE or UNKNOWN."""
        return self._other(other).less_than(self)

    def equals(self, other: FigureValue | Range | int | Decimal | Fraction) -> Truth:
        """TRUE when both are one and the same value, FALSE when they cannot meet, else UNKNOWN."""
        right = self._other(other)
        if self.qualifier is Qualifier.EXACTLY and right.qualifier is Qualifier.EXACTLY:
            return Truth.of(self.low == right.low)
        apart = (self.high is not None and self.high < right.low) or (
            right.high is not None and right.high < self.low
        )
        return Truth.FALSE if apart else Truth.UNKNOWN


def _unit(unit: QuantityUnit | CustomTerm | None) -> str:
    return "无单位" if unit is None else unit.label

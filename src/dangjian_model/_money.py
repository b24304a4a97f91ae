"""Money in whole 分 (fen), parsed from and printed as people write 元 amounts.

The one place for money arithmetic. Amounts are integers of 分; nothing is ever rounded::

    >>> from dangjian_model import Money
    >>> Money.parse("10万元")
    Money('100000元')
    >>> Money.parse("29.3亿元").fen
    293000000000
    >>> Money.parse("¥1,234.56") + Money.parse("0.44元")
    Money('1235元')
    >>> Money.parse("0.001元")
    Traceback (most recent call last):
      ...
    dangjian_model._errors.InvalidMoney: Money: '0.001元' is not valid; expected 以元计的金额...; 有不足一分的零头 it has a fraction of a 分
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal, InvalidOperation
from fractions import Fraction
from typing import TYPE_CHECKING, Any, ClassVar, SupportsIndex

import attrs

if TYPE_CHECKING:  # for annotations only: typing_extensions costs a first use 2 ms
    from typing_extensions import Self

from dangjian_model._errors import InvalidMoney

__all__ = ["Money", "exact_fraction"]

_MULTIPLIERS = {"": 1, "千": 10**3, "万": 10**4, "萬": 10**4, "亿": 10**8, "億": 10**8}
#: Chinese numerals, 小写 and 大写 (the forms of contracts and cheques): digits and the places below 万.
_CN_DIGITS = dict(
    zip(
        "零〇一二两兩三四五六七八九壹贰貳叁參肆伍陆陸柒捌玖",
        (0, 0, 1, 2, 2, 2, 3, 4, 5, 6, 7, 8, 9, 1, 2, 2, 3, 3, 4, 5, 6, 6, 7, 8, 9),
        strict=True,
    )
)
_CN_PLACES = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
_CN = "".join((*_CN_DIGITS, *_CN_PLACES))
#: 3-digit grouping (1,200,000) or 4-digit grouping as Chinese documents write (120,0000), not mixed.
_ARABIC = r"(?:[0-9]{1,3}(?:,[0-9]{3})+(?![0-9])|[0-9]{1,4}(?:,[0-9]{4})+(?![0-9])|[0-9]+)(?:\.[0-9]+)?"
_PART = re.compile(rf"({_ARABIC})(千|万|萬|亿|億)?|([{_CN}]+)(万|萬|亿|億)?")
_DIGIT = f"[0-9{''.join(_CN_DIGITS)}]"
_SMALL_UNITS = re.compile(rf"(?:({_DIGIT})角)?(?:零?({_DIGIT})分)?\Z")
#: Every numeric character the text may hold: ASCII and full-width digits and the Chinese numerals.
_WIDE_DIGITS = frozenset("０１２３４５６７８９")
_NUMERALS = frozenset("0123456789" + _CN + "万萬亿億") | _WIDE_DIGITS
_YUAN_SIGNS = frozenset("¥￥")
_PREFIXES = ("人民币", "RMB", "CNY", "¥")
_SUFFIXES = ("元整", "圆整", "元正", "圆正", "元", "圆", "块", "人民币")
_CURRENCY_CODE = re.compile(r"[A-Z]{3}(?=[0-9.])")  # USD100, HKD 5 (spaces are gone by then)
_EXPECTED = (
    "以元计的金额，如 '10万元'、'十二万元'、'1.2亿元'、'¥1,234.56'、'12,0000元'、'壹佰元伍角' — "
    "an amount in 元 such as '10万元', '2000萬元', '29.3亿元', '¥1,234.56' or '1234.56元'"
)
_MAX_TEXT = 64
#: The largest decimal exponent read exactly: ``1e100000000`` would take minutes and gigabytes to expand.
MAX_EXPONENT = 1000


def exact_fraction(value: object) -> Fraction:
    """An exact :class:`Fraction` from an ``int``, ``Fraction``, finite ``Decimal`` or text (``'1.5'``, ``'1/3'``).

    The one place where outside numbers become exact ones, with bounds so that hostile input
    cannot make it expand a huge power of ten.

    Raises:
        ValueError: floats, booleans, text that is not a number, a fraction over zero, exponents
            beyond ±1000.

    >>> exact_fraction("1/3"), exact_fraction("12.50"), exact_fraction(Decimal("1E+2"))
    (Fraction(1, 3), Fraction(25, 2), Fraction(100, 1))
    """
    if isinstance(value, bool | float):
        raise ValueError("floats and booleans are not exact")
    if isinstance(value, int | Fraction):
        return Fraction(value)
    if isinstance(value, str):
        text = value.strip()
        if len(text) > _MAX_TEXT:
            raise ValueError(f"longer than {_MAX_TEXT} characters")
        if not text.isascii() and any(
            not c.isascii() and c.isnumeric() and c not in _WIDE_DIGITS for c in text
        ):
            raise ValueError("a digit of another script: write 0–9")  # Decimal would read ١٢ as 12
        if "/" in text:
            try:
                return Fraction(text)  # numerator/denominator: plain digits only, no exponent
            except ZeroDivisionError:
                raise ValueError("a fraction over zero") from None
        try:
            value = Decimal(text)
        except InvalidOperation:
            raise ValueError(f"not a number: {text[:20]!r}") from None
    if isinstance(value, Decimal):
        exponent = value.as_tuple().exponent
        if not isinstance(exponent, int):
            raise ValueError("not finite")
        if abs(exponent) > MAX_EXPONENT:
            raise ValueError(f"an exponent beyond ±{MAX_EXPONENT}")
        return Fraction(value)
    raise ValueError(f"not a number but {type(value).__name__}")


def _cut(value: object) -> object:
    """Text cut to a readable length for a message."""
    return value[:_MAX_TEXT] + "…" if isinstance(value, str) and len(value) > _MAX_TEXT else value


_CANONICAL = re.compile(r"(-?)([0-9]+)(?:\.([0-9]{2}))?元\Z")


def _fail(value: object, why: str = "", where: str = "Money") -> InvalidMoney:
    return InvalidMoney(where, value, _EXPECTED + (f"; {why}" if why else ""))


def _foreign(value: str) -> str:
    """Why ``value`` is not 人民币 text in Chinese or ASCII digits, or ``''``.

    NFKC would read Arabic-Indic, Devanagari or mathematical digits as ASCII ones and ``$`` would
    pass as a prefix: an amount in another script or currency is refused rather than guessed at.
    """
    for char in value:
        if char.isnumeric() and char not in _NUMERALS:
            name = unicodedata.name(char, "")
            return (
                f"含其他文字的数字 a digit of another script: {char!r} (U+{ord(char):04X} {name}); "
                "write 0–9, ０–９ or Chinese numerals (一二三, 壹贰叁)"
            )
        if unicodedata.category(char) == "Sc" and char not in _YUAN_SIGNS:
            return f"只收人民币 only 人民币 amounts (¥, RMB, CNY): {char!r} is another currency"
    return ""


def _read(value: str, text: str, where: str) -> Fraction:
    """The amount in 分 of ``text``: the sign and prefix removed, anything after them still to read."""
    small = 0
    tail = _SMALL_UNITS.search(text.removesuffix("整").removesuffix("正"))
    assert tail is not None  # every part of the pattern is optional
    if tail.group(0):  # 角 and 分 after the 元, as in 壹佰元伍角 or 12元5角6分
        jiao, fen = tail.group(1), tail.group(2)
        small = (_digit(jiao) * 10 if jiao else 0) + (_digit(fen) if fen else 0)
        text = text.removesuffix("整").removesuffix("正")[: tail.start()]
        if text and not text.endswith(("元", "圆", "块")):
            raise _fail(value, "角、分应在元之后 角 and 分 come after 元, as in '12元5角'", where)
    for suffix in _SUFFIXES:
        if text.endswith(suffix):
            text = text[: -len(suffix)]
            break
    if not text and not tail.group(0):
        raise _fail(value, "没有数字 there is no number in it", where)
    total = Fraction(0)  # exact: Decimal arithmetic would round to the context's 28 digits
    position = 0
    last_multiplier: int | None = None
    while position < len(text):
        match = _PART.match(text, position)
        if match is None:
            raise _fail(value, f"无法读取 cannot read {text[position:]!r}", where)
        arabic, arabic_unit, chinese, chinese_unit = match.groups()
        multiplier = _MULTIPLIERS[(arabic_unit if arabic is not None else chinese_unit) or ""]
        if last_multiplier is not None and multiplier >= last_multiplier:
            raise _fail(value, "单位应从大到小 units must go from large to small, as in '1亿2000万元'", where)
        if arabic is not None:
            total += Fraction(arabic.replace(",", "")) * multiplier
        else:
            number, leading, zero_first = _chinese(value, chinese, where)
            if last_multiplier is not None and leading * multiplier * 10 < last_multiplier and not zero_first:
                raise _skipped(value, where)
            total += number * multiplier
        last_multiplier = multiplier
        position = match.end()
    return total * 100 + small


def _digit(char: str) -> int:
    return int(char) if char.isascii() else _CN_DIGITS[char]


def _skipped(value: str, where: str) -> InvalidMoney:
    return _fail(
        value,
        "跳过的位要写零 a skipped place needs 零: '一百零五' is 105 and '一百五十' is 150, '一百五' is either",
        where,
    )


def _chinese(value: str, text: str, where: str) -> tuple[int, int, bool]:
    """A Chinese numeral below 10000 (一千零五十, 十二, 贰佰): its value, its highest place, and
    whether it starts with 零 (which says that the places above it are empty)."""
    total, digit, last_place, zero, leading = 0, None, 10**4, False, 0
    for char in text:
        if char in _CN_DIGITS:
            if digit is not None:
                raise _fail(value, f"无法读取 cannot read {text!r}: two digits in a row", where)
            if _CN_DIGITS[char] == 0:
                zero = True
            else:
                digit = _CN_DIGITS[char]
            continue
        place = _CN_PLACES[char]
        if place >= last_place:
            raise _fail(value, f"无法读取 cannot read {text!r}: places must go from large to small", where)
        if digit is None:
            if place != 10 or total or zero:  # only 十 stands alone, at the start: 十二 is 12
                raise _fail(value, f"无法读取 cannot read {text!r}: {char} needs a digit before it", where)
            digit = 1
        if total and place * 10 < last_place and not zero:
            raise _skipped(value, where)
        total += digit * place
        leading = leading or place
        last_place, digit, zero = place, None, False
    if digit is not None:
        if total and last_place > 10 and not zero:
            raise _skipped(value, where)
        total += digit
    return total, leading or 1, text[0] in "零〇"


@attrs.frozen(order=True, repr=False)
class Money:
    """An amount of money in whole 分 (1 元 = 100 分). Negative amounts are losses or refunds.

    Attributes:
        fen: The amount in 分, an ``int``.
    """

    fen: int = attrs.field()

    ZERO: ClassVar[Money]

    @fen.validator
    def _check_fen(self, attribute: attrs.Attribute[int], value: int) -> None:
        if type(value) is not int:
            raise InvalidMoney("Money.fen", value, "an int number of 分 (use Money.parse for text)")

    @classmethod
    def _of(cls, fen: int) -> Self:
        """The amount of ``fen``, known to be an ``int``: the constructor without its check (3× faster)."""
        money = object.__new__(cls)
        _set_fen(money, fen)
        return money

    @classmethod
    def parse(cls, value: object, where: str = "Money") -> Self:
        """Read money as Chinese documents write it; a :class:`Money` is returned as it is.

        Accepts ASCII and full-width digits with 3- or 4-digit grouping (``1,200,000``, ``120,0000``),
        Chinese numerals 小写 and 大写 (``十二万元``, ``三亿五千万元``, ``壹佰贰拾万元整``), the units
        千, 万 (萬), 亿 (億) from large to small (``1亿2000万元``, ``1.2亿``), 元 (圆, 块) with 角 and 分
        after it (``12元5角``), the prefixes ``¥``/``￥``, ``人民币``, ``RMB``, ``CNY`` and a leading
        minus sign. A skipped place must be written with 零 (``一百零五``), as the standard forms do:
        ``一百五`` could mean 105 or 150.

        >>> Money.parse("十二万元"), Money.parse("三亿五千万元"), Money.parse("120,0000元")
        (Money('120000元'), Money('350000000元'), Money('1200000元'))
        >>> Money.parse("人民币壹佰贰拾万元整"), Money.parse("一百元零五分")
        (Money('1200000元'), Money('100.05元'))

        Raises:
            InvalidMoney: the text is not an amount, has a fraction of a 分, holds digits of another
                script (Arabic-Indic ``١٠٠``, Devanagari, mathematical ``𝟏𝟎𝟎``) or another currency
                (``$100``, ``USD100``).
        """
        if isinstance(value, cls):
            return value
        if not isinstance(value, str):
            raise _fail(value, f"got {type(value).__name__}, not text", where)
        canonical = _CANONICAL.match(value) if len(value) <= 100 else None
        if canonical:  # what to_text writes: the general reading below gives the same, slower
            sign_text, whole_text, cents_text = canonical.groups()
            exact = int(whole_text) * 100 + int(cents_text or 0)
            return cls._of(-exact if sign_text else exact)
        if len(value) > _MAX_TEXT:
            raise _fail(
                value[:_MAX_TEXT] + "…",
                f"超过 {_MAX_TEXT} 个字符 the text is longer than {_MAX_TEXT} characters",
                where,
            )
        foreign = _foreign(value)
        if foreign:
            raise _fail(value, foreign, where)
        text = unicodedata.normalize("NFKC", value).replace(" ", "").replace("\u00a0", "")
        sign = 1
        if text[:1] in "-−":
            sign, text = -1, text[1:]
        elif text[:1] == "+":
            text = text[1:]
        for prefix in _PREFIXES:
            if text.upper().startswith(prefix):
                text = text[len(prefix) :]
                break
        else:
            if _CURRENCY_CODE.match(text):
                raise _fail(
                    value,
                    f"只收人民币 only 人民币 amounts (¥, RMB, CNY): {text[:3]!r} is another currency",
                    where,
                )
        fen = _read(value, text, where)
        if fen.denominator != 1:
            raise _fail(value, "有不足一分的零头 it has a fraction of a 分", where)
        return cls._of(sign * int(fen))

    @classmethod
    def from_yuan(cls, amount: int | Decimal | Fraction | str) -> Self:
        """Build from a number of 元 given exactly (``int``, ``Decimal``, ``Fraction`` or decimal text).

        Raises:
            InvalidMoney: the amount has a fraction of a 分, or is a float (floats are not exact).
        """
        if isinstance(amount, bool) or not isinstance(amount, int | Decimal | Fraction | str):
            raise _fail(amount, "give int, Decimal, Fraction or text; floats are not exact")
        try:
            exact = exact_fraction(amount)
        except ValueError as error:
            raise _fail(_cut(amount), str(error)) from None
        fen = exact * 100
        if fen.denominator != 1:
            raise _fail(amount, "it has a fraction of a 分")
        return cls(int(fen))

    @classmethod
    def from_wan(cls, amount: int | Decimal | Fraction | str) -> Self:
        """Build from a number of 万元 (ten thousand 元), as reports often give them."""
        if isinstance(amount, bool) or not isinstance(amount, int | Decimal | Fraction | str):
            raise _fail(amount, "give int, Decimal, Fraction or text; floats are not exact")
        try:
            exact = exact_fraction(amount)
        except ValueError as error:
            raise _fail(_cut(amount), str(error)) from None
        return cls.from_yuan(exact * 10_000)

    @property
    def yuan(self) -> Decimal:
        """The amount in 元 as an exact ``Decimal`` with two places."""
        return Decimal(f"{self.fen}E-2")  # exact: scaleb() would round to the context's precision

    def to_text(self) -> str:
        """The canonical text: ``1234.56元``, ``100000元`` (whole 元 without decimals), ``-0.05元``."""
        sign = "-" if self.fen < 0 else ""
        whole, cents = divmod(abs(self.fen), 100)
        return f"{sign}{whole}.{cents:02d}元" if cents else f"{sign}{whole}元"

    def format(self, *, unit: str = "元", separators: bool = True) -> str:
        """Text for people: ``1,234.56元``, or in ``万`` / ``亿`` when asked (exact, never rounded).

        >>> Money.parse("204545元").format(unit="万")
        '20.4545万元'
        """
        scale = {"元": 1, "万": 10**4, "亿": 10**8}.get(unit)
        if scale is None:
            raise InvalidMoney("Money.format(unit)", unit, "one of '元', '万', '亿'")
        value = Fraction(self.fen, 100 * scale)
        sign = "-" if value < 0 else ""
        value = abs(value)
        whole = value.numerator // value.denominator
        rest = value - whole
        digits = ""
        while rest:  # terminates: the denominator divides a power of ten
            rest *= 10
            digit = rest.numerator // rest.denominator
            digits += str(digit)
            rest -= digit
        if unit == "元" and digits:
            digits = digits.ljust(2, "0")
        whole_text = f"{whole:,}" if separators else str(whole)
        return f"{sign}{whole_text}{'.' + digits if digits else ''}{'' if unit == '元' else unit}元"

    def __str__(self) -> str:
        return self.to_text()

    def __repr__(self) -> str:
        return f"Money({self.to_text()!r})"

    def __add__(self, other: Money) -> Money:
        if isinstance(other, Money):
            return Money._of(self.fen + other.fen)
        return NotImplemented

    def __radd__(self, other: object) -> Money:
        if type(other) is int and other == 0:  # so that sum() works
            return self
        if isinstance(other, Money):
            return Money._of(other.fen + self.fen)
        return NotImplemented

    def __sub__(self, other: Money) -> Money:
        if isinstance(other, Money):
            return Money._of(self.fen - other.fen)
        return NotImplemented

    def __neg__(self) -> Money:
        return Money._of(-self.fen)

    def __abs__(self) -> Money:
        return Money._of(abs(self.fen))

    def __mul__(self, factor: SupportsIndex) -> Money:
        if isinstance(factor, bool) or not hasattr(factor, "__index__"):
            return NotImplemented
        return Money._of(self.fen * int(factor.__index__()))

    __rmul__ = __mul__

    def __bool__(self) -> bool:
        return self.fen != 0

    def __reduce__(self) -> tuple[Any, ...]:
        return (Money, (self.fen,))


_set_fen = Money.__dict__["fen"].__set__  # the slot itself: frozen classes refuse setattr
Money.ZERO = Money(0)

"""Claims rules (破产/短缺分配规则): sharing an estate smaller than the claims on it, exactly.

A shortfall — income below the fixed returns promised, a guarantor that cannot pay — is a claims
problem: an estate ``E`` and claims ``c_i`` with ``E ≤ Σ c_i``. Every rule here awards each claimant
between 0 and its claim and hands out exactly ``E``:

- **proportional** (比例规则): ``E · c_i / Σc`` — what the library's fixed returns and minimums do;
- **constrained equal awards** (约束均等收益): everyone the same ``λ``, but nobody more than its claim;
- **constrained equal losses** (约束均等损失): everyone loses the same ``μ``, but nobody below 0;
- **Talmud** (塔木德规则): constrained equal awards on the half-claims while ``E ≤ Σc/2``; above that,
  each gets half its claim plus constrained equal losses on the other halves.

Sources: O'Neill (1982), "A problem of rights arbitration from the Talmud", *Math. Social Sciences*
2:345–371; Aumann & Maschler (1985), "Game theoretic analysis of a bankruptcy problem from the
Talmud", *J. Econ. Theory* 36:195–213 (the Talmud rule is the nucleolus of the bankruptcy game);
Thomson (2003), "Axiomatic and game-theoretic analysis of bankruptcy and taxation problems: a
survey", *Math. Social Sciences* 45:249–297 (constrained equal awards and losses are dual:
``CEA(E, c) = c − CEL(Σc − E, c)``).

>>> claims_awards("talmud", 200, {"a": 100, "b": 200, "c": 300})
{'a': Fraction(50, 1), 'b': Fraction(75, 1), 'c': Fraction(75, 1)}
"""

from __future__ import annotations

from collections.abc import Mapping
from fractions import Fraction

from dangjian_model._labels import LabelledEnum, zh_name
from dangjian_model._money import Money
from dangjian_model.allocation._apportion import round_quotas
from dangjian_model.allocation._errors import AllocationError
from dangjian_model.allocation._weights import WeightLike, to_weight

__all__ = ["ClaimsRule", "claims_awards", "claims_split"]


@zh_name("短缺分配规则")
class ClaimsRule(LabelledEnum):
    """How an estate smaller than the claims is shared."""

    PROPORTIONAL = ("proportional", "比例规则", "按比例")
    CONSTRAINED_EQUAL_AWARDS = ("constrained_equal_awards", "约束均等收益规则", "cea")
    CONSTRAINED_EQUAL_LOSSES = ("constrained_equal_losses", "约束均等损失规则", "cel")
    TALMUD = ("talmud", "塔木德规则")


def _equal_awards(estate: Fraction, claims: Mapping[str, Fraction]) -> dict[str, Fraction]:
    """min(c_i, λ) with Σ = estate: fill from the smallest claim up."""
    awards: dict[str, Fraction] = {}
    left = estate
    ordered = sorted(claims, key=lambda p: claims[p])
    for k, p in enumerate(ordered):
        level = left / (len(ordered) - k)
        if claims[p] <= level:
            awards[p] = claims[p]
            left -= claims[p]
        else:
            for q in ordered[k:]:
                awards[q] = level
            break
    return {p: awards[p] for p in claims}


def _equal_losses(estate: Fraction, claims: Mapping[str, Fraction]) -> dict[str, Fraction]:
    """max(0, c_i − μ) with Σ = estate: the dual of equal awards on the losses."""
    loss = sum(claims.values(), Fraction(0)) - estate
    losses = _equal_awards(loss, claims)
    return {p: claims[p] - losses[p] for p in claims}


def claims_awards(
    rule: ClaimsRule | str, estate: WeightLike, claims: Mapping[str, WeightLike]
) -> dict[str, Fraction]:
    """The exact award of each claimant under ``rule``.

    Args:
        rule: A :class:`ClaimsRule`, its English id or its Chinese label.
        estate: What there is to share, at most the claims' total (in any unit; Money counts in 分).
        claims: Claimant → claim, each zero or more.

    Raises:
        AllocationError: an unknown rule, a negative or inexact amount, no claimants, or an estate
            above the claims (then pay every claim in full).
    """
    chosen = ClaimsRule.parse(rule)
    if not isinstance(claims, Mapping) or not claims:
        raise AllocationError(
            "claims_awards(claims)", claims, "至少一项请求 / a mapping with at least one claim"
        )
    exact = {p: to_weight(c, f"claims_awards(claims)[{p!r}]") for p, c in claims.items()}
    amount = to_weight(estate, "claims_awards(estate)")
    total = sum(exact.values(), Fraction(0))
    if amount > total:
        raise AllocationError(
            "claims_awards(estate)",
            estate,
            f"不超过请求总额 {total} 的数额；超出时全额支付每项请求 / at most the claims' total {total}; "
            "with more, every claim is paid in full",
        )
    if chosen is ClaimsRule.PROPORTIONAL:
        return {p: amount * c / total if total else Fraction(0) for p, c in exact.items()}
    if chosen is ClaimsRule.CONSTRAINED_EQUAL_AWARDS:
        return _equal_awards(amount, exact)
    if chosen is ClaimsRule.CONSTRAINED_EQUAL_LOSSES:
        return _equal_losses(amount, exact)
    halves = {p: c / 2 for p, c in exact.items()}
    if amount <= total / 2:
        return _equal_awards(amount, halves)
    rest = _equal_losses(amount - total / 2, halves)
    return {p: halves[p] + rest[p] for p in exact}


def claims_split(
    rule: ClaimsRule | str, estate: Money | str, claims: Mapping[str, Money | str]
) -> dict[str, Money]:
    """Share ``estate`` among money claims under ``rule``, in whole 分 by largest remainder.

    The exact awards (:func:`claims_awards`) are rounded by the apportionment core, so they add up to
    the estate; since every claim is a whole number of 分, nobody is rounded above its claim.

    >>> claims_split("约束均等收益规则", "100元", {"a": "30元", "b": "100元", "c": "100元"})
    {'a': Money('30元'), 'b': Money('35元'), 'c': Money('35元')}
    """
    amount = Money.parse(estate, "claims_split(estate)")
    money = {p: Money.parse(c, f"claims_split(claims)[{p!r}]") for p, c in claims.items()}
    if amount.fen < 0 or any(c.fen < 0 for c in money.values()):
        raise AllocationError("claims_split", amount, "不为负的数额 / amounts of zero or more")
    exact = claims_awards(rule, amount.fen, {p: c.fen for p, c in money.items()})
    return {p: Money(f) for p, f in round_quotas(exact, where="claims_split").items()}

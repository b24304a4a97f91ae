"""Identifiers (DJ6xx): credit codes, division codes and ID-card numbers, checked where they are written."""

from __future__ import annotations

from collections.abc import Iterator

from dangjian_model._enums import UnitKind
from dangjian_model._model import Person, Unit
from dangjian_model.identifiers import InvalidIdentifier, division_code, id_card, uscc
from dangjian_model.validation._context import RawFinding

__all__ = ["person_identifiers", "unit_identifiers"]


_DIVISION_LENGTHS = {
    UnitKind.CITY: (6,),
    UnitKind.DISTRICT: (6,),
    UnitKind.TOWNSHIP: (9,),
    UnitKind.SUBDISTRICT: (9,),
    UnitKind.VILLAGE: (12,),
    UnitKind.COMMUNITY: (12,),
}


def unit_identifiers(unit: Unit, path: str) -> Iterator[RawFinding]:
    if unit.credit_code is not None:
        try:
            uscc.validate(unit.credit_code)
        except InvalidIdentifier as error:
            yield RawFinding(
                "DJ601",
                f"{path}.credit_code",
                f"统一社会信用代码 {unit.credit_code!r} 无效：{error.expected}",
                f"the Unified Social Credit Code {unit.credit_code!r} is not valid: expected {error.expected}",
                f"应为18位，字符取自 {uscc.ALPHABET}，第18位为 MOD 31-3 校验码（第1–2位可为字母） / "
                f"18 characters from {uscc.ALPHABET} with a MOD 31-3 check character "
                "(positions 1–2 may be letters)",
            )
    if unit.division_code is not None:
        try:
            code = division_code.validate(unit.division_code)
        except InvalidIdentifier as error:
            yield RawFinding(
                "DJ602",
                f"{path}.division_code",
                f"行政区划代码 {unit.division_code!r} 格式不对：{error.expected}",
                f"the division code {unit.division_code!r} has the wrong shape: expected {error.expected}",
                "应为6、9或12位数字，前两位为省级代码 / 6, 9 or 12 digits starting with a province prefix",
            )
            return
        lengths = _DIVISION_LENGTHS.get(unit.kind)
        if lengths is not None and len(code) not in lengths:
            yield RawFinding(
                "DJ604",
                f"{path}.division_code",
                f"{unit.kind.label}的行政区划代码应为{lengths[0]}位，而 {code!r} 为{len(code)}位",
                f"a {unit.kind.value}'s division code has {lengths[0]} digits; {code!r} has {len(code)}",
                "区县6位、乡镇街道9位、村社区12位 / counties 6 digits, townships 9, villages 12",
            )


def person_identifiers(person: Person, path: str) -> Iterator[RawFinding]:
    """DJ603: a person's ID-card number, shown masked."""
    assert person.id_card is not None
    try:
        id_card.validate(person.id_card)
    except InvalidIdentifier as error:
        yield RawFinding(
            "DJ603",
            f"{path}.id_card",
            f"居民身份证号码 {id_card.mask(person.id_card)} 无效：{error.expected}",
            f"the ID-card number {id_card.mask(person.id_card)} is not valid: expected {error.expected}",
            "应为18位：17位数字加校验码0–9或X（GB 11643-1999） / "
            "18 characters: 17 digits and a check character 0–9 or X (GB 11643-1999)",
        )

"""Every enum member has an English id and a Chinese label, and users may type either."""

from __future__ import annotations

import pickle

import pytest
from hypothesis import given

import dangjian_model as dj
from dangjian_model import InvalidLabel, LabelledEnum
from dangjian_model import strategies as dst

ENUMS: list[type[LabelledEnum]] = [
    value
    for value in (getattr(dj, name) for name in dj.__all__)
    if isinstance(value, type) and issubclass(value, LabelledEnum) and value is not LabelledEnum
]


def test_the_public_api_exports_every_vocabulary() -> None:
    assert len(ENUMS) >= 15


@pytest.mark.parametrize("enum", ENUMS, ids=lambda e: e.__name__)
def test_every_member_is_found_by_its_english_id_name_and_chinese_label(enum: type[LabelledEnum]) -> None:
    for member in enum:
        assert enum(member.value) is member
        assert enum.parse(member.label) is member
        assert enum.parse(member.name.lower()) is member
        for alias in member.aliases:
            assert enum.parse(alias) is member


@pytest.mark.parametrize("enum", ENUMS, ids=lambda e: e.__name__)
def test_no_two_members_share_a_spelling(enum: type[LabelledEnum]) -> None:
    spellings = [text for member in enum for text in {member.value, member.label, *member.aliases}]
    assert len(spellings) == len(set(spellings))


@pytest.mark.parametrize("enum", ENUMS, ids=lambda e: e.__name__)
def test_every_enum_has_a_chinese_name_and_members_survive_pickling(enum: type[LabelledEnum]) -> None:
    assert enum.zh_name() != enum.__name__
    for member in enum:
        assert pickle.loads(pickle.dumps(member)) is member
        assert str(member) == member.label


@given(dst.enum_texts(dj.UnitKind))
def test_what_users_type_names_the_member(pair: tuple[str, dj.UnitKind]) -> None:
    text, member = pair
    assert dj.UnitKind.parse(f"  {text} ") is member


def test_an_unknown_label_is_refused_with_the_choices_and_a_suggestion() -> None:
    with pytest.raises(InvalidLabel) as error:
        dj.PartyOrgForm.parse("党之部")
    message = str(error.value)
    assert "'党之部'" in message
    assert "branch (党支部)" in message
    assert "did you mean" in message
    with pytest.raises(InvalidLabel, match="AllianceType"):
        dj.AllianceType("nonsense")
    with pytest.raises(InvalidLabel):
        dj.AllianceType.parse(3)


def test_org_forms_carry_the_de_facto_type_codes() -> None:
    codes = {form: form.type_code for form in dj.PartyOrgForm if form.type_code is not None}
    assert {code.value for code in codes.values()} == {"611", "621", "631", "632", "911", "921", "931", "932"}
    assert dj.PartyOrgForm.JOINT_BRANCH.type_code is dj.OrgTypeCode.C632
    assert dj.PartyOrgForm.PARTY_GROUP.type_code is None
    assert all(form.is_temporary == code.value.startswith("9") for form, code in codes.items())


def test_four_links_are_the_four_linkages_of_seed_001() -> None:
    assert {link.label for link in dj.LinkageVocabulary.FOUR_LINKS.linkages} == {
        "党建联盟",
        "产业联动",
        "规划联体",
        "社会联治",
    }
    assert len(dj.LinkageVocabulary.EIGHT_TOGETHER.linkages) == 8
    assert {p.label for p in dj.THREE_UNCHANGED} == {"管理层级不变", "资产属性不变", "账务核算不变"}


def test_the_eight_ningbo_modes_are_marked() -> None:
    modes = {t.label for t in dj.AllianceType if t.is_ningbo_mode}
    assert modes == {
        "导师帮带型",
        "强村带动型",
        "产业集聚型",
        "项目牵引型",
        "治理联动型",
        "服务统筹型",
        "睦邻协作型",
        "飞地抱团型",
    }


def test_kind_and_designation_groups() -> None:
    assert dj.UnitKind.VILLAGE.is_territory and not dj.UnitKind.SCHOOL.is_territory
    assert dj.UnitKind.STATE_ENTERPRISE.is_enterprise and not dj.UnitKind.COURT.is_enterprise
    assert dj.Designation.STRONG_VILLAGE.is_strong and dj.Designation.WEAK_VILLAGE.needs_help
    assert dj.ContributionKind.FISCAL_SUPPORT_FUNDS.is_monetary and not dj.ContributionKind.LAND.is_monetary
    assert dj.PartyOrgForm.TEMPORARY_JOINT_BRANCH.is_branch and dj.PartyOrgForm.JOINT_COMMITTEE.is_joint


def test_no_spelling_of_any_member_is_longer_than_the_longest_text_compared() -> None:
    from dangjian_model._labels import _LONGEST, LabelledEnum

    enums = [enum for enum in LabelledEnum.__subclasses__() if len(enum)]
    spellings = [s for enum in enums for m in enum for s in (m.value, m.label, *m.aliases)]
    assert enums and max(map(len, spellings)) <= _LONGEST


def test_a_huge_label_is_refused_without_a_suggestion() -> None:
    from dangjian_model import UnitKind
    from dangjian_model._errors import InvalidLabel

    with pytest.raises(InvalidLabel) as raised:
        UnitKind("村" * 1_000_000)
    assert "did you mean" not in str(raised.value)


def test_a_long_list_of_choices_is_cut_to_the_closest_ones_and_counts_the_rest() -> None:
    from dangjian_model import UnitKind

    with pytest.raises(InvalidLabel) as raised:
        UnitKind.parse("villag")
    message = str(raised.value)
    assert "village (行政村)" in message
    assert f"(+{len(UnitKind) - 8}: see UnitKind in the glossary)" in message
    assert message.count("(") < len(UnitKind)  # not every choice
    assert "did you mean 'village'?" in message


def test_equal_members_hash_alike_and_find_each_other_in_sets_and_mappings() -> None:
    from dangjian_model._labels import LabelledEnum

    def every_enum(cls: type[LabelledEnum]) -> list[type[LabelledEnum]]:
        found = [cls] if list(cls) else []
        for sub in cls.__subclasses__():
            found += every_enum(sub)
        return found

    import dangjian_model  # noqa: F401 - the enums are defined when the package's modules are imported
    from dangjian_model import _enums  # noqa: F401

    enums = every_enum(LabelledEnum)
    assert len(enums) > 10
    for enum in enums:
        for member in enum:
            again = enum(member.label)  # the same member, reached by its Chinese label
            assert again is member
            assert hash(again) == hash(member)
            assert {member: 1}[again] == 1
            assert again in frozenset(enum)
        assert len({*enum, *enum}) == len(enum)

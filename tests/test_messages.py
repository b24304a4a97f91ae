"""The message catalogue: what a file problem expects reads in Chinese, not only in English."""

from __future__ import annotations

import re

import pytest

from dangjian_model._messages import _EXPECTED, en_expected, zh_expected
from dangjian_model.files import ConfigError, loads
from dangjian_model.files._converter import MAX_TEXT

CJK = re.compile(r"[\u3400-\u9fff]")


@pytest.mark.parametrize("english", sorted(_EXPECTED))
def test_every_phrase_of_the_catalogue_reads_in_chinese_and_stays_english_in_english(english: str) -> None:
    chinese = zh_expected(english)
    assert chinese.startswith("应为 ")
    assert CJK.search(chinese) or chinese.removeprefix("应为 ") in ("true 或 false",)
    assert english not in chinese or english.startswith("money as text")  # its examples are Chinese
    assert en_expected(english) == f"expected {english}"


@pytest.mark.parametrize(
    ("english", "chinese"),
    [
        (f"text of at most {MAX_TEXT} characters", f"应为 至多 {MAX_TEXT} 个字符的文本"),
        (
            "a document of at most 1024 bytes (Limits.max_bytes)",
            "应为 至多 1024 字节的文档（Limits.max_bytes）",
        ),
        ("nesting at most 3 levels deep (Limits.max_depth)", "应为 嵌套不超过 3 层（Limits.max_depth）"),
        ("UTF-8 text (bad byte at offset 17)", "应为 UTF-8 文本（第 17 个字节起有误）"),
        ("a readable file (No such file or directory)", "应为 可以读取的文件（No such file or directory）"),
        ("a valid Registry", "应为 有效的 Registry"),
        ("a valid value (KeyError)", "应为 有效的值（KeyError）"),
        ("1, the format version", "应为 1（格式版本）"),
        ("each Principle at most once; repeated: x", "应为 每个 Principle 只能出现一次；重复的有：x"),
        ("a whole number (got a list)", "应为 整数（实际是列表）"),
        ("true or false (got Decimal)", "应为 true 或 false（实际是Decimal）"),
    ],
)
def test_phrases_with_a_number_or_a_name_keep_it_in_the_chinese(english: str, chinese: str) -> None:
    assert zh_expected(english) == chinese


def test_a_phrase_the_catalogue_does_not_know_is_still_said_with_its_english() -> None:
    assert zh_expected("a shape nobody has seen (got a list)") == "应为 a shape nobody has seen (got a list)"


def test_a_problem_of_a_real_file_says_in_chinese_what_the_field_takes() -> None:
    document = "units:\n  - id: v1\n    name: 第1村\n    kind: village\n    population: -3\n"
    with pytest.raises(ConfigError) as raised:
        loads(document, "yaml")
    (problem,) = raised.value.problems
    assert "不小于 0 的整数" in problem.zh()
    assert "a whole number ≥ 0" in problem.en()


def test_a_text_that_nests_what_was_got_many_times_is_said_once_without_taking_it_apart() -> None:
    nested = "a whole number" + " (got text)" * 5_000
    assert zh_expected(nested) == f"应为 {nested}"
    assert (
        zh_expected("a whole number (got text) (got a list)") == "应为 a whole number (got text) (got a list)"
    )

"""The message catalogue: every message of the files and the command in Chinese and English, in one place.

A message is looked up by key and filled in; :func:`say` gives both languages (Chinese first) or the one
asked for. :func:`zh_expected` gives the Chinese of a file problem's ``expected`` text, which the
formats write in English (with the Chinese term where there is one).

>>> say("unknown_command", command="valdate") + " " + say("did_you_mean_command", hint="validate")
"没有命令 'valdate' no command 'valdate' 您是否想用 validate？ did you mean validate?"
>>> say("no_such_file", "en")
'no such file'
>>> zh_expected("valid YAML (while parsing a flow mapping expected ',' or '}', but got ':')")
"YAML 语法有误（while parsing a flow mapping expected ',' or '}', but got ':'）"

This module imports nothing else of the library: the files, validation and the command all use it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Literal

__all__ = ["MESSAGES", "Language", "bilingual", "closest", "en_expected", "say", "zh_expected"]

#: ``"zh"`` or ``"en"`` for one language; None for both (Chinese first).
Language = Literal["zh", "en"] | None

#: key → (Chinese, English); ``{name}`` fields are filled by :func:`say`.
MESSAGES: dict[str, tuple[str, str]] = {
    # file problems
    "unknown_key": ("未知字段", "no such key"),
    "did_you_mean": ("您是否想写 {hint!r}？", "did you mean {hint!r}?"),
    "required": ("缺少必填字段", "this key, which is required"),
    "syntax": ("{format} 语法有误（{reason}）", "valid {format} ({reason})"),
    "each_key_once": ("字段重复，每个字段只能写一次", "each key once"),
    "not_valid": ("值 {value} 无效", "{value} is not valid"),
    "expected": ("应为 {expected}", "expected {expected}"),
    # files and the command line
    "no_such_file": ("文件不存在", "no such file"),
    "is_a_directory": ("这是一个目录，不是文件", "is a directory, not a file"),
    "permission_denied": ("没有读取权限", "permission denied"),
    "too_large": (
        "文件太大：超过 {limit:,} 字节（用 --max-bytes 调整）",
        "too large: more than {limit:,} bytes (change the limit with --max-bytes)",
    ),
    "not_utf8": ("不是 UTF-8 文本（第 {offset} 字节有误）", "not UTF-8 text (bad byte at offset {offset})"),
    "unknown_format": (
        "不知道这是什么格式：文件名应以 {known} 结尾（或是 CSV 文件的文件夹），或给出 --input-format",
        "unknown format: the name should end in {known} (or be a folder of CSV files), "
        "or give --input-format",
    ),
    "stdin_format": (
        "从标准输入读取时需要 --input-format json、yaml 或 toml",
        "reading standard input needs --input-format json, yaml or toml",
    ),
    "stdin_sheets": (
        "标准输入只能读取 JSON、YAML 或 TOML：工作簿和 CSV 请给出文件名",
        "standard input holds JSON, YAML or TOML: name the workbook or CSV file instead",
    ),
    "usage_error": ("命令行有误", "bad command line"),
    "unknown_command": ("没有命令 {command!r}", "no command {command!r}"),
    "did_you_mean_command": ("您是否想用 {hint}？", "did you mean {hint}?"),
    "choose_from": ("可选", "choose from"),
    "see_help": ("用 {prog} --help 查看用法", "see {prog} --help"),
}

_CJK = re.compile(r"[\u3400-\u9fff]")


def bilingual(zh: str, en: str, lang: Language = None) -> str:
    """``zh`` and ``en`` side by side (Chinese first), or only the one ``lang`` asks for."""
    if lang == "zh":
        return zh
    if lang == "en":
        return en
    return zh if zh == en else f"{zh} {en}"


def say(key: str, lang: Language = None, **fields: object) -> str:
    """The message ``key`` of the catalogue, filled with ``fields``, in ``lang`` (both by default)."""
    zh, en = MESSAGES[key]
    return bilingual(zh.format(**fields), en.format(**fields), lang)


def closest(text: str, choices: Sequence[str], n: int = 5) -> list[str]:
    """The ``n`` choices most like ``text``, most alike first (a long list cut to the few that matter)."""
    if len(choices) <= n:
        return list(choices)
    import difflib  # only a misspelling needs it: a clean run does not import it

    return difflib.get_close_matches(text[:100], choices, n=n, cutoff=0.0)


_SYNTAX = re.compile(r"valid (YAML|JSON|TOML) \((.*)\)\Z", re.S)
_UNKNOWN = re.compile(r"no such key(?:; did you mean ('.*?')\?)?(?: \((.*)\))?\Z", re.S)


#: The Chinese of the ``expected`` texts the model and the readers write (any other: 应为 + the English).
_EXPECTED: dict[str, str] = {
    "text": "文本",
    "true or false": "true 或 false",
    "true/false": "true 或 false",
    "a whole number": "整数",
    "a whole number ≥ 0": "不小于 0 的整数",
    "a whole number ≥ 1": "不小于 1 的整数",
    "a number": "数字",
    "a date such as 2021-12-06": "日期，如 2021-12-06",
    "a date such as 2021-12-06, or nothing": "日期（如 2021-12-06）或不填",
    "a list": "列表",
    "a list, not a single value": "列表，而不是单个值",
    "a list of entities": "实体的列表",
    "a mapping": "映射（键: 值）",
    "a document the library can hold": "本库能容纳的文档",
    "data the library can hold": "本库能容纳的数据",
    "a Popolo JSON object": "Popolo JSON 对象",
    "format json, yaml or toml": "json、yaml 或 toml 格式",
    "money as text with its unit, such as '10万元' or '1234.56元'": "带单位的金额文本，如 '10万元' 或 '1234.56元'",
}
#: The ``expected`` texts with a number or a name in them: the English, and the Chinese of its parts.
_EXPECTED_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"text of at most (\d+) characters\Z"), "至多 {0} 个字符的文本"),
    (
        re.compile(r"a document of at most (\d+) bytes \((Limits\.max_bytes)\)\Z"),
        "至多 {0} 字节的文档（{1}）",
    ),
    (re.compile(r"nesting at most (\d+) levels deep \((Limits\.max_depth)\)\Z"), "嵌套不超过 {0} 层（{1}）"),
    (re.compile(r"UTF-8 text \(bad byte at offset (\d+)\)\Z"), "UTF-8 文本（第 {0} 个字节起有误）"),
    (re.compile(r"a readable file \((.*)\)\Z", re.S), "可以读取的文件（{0}）"),
    (re.compile(r"a valid value \((\w+)\)\Z"), "有效的值（{0}）"),
    (re.compile(r"a valid document \((\w+)\)\Z"), "有效的文档（{0}）"),
    (re.compile(r"a valid (\w+)\Z"), "有效的 {0}"),
    (re.compile(r"(\d+), the format version\Z"), "{0}（格式版本）"),
    (re.compile(r"each (\w+) at most once; repeated: (.*)\Z", re.S), "每个 {0} 只能出现一次；重复的有：{1}"),
)
_GOT = re.compile(r"(.*) \(got (.*)\)\Z", re.S)


def _known(expected: str) -> str | None:
    """The Chinese of a phrase of the catalogue, with its numbers and names, or None."""
    found = _EXPECTED.get(expected)
    if found is not None:
        return found
    for pattern, chinese in _EXPECTED_PATTERNS:
        match = pattern.match(expected)
        if match:
            return chinese.format(*match.groups())
    return None


def _zh_phrase(expected: str) -> str | None:
    """The Chinese of an ``expected`` text: a known phrase, or one followed by what was got instead.

    One level only (the texts are ours, of the form ``X (got Y)``): a text that nests more, whatever
    it holds, is not taken apart again and again.
    """
    found = _known(expected)
    if found is not None:
        return found
    got = _GOT.match(expected)
    wanted = _known(got.group(1)) if got else None
    if got is None or wanted is None:
        return None
    return f"{wanted}（实际是{_known(got.group(2)) or got.group(2)}）"


def zh_expected(expected: str) -> str:
    """The Chinese of a problem's ``expected`` text; text that already has Chinese is kept as it is.

    >>> zh_expected("a whole number ≥ 0"), zh_expected("a whole number (got text)")
    ('应为 不小于 0 的整数', '应为 整数（实际是文本）')
    """
    known = _zh_phrase(expected)
    if known is not None:
        return MESSAGES["expected"][0].format(expected=known)
    if _CJK.search(expected):
        return expected
    syntax = _SYNTAX.match(expected)
    if syntax:
        return MESSAGES["syntax"][0].format(format=syntax.group(1), reason=syntax.group(2))
    unknown = _UNKNOWN.match(expected)
    if unknown:
        hint = unknown.group(1)
        return "未知字段" + (f"，您是否想写 {hint}？" if hint else "")
    if expected == MESSAGES["required"][1]:
        return MESSAGES["required"][0]
    if expected == MESSAGES["each_key_once"][1]:
        return MESSAGES["each_key_once"][0]
    return MESSAGES["expected"][0].format(expected=expected)


def en_expected(expected: str) -> str:
    """The English of a problem's ``expected`` text as a sentence: ``expected …``, or ``unknown key; …``."""
    if expected.startswith("no such key"):
        return "unknown key" + expected[len("no such key") :]
    return MESSAGES["expected"][1].format(expected=expected)

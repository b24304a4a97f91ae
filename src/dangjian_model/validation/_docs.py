"""The rule reference page (``docs/rules.md``), generated from the catalogue so docs and code cannot drift.

Regenerate it with ``python -m dangjian_model.validation docs/rules.md``; a test checks the committed page.
"""

from __future__ import annotations

import inspect
import textwrap

from dangjian_model.validation._catalogue import CATALOGUE, Rule
from dangjian_model.validation._examples import cixi, cixi_seed

__all__ = ["rules_markdown"]

_FAMILIES = {
    "DJ1": "DJ1xx — 引用、编号与层级 references, ids and trees",
    "DJ2": "DJ2xx — 党组织形式 party-organisation forms",
    "DJ3": "DJ3xx — 联盟类型 alliance types",
    "DJ4": "DJ4xx — 成员、日期、四联三不变、队伍、网格、品牌 membership, dates, 四联三不变, teams, grids, brands",
    "DJ5": "DJ5xx — 项目、投入、股份与清单 projects, contributions, shares and lists",
    "DJ6": "DJ6xx — 标识代码 identifiers",
    "DJ7": "DJ7xx — 会议、议事与换届 meetings, deliberation and committee terms",
    "DJ8": "DJ8xx — 数据、自定义词语、网格模板、退出条件与认领 figures, custom terms, grid templates, exit conditions, claims",
}


def _source(builder: object) -> str:
    text = textwrap.dedent(inspect.getsource(builder))  # type: ignore[arg-type]
    return "\n".join(line for line in text.strip().splitlines() if not line.startswith("@_"))


def _section(rule: Rule) -> str:
    return "\n".join(
        [
            f"### {rule.code} {rule.name}",
            "",
            f"**{rule.title_zh}** — {rule.title_en}",
            "",
            f"- 严重程度 severity: {rule.severity.label} `{rule.severity.value}`",
            f"- 依据 source: {rule.source}",
            f"- 原因 why: {rule.why}",
            "",
            "Fires on:",
            "",
            "```text",
            _source(rule.failing),
            "```",
            "",
            "Silent on:",
            "",
            "```text",
            _source(rule.passing),
            "```",
            "",
        ]
    )


def rules_markdown() -> str:
    """The text of ``docs/rules.md``: one section per rule, with its failing and passing example."""
    lines = [
        "# 规则参考 Rule reference",
        "",
        "<!-- Generated from dangjian_model.validation's catalogue: do not edit by hand. -->",
        "<!-- Regenerate: python -m dangjian_model.validation docs/rules.md -->",
        "",
        "Every rule `validate()` checks, with its stable code, default severity, source, and the",
        "examples the test suite runs: each rule fires on the first and stays silent on the second.",
        "Most examples change one thing in `cixi()`, the 慈溪 匡堰镇南部片区 of seed 001 (at the end).",
        "",
        "| code | 规则 | rule | severity |",
        "|---|---|---|---|",
        *(
            f"| [{r.code}](#{r.code.lower()}-{r.name}) | {r.title_zh} | {r.title_en} | {r.severity.value} |"
            for r in CATALOGUE
        ),
        "",
    ]
    family = ""
    for rule in CATALOGUE:
        if rule.code[:3] != family:
            family = rule.code[:3]
            lines += [f"## {_FAMILIES[family]}", ""]
        lines.append(_section(rule))
    lines += [
        "## 基础示例 The base example: `cixi()`",
        "",
        "`cixi_seed()` (public as `dangjian_model.validation.cixi_seed_example`) is the 片区 as seed 001 "
        "describes it, the one source of `examples/cixi_three_villages.*`; `cixi()` (public as `cixi_example`) "
        "adds what the examples above change.",
        "",
        "```text",
        _source(cixi_seed),
        "",
        "",
        _source(cixi),
        "```",
        "",
    ]
    return "\n".join(lines)

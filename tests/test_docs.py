"""The generated docs pages match the code they describe."""

from __future__ import annotations

from pathlib import Path

from dangjian_model._glossary import render_glossary

DOCS = Path(__file__).resolve().parents[1] / "docs"


def test_the_glossary_page_lists_every_vocabulary_as_the_code_has_it() -> None:
    assert (DOCS / "glossary.md").read_text(encoding="utf-8") == render_glossary(), (
        "docs/glossary.md is stale: run `python -m dangjian_model._glossary > docs/glossary.md`"
    )


def test_the_glossary_has_the_chinese_label_of_every_member() -> None:
    text = (DOCS / "glossary.md").read_text(encoding="utf-8")
    for label in ("飞地抱团型", "联合党支部", "管理层级不变", "规划联体", "楼门长", "头雁"):
        assert f"| {label} |" in text

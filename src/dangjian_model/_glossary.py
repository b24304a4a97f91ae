"""The zh/en glossary page, generated from the vocabularies so that the docs cannot drift from the code.

Regenerate with ``python -m dangjian_model._glossary > docs/glossary.md``.
"""

from __future__ import annotations

import dangjian_model as dj
from dangjian_model._labels import LabelledEnum

__all__ = ["render_glossary"]


def _vocabularies() -> list[type[LabelledEnum]]:
    found = [getattr(dj, name) for name in dj.__all__]
    return [v for v in found if isinstance(v, type) and issubclass(v, LabelledEnum) and v is not LabelledEnum]


def render_glossary() -> str:
    """The Markdown text of ``docs/glossary.md``."""
    lines = [
        "# 术语表 Glossary",
        "",
        "Every term users see, with the English identifier code and files use. Either is accepted",
        "wherever a value is read; so are the other spellings listed. Generated from the code by",
        "`python -m dangjian_model._glossary`; a test keeps this page and the code in step.",
        "",
    ]
    for enum in _vocabularies():
        doc = (enum.__doc__ or "").strip().splitlines()[0]
        lines += [
            f"## {enum.zh_name()} `{enum.__name__}`",
            "",
            doc,
            "",
            "| 中文 | English id | 其他写法 other spellings |",
            "|---|---|---|",
        ]
        for member in enum:
            aliases = "、".join(member.aliases)
            lines.append(f"| {member.label} | `{member.value}` | {aliases} |")
        lines.append("")
    return "\n".join(lines)


if __name__ == "__main__":  # pragma: no cover
    print(render_glossary(), end="")

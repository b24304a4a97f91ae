"""Untidy text from outside (Popolo, spreadsheets): tidied on import and each change reported.

Text typed or scraped elsewhere often carries white space at either end (``' Greens'``) or full-width
spaces (U+3000, ``'张　三'``). Importers of outside data tidy it with :func:`tidy_text` and report
every change as a :class:`Tidied` info finding with its path; the library's own formats stay strict.

>>> tidy_text(" 张　三 ", "$.persons[0].name")
('张 三', Tidied(path='$.persons[0].name', message_zh='去掉首尾空白；全角空格改为半角空格', message_en='white space at the start or end removed; full-width spaces (U+3000) replaced by spaces', cell=None))
>>> tidy_text("匡堰镇", "$.organizations[0].name")
('匡堰镇', None)
"""

from __future__ import annotations

from typing import ClassVar

import attrs

from dangjian_model._repr import FieldsRepr

__all__ = ["FULL_WIDTH_SPACE", "Tidied", "tidy_text"]

#: The ideographic (full-width) space, U+3000.
FULL_WIDTH_SPACE = "\u3000"


@attrs.frozen(kw_only=True, repr=False)
class Tidied(FieldsRepr):
    """An info finding (提示): text read from outside was tidied on import.

    The message never quotes the text: it may be a person's name.

    Attributes:
        path: Where, in the source's own keys: ``$.organizations[3].name``.
        message_zh: What was done, in Chinese.
        message_en: What was done, in English.
        severity: Always ``info``: nothing is wrong with the result.
        cell: In a workbook or CSV folder, the cell the text was in: ``单位!B7``.
    """

    severity: ClassVar[str] = "info"

    path: str
    message_zh: str
    message_en: str
    cell: str | None = None

    def __str__(self) -> str:
        where = self.path if self.cell is None else f"{self.cell}: {self.path}"
        return f"{where}: 提示 info: {self.message_zh} / {self.message_en}"


def tidy_text(text: str, path: str) -> tuple[str, Tidied | None]:
    """``text`` without white space at either end and with full-width spaces as plain ones.

    Returns the tidied text and the finding that reports the change, or None if it was tidy.
    """
    trimmed = text.strip()
    plain = trimmed.replace(FULL_WIDTH_SPACE, " ")
    if plain == text:
        return text, None
    zh, en = [], []
    if trimmed != text:
        zh.append("去掉首尾空白")
        en.append("white space at the start or end removed")
    if plain != trimmed:
        zh.append("全角空格改为半角空格")
        en.append("full-width spaces (U+3000) replaced by spaces")
    return plain, Tidied(path=path, message_zh="；".join(zh), message_en="; ".join(en))

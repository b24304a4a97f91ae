"""Optional libraries (Excel, Arrow, pandas): imported when first needed, with a clear error when absent."""

from __future__ import annotations

import importlib
from typing import Any

from dangjian_model._errors import DangjianError

__all__ = ["MissingExtra", "require"]


class MissingExtra(DangjianError, ImportError):
    """An optional library a feature needs is not installed; the message says how to install it.

    Attributes:
        module: The library's module name, e.g. ``openpyxl``.
        extra: The extra of ``dangjian-model`` that installs it, e.g. ``excel``.

    >>> raise MissingExtra("openpyxl", "excel", "读写 Excel 工作簿", "Excel workbooks")
    Traceback (most recent call last):
      ...
    dangjian_model.files._extras.MissingExtra: 读写 Excel 工作簿需要安装 openpyxl：pip install 'dangjian-model[excel]' — Excel workbooks need openpyxl: pip install 'dangjian-model[excel]'
    """

    def __init__(self, module: str, extra: str, purpose_zh: str, purpose_en: str) -> None:
        self.module = module
        self.extra = extra
        self.purpose_zh = purpose_zh
        self.purpose_en = purpose_en
        install = f"pip install 'dangjian-model[{extra}]'"
        super().__init__(f"{purpose_zh}需要安装 {module}：{install} — {purpose_en} need {module}: {install}")
        self.name = module

    def __reduce__(self) -> tuple[type[MissingExtra], tuple[str, str, str, str]]:
        return (type(self), (self.module, self.extra, self.purpose_zh, self.purpose_en))


def require(module: str, extra: str, purpose_zh: str, purpose_en: str) -> Any:
    """The module, imported; :class:`MissingExtra` if it is not installed."""
    try:
        return importlib.import_module(module)
    except ImportError:
        raise MissingExtra(module, extra, purpose_zh, purpose_en) from None

"""The report (报告): one self-contained HTML page that people read, print and sign.

:func:`render` writes an overview of every alliance with its structure drawn as inline SVG (affiliation
solid, alliance links dashed), the validation findings grouped by rule, for each project and each year
of recorded income the 分配表 with the reason for every amount and a line to sign for every member, and
the meetings of the year before the report's date with their follow-ups. The page needs no network: no
script, and no style, font or image from outside.

The years and their numbers are the allocation library's
(:func:`dangjian_model.allocation.allocate_project_by_year`): the income of each calendar year, shared by
the rule as it stands in that year of the agreement. Each year's heading names both.

>>> import datetime
>>> from dangjian_model.files import load
>>> html = render(load("examples/enclave_fixed_return.yaml"), as_of=datetime.date(2025, 1, 15))
>>> "协议第 2 年 · 2020 年度收入" in html, "协议第 6 年 · 2024 年度收入" in html
(True, True)
"""

from dangjian_model.report._page import PersonalData, render
from dangjian_model.report._svg import to_svg
from dangjian_model.report._words import Language

__all__ = ["Language", "PersonalData", "render", "to_svg"]

"""The report (报告): one self-contained HTML page that people read, print and sign.

:func:`render` writes an overview of every alliance with its structure drawn as inline SVG (affiliation
solid, alliance links dashed), the validation findings grouped by rule, and for each project and each
agreement year of recorded income the 分配表 with the reason for every amount and a line to sign for
every member. The page needs no network: no script, and no style, font or image from outside.

>>> from dangjian_model.files import load
>>> registry = load("examples/enclave_fixed_return.yaml")
>>> [(share.year, str(share.allocation.total)) for share in allocations_by_year(registry, registry.projects[0])]
[(2, '350000元'), (6, '400000元')]
"""

from dangjian_model.report._page import PersonalData, YearAllocation, allocations_by_year, render
from dangjian_model.report._svg import to_svg
from dangjian_model.report._words import Language

__all__ = ["Language", "PersonalData", "YearAllocation", "allocations_by_year", "render", "to_svg"]
